package site

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"github.com/timelinehq/timeline/timeline/timex"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/templates"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the output")

// build builds s with tmpl into a new folder and returns its path.
func build(t testing.TB, s Site, tmpl fs.FS) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(context.Background(), s, tmpl, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// readTree returns every file under dir by slash-separated relative path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGolden(t *testing.T) {
	got := readTree(t, build(t, fixture(t), nil))
	// Assets are copied byte for byte; compare them with the embedded
	// files rather than keep a second copy under testdata.
	for name, data := range got {
		if !strings.HasPrefix(name, "assets/") {
			continue
		}
		if want, err := fs.ReadFile(templates.FS, name); err != nil || !bytes.Equal(data, want) {
			t.Errorf("%s is not the embedded %s (err %v)", name, name, err)
		}
		delete(got, name)
	}
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			p := filepath.Join(golden, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := readTree(t, golden)
	for name, data := range got {
		w, ok := want[name]
		switch {
		case !ok:
			t.Errorf("%s: written but not in %s (run go test ./timeline/site -update)", name, golden)
		case !bytes.Equal(data, w):
			t.Errorf("%s: differs from %s (run go test ./timeline/site -update and review the diff)\n%s", name, golden, firstDiff(data, w))
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: in %s but not written", name, golden)
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func TestBuildIsDeterministic(t *testing.T) {
	a := readTree(t, build(t, fixture(t), nil))
	b := readTree(t, build(t, fixture(t), nil))
	if len(a) != len(b) {
		t.Fatalf("builds wrote %d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

var (
	reRef = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	reID  = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestLinksResolve checks every relative href and src of every page:
// the file exists in the output and the #fragment is an id in it.
func TestLinksResolve(t *testing.T) {
	for _, tc := range []struct {
		name string
		site Site
	}{
		{"fixture", fixture(t)},
		{"synthetic", syntheticSite(40, 8)},
		{"no events", Site{}},
		{"ids that the index page has", Site{Events: []events.Event{
			{ID: "sources", Type: "call", Date: "2021"}, {ID: "main", Type: "call", Date: "2021"},
			{ID: "Main", Type: "call", Date: "2021"}, {ID: "../../etc/passwd", Type: "call", Date: "2021"}, {Type: "call"},
		}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkLinks(t, readTree(t, build(t, tc.site, nil)))
		})
	}
}

// checkLinks checks that every relative href and src of every page names
// a file of the output and, with a #fragment, an id in that file.
func checkLinks(t *testing.T, files map[string][]byte) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			ids[name] = map[string]bool{}
			for _, m := range reID.FindAllStringSubmatch(string(data), -1) {
				id := html.UnescapeString(m[1])
				if ids[name][id] {
					t.Errorf("%s: id %q twice", name, id)
				}
				ids[name][id] = true
			}
		}
	}
	checked := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range reRef.FindAllStringSubmatch(string(data), -1) {
			ref := html.UnescapeString(m[1])
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q: %v", name, ref, err)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // external
			}
			target := name
			switch {
			case strings.HasPrefix(u.Path, "/") && name == notFoundPage:
				// 404.html's links start at the host's root until its
				// script finds the site's (see notfound.go).
				target = u.Path[1:]
			case strings.HasPrefix(u.Path, "/"):
				t.Errorf("%s: link %q is absolute; the site must work under any sub-path", name, ref)
				continue
			case u.Path != "":
				target = path.Join(path.Dir(name), u.Path)
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: link %q: %s is not in the output", name, ref, target)
				continue
			}
			if u.Fragment != "" && !ids[target][u.Fragment] {
				t.Errorf("%s: link %q: %s has no id %q", name, ref, target, u.Fragment)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("no links checked")
	}
}

func TestEvidenceMarks(t *testing.T) {
	s := fixture(t)
	files := readTree(t, build(t, s, nil))
	page := string(files["articles/biden-putin-call.html"])
	spanning := s.Events[3].Sources[1]
	id := "s-" + strconv.Itoa(spanning.Start) + "-" + strconv.Itoa(spanning.End)
	t.Run("a sentence over two blocks is marked in both", func(t *testing.T) {
		for _, want := range []string{
			`<mark id="` + id + `">Biden will stress in his call with</mark>`,
			`<mark id="` + id + `-2">Putin that Washington is looking for a &#34;diplomatic path&#34; out of the crisis, an official said.</mark><a class="ref t-call" href="../events/2021-12-30.html#2021-12-30-call-biden-putin"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("article page lacks\n%s", want)
			}
		}
	})
	t.Run("the event links to the first part", func(t *testing.T) {
		ev := eventHTML(t, files, "events/2021-12-30.html#2021-12-30-call-biden-putin")
		if !strings.Contains(ev, `href="../articles/biden-putin-call.html#`+id+`"`) {
			t.Errorf("event page does not link to #%s", id)
		}
	})
	t.Run("a sentence that is evidence for two events links to both", func(t *testing.T) {
		i := strings.Index(page, "Biden warned Putin during")
		if i < 0 {
			t.Fatal("no warned sentence")
		}
		rest := page[i:]
		rest = rest[:strings.Index(rest, "</p>")]
		for _, ev := range []string{"2021-12-call-biden-putin", "2021-12-warning-biden-putin"} {
			if !strings.Contains(rest, `href="../events/2021-12.html#`+ev+`"`) {
				t.Errorf("the shared sentence does not link to %s:\n%s", ev, rest)
			}
		}
		if strings.Count(page, "<mark") != 5 {
			t.Errorf("want 5 marks (4 sentences, one in two parts), got %d", strings.Count(page, "<mark"))
		}
	})
	t.Run("marks cover exactly the source bytes", func(t *testing.T) {
		for _, e := range s.Events {
			for _, src := range e.Sources {
				var a = s.Articles[0]
				if src.Article != a.Path {
					a = s.Articles[1]
				}
				if string(a.Raw[src.Start:src.End]) == "" {
					t.Fatalf("empty source")
				}
				id := "s-" + strconv.Itoa(src.Start) + "-" + strconv.Itoa(src.End)
				p := string(files["articles/"+strings.TrimSuffix(path.Base(a.Path), path.Ext(a.Path))+".html"])
				re := regexp.MustCompile(`<mark id="` + id + `"[^>]*>([^<]*)</mark>`)
				m := re.FindStringSubmatch(p)
				if m == nil {
					t.Errorf("%s: no mark %s", a.Path, id)
					continue
				}
				first := strings.SplitN(string(a.Raw[src.Start:src.End]), "\n\n", 2)[0]
				if got := html.UnescapeString(m[1]); got != strings.Join(strings.Fields(first), " ") {
					t.Errorf("mark %s holds %q, want %q", id, got, first)
				}
			}
		}
	})
}

// TestDatePageSaysEachFactOnce keeps an event's entry on its date page
// from growing back the copies it once had: its ID four times, the
// page's own date again, "Where: Not reported", and the article's title,
// date and URL once more for every sentence of the same article.
func TestDatePageSaysEachFactOnce(t *testing.T) {
	s := fixture(t)
	files := readTree(t, build(t, s, nil))
	call := s.Events[3] // two sentences of one article, on a day of its own
	src := call.Sources[0]
	if len(call.Sources) < 2 || call.Sources[1].Article != src.Article || call.Place != "" {
		t.Fatal("the fixture's call no longer has two sentences of one article and no place")
	}
	entry := eventHTML(t, files, eventPath(call))
	for _, c := range []struct {
		what string
		max  int
	}{
		{call.ID, 3}, // its id, its permalink and the ID row
		{src.URL, 1},
		{src.Title, 1},
		{"Not reported", 0},
		{">Thursday 30 December 2021<", 0}, // the page's heading says it
	} {
		if n := strings.Count(entry, c.what); n > c.max {
			t.Errorf("the entry says %q %d times, want at most %d:\n%s", c.what, n, c.max, entry)
		}
	}
	// An event dated by the day alone does not repeat the heading's date;
	// the call above has a time, so its date line stays.
	message := s.Events[2]
	if message.Date != "2021-12-29" {
		t.Fatal("the fixture's message is no longer dated by the day alone")
	}
	if entry := eventHTML(t, files, eventPath(message)); strings.Contains(entry, `class="when-long"`) {
		t.Errorf("the entry repeats its date page's date:\n%s", entry)
	}
	if !strings.Contains(entry, `class="when-long"`) {
		t.Errorf("the call's entry lost its time:\n%s", entry)
	}
}

func TestEventsJSON(t *testing.T) {
	t.Run("an empty chronology is []", func(t *testing.T) {
		files := readTree(t, build(t, Site{}, nil))
		if got := string(files["events.json"]); got != "[]\n" {
			t.Errorf("events.json = %q, want \"[]\\n\"", got)
		}
	})
	t.Run("missing actors and sources are arrays, not null", func(t *testing.T) {
		files := readTree(t, build(t, Site{Events: []events.Event{{ID: "x", Type: "call", Date: "2021"}}}, nil))
		got := string(files["events.json"])
		if strings.Contains(got, "null") || !strings.Contains(got, `"actors":[]`) || !strings.Contains(got, `"sources":[]`) {
			t.Errorf("events.json:\n%s", got)
		}
	})
}

// TestOneSectionPerMonth builds a chronology whose order disagrees with
// the order of the index's section labels: a year before its months, a
// quarter after them, decades and undated events between days.
func TestOneSectionPerMonth(t *testing.T) {
	var evs []events.Event
	for i, d := range []string{"2021", "2021-03-01", "2021-Q4", "2021-12-01", "199", "PAST_REF", "198", "2021-12-30TEV+01:00"} {
		evs = append(evs, events.Event{ID: "e" + strconv.Itoa(i), Type: events.Call, Date: timex.Value(d), Title: "Event " + d})
	}
	index := string(readTree(t, build(t, Site{Events: evs}, nil))["index.html"])
	var ids []string
	for _, m := range regexp.MustCompile(`<section class="month" id="([^"]*)"`).FindAllStringSubmatch(index, -1) {
		ids = append(ids, m[1])
	}
	want := []string{"m-2021", "m-2021-03", "m-2021-12", "m-1990s", "m-undated", "m-1980s"}
	if !slices.Equal(ids, want) {
		t.Errorf("section ids %q, want %q, each once", ids, want)
	}
	v := newSiteView(Site{Events: evs}, "")
	n := 0
	for _, m := range v.Periods {
		n += len(m.Events)
		for _, ev := range m.Events {
			if ev.Period.Path != m.pagePath(1) {
				t.Errorf("%s is in section %s but links to %s", ev.Date, m.ID, ev.Period.Path)
			}
		}
	}
	if n != len(evs) {
		t.Errorf("the sections hold %d events, want %d", n, len(evs))
	}
	if got := v.Periods[0].Events; len(got) != 2 || got[0].Date != "2021" || got[1].Date != "2021-Q4" {
		t.Errorf("section 2021 holds %d events, want 2021 and 2021-Q4 in chronology order", len(got))
	}
}

// writeFiles writes name → content under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTemplatesOverride(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"index.html":       `{{template "layout" .}}{{define "main"}}<p id="custom">{{.Index.Count}} custom events</p>{{end}}`,
		"assets/style.css": "body { color: red }\n",
		"assets/logo.svg":  "<svg/>\n",
		"static/CNAME":     "timeline.example.org\n",
		"static/.nojekyll": "",
	})
	tmpl, err := Templates(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, build(t, fixture(t), tmpl))
	defaults := readTree(t, build(t, fixture(t), nil))
	t.Run("the user's page template replaces the default", func(t *testing.T) {
		if !strings.Contains(string(files["index.html"]), `<p id="custom">5 custom events</p>`) {
			t.Errorf("index.html:\n%s", files["index.html"])
		}
	})
	t.Run("the other templates stay the defaults", func(t *testing.T) {
		for _, name := range []string{"events/2021-12-30.html", "articles/putin-message.html", "assets/timeline.js"} {
			if !bytes.Equal(files[name], defaults[name]) {
				t.Errorf("%s differs from the default build", name)
			}
		}
	})
	t.Run("the user's assets replace and add files", func(t *testing.T) {
		if string(files["assets/style.css"]) != "body { color: red }\n" || string(files["assets/logo.svg"]) != "<svg/>\n" {
			t.Errorf("style.css = %q, logo.svg = %q", files["assets/style.css"], files["assets/logo.svg"])
		}
	})
	t.Run("static files go to the root", func(t *testing.T) {
		if string(files["CNAME"]) != "timeline.example.org\n" {
			t.Errorf("CNAME = %q", files["CNAME"])
		}
		if _, ok := files[".nojekyll"]; !ok {
			t.Error("no .nojekyll")
		}
	})
	t.Run("a static file may not replace a generated one", func(t *testing.T) {
		bad := t.TempDir()
		writeFiles(t, bad, map[string]string{"static/events.json": "[]"})
		tmpl, err := Templates(bad)
		if err != nil {
			t.Fatal(err)
		}
		err = buildSite(context.Background(), fixture(t), tmpl, filepath.Join(t.TempDir(), "out"))
		want := filepath.Join(bad, "static", "events.json") + " would replace the generated events.json"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
	})
	t.Run("a missing folder is an error", func(t *testing.T) {
		if _, err := Templates(filepath.Join(dir, "nope")); err == nil {
			t.Error("no error")
		}
	})
}

func TestTemplateErrorsNameTheFile(t *testing.T) {
	for _, tc := range []struct {
		name, file, text, want string
	}{
		{"a parse error", "day.html", "{{template \"layout\" .}}\n{{define \"main\"}}{{if}}{{end}}", "day.html:2: missing value for if"},
		{"an execution error", "article.html", "{{template \"layout\" .}}\n\n{{define \"main\"}}{{.Nope}}{{end}}", "article.html:3:19: executing"},
		{"a partial's parse error", "_extra.html", "{{define \"x\"}}\n{{end}}{{end}}", "_extra.html:2: unexpected {{end}}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tc.file: tc.text})
			tmpl, err := Templates(dir)
			if err != nil {
				t.Fatal(err)
			}
			err = buildSite(context.Background(), fixture(t), tmpl, filepath.Join(t.TempDir(), "out"))
			if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, tc.want)) {
				t.Errorf("err = %v\nwant it to contain %s", err, filepath.Join(dir, tc.want))
			}
		})
	}
}

