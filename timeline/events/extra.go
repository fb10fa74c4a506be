package events

import (
	"strings"
	"time"
)

// nounContext reports whether a word that can be a noun or a verb
// ("demands", "talks", "meeting") is a noun where it stands: after a
// determiner, an adjective or a noun, not after a subject or auxiliary.
func (c *sentenceCtx) nounContext(i int) bool {
	if i == 0 {
		return true
	}
	p := c.toks[i-1]
	switch {
	case !p.word:
		return p.text != ","
	case determiners[p.lower] || prepositions[p.lower]:
		return true
	case p.upper:
		_, isName := c.entEnd[i-1]
		return !isName || c.ents[c.entEnd[i-1]].kind == kindPlace
	case commonVerbs[p.lower] || adverbs[p.lower] || p.lower == "to" || p.lower == "who" || p.lower == "which" || p.lower == "that" ||
		p.lower == "he" || p.lower == "she" || p.lower == "it" || p.lower == "they" || p.lower == "we" || roleNouns[p.lower]:
		return false
	}
	return !c.isVerb(i - 1)
}

// mainEventBefore reports whether an event trigger or a verb stands before
// toks[i] in the sentence, so a participle there ("..., saying") tells
// that event's content.
func (c *sentenceCtx) mainEventBefore(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if c.heads[k] && !c.skip[k] && (c.isVerb(k) || lexicon[c.toks[k].lower].typ != "") {
			return true
		}
	}
	return false
}

// borrowFromMainEvent gives an event noun in "during a video call" or
// "in a phone call" the date and parties of the sentence's main event:
// "Biden warned Putin on Tuesday ... during a video call".
func borrowFromMainEvent(c *sentenceCtx, ms []*mention) {
	var main *mention
	for _, m := range ms {
		if !m.noun {
			main = m
			break
		}
	}
	if main == nil {
		return
	}
	for _, m := range ms {
		if !m.noun || m == main || m.hasOwnDate {
			continue
		}
		// Back over the noun phrase only: "during a secure video call".
		k := m.i - 1
		for k >= 0 && k >= m.i-4 && c.toks[k].word && !prepositions[c.toks[k].lower] && c.toks[k].lower != "during" &&
			!c.heads[k] && !c.skip[k] && !subordinators[c.toks[k].lower] {
			k--
		}
		if k < 0 || (c.toks[k].lower != "during" && c.toks[k].lower != "in" && c.toks[k].lower != "on") {
			continue
		}
		m.date, m.mod, m.hasOwnDate = main.date, main.mod, main.hasOwnDate
		m.agent = appendNew(appendNew(append([]string(nil), main.agent...), main.objects...), m.agent...)
		if main.planned {
			m.planned = true
		}
	}
}

// pastLightVerb reports whether a past-tense light verb governs the event
// noun at toks[i]: "The call began at 15:00", "Biden took the call".
func (c *sentenceCtx) pastLightVerb(i int) bool {
	for k := max(0, i-4); k < len(c.toks) && k <= i+3; k++ {
		w := c.toks[k].lower
		if k != i && c.heads[k] && lightVerbs[w] && (strings.HasSuffix(w, "ed") || pastForms[w]) {
			return true
		}
	}
	return false
}

// pastForms are past tenses of light verbs; not "was", which says too
// little ("the call was Putin's initiative").
var pastForms = setOf("began", "took", "held", "came", "made", "gave", "sent")

// participles keeps a statement participle ("..., saying", "..., citing")
// as a statement of the sentence's subject when the sentence reports no
// other statement, dated like the event or verb before it; after a
// statement ("said ..., adding") it is the same statement and goes.
func (c *sentenceCtx) participles(ms []*mention) []*mention {
	out := ms[:0]
	for k, m := range ms {
		if !m.participle || m.typ != Statement {
			out = append(out, m)
			continue
		}
		var main *mention // the nearest event before the participle
		for _, o := range ms[:k] {
			if !o.participle {
				main = o
			}
		}
		if main != nil && main.typ == Statement {
			continue
		}
		if main != nil {
			if len(m.agent) == 0 {
				m.agent = main.agent
			}
			if !m.hasOwnDate {
				m.date, m.mod, m.hasOwnDate = main.date, main.mod, main.hasOwnDate
			}
		} else if !m.hasOwnDate {
			for h := m.i - 1; h >= 0; h-- {
				if tx := c.dateOf[h]; len(tx) > 0 && c.heads[h] {
					m.date, m.mod = dayOrCoarser(tx[0].Value), tx[0].Mod
					m.hasOwnDate = isDateLike(m.date)
					break
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// lastWeek reports whether v names a day in the week before publication.
func (d *doc) lastWeek(v string) bool {
	if len(v) < 10 {
		return false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return false
	}
	days := d.a.Published.Sub(t).Hours() / 24
	return days >= 1 && days <= 7
}

// openingQuote reports whether the sentence opens with a quotation.
func (c *sentenceCtx) openingQuote() bool {
	return len(c.toks) > 0 && (c.toks[0].text == "\"" || c.toks[0].text == "\u201c")
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func wordWithin(toks []token, i, n int, w string) bool {
	for k := i + 1; k < len(toks) && k <= i+n; k++ {
		if toks[k].lower == w {
			return true
		}
	}
	return false
}

// withoutRoles drops role phrases ("representatives") from the parties of
// an event; they name no one a reader could follow across articles.
func (c *sentenceCtx) withoutRoles(names []string) []string {
	out := names[:0]
	for _, n := range names {
		role := false
		for _, e := range c.ents {
			if e.name == n && e.kind == kindRole {
				role = true
			}
		}
		if !role && !(n == strings.ToLower(n)) {
			out = append(out, n)
		}
	}
	return out
}
