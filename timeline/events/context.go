package events

import (
	"strings"

	"github.com/timelinehq/timeline/timeline/timex"
)

// Clause structure. The extractor does not parse; it marks clause heads
// (verbs and event nouns) and cuts sentences into segments at punctuation
// and subordinating words, which is enough to tell which verb or noun a
// temporal expression belongs to in news prose.

var (
	subordinators = setOf("that", "which", "who", "whom", "whose", "where", "when", "while", "after", "before",
		"because", "since", "although", "though", "if", "unless", "whereas", "following")
	beForms  = setOf("is", "are", "was", "were", "be", "been", "am", "being", "'s", "'re")
	pronouns = setOf("he", "she", "it", "they", "we", "i", "you", "who", "which")
	adverbs  = setOf("then", "also", "repeatedly", "earlier", "later", "separately", "again", "jointly", "publicly",
		"reportedly", "recently", "previously", "subsequently", "already", "further", "has", "have", "had", "was",
		"were", "is", "are", "will", "would", "did", "does", "do", "been", "be", "first", "last", "briefly", "directly",
		"personally", "privately", "formally", "officially", "finally", "initially", "once", "twice", "herself",
		"himself", "itself", "themselves", "both", "all", "each", "had", "just", "only", "even", "still", "widely")
)

// markHeads marks verbs and event nouns and numbers the clause segments.
func (c *sentenceCtx) markHeads() {
	toks := c.toks
	c.heads = make([]bool, len(toks))
	c.segment = make([]int, len(toks))
	seg := 0
	for i, t := range toks {
		if !t.word {
			_, afterName := c.entEnd[i-1]
			_, beforeName := c.entStart[i+1]
			if t.text == "," && afterName && beforeName {
				c.segment[i] = seg // "France, Germany and Italy": a list, not a clause
				continue
			}
			if t.text == "," || t.text == ";" || t.text == ":" || t.text == "(" || t.text == ")" ||
				t.text == "\u2014" || t.text == "\u2013" || t.text == "-" || t.text == "\"" || t.text == "\u201c" || t.text == "\u201d" {
				seg++
			}
			c.segment[i] = seg
			continue
		}
		if subordinators[t.lower] && !c.skip[i] {
			seg++
		}
		c.segment[i] = seg
		if c.skip[i] {
			continue
		}
		c.heads[i] = c.isVerb(i) || lexicon[t.lower].noun
	}
}

// isVerb guesses whether toks[i] is a verb form.
func (c *sentenceCtx) isVerb(i int) bool {
	t := c.toks[i]
	if t.upper && i > 0 {
		return false
	}
	if commonVerbs[t.lower] || lexicon[t.lower].verb && !(i > 0 && determiners[c.toks[i-1].lower]) {
		return true
	}
	if len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed") {
		return !(i > 0 && determiners[c.toks[i-1].lower])
	}
	if len(t.lower) > 4 && strings.HasSuffix(t.lower, "ing") && i > 0 {
		// A participle after a comma, a form of "be", a subject or a date;
		// not a gerund or adjective ("with sweeping demands").
		p := c.toks[i-1]
		_, afterName := c.entEnd[i-1]
		return p.text == "," || c.skip[i-1] || afterName || beForms[p.lower] || pronouns[p.lower]
	}
	return false
}

