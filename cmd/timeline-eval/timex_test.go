package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimexAgreesWithReferenceScorer scores the tagger in process, then
// the saved predictions with ../shared/eval/score_timex.py, and wants the
// same table and summary line.
func TestTimexAgreesWithReferenceScorer(t *testing.T) {
	corpora := filepath.Join("..", "..", "..", "shared", "corpora", "timex-dev")
	script := filepath.Join("..", "..", "..", "shared", "eval", "score_timex.py")
	if _, err := os.Stat(script); err != nil {
		t.Skip("../shared not found")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
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
		if !strings.HasPrefix(l, "(314 documents") && !strings.Contains(l, "in process)") {
			kept = append(kept, l)
		}
	}
	if got, want := strings.Join(kept, "\n"), string(out); got != want {
		t.Errorf("timeline-eval timex:\n%s\nscore_timex.py:\n%s", got, want)
	}
}
