package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func blockTexts(a *Article) []string {
	var out []string
	for _, b := range a.Blocks {
		out = append(out, string(b.Kind)+": "+b.Text)
	}
	return out
}

// TestParseRules checks one rule per case on small inline articles.
func TestParseRules(t *testing.T) {
	tests := []struct {
		name      string
		path      string
		in        string
		title     string
		author    string
		url       string
		published string
		dateLine  int
		blocks    []string // "kind: text"; nil to skip the check
	}{
		{
			name: "plain text headline, date line and body in the MEANTIME shape",
			path: "a.txt", in: "Apple releases iPhone SDK\n\nJune 01, 2009\n\nApple said so.\n",
			title: "Apple releases iPhone SDK", published: "2009-06-01", dateLine: 3,
			blocks: []string{"paragraph: Apple said so."},
		},
		{
			name: "byline link syntax reads as the names",
			path: "a.txt", in: "T\n\nBy [Ann Lee](#) and [Bo Chan](https://x.org)\n\n2021-12-30\n\nBody text here.\n",
			title: "T", author: "Ann Lee and Bo Chan", published: "2021-12-30", dateLine: 5,
		},
		{
			name: "title, byline and date may sit on consecutive lines",
			path: "a.txt", in: "Headline here\nBy Ann Lee\n30 December 2021\n\nBody text here.\n",
			title: "Headline here", author: "Ann Lee", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: Body text here."},
		},
		{
			name: "a sentence broken by a blank line reads as one block",
			path: "a.txt", in: "T\n\nDec 30, 2021\n\nBiden will stress in his call with\n\nPutin that talks matter.\n\nNext one.\n",
			title: "T", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: Biden will stress in his call with Putin that talks matter.", "paragraph: Next one."},
		},
		{
			name: "a short line without punctuation between paragraphs is a subheading",
			path: "a.txt", in: "T\n\n2021-12-30\n\nLead sentence here.\n\nConversational mood\n\nMore text.\n",
			title: "T", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: Lead sentence here.", "heading: Conversational mood", "paragraph: More text."},
		},
		{
			name: "a sentence starting with By is not a byline",
			path: "a.txt", in: "T\n\nJune 01, 2009\n\nBy Thursday, the troops had left.\n",
			title: "T", published: "2009-06-01", dateLine: 3,
			blocks: []string{"paragraph: By Thursday, the troops had left."},
		},
		{
			name: "rules without words are not body",
			path: "a.txt", in: "T\n\nJune 01, 2009\n\nOne.\n\n* * *\n\nTwo.\n",
			title: "T", published: "2009-06-01", dateLine: 3,
			blocks: []string{"paragraph: One.", "paragraph: Two."},
		},
		{
			name: "lines within a paragraph are joined with one space",
			path: "a.txt", in: "T\n\n2021-12-30\n\n  One line\n\tand   another.  \n",
			title: "T", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: One line and another."},
		},
		{
			name: "credits, related articles and the url footer are not body",
			path: "a.txt", in: "T\n\n2021-12-30\n\nPhoto: Jane Doe\n\nLead text here.\n\nRelated article: [Other](#)\n\nIvan Sekretarev/AP\n\nMore text.\n\nOriginal url: https://example.org/a\n",
			title: "T", url: "https://example.org/a", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: Lead text here.", "paragraph: More text."},
		},
		{
			name: "a date line a little below the lead still counts",
			path: "a.txt", in: "T\n\nLead text here.\n\nWednesday, January 12, 2022\n\nMore.\n",
			title: "T", published: "2022-01-12", dateLine: 5,
			blocks: []string{"paragraph: Lead text here.", "paragraph: More."},
		},
		{
			name: "any extension but .md and .markdown is plain text",
			path: "a.article", in: "# Not a heading\n\n2021-12-30\n\n*Not emphasis*.\n",
			title: "# Not a heading", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: *Not emphasis*."},
		},
		{
			name: "markdown soft breaks fold to a space and markup is dropped",
			path: "a.markdown", in: "---\ndate: 2021-12-30\n---\nSome *very* __bold__\n[link text](http://x) `code` &lt;b&gt; \\*star\\*.\n",
			published: "2021-12-30", dateLine: 2,
			blocks: []string{"paragraph: Some very bold link text code <b> *star*."},
		},
		{
			name: "markdown leading heading is the title when front matter has none",
			path: "a.md", in: "# The title\n\n2021-12-30\n\n## Section\n\nText.\n",
			title: "The title", published: "2021-12-30", dateLine: 3,
			blocks: []string{"heading: Section", "paragraph: Text."},
		},
		{
			name: "markdown in the plain-text shape takes title and byline",
			path: "a.md", in: "A headline\n\nBy Ann Lee\n\nDecember 30, 2021\n\nText.\n",
			title: "A headline", author: "Ann Lee", published: "2021-12-30", dateLine: 5,
			blocks: []string{"paragraph: Text."},
		},
		{
			name: "toml front matter accepts an RFC 3339 datetime",
			path: "a.md", in: "+++\ntitle = \"T\"\ndate = 2021-12-30T20:30:00Z\n+++\nText.\n",
			title: "T", published: "2021-12-30", dateLine: 3,
		},
		{
			name: "toml front matter accepts a bare local date",
			path: "a.md", in: "+++\ndate = 2021-12-30\n+++\nText.\n",
			published: "2021-12-30", dateLine: 2,
		},
		{
			name: "yaml front matter date written out",
			path: "a.md", in: "---\nTitle: T\nDate: \"December 30, 2021\"\n---\nText.\n",
			title: "T", published: "2021-12-30", dateLine: 3,
		},
		{
			name: "plain text may carry closed front matter",
			path: "a.txt", in: "---\ntitle: T\ndate: 2021-12-30\n---\nBody text.\n",
			title: "T", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: Body text."},
		},
		{
			name: "plain text opening with an unclosed rule is read as text",
			path: "a.txt", in: "---\nA title\n\n2021-12-30\n\nBody text.\n",
			published: "2021-12-30", dateLine: 4,
			blocks: []string{"paragraph: --- A title", "paragraph: Body text."},
		},
		{
			name: "a long first line ending in a full stop is the lead, not a title",
			path: "a.txt", in: "December 30, 2021\n\nU.S. President Joe Biden and his Russian counterpart Vladimir Putin emphasized the need for diplomacy.\n",
			published: "2021-12-30", dateLine: 1,
			blocks: []string{"paragraph: U.S. President Joe Biden and his Russian counterpart Vladimir Putin emphasized the need for diplomacy."},
		},
		{
			name: "a byline in the body is dropped even when front matter names the author",
			path: "a.md", in: "---\nauthor: Ann Lee\ndate: 2021-12-30\n---\nBy Ann Lee and Bo Chan\n\nText.\n",
			author: "Ann Lee", published: "2021-12-30", dateLine: 3,
			blocks: []string{"paragraph: Text."},
		},
		{
			name: "blank lines before the front matter are allowed",
			path: "a.md", in: "\n\n---\ndate: 2021-12-30\n---\nText.\n",
			published: "2021-12-30", dateLine: 4,
			blocks: []string{"paragraph: Text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, a)
			if a.Title != tt.title || a.Author != tt.author || a.URL != tt.url {
				t.Errorf("title, author, url = %q, %q, %q; want %q, %q, %q", a.Title, a.Author, a.URL, tt.title, tt.author, tt.url)
			}
			if got := a.Published.Format(time.DateOnly); got != tt.published || a.PublishedLine != tt.dateLine {
				t.Errorf("published %s on line %d, want %s on line %d", got, a.PublishedLine, tt.published, tt.dateLine)
			}
			if tt.blocks != nil {
				got := blockTexts(a)
				if strings.Join(got, "\n") != strings.Join(tt.blocks, "\n") {
					t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.blocks, "\n"))
				}
			}
		})
	}
}

