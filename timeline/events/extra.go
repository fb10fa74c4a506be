package events

import "strings"

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
