package timeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/templates"
	"github.com/timelinehq/timeline/timeline"
)

// The hostile fixtures in testdata/hostile: files that are fine in an odd
// shape, which must be read, and files that are no article, which must
// each be left out with a warning that names their line. The big and
// special ones are made by hostileContent.
var (
	oddButFine = []string{"bom.txt", "crlf.md", "lone-cr.txt"}
	badLines   = map[string]int{ // file → the line its warning must name
		"empty.md": 1, "blank.txt": 1, "image.md": 1, "random.txt": 1, "utf16.txt": 1,
		"latin1.txt": 7, "nul.md": 8, "broken-yaml.md": 4, "broken-toml.md": 3,
		"date-list.md": 3, "title-map.md": 3, "tags-number.md": 4, "draft-yes.md": 4,
		"no-date.txt": 3, // its first body line, where a date line belongs
		// made by hostileContent
		"huge.txt": 1, "deep-quote.md": 5, "deep-list.md": 133, "open-links.md": 5,
		"loop.md": 1, "dangling.txt": 1,
	}
)

// hostileContent makes a content folder of the sample articles, the odd
// but fine fixtures and every bad one.
func hostileContent(t *testing.T) string {
	t.Helper()
	dir := copyContent(t)
	if err := os.CopyFS(dir, os.DirFS("testdata/hostile")); err != nil {
		t.Fatal(err)
	}
	head := "---\ntitle: T\ndate: 2022-01-10\n---\n"
	var deepList strings.Builder
	deepList.WriteString(head)
	for i := range 300 {
		deepList.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	// 50 MB on one line, written in pieces so the test holds little of it.
	f, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("Joe Biden said talks would go on "), 1<<15)
	for n := 0; n < 50<<20; n += len(chunk) {
		f.Write(chunk)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "deep-quote.md"), head+strings.Repeat(">", 10000)+" deep\n")
	writeFile(t, filepath.Join(dir, "deep-list.md"), deepList.String())
	writeFile(t, filepath.Join(dir, "open-links.md"), head+strings.Repeat("[a](b", 50000)+"\n")
	os.Symlink("loop.md", filepath.Join(dir, "loop.md"))
	os.Symlink("gone.txt", filepath.Join(dir, "dangling.txt"))
	return dir
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readEvents(t *testing.T, out string) []timeline.Event { return readEventsTB(t, out) }

func readEventsTB(t testing.TB, out string) []timeline.Event {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "events.json"))
	if err != nil {
		t.Fatal(err)
	}
	var evs []timeline.Event
	if err := json.Unmarshal(data, &evs); err != nil {
		t.Fatal(err)
	}
	return evs
}

// TestOneBadFileCostsOnlyItself builds a folder of good articles mixed
// with hostile files: every good article's events are in events.json as
// they are without the bad files, each bad file is left out with a
// "path:line: message" warning at the line of its problem, and the files
// in odd but fine shapes are read with offsets into their own bytes.
func TestOneBadFileCostsOnlyItself(t *testing.T) {
	content := hostileContent(t)
	out := filepath.Join(t.TempDir(), "public")
	var warnings strings.Builder
	res, err := timeline.Build(context.Background(), timeline.Config{ContentDir: content, OutDir: out, NoCache: true, Warnings: &warnings})
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, warnings.String())
	}
	mixed := readEvents(t, out)

	// The same folder without the bad files.
	for name := range badLines {
		os.Remove(filepath.Join(content, name))
	}
	goodOut := filepath.Join(t.TempDir(), "public")
	var goodWarnings strings.Builder
	if _, err := timeline.Build(context.Background(), timeline.Config{ContentDir: content, OutDir: goodOut, NoCache: true, Warnings: &goodWarnings}); err != nil {
		t.Fatal(err)
	}
	if goodWarnings.Len() > 0 {
		t.Errorf("the good files alone have warnings:\n%s", goodWarnings.String())
	}
	good := readEvents(t, goodOut)

	t.Run("every good article's events are in events.json", func(t *testing.T) {
		g, _ := json.Marshal(good)
		m, _ := json.Marshal(mixed)
		if !bytes.Equal(g, m) {
			t.Errorf("events.json differs with the bad files beside the good: %d events, want %d", len(mixed), len(good))
		}
		cited := map[string]bool{}
		for _, e := range good {
			for _, s := range e.Sources {
				cited[filepath.Base(s.Article)] = true
			}
		}
		for _, name := range oddButFine {
			if !cited[name] {
				t.Errorf("no event cites %s", name)
			}
		}
	})
	t.Run("each bad file is left out with a warning at its line", func(t *testing.T) {
		var left []string
		for _, p := range res.LeftOut {
			left = append(left, filepath.Base(p))
		}
		for name, line := range badLines {
			t.Run(name, func(t *testing.T) {
				if !slices.Contains(left, name) {
					t.Errorf("%s is not left out", name)
				}
				prefix := filepath.Join(content, name) + ":"
				var msg string
				for l := range strings.Lines(warnings.String()) {
					if strings.HasPrefix(l, prefix) {
						msg = strings.TrimSpace(l)
					}
				}
				want := regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `(\d+): \S`)
				switch m := want.FindStringSubmatch(msg); {
				case msg == "":
					t.Errorf("no warning names %s", name)
				case m == nil:
					t.Errorf("warning %q has no line", msg)
				case m[1] != strconv.Itoa(line):
					t.Errorf("warning %q names line %s, want %d", msg, m[1], line)
				}
			})
		}
		if len(left) != len(badLines) {
			t.Errorf("left out %d files, want the %d bad ones: %v", len(left), len(badLines), left)
		}
	})
	t.Run("files with a BOM, CRLF or lone CR have evidence offsets into their own bytes", func(t *testing.T) {
		space := regexp.MustCompile(`\s+`)
		n := 0
		for _, e := range mixed {
			for _, s := range e.Sources {
				if !slices.Contains(oddButFine, filepath.Base(s.Article)) {
					continue
				}
				raw, err := os.ReadFile(s.Article)
				if err != nil {
					t.Fatal(err)
				}
				if s.Start < 0 || s.End > len(raw) || s.Start >= s.End {
					t.Fatalf("%s: source [%d,%d) outside the file", s.Article, s.Start, s.End)
				}
				if got := space.ReplaceAllString(string(raw[s.Start:s.End]), " "); got != s.Sentence {
					t.Errorf("%s[%d:%d] = %q, want the sentence %q", filepath.Base(s.Article), s.Start, s.End, got, s.Sentence)
				}
				n++
			}
		}
		if n == 0 {
			t.Error("no evidence from the odd files")
		}
	})
}

