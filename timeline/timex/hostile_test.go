package timex

import (
	"strings"
	"testing"
	"time"
)

// TestAMegabyteWithoutFullStopsTakesSeconds tags texts of a megabyte with
// no sentence end, where every expression once scanned the whole text.
func TestAMegabyteWithoutFullStopsTakesSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, unit := range []string{"December 30, 2021 ", "Thursday ", "two years ago ", "1 "} {
		t.Run(strings.TrimSpace(unit)+" repeated", func(t *testing.T) {
			text := strings.Repeat(unit, (1<<20)/len(unit))
			start := time.Now()
			got := Tag(text, thursday)
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			checkInvariants(t, text, got)
		})
	}
}

// TestLongSentencesAreCut checks that a forced sentence end comes after
// maxSentenceTokens tokens without one, and never in a normal sentence.
func TestLongSentencesAreCut(t *testing.T) {
	p := parser{text: strings.Repeat("word ", 1000) + "Then it ended. Short one."}
	p.lower = asciiLower(p.text)
	p.toks = scan(p.text, p.lower, nil)
	p.markBoundaries()
	run, longest, ends := 0, 0, 0
	for k := range p.toks {
		if p.boundary(k) {
			run = 0
			ends++
			continue
		}
		run++
		longest = max(longest, run)
	}
	if longest > maxSentenceTokens {
		t.Errorf("a sentence of %d tokens, over %d", longest, maxSentenceTokens)
	}
	if want := 1000/(maxSentenceTokens+1) + 2; ends != want {
		t.Errorf("%d sentence ends, want %d (forced ones and the two full stops)", ends, want)
	}
}
