package timex

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Tag finds the temporal expressions of text and resolves them against
// ref, usually the publication date. The result is sorted by Start, the
// expressions do not overlap and their offsets are byte offsets into text.
func Tag(text string, ref time.Time) []Timex { return tag(text, ref, nil) }

// tag is Tag with trace, when not nil, hearing every tense cue rule that
// would decide a word and saying whether it may; the tests use it.
func tag(text string, ref time.Time, trace cueTrace) []Timex {
	p := parser{
		text:  text,
		lower: asciiLower(text),
		ref:   date(ref.Year(), int(ref.Month()), ref.Day()),
		trace: trace,
	}
	// The tokens take ten times the text's bytes, and no
	// expression keeps them: the next call takes them over.
	buf := tokenPool.Get().(*[]token)
	p.toks = scan(text, p.lower, slices.Grow((*buf)[:0], len(text)/5+1))
	p.markBoundaries()
	out := p.run()
	*buf = p.toks
	tokenPool.Put(buf)
	return out
}

var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// maxSentenceTokens is the most tokens read as one sentence. The rules
// look back and ahead to the ends of a sentence for every expression in
// it, so a text without full stops would take time that grows with the
// square of its length; the longest sentence of the dev corpora has
// about 140 tokens.
const maxSentenceTokens = 400

// markBoundaries finds the sentence boundaries once, with one forced
// after every maxSentenceTokens tokens without one.
func (p *parser) markBoundaries() {
	p.brk = make([]bool, len(p.toks))
	run := 0
	for k := range p.toks {
		b := p.sentenceEnd(k) || run >= maxSentenceTokens
		if b {
			run = 0
		} else {
			run++
		}
		p.brk[k] = b
	}
}

// match is a candidate expression over tokens [start, end).
type match struct {
	start, end    int
	typ, val, mod string
	day           time.Time // the day a DATE at day precision resolves to, for later times
}

func (m match) ok() bool { return m.end > m.start }

// parser holds the state of one Tag call.
type parser struct {
	text, lower string
	ref         time.Time
	toks        []token
	brk         []bool   // brk[k]: token k ends a sentence, see boundary
	trace       cueTrace // hears the tense cue rules that decide words; for tests

	// The discourse focus: the last quarter named explicitly, so that "a
	// year earlier" in an earnings report is the same quarter a year before.
	focusY, focusQ int
	focusI         int // token index of the last mention of the focus
	curI           int // token index the rules are trying
	// The last day named in the current sentence, so that "at 3 p.m."
	// after "on Friday" is Friday afternoon.
	sentDay  time.Time
	sentDayI int
	// The last point in time the text named, which "that day" and "the
	// following year" refer to.
	lastDay   time.Time
	lastYear  int
	lastYearI int    // token index after the last year named
	lastMonth string // YYYY-MM
	lastQ     string // YYYY-Qn
	// The end and day of the last expression, for "April 24 and 25".
	prevEnd int
	prevVal string
	// The day the story is about and the token after it: the last day
	// named that is not background to a present-tense lead or to another
	// event ("after a sell-off that began on Tuesday").
	storyDay  time.Time
	storyDayI int
	// The year the current sentence named ("In 2016, the city flooded in
	// January") and the token after it.
	sentYear  int
	sentYearI int
	// The day a clock time took from "on <day>" after it, and the token
	// of that day, so that the day marked on its own agrees.
	onDay   time.Time
	onDayAt int
	prevDay time.Time
}

func (p *parser) run() []Timex {
	var out []Timex
	for i := 0; i < len(p.toks); {
		t := &p.toks[i]
		if !p.trigger(t) {
			i++
			continue
		}
		p.curI = i
		m := p.best(i)
		if !m.ok() {
			i++
			continue
		}
		s, e := p.toks[m.start].s, p.toks[m.end-1].e
		out = append(out, Timex{Text: p.text[s:e], Start: s, End: e, Type: m.typ, Value: Value(m.val), Mod: m.mod})
		p.prevEnd, p.prevVal, p.prevDay = m.end, m.val, time.Time{}
		if m.typ == Date && len(m.val) == 10 {
			p.prevDay = m.day
		}
		if !m.day.IsZero() {
			p.sentDay, p.sentDayI = m.day, m.end
			// (a day with its part, "Tuesday afternoon", but not a clock
			// time, which took its day from the story already)
			if (m.typ == Date || len(m.val) == 13 && isPartOfDay(m.val[10:])) && !p.background(m.start) {
				p.storyDay, p.storyDayI = m.day, m.end
			}
		}
		// A year that opens its sentence ("In 2016,", "Last year,", "The
		// 2024 festival") sets the scene for the months and days after it.
		if m.typ == Date && len(m.val) == 4 && allDigits(m.val) &&
			(p.atSentenceStart(m.start) || p.is(m.start-1, "in", "during", "the") && p.atSentenceStart(m.start-1)) {
			p.sentYear, _ = strconv.Atoi(m.val)
			p.sentYearI = m.end
		}
		p.remember(m)
		i = m.end
	}
	return out
}

