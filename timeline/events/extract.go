package events

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/timex"
)

var defaultAliases = DefaultAliases()

// Extract returns the events that article a reports, in the order the
// article first mentions them, with evidence offsets into a's file. It
// uses the alias table that ships with the program. Events carry no ID;
// the chronology gives them one when it merges articles.
func Extract(a *article.Article) []Event {
	return Extractor{}.Extract(a)
}

// Extractor finds events with a chosen alias table.
type Extractor struct {
	Aliases *Aliases // nil means DefaultAliases
}

// Extract returns the events that article a reports; see Extract.
func (x Extractor) Extract(a *article.Article) []Event { return x.extract(a, nil) }

// extract is Extract with trace, when not nil, hearing every trigger rule
// that would decide a word and saying whether it may (see
// applyTriggerRules); the tests use it.
func (x Extractor) extract(a *article.Article, trace ruleTrace) []Event {
	al := x.Aliases
	if al == nil {
		al = defaultAliases
	}
	d := &doc{a: a, al: al, pp: newPeople(), kinds: map[string]Kind{}, trace: trace, published: timex.Value(a.Published.Format("2006-01-02"))}
	blocks := bodyBlocks(a)
	dates := tagBlocks(a, blocks)
	for i, b := range blocks {
		if b.Kind == article.Heading {
			continue // subheadings name topics, not events
		}
		tx := dates[i+1]
		quoted := false
		for _, s := range splitSentences(b.Text) {
			// The expressions are sorted: drop those before this sentence.
			for len(tx) > 0 && tx[0].Start < s.start {
				tx = tx[1:]
			}
			d.sentence(b, s, tx, quoted)
			quoted = quotedAfter(b.Text[s.start:s.end], quoted)
		}
	}
	return d.finish()
}

// bodyBlocks are the article's blocks as extraction reads them: a wire
// dateline, the story's place and day rather than a sentence, is blanked
// out, keeping the offsets.
func bodyBlocks(a *article.Article) []article.Block {
	blocks := a.Blocks
	if d := a.Dateline; d != nil && len(blocks) > 0 && d.Len <= len(blocks[0].Text) {
		blocks = slices.Clone(blocks)
		blocks[0].Text = strings.Repeat(" ", d.Len) + blocks[0].Text[d.Len:]
	}
	return blocks
}

// tagBlocks tags the title and then blocks as one text (timex.TagBlocks):
// element 0 holds the title's expressions, element i+1 those of
// blocks[i].
func tagBlocks(a *article.Article, blocks []article.Block) [][]timex.Timex {
	texts := make([]string, 0, len(blocks)+1)
	texts = append(texts, a.TitleBlock.Text)
	for _, b := range blocks {
		texts = append(texts, b.Text)
	}
	return timex.TagBlocks(texts, a.Published)
}

// Dates are the temporal expressions of article a as extraction reads
// them, with offsets into the article's file: what `timeline dates FILE`
// prints, so that the two never read a phrase differently.
func Dates(a *article.Article) []timex.Timex {
	blocks := bodyBlocks(a)
	per := tagBlocks(a, blocks)
	var out []timex.Timex
	for i, tx := range per {
		b := a.TitleBlock
		if i > 0 {
			b = blocks[i-1]
		}
		for _, x := range tx {
			x.Start, x.End = b.FileOffset(x.Start), b.FileEnd(x.End)
			out = append(out, x)
		}
	}
	slices.SortStableFunc(out, func(x, y timex.Timex) int { return x.Start - y.Start })
	return out
}

// doc is the state of one article's extraction.
type doc struct {
	a         *article.Article
	al        *Aliases
	pp        *people
	kinds     map[string]Kind // the kind of each actor name, as first found
	published timex.Value
	drafts    []*draft
	prev      []*mention // the previous sentence's mentions
	nsent     int
	trace     ruleTrace   // hears the trigger rules that decide words; for tests
	newsDay   timex.Value // the day the lead's news happened, when the lead dates it in the week up to publication
	scratch   sentenceCtx // the last sentence's, whose slices and maps the next one reuses
}

// draft is an event being assembled from its mentions.
type draft struct {
	typ       Type
	planned   bool // some mention says it is yet to happen
	occurred  bool // some mention says it happened
	date      timex.Value
	mod       string
	dated     bool     // date comes from a temporal expression, not a default
	actors    []string // canonical names, in order of first mention
	place     string
	medium    string // "video" for video calls
	gist      string // what a statement said, a warning warned of
	gistVerb  string // the verb for the gist in a title: "say", "emphasize"
	nounLemma string
	verbal    bool // some mention is a verb ("urged"), not only a noun ("the proposals")
	sources   []Source
	relation  *relation
	present   bool // every mention is in the present tense
	lead      bool // first mentioned in the article's first three sentences
}

