package events

import "strings"

// Trigger rules: where a trigger word stands changes what it names. "called
// for talks" is a demand, not a call; "flew higher" no trip; "has claimed
// 13,000 lives" no statement. Each rule is a row: what it says, a sentence
// that exercises it, the word it applies to there, when it applies, and
// what the word then names. TestTriggerRules reads every example through
// the extractor and checks that its row decides the word, with that
// effect.

// triggerRule is one row of triggerRules.
type triggerRule struct {
	name    string // what the rule says
	example string // a sentence in which the rule decides word
	word    string // the trigger word the rule decides in the example
	// when reports whether the rule applies to the trigger at t.
	when func(t triggerAt) bool
	// becomes is the type the word then names, or "" when it names no
	// event at all.
	becomes Type
	// asVerb makes the mention a verb's ("called for talks": the demand is
	// the calling, not the talks).
	asVerb bool
}

// triggerRules are tried in order on every trigger word; the first that
// applies decides it.
var triggerRules = []triggerRule{
	{
		name:    "a call for something, or on someone to do it, is a demand",
		example: "Russia called for new talks with NATO.",
		word:    "called", becomes: Demand, asVerb: true,
		when: func(t triggerAt) bool {
			return t.isCall() && (t.next(1) == "for" || t.next(1) == "on" && !t.dateAt(2) && !phoneWords[t.prev(1)])
		},
	},
	{
		name:    "a call made on a day for something is a demand too",
		example: "The minister called on Tuesday for an inquiry.",
		word:    "called", becomes: Demand,
		when: func(t triggerAt) bool {
			w := t.afterDate()
			return t.isCall() && (w == "for" || w == "on") && !t.m.noun && !phoneWords[t.prev(1)]
		},
	},
	{
		name:    "calling a thing something names no phone call",
		example: "Peskov called the plan a mistake on Tuesday.",
		word:    "called",
		when:    func(t triggerAt) bool { return t.isCall() && !t.m.noun && mediumNear(t.c.toks, t.i) == "" },
	},
	{
		name:    "a call to action names no phone call",
		example: "The call to action was issued on Tuesday.",
		word:    "call",
		when: func(t triggerAt) bool {
			_, nameNext := t.c.entStart[t.i+2]
			return t.isCall() && (t.next(1) == "to" || t.next(1) == "from") && !nameNext && mediumNear(t.c.toks, t.i) == ""
		},
	},
	{
		name:    "speaking with someone by phone, or with a named person, is a call",
		example: "Joe Biden spoke with Volodymyr Zelensky on Tuesday.",
		word:    "spoke", becomes: Call,
		when: func(t triggerAt) bool {
			return !t.m.noun && (t.trig.lemma == "speak" || t.trig.lemma == "talk") && t.speaksWithSomeone()
		},
	},
	{
		name:    "a press or news conference is a statement",
		example: "Peskov gave a press conference on Tuesday.",
		word:    "conference", becomes: Statement,
		when: func(t triggerAt) bool {
			return t.word() == "conference" && (t.prev(1) == "press" || t.prev(1) == "news")
		},
	},
	{
		name:    "the negotiating table names no talks that were held",
		example: "Ryabkov, the negotiating team's head, spoke on Tuesday.",
		word:    "negotiating",
		when: func(t triggerAt) bool {
			return t.word() == "negotiating" && (t.next(1) == "table" || t.next(1) == "position" || t.next(1) == "team")
		},
	},
	{
		name:    "flying, but not to or into a place, is no trip",
		example: "Shares of the airline flew higher on Monday.",
		word:    "flew",
		when:    func(t triggerAt) bool { return t.trig.lemma == "fly" && t.next(1) != "to" && t.next(1) != "into" },
	},
	{
		name:    "asking, with no one asked to do a thing, is a question, not a request",
		example: "Reporters asked whether the talks had failed.",
		word:    "asked",
		when:    func(t triggerAt) bool { return t.trig.lemma == "ask" && !toWithin(t.c.toks, t.i, 5) },
	},
	{
		name:    "dealing with a thing is no deal",
		example: "Boeing will deal with Airbus on Tuesday.",
		word:    "deal",
		when:    func(t triggerAt) bool { return t.word() == "deal" && (t.next(1) == "with" || t.prev(1) == "to") },
	},
	{
		name:    "the proposed deal names the deal, not a proposal",
		example: "The proposed merger was signed on Monday.",
		word:    "proposed",
		when:    func(t triggerAt) bool { return t.word() == "proposed" && t.i > 0 && determiners[t.prev(1)] },
	},
	{
		name:    "claiming lives is no claim",
		example: "The war has claimed 13,000 lives.",
		word:    "claimed",
		when:    func(t triggerAt) bool { return t.word() == "claimed" && wordWithin(t.c.toks, t.i, 4, "lives") },
	},
	{
		name:    "a thing revealed is shown, not said",
		example: "The new airliner was revealed on Monday.",
		word:    "revealed",
		when: func(t triggerAt) bool {
			return t.statementVerb() && t.trig.lemma != "announce" && t.i > 0 && beForms[t.prev(1)] && strings.HasSuffix(t.word(), "ed")
		},
	},
	{
		name:    "adding a thing is no remark",
		example: "Apple on Tuesday began adding video playback to the phone.",
		word:    "adding",
		when: func(t triggerAt) bool {
			return t.statementVerb() && t.trig.lemma == "add" &&
				!(t.next(1) == "" || t.next(1) == "that" || !t.c.toks[t.i+1].word || t.c.openingQuote())
		},
	},
	{
		name:    "addressing a problem is dealing with it, not speaking to an audience",
		example: "The company on Tuesday addressed the reports of faults.",
		word:    "addressed",
		when: func(t triggerAt) bool {
			return t.statementVerb() && t.trig.lemma == "address" && !pressAudiences[lastWordOfNP(t.c.toks, t.i+1)]
		},
	},
}

