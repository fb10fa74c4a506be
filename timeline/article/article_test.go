package article

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/internal/testshared"
)

const sharedDir = "../../../shared"

// checkSpans checks the contract the event extractor relies on: every span
// copies its bytes from Raw exactly, spans are ordered and do not overlap,
// and Line is the line of the block's first byte.
func checkSpans(t *testing.T, a *Article) {
	t.Helper()
	blocks := a.Blocks
	if a.TitleBlock.Text != "" {
		if a.TitleBlock.Text != a.Title {
			t.Errorf("TitleBlock.Text %q != Title %q", a.TitleBlock.Text, a.Title)
		}
		blocks = append([]Block{a.TitleBlock}, blocks...)
	}
	for bi, b := range blocks {
		if b.Text == "" {
			t.Errorf("block %d is empty", bi)
		}
		if b.Text != strings.TrimSpace(b.Text) {
			t.Errorf("block %d has white space at its ends: %q", bi, b.Text)
		}
		if b.Line < 1 {
			t.Errorf("block %d: line %d", bi, b.Line)
		}
		prevText, prevFile := 0, -1
		for si, s := range b.Spans {
			if s.Len <= 0 || s.Text < prevText || s.File < prevFile {
				t.Fatalf("block %d span %d %+v out of order or empty (after text %d, file %d)", bi, si, s, prevText, prevFile)
			}
			if s.Text+s.Len > len(b.Text) || s.File+s.Len > len(a.Raw) || s.File < 0 {
				t.Fatalf("block %d span %d %+v out of range (text %d, raw %d)", bi, si, s, len(b.Text), len(a.Raw))
			}
			if got, want := b.Text[s.Text:s.Text+s.Len], string(a.Raw[s.File:s.File+s.Len]); got != want {
				t.Fatalf("block %d span %d %+v: text %q != raw %q", bi, si, s, got, want)
			}
			prevText, prevFile = s.Text+s.Len, s.File+s.Len
		}
		if len(b.Spans) > 0 {
			if line := lineAt(a.Raw, b.Spans[0].File); line != b.Line {
				t.Errorf("block %d: Line %d, first byte on line %d", bi, b.Line, line)
			}
		}
	}
}

func TestSeed(t *testing.T) {
	seed := filepath.Join(sharedDir, "seed", "000_ce4f90f83656172b.txt")
	testshared.Need(t, seed)
	a, err := Read(seed)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, a)
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("Title", a.Title, "Biden, Putin Emphasize Diplomacy Ahead of Call Over Ukraine Crisis")
	check("Author", a.Author, "Evan Gershkovich for AFP and Sebastian Smith for AFP")
	check("URL", a.URL, "https://www.themoscowtimes.com/2021/12/30/biden-to-offer-diplomatic-path-to-putin-in-new-ukraine-crisis-call-a75954")
	check("Published", a.Published.Format(time.DateOnly), "2021-12-30")
	if a.PublishedLine != 7 {
		t.Errorf("PublishedLine = %d, want 7", a.PublishedLine)
	}
	var headings []string
	for _, b := range a.Blocks {
		if b.Kind == Heading {
			headings = append(headings, b.Text)
		}
		for _, bad := range []string{"kremlin.ru", "Related article", "Original url", "https://", "](#)"} {
			if strings.Contains(b.Text, bad) {
				t.Errorf("body block %q contains %q", b.Text, bad)
			}
		}
	}
	check("headings", strings.Join(headings, " | "), "Conversational mood | U.S. support for Ukraine")
	check("first block", a.Blocks[0].Text[:40], "U.S. President Joe Biden and his Russian")
	const broken = "will stress in his call with Putin that Washington is looking"
	found := false
	for _, b := range a.Blocks {
		found = found || strings.Contains(b.Text, broken)
	}
	if !found {
		t.Errorf("no block contains %q: the sentence broken by a blank line was not mended", broken)
	}
}

// TestMeantime reads every MEANTIME development article and checks the
// headline and publication date against the corpus's own record.
func TestMeantime(t *testing.T) {
	dir := filepath.Join(sharedDir, "corpora", "meantime-dev")
	testshared.Need(t, filepath.Join(dir, "events.jsonl"))
	f, err := os.Open(filepath.Join(dir, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		var doc struct{ File, Title, DCT string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		n++
		t.Run(doc.File, func(t *testing.T) {
			a, err := Read(filepath.Join(dir, doc.File))
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, a)
			if a.Title != doc.Title {
				t.Errorf("Title = %q, want %q", a.Title, doc.Title)
			}
			if got := a.Published.Format(time.DateOnly); got != doc.DCT {
				t.Errorf("Published = %s, want %s", got, doc.DCT)
			}
			if a.PublishedLine != 3 {
				t.Errorf("PublishedLine = %d, want 3", a.PublishedLine)
			}
			if len(a.Blocks) == 0 {
				t.Errorf("no body")
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 60 {
		t.Errorf("read %d documents, want 60", n)
	}
}

// TestContent reads the project's sample articles: each must parse, with
// a title and a date, and keep the span invariant.
func TestContent(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "content", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample articles in ../../content (err %v)", err)
	}
	for _, path := range files {
		if ext := filepath.Ext(path); ext != ".md" && ext != ".markdown" && ext != ".txt" {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			a, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, a)
			if a.Title == "" || len(a.Blocks) == 0 {
				t.Errorf("title %q, %d blocks", a.Title, len(a.Blocks))
			}
		})
	}
}
