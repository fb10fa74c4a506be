package main

import (
	"bytes"
	"os"
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
	// Our output adds a line on speed and one on canonical values;
	// everything else must be identical.
	var kept []string
	for _, l := range strings.Split(ours.String(), "\n") {
		if !strings.HasSuffix(l, ", in process)") && !strings.HasPrefix(l, "(canonical values, ") {
			kept = append(kept, l)
		}
	}
	if got, want := strings.Join(kept, "\n"), string(out); got != want {
		t.Errorf("timeline-eval timex:\n%s\nscore_timex.py:\n%s", got, want)
	}
}

// TestTimexFailureLeavesNoOutput: an error before the end writes no
// -save-pred or -errors file, not even an empty one.
func TestTimexFailureLeavesNoOutput(t *testing.T) {
	corpora := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpora, "gold.jsonl"), []byte(`{"doc":"missing","dct":"2020-01-01"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	save, errs := filepath.Join(out, "pred.jsonl"), filepath.Join(out, "errors.jsonl")
	if err := scoreTimex([]string{"-corpora", corpora, "-save-pred", save, "-errors", errs}, &bytes.Buffer{}); err == nil {
		t.Fatal("scoring a document without its text succeeded")
	}
	if ents, _ := os.ReadDir(out); len(ents) != 0 {
		t.Errorf("files left: %v", ents)
	}
}