// relation dates an event from another one: "hours before the call",
// "Following the Geneva talks", "tweeted afterward".
type relation struct {
	word   string // before, after, afterward, also, hours
	target *draft
}

// mention is one trigger word of an event in a sentence.
type mention struct {
	typ        Type
	lemma      string
	i          int // token index of the trigger
	noun       bool
	definite   bool // "the call", "their talks": refers to an event named before
	planned    bool
	date       timex.Value
	mod        string
	agent      []string
	objects    []string
	place      string
	medium     string
	gist       string
	gistVerb   string
	participle bool // "..., saying": tells another event's content
	present    bool // "says", "claims": the present tense reports the publication day
	relWord    string
	relNoun    int // token index of the trigger that a relation word points at, or -1
	d          *draft
	sentence   span
	block      article.Block
	hasOwnDate bool
}

// sentenceCtx holds what one sentence's analysis needs.
type sentenceCtx struct {
	text     string // the block's text; token offsets point into it
	toks     []token
	skip     []bool // token is part of a temporal expression
	ents     []entity
	entEnd   map[int]int // last token index -> entity index
	entStart map[int]int
	heads    []bool // token heads a clause or names an event: dates attach to it
	segment  []int  // clause segment number of each token
	dateOf   map[int][]timex.Timex
}

// newSentence is the analysis of the sentence s of text before it
// starts: its tokens, in the memory of the document's last sentence, which
// nothing keeps once it is read (mentions copy what they need).
func (d *doc) newSentence(text string, s span, quoted bool) *sentenceCtx {
	c := &d.scratch
	if c.entEnd == nil {
		c.entEnd, c.entStart, c.dateOf = map[int]int{}, map[int]int{}, map[int][]timex.Timex{}
	}
	clear(c.entEnd)
	clear(c.entStart)
	clear(c.dateOf)
	*c = sentenceCtx{text: text, toks: tokenize(c.toks[:0], text, s, quoted), skip: c.skip[:0],
		entEnd: c.entEnd, entStart: c.entStart, dateOf: c.dateOf}
	c.skip = append(c.skip, make([]bool, len(c.toks))...)
	return c
}

// sentence reads the sentence s of block b; tx are the block's temporal
// expressions from this sentence on, and quoted says whether a quotation
// is open at its start.
func (d *doc) sentence(b article.Block, s span, tx []timex.Timex, quoted bool) {
	d.nsent++
	c := d.newSentence(b.Text, s, quoted)
	toks := c.toks
	var inSentence []timex.Timex
	for _, t := range tx {
		if t.Start >= s.end {
			break
		}
		if t.End <= s.end {
			inSentence = append(inSentence, t)
			for i, tok := range toks {
				if tok.start >= t.Start && tok.end <= t.End {
					c.skip[i] = true
				}
			}
		}
	}
	c.ents = findEntities(toks, c.skip, d.al, d.pp)
	for k, e := range c.ents {
		c.entEnd[e.last-1] = k
		c.entStart[e.first] = k
		if _, ok := d.kinds[e.name]; !ok {
			if kind := d.al.kindOf(e); kind != "" {
				d.kinds[e.name] = kind
			}
		}
	}
	c.markHeads()
	c.attachDates(inSentence)

	var ms []*mention
	for i := range toks {
		if m := d.mentionAt(c, i); m != nil {
			m.sentence, m.block = s, b
			ms = append(ms, m)
		}
	}
	ms = c.participles(ms)
	borrowFromMainEvent(c, ms)
	ms = oneMentionPerType(ms)
	d.sameOccasion(toks, ms)
	kept := ms[:0]
	for _, m := range ms {
		if m.typ == Statement && m.noun && len(m.agent) == 0 {
			continue // "the report": no one is said to speak
		}
		d.resolve(c, m)
		kept = append(kept, m)
	}
	ms = kept
	for _, m := range ms {
		d.link(m, ms)
		if d.nsent <= 2 && d.newsDay == "" && m.hasOwnDate && d.lastWeek(m.date) {
			d.newsDay = m.date[:10]
		}
	}
	d.prev = ms
}