func TestEvidenceEdgeCases(t *testing.T) {
	s := fixture(t)
	call := s.Articles[0]
	raw := string(call.Raw)
	at := func(sub string) int {
		i := strings.Index(raw, sub)
		if i < 0 {
			t.Fatalf("no %q", sub)
		}
		return i
	}
	src := func(start, end int) events.Source {
		return events.Source{Article: call.Path, Sentence: raw[start:end], Start: start, End: end}
	}
	a, b := at("Biden warned"), at("video call in")
	c, d := at("early December"), at("invaded Ukraine.")+len("invaded Ukraine.")
	s.Events = append(s.Events, events.Event{
		ID: "edge", Type: "protest", Date: "2021-12-31", Title: "Edge cases",
		Sources: []events.Source{
			src(a, c),  // overlaps the warned sentence, same start
			src(b, d),  // overlaps it, same end
			src(b, c),  // inside both
			src(0, 10), // in the headline, not in the body
			{Article: "content/missing.txt", Title: "Gone", URL: "https://example.org/gone", Sentence: "x", Start: 0, End: 1},
			{Article: call.Path, Sentence: "bad", Start: 5000, End: 6000}, // past the end
		},
	})
	out := build(t, s, nil)
	files := readTree(t, out)
	page := string(files["articles/biden-putin-call.html"])
	for _, id := range []string{
		"s-" + strconv.Itoa(a) + "-" + strconv.Itoa(c),
		"s-" + strconv.Itoa(b) + "-" + strconv.Itoa(d),
		"s-" + strconv.Itoa(b) + "-" + strconv.Itoa(c),
	} {
		if !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("no id %s in the article page", id)
		}
	}
	if n := strings.Count(page, `<a class="ref t-protest" href="../events/2021-12-31.html#edge"`); n != 2 {
		t.Errorf("want 2 links from marks to the edge event (one per end), got %d", n)
	}
	checkLinks(t, files)
	ev := eventHTML(t, files, "events/2021-12-31.html#edge")
	for _, want := range []string{
		// The headline and the bad offsets link to anchors at the top of
		// the article page, which checkLinks found there.
		`<a href="../articles/biden-putin-call.html#s-0-10">`, `<a href="../articles/biden-putin-call.html#s-5000-6000">`,
		`<cite>Gone</cite>`, `href="https://example.org/gone"`,
	} {
		if !strings.Contains(ev, want) {
			t.Errorf("event page lacks %s", want)
		}
	}
	if !strings.Contains(string(files["index.html"]), `class="event t-protest"`) {
		t.Error("an unknown type gets no class of its own")
	}
}

