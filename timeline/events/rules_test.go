package events

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestTriggerRules reads every trigger rule's example through the
// extractor: the rule must be the one that decides its word there, and
// the events must be what the rule says — none of the word's own type
// from that word, or one of the type it becomes — and differ from the
// events of the same text read without the rule.
func TestTriggerRules(t *testing.T) {
	for k := range triggerRules {
		r := &triggerRules[k]
		t.Run(r.name, func(t *testing.T) {
			a := parse(t, r.example)
			var decided []string // what decided r.word: the rules' names
			with := Extractor{}.extract(a, func(rule *triggerRule, word string) bool {
				if word == r.word {
					decided = append(decided, rule.name)
				}
				return true
			})
			if len(decided) == 0 || decided[0] != r.name {
				t.Fatalf("in %q, %q is decided by %q, not by this rule", r.example, r.word, decided)
			}
			without := Extractor{}.extract(a, func(rule *triggerRule, word string) bool { return rule != r })
			if reflect.DeepEqual(with, without) {
				t.Errorf("in %q, the rule changes nothing: %s", r.example, summary(with))
			}
			if r.becomes != "" && !slices.ContainsFunc(with, func(e Event) bool { return e.Type == r.becomes }) {
				t.Errorf("in %q, no %s: %s", r.example, r.becomes, summary(with))
			}
			if r.becomes == "" && len(with) >= len(without) {
				t.Errorf("in %q, the word still names an event: %s, and without the rule %s", r.example, summary(with), summary(without))
			}
		})
	}
}

func TestTriggerRulesAreWritten(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range triggerRules {
		if r.name == "" || r.example == "" || r.word == "" || r.when == nil || seen[r.name] {
			t.Errorf("rule %q: every rule needs a name of its own, an example, the word it decides there and a condition", r.name)
		}
		seen[r.name] = true
		if r.becomes != "" && !r.becomes.Known() {
			t.Errorf("rule %q makes the word a %q, which is no type", r.name, r.becomes)
		}
	}
}

func summary(evs []Event) string {
	var s []string
	for _, e := range evs {
		s = append(s, fmt.Sprintf("%s %s %q", e.Type, e.Date, e.Actors))
	}
	return fmt.Sprint(s)
}