// builtSite builds content into a new folder and returns it.
func builtSite(t *testing.T, content string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	var warnings strings.Builder
	if _, err := timeline.Build(context.Background(), timeline.Config{ContentDir: content, OutDir: out, NoCache: true, Warnings: &warnings}); err != nil {
		t.Fatalf("Build: %v\n%s", err, warnings.String())
	}
	if warnings.Len() > 0 {
		t.Fatalf("warnings:\n%s", warnings.String())
	}
	return out
}

// htmlFiles returns the site's HTML files by slash path.
// notFoundScript is the inline <script> of the default 404.html template.
func notFoundScript(t *testing.T) string {
	t.Helper()
	tmpl, err := templates.FS.ReadFile("404.html")
	if err != nil {
		t.Fatal(err)
	}
	s := string(tmpl)
	from, to := strings.Index(s, "<script>"), strings.Index(s, "</script>")
	if from < 0 || to < from {
		t.Fatal("404.html has no inline script")
	}
	return s[from : to+len("</script>")]
}

func htmlFiles(t *testing.T, out string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	for name, data := range tree(t, out) {
		if strings.HasSuffix(name, ".html") {
			pages[name] = data
		}
	}
	return pages
}

var linkAttr = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*"([^"]*)"`)

// brokenLinks lists the relative links of the site's pages whose
// percent-decoded path is no file of the site.
func brokenLinks(t *testing.T, out string) []string {
	t.Helper()
	var broken []string
	for name, page := range htmlFiles(t, out) {
		for _, m := range linkAttr.FindAllStringSubmatch(page, -1) {
			href := strings.ReplaceAll(m[1], "&amp;", "&")
			u, err := url.Parse(href)
			if err != nil {
				broken = append(broken, name+": unparsable "+href)
				continue
			}
			if u.Scheme != "" || u.Host != "" || strings.HasPrefix(href, "/") || u.Path == "" {
				continue // absolute, or a fragment of this page
			}
			target := path.Join(path.Dir(name), u.Path)
			if strings.HasSuffix(u.Path, "/") {
				target = path.Join(target, "index.html")
			}
			if info, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil || info.IsDir() {
				broken = append(broken, name+": "+href)
			}
		}
	}
	slices.Sort(broken)
	return broken
}

// namesArticle is an article with the given title and lead.
func namesArticle(title, lead string) string {
	return "---\ntitle: " + strconv.Quote(title) + "\ndate: 2022-01-10\n---\n\n" + lead + "\n"
}

