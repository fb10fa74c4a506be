package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the parser's output")

// dump is the golden form of a parsed article (or of the error).
type dump struct {
	Error         string         `json:"error,omitempty"`
	Format        Format         `json:"format,omitempty"`
	Title         string         `json:"title,omitempty"`
	TitleAt       string         `json:"titleAt,omitempty"` // line:spans of TitleBlock
	Author        string         `json:"author,omitempty"`
	URL           string         `json:"url,omitempty"`
	Published     string         `json:"published,omitempty"`
	PublishedLine int            `json:"dateLine,omitempty"`
	Tags          []string       `json:"tags,omitempty"`
	Draft         bool           `json:"draft,omitempty"`
	Params        map[string]any `json:"params,omitempty"`
	Blocks        []dumpBlock    `json:"blocks,omitempty"`
}

type dumpBlock struct {
	Kind  BlockKind `json:"kind"`
	Line  int       `json:"line"`
	Text  string    `json:"text"`
	Spans string    `json:"spans"` // "text@file+len ..."
}

func dumpArticle(a *Article, err error) dump {
	if err != nil {
		return dump{Error: err.Error()}
	}
	d := dump{
		Format: a.Format, Title: a.Title, Author: a.Author, URL: a.URL,
		Published: a.Published.Format(time.DateOnly), PublishedLine: a.PublishedLine,
		Tags: a.Tags, Draft: a.Draft, Params: a.Params,
	}
	if a.TitleBlock.Text != "" {
		d.TitleAt = fmt.Sprintf("%d: %s", a.TitleBlock.Line, dumpSpans(a.TitleBlock.Spans))
	}
	for _, b := range a.Blocks {
		d.Blocks = append(d.Blocks, dumpBlock{b.Kind, b.Line, b.Text, dumpSpans(b.Spans)})
	}
	return d
}

func dumpSpans(spans []Span) string {
	var out []string
	for _, s := range spans {
		out = append(out, fmt.Sprintf("%d@%d+%d", s.Text, s.File, s.Len))
	}
	return strings.Join(out, " ")
}

// TestGolden parses every fixture in testdata and compares the result
// with testdata/NAME.golden; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			a, err := Read(path)
			var e *Error
			if err != nil && !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			if err == nil {
				checkSpans(t, a)
			}
			got, jerr := json.MarshalIndent(dumpArticle(a, err), "", "\t")
			if jerr != nil {
				t.Fatal(jerr)
			}
			got = append(got, '\n')
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("%v (run go test -update to create it)", rerr)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the parser's output (run go test -update and review the diff):\n%s", golden, got)
			}
		})
	}
	if n == 0 {
		t.Fatal("no fixtures in testdata")
	}
}