// sameOccasion dates what a speaker goes on to say in a sentence that
// opens with a pronoun by the previous sentence's dated words: "The unit
// warned on Monday that ... It called for an independent monitor." is
// one occasion, so the call for a monitor was made on Monday too.
func (d *doc) sameOccasion(toks []token, ms []*mention) {
	if len(toks) == 0 || !subjectPronouns[toks[0].lower] {
		return
	}
	var said *mention
	for _, p := range d.prev {
		if p.hasOwnDate && speechAct(p.typ) {
			said = p
			break
		}
	}
	if said == nil {
		return
	}
	for _, m := range ms {
		if speechAct(m.typ) && !m.hasOwnDate {
			m.date, m.mod, m.hasOwnDate = said.date, said.mod, true
		}
		if speechAct(m.typ) && len(m.agent) == 0 && len(said.agent) > 0 {
			m.agent = said.agent[:1] // "It", "He": the speaker named before
		}
	}
}

var subjectPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true}

// mentionAt reads an event mention at toks[i], or returns nil.
func (d *doc) mentionAt(c *sentenceCtx, i int) *mention {
	toks := c.toks
	t := toks[i]
	if !t.word || t.quoted || c.skip[i] {
		return nil
	}
	trig, ok := lexicon[t.lower]
	if !ok {
		return nil
	}
	m := &mention{typ: trig.typ, lemma: trig.lemma, i: i, relNoun: -1}
	m.noun = trig.noun && (!trig.verb || c.nounContext(i))
	if !applyTriggerRules(c, i, trig, m, d.trace) {
		return nil
	}
	// "..., saying ...": a participle tells the content of the event the
	// sentence reports; it is decided once the sentence's mentions are known.
	m.participle = trig.verb && !m.noun && strings.HasSuffix(t.lower, "ing") && i > 0 && toks[i-1].text == "," && c.mainEventBefore(i)
	m.present = trig.verb && !m.noun && strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss")
	if c.negated(i) || c.hypothetical(i) || c.habitual(i) {
		return nil
	}
	m.definite = m.noun && c.definite(i)
	m.planned = c.future(i, m.noun)
	if m.typ == Statement && m.planned {
		return nil // "will tell", "will stress": what a coming event is to carry
	}
	m.medium = mediumNear(toks, i)
	c.dateMention(m)
	d.actors(c, m)
	m.place = c.placeNear(i, m.typ)
	m.gistVerb, m.gist = c.gist(i, m)
	m.relWord, m.relNoun = c.relationNear(i)
	return m
}

// oneMentionPerType keeps the first mention of each type in a sentence,
// folding the others' details into it: "Putin said ... in a message".
func oneMentionPerType(ms []*mention) []*mention {
	var out []*mention
	byType := map[Type]*mention{}
	for _, m := range ms {
		first, ok := byType[m.typ]
		if !ok || !sameMention(first, m) {
			if !ok {
				byType[m.typ] = m
			}
			out = append(out, m)
			continue
		}
		// Prefer a verb with an agent as the primary mention of a statement.
		if m.typ == Statement && len(first.agent) == 0 && len(m.agent) > 0 {
			m.objects = append(m.objects, first.objects...)
			*first, *m = *m, *first
		}
		first.objects = appendNew(first.objects, m.agent...)
		first.objects = appendNew(first.objects, m.objects...)
		if first.date == "" && m.date != "" {
			first.date, first.mod, first.hasOwnDate = m.date, m.mod, m.hasOwnDate
		}
		if first.place == "" {
			first.place = m.place
		}
		if first.medium == "" {
			first.medium = m.medium
		}
		if first.relWord == "" {
			first.relWord, first.relNoun = m.relWord, m.relNoun
		}
		first.planned = first.planned || m.planned
	}
	return out
}

// sameMention reports whether two mentions of one type in a sentence
// name the same event: "Putin said ... in a message" does, "the talks ...
// will meet ... ahead of a meeting" does not.
func sameMention(a, b *mention) bool {
	if a.definite != b.definite || a.relNoun == b.i || b.relNoun == a.i {
		return false
	}
	if a.date != "" && b.date != "" && !a.date.Compatible(b.date) {
		return false
	}
	if a.typ == Statement {
		return len(a.agent) == 0 || len(b.agent) == 0 || a.agent[0] == b.agent[0]
	}
	pa := appendNew(append([]string(nil), a.agent...), a.objects...)
	pb := appendNew(append([]string(nil), b.agent...), b.objects...)
	return len(pa) == 0 || len(pb) == 0 || overlap(pa, pb)
}