// trigger reports whether a rule can start at t; most tokens are skipped
// after this one test.
func (p *parser) trigger(t *token) bool {
	switch t.kind {
	case kDigit:
		return true
	case kWord:
		if t.lex != nil {
			return t.lex.trig
		}
		return triggers[t.low]
	}
	return t.low == "'"
}

var triggers = map[string]bool{"same": true, "soon": true, "q": true, "h": true, "fy": true}

func init() {
	for _, w := range strings.Fields(`the a an this that these last next past coming previous following
		early earlier mid middle late later end beginning start fiscal every each per noon midnight midday easter good
		tonight today yesterday tomorrow christmas new
		several few many some from between half year-end future present up more less nearly almost
		about around approximately at over under within recent couple`) {
		triggers[w] = true
	}
	for _, nd := range namedDays {
		triggers[nd.words[0]] = true // "Boxing", "Labor", "Valentine"...
	}
	for w := range triggers {
		if e, ok := lexicon[w]; ok {
			e.trig = true
		}
	}
	for _, e := range lexicon {
		if e.cue == 0 {
			e.trig = true
		}
	}
}

// best returns the longest match starting at token i (the earliest rule
// wins a tie).
func (p *parser) best(i int) match {
	var b match
	for _, r := range rules {
		m := r(p, i)
		if m.ok() && m.end > b.end {
			b = m
		}
	}
	return b
}

var rules []func(*parser, int) match

func init() {
	rules = []func(*parser, int) match{
		(*parser).calendar,
		(*parser).numeric,
		(*parser).relative,
		(*parser).quarter,
		(*parser).holiday,
		(*parser).modified,
		(*parser).quantity,
		(*parser).clock,
		(*parser).set,
		(*parser).vague,
		(*parser).yearWords,
		(*parser).anaphoric,
		(*parser).dayList,
		(*parser).nthDay,
		(*parser).dayBefore,
	}
}

// ---------------------------------------------------------------- tokens

func (p *parser) low(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].low
}

func (p *parser) lex(i int) *lexEntry {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return p.toks[i].lex
}