// TestNamesSurviveAndLinksResolve builds articles with the same title,
// titles that make the same slug and odd file names: each gets its own
// article page, the names stay the same when an unrelated article is
// added, and every relative link of the site resolves to a file.
func TestNamesSurviveAndLinksResolve(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(content, 0o755)
	files := map[string]string{
		"same-title-1.md": namesArticle("Biden and Putin talk", "Joe Biden called Vladimir Putin on Monday."),
		"same-title-2.md": namesArticle("Biden and Putin talk", "Joe Biden warned Vladimir Putin on Tuesday."),
		"slug-1.md":       namesArticle("Biden & Putin: talks", "Antony Blinken met Sergei Lavrov in Geneva on Friday."),
		"slug-2.md":       namesArticle("Biden, Putin — talks!", "Olaf Scholz visited Moscow on Tuesday."),
		"with space.md":   namesArticle("Spaces", "Emmanuel Macron visited Moscow on Monday."),
		"hash#1.md":       namesArticle("Hash", "Jens Stoltenberg said on Wednesday that NATO was ready to talk."),
		"what?.md":        namesArticle("Question", "Wendy Sherman met Sergei Ryabkov in Geneva on Monday."),
		"100%.md":         namesArticle("Percent", "Dmitry Peskov told reporters on Thursday that the call went well."),
		"Путин.md":        namesArticle("Путин", "Vladimir Putin spoke with Emmanuel Macron on Saturday."),
		"🚀 launch.txt":    "Rocket\n\nJanuary 10, 2022\n\nJoe Biden said on Monday that talks would go on.\n",
		"dots.md":         namesArticle("../../../outside", "Sergei Lavrov told reporters on Monday that Russia wanted guarantees."),
		"absolute.md":     namesArticle("/tmp/outside", "Antony Blinken said on Monday that talks would go on."),
		"reserved.md":     namesArticle("CON", "Josep Borrell said on Monday that Europe would take part."),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(content, name), data)
	}
	out := builtSite(t, content)
	pages := func(out string) []string {
		var names []string
		for name := range htmlFiles(t, out) {
			if strings.HasPrefix(name, "articles/") {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return names
	}
	first := pages(out)

	t.Run("every article has its own page", func(t *testing.T) {
		if len(first) != len(files) {
			t.Errorf("%d article pages for %d articles: %q", len(first), len(files), first)
		}
	})
	t.Run("page names stay when an unrelated article is added", func(t *testing.T) {
		writeFile(t, filepath.Join(content, "0-first.md"), namesArticle("Biden and Putin talk", "Xi Jinping spoke with Vladimir Putin on Monday."))
		defer os.Remove(filepath.Join(content, "0-first.md"))
		second := pages(builtSite(t, content))
		for _, p := range first {
			if !slices.Contains(second, p) {
				t.Errorf("%s is gone after adding an article: %q", p, second)
			}
		}
	})
	t.Run("no page is written outside the output folder", func(t *testing.T) {
		entries, err := os.ReadDir(filepath.Dir(out))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != filepath.Base(out) {
				t.Errorf("%s was written beside the output folder", e.Name())
			}
		}
		for _, p := range first {
			if strings.Count(p, "/") != 1 || strings.Contains(p, "..") || strings.EqualFold(p, "articles/con.html") {
				t.Errorf("article page %q", p)
			}
		}
	})
	t.Run("every relative link resolves to a file", func(t *testing.T) {
		if broken := brokenLinks(t, out); len(broken) > 0 {
			t.Errorf("%d broken links:\n%s", len(broken), strings.Join(broken, "\n"))
		}
	})
}

