package site

import (
	"fmt"
	"github.com/timelinehq/timeline/timeline/timex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// The fixture: two articles of testdata/content and five events that cover
// time, day and month precision, a mod, planned events, a sentence that runs
// over two blocks, a sentence that is evidence for two events and an event
// cited by both articles. The articles are built here, not by article.Parse,
// so that these tests depend on this package alone.

// readFixture reads testdata/content/name as an article whose body starts
// at the line beginning with bodyStart.
func readFixture(t testing.TB, name, title, author, url, published, bodyStart string) *article.Article {
	t.Helper()
	p := filepath.Join("testdata", "content", name)
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	day, err := time.Parse("2006-01-02", published)
	if err != nil {
		t.Fatal(err)
	}
	from := strings.Index(string(raw), "\n"+bodyStart)
	if from < 0 {
		t.Fatalf("%s: no line starts with %q", p, bodyStart)
	}
	return &article.Article{
		Path: "content/" + name, Title: title, Author: author, URL: url, Published: day,
		Raw: raw, Blocks: splitBlocks(raw, from+1),
	}
}

// splitBlocks is a tiny stand-in for the article parser: paragraphs are
// separated by blank lines, "## " starts a heading, "> " a quote and "- " a
// list item; lines of a paragraph join with a space that is not in the file.
func splitBlocks(raw []byte, from int) []article.Block {
	type line struct {
		text string
		off  int
	}
	var blocks []article.Block
	var para []line
	flush := func() {
		if len(para) == 0 {
			return
		}
		kind, cut := article.Paragraph, 0
		switch {
		case strings.HasPrefix(para[0].text, "## "):
			kind, cut = article.Heading, 3
		case strings.HasPrefix(para[0].text, "> "):
			kind, cut = article.Quote, 2
		case strings.HasPrefix(para[0].text, "- "):
			for _, l := range para {
				blocks = append(blocks, article.Block{Kind: article.ListItem, Text: l.text[2:],
					Spans: []article.Span{{Text: 0, File: l.off + 2, Len: len(l.text) - 2}}})
			}
			para = nil
			return
		}
		var b article.Block
		b.Kind = kind
		for i, l := range para {
			if i > 0 {
				b.Text += " "
			}
			s := article.Span{Text: len(b.Text), File: l.off + cut, Len: len(l.text) - cut}
			b.Text += l.text[cut:]
			b.Spans = append(b.Spans, s)
		}
		blocks = append(blocks, b)
		para = nil
	}
	off := from
	for _, text := range strings.SplitAfter(string(raw[from:]), "\n") {
		l := line{strings.TrimRight(text, "\n"), off}
		off += len(text)
		switch {
		case strings.TrimSpace(l.text) == "":
			flush()
		case strings.HasPrefix(l.text, "Original url:"):
		default:
			para = append(para, l)
		}
	}
	flush()
	return blocks
}

// cite returns a source for the bytes of a from the first byte of first to
// the last byte of last.
func cite(t testing.TB, a *article.Article, first, last string) events.Source {
	t.Helper()
	start := strings.Index(string(a.Raw), first)
	end := strings.Index(string(a.Raw[max(start, 0):]), last)
	if start < 0 || end < 0 {
		t.Fatalf("%s: no %q ... %q", a.Path, first, last)
	}
	end += start + len(last)
	return events.Source{
		Article: a.Path, Title: a.Title, URL: a.URL, Published: a.Published.Format("2006-01-02"),
		Sentence: strings.Join(strings.Fields(string(a.Raw[start:end])), " "),
		Start:    start, End: end,
	}
}

func fixture(t testing.TB) Site {
	t.Helper()
	call := readFixture(t, "biden-putin-call.txt", "Biden and Putin to Talk by Phone as Ukraine Tensions Rise",
		"Jane Doe", "https://example.org/news/biden-putin-call", "2021-12-30", "U.S. President")
	msg := readFixture(t, "putin-message.md", "Putin Tells Biden in New Year Message: Dialogue Is Possible",
		"John Roe", "https://example.org/news/putin-message", "2021-12-31", "Vladimir Putin said")
	warned := cite(t, call, "Biden warned Putin", "invaded Ukraine.")
	return Site{
		Title: "Ukraine crisis: a chronology",
		Events: []events.Event{{
			ID: "2021-12-call-biden-putin", Type: events.Call, Status: events.Occurred,
			Date: "2021-12", Mod: "START", Title: "Joe Biden and Vladimir Putin hold a video call",
			Actors: []string{"Joe Biden", "Vladimir Putin"}, Sources: []events.Source{warned},
		}, {
			ID: "2021-12-warning-biden-putin", Type: events.Warning, Status: events.Occurred,
			Date: "2021-12", Mod: "START", Title: "Joe Biden warns Vladimir Putin of severe consequences",
			Actors: []string{"Joe Biden", "Vladimir Putin"}, Sources: []events.Source{warned},
		}, {
			ID: "2021-12-29-statement-putin", Type: events.Statement, Status: events.Occurred,
			Date: "2021-12-29", Title: "Vladimir Putin sends Joe Biden a New Year message",
			Actors: []string{"Vladimir Putin"},
			Sources: []events.Source{
				cite(t, msg, "Vladimir Putin said", "was possible."),
				cite(t, msg, `"We are ready`, "the message said."),
			},
		}, {
			ID: "2021-12-30-call-biden-putin", Type: events.Call, Status: events.Planned,
			Date: "2021-12-30T20:30", Title: "Joe Biden and Vladimir Putin hold a phone call",
			Actors: []string{"Joe Biden", "Vladimir Putin"},
			Sources: []events.Source{
				cite(t, call, "U.S. President Joe Biden", "the White House said."),
				cite(t, call, "Biden will stress", "an official said."), // over two blocks
			},
		}, {
			ID: "2022-01-10-meeting-russia-united-states", Type: events.Meeting, Status: events.Planned,
			Date: "2022-01-10", Title: "Russian and U.S. officials hold talks in Geneva",
			Actors: []string{"Russia", "United States"}, Place: "Geneva",
			Sources: []events.Source{
				cite(t, call, "The call, which", "in January."),
				cite(t, msg, "Russian and U.S. officials", "in Geneva."),
			},
		}},
		Articles: []*article.Article{call, msg},
	}
}

// syntheticSite is a large site for the benchmark: n events over m
// articles of ten paragraphs each, every event citing two sentences.
func syntheticSite(n, m int) Site {
	s := Site{Title: "Synthetic"}
	types := typeOrder
	for i := range m {
		var raw strings.Builder
		fmt.Fprintf(&raw, "Article %d\n\n", i)
		from := raw.Len()
		for j := range 10 {
			fmt.Fprintf(&raw, "Paragraph %d of article %d says that Official %d met Official %d in City %d.\nIt was the %dth such meeting.\n\n", j, i, j, i, j, i*j)
		}
		a := &article.Article{
			Path: fmt.Sprintf("content/a%03d.txt", i), Title: fmt.Sprintf("Article %d", i),
			URL: fmt.Sprintf("https://example.org/%d", i), Published: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i),
			Raw: []byte(raw.String()),
		}
		a.Blocks = splitBlocks(a.Raw, from)
		s.Articles = append(s.Articles, a)
	}
	day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := s.Articles[i%m]
		var srcs []events.Source
		for _, b := range []article.Block{a.Blocks[i%len(a.Blocks)], a.Blocks[(i+3)%len(a.Blocks)]} {
			srcs = append(srcs, events.Source{Article: a.Path, Title: a.Title, URL: a.URL, Published: a.Published.Format("2006-01-02"),
				Sentence: b.Text, Start: b.Spans[0].File, End: b.FileOffset(len(b.Text))})
		}
		date := day.AddDate(0, 0, i).Format("2006-01-02")
		if i%7 == 3 {
			date = date[:7]
		}
		s.Events = append(s.Events, events.Event{
			ID: fmt.Sprintf("e%04d", i), Type: events.Type(types[i%len(types)]), Status: events.Occurred,
			Date: timex.Value(date), Title: fmt.Sprintf("Event %d", i), Actors: []string{fmt.Sprintf("Official %d", i%13)},
			Sources: srcs,
		})
	}
	return s
}
