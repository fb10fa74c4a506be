package events

import "strings"

// actors fills in who takes part in m: the agent (the subject, or the
// speaker of a reporting verb) and, for events between parties, the
// others named after the trigger ("spoke ... with Zelenskiy", "warning
// Putin", "talks between Russia and NATO").
func (d *doc) actors(c *sentenceCtx, m *mention) {
	if m.noun {
		m.agent = c.possessor(m.i, d.pp)
		if len(m.agent) == 0 {
			// The noun is the object of a verb: "Moscow presented ... demands".
			for k := m.i - 1; k >= 0 && c.segment[k] == c.segment[m.i]; k-- {
				if c.heads[k] && c.isVerb(k) {
					if lightVerbs[c.toks[k].lower] || lexicon[c.toks[k].lower].typ == "" {
						m.agent = c.agentOf(k, d.pp)
					}
					break
				}
			}
		}
	} else {
		m.agent = c.agentOf(m.i, d.pp)
	}
	if m.typ != Statement {
		m.objects = c.objectsAfter(m.i)
	}
}

// agentOf returns the subject of the verb at toks[i].
func (c *sentenceCtx) agentOf(i int, pp *people) []string {
	toks := c.toks
	k := i - 1
	for k >= 0 {
		w := toks[k].lower
		if c.skip[k] || adverbs[w] || negators[w] {
			k--
			continue
		}
		// A preposition before a temporal expression: "His ministry on Thursday said".
		if prepositions[w] && k+1 < len(toks) && c.skip[k+1] {
			k--
			continue
		}
		break
	}
	if k >= 0 {
		if e, ok := c.entEnd[k]; ok && c.ents[e].kind != kindPlace {
			return c.coordinated(e)
		}
		switch toks[k].lower {
		case "he", "she":
			if pp.lastHuman != "" {
				return []string{pp.lastHuman}
			}
		case "they", "it", "which", "who":
			return c.subject()
		}
	}
	// Inverted: `"...," said Peskov` or `said the official`.
	if i+1 < len(toks) && !strings.HasSuffix(toks[i].lower, "ing") && i > 0 && (toks[i-1].text == "," || toks[i-1].text == "\"" || toks[i-1].text == "\u201d") {
		if e, ok := c.entStart[i+1]; ok && c.ents[e].kind != kindPlace {
			return []string{c.ents[e].name} // a role entity starts at its "the"
		}
	}
	// A coordinated or participial verb: "..., but said", "..., saying".
	if k >= 0 && (toks[k].text == "," || toks[k].lower == "and" || toks[k].lower == "but") {
		return c.subject()
	}
	// A subject whose head is no name: "The United States and its allies
	// have said": the first name of the clause that is no prepositional object.
	for j := k; j >= 0 && c.segment[j] == c.segment[i] && !c.heads[j]; j-- {
		if e, ok := c.entStart[j]; ok && c.ents[e].kind != kindPlace && (j == 0 || !prepositions[toks[j-1].lower]) {
			names := []string{c.ents[e].name}
			for e2 := e + 1; e2 < len(c.ents) && c.ents[e2].last <= k+1 && onlyConjunction(toks[c.ents[e2-1].last:c.ents[e2].first]); e2++ {
				names = append(names, c.ents[e2].name)
			}
			return names
		}
	}
	return nil
}

// coordinated returns entity e with any entities joined to it by "and":
// "Joe Biden and his Russian counterpart Vladimir Putin".
func (c *sentenceCtx) coordinated(e int) []string {
	names := []string{c.ents[e].name}
	for k := e - 1; k >= 0; k-- {
		gap := c.toks[c.ents[k].last:c.ents[k+1].first]
		if !onlyConjunction(gap) {
			break
		}
		names = append([]string{c.ents[k].name}, names...)
	}
	return names
}

func onlyConjunction(gap []token) bool {
	and := false
	for _, t := range gap {
		switch {
		case t.lower == "and" || t.text == ",":
			and = and || t.lower == "and"
		case t.lower == "his" || t.lower == "her" || t.lower == "its" || t.lower == "their" || titleWords[t.lower] || roleNouns[t.lower] || t.upper:
		default:
			return false
		}
	}
	return and
}

// subject returns the entities that open the sentence's first clause,
// skipping those that are objects of a preposition ("In a message to
// Biden ..., Putin said" has subject Putin).
func (c *sentenceCtx) subject() []string {
	for k, e := range c.ents {
		if e.kind == kindPlace {
			continue
		}
		if e.first > 0 && prepositions[c.toks[e.first-1].lower] {
			continue
		}
		// Take the whole coordination: "Biden and Putin".
		last := k
		for last+1 < len(c.ents) && onlyConjunction(c.toks[c.ents[last].last:c.ents[last+1].first]) {
			last++
		}
		return c.coordinated(last)
	}
	return nil
}

