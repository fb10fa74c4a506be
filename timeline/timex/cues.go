package timex

import "strings"

// Tense cues: the words that tell whether an expression without a year or
// a direction ("on Monday", "in June") is in the past or the future of the
// publication date. A word's own cue comes from wordCues ("will" looks
// ahead, "met" back); the words around it can change it (cueContexts: "as
// previously planned" is past, "higher than expected" no cue at all).
// Each rule is a row with an example that exercises it, which
// TestCueRules tags: the row must decide its word there, and the values
// must differ from those tagged without the row.

// cueRule is one row of wordCues or cueContexts.
type cueRule struct {
	name    string // what the rule says
	example string // a sentence in which the rule decides word
	word    string // the word whose cue the rule decides in the example
	// when reports whether the rule applies to token k, whose cue is c so
	// far (unknown for wordCues).
	when func(p *parser, k, c int) bool
	// cue is the cue of token k when the rule applies: past, unknown or
	// future.
	cue func(p *parser, k int) int
}

// always is a cue that does not depend on the token.
func always(c int) func(*parser, int) int { return func(*parser, int) int { return c } }

// wordCues give a word its own cue; the first that applies decides.
var wordCues = []cueRule{
	{
		name:    "“is to”, “set to”, “agreed to”: an infinitive of plan or decision looks ahead",
		example: "The two leaders agreed to meet on Monday.",
		word:    "to",
		when:    func(p *parser, k, c int) bool { return p.low(k) == "to" },
		cue: func(p *parser, k int) int {
			if e := p.lex(k + 1); (e == nil || e.cue != 0) && planVerbs[p.low(k+1)] && p.is(k-1, "is", "are", "was", "were", "be") || planners[p.low(k-1)] {
				return future
			}
			return unknown
		},
	},
	{
		name:    "going, but not “going to”, is no plan",
		example: "The phone was going on sale in June, the company said.",
		word:    "going",
		when:    func(p *parser, k, c int) bool { return p.low(k) == "going" && !p.is(k+1, "to") },
		cue:     always(unknown),
	},
	{
		name:    "“set for”, “set to” look ahead",
		example: "The vote was set for Monday.",
		word:    "set",
		when:    func(p *parser, k, c int) bool { return p.low(k) == "set" && p.is(k+1, "for", "to") },
		cue:     always(future),
	},
	{
		name:    "a modal looks ahead: “may raise rates in June”, “could hit on Saturday”",
		example: "The storm could hit the coast on Monday.",
		word:    "could",
		when: func(p *parser, k, c int) bool {
			t := &p.toks[k]
			return t.low == "may" && !t.cap && !p.is(k-1, "in", "of", "since", "until", "by", "early", "late", "mid", "-") ||
				t.low == "could" && !p.is(k+1, "not", "n't", "have", "be", "only", "never") ||
				t.low == "must" && !p.is(k+1, "have")
		},
		cue: always(future),
	},
	{
		name:    "a word of the lexicon has its cue: “will”, “meet” (a present of schedule), “ago”, “said”",
		example: "The ministers will meet on Monday.",
		word:    "meet",
		when:    func(p *parser, k, c int) bool { return p.toks[k].lex != nil },
		cue:     func(p *parser, k int) int { return p.toks[k].lex.cue },
	},
	{
		name:    "a verb in -ed looks back, but not an adjective after “a”, “the”, “still”",
		example: "The plant opened on January 3.",
		word:    "opened",
		when: func(p *parser, k, c int) bool {
			return pastTense(p.low(k)) && !p.is(k-1, "a", "an", "the", "still", "very", "its", "their", "his", "her", "our", "this", "that", "newly", "so")
		},
		cue: always(past),
	},
}

// cueContexts change the cue of a word by the words around it; the first
// that applies decides. (It is set in init: its last rule asks p.cue, which
// reads it.)
var cueContexts []cueRule

func init() { cueContexts = cueContextRules() }

