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
	t.Run("a long list is cut into pages of at most 300", func(t *testing.T) {
		for _, name := range []string{"actors/busy-actor.html", "actors/busy-actor-p2.html", "actors/busy-actor-p3.html"} {
			n := len(reEntry.FindAllString(string(files[name]), -1))
			if n == 0 || n > pageEvents {
				t.Errorf("%s lists %d events", name, n)
			}
		}
		if _, ok := files["actors/busy-actor-p4.html"]; ok {
			t.Error("a fourth page for 700 events")
		}
	})
	t.Run("an actor's first page counts its events by type", func(t *testing.T) {
		page := string(files["actors/busy-actor.html"])
		if !strings.Contains(page, "700 events, page 1 of 3.") {
			t.Error("no total of 700")
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
// and type pages: an event added at the end of a long list renders again
// that list's first page (its counts) and last page, not the pages
// between.
func TestGroupPagesRenderAgainOnlyWhatTheyShow(t *testing.T) {
	s := syntheticSite(1000, 50)
	for i := range s.Events {
		s.Events[i].Actors = append(s.Events[i].Actors, "Everyone")
	}
	before := siteKeys(t, s, "")
	s2 := s
	last := s.Events[len(s.Events)-1]
	s2.Events = append(slices.Clip(s.Events), events.Event{ID: "e-new", Type: last.Type, Status: events.Occurred,
		Date: last.Date, Title: "A new event", Actors: last.Actors, Sources: last.Sources})
	changed := differ(before, siteKeys(t, s2, ""))
	var groups []string
	for _, name := range changed {
		if strings.HasPrefix(name, "actors/") || strings.HasPrefix(name, "types/") {
			groups = append(groups, name)
		}
	}
	typ := "types/" + string(last.Type)
	want := []string{"actors/everyone-p4.html", "actors/everyone.html", "actors/index.html",
		"actors/" + groupSlug(last.Actors[0], map[string]bool{}) + ".html", typ + ".html", "types/index.html"}
	slices.Sort(want)
	if !slices.Equal(groups, want) {
		t.Errorf("actor and type pages that change:\n got %v\nwant %v", groups, want)
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
	ts, seed := defaultTemplates(t)
	v := newSiteView(s, "")
	keys, err := v.keys(seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	k := &keeper{kept: keys, written: map[string]Key{}}
	if err := renderPages(context.Background(), k, ts, seed, newSiteView(s, ""), nil); err != nil {
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