// possessor returns who owns an event noun: "their call" (the subject),
// "his call" (the subject's person), "Moscow's demands".
func (c *sentenceCtx) possessor(i int, pp *people) []string {
	for _, k := range c.before(i, 4) {
		if c.heads[k] {
			return nil // past the verb: its subject is no possessor ("Russia and NATO held talks")
		}
		switch c.toks[k].lower {
		case "their", "its":
			return c.subject()
		case "his", "her":
			if s := c.subject(); len(s) > 0 && c.ents[0].first < k {
				return s[:1]
			}
			if pp.lastHuman != "" {
				return []string{pp.lastHuman}
			}
			return nil
		case "'s", "\u2019s":
			if e, ok := c.entEnd[k-1]; ok {
				return []string{c.ents[e].name}
			}
			return nil
		case "the", "a", "an":
			return nil
		}
		if e, ok := c.entEnd[k]; ok && c.ents[e].kind != kindPlace {
			// "the U.S.-Russia talks", "Kremlin statement"
			names := []string{c.ents[e].name}
			if f := c.ents[e].first; f >= 2 && c.toks[f-1].text == "-" {
				if e2, ok := c.entEnd[f-2]; ok {
					names = []string{c.ents[e2].name, c.ents[e].name}
				}
			}
			return names
		}
	}
	return nil
}

var topicWords = setOf("ahead", "before", "over", "about", "on", "regarding", "concerning", "amid", "despite", "after", "during", "since")

// objectsAfter returns the entities after toks[i] in its clause.
func (c *sentenceCtx) objectsAfter(i int) []string {
	var out []string
	for k := i + 1; k < len(c.toks); k++ {
		t := c.toks[k]
		if t.text == "," && k+1 < len(c.toks) {
			if _, ok := c.entStart[k+1]; ok && len(out) > 0 {
				continue // "Britain, France and Germany"
			}
		}
		if !t.word && t.text != "'s" && t.text != "-" {
			break
		}
		if k > i+1 && c.heads[k] && !c.skip[k] {
			break // the next verb or event noun has its own parties
		}
		if subordinators[t.lower] || topicWords[t.lower] && !(k+1 < len(c.toks) && c.skip[k+1]) {
			break // "talks with Russia over Ukraine": Ukraine is the topic
		}
		if e, ok := c.entStart[k]; ok {
			ent := c.ents[e]
			if ent.kind != kindPlace && !(k > 0 && (c.toks[k-1].lower == "in" || c.toks[k-1].lower == "at")) {
				out = append(out, ent.name)
			}
			k = ent.last - 1
		}
	}
	return out
}

// gist returns what a statement said or a warning warned of, for
// titles, as the verb's lemma and the words after it: ("say", "Moscow is
// ..."), ("emphasize", "the need for diplomatic solutions"),
// ("warn", "of severe consequences").
func (c *sentenceCtx) gist(i int, m *mention) (verb, rest string) {
	toks := c.toks
	switch m.typ {
	case Statement:
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if toks[k].lower == "that" {
				return "say", c.clauseText(k+1, 14)
			}
		}
		// A sentence that opens with a quotation the verb reports.
		if len(toks) > 0 && (toks[0].text == "\"" || toks[0].text == "\u201c") {
			return "say", c.clauseText(0, 12)
		}
		if m.noun || reportingVerbs[m.lemma] {
			if !m.noun && i+1 < len(toks) && toks[i+1].word && !c.skip[i+1] && !pressAudiences[toks[i+1].lower] {
				return "say", c.clauseText(i+1, 12)
			}
			return "", ""
		}
		return m.lemma, c.clauseText(i+1, 10)
	case Warning:
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if toks[k].lower == "of" || toks[k].lower == "against" || toks[k].lower == "that" || toks[k].lower == "about" {
				return "warn", toks[k].lower + " " + c.clauseText(k+1, 10)
			}
		}
	}
	return "", ""
}

// reportingVerbs only say that something was said; a title writes them as "says".
var reportingVerbs = setOf("say", "tell", "add", "state", "note", "report", "comment", "remark", "mention", "speak", "talk", "write", "brief", "inform", "address")

// clauseText returns up to n words of the sentence from toks[from],
// stopping at punctuation that ends the clause, with quotation marks kept
// balanced.
func (c *sentenceCtx) clauseText(from, n int) string {
	toks := c.toks
	// Skip a leading "on Thursday", "in a briefing with reporters".
	for from < len(toks) && (c.skip[from] || from+1 < len(toks) && prepositions[toks[from].lower] && c.skip[from+1]) {
		from++
	}
	end, words := from, 0
	for k := from; k < len(toks) && words < n; k++ {
		t := toks[k]
		if t.text == "," || t.text == ";" || t.text == "." || t.text == ":" || t.text == "?" || t.text == "!" {
			break
		}
		end = k + 1
		if t.word {
			words++
		}
	}
	if end <= from {
		return ""
	}
	s := strings.TrimSpace(c.text[toks[from].start:toks[end-1].end])
	if end < len(toks) && words >= n {
		s += "\u2026" // cut short
	}
	// Keep quotation marks paired: close one the cut left open.
	if strings.Count(s, "\"")%2 == 1 {
		s += "\""
	}
	return s
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