// TestNothingUnsafeReachesThePage puts script tags, event handlers and
// javascript: and data: URLs in every field an article has and checks
// that no page holds them in executable form.
func TestNothingUnsafeReachesThePage(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(content, 0o755)
	const x = `<script>alert(1)</script><img src=x onerror=alert(2)>`
	files := map[string]string{
		"front-matter.md": "---\ntitle: '" + x + " Biden calls Putin'\ndate: 2022-01-10\nauthor: '" + x + "'\n" +
			"url: 'javascript:alert(3)'\ntags: ['" + x + "']\n---\n\n" +
			"Joe Biden called Vladimir Putin on Monday. " + x + "\n\n" +
			"<script>alert(4)</script>\n\n<div onmouseover=\"alert(5)\">Putin said on Monday that talks would go on.</div>\n\n" +
			"[a link](javascript:alert(6)) and ![img](x\" onerror=\"alert(7)) Sergei Lavrov told reporters on Monday that Russia wanted guarantees.\n",
		"data-url.md": "---\ntitle: Data URL\ndate: 2022-01-11\nurl: \"data:text/html,<script>alert(8)</script>\"\n---\n\n" +
			"Antony Blinken met Sergei Lavrov in Geneva on Tuesday.\n",
		"vbscript-url.md": "---\ntitle: Other schemes\ndate: 2022-01-11\nurl: \" JaVaScRiPt:alert(9)\"\n---\n\n" +
			"Olaf Scholz visited Kyiv on Tuesday.\n",
		"plain.txt": x + " in a plain title\n\nBy " + x + "\n\nJanuary 12, 2022\n\n" +
			"Emmanuel Macron said on Wednesday that " + x + " talks would go on.\n\nOriginal url:\n\njavascript:alert(10)\n",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(content, name), data)
	}
	// Alias names reach the page as actor names.
	writeFile(t, filepath.Join(content, "aliases.txt"), "<script>alert(11)</script> Biden | person | Joe Biden, Biden\n")
	out := filepath.Join(t.TempDir(), "public")
	var warnings strings.Builder
	if _, err := timeline.Build(context.Background(), timeline.Config{ContentDir: content, OutDir: out, NoCache: true, Warnings: &warnings}); err != nil {
		t.Fatalf("Build: %v\n%s", err, warnings.String())
	}
	t.Run("a url that is no web address leaves its article out at its line", func(t *testing.T) {
		for _, w := range []string{"data-url.md:4: front matter url", "front-matter.md:5: front matter url", "vbscript-url.md:4: front matter url"} {
			if !strings.Contains(warnings.String(), w) {
				t.Errorf("no warning %q in:\n%s", w, warnings.String())
			}
		}
		if n := strings.Count(warnings.String(), "\n"); n != 3 {
			t.Errorf("%d warnings, want the 3 urls:\n%s", n, warnings.String())
		}
	})
	// The same fields without the urls reach the pages.
	for name, data := range files {
		data = regexp.MustCompile(`(?m)^url: .*\n`).ReplaceAllString(data, "")
		writeFile(t, filepath.Join(content, name), data)
	}
	out = builtSite(t, content)

	unsafe := []struct {
		rule string
		re   *regexp.Regexp
	}{
		{"no script tag", regexp.MustCompile(`(?i)<script[\s>]`)},
		{"no event handler attribute", regexp.MustCompile(`(?i)<[a-z][a-z0-9]*(?:\s+[^\s=>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*\s+on[a-z]+\s*=`)},
		{"no javascript: URL", regexp.MustCompile(`(?i)(?:href|src|action)\s*=\s*["']?\s*(?:javascript|vbscript):`)},
		{"no data: URL", regexp.MustCompile(`(?i)(?:href|src|action)\s*=\s*["']?\s*data:`)},
	}
	pages := htmlFiles(t, out)
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for _, u := range unsafe {
		t.Run(u.rule, func(t *testing.T) {
			// Each rule catches its payload unescaped.
			payload := x + `<a href="javascript:alert(1)"><a href=data:text/html,x>`
			if !u.re.MatchString(payload) {
				t.Fatalf("the rule does not catch %q", payload)
			}
			for name, page := range pages {
				// The site's own scripts are files under assets/, but for
				// 404.html's, which finds the site's root and so cannot be
				// loaded from it: that one is inline, as its template has it.
				page = regexp.MustCompile(`<script src="[^"]*assets/[^"]*"( defer)?></script>`).ReplaceAllString(page, "")
				if name == "404.html" {
					page = strings.Replace(page, notFoundScript(t), "", 1)
				}
				for _, m := range u.re.FindAllStringIndex(page, -1) {
					t.Errorf("%s: %q", name, page[max(0, m[0]-40):min(len(page), m[1]+40)])
				}
			}
		})
	}
	t.Run("the fields are on the page, escaped", func(t *testing.T) {
		all := strings.Join(slices.Collect(maps.Values(pages)), "")
		if !strings.Contains(all, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Error("the title's script tag is not shown as text anywhere")
		}
	})
}

// TestNonASCIINamesKeepTheirPages checks that the article pages of
// Cyrillic file names keep their names when another such article is added.
func TestNonASCIINamesKeepTheirPages(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(content, 0o755)
	pageOf := func(out string) map[string]string { // title → page
		m := map[string]string{}
		for name, page := range htmlFiles(t, out) {
			if title := regexp.MustCompile(`<title>([^<·]*)`).FindStringSubmatch(page); strings.HasPrefix(name, "articles/") && title != nil {
				m[strings.TrimSpace(title[1])] = name
			}
		}
		return m
	}
	for _, n := range []string{"Путин", "Россия"} {
		writeFile(t, filepath.Join(content, n+".md"), namesArticle("T "+n, "Joe Biden called Vladimir Putin on Monday."))
	}
	before := pageOf(builtSite(t, content))
	writeFile(t, filepath.Join(content, "Австрия.md"), namesArticle("T Австрия", "Joe Biden called Vladimir Putin on Monday."))
	after := pageOf(builtSite(t, content))
	for title, page := range before {
		if after[title] != page {
			t.Errorf("%q moved from %s to %s", title, page, after[title])
		}
	}
}
