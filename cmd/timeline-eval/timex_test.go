package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/internal/testshared"
)

// TestTimexAgreesWithReferenceScorer scores the tagger in process, then
// the saved predictions with ../shared/eval/score_timex.py, and wants the
// same table and summary line.
func TestTimexAgreesWithReferenceScorer(t *testing.T) {
	corpora := filepath.Join("..", "..", "..", "shared", "corpora", "timex-dev")
	script := filepath.Join("..", "..", "..", "shared", "eval", "score_timex.py")
	testshared.Need(t, corpora)
	testshared.Need(t, script)
	python := testshared.NeedTool(t, "python3")
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	var ours bytes.Buffer
	if err := scoreTimex([]string{"-corpora", corpora, "-save-pred", pred}, &ours); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, script, corpora, "--pred", pred).Output()
	if err != nil {
		t.Fatalf("score_timex.py: %v", err)
	}
	// Our output adds a line on speed; everything else must be identical.
	var kept []string
	for _, l := range strings.Split(ours.String(), "\n") {
		if !strings.HasSuffix(l, ", in process)") {
			kept = append(kept, l)
		}
	}
	if got, want := strings.Join(kept, "\n"), string(out); got != want {
		t.Errorf("timeline-eval timex:\n%s\nscore_timex.py:\n%s", got, want)
	}
}