// triggerAt is a trigger word in its sentence, as the rules see it.
type triggerAt struct {
	c    *sentenceCtx
	i    int // the token index of the word
	trig trigger
	m    *mention // the mention as read so far: its type and whether it is a noun
}

func (t triggerAt) word() string { return t.c.toks[t.i].lower }

// next is the word k tokens after the trigger, or "".
func (t triggerAt) next(k int) string {
	if t.i+k < len(t.c.toks) {
		return t.c.toks[t.i+k].lower
	}
	return ""
}

// prev is the word k tokens before the trigger, or "".
func (t triggerAt) prev(k int) string {
	if t.i-k >= 0 {
		return t.c.toks[t.i-k].lower
	}
	return ""
}

// dateAt reports whether the token k after the trigger is part of a
// temporal expression.
func (t triggerAt) dateAt(k int) bool { return t.i+k < len(t.c.toks) && t.c.skip[t.i+k] }

func (t triggerAt) isCall() bool {
	switch t.word() {
	case "call", "calls", "called", "calling":
		return true
	}
	return false
}

// statementVerb reports whether the trigger is a verb of saying.
func (t triggerAt) statementVerb() bool { return t.m.typ == Statement && !t.m.noun }

// afterDate is the word after a temporal expression right after the
// trigger: "for" in "called on Tuesday for", "called earlier this week on
// both sides to"; "" when no date follows.
func (t triggerAt) afterDate() string {
	toks := t.c.toks
	after := t.i + 1
	if after < len(toks) && toks[after].lower == "on" && t.dateAt(2) {
		after++
	}
	for after < len(toks) && t.c.skip[after] {
		after++
	}
	if after > t.i+1 && after < len(toks) {
		return toks[after].lower
	}
	return ""
}

// speaksWithSomeone reports whether "spoke" or "talked" at the trigger is a
// conversation by phone or video, or with a named person ("spoke
// separately to Zelensky", "talked with his counterpart"), not to an
// audience.
func (t triggerAt) speaksWithSomeone() bool {
	toks := t.c.toks
	if mediumNear(toks, t.i) != "" {
		return true
	}
	k := t.i + 1
	if adverbs[t.next(1)] || strings.HasSuffix(t.next(1), "ly") {
		k++ // "spoke separately to"
	}
	if k+1 < len(toks) && (toks[k].lower == "with" || toks[k].lower == "to") && !pressAudiences[lastWordOfNP(toks, k+1)] {
		w := toks[k+1].lower
		if _, ok := t.c.entStart[k+1]; ok || w == "his" || w == "her" || w == "their" {
			return true
		}
	}
	return false
}

// ruleTrace hears a rule that applies to the trigger word, and says
// whether the rule may decide it: a test leaves a rule out to see what it
// changes.
type ruleTrace func(rule *triggerRule, word string) bool

// applyTriggerRules decides m, the mention of trig at toks[i], by the first
// rule that applies: it returns false when the word names no event, and
// changes m's type when it names another. trace, when not nil, hears the
// rule that applies.
func applyTriggerRules(c *sentenceCtx, i int, trig trigger, m *mention, trace ruleTrace) bool {
	t := triggerAt{c: c, i: i, trig: trig, m: m}
	for k := range triggerRules {
		r := &triggerRules[k]
		if !r.when(t) || trace != nil && !trace(r, c.toks[i].text) {
			continue
		}
		if r.becomes == "" {
			return false
		}
		m.typ = r.becomes
		if r.asVerb {
			m.noun = false
		}
		return true
	}
	return true
}
