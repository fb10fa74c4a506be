package site

import (
	"bytes"
	"context"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/timelinehq/timeline/timeline/events"
)

// TestMemoMakesTheSameSite builds a site, edits it and builds it again
// into the same output with a Memo, as a preview does: the memo must be
// used, and the output must be byte for byte a fresh build's without one.
func TestMemoMakesTheSameSite(t *testing.T) {
	base := syntheticSite(600, 60)
	mid := base.Events[300]
	edits := []struct {
		name string
		edit func(s Site) Site
		kept bool // some group page lists the same events
	}{
		{"titles changed", func(s Site) Site { s, _ = edited(s, 5); return s }, true},
		{"an event added", func(s Site) Site {
			s.Events = slices.Insert(slices.Clone(s.Events), 301, events.Event{ID: mid.ID + "-added", Type: mid.Type,
				Status: events.Occurred, Date: mid.Date, Title: "An added event", Actors: mid.Actors, Sources: mid.Sources})
			return s
		}, true},
		{"an article's title and address changed", func(s Site) Site {
			s.Articles = slices.Clone(s.Articles)
			a := *s.Articles[7]
			a.Title, a.URL = "A retitled article", "https://example.org/moved"
			s.Articles[7] = &a
			return s
		}, true},
		{"events removed", func(s Site) Site {
			s.Events = slices.Delete(slices.Clone(s.Events), 100, 400)
			return s
		}, false},
	}
	for _, tc := range edits {
		t.Run(tc.name, func(t *testing.T) {
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
			if _, err := Build(context.Background(), s, nil, out, Options{}); err != nil {
				t.Fatal(err)
			}
			if memo.fragments.hits == 0 {
				t.Error("the second build used no fragment")
			}
			if len(memo.facets.last) == 0 {
				t.Error("the memo kept no group's facets")
			}
			if tc.kept && memo.entries.reused == 0 {
				t.Error("the second build made every group page's entries again")
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
			got, want := readTree(t, out), readTree(t, build(t, s, nil))
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

// TestDigestMemoKeepsOnlyWhatIsTheSame builds views one after the other
// with one Memo, as a preview does: every digest must be the one a build
// without the memo makes, and an event whose digest input did not change
// keeps its memo entry, while a changed one gets a new one.
func TestDigestMemoKeepsOnlyWhatIsTheSame(t *testing.T) {
	base := exportSite(t, exportBase)
	m := &Memo{}
	build := func(s Site) map[string]*digestEntry {
		t.Helper()
		fresh := newSiteView(s, exportBase)
		s.Memo = m
		memoed := newSiteView(s, exportBase)
		for i := range fresh.Events {
			if fresh.Events[i].digest != memoed.Events[i].digest {
				t.Fatalf("%s: the memo gives another digest than a fresh build", fresh.Events[i].ID)
			}
		}
		return maps.Clone(m.digests.last)
	}
	first := build(base)
	if again := build(base); !maps.Equal(first, again) {
		t.Fatal("the same site again made new memo entries")
	}
	edited := base
	edited.Events = slices.Clone(base.Events)
	edited.Events[1].Title += " (corrected)"
	after := build(edited)
	kept := 0
	for id, d := range after {
		if first[id] == d {
			kept++
		} else if id != edited.Events[1].ID {
			t.Errorf("%s did not change, and got a new memo entry", id)
		}
	}
	if kept != len(after)-1 {
		t.Errorf("%d of %d entries kept, want all but the edited event's", kept, len(after))
	}
}