// resolve finds or makes the draft event that m mentions.
func (d *doc) resolve(c *sentenceCtx, m *mention) {
	actors := appendNew(append([]string(nil), m.agent...), m.objects...)
	if m.typ != Statement {
		actors = c.withoutRoles(actors)
	}
	src := d.source(m)
	// A mention with its own date matches only an event of that date: "Its
	// last meeting was held in July 2019" is not the meeting the lead
	// reports without a date.
	target := d.findDraft(m, actors, m.hasOwnDate)
	if target == nil {
		target = &draft{typ: m.typ, nounLemma: m.lemma, lead: d.nsent <= 3}
		d.drafts = append(d.drafts, target)
	}
	m.d = target
	target.verbal = target.verbal || !m.noun
	target.present = m.present && (len(target.sources) == 0 || target.present)
	target.actors = appendNew(target.actors, actors...)
	if m.hasOwnDate && (!target.dated || m.date.Narrower(target.date)) {
		target.date, target.mod, target.dated = m.date, m.mod, true
	}
	if target.place == "" {
		target.place = m.place
	}
	if target.medium == "" {
		target.medium = m.medium
	}
	if target.gist == "" {
		target.gist, target.gistVerb = m.gist, m.gistVerb
	}
	if m.planned {
		target.planned = true
	} else if !m.noun || c.pastLightVerb(m.i) {
		target.occurred = true
	}
	for _, s := range target.sources {
		if s.Start == src.Start {
			return
		}
	}
	target.sources = append(target.sources, src)
}

// findDraft returns an earlier draft that m refers to. With strict, only
// one with the same date (at shared precision) and a shared actor.
func (d *doc) findDraft(m *mention, actors []string, strict bool) *draft {
	if m.definite && !m.hasOwnDate && m.typ != Statement {
		// "the call": the article's main call, the one it mentions most.
		var best *draft
		for k := len(d.drafts) - 1; k >= 0; k-- {
			e := d.drafts[k]
			if e.typ == m.typ && (m.place == "" || e.place == "" || m.place == e.place) &&
				(len(actors) == 0 || len(e.actors) == 0 || overlap(actors, e.actors)) &&
				(best == nil || len(e.sources) > len(best.sources)) {
				best = e
			}
		}
		return best
	}
	for k := len(d.drafts) - 1; k >= 0; k-- {
		e := d.drafts[k]
		if e.typ != m.typ {
			continue
		}
		if m.date != "" && e.date != "" && !m.date.Compatible(e.date) {
			continue
		}
		if m.place != "" && e.place != "" && m.place != e.place {
			continue
		}
		shared := overlap(actors, e.actors)
		if m.typ == Statement {
			// One speaker, one statement a day: "Peskov told reporters ... Peskov said".
			if len(m.agent) == 0 || len(e.actors) == 0 || e.actors[0] != m.agent[0] {
				continue
			}
			if m.date != e.date && m.hasOwnDate && e.dated {
				continue
			}
			return e
		}
		if strict {
			samePlace := m.place != "" && m.place == e.place
			if (shared || samePlace || len(actors) == 0 || len(e.actors) == 0) && e.date != "" && m.date != "" {
				return e
			}
			continue
		}
		if m.definite && (shared || len(actors) == 0 || len(e.actors) == 0) {
			return e
		}
		// A new undated mention is the same event only if it adds no one:
		// "Blinken also spoke to his counterparts" is another call.
		if !m.definite && len(actors) > 0 && subset(actors, e.actors) {
			return e
		}
	}
	return nil
}

// link records how an undated mention relates to another event.
func (d *doc) link(m *mention, ms []*mention) {
	e := m.d
	if e.dated || e.relation != nil {
		return
	}
	switch m.relWord {
	case "":
		return
	case "afterward", "afterwards", "then", "later":
		// The event the previous sentence reports, not one it refers back to.
		for _, p := range d.prev {
			if p.d != e && !p.definite {
				e.relation = &relation{word: m.relWord, target: p.d}
				return
			}
		}
	case "also":
		// "Blinken also spoke ...": like the same party's last event of the type.
		for k := len(d.drafts) - 1; k >= 0; k-- {
			if o := d.drafts[k]; o != e && o.typ == e.typ && o.dated && overlap(o.actors, m.agent) {
				e.relation = &relation{word: m.relWord, target: o}
				return
			}
		}
	default:
		for _, o := range ms {
			if o.i == m.relNoun && o.d != e {
				e.relation = &relation{word: m.relWord, target: o.d}
			}
		}
	}
}

