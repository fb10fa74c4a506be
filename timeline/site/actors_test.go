package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/events"
)

func TestGroupSlugs(t *testing.T) {
	slugs := func(names ...string) map[string]string {
		var evs []events.Event
		for i, n := range names {
			evs = append(evs, events.Event{ID: fmt.Sprintf("e%d", i), Type: events.Call, Date: "2021", Actors: []string{n}})
		}
		v := newSiteView(Site{Events: evs}, "")
		out := map[string]string{}
		for _, g := range v.Actors {
			out[g.Name] = g.Slug
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		names []string
		want  map[string]string
	}{
		{"a name is its slug", []string{"Joe Biden", "NATO"}, map[string]string{"Joe Biden": "joe-biden", "NATO": "nato"}},
		{"names that differ in case only get a hash, the first by name keeps the slug",
			[]string{"Nato", "NATO"}, map[string]string{"NATO": "nato", "Nato": "nato-" + hash3("Nato")}},
		{"letters a slug cannot keep get a hash of the name",
			[]string{"Recep Tayyip Erdoğan", "Володимир Зеленський"},
			map[string]string{"Recep Tayyip Erdoğan": "recep-tayyip-erdoan-" + hash3("Recep Tayyip Erdoğan"), "Володимир Зеленський": hash3("Володимир Зеленський")}},
		{"index is the list of actors", []string{"Index"}, map[string]string{"Index": "index-" + hash3("Index")}},
		{"a name without letters", []string{"!!!"}, map[string]string{"!!!": hash3("!!!")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := slugs(tc.names...); !maps.Equal(got, tc.want) {
				t.Errorf("slugs %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("a name keeps its slug when other actors come and go", func(t *testing.T) {
		a := slugs("Joe Biden", "Vladimir Putin", "Олаф")
		b := slugs("Olaf Scholz", "Vladimir Putin", "Aaron", "Zed", "Олаф")
		for _, name := range []string{"Vladimir Putin", "Олаф"} {
			if a[name] != b[name] {
				t.Errorf("%s: %s, then %s", name, a[name], b[name])
			}
		}
	})
}

// hash3 is the short hash groupSlug gives a name.
func hash3(name string) string {
	h := sha256.Sum256([]byte(name))
	return hex.EncodeToString(h[:3])
}

func TestGroupPages(t *testing.T) {
	s := syntheticSite(2000, 100)
	// One actor in 700 events, so that their list takes three pages.
	for i := range 700 {
		s.Events[i*2].Actors = append(s.Events[i*2].Actors, "Busy Actor")
	}
	files := readTree(t, build(t, s, nil))
	v := newSiteView(s, "")
	reEntry := regexp.MustCompile(`<a class="title" href="\.\./(events/[^"]*)">`)

	t.Run("every actor's pages list its events in order, each once", func(t *testing.T) {
		for _, g := range v.Actors {
			var got []string
			for n := range g.Pages {
				page, ok := files[g.pagePath(n+1)]
				if !ok {
					t.Fatalf("no %s", g.pagePath(n+1))
				}
				for _, m := range reEntry.FindAllStringSubmatch(string(page), -1) {
					got = append(got, m[1])
				}
			}
			var want []string
			for _, ev := range v.Events {
				if slices.Contains(ev.Actors, g.Name) {
					want = append(want, ev.Path)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s lists %d events, want %d", g.Name, len(got), len(want))
			}
		}
	})
	pages := 0
	t.Run("a long list is cut into pages of at most 300", func(t *testing.T) {
		total := 0
		for pages = 1; ; pages++ {
			page, ok := files[pagedPath("actors/busy-actor", pages)]
			if !ok {
				pages--
				break
			}
			n := len(reEntry.FindAllString(string(page), -1))
			if n == 0 || n > pageEvents {
				t.Errorf("page %d lists %d events", pages, n)
			}
			total += n
		}
		if total != 700 || pages < 3 {
			t.Errorf("%d pages list %d events, want 700 on 3 or more", pages, total)
		}
	})
	t.Run("an actor's first page counts its events by type", func(t *testing.T) {
		page := string(files["actors/busy-actor.html"])
		if want := fmt.Sprintf("700 events, page 1 of %d.", pages); !strings.Contains(page, want) {
			t.Errorf("no %q", want)
		}
		n := 0
		for i := range 700 {
			if s.Events[i*2].Type == events.Call {
				n++
			}
		}
		if want := fmt.Sprintf(`<a href="../types/call.html">Call</a> <span class="n">%d</span>`, n); !strings.Contains(page, want) {
			t.Errorf("no %s", want)
		}
	})
	t.Run("every type has its pages", func(t *testing.T) {
		for _, typ := range typeOrder {
			if _, ok := files["types/"+typ+".html"]; !ok {
				t.Errorf("no types/%s.html", typ)
			}
		}
		if !strings.Contains(string(files["actors/index.html"]), `<a href="../actors/busy-actor.html">Busy Actor</a> <span class="n">700 events</span>`) {
			t.Error("actors/index.html does not list Busy Actor")
		}
		if !strings.Contains(string(files["types/index.html"]), `<a href="../types/call.html">Call</a>`) {
			t.Error("types/index.html does not list calls")
		}
	})
	t.Run("every actor name links to the actor's page", func(t *testing.T) {
		reActors := regexp.MustCompile(`(?s)<span class="actors">(.*?)</span>`)
		reLink := regexp.MustCompile(`^<a href="(?:\.\./)?actors/[a-z0-9-]+\.html">[^<]+</a>$`)
		checked := 0
		for name, data := range files {
			for _, m := range reActors.FindAllStringSubmatch(string(data), -1) {
				for _, a := range strings.Split(m[1], ", ") {
					if !reLink.MatchString(a) {
						t.Fatalf("%s: actor %q is no link to an actor page", name, a)
					}
					checked++
				}
			}
		}
		if checked == 0 {
			t.Error("no actors checked")
		}
	})
	t.Run("no page is over 1 MB", func(t *testing.T) {
		for name, data := range files {
			if len(data) > 1<<20 && strings.HasSuffix(name, ".html") {
				t.Errorf("%s has %d bytes", name, len(data))
			}
		}
	})
	t.Run("links resolve", func(t *testing.T) { checkLinks(t, files) })
}

// TestGroupPagesRenderAgainOnlyWhatTheyShow checks the keys of the actor
// and type pages: an event added in the middle of a long list renders
// again that list's first page (its counts) and the page it is on, not
// the pages after it.
func TestGroupPagesRenderAgainOnlyWhatTheyShow(t *testing.T) {
	s := syntheticSite(1000, 50)
	for i := range s.Events {
		s.Events[i].Actors = append(s.Events[i].Actors, "Everyone")
	}
	before := siteKeys(t, s, "")
	s2 := s
	mid := s.Events[500]
	added := events.Event{ID: mid.ID + "-new", Type: mid.Type, Status: events.Occurred,
		Date: mid.Date, Title: "A new event", Actors: mid.Actors, Sources: mid.Sources}
	s2.Events = slices.Insert(slices.Clone(s.Events), 501, added)
	changed := differ(before, siteKeys(t, s2, ""))
	var groups []string
	for _, name := range changed {
		if strings.HasPrefix(name, "actors/") || strings.HasPrefix(name, "types/") {
			groups = append(groups, name)
		}
	}
	want := []string{"actors/index.html", "types/index.html"}
	v := newSiteView(s2, "")
	for _, g := range append(slices.Clone(v.Actors), v.Types...) {
		for n, page := range g.Pages {
			if slices.ContainsFunc(page, func(ev *eventView) bool { return ev.ID == added.ID }) {
				if page[0].cut && page[0].ID == added.ID {
					t.Fatalf("the added event starts a page: choose another ID")
				}
				want = append(want, g.pagePath(1), g.pagePath(n+1))
			}
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if len(want) < 6 {
		t.Fatalf("the added event is on %v: too few pages", want)
	}
	if !slices.Equal(groups, want) {
		t.Errorf("actor and type pages that change:\n got %v\nwant %v", groups, want)
	}
}

// TestCutPagesAreLocal adds an event at many places in a long list: the
// pages that change are the one it lands on and seldom one more, where a
// cut every so many events would change every page after it.
func TestCutPagesAreLocal(t *testing.T) {
	evs := make([]*eventView, 5000)
	for i := range evs {
		evs[i] = idView(fmt.Sprintf("2021-01-01-event-%d", i))
	}
	full := func(n int, _ *eventView) bool { return n >= pageEvents }
	key := func(page []*eventView) string {
		var b strings.Builder
		for _, ev := range page {
			b.WriteString(ev.ID + "\n")
		}
		return b.String()
	}
	before := map[string]bool{}
	for _, page := range cutPages(evs, full) {
		if len(page) == 0 || len(page) > pageEvents {
			t.Fatalf("a page of %d events", len(page))
		}
		before[key(page)] = true
	}
	if len(before) > 2*len(evs)/pageEvents+1 {
		t.Errorf("%d pages for %d events: too many", len(before), len(evs))
	}
	total, most := 0, 0
	for at := 7; at < len(evs); at += 97 {
		added := slices.Insert(slices.Clone(evs), at, idView(fmt.Sprintf("2021-01-01-added-%d", at)))
		changed := 0
		for _, page := range cutPages(added, full) {
			if !before[key(page)] {
				changed++
			}
		}
		total += changed
		most = max(most, changed)
	}
	avg := float64(total) / float64(len(evs)/97)
	t.Logf("an added event changes %.1f pages on average and %d at most", avg, most)
	if avg > 2 || most > 6 {
		t.Errorf("an added event changes %.1f pages on average and %d at most", avg, most)
	}
}

// TestUnchangedRebuildWritesNothing builds a site twice into the same
// output with a manifest: the second build renders and writes nothing,
// the actor and type pages included.
func TestUnchangedRebuildWritesNothing(t *testing.T) {
	s := syntheticSite(400, 40)
	dir := t.TempDir()
	out, opt := filepath.Join(dir, "public"), Options{StateDir: filepath.Join(dir, "state")}
	first, err := Build(context.Background(), s, nil, out, opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(slices.DeleteFunc(slices.Collect(maps.Keys(readTree(t, out))), func(name string) bool {
		return !strings.HasPrefix(name, "actors/") && !strings.HasPrefix(name, "types/")
	})); n < 20 {
		t.Fatalf("%d actor and type pages", n)
	}
	second, err := Build(context.Background(), s, nil, out, opt)
	if err != nil {
		t.Fatal(err)
	}
	if second.Written != 0 || second.Removed != 0 || second.Files != first.Files {
		t.Errorf("unchanged rebuild: %+v after %+v, want nothing written or removed", second, first)
	}

	// And no page is rendered: the keeper keeps every key.
	ts := defaultTemplates(t)
	v := newSiteView(s, "")
	keys, err := v.keys(ts, nil)
	if err != nil {
		t.Fatal(err)
	}
	k := &keeper{kept: keys, written: map[string]Key{}}
	if err := renderPages(context.Background(), k, ts, newSiteView(s, ""), nil); err != nil {
		t.Fatal(err)
	}
	if len(k.written) != 0 {
		t.Errorf("rendered %d pages again", len(k.written))
	}
}

func TestActorPageSaysTheKind(t *testing.T) {
	s := Site{Events: []events.Event{
		{ID: "e1", Type: events.Call, Date: "2021-12-30", Title: "A call", Actors: []string{"Joe Biden", "Globex", "Somebody"},
			ActorKinds: []events.Kind{events.Person, events.Organisation, ""}},
		{ID: "e2", Type: events.Visit, Date: "2021-12-31", Title: "A visit", Actors: []string{"Russia"}, ActorKinds: []events.Kind{events.Country}},
	}}
	files := readTree(t, build(t, s, nil))
	for page, want := range map[string]string{"actors/joe-biden.html": "Person", "actors/globex.html": "Organisation", "actors/russia.html": "Country", "actors/somebody.html": ""} {
		got := regexp.MustCompile(`<p class="kicker">([^<]*)</p>`).FindStringSubmatch(string(files[page]))
		switch {
		case want == "" && got != nil:
			t.Errorf("%s says the kind %q of an actor of unknown kind", page, got[1])
		case want != "" && (got == nil || got[1] != want):
			t.Errorf("%s: kind %q, want %q", page, got, want)
		}
	}
}

// idView is the view of an event with the ID id and nothing else.
func idView(id string) *eventView { return &eventView{ID: id, cut: startsPage(id)} }
