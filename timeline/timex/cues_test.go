package timex

import (
	"fmt"
	"slices"
	"testing"
)

// TestCueRules tags every tense cue rule's example, published on Thursday
// 30 December 2021: the rule must decide the cue of its word there, and
// give it a cue other than the word has without the rule.
func TestCueRules(t *testing.T) {
	for _, table := range []struct {
		name  string
		rules []cueRule
	}{{"a word's own cue", wordCues}, {"the words around it", cueContexts}} {
		for k := range table.rules {
			r := &table.rules[k]
			t.Run(table.name+"/"+r.name, func(t *testing.T) {
				var decided []string
				tag(r.example, thursday, func(rule *cueRule, word string) bool {
					if word == r.word && !slices.Contains(decided, rule.name) {
						decided = append(decided, rule.name)
					}
					return true
				})
				if !slices.Contains(decided, r.name) {
					t.Fatalf("in %q, the cue of %q is decided by %q, not by this rule", r.example, r.word, decided)
				}
				with := cueOf(t, r.example, r.word, nil)
				without := cueOf(t, r.example, r.word, func(rule *cueRule, word string) bool { return rule != r })
				if with == without {
					t.Errorf("in %q, the rule changes nothing: %q has the cue %d with and without it", r.example, r.word, with)
				}
			})
		}
	}
}

// cueOf is the cue of the first token word of text, with trace.
func cueOf(t *testing.T, text, word string, trace cueTrace) int {
	p := parser{text: text, lower: asciiLower(text), ref: thursday, trace: trace}
	p.toks = scan(text, p.lower, nil)
	p.markBoundaries()
	for k, tok := range p.toks {
		if text[tok.s:tok.e] == word {
			return p.cue(k)
		}
	}
	t.Fatalf("no %q in %q", word, text)
	return 0
}

func TestCueRulesAreWritten(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range slices.Concat(wordCues, cueContexts) {
		if r.name == "" || r.example == "" || r.word == "" || r.when == nil || r.cue == nil || seen[r.name] {
			t.Errorf("rule %q: every rule needs a name of its own, an example, the word it decides there, a condition and a cue", r.name)
		}
		seen[r.name] = true
	}
}

func values(tx []Timex) string {
	var s []string
	for _, x := range tx {
		s = append(s, fmt.Sprintf("%q=%s", x.Text, x.Value))
	}
	return fmt.Sprint(s)
}
