package events

import (
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
)

// TestSentencesAreCutAtTheLimit checks that a text without full stops is
// cut at spaces into sentences of at most maxSentence bytes, and that
// nothing is lost.
func TestSentencesAreCutAtTheLimit(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"words without full stops are cut at spaces", strings.Repeat("Biden said talks ", 1000)},
		{"a run without spaces is cut between runes", strings.Repeat("é", 3000)},
		{"a long sentence after a short one is cut too", "He spoke. " + strings.Repeat("word ", 1000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spans := splitSentences(tt.text)
			if len(spans) < 2 {
				t.Fatalf("%d sentences", len(spans))
			}
			prev := 0
			for _, s := range spans {
				if s.end-s.start > maxSentence {
					t.Errorf("sentence of %d bytes", s.end-s.start)
				}
				if !isRuneStart(tt.text, s.start) || !isRuneStart(tt.text, s.end) {
					t.Errorf("sentence [%d,%d) splits a rune", s.start, s.end)
				}
				if s.start < prev || strings.TrimSpace(tt.text[prev:s.start]) != "" {
					t.Errorf("text %q lost before sentence [%d,%d)", tt.text[prev:max(prev, s.start)], s.start, s.end)
				}
				prev = s.end
			}
			if strings.TrimSpace(tt.text[prev:]) != "" {
				t.Error("the end of the text is lost")
			}
		})
	}
}

func isRuneStart(s string, i int) bool { return i == len(s) || s[i]&0xC0 != 0x80 }

// TestAMegabyteWithoutFullStopsTakesSeconds extracts from paragraphs at
// the article size limit in the shapes that once took minutes.
func TestAMegabyteWithoutFullStopsTakesSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	head := "Title\n\nDecember 30, 2021\n\n"
	for _, unit := range []string{"Biden said talks ", "December 30, 2021 ", "call ", "Thursday ", "two years ago "} {
		t.Run(strings.TrimSpace(unit)+" repeated", func(t *testing.T) {
			a, err := article.Parse("a.txt", []byte(head+strings.Repeat(unit, (article.MaxSize-len(head))/len(unit))))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			Extract(a)
			if took := time.Since(start); took > 30*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

// FuzzExtractArticle extracts from whole fuzzed files in both formats:
// it must not panic, and every source must lie in the file.
func FuzzExtractArticle(f *testing.F) {
	f.Add([]byte("Title\n\nDecember 30, 2021\n\nBiden and Putin spoke by phone on Tuesday. \"We agree,\" Peskov said.\n"), false)
	f.Add([]byte("---\ntitle: T\ndate: 2021-12-30\n---\n\n> Putin *warned* [Biden](x) on Thursday.\n\n- Lavrov met Blinken on Friday.\n"), true)
	f.Add([]byte("\ufeffT\r\rDecember 30, 2021\r\rPutin said on Friday that talks would go on.\r"), false)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		path := "fuzz.txt"
		if markdown {
			path = "fuzz.md"
		}
		a, err := article.Parse(path, data)
		if err != nil {
			return
		}
		for _, e := range Extract(a) {
			for _, s := range e.Sources {
				if s.Start < 0 || s.Start >= s.End || s.End > len(a.Raw) {
					t.Fatalf("source [%d,%d) outside the file of %d bytes", s.Start, s.End, len(a.Raw))
				}
			}
		}
	})
}