// attachDates gives each usable temporal expression of the sentence to
// the head it modifies: the nearest head before it in its segment, else
// the nearest after it, else (for a fronted "On Monday,") the first head
// of the next segment, else the last head before it.
func (c *sentenceCtx) attachDates(tx []timex.Timex) {
	for _, t := range tx {
		if t.Type != timex.Date && t.Type != timex.Time || !isDateLike(t.Value) || strings.Contains(string(t.Value), "X") {
			continue
		}
		first := -1
		for i, tok := range c.toks {
			if tok.start >= t.Start && tok.end <= t.End {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		if first > 0 {
			switch c.toks[first-1].lower {
			case "since", "until", "till", "through", "by", "from":
				continue // a bound, not when the event happened
			case "after", "before":
				// "joined after 1997" bounds; "shortly after 15:00" places.
				if first < 2 || !approxWords[c.toks[first-2].lower] {
					continue
				}
			}
			if strings.HasPrefix(strings.ToLower(t.Text), "since") || strings.HasPrefix(strings.ToLower(t.Text), "until") {
				continue
			}
		}
		last := first
		for last+1 < len(c.toks) && c.skip[last+1] {
			last++
		}
		seg := c.segment[first]
		head := -1
		for i := first - 1; i >= 0 && c.segment[i] == seg; i-- {
			if c.heads[i] {
				head = i
				break
			}
		}
		if head < 0 {
			for i := last + 1; i < len(c.toks) && c.segment[i] == seg; i++ {
				if c.heads[i] {
					head = i
					break
				}
			}
		}
		if head < 0 && seg == c.segment[0] {
			for i := last + 1; i < len(c.toks); i++ {
				if c.heads[i] {
					head = i
					break
				}
			}
		}
		if head < 0 {
			for i := first - 1; i >= 0; i-- {
				if c.heads[i] {
					head = i
					break
				}
			}
		}
		if head >= 0 {
			head = c.saidIn(head)
			c.dateOf[head] = append(c.dateOf[head], t)
		}
	}
}

// saidIn moves a date from the verb of a document to the words said in
// it: "warned in a report published on Monday", "said in a statement
// issued on Friday" — the warning was made, and the statement said, when
// the document came out. It returns head, or the speech verb before "in".
func (c *sentenceCtx) saidIn(head int) int {
	if !publishVerbs[c.toks[head].lower] || head < 3 {
		return head
	}
	doc := head - 1
	if t, ok := lexicon[c.toks[doc].lower]; !documents[c.toks[doc].lower] && !(ok && t.typ == Statement && t.noun) {
		return head
	}
	in := doc - 1
	if in > 0 && determiners[c.toks[in].lower] {
		in--
	}
	if c.toks[in].lower != "in" {
		return head
	}
	for i := in - 1; i >= 0 && c.segment[i] == c.segment[in]; i-- {
		if c.heads[i] {
			if t, ok := lexicon[c.toks[i].lower]; ok && !t.noun && speechAct(t.typ) {
				return i
			}
			break
		}
	}
	return head
}

var (
	publishVerbs = setOf("published", "released", "issued", "dated", "sent", "posted", "filed", "delivered")
	documents    = setOf("letter", "note", "filing", "memo") // and the statement nouns: "report", "statement", ...
)

var approxWords = setOf("shortly", "just", "soon", "immediately", "minutes", "hours", "moments", "right")

// dateMention sets m's date from the expressions attached to its trigger
// or, for a noun, to the light verb that governs it ("presented ...
// demands", "held talks").
func (c *sentenceCtx) dateMention(m *mention) {
	tx := c.dateOf[m.i]
	if len(tx) == 0 && m.noun {
		for i := m.i - 1; i >= 0 && c.segment[i] == c.segment[m.i]; i-- {
			if c.heads[i] {
				if lightVerbs[c.toks[i].lower] {
					tx = c.dateOf[i]
				}
				break
			}
		}
	}
	// "The call began at 15:00", "The call, which will begin at 20:30 GMT":
	// a light verb right after an event noun says when it happens.
	if len(tx) == 0 && m.noun {
		k := m.i + 1
		if k+1 < len(c.toks) && c.toks[k].text == "," && (c.toks[k+1].lower == "which" || c.toks[k+1].lower == "that") {
			k += 2
		}
		for ; k < len(c.toks) && k <= m.i+6 && c.toks[k].word; k++ {
			if c.heads[k] && !c.skip[k] {
				if lightVerbs[c.toks[k].lower] {
					tx = append(tx, c.dateOf[k]...)
					continue // "will begin": both are light
				}
				break
			}
		}
	}
	for _, t := range tx {
		if m.date == "" || t.Value.Narrower(m.date) {
			m.date, m.mod = t.Value, t.Mod
		}
	}
	m.date = dayOrCoarser(m.date)
	m.hasOwnDate = m.date != ""
}

// dayOrCoarser cuts a part of day ("2021-12-30TEV") to the day, and keeps
// clock times and coarser values as they are.
func dayOrCoarser(v timex.Value) timex.Value {
	if i := strings.IndexByte(string(v), 'T'); i > 0 && (len(v) < i+3 || v[i+1] < '0' || v[i+1] > '9') {
		return v[:i]
	}
	return v
}

// before returns the token indexes before i back to the start of
// its segment, nearest first, at most n of them.
func (c *sentenceCtx) before(i, n int) []int {
	var out []int
	for k := i - 1; k >= 0 && len(out) < n; k-- {
		t := c.toks[k]
		if !t.word && t.text != "'s" && t.text != "-" {
			break
		}
		out = append(out, k)
	}
	return out
}

func (c *sentenceCtx) negated(i int) bool {
	for _, k := range c.before(i, 3) {
		if negators[c.toks[k].lower] {
			return true
		}
	}
	return false
}

func (c *sentenceCtx) hypothetical(i int) bool {
	for _, k := range c.before(i, 4) {
		if hypotheticals[c.toks[k].lower] {
			return true
		}
	}
	// An "if" or "unless" earlier in the segment.
	for k := i - 1; k >= 0 && c.segment[k] == c.segment[i]; k-- {
		switch c.toks[k].lower {
		case "if", "unless", "whether":
			return true
		}
	}
	return false
}

func (c *sentenceCtx) habitual(i int) bool {
	for _, k := range c.before(i, 3) {
		if habituals[c.toks[k].lower] {
			return true
		}
	}
	return false
}

// definite reports whether an event noun refers back: "the call",
// "their latest phone call", "Monday's talks".
func (c *sentenceCtx) definite(i int) bool {
	for _, k := range c.before(i, 4) {
		switch c.toks[k].lower {
		case "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "'s":
			return true
		case "a", "an":
			return false
		}
	}
	return false
}

// future reports whether the event at toks[i] is yet to happen: "will
// meet", "is due to sign", "ahead of talks", "the call will begin".
func (c *sentenceCtx) future(i int, noun bool) bool {
	toks := c.toks
	for _, k := range c.before(i, 4) {
		w := toks[k].lower
		if w == "will" || w == "'ll" || w == "shall" || w == "upcoming" || w == "forthcoming" || w == "planned" || w == "scheduled" {
			return true
		}
		if (w == "due" || w == "set" || w == "expected" || w == "going" || w == "plans" || w == "plan" || w == "scheduled") && k+1 < len(toks) && toks[k+1].lower == "to" {
			return true
		}
		if noun && (w == "ahead" || w == "before" || w == "next" || w == "prior") {
			return true
		}
	}
	if noun {
		// "The call will be", "the talks, which are due to start".
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			w := toks[k].lower
			if w == "will" || w == "due" || w == "scheduled" || w == "'ll" {
				return true
			}
			if toks[k].word && c.heads[k] && w != "which" {
				break
			}
		}
	}
	return false
}

// mediumNear returns "phone" or "video" when a call word is near toks[i].
func mediumNear(toks []token, i int) string {
	for k := max(0, i-3); k < len(toks) && k <= i+4; k++ {
		w := toks[k].lower
		if w == "video" || w == "videoconference" || w == "video-conference" || w == "videolink" {
			return "video"
		}
		if phoneWords[w] && w != "secure" {
			return "phone"
		}
	}
	return ""
}

func lastWordOfNP(toks []token, i int) string {
	w := ""
	for k := i; k < len(toks) && k < i+4 && toks[k].word; k++ {
		w = toks[k].lower
		if !determiners[w] && !toks[k].upper {
			break
		}
	}
	return w
}

func toWithin(toks []token, i, n int) bool {
	for k := i + 1; k < len(toks) && k <= i+n; k++ {
		if toks[k].lower == "to" {
			return true
		}
	}
	return false
}

// relationNear finds a relation word that dates the event at toks[i] from
// another: "hours before the call", "Following the Geneva talks",
// "tweeted afterward", "also spoke". It returns the word and the index
// of the event noun it points at (or -1).
func (c *sentenceCtx) relationNear(i int) (string, int) {
	toks := c.toks
	// The sentence's first word ("Following the talks, ...") and a window
	// around the trigger; farther words relate other events.
	window := []int{0}
	for k := max(1, i-12); k < len(toks) && k <= i+12; k++ {
		window = append(window, k)
	}
	for _, k := range window {
		w := toks[k].lower
		switch w {
		case "afterward", "afterwards", "then", "later":
			if k > i-4 && k < i+5 && c.dateOf[i] == nil {
				return w, -1
			}
		case "also":
			if k == i-1 || k == i-2 {
				return w, -1
			}
		case "before", "after", "following":
			target := -1
			for j := k + 1; j < len(toks) && j <= k+4; j++ {
				if lexicon[toks[j].lower].noun {
					target = j
					break
				}
			}
			if target < 0 || target == i {
				continue
			}
			if k > 0 && (toks[k-1].lower == "hours" || toks[k-1].lower == "minutes" || toks[k-1].lower == "shortly" || toks[k-1].lower == "moments" || toks[k-1].lower == "just") {
				return "hours", target
			}
			// A fronted "Following the Geneva talks," dates the whole sentence;
			// otherwise the relation must sit in the event's own segment.
			if w != "before" && (k == 0 || c.segment[k] == c.segment[i]) {
				return w, target
			}
		}
	}
	return "", -1
}

// placeNear finds where the event at toks[i] happens: "talks in Geneva",
// "the Geneva talks", "visited Kyiv".
func (c *sentenceCtx) placeNear(i int, typ Type) string {
	if speechAct(typ) { // what is said has no place of its own
		return ""
	}
	toks, isTrip := c.toks, trip(typ)
	// "the Geneva talks"
	if i > 0 {
		if k, ok := c.entEnd[i-1]; ok && c.ents[k].kind == kindPlace {
			return joinTokens(toks[c.ents[k].first:c.ents[k].last])
		}
	}
	for k := i + 1; k < len(toks) && k <= i+12; k++ {
		if !toks[k].word && toks[k].text != "'s" {
			break
		}
		if k > i+1 && c.heads[k] && !c.skip[k] {
			break
		}
		if isTrip && k == i+1 {
			if e, ok := c.entStart[k]; ok && c.ents[e].kind != kindPerson && c.ents[e].kind != kindRole {
				return joinTokens(toks[c.ents[e].first:c.ents[e].last])
			}
		}
		if toks[k].lower != "in" && toks[k].lower != "at" && !(isTrip && toks[k].lower == "to") {
			continue
		}
		if e, ok := c.entStart[k+1]; ok {
			switch c.ents[e].kind {
			case kindPlace, kindCountry:
				return joinTokens(toks[c.ents[e].first:c.ents[e].last])
			}
		}
	}
	return ""
}

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

// openingQuote reports whether the sentence opens with a quotation.
func (c *sentenceCtx) openingQuote() bool {
	return len(c.toks) > 0 && (c.toks[0].text == "\"" || c.toks[0].text == "\u201c")
}

func wordWithin(toks []token, i, n int, w string) bool {
	for k := i + 1; k < len(toks) && k <= i+n; k++ {
		if toks[k].lower == w {
			return true
		}
	}
	return false
}
