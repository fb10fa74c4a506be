package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/internal/testshared"
)

// The gold corpus, beside the repository as in CI.
var evCorpusDir = filepath.Join("..", "..", "..", "shared", "corpora", "meantime-dev")

// TestEvMainWritesWhatItScores runs the command on the corpus: the summary
// line, and the -save-pred and -errors files (their agreement with
// score_events.py is TestMeantimeSavesWhatItScores in the score package).
func TestEvMainWritesWhatItScores(t *testing.T) {
	testshared.Need(t, evCorpusDir)
	dir := t.TempDir()
	save, errs := filepath.Join(dir, "pred.jsonl"), filepath.Join(dir, "errors.jsonl")
	var stdout, stderr bytes.Buffer
	if err := evMain([]string{"-corpora", evCorpusDir, "-save-pred", save, "-errors", errs, "-min-score", "0.5"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "statement_score=") {
		t.Errorf("no summary line:\n%s", stdout.String())
	}
	for _, f := range []string{save, errs} {
		if data, err := os.ReadFile(f); err != nil || len(data) == 0 {
			t.Errorf("%s: %v, %d bytes", f, err, len(data))
		}
	}
	if err := evMain([]string{"-corpora", evCorpusDir, "-min-score", "0.99"}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Error("-min-score 0.99 passed")
	}
}

func TestEvMainRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-precision", "loose"}, {"-min-score", "high"}, {"extra"}} {
		if err := evMain(args, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("evMain(%q) succeeded", args)
		}
	}
}