func TestEvidenceInHeadline(t *testing.T) {
	s := fixture(t)
	call := s.Articles[0]
	title := call.Title
	if !strings.HasPrefix(string(call.Raw), title) {
		t.Fatal("the fixture's first line is not its title")
	}
	call.TitleBlock = article.Block{Kind: article.Heading, Text: title, Spans: []article.Span{{Text: 0, File: 0, Len: len(title)}}}
	s.Events[3].Sources = append(s.Events[3].Sources, events.Source{Article: call.Path, Sentence: title, Start: 0, End: len(title)})
	files := readTree(t, build(t, s, nil))
	page := string(files["articles/biden-putin-call.html"])
	want := `<h1><mark id="s-0-` + strconv.Itoa(len(title)) + `">` + title + `</mark>`
	if !strings.Contains(page, want) {
		t.Errorf("article page lacks\n%s", want)
	}
	checkLinks(t, files)
}

// buildSite builds s with the default options.
func buildSite(ctx context.Context, s Site, tmpl fs.FS, out string) error {
	_, err := Build(ctx, s, tmpl, out, Options{})
	return err
}

func TestEventsJSONIsEncodingJSON(t *testing.T) {
	// The writer is by hand: it must spell every event as encoding/json
	// does, and know every field of events.Event and events.Source.
	if n := reflect.TypeFor[events.Event]().NumField(); n != 13 {
		t.Errorf("events.Event has %d fields: teach eventsJSON the new ones", n)
	}
	if n := reflect.TypeFor[events.Source]().NumField(); n != 7 {
		t.Errorf("events.Source has %d fields: teach eventsJSON the new ones", n)
	}
	odd := events.Event{ID: "odd", Title: "Quotes \" and \\ and <b>&</b>, a tab\t, a line\nbreak, \u2028, \x01, bad \xff utf-8, é",
		Actors: []string{"", "Zoë"}, Sources: []events.Source{{Sentence: "\"Yes,\" he said.\r\n", Start: -1, End: 1 << 40}}}
	for _, tc := range []struct {
		name string
		evs  []events.Event
	}{
		{"none", nil},
		{"the fixture", fixture(t).Events},
		{"synthetic", syntheticSite(50, 7).Events},
		{"strings that need escaping, empty lists", []events.Event{odd, {ID: "bare"}}},
		{"actor kinds, some unknown", []events.Event{{ID: "kinds", Actors: []string{"Joe Biden", "Globex", "X"}, ActorKinds: []events.Kind{events.Person, events.Organisation, ""}}}},
		{"curated, pinned and disputed", []events.Event{{ID: "curated", Date: "2022-01-10", Pinned: true, Curated: []string{"date", "title"},
			Conflicts: []events.Reading{{Date: "2022-01-11", Articles: []string{"content/<b>.txt", "content/c.txt"}}}}, {ID: "pinned", Pinned: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := eventsJSON(tc.evs)
			if err != nil {
				t.Fatal(err)
			}
			if want := referenceEventsJSON(t, tc.evs); !bytes.Equal(got, want) {
				t.Errorf("differs from encoding/json\n%s", firstDiff(got, want))
			}
		})
	}
}

// referenceEventsJSON is events.json as encoding/json writes it: an
// array with each event on a line of its own.
func referenceEventsJSON(t *testing.T, evs []events.Event) []byte {
	out := make([]events.Event, len(evs))
	for i, e := range evs {
		if e.Actors == nil {
			e.Actors = []string{}
		}
		if e.Sources == nil {
			e.Sources = []events.Source{}
		}
		out[i] = e
	}
	if len(out) == 0 {
		return []byte("[]\n")
	}
	var buf bytes.Buffer
	buf.WriteByte('[')
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i, e := range out {
		if i > 0 {
			buf.Truncate(buf.Len() - 1) // the Encoder's newline
			buf.WriteString(",\n")
		} else {
			buf.WriteByte('\n')
		}
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	buf.WriteString("]\n")
	return buf.Bytes()
}

// eventHTML is the element of the event at permalink (page#id) on its
// date's page.
func eventHTML(t *testing.T, files map[string][]byte, permalink string) string {
	t.Helper()
	page, id, _ := strings.Cut(permalink, "#")
	html := string(files[page])
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("%s has no id %q", page, id)
	}
	start := strings.LastIndex(html[:i], "<article")
	end := strings.Index(html[i:], "</article>")
	if start < 0 || end < 0 {
		t.Fatalf("%s: the id %q is not on an article", page, id)
	}
	return html[start : i+end]
}

func TestCuratedEvents(t *testing.T) {
	s := fixture(t)
	s.Events = slices.Clone(s.Events)
	pinned, disputed := &s.Events[0], &s.Events[1]
	pinned.Pinned = true
	pinned.Curated = []string{"actors", "title"}
	disputed.Date = "2022-01-10"
	disputed.Conflicts = []events.Reading{{Date: "2022-01-11", Articles: []string{"content/b.txt"}}}
	files := readTree(t, build(t, s, nil))
	index := string(files["index.html"])
	t.Run("the index shows pinned events first, as key moments", func(t *testing.T) {
		i := strings.Index(index, "Key moments")
		if i < 0 || !strings.Contains(index[i:], `href="`+eventPath(*pinned)+`"`) || strings.Index(index, `id="chronology"`) < i {
			t.Errorf("no key moments before the chronology linking %s", pinned.ID)
		}
	})
	t.Run("a pinned event's page says it is a key moment and marks the edited fields", func(t *testing.T) {
		page := eventHTML(t, files, eventPath(*pinned))
		if !strings.Contains(page, "Key moment") || strings.Count(page, `class="edited"`) != 2 {
			t.Errorf("%s does not mark the key moment and the two edited fields", eventPath(*pinned))
		}
	})
	t.Run("a disputed date shows the other reading", func(t *testing.T) {
		page := eventHTML(t, files, eventPath(*disputed))
		if !strings.Contains(page, "; <span class=\"conflict\">one source says Tuesday 11 January 2022</span>") {
			t.Errorf("%s does not show the other reading", eventPath(*disputed))
		}
	})
	t.Run("events.json lists the curated fields", func(t *testing.T) {
		if !strings.Contains(string(files["events.json"]), `"curated":["actors","title"],"pinned":true`) {
			t.Error("events.json does not list the curated fields")
		}
	})
}

// eventPath is an event's permalink, by the site's own rule.
func eventPath(e events.Event) string {
	v := newSiteView(Site{Events: []events.Event{e}}, "")
	return v.Events[0].Path
}