func (p *parser) is(i int, words ...string) bool {
	w := p.low(i)
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

// glued reports whether token i follows token i-1 without whitespace.
func (p *parser) glued(i int) bool { return i >= 0 && i < len(p.toks) && !p.toks[i].sp }

func (p *parser) opt(i int, words ...string) int {
	if p.is(i, words...) {
		return i + 1
	}
	return i
}

// day returns the day of month at token i (a digit run of 1 or 2 digits,
// 1-31, with an optional ordinal suffix), and the index after it.
func (p *parser) day(i int) (int, int) {
	if i >= len(p.toks) || p.toks[i].kind != kDigit || p.toks[i].e-p.toks[i].s > 2 {
		return 0, i
	}
	d := p.toks[i].num
	if d < 1 || d > 31 {
		return 0, i
	}
	j := i + 1
	if p.glued(j) && p.is(j, "st", "nd", "rd", "th") {
		j++
	}
	// "30.5" or "3,000" is a number, not a day.
	if p.glued(j) && p.is(j, ".", ",", ":") && p.glued(j+1) && j+1 < len(p.toks) && p.toks[j+1].kind == kDigit {
		return 0, i
	}
	return d, j
}

// year returns a four-digit year at token i, or 0.
func (p *parser) year(i int) int {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != kDigit || p.toks[i].e-p.toks[i].s != 4 {
		return 0
	}
	y := p.toks[i].num
	if y < 1000 || y > 2199 {
		return 0
	}
	// Part of a bigger number: "1,990", "2021.5", "$2000", "2000%".
	if i > 0 && !p.toks[i].sp {
		if p.is(i-1, ",", ".", "$", "#", "/", ":", "£", "€") || p.is(i-1, "-") && i > 1 && p.toks[i-2].kind == kDigit {
			return 0
		}
	}
	if p.glued(i+1) && p.is(i+1, ",", ".", "%", ":", "/") && p.glued(i+2) && i+2 < len(p.toks) && p.toks[i+2].kind == kDigit {
		return 0
	}
	if p.glued(i+1) && p.is(i+1, "%") || p.is(i-1, "than") {
		return 0 // "more than 2000 people"
	}
	if i+1 < len(p.toks) && zones[p.toks[i+1].low] || p.is(i+1, "local") && p.is(i+2, "time") {
		return 0 // "(1600 GMT)", "1500 local time" are clock times
	}
	return y
}

// shortYear reads a year written with an apostrophe and two digits at
// token i ("'98", "Q3'22") and returns it and the token after it, or 0:
// the nearest such year that is not more than ten years ahead.
func (p *parser) shortYear(i int) (int, int) {
	if !p.is(i, "'") || !p.glued(i+1) || i+1 >= len(p.toks) || p.toks[i+1].kind != kDigit ||
		p.toks[i+1].e-p.toks[i+1].s != 2 || p.glued(i+2) && p.is(i+2, "s") {
		return 0, i
	}
	y := p.ref.Year()/100*100 + p.toks[i+1].num
	if y > p.ref.Year()+10 {
		y -= 100
	}
	return y, i + 2
}

// ---------------------------------------------------------------- tense

// cueWindow is how many tokens either side tense looks for a cue.
const cueWindow = 12

// tense finds the nearest tense cue in the sentence around tokens [i, j):
// future auxiliaries and plans ("will", "next", "due to") against past
// verbs ("said", "met", "-ed", "ago").
func (p *parser) tense(i, j int) int {
	// A verb of saying is the tense of the report, not of what is
	// reported: "the ruling, which is expected early next week, he said"
	// looks ahead. It decides only next to the expression ("said
	// Friday") or when nothing else in the window does.
	if p.copula(i) {
		return future
	}
	bestD, best := 1<<30, unknown
	sayD, say := 1<<30, unknown
	for k, d := i-1, 1; k >= 0 && d <= cueWindow; k, d = k-1, d+1 {
		if p.boundary(k) {
			break
		}
		if c := p.cue(k); c != unknown {
			if d > sayNear && sayVerbs[p.low(k)] {
				if sayD == 1<<30 {
					sayD, say = d, c
				}
				continue
			}
			bestD, best = d, c
			break
		}
	}
	// "the decade that ends on Tuesday was the hottest": a verb right
	// before the date (and its preposition) is the date's own.
	if bestD <= 2 {
		return best
	}
	// "told reporters on Wednesday that he would resign": the date
	// belongs to the verb of saying, not to what was said.
	if best == unknown && say != unknown && p.is(j, "that") {
		return say
	}
	// "On Monday, the minister said she would...": a date opening the
	// sentence is the main verb's, a verb of saying included.
	lead := p.is(j, ",") && (p.atSentenceStart(i) || p.is(i-1, "on", "early", "late") && p.atSentenceStart(i-1))
	for k, d := j, 1; k < len(p.toks) && d < bestD && d <= cueWindow; k, d = k+1, d+1 {
		// "spoke on Monday ... and was due to brief them again": the
		// second predicate has a tense of its own
		if p.boundary(k) || p.is(k, "and", "but") && p.is(k+1, "was", "were", "is", "are", "will", "would", "has", "have", "had") ||
			best != unknown && p.is(k, ",", "and", "but", "if", "when", "because", "unless", "while", "after", "before") {
			// "who won the title in July, face a playoff", "conceded on
			// Wednesday and said he would", "by the summer if exports
			// were disrupted": the clause ends
			break
		}
		if c := p.cue(k); c != unknown {
			if d > sayNear && sayVerbs[p.low(k)] && !lead {
				if d < sayD {
					sayD, say = d, c
				}
				continue
			}
			return c
		}
	}
	if best == unknown {
		return say
	}
	return best
}

// copula reports whether the expression at i is what "is" or "are"
// says a thing is: "the deadline is Monday", "the final is in June",
// "the vote is at noon on Friday", "the festival is held in June" name a
// date still to come.
func (p *parser) copula(i int) bool {
	for k := i - 1; k >= 0 && k >= i-9; k-- {
		switch {
		case p.is(k, "is", "are"):
			return true
		case p.is(k-1, "is", "are") && (pastTense(p.low(k)) || p.lex(k) != nil && p.lex(k).cue == past):
			return true // "the festival is held in June"
		case p.is(k, "on", "at", "in", "noon", "midnight", "a.m.", "p.m.", "a", "p", "m", ".", ":", "gmt", "utc"),
			p.toks[k].kind == kDigit:
		default:
			return false
		}
	}
	return false
}

// sayNear is how close (in tokens) a verb of saying must be to give an
// expression its tense outright.
const sayNear = 2

var sayVerbs = map[string]bool{"said": true, "says": true, "told": true, "say": true}

// boundary reports whether token k ends a sentence.
func (p *parser) boundary(k int) bool { return p.brk[k] }

// sentenceEnd reports whether token k ends a sentence.
func (p *parser) sentenceEnd(k int) bool {
	t := &p.toks[k]
	if t.nl && k > 0 && p.toks[k].s > 0 && strings.Count(p.text[p.toks[k-1].e:t.s], "\n") > 1 {
		return true
	}
	switch t.low {
	case "!", "?", ";":
		return true
	case ".":
		if k > 0 && k+1 < len(p.toks) && p.toks[k-1].kind == kDigit && p.toks[k+1].kind == kDigit && !t.sp && !p.toks[k+1].sp {
			return false // a decimal point: "$10.83"
		}
		if k > 0 && p.toks[k-1].kind == kWord && (len(p.toks[k-1].low) == 1 || abbrevs[p.toks[k-1].low] ||
			p.toks[k-1].lex != nil && (p.toks[k-1].lex.abbr)) {
			return false
		}
		return true
	}
	return false
}

// planVerbs after "to" mark a plan: "due to meet", "set to begin".
var planVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`meet begin resume start hold visit leave return vote announce sign
		travel attend open launch release discuss decide expire arrive fly hear rule testify appear
		take make go come receive end finish complete face present unveil host join`) {
		planVerbs[w] = true
	}
}

