// Command when-predict writes github.com/olebedev/when's temporal
// expressions for every document of a TIMEX3 gold folder as PRED jsonl,
// for `timeline-eval timex -pred` or score_timex.py --pred. It is its own
// module so that the timeline program does not depend on when.
//
//	go run . ../../../../shared/corpora/timex-dev > when.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

type timex struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// clockRe says whether a match names a time of day, which when does not report.
var clockRe = regexp.MustCompile(`(?i)\d:\d\d|\d\s*(a\.?m|p\.?m)\b|noon|midnight`)

func main() {
	dir := "../../../../shared/corpora/timex-dev"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "orig" {
			return filepath.SkipDir
		}
		if d.Name() != "gold.jsonl" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			var rec struct{ Doc, File, DCT string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				return err
			}
			if rec.File == "" {
				rec.File = rec.Doc + ".txt"
			}
			text, err := os.ReadFile(filepath.Join(filepath.Dir(p), rec.File))
			if err != nil {
				return err
			}
			ref, err := time.Parse("2006-01-02", rec.DCT)
			if err != nil {
				return err
			}
			ref = ref.Add(12 * time.Hour)
			b, _ := json.Marshal(struct {
				Doc     string  `json:"doc"`
				Timexes []timex `json:"timexes"`
			}{rec.Doc, tag(w, string(text), ref)})
			out.Write(append(b, '\n'))
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "when-predict:", err)
		os.Exit(1)
	}
}

// tag collects every match: when.Parse returns only the first, so parse
// again after each one.
func tag(w *when.Parser, text string, ref time.Time) []timex {
	out := []timex{}
	for off := 0; off < len(text); {
		r, err := w.Parse(text[off:], ref)
		if err != nil || r == nil || r.Text == "" {
			break
		}
		s := off + r.Index
		e := s + len(r.Text)
		typ, val := "DATE", r.Time.Format("2006-01-02")
		if clockRe.MatchString(r.Text) {
			typ, val = "TIME", r.Time.Format("2006-01-02T15:04")
		}
		out = append(out, timex{r.Text, s, e, typ, val})
		off = e
	}
	return out
}
