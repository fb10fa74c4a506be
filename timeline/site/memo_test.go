package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/templates"
	"github.com/timelinehq/timeline/timeline/events"
)

// defaultTemplate is the default template file name.
func defaultTemplate(t testing.TB, name string) string {
	t.Helper()
	data, err := templates.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestMemoMakesTheSameSite builds a site, edits it and builds it again
// into the same output with a Memo, as a preview does: the memo must be
// used, and the output must be byte for byte a fresh build's without one.
func TestMemoMakesTheSameSite(t *testing.T) {
	base := syntheticSite(600, 60)
	for i, a := range base.Articles {
		c := *a
		c.Sum = fmt.Sprintf("%x", sha256.Sum256(a.Raw)) // as the reader sets it
		base.Articles[i] = &c
	}
	mid := base.Events[300]
	layout, entry := defaultTemplate(t, "_layout.html"), defaultTemplate(t, "_entry.html")
	edits := []struct {
		name  string
		edit  func(s Site) Site
		kept  bool              // some group page lists the same events
		tmpl  map[string]string // the templates of the second build, over the defaults
		fresh bool              // every entry the second build makes is new
	}{
		{"titles changed", func(s Site) Site { s, _ = edited(s, 5); return s }, true, nil, false},
		{"an event added", func(s Site) Site {
			s.Events = slices.Insert(slices.Clone(s.Events), 301, events.Event{ID: mid.ID + "-added", Type: mid.Type,
				Status: events.Occurred, Date: mid.Date, Title: "An added event", Actors: mid.Actors, Sources: mid.Sources})
			return s
		}, true, nil, false},
		{"an article's title and address changed", func(s Site) Site {
			s.Articles = slices.Clone(s.Articles)
			a := *s.Articles[7]
			a.Title, a.URL = "A retitled article", "https://example.org/moved"
			s.Articles[7] = &a
			return s
		}, true, nil, false},
		// An event months before it with its ID makes an event's
		// permalink "<ID>-2": its view is taken and placed elsewhere,
		// and the entries that link to it, on its period's, type's and
		// actor's pages, are made again though those list the same events.
		{"an event's permalink moved", func(s Site) Site {
			early := s.Events[100]
			if early.Date[:7] == mid.Date[:7] {
				t.Fatalf("events 100 and 300 are both of %s", mid.Date[:7])
			}
			s.Events = slices.Insert(slices.Clone(s.Events), 100, events.Event{ID: mid.ID, Type: early.Type,
				Status: events.Occurred, Date: early.Date, Title: "An event with a later one's ID", Sources: early.Sources})
			return s
		}, true, nil, false},
		{"events removed", func(s Site) Site {
			s.Events = slices.Delete(slices.Clone(s.Events), 100, 400)
			return s
		}, false, nil, false},
		// A template edit renders every page it reaches again, but the
		// entries keep their HTML when it does not reach them.
		{"the layout changed", func(s Site) Site { return s }, true,
			map[string]string{"_layout.html": strings.Replace(layout, "</footer>", "<p>Edited.</p></footer>", 1)}, false},
		// The pages that list entries render again, and make them anew;
		// the pages of actors and types list compact lines, and keep them.
		{"an entry's template changed", func(s Site) Site { return s }, true,
			map[string]string{"_entry.html": strings.Replace(entry, `<div class="when">`, `<div class="when edited">`, 1)}, true},
	}
	for _, tc := range edits {
		t.Run(tc.name, func(t *testing.T) {
			var tmpl fs.FS
			if tc.tmpl != nil {
				dir := t.TempDir()
				writeFiles(t, dir, tc.tmpl)
				var err error
				if tmpl, err = Templates(dir); err != nil {
					t.Fatal(err)
				}
			}
			memo := new(Memo)
			out := filepath.Join(t.TempDir(), "public")
			s := base
			s.Memo = memo
			if _, err := Build(context.Background(), s, nil, out, Options{}); err != nil {
				t.Fatal(err)
			}
			first := len(memo.fragments.html)
			if first == 0 {
				t.Fatal("the memo kept no fragment")
			}
			s = tc.edit(s)
			memo.fragments.hits = 0
			if _, err := Build(context.Background(), s, tmpl, out, Options{}); err != nil {
				t.Fatal(err)
			}
			if memo.fragments.hits == 0 && !tc.fresh {
				t.Error("the second build used no fragment")
			}
			if len(memo.facets.last) == 0 {
				t.Error("the memo kept no group's facets")
			}
			if tc.kept && memo.entries.reused == 0 {
				t.Error("the second build made every group page's entries again")
			}
			if tc.kept && memo.entries.periodsReused == 0 {
				t.Error("the second build made every period page's entries again")
			}
			if memo.articleKeys.hits == 0 && tc.tmpl == nil {
				t.Error("the second build took no article page's key from the memo")
			}
			// An event's entry on a period page and the index, its compact
			// line on each of its actors' pages and on its type's page.
			most := 0
			for _, e := range s.Events {
				most += 3 + len(e.Actors)
			}
			if n := len(memo.fragments.html); n > most {
				t.Errorf("the memo keeps %d fragments for %d events, more than %d", n, len(s.Events), most)
			}
			s.Memo = nil
			got, want := readTree(t, out), readTree(t, build(t, s, tmpl))
			for name, data := range want {
				if !bytes.Equal(got[name], data) {
					t.Errorf("%s differs from a fresh build's", name)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s is not in a fresh build", name)
				}
			}
		})
	}
}

// TestMemoKeepsTheDigestsOfWhatIsTheSame builds views one after the other
// with one Memo, as a preview does: every digest must be the one a build
// without the memo makes, the same site again must keep every digest, and
// an edit must change the edited event's digest and no other.
func TestMemoKeepsTheDigestsOfWhatIsTheSame(t *testing.T) {
	base := exportSite(t, exportBase)
	m := &Memo{}
	build := func(s Site) map[string]Key {
		t.Helper()
		fresh := newSiteView(s, exportBase)
		s.Memo = m
		memoed := newSiteView(s, exportBase)
		digests := map[string]Key{}
		for i := range fresh.Events {
			if fresh.Events[i].digest != memoed.Events[i].digest {
				t.Fatalf("%s: the memo gives another digest than a fresh build", fresh.Events[i].ID)
			}
			digests[fresh.Events[i].ID] = fresh.Events[i].digest
		}
		return digests
	}
	first := build(base)
	if again := build(base); !maps.Equal(first, again) {
		t.Fatal("the same site again changed digests")
	}
	edited := base
	edited.Events = slices.Clone(base.Events)
	edited.Events[1].Title += " (corrected)"
	for id, d := range build(edited) {
		switch {
		case id == edited.Events[1].ID && d == first[id]:
			t.Errorf("%s was edited and kept its digest", id)
		case id != edited.Events[1].ID && d != first[id]:
			t.Errorf("%s did not change, and got another digest", id)
		}
	}
}

// TestMemoSeesTheOutputChangedByHand builds into the same output with a
// Memo, as a preview does, after a page was deleted, a file added, a
// folder removed and a page replaced by another program: the memo's
// record of the output must not hide any of it, and the output must
// again be a fresh build's. Unchanged, a rebuild writes nothing.
func TestMemoSeesTheOutputChangedByHand(t *testing.T) {
	s := syntheticSite(200, 20)
	want := readTree(t, build(t, s, nil))
	out := filepath.Join(t.TempDir(), "public")
	s.Memo = new(Memo)
	rebuild := func() Stats {
		t.Helper()
		st, err := Build(context.Background(), s, nil, out, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s.Memo.Wait()
		return st
	}
	rebuild()
	if st := rebuild(); st.Written != 0 || st.Removed != 0 {
		t.Fatalf("an unchanged rebuild wrote %d files and removed %d", st.Written, st.Removed)
	}
	if s.Memo.output.taken == 0 {
		t.Fatal("the unchanged rebuild listed the output instead of taking the memo's record")
	}
	pages, _ := filepath.Glob(filepath.Join(out, "articles", "*.html"))
	if len(pages) < 2 {
		t.Fatalf("%d article pages", len(pages))
	}
	edits := []struct {
		name string
		edit func() error
	}{
		{"a page deleted", func() error { return os.Remove(pages[0]) }},
		{"a file added", func() error { return os.WriteFile(filepath.Join(out, "events", "stray.html"), []byte("stray"), 0o644) }},
		{"a folder removed", func() error { return os.RemoveAll(filepath.Join(out, "types")) }},
		{"a page replaced by a rename", func() error {
			tmp := filepath.Join(out, "articles", "x.tmp")
			if err := os.WriteFile(tmp, []byte("by hand"), 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, pages[1])
		}},
	}
	for _, e := range edits {
		if err := e.edit(); err != nil {
			t.Fatal(err)
		}
		st := rebuild()
		if st.Written+st.Removed == 0 {
			t.Errorf("%s: the rebuild wrote and removed nothing", e.name)
		}
		got := readTree(t, out)
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s: %s differs from a fresh build's", e.name, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("%s: %s is not in a fresh build", e.name, name)
			}
		}
	}
}
