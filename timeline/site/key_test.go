package site

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/timelinehq/timeline/templates"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// siteKeys returns the key of every page of s under the templates tmpl.
func siteKeys(t *testing.T, s Site, tmpl string) map[string]Key {
	t.Helper()
	fsys, err := Templates(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := parseTemplates(fsys, s.Version, nil)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := newSiteView(s, "").keys(ts, s.LoadArticle)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// differ lists the pages whose keys differ between a and b, or that only
// one of them has.
func differ(a, b map[string]Key) []string {
	var out []string
	for name, k := range a {
		if bk, ok := b[name]; !ok || bk != k {
			out = append(out, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// edited returns a copy of s in which the events citing article i have new
// titles, and the pages that this must render again: the article's page,
// the pages of its events, of their neighbours and of the other articles
// they cite, the period, actor and type pages that list them, and the
// index when it lists them.
func edited(s Site, i int) (Site, []string) {
	path := s.Articles[i].Path
	v := newSiteView(s, "")
	want := map[string]bool{v.Articles[i].Path: true}
	latest := v.latest(latestEvents)
	s.Events = slices.Clone(s.Events)
	for j, e := range s.Events {
		if !slices.ContainsFunc(e.Sources, func(src events.Source) bool { return src.Article == path }) {
			continue
		}
		s.Events[j].Title += " (corrected)"
		ev := v.Events[j]
		for _, d := range v.Days {
			for n, page := range d.Pages {
				if slices.Contains(page, ev) {
					want[d.pagePath(n+1)] = true
					want[d.pagePath(1)] = true // its permalink, and its title there when it is shown on a later page
				}
			}
		}
		want[ev.Period.Path] = true
		for _, src := range ev.Sources {
			want[src.Article.Path] = true
		}
		for _, page := range groupPagesListing(v, ev) {
			want[page] = true
		}
		if len(v.Events) <= wholeEvents && len(v.Articles) <= wholeArticles || slices.Contains(latest, ev) {
			want["index.html"] = true
		}
	}
	return s, slices.Sorted(maps.Keys(want))
}

// groupPagesListing lists the actor and type pages that list ev.
func groupPagesListing(v *siteView, ev *eventView) []string {
	var out []string
	for _, g := range slices.Concat(v.Actors, v.Types) {
		for n, page := range g.Pages {
			if slices.Contains(page, ev) {
				out = append(out, g.pagePath(n+1))
			}
		}
	}
	return out
}

func TestPageKeys(t *testing.T) {
	small, large := fixture(t), syntheticSite(2000, 200)
	t.Run("two builds of the same site have the same keys", func(t *testing.T) {
		for _, s := range []Site{small, large} {
			if d := differ(siteKeys(t, s, ""), siteKeys(t, s, "")); len(d) > 0 {
				t.Errorf("%d pages differ: %v", len(d), d[:min(5, len(d))])
			}
		}
	})
	t.Run("a new program version changes every key", func(t *testing.T) {
		s := small
		s.Version = "v2"
		a, b := siteKeys(t, small, ""), siteKeys(t, s, "")
		if d := differ(a, b); len(d) != len(a) {
			t.Errorf("%d of %d pages differ", len(d), len(a))
		}
	})
	for _, tc := range []struct {
		name    string
		s       Site
		article int
	}{
		{"an edited article in a small site changes its pages, its events' and their neighbours' pages, their periods and the index", small, 1},
		{"an edited article in a large site changes only its pages, its events' and their neighbours' pages and their periods", large, 0},
		{"an edited recent article in a large site changes the index too", large, 199},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, want := edited(tc.s, tc.article)
			got := differ(siteKeys(t, tc.s, ""), siteKeys(t, s, ""))
			if !slices.Equal(got, want) {
				t.Errorf("pages that differ:\n got %v\nwant %v", got, want)
			}
			if len(want) > 60 {
				t.Errorf("%d pages to render again, want a few", len(want))
			}
		})
	}
	t.Run("an article whose text changed but not its events changes only its page", func(t *testing.T) {
		s := large
		s.Articles = slices.Clone(s.Articles)
		a := *s.Articles[5]
		a.Raw = append(slices.Clip(a.Raw), " A new paragraph."...)
		a.Blocks = append(slices.Clip(a.Blocks), article.Block{Kind: article.Paragraph, Text: "A new paragraph."})
		s.Articles[5] = &a
		got := differ(siteKeys(t, large, ""), siteKeys(t, s, ""))
		if want := []string{"articles/a005.html"}; !slices.Equal(got, want) {
			t.Errorf("pages that differ: %v, want %v", got, want)
		}
		// With Sum, the key takes the file's hash and not the blocks.
		s.Articles[5] = &article.Article{Path: a.Path, Title: a.Title, URL: a.URL, Published: a.Published, Sum: "1234"}
		s2 := s
		s2.Articles = slices.Clone(s.Articles)
		s2.Articles[5] = &article.Article{Path: a.Path, Title: a.Title, URL: a.URL, Published: a.Published, Sum: "5678"}
		if got := differ(siteKeys(t, s, ""), siteKeys(t, s2, "")); !slices.Equal(got, []string{"articles/a005.html"}) {
			t.Errorf("a new Sum changes %v, want only the article's page", got)
		}
	})
}

// TestTemplateEditKeys edits one template at a time: the pages whose keys
// change must be the pages whose bytes change, which are the pages that
// execute what the edit changed, so that an edit of day.html renders the
// date pages again and nothing else.
func TestTemplateEditKeys(t *testing.T) {
	s := syntheticSite(300, 30)
	v := newSiteView(s, "")
	pages := func(files map[string]string) (keys map[string]Key, bytes map[string]string) {
		dir := t.TempDir()
		writeFiles(t, dir, files)
		fsys, err := Templates(dir)
		if err != nil {
			t.Fatal(err)
		}
		ts, err := parseTemplates(fsys, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		k := &keeper{kept: map[string]Key{}, written: map[string]Key{}, bytes: map[string]string{}}
		if err := renderPages(context.Background(), k, ts, v, nil); err != nil {
			t.Fatal(err)
		}
		return k.written, k.bytes
	}
	edit := func(name, old, new string) map[string]string {
		data := defaultTemplate(t, name)
		if !strings.Contains(data, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		return map[string]string{name: strings.Replace(data, old, new, 1)}
	}
	keys, bytes := pages(nil)
	under := func(prefixes ...string) func(string) bool {
		return func(p string) bool {
			return slices.ContainsFunc(prefixes, func(pre string) bool { return strings.HasPrefix(p, pre) })
		}
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  func(page string) bool // the pages it reaches
	}{
		{"the stylesheet, which pages only link to", edit("assets/style.css", "", "/* mine */\n"), under()},
		{"a date page's template", edit("day.html", `<header class="intro">`, `<header class="intro mine">`), under("events/")},
		{"an event in full on its date's page", edit("day.html", "<h3>What the sources say</h3>", "<h3>The sources</h3>"), under("events/")},
		{"the events an article reports", edit("article.html", "Events reported here", "Reported here"), under("articles/")},
		{"an article page's template", edit("article.html", `{{define "main" -}}`, `{{define "main" -}}<p>Mine.</p>`), under("articles/")},
		{"the entry of the chronology's lists", edit("_entry.html", `<div class="when">`, `<div class="when mine">`), under("index.html", "periods/")},
		{"the compact line of an actor's or type's page", edit("_group.html", `<li class="compact`, `<li class="mine compact`),
			func(p string) bool { return under("actors/", "types/")(p) && !strings.HasSuffix(p, "/index.html") }},
		{"the layout", edit("_layout.html", "</footer>", "<p>Mine.</p></footer>"), func(string) bool { return true }},
		{"a page's own entry", edit("period.html", `{{template "layout" . -}}`,
			`{{template "layout" . -}}{{define "entry"}}<li>{{.Title}}</li>{{end}}`), under("periods/")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, b := pages(tc.files)
			var keyed, changed, want []string
			for p := range keys {
				if k[p] != keys[p] {
					keyed = append(keyed, p)
				}
				if b[p] != bytes[p] {
					changed = append(changed, p)
				}
				if tc.want(p) {
					want = append(want, p)
				}
			}
			slices.Sort(keyed)
			slices.Sort(changed)
			slices.Sort(want)
			if !slices.Equal(keyed, changed) {
				t.Errorf("%d keys changed, %d pages: keys %v, pages %v", len(keyed), len(changed), keyed[:min(5, len(keyed))], changed[:min(5, len(changed))])
			}
			if !slices.Equal(changed, want) {
				t.Errorf("%d pages changed, want %d: %v", len(changed), len(want), changed[:min(5, len(changed))])
			}
		})
	}
}

// keeper is a page writer that keeps the pages it has keys for, as the
// writer keeps the files an earlier build made, and records what it is
// asked to write.
type keeper struct {
	mu      sync.Mutex
	kept    map[string]Key
	written map[string]Key
	bytes   map[string]string // what was written, when not nil
}

func (k *keeper) keep(name string, key Key) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	old, ok := k.kept[name]
	return ok && old == key
}

func (k *keeper) writeKeyed(name string, key Key, data []byte) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.written[name] = key
	if k.bytes != nil {
		k.bytes[name] = string(data)
	}
	return nil
}

// defaultTemplates parses the default templates.
func defaultTemplates(t testing.TB) *pages {
	t.Helper()
	ts, err := parseTemplates(templates.FS, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestKeptPagesAreNotRendered(t *testing.T) {
	ts := defaultTemplates(t)
	loads := map[string]int{}
	var mu sync.Mutex
	s := metadataOnly(syntheticSite(300, 30), loads, &mu)
	v := newSiteView(s, "")
	keys, err := v.keys(ts, s.LoadArticle)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("a first build writes every page with the key keys gives it", func(t *testing.T) {
		k := &keeper{kept: map[string]Key{}, written: map[string]Key{}}
		if err := renderPages(context.Background(), k, ts, v, s.LoadArticle); err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(k.written, keys) {
			t.Errorf("wrote %d pages, keys has %d, or their keys differ", len(k.written), len(keys))
		}
		if len(loads) != len(s.Articles) {
			t.Errorf("loaded %d articles, want all %d", len(loads), len(s.Articles))
		}
	})
	t.Run("a rebuild after an edit renders only the changed pages and loads only the edited article", func(t *testing.T) {
		clear(loads)
		edit, want := edited(s, 4)
		k := &keeper{kept: keys, written: map[string]Key{}}
		if err := renderPages(context.Background(), k, ts, newSiteView(edit, ""), edit.LoadArticle); err != nil {
			t.Fatal(err)
		}
		if got := slices.Sorted(maps.Keys(k.written)); !slices.Equal(got, want) {
			t.Errorf("rendered %v\nwant %v", got, want)
		}
		if !maps.Equal(loads, map[string]int{s.Articles[4].Path: 1}) {
			t.Errorf("loaded %v, want only %s", loads, s.Articles[4].Path)
		}
	})
}

// TestEntriesAreTheirEvents checks what keying an entry, a groupEntry or
// an eventRef by its event (and root) rests on: every one that a page
// holds was made by newEntry, newGroupEntry or newEventRef from its event
// and left as made.
func TestEntriesAreTheirEvents(t *testing.T) {
	v := newSiteView(syntheticSite(600, 60), "")
	var entries, groupEntries, refs int
	var walk func(rv reflect.Value)
	walk = func(rv reflect.Value) {
		switch rv.Kind() {
		case reflect.Pointer:
			if !rv.IsNil() && rv.Type() != eventViewType {
				walk(rv.Elem())
			}
		case reflect.Slice:
			for i := range rv.Len() {
				walk(rv.Index(i))
			}
		case reflect.Struct:
			switch x := rv.Interface().(type) {
			case entry:
				entries++
				if x.ev == nil || !reflect.DeepEqual(x, newEntry(x.Root, x.ev)) {
					t.Fatalf("an entry not as newEntry makes it: %+v", x)
				}
			case groupEntry:
				groupEntries++
				if x.ev == nil || x.group == nil || !reflect.DeepEqual(x, newGroupEntry(x.Root, x.ev, x.group)) {
					t.Fatalf("a groupEntry not as newGroupEntry makes it: %+v", x)
				}
			case eventRef:
				refs++
				if x.ev == nil || !reflect.DeepEqual(x, newEventRef(x.ev)) {
					t.Fatalf("an eventRef not as newEventRef makes it: %+v", x)
				}
			default:
				for _, i := range exported(rv.Type()) {
					walk(rv.Field(i))
				}
			}
		}
	}
	for _, j := range v.jobs() {
		walk(reflect.ValueOf(v.data(j)))
	}
	if entries == 0 || groupEntries == 0 || refs == 0 {
		t.Fatalf("%d entries, %d group entries and %d event refs: the walk missed them", entries, groupEntries, refs)
	}
}

// TestEventDigestCoversTheView changes, one at a time, every field that a
// template can reach from an event's view (found by reflection, so that a
// field added later is tested too), and checks that the event's digest,
// which the keys of the pages that show it take, changes.
func TestEventDigestCoversTheView(t *testing.T) {
	s := exportSite(t, exportBase)
	v := newSiteView(s, exportBase)
	i := slices.IndexFunc(v.Events, func(ev *eventView) bool {
		return len(ev.ActorLinks) > 0 && len(ev.Sources) > 0 && ev.Sources[0].Article != nil && len(ev.Cited) > 0
	})
	if i < 0 {
		t.Fatal("no event with actors and sources in an article")
	}
	src, orig := &v.source[i], *v.Events[i]
	var e enc
	d0 := eventDigest(&e, src, &orig)
	// leaves calls f with the path of every field under rv that a
	// template can reach and a way to change it in a copy of the view.
	var leaves func(rv reflect.Value, path string, f func(path string, change func(reflect.Value)))
	leaves = func(rv reflect.Value, path string, f func(string, func(reflect.Value))) {
		switch rv.Kind() {
		case reflect.Struct:
			for _, j := range exported(rv.Type()) {
				leaves(rv.Field(j), path+"."+rv.Type().Field(j).Name, f)
			}
		case reflect.Pointer:
			leaves(rv.Elem(), path, f)
		case reflect.Slice:
			f(path+" (one more)", func(c reflect.Value) { c.Set(reflect.Append(c, reflect.Zero(c.Type().Elem()))) })
			if rv.Len() > 0 {
				leaves(rv.Index(0), path+"[0]", f)
			}
		case reflect.String:
			f(path, func(c reflect.Value) { c.SetString(c.String() + "x") })
		case reflect.Int:
			f(path, func(c reflect.Value) { c.SetInt(c.Int() + 1) })
		case reflect.Bool:
			f(path, func(c reflect.Value) { c.SetBool(!c.Bool()) })
		default:
			t.Fatalf("%s: no way to change a %s", path, rv.Kind())
		}
	}
	n := 0
	leaves(reflect.ValueOf(&orig).Elem(), "eventView", func(path string, change func(reflect.Value)) {
		n++
		ev := deepCopy(reflect.ValueOf(&orig)).Interface().(*eventView)
		change(fieldAt(reflect.ValueOf(ev).Elem(), strings.TrimPrefix(strings.TrimSuffix(path, " (one more)"), "eventView")))
		if eventDigest(&e, src, ev) == d0 {
			t.Errorf("changing %s leaves the event's digest as it was", path)
		}
	})
	if n < 40 {
		t.Errorf("%d fields changed: the walk missed some", n)
	}
}

// deepCopy copies what rv points to, its slices and pointers included.
func deepCopy(rv reflect.Value) reflect.Value {
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return rv
		}
		c := reflect.New(rv.Type().Elem())
		c.Elem().Set(deepCopy(rv.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(rv.Type()).Elem()
		c.Set(rv)
		for j := range rv.NumField() {
			if c.Field(j).CanSet() {
				c.Field(j).Set(deepCopy(rv.Field(j)))
			}
		}
		return c
	case reflect.Slice:
		if rv.IsNil() {
			return rv
		}
		c := reflect.MakeSlice(rv.Type(), rv.Len(), rv.Len())
		for j := range rv.Len() {
			c.Index(j).Set(deepCopy(rv.Index(j)))
		}
		return c
	}
	return rv
}

// fieldAt is the field of rv at path: ".Sources[0].Article.Title".
func fieldAt(rv reflect.Value, path string) reflect.Value {
	for path != "" {
		switch {
		case strings.HasPrefix(path, "[0]"):
			rv, path = rv.Index(0), path[3:]
		case strings.HasPrefix(path, "."):
			name := path[1:]
			if k := strings.IndexAny(name, ".["); k >= 0 {
				name = name[:k]
			}
			if rv.Kind() == reflect.Pointer {
				rv = rv.Elem()
			}
			rv, path = rv.FieldByName(name), path[1+len(name):]
		}
	}
	return rv
}

// TestArticleInputCoversTheKey edits a site in every way an article page
// can change and checks, for every article page, that its input (see
// articleInput) changes whenever its key does: a preview takes the last
// build's key while the input is the same, so an input that missed what
// the key covers would keep a stale page.
func TestArticleInputCoversTheKey(t *testing.T) {
	seed := defaultTemplates(t).seeds[articlePage]
	base := syntheticSite(300, 30)
	for i, a := range base.Articles {
		c := *a
		c.Sum = fmt.Sprintf("%064x", i) // as the reader sets it
		c.Tags = []string{"politics"}
		base.Articles[i] = &c
	}
	// An article no event cites: what its page shows reaches no digest.
	quiet := *base.Articles[0]
	quiet.Path, quiet.Title, quiet.Sum = "content/quiet.md", "A quiet article", strings.Repeat("e", 64)
	base.Articles = append(base.Articles, &quiet)
	last := len(base.Articles) - 1
	withArticle := func(s Site, i int, edit func(a *article.Article)) Site {
		s.Articles = slices.Clone(s.Articles)
		c := *s.Articles[i]
		edit(&c)
		s.Articles[i] = &c
		return s
	}
	withEvents := func(s Site, edit func(evs []events.Event) []events.Event) Site {
		evs := slices.Clone(s.Events)
		for i := range evs {
			evs[i].Sources = slices.Clone(evs[i].Sources)
		}
		s.Events = edit(evs)
		return s
	}
	mid := base.Events[150]
	edits := []struct {
		name string
		s    Site
	}{
		{"event titles", func() Site { s, _ := edited(base, 5); return s }()},
		{"an event added", withEvents(base, func(evs []events.Event) []events.Event {
			return slices.Insert(evs, 151, events.Event{ID: mid.ID + "-added", Type: mid.Type, Status: events.Occurred,
				Date: mid.Date, Title: "An added event", Actors: mid.Actors, Sources: mid.Sources})
		})},
		{"events removed", withEvents(base, func(evs []events.Event) []events.Event { return slices.Delete(evs, 100, 140) })},
		{"an evidence sentence moved", withEvents(base, func(evs []events.Event) []events.Event {
			evs[7].Sources[0].Start++
			return evs
		})},
		{"an event's date", withEvents(base, func(evs []events.Event) []events.Event {
			evs[9].Date = "2019-05-04"
			return evs
		})},
		{"an article's title", withArticle(base, 3, func(a *article.Article) { a.Title = "Retitled" })},
		{"an article's address", withArticle(base, 4, func(a *article.Article) { a.URL = "https://example.org/moved" })},
		{"an article's author", withArticle(base, 5, func(a *article.Article) { a.Author = "Someone Else" })},
		{"an article's tags", withArticle(base, 6, func(a *article.Article) { a.Tags = []string{"economy"} })},
		{"an article's date", withArticle(base, 7, func(a *article.Article) { a.Published = a.Published.AddDate(0, 0, 1) })},
		{"an article's bytes", withArticle(base, 8, func(a *article.Article) { a.Sum = strings.Repeat("f", 64) })},
		{"a quiet article's title", withArticle(base, last, func(a *article.Article) { a.Title = "Retitled" })},
		{"a quiet article's date", withArticle(base, last, func(a *article.Article) { a.Published = a.Published.AddDate(0, 1, 0) })},
		{"the site's title", func() Site { s := base; s.Title = "Another"; return s }()},
		{"the site's address", func() Site { s := base; s.BaseURL = "https://example.org/news/"; return s }()},
		{"the exports", func() Site { s := base; s.Exports = ExportNames(); return s }()},
	}
	type pair struct {
		input string
		key   Key
	}
	pages := func(s Site) map[string]pair {
		v := newSiteView(s, s.BaseURL)
		var e enc
		out := map[string]pair{}
		for _, j := range v.jobs() {
			if j.ai == nil {
				continue
			}
			key, _, err := v.key(seed, &e, j, v.data(j), nil)
			if err != nil {
				t.Fatal(err)
			}
			out[j.path] = pair{string(articleInput(nil, seed, v, j)), key}
		}
		return out
	}
	before := pages(base)
	for _, tc := range edits {
		changed := 0
		for path, now := range pages(tc.s) {
			was, ok := before[path]
			if !ok || was.key == now.key {
				continue
			}
			changed++
			if was.input == now.input {
				t.Errorf("%s: %s has a new key and the same input", tc.name, path)
			}
		}
		if changed == 0 {
			t.Errorf("%s: no article page has a new key; the edit tests nothing", tc.name)
		}
	}
}
