package site

import (
	"html/template"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timelinehq/timeline/templates"
)

// defaultSets are the default templates' sets, whose "entry", "compact",
// "event", "blocks" and "segments" a test executes as html/template does.
func defaultSets(t testing.TB) *pages {
	t.Helper()
	p, err := parseTemplates(templates.FS, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkNative fails t when the native writer of name does not write what
// the template name of the default set that defines it writes for data.
func checkNative(t *testing.T, sets *pages, name string, data any) {
	t.Helper()
	page := periodPageTmpl
	switch name {
	case "event":
		page = dayPageTmpl
	case "blocks", "reported":
		page = articlePage
	}
	var want strings.Builder
	if err := sets.sets[page].ExecuteTemplate(&want, name, data); err != nil {
		t.Fatal(err)
	}
	got, ok := nativeFragments[name](data)
	if !ok {
		t.Fatalf("native %s refused %T", name, data)
	}
	if string(got) != want.String() {
		t.Errorf("native %s of %+v:\n got: %q\nwant: %q", name, data, got, want.String())
	}
}

// nasty is text with everything html/template escapes or encodes
// somewhere: markup, quotes, plus, NUL, non-ASCII and invalid UTF-8,
// percent escapes good and bad, and a script URL.
var nasty = []string{"", "Talks & <b>\"quotes\"</b> 'and' a+b", "\x00é\xff€ 中", "%41%zz%4", "javascript:alert(1)", "JavaScript:x", "mailto:a@b.c", "HTTPS://x.org/a b?c=d&e=f#g", "a/b:c", "(x)[y]{z}|\\^`"}

func TestNativeFragments(t *testing.T) {
	set := defaultSets(t)
	links := []link{{Label: "Joe Biden", Path: "actors/joe-biden.html"}, {Label: "O'Neil & <Co>", Path: "actors/o'neil+co.html"}}
	for i, s := range nasty {
		w := when{Short: "Thu 30" + s, Long: "Thursday 30 December 2021" + s}
		if i%2 == 0 {
			w.Datetime, w.Time = "2021-12-30T20:30"+s, "20:30"+s
		}
		e := entry{
			Root: "../", ID: "id" + s, Type: "call" + s, Title: "Biden and Putin talk" + s,
			Actors: []string{"Joe Biden", s}, File: "2021-12-30-call" + s, Path: "events/2021-12-30.html#x" + s,
			When: w, Planned: i%2 == 1, Pinned: i%3 == 0, TypeLabel: "Call" + s, TypeClass: "t-call" + s,
		}
		checkNative(t, set, "entry", e)
		g := groupEntry{Root: e.Root, Title: e.Title, Path: e.Path, When: w, Planned: e.Planned, TypeLabel: e.TypeLabel, TypeClass: e.TypeClass, SameType: i%3 == 1}
		checkNative(t, set, "compact", g)

		// Every combination of the meta line's parts, and the citations.
		for m := range 16 {
			e := e
			e.Root = []string{"", "../", s}[m%3]
			if m&1 != 0 {
				e.Conflict = "Reports differ" + s
			}
			e.Curated.Any = m&2 != 0
			if m&4 != 0 {
				e.ActorLinks = links[:1+m%2]
			}
			if m&8 != 0 {
				e.Place = "Geneva" + s
			}
			e.Cited = []citation{
				{Title: "Reuters" + s, Href: "articles/a.html" + s, Published: "30 December 2021" + s, Count: m % 3},
				{Title: "AP" + s, URL: "https://apnews.com/x" + s, Count: 2},
				{Title: s, URL: s, Published: s},
				{Title: "Nowhere"},
			}[:m%5]
			checkNative(t, set, "entry", e)
			g := g
			g.Root, g.Place, g.Others, g.SameType = e.Root, e.Place, e.ActorLinks, m%3 == 0
			checkNative(t, set, "compact", g)
		}

		segs := nastySegments(s, i)
		checkNative(t, set, "segments", segs)
		checkNative(t, set, "blocks", []blockView{
			{Kind: "paragraph", Segments: segs}, {Kind: "heading", Segments: segs[:1]}, {Kind: "quote", Segments: segs[1:]},
			{Kind: "list", Items: [][]segment{segs, nil, segs[2:]}}, {Kind: "list"}, {Kind: "", Segments: segs}, {Kind: "paragraph"},
		})
	}
	for i, s := range nasty {
		for m := range 64 {
			checkNative(t, set, "event", nastyDayEvent(s, i, m))
		}
	}
	for i, s := range nasty {
		checkNative(t, set, "reported", nastyArticlePage(s, i))
	}
	checkNative(t, set, "blocks", []blockView(nil))
	checkNative(t, set, "segments", []segment(nil))
	checkNative(t, set, "reported", &page{Root: "../", Article: &articleView{}})
}

// nastyArticlePage is an article's page whose events have s in every
// field, planned or not by the bits of i.
func nastyArticlePage(s string, i int) *page {
	var evs []eventRef
	for k := range 1 + i%3 {
		evs = append(evs, eventRef{
			Path: "events/2021-12-30.html#call" + s, Title: "Biden and Putin talk" + s, TypeLabel: "Call" + s, TypeClass: "t-call" + s,
			Planned: (i>>k)&1 == 1, When: when{Long: "Thursday 30 December 2021" + s},
		})
	}
	return &page{Root: []string{"../", "", s}[i%3], Article: &articleView{Events: evs}}
}

// nastyDayEvent is a date page's event with s in every field, and what
// the event template chooses between by the bits of m and by i.
func nastyDayEvent(s string, i, m int) dayEvent {
	day := &dayPage{Label: "Thursday 30 December 2021", Page: 1 + m%2, Period: link{Path: "periods/2021-12.html"}, root: []string{"../", "", s}[i%3]}
	ev := &eventView{
		ID: "2021-12-30-call" + s, Type: "call", Date: "2021-12-30" + s, Title: "Biden and Putin talk" + s,
		File: "call" + s, Path: "events/2021-12-30.html#call" + s, TypeLabel: "Call" + s, TypeClass: "t-call" + s,
		When:    when{Long: day.Label, Datetime: "2021-12-30"},
		Planned: m&2 != 0, Pinned: m&4 != 0, Period: day.Period,
	}
	if m&8 != 0 {
		ev.When = when{Long: "Thursday 30 December 2021, 20:30" + s, Datetime: "2021-12-30T20:30" + s}
		ev.Period.Path = "periods/2021-12-2.html" + s
	}
	if m&16 != 0 {
		ev.Conflict, ev.Place, ev.Mod = "one source says Tuesday"+s, "Geneva"+s, "START"+s
		ev.ActorLinks = []link{{Label: "Joe Biden" + s, Path: "actors/joe-biden.html" + s}, {Label: s, Path: s}}
	}
	c := &ev.Curated
	c.Any = m&32 != 0
	switch i % 5 {
	case 0:
		c.Added, c.Title, c.Status = c.Any, c.Any, c.Any
	case 1:
		c.Merged, c.Date, c.Actors = c.Any, c.Any, c.Any
	case 2:
		c.Split, c.Place = c.Any, c.Any
	case 3:
		c.Sources = c.Any
	}
	a1 := &articleRef{Path: "articles/a.html" + s}
	ev.Sources = []sourceView{
		{Title: "Reuters" + s, Sentence: "Biden called Putin." + s, Href: "articles/a.html#s1" + s, Published: "30 December 2021" + s, URL: "https://reuters.com/x" + s, Article: a1},
		{Title: "Reuters" + s, Sentence: "They talked." + s, Href: "articles/a.html#s2", Article: a1},
		{Title: s, Sentence: s, URL: s},
		{Title: "Empty path", Sentence: "x", Article: &articleRef{}},
		{Title: "AP", Sentence: "y" + s, Href: s, Article: &articleRef{Path: s}},
	}[:m%6]
	return day.Entry(ev)
}

// nastySegments are segments of every kind with s in every field.
func nastySegments(s string, i int) []segment {
	refs := []ref{{Href: "../events/x.html#a" + s, Label: "1" + s, Title: "A call" + s, Class: "t-call" + s}, {Href: s, Label: s, Title: s, Class: s}}
	return []segment{
		{Text: "Before " + s},
		{Text: "The sentence" + s, Marked: true, ID: "s1" + s, Anchors: []string{"s2" + s, s}[:i%3], Refs: refs[:i%3]},
		{Text: s, Marked: true},
		{Text: s, Marked: i%2 == 0, ID: s, Refs: refs},
	}
}

func FuzzNativeFragments(f *testing.F) {
	for _, s := range nasty {
		f.Add(s, "../", true)
	}
	set := defaultSets(f)
	f.Fuzz(func(t *testing.T, s, root string, flag bool) {
		e := entry{
			Root: root, Type: s, Title: s, Actors: []string{s, s}, Place: s, File: s, Path: s,
			When:    when{Short: s, Long: s, Time: s, Datetime: s},
			Planned: flag, Pinned: !flag, TypeLabel: s, TypeClass: s, Conflict: s,
			ActorLinks: []link{{Label: s, Path: s}, {Label: s, Path: root}},
			Cited:      []citation{{Title: s, Href: s, Published: s, Count: len(s)}, {Title: s, URL: s}, {Title: s, URL: root + s}},
		}
		e.Curated.Any = flag
		checkNative(t, set, "entry", e)
		g := groupEntry{Root: root, Title: s, Path: s, When: e.When, Planned: flag, TypeLabel: s, TypeClass: s, Place: s, Others: e.ActorLinks, SameType: len(s)%2 == 0}
		checkNative(t, set, "compact", g)
		checkNative(t, set, "event", nastyDayEvent(s, len(root), len(s)))
		checkNative(t, set, "event", nastyDayEvent(root, len(s), len(root)+1))
		segs := nastySegments(s, len(root))
		checkNative(t, set, "segments", segs)
		checkNative(t, set, "blocks", []blockView{{Kind: s, Segments: segs}, {Kind: "list", Items: [][]segment{segs}}, {Kind: "quote", Segments: segs}})
		checkNative(t, set, "reported", nastyArticlePage(s, len(root)))
		p := nastyArticlePage(root, len(s))
		p.Root = s
		checkNative(t, set, "reported", p)
	})
}

// TestNativeOnlyForTheDefaults checks that a set executes the user's own
// "entry", "compact", "segments" or a template they execute ("badges"):
// the native writers stand in for the defaults only.
func TestNativeOnlyForTheDefaults(t *testing.T) {
	own := func(files map[string]string) map[string]nativeFragment {
		fsys := fstest.MapFS{}
		for _, name := range append(defaultSumsFiles, periodPageTmpl) {
			data, err := templates.FS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			fsys[name] = &fstest.MapFile{Data: data}
		}
		for name, text := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		set := template.New("").Funcs(funcs)
		for _, name := range slices.Sorted(maps.Keys(fsys)) { // the partials first, as parseTemplates
			if err := parseFile(set, fsys, name); err != nil {
				t.Fatal(err)
			}
		}
		return nativeFor(templateSums(set))
	}
	if got, want := slices.Sorted(maps.Keys(own(nil))), slices.Sorted(maps.Keys(nativeFragments)); !slices.Equal(got, want) {
		t.Fatalf("the default templates have native writers for %v, want %v", got, want)
	}
	badges := `{{define "badges"}}<b>{{.TypeLabel}}</b>{{end}}`
	segments := `{{define "segments"}}{{range .}}{{.Text}}{{end}}{{end}}`
	for _, c := range []struct {
		name, text string
		want       []string // the native writers left
	}{
		{"_entry.html", `{{define "entry"}}<li>{{.Title}}</li>{{end}}{{define "sections"}}{{end}}{{define "filters"}}{{end}}`, []string{"blocks", "compact", "event", "reported", "segments"}},
		{"_group.html", `{{define "compact"}}<li>{{.Title}}</li>{{end}}{{define "group"}}{{end}}`, []string{"blocks", "entry", "event", "reported", "segments"}},
		{"period.html", `{{template "layout" .}}{{define "main"}}{{end}}` + badges, []string{"blocks", "event", "segments"}},
		{"period.html", `{{template "layout" .}}{{define "main"}}{{end}}` + segments, []string{"compact", "entry", "event", "reported"}},
	} {
		n := own(map[string]string{c.name: c.text})
		if got := slices.Sorted(maps.Keys(n)); !slices.Equal(got, c.want) {
			t.Errorf("with %s of %s: native %v, want %v", c.name, c.text, got, c.want)
		}
	}
}