// finish dates what can be dated, drops what cannot and returns the events.
func (d *doc) finish() []Event {
	for _, e := range d.drafts {
		d.dateFromRelation(e, 0)
	}
	var out []Event
	for _, e := range d.drafts {
		if e.date == "" {
			switch {
			case speechAct(e.typ) && (e.typ == Statement || e.verbal):
				// A past-tense report with no date of its own happened when
				// the news the lead reports happened; the present tense
				// ("says") reports the day of publication. Demands and
				// warnings told with a verb are said too ("urged", "called
				// on", "warned"); "the proposals" only names them.
				e.date = d.published
				if d.newsDay != "" && !e.present {
					e.date = d.newsDay
				}
			case e.lead && e.occurred && !e.planned && d.newsDay != "":
				// An event the lead tells in the past without a date is part
				// of the news the lead dates: "Rau opened a meeting ...".
				e.date = d.newsDay
			default:
				continue // never invent a date the text does not give
			}
		}
		status := Occurred
		if e.planned && !e.occurred || whenAgainst(e.date, d.published) > 0 {
			status = Planned
		}
		if whenAgainst(e.date, d.published) < 0 {
			status = Occurred
		}
		sort.Slice(e.sources, func(i, j int) bool { return e.sources[i].Start < e.sources[j].Start })
		ev := Event{Type: e.typ, Status: status, Date: e.date, Mod: e.mod, Actors: e.actors, Place: e.place, Sources: e.sources}
		if ev.Actors == nil {
			ev.Actors = []string{}
		}
		ev.ActorKinds = KindsFor(ev.Actors, func(name string) Kind { return d.kinds[name] })
		ev.Title = title(e)
		out = append(out, ev)
	}
	return out
}

func (d *doc) dateFromRelation(e *draft, depth int) {
	if e.dated || e.relation == nil || depth > 5 {
		return
	}
	t := e.relation.target
	d.dateFromRelation(t, depth+1)
	date := t.date
	if date == "" && t.typ == Statement {
		date = d.published
	}
	if date == "" {
		return
	}
	switch e.relation.word {
	case "hours", "minutes", "afterward", "afterwards", "then", "later", "also":
		day, ok := dayOf(date)
		if !ok {
			return
		}
		e.date, e.mod = day, "" // the same day; the hour is not given
	case "after", "following":
		month, ok := monthOf(date)
		if !ok {
			return
		}
		e.date, e.mod = month, "" // after X: the month of X, not a day the text does not give
	default:
		return
	}
	e.dated = true
}

func (d *doc) source(m *mention) Source {
	b, s := m.block, m.sentence
	return Source{
		Article:   d.a.Path,
		Title:     d.a.Title,
		URL:       d.a.URL,
		Published: string(d.published),
		Sentence:  b.Text[s.start:s.end],
		Start:     b.FileOffset(s.start),
		End:       b.FileEnd(s.end), // not past closing markup: "Monday.**"
	}
}

func appendNew(list []string, names ...string) []string {
	for _, n := range names {
		if n != "" && !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	return list
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// dayOf returns the day of a value at day precision or finer ("2021-12-30",
// "2021-12-30T20:30"); weeks, months and years have none.
func dayOf(v timex.Value) (timex.Value, bool) {
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' && isDigits(string(v[5:7])) && isDigits(string(v[8:10])) {
		return v[:10], true
	}
	return "", false
}

// monthOf returns the month of a value at month precision or finer.
func monthOf(v timex.Value) (timex.Value, bool) {
	if len(v) >= 7 && v[4] == '-' && isDigits(string(v[:4])) && isDigits(string(v[5:7])) {
		return v[:7], true
	}
	return "", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// whenAgainst places value v against the publication day ref: -1 when v
// ends before it, 1 when v starts after it, 0 when they overlap or v is
// no date.
func whenAgainst(v, ref timex.Value) int {
	vs, ve, ok := v.Span()
	rs, re, ok2 := ref.Span()
	switch {
	case !ok || !ok2:
		return 0
	case !ve.After(rs):
		return -1
	case !vs.Before(re):
		return 1
	}
	return 0
}

func isDateLike(v timex.Value) bool {
	return len(v) >= 4 && v[0] >= '0' && v[0] <= '9'
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

// lastWeek reports whether v names a day in the week up to publication.
func (d *doc) lastWeek(v timex.Value) bool {
	if len(v) < 10 {
		return false
	}
	t, err := time.Parse("2006-01-02", string(v[:10]))
	if err != nil {
		return false
	}
	days := d.a.Published.Sub(t).Hours() / 24
	return days >= 0 && days <= 7
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
