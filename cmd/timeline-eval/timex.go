package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/timelinehq/timeline/timeline/timex"
	"github.com/timelinehq/timeline/timeline/timex/score"
)

func init() { commands["timex"] = runTimex }

// runTimex scores timex.Tag (or stored predictions) on the TIMEX3 dev
// corpora with the measures of ../shared/eval/score_timex.py.
func runTimex(args []string) error { return scoreTimex(args, os.Stdout) }

func scoreTimex(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("timex", flag.ContinueOnError)
	corpora := fs.String("corpora", "", "gold folder (default ../shared/corpora/timex-dev beside the repository)")
	predPath := fs.String("pred", "", "score stored predictions (PRED jsonl: {\"doc\",\"timexes\"}) instead of running the tagger")
	savePred := fs.String("save-pred", "", "write the predictions used as PRED jsonl (for score_timex.py --pred)")
	errPath := fs.String("errors", "", "write per-document misses, false alarms and wrong attributes as JSONL")
	corpus := fs.String("corpus", "", "only documents whose corpus matches this regexp")
	noIgnore := fs.Bool("no-ignore", false, "also count predictions on ignore spans as false positives")
	minVF1 := fs.Float64("min-value-f1", -1, "exit status 1 if overall value F1 is below this")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir := *corpora
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, "..", "shared", "corpora", "timex-dev")
	}
	docs, err := score.LoadGold(dir)
	if err != nil {
		return err
	}
	if *corpus != "" {
		re, err := regexp.Compile(*corpus)
		if err != nil {
			return fmt.Errorf("-corpus: %w", err)
		}
		kept := docs[:0]
		for _, d := range docs {
			if re.MatchString(d.Corpus) {
				kept = append(kept, d)
			}
		}
		docs = kept
	}
	if len(docs) == 0 {
		return fmt.Errorf("no gold documents found in %s", dir)
	}

	var stored map[string][]json.RawMessage
	if *predPath != "" {
		if stored, err = readPred(*predPath); err != nil {
			return err
		}
	}

	perCorpus := map[string]score.Counts{}
	var total score.Counts
	var predLines, errLines [][]byte // the -save-pred and -errors records
	var tagTime time.Duration
	var nbytes int
	for _, d := range docs {
		data, err := os.ReadFile(d.Path)
		if err != nil {
			return err
		}
		var items []json.RawMessage
		fail := false
		if stored != nil {
			var ok bool
			items, ok = stored[d.Doc]
			if !ok || items == nil {
				fmt.Fprintf(os.Stderr, "no predictions for %s (%s)\n", d.Doc, d.Corpus)
				fail = true
			}
		} else {
			ref, err := time.Parse("2006-01-02", d.DCT)
			if err != nil {
				return fmt.Errorf("%s: dct %q: %w", d.Doc, d.DCT, err)
			}
			start := time.Now()
			tx := timex.Tag(string(data), ref)
			tagTime += time.Since(start)
			nbytes += len(data)
			for _, t := range tx {
				b, err := json.Marshal(t)
				if err != nil {
					return fmt.Errorf("%s: %w", d.Doc, err)
				}
				items = append(items, b)
			}
		}
		preds, bad := score.Normalize(items, len(data))
		if bad > 0 {
			fmt.Fprintf(os.Stderr, "warning: %s: %d prediction item(s) without valid start/end counted as unmatched\n", d.Doc, bad)
		}
		c, errs := score.ScoreDoc(d, preds, !*noIgnore)
		c.Pred += bad
		if fail {
			c.Failed = 1
		}
		pc := perCorpus[d.Corpus]
		pc.Add(c)
		perCorpus[d.Corpus] = pc
		total.Add(c)
		if *savePred != "" {
			if items == nil {
				items = []json.RawMessage{}
			}
			b, err := json.Marshal(struct {
				Doc     string            `json:"doc"`
				Timexes []json.RawMessage `json:"timexes"`
			}{d.Doc, items})
			if err != nil {
				return fmt.Errorf("%s: %w", d.Doc, err)
			}
			predLines = append(predLines, b)
		}
		if *errPath != "" && len(errs) > 0 {
			b, err := json.Marshal(struct {
				Doc    string        `json:"doc"`
				Corpus string        `json:"corpus"`
				DCT    string        `json:"dct"`
				Errors []score.Error `json:"errors"`
			}{d.Doc, d.Corpus, d.DCT, errs})
			if err != nil {
				return fmt.Errorf("%s: %w", d.Doc, err)
			}
			errLines = append(errLines, b)
		}
	}
	if *errPath != "" {
		if err := writeOutput(*errPath, writeLines(errLines)); err != nil {
			return err
		}
	}
	if *savePred != "" {
		if err := writeOutput(*savePred, writeLines(predLines)); err != nil {
			return err
		}
	}
	score.PrintTable(stdout, score.Rows(perCorpus))
	if total.Dropped > 0 {
		fmt.Fprintf(stdout, "(%d prediction(s) on ignored creation-time spans not counted)\n", total.Dropped)
	}
	if stored == nil {
		fmt.Fprintf(stdout, "(%d documents, %d bytes tagged in %v, %.1f MB/s, in process)\n", len(docs), nbytes,
			tagTime.Round(time.Millisecond), float64(nbytes)/1e6/tagTime.Seconds())
	}
	if m := total.Compute(); m.CanonF1 != m.ValueF1 {
		fmt.Fprintf(stdout, "(canonical values, 2000-W7 = 2000-W07, 1949-XX = 1949, 198X = 198, T17 = T17:00: value_acc=%.4f value_f1=%.4f)\n",
			m.CanonAcc, m.CanonF1)
	}
	fmt.Fprintln(stdout, score.Summary(total))
	if *minVF1 >= 0 && total.Compute().ValueF1 < *minVF1 {
		return fmt.Errorf("value F1 %.4f < required %.4f", total.Compute().ValueF1, *minVF1)
	}
	return nil
}

// writeLines writes each of lines followed by a newline.
func writeLines(lines [][]byte) func(io.Writer) error {
	return func(w io.Writer) error {
		for _, l := range lines {
			if _, err := w.Write(l); err != nil {
				return err
			}
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		return nil
	}
}

// readPred reads a PRED jsonl file; a doc whose timexes is not an array maps to nil.
func readPred(path string) (map[string][]json.RawMessage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]json.RawMessage{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var r struct {
			Doc     string          `json:"doc"`
			Timexes json.RawMessage `json:"timexes"`
		}
		if err := json.Unmarshal(line, &r); err != nil || r.Doc == "" {
			fmt.Fprintf(os.Stderr, "warning: %s line %d unreadable\n", path, ln)
			continue
		}
		var items []json.RawMessage
		if json.Unmarshal(r.Timexes, &items) != nil {
			items = nil
		}
		out[r.Doc] = items
	}
	return out, sc.Err()
}