// TestParseErrors checks that content problems come back as *Error at the
// line to fix, with a message that says what to do.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, path, in, want string
	}{
		{"a text without a date line is an error at the first body line",
			"a.txt", "Title\n\nBy Ann Lee\n\nBody.\n",
			"a.txt:5: no publication date; add a date line or date: in front matter"},
		{"an empty file is not an article",
			"a.txt", "", "a.txt:1: empty file, not an article"},
		{"markdown front matter without a date is an error at its first line",
			"a.md", "---\ntitle: T\n---\nText.\n",
			"a.md:1: no publication date; add a date line or date: in front matter"},
		{"a yaml syntax error points at its line in the file",
			"a.md", "---\ntitle: T\ndate: 2021-12-30\nbad: [1, 2\nmore: x\n---\nText.\n",
			"a.md:4: bad YAML front matter"},
		{"a toml syntax error points at its line in the file",
			"a.md", "+++\ntitle = \"T\"\ndate = \n+++\nText.\n",
			"a.md:3: bad TOML front matter"},
		{"front matter that is not key: value pairs says so",
			"a.md", "---\n- a\n- b\n---\nText.\n",
			"a.md:2: bad YAML front matter: write one key: value per line"},
		{"a front matter date that is no date says how to write one",
			"a.md", "---\ntitle: T\ndate: next week\n---\nText.\n",
			"a.md:3: front matter date \"next week\" is not a date; write it like 2021-12-30"},
		{"an unclosed front matter is an error at its opening line",
			"a.md", "---\ndate: 2021-12-30\nText.\n",
			"a.md:1: front matter is never closed; end it with a --- line"},
		{"an impossible date is no date",
			"a.txt", "T\n\nFebruary 30, 2021\n\nText.\n",
			"a.txt:3: no publication date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.path, []byte(tt.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to start with %q", err, tt.want)
			}
		})
	}
}