// planners before "to" make the infinitive a plan, whatever its verb.
var planners = map[string]bool{"decided": true, "agreed": true, "plans": true, "planned": true,
	"expects": true, "expected": true, "due": true, "scheduled": true, "promised": true, "vowed": true,
	"intends": true, "wants": true, "hopes": true, "aims": true, "going": true, "set": true, "likely": true,
	"ready": true, "prepared": true, "pledged": true, "committed": true,
	"told": true, "asked": true, "urged": true, "advised": true, "ordered": true} // "told to travel from Tuesday"

var abbrevs = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true,
	"sr": true, "corp": true, "inc": true, "co": true, "ltd": true, "gov": true, "sen": true, "rep": true,
	"gen": true, "col": true, "lt": true, "vs": true, "no": true, "prof": true, "bros": true}

// ---------------------------------------------------------------- rules

// TagBlocks tags the texts of one document as one text, in order and
// separated by blank lines, so that the story's context (the day it is
// about, the last year named) carries from one block to the next, and
// returns each text's expressions with offsets into that text.
func TagBlocks(texts []string, ref time.Time) [][]Timex {
	var b strings.Builder
	n := 2 * len(texts)
	for _, t := range texts {
		n += len(t)
	}
	b.Grow(n)
	starts := make([]int, len(texts))
	for i, t := range texts {
		if i > 0 {
			b.WriteString("\n\n")
		}
		starts[i] = b.Len()
		b.WriteString(t)
	}
	all := Tag(b.String(), ref)
	out := make([][]Timex, len(texts))
	k := 0
	for i, t := range texts {
		lo, hi := starts[i], starts[i]+len(t)
		for ; k < len(all) && all[k].Start < hi; k++ {
			if x := all[k]; x.Start >= lo && x.End <= hi {
				x.Start, x.End = x.Start-lo, x.End-lo
				out[i] = append(out[i], x)
			}
		}
	}
	return out
}