func cueContextRules() []cueRule {
	return []cueRule{
		{
			name:    "a plan told as already carried out is past: “as previously planned”",
			example: "The originally scheduled talks on January 3 went ahead.",
			word:    "scheduled",
			when: func(p *parser, k, c int) bool {
				return c == future && p.is(k-1, "previously", "originally", "initially")
			},
			cue: always(past),
		},
		{
			name:    "“next to” is a place, “due to the storm” a cause, “higher than expected” a comparison",
			example: "Sales were higher than expected on Monday.",
			word:    "expected",
			when: func(p *parser, k, c int) bool {
				return p.low(k) == "next" && p.is(k+1, "to", "door") ||
					p.low(k) == "due" && p.is(k+1, "to") && p.is(k+2, "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "lower", "higher", "weak", "strong") ||
					p.is(k, "expected", "planned", "anticipated") && p.is(k-1, "than", "as")
			},
			cue: always(unknown),
		},
		{
			name:    "an infinitive is no present of schedule: “for Sun to meet demand”",
			example: "Sun struggled to meet demand in June.",
			word:    "meet",
			when: func(p *parser, k, c int) bool {
				return c == future && p.is(k-1, "to") && p.toks[k].lex != nil && !strings.HasSuffix(p.low(k), "s")
			},
			cue: always(unknown),
		},
		{
			name:    "“eight days later”, “two years earlier” count from another time",
			example: "Two days later, on Monday, the ministers met.",
			word:    "later",
			when: func(p *parser, k, c int) bool {
				return p.is(k, "later", "earlier") && p.lex(k-1) != nil && p.lex(k-1).unit != ""
			},
			cue: always(unknown),
		},
		{
			name:    "“head of”, “the start of talks”: nouns say nothing of when",
			example: "The start of the talks on Monday was calm.",
			word:    "start",
			when: func(p *parser, k, c int) bool {
				return p.is(k, "head", "start", "play", "face", "host", "vote", "opening") && (p.is(k+1, "of") || p.is(k-1, "the", "a", "an", "its", "his", "her", "their"))
			},
			cue: always(unknown),
		},
		{
			name:    "“the last of three rounds”, “its next meeting” are an order, “ahead of the call” places one event before another",
			example: "The next meeting on Monday was short.",
			word:    "next",
			when: func(p *parser, k, c int) bool {
				return p.is(k, "last", "next") && p.is(k-1, "the", "its", "their", "his", "her") || p.is(k, "ahead") && p.is(k+1, "of")
			},
			cue: always(unknown),
		},
		{
			name:    "a plan as a noun says nothing of when: “the plan of attack”",
			example: "The plan of attack, drawn up on Monday, was scrapped.",
			word:    "plan",
			when: func(p *parser, k, c int) bool {
				return c == future && p.is(k, "plan", "plans") && (p.is(k+1, "for", "of") || p.is(k-1, "a", "the", "his", "her", "its", "their", "our"))
			},
			cue: always(unknown),
		},
		{
			name:    "a participle used as an adjective is no plan: “the hastily planned trip”",
			example: "The hastily planned trip on Monday was cut short.",
			word:    "planned",
			when: func(p *parser, k, c int) bool {
				return c == future && strings.HasSuffix(p.low(k), "ed") && (p.is(k-1, "a", "an", "the", "its", "their", "his", "her") ||
					strings.HasSuffix(p.low(k-1), "ly") && p.is(k-2, "a", "an", "the", "its", "their", "his", "her"))
			},
			cue: always(unknown),
		},
		{
			name:    "“were planning”, “was expected”: the auxiliary leaves the tense to the plan",
			example: "On Monday, the ministers were expected in Geneva.",
			word:    "were",
			when: func(p *parser, k, c int) bool {
				return c == past && p.is(k, "was", "were") && k+1 < len(p.toks) && p.lex(k+1) != nil && p.lex(k+1).cue == future &&
					(strings.HasSuffix(p.low(k+1), "ing") || strings.HasSuffix(p.low(k+1), "ed") || p.is(k+1, "due"))
			},
			cue: always(future),
		},
		{
			name:    "a plan told in the past perfect is past: “had been due to expire”",
			example: "The deal had been due on Monday.",
			word:    "due",
			when: func(p *parser, k, c int) bool {
				if c != future {
					return false
				}
				for b := k - 1; b >= 0 && b >= k-4 && !p.boundary(b); b-- {
					if p.is(b, "had") {
						return true
					}
				}
				return false
			},
			cue: always(past),
		},
		{
			name:    "a participle after “be” is a passive, not a past; after “will be” it looks ahead",
			example: "The winner will be named on Monday.",
			word:    "named",
			when: func(p *parser, k, c int) bool {
				return c == past && p.low(k) != "been" && p.is(k-1, "be", "being", "is", "are", "been")
			},
			cue: func(p *parser, k int) int {
				if p.is(k-1, "be") && p.is(k-2, "will", "ll", "shall") {
					return future
				}
				return unknown
			},
		},
		{
			name:    "a bare verb after a modal takes the modal's cue, and after “to” the cue of what governs “to”",
			example: "The storm might hit the coast on Monday.",
			word:    "hit",
			when: func(p *parser, k, c int) bool {
				return c == past && p.is(k-1, "will", "ll", "shall", "would", "may", "might", "could", "should", "can", "must", "to")
			},
			cue: func(p *parser, k int) int {
				if p.is(k-1, "to") {
					return unknown
				}
				return p.cue(k - 1)
			},
		},
	}
}

// cueTrace hears a cue rule that applies to a word, and says whether the
// rule may decide it: a test leaves a rule out to see what it changes.
type cueTrace func(rule *cueRule, word string) bool

// cue is the tense cue of token k: past, future or unknown.
func (p *parser) cue(k int) int {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != kWord {
		return unknown
	}
	c := p.decideCue(wordCues, k, unknown, unknown)
	return p.decideCue(cueContexts, k, c, c)
}

// decideCue returns the cue the first rule of rules that applies to token
// k gives it, or def. trace, when set, hears the rule and may pass over it.
func (p *parser) decideCue(rules []cueRule, k, c, def int) int {
	for i := range rules {
		r := &rules[i]
		if !r.when(p, k, c) || p.trace != nil && !p.trace(r, p.text[p.toks[k].s:p.toks[k].e]) {
			continue
		}
		return r.cue(p, k)
	}
	return def
}