// TestLineEndings checks that CRLF line endings and a byte order mark
// change nothing but the offsets, which still point into the raw bytes.
func TestLineEndings(t *testing.T) {
	files, _ := filepath.Glob("testdata/*")
	for _, path := range files {
		if strings.HasSuffix(path, ".golden") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, werr := Parse(path, data)
		variants := map[string][]byte{
			"crlf":     []byte(strings.ReplaceAll(string(data), "\n", "\r\n")),
			"bom":      append([]byte("\ufeff"), data...),
			"bom+crlf": append([]byte("\ufeff"), strings.ReplaceAll(string(data), "\n", "\r\n")...),
			"lone cr":  []byte(strings.ReplaceAll(string(data), "\n", "\r")),
			"bom+cr":   append([]byte("\ufeff"), strings.ReplaceAll(string(data), "\n", "\r")...),
		}
		for name, v := range variants {
			t.Run(filepath.Base(path)+" with "+name+" reads the same", func(t *testing.T) {
				got, err := Parse(path, v)
				if werr != nil || err != nil {
					if (werr == nil) != (err == nil) || werr.Error() != err.Error() {
						t.Fatalf("err = %v, want %v", err, werr)
					}
					return
				}
				checkSpans(t, got)
				if got.Title != want.Title || got.Author != want.Author || got.URL != want.URL ||
					!got.Published.Equal(want.Published) || got.PublishedLine != want.PublishedLine {
					t.Errorf("header %q %q %q %v %d, want %q %q %q %v %d",
						got.Title, got.Author, got.URL, got.Published, got.PublishedLine,
						want.Title, want.Author, want.URL, want.Published, want.PublishedLine)
				}
				g, w := blockTexts(got), blockTexts(want)
				if strings.Join(g, "\n") != strings.Join(w, "\n") {
					t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
				}
				for i := range got.Blocks {
					if i < len(want.Blocks) && got.Blocks[i].Line != want.Blocks[i].Line {
						t.Errorf("block %d on line %d, want %d", i, got.Blocks[i].Line, want.Blocks[i].Line)
					}
				}
			})
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"December 30, 2021", "2021-12-30"},
		{"Dec. 30, 2021", "2021-12-30"},
		{"Dec 30 2021", "2021-12-30"},
		{"30 December 2021", "2021-12-30"},
		{"Thursday, December 30, 2021", "2021-12-30"},
		{"Thu, 30 Dec 2021", "2021-12-30"},
		{"June 01, 2009", "2009-06-01"},
		{"Sept. 1st, 2021", "2021-09-01"},
		{"2021-12-30", "2021-12-30"},
		{"2021-12-30T23:30:00-05:00", "2021-12-30"},
		{"2021-12-30 20:30", "2021-12-30"},
		{"December 30, 2021 20:30 GMT", "2021-12-30"},
		{"Published: December 30, 2021", "2021-12-30"},
		{"May 25, 2020 / 11:03 AM", "2020-05-25"},
		{"January 17, 2022 / 6:58 AM GMT", "2022-01-17"},
		{"March 5, 2025 · 10:14 AM EST", "2025-03-05"},
		{"February 29, 2021", ""},
		{"December 2021", ""},
		{"30 December", ""},
		{"Biden called on December 30, 2021", ""},
		{"2021", ""},
		{"May the force be with you", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := parseDate(tt.in)
			got := ""
			if ok {
				got = d.Format(time.DateOnly)
				if d.Location() != time.UTC || d.Hour() != 0 {
					t.Errorf("%v is not midnight UTC", d)
				}
			}
			if got != tt.want {
				t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFileOffset(t *testing.T) {
	// "ab cd": "ab" from file 10, an added space, "cd" from file 20.
	b := Block{Text: "ab cd", Spans: []Span{{0, 10, 2}, {3, 20, 2}}}
	tests := []struct{ i, start, end int }{
		{0, 10, 10},
		{1, 11, 11},
		{2, 12, 12}, // end of the first span
		{3, 20, 12}, // after the added space: start maps forward, end maps back
		{4, 21, 21},
		{5, 22, 22},
	}
	for _, tt := range tests {
		if got := b.FileOffset(tt.i); got != tt.start {
			t.Errorf("FileOffset(%d) = %d, want %d", tt.i, got, tt.start)
		}
		if got := b.FileEnd(tt.i); got != tt.end {
			t.Errorf("FileEnd(%d) = %d, want %d", tt.i, got, tt.end)
		}
	}
	// Adjacent spans with markup between them in the file: [x](#)y
	b = Block{Text: "xy", Spans: []Span{{0, 1, 1}, {1, 6, 1}}}
	if got := b.FileEnd(1); got != 2 {
		t.Errorf("FileEnd at a span boundary = %d, want 2 (the end of the first span)", got)
	}
	if got := b.FileOffset(1); got != 6 {
		t.Errorf("FileOffset at a span boundary = %d, want 6 (the start of the next span)", got)
	}
	// Text before the first span (a decoded entity) maps to its start.
	b = Block{Text: "&x", Spans: []Span{{1, 9, 1}}}
	if got := b.FileOffset(0); got != 9 {
		t.Errorf("FileOffset before the first span = %d, want 9", got)
	}
	if got := (Block{}).FileOffset(3); got != 0 {
		t.Errorf("FileOffset without spans = %d, want 0", got)
	}
}
