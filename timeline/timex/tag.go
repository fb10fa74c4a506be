package timex

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// Tag finds the temporal expressions of text and resolves them against
// ref, usually the publication date. The result is sorted by Start, the
// expressions do not overlap and their offsets are byte offsets into text.
func Tag(text string, ref time.Time) []Timex {
	p := parser{
		text:  text,
		lower: asciiLower(text),
		ref:   date(ref.Year(), int(ref.Month()), ref.Day()),
	}
	p.toks = scan(text, p.lower, make([]token, 0, len(text)/5+1))
	p.markBoundaries()
	return p.run()
}

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
	brk         []bool // brk[k]: token k ends a sentence, see boundary

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
		out = append(out, Timex{Text: p.text[s:e], Start: s, End: e, Type: m.typ, Value: m.val, Mod: m.mod})
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

func (p *parser) cue(k int) int {
	if k < 0 || k >= len(p.toks) {
		return unknown
	}
	t := &p.toks[k]
	if t.kind != kWord {
		return unknown
	}
	c := unknown
	switch {
	case t.low == "to":
		// "set to resume", "is to meet": an infinitive of plan;
		// "decided to admit", "agreed to hold": a decision about later.
		if e := p.lex(k + 1); (e == nil || e.cue != 0) && planVerbs[p.low(k+1)] && p.is(k-1, "is", "are", "was", "were", "be") || planners[p.low(k-1)] {
			c = future
		}
	case t.low == "going" && !p.is(k+1, "to"):
		c = unknown // "going on sale in June" is no plan
	case t.low == "set" && p.is(k+1, "for", "to"):
		c = future // "was set for July 11", "is set to meet"
	case t.low == "may" && !t.cap && !p.is(k-1, "in", "of", "since", "until", "by", "early", "late", "mid", "-"),
		t.low == "could" && !p.is(k+1, "not", "n't", "have", "be", "only", "never"),
		t.low == "must" && !p.is(k+1, "have"):
		c = future // "the Fed may raise rates in June", "the storm could hit on Saturday"
	case t.lex != nil:
		c = t.lex.cue
	case pastTense(t.low) && !p.is(k-1, "a", "an", "the", "still", "very", "its", "their", "his", "her", "our", "this", "that", "newly", "so"):
		c = past // but "a still unspecified date" is an adjective
	}
	// A plan told in the past perfect is past: "had been due to expire";
	// so is a plan already carried out: "as previously planned".
	if c == future && p.is(k-1, "previously", "originally", "initially") {
		return past
	}
	// "next to the embassy" is a place, "due to the storm" a cause,
	// "higher than expected" a comparison
	if t.low == "next" && p.is(k+1, "to", "door") ||
		t.low == "due" && p.is(k+1, "to") && p.is(k+2, "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "lower", "higher", "weak", "strong") ||
		p.is(k, "expected", "planned", "anticipated") && p.is(k-1, "than", "as") {
		return unknown
	}
	// "for Sun to meet demand": an infinitive is no present of schedule
	if c == future && p.is(k-1, "to") && t.lex != nil && !strings.HasSuffix(t.low, "s") {
		return unknown
	}
	// "eight days later", "two years earlier" count from another time
	if p.is(k, "later", "earlier") && p.lex(k-1) != nil && p.lex(k-1).unit != "" {
		return unknown
	}
	// "head of Cuba's National Assembly", "the start of talks": nouns
	if p.is(k, "head", "start", "play", "face", "host", "vote", "opening") && (p.is(k+1, "of") || p.is(k-1, "the", "a", "an", "its", "his", "her", "their")) {
		return unknown
	}
	// "the last of three rounds", "its next meeting": an order, not a
	// time; "ahead of the call" places an event before another one.
	if p.is(k, "last", "next") && p.is(k-1, "the", "its", "their", "his", "her") || p.is(k, "ahead") && p.is(k+1, "of") {
		return unknown
	}
	// "set aside vacation plans for the trip", "the plan of attack": a
	// noun says nothing of when the clause happens.
	if c == future && p.is(k, "plan", "plans") && (p.is(k+1, "for", "of") ||
		p.is(k-1, "a", "the", "his", "her", "its", "their", "our")) {
		return unknown
	}
	// "the hastily planned trip": a participle used as an adjective
	if c == future && strings.HasSuffix(t.low, "ed") && (p.is(k-1, "a", "an", "the", "its", "their", "his", "her") ||
		strings.HasSuffix(p.low(k-1), "ly") && p.is(k-2, "a", "an", "the", "its", "their", "his", "her")) {
		return unknown
	}
	// "were planning", "was expected": the auxiliary leaves the tense to
	// the plan that follows.
	if c == past && p.is(k, "was", "were") && k+1 < len(p.toks) && p.lex(k+1) != nil && p.lex(k+1).cue == future &&
		(strings.HasSuffix(p.low(k+1), "ing") || strings.HasSuffix(p.low(k+1), "ed") || p.is(k+1, "due")) {
		return future
	}
	if c == future {
		for b := k - 1; b >= 0 && b >= k-4 && !p.boundary(b); b-- {
			if p.is(b, "had") {
				return past
			}
		}
	}
	// A participle after "be" is a passive ("would be paid"), not a past.
	if c == past && t.low != "been" && p.is(k-1, "be", "being", "is", "are", "been") {
		if p.is(k-1, "be") && p.is(k-2, "will", "ll", "shall") {
			return future // "will be named": the auxiliary gives the tense
		}
		return unknown
	}
	// A bare verb after a modal or "to" ("could hit", "is likely to hit")
	// leaves the tense to the modal or to the word that governs "to".
	if c == past && p.is(k-1, "will", "ll", "shall", "would", "may", "might", "could", "should", "can", "must", "to") {
		if p.is(k-1, "to") {
			return unknown
		}
		return p.cue(k - 1)
	}
	return c
}

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

// calendar: dates written with month names and weekdays, in any order:
// "Thursday, Dec. 30, 2021", "30 December 2021", "December 2021",
// "January", "Friday", "Friday morning".
func (p *parser) calendar(i int) match {
	j := i
	wd := 0
	if e := p.lex(j); e != nil && e.weekday > 0 && p.toks[j].cap && (e.plural || p.lex(j+1) != nil && p.lex(j+1).part != "" && p.lex(j+1).plural) {
		return p.weekdaySet(i, j, e.weekday) // "on Mondays", "Tuesday nights": every such day
	}
	if e := p.lex(j); e != nil && e.weekday > 0 && !e.plural && (p.toks[j].cap || !e.abbr) {
		wd = e.weekday
		j++
		if e.abbr {
			j = p.opt(j, ".")
		}
		k := p.opt(j, ",")
		if m := p.monthDay(i, k); m.ok() {
			return m
		}
		if e.abbr {
			return match{}
		}
		return p.weekday(i, j, wd, "")
	}
	return p.monthDay(i, j)
}

// weekday resolves a weekday at tokens [i, j), with an optional part of day
// after it; rel is "last", "this" or "next" when one came before it.
func (p *parser) weekday(i, j, wd int, rel string) match {
	if rel == "" && p.is(i-1, "the") && j < len(p.toks) && p.toks[j].cap && p.toks[j].kind == kWord && p.lex(j) == nil ||
		rel == "" && p.is(i-1, "good", "black", "cyber") && p.toks[i-1].cap {
		return match{} // "the Sunday Times", "The Wednesday Club", the "Good Friday Agreement"
	}
	tense := p.tense(i, j)
	if p.is(i-1, "later", "earlier") && rel == "" {
		// "Later Monday, he left": later on that day, not a plan
		tense = p.tense(i-1, j)
	}
	if p.is(j, "'") && p.is(j+1, "s") && rel == "" {
		// "Wednesday's ruling" names a known event, unless the phrase is
		// what a future sentence is about ("Sunday's vote will be close")
		// or lies ahead of the clause ("ahead of Sunday's election,
		// candidates are holding rallies").
		switch {
		case p.is(i-1, "of") && p.is(i-2, "ahead"):
			if tense == unknown {
				tense = future
			}
		case p.atSentenceStart(i) && tense == future, p.willNear(i):
			tense = future // "will receive the trophy after Saturday's game"
		default:
			tense = past
		}
	}
	// "by Friday" looks ahead, unless the clause is past: "until
	// Thursday, they had not called him a suspect".
	if c := p.prepCue(i); c != unknown && (tense != past || p.deadline(i)) {
		tense = c
	}
	var t time.Time
	switch rel {
	case "last":
		t = weekdayNear(p.ref.AddDate(0, 0, -1), wd, past)
	case "next":
		t = weekdayNear(p.ref.AddDate(0, 0, 1), wd, future)
	case "this":
		if tense == unknown {
			tense = future
		}
		t = weekdayNear(p.ref, wd, tense)
	default:
		t = weekdayNear(p.ref, wd, tense)
		if p.is(i-1, "to", "until", "through", "till", "-", "–") && p.prevEnd == i-1 && !p.prevDay.IsZero() && t.Before(p.prevDay) {
			t = weekdayNear(p.prevDay.AddDate(0, 0, 1), wd, future) // "from Tuesday to Saturday" runs forward
		} else if tense == future && p.reportedFrom(i) {
			// "said on Tuesday that the truce would start on Wednesday":
			// the Wednesday after the Tuesday it was said
			t = weekdayNear(p.sentDay.AddDate(0, 0, 1), wd, future)
		}
		if t.Equal(p.ref) && p.deadline(i) && !p.movedTo(p.optBack(i-1, "-")) && p.lex(i) != nil && p.lex(i).weekday > 0 {
			t = t.AddDate(0, 0, 7) // adjourned on a Monday "until Monday": the next one
		}
	}
	if i == p.onDayAt && !p.onDay.IsZero() {
		t = p.onDay // "by 11 p.m. on Saturday": the Saturday the time took
	}
	m := match{start: i, end: j, typ: Date, val: fmtDay(t), day: t}
	if e := p.lex(j); e != nil && e.part != "" {
		// TimeBank and AQUAINT value "Friday night" mostly as the day
		// alone (or mark "Friday" only); other parts keep TMO, TAF, TEV.
		m.end = j + 1
		if e.part != "NI" {
			m.typ, m.val = Time, m.val+"T"+e.part
		}
	}
	return m
}

// monthDay parses the date part that starts at token j (a weekday before
// it, if any, begins at i).
func (p *parser) monthDay(i, j int) match {
	// day [of] month [year]: "30 December 2021", "the 30th of December",
	// "the third of March"
	if d, k := p.ordinal(j); d > 0 && p.toks[j].kind == kWord && p.is(k, "of") && p.is(j-1, "the", "-") {
		start := j
		if tens := p.lex(j - 2); p.is(j-1, "-") && tens != nil && (tens.num == 20 || tens.num == 30) && p.is(j-3, "the") {
			d, start = d+tens.num, j-2 // "the twenty-first of June"
		} else if p.is(j-1, "-") {
			d = 0
		}
		if e := p.lex(k + 1); d > 0 && d <= 31 && e != nil && e.month > 0 && p.toks[k+1].cap {
			return p.finishDate(start, k+2, e, d)
		}
	}
	if d, k := p.day(j); d > 0 {
		k2 := p.opt(k, "of")
		if e := p.lex(k2); e != nil && e.month > 0 && p.toks[k2].cap {
			return p.finishDate(i, k2+1, e, d)
		}
		// "10 to 12 January": the first day of a range takes the later month.
		if p.is(k, rangeWords...) {
			if d2, k3 := p.day(k + 1); d2 > d {
				if e := p.lex(k3); e != nil && e.month > 0 && p.toks[k3].cap {
					m := p.finishDateAt(i, k3, k3+1, e, d)
					if m.ok() && len(m.val) == 10 {
						m.start, m.end = i, k
						return m
					}
				}
			}
		}
		return match{}
	}
	e := p.lex(j)
	if e == nil || e.month == 0 || !p.toks[j].cap {
		return match{}
	}
	k := j + 1
	if e.abbr {
		k = p.opt(k, ".")
	}
	// month day [, year]
	if d, k2 := p.day(k); d > 0 {
		// "May 10 to 12": stop at the first day; the second is read on its own.
		return p.finishDate(i, k2, e, d)
	}
	// month [,] year / month of year
	k2 := p.opt(k, ",", "of")
	if y := p.year(k2); y > 0 {
		return match{start: i, end: k2 + 1, typ: Date, val: fmtMonth(y, e.month)}
	}
	if y, k3 := p.shortYear(k); y > 0 {
		return match{start: i, end: k3, typ: Date, val: fmtMonth(y, e.month)} // "Jan '19"
	}
	if y := p.yearWords(k2); y.ok() && i == j {
		return match{start: i, end: y.end, typ: Date, val: y.val + "-" + pad2(e.month)}
	}
	// "January this year", "June last year"
	if p.is(k, "this", "last", "next") && p.is(k+1, "year") && i == j {
		y := p.ref.Year() + relDir(p.low(k))
		return match{start: i, end: k + 2, typ: Date, val: fmtMonth(y, e.month)}
	}
	if e.abbr || i != j {
		return match{}
	}
	// A month alone. "May" and "March" are also words: ask for a
	// preposition or determiner before them.
	// "April Smith", "June Carter": a month that is a first name
	if (e.month == 4 || e.month == 5 || e.month == 6 || e.month == 8) && k < len(p.toks) && p.toks[k].cap &&
		p.toks[k].kind == kWord && p.lex(k) == nil && !p.toks[k].nl && !p.is(j-1, monthPreps...) {
		return match{}
	}
	if (e.month == 5 || e.month == 3) && !p.is(j-1, monthPreps...) {
		return match{}
	}
	// "in November and December 2022", "from May to August 2021": the
	// year of the second month is the first's too (the year before, if
	// a range crosses New Year).
	if p.is(k, rangeWords...) || p.is(k, "or") {
		if e2 := p.lex(k + 1); e2 != nil && e2.month > 0 && p.toks[k+1].cap {
			k3 := k + 2
			if e2.abbr {
				k3 = p.opt(k3, ".")
			}
			if y := p.year(p.opt(k3, ",")); y > 0 {
				if e.month > e2.month && !p.is(k, "and", "or") {
					y--
				}
				return match{start: i, end: k, typ: Date, val: fmtMonth(y, e.month)}
			}
		}
	}
	tense := p.tense(i, k)
	if c := p.prepCue(i); c != unknown && !(tense == past && p.is(k, ",") && p.atSentenceStart(i-1)) {
		tense = c // "by August" looks ahead, but "By March, the world was in lockdown"
	}
	y := monthYear(p.ref, e.month, tense)
	if sy := p.yearInSentence(i); sy > 0 {
		y = sy
	}
	// A range runs forward: "from March to May" ends in the May the
	// clause's tense picks and starts in the March before it; the end
	// follows its start.
	if p.is(i-1, "from", "between") && p.is(k, rangeWords...) {
		if e2 := p.lex(k + 1); e2 != nil && e2.month > 0 && !e2.abbr && p.toks[k+1].cap {
			if y = monthYear(p.ref, e2.month, tense); e.month > e2.month {
				y--
			}
		}
	} else if p.is(i-1, rangeWords...) && p.prevEnd == i-1 && len(p.prevVal) == 7 && p.prevVal == p.lastMonth {
		first, _ := strconv.Atoi(p.prevVal[5:7])
		if y, _ = strconv.Atoi(p.prevVal[:4]); e.month < first {
			y++
		}
	}
	return match{start: i, end: k, typ: Date, val: fmtMonth(y, e.month)}
}

// reportedFrom reports whether the expression at i is told in the
// future of a past day named earlier in its sentence ("said on Tuesday
// that ... would ... on Wednesday"), which it then counts from.
func (p *parser) reportedFrom(i int) bool {
	if p.sentDay.IsZero() || !p.sentDay.Before(p.ref) || p.sentDayI > i || !p.inSentence(p.sentDayI, i) {
		return false
	}
	for k := i - 1; k >= p.sentDayI; k-- {
		if p.is(k, "would") {
			return true
		}
	}
	return false
}

// yearInSentence is the year that opened the sentence of token i, if
// that is not the reference year ("The 2024 festival will take place
// on June 20", "Last year, the city recorded its coldest January"), else 0.
func (p *parser) yearInSentence(i int) int {
	if p.sentYear == 0 || p.sentYear == p.ref.Year() || p.sentYearI > i || !p.inSentence(p.sentYearI-1, i) {
		return 0
	}
	return p.sentYear
}

// willNear reports whether "will" or "shall" stands within six words
// before token i in its clause: "the court will rule on Feb. 20".
func (p *parser) willNear(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6 && !p.boundary(k) && !p.is(k, ","); k-- {
		if p.is(k, "will", "ll", "shall") {
			return true
		}
	}
	return false
}

// pastNear reports whether a past verb stands within three words ("the"
// aside) before token i: "rose after the June 10 event". Verbs of saying
// and the perfect's auxiliary don't count ("has set Nov. 10 as the
// deadline"), and a plan or an infinitive on the way stops the search.
func (p *parser) pastNear(i int) bool {
	if p.prepCue(i) == future {
		return false // "extended to Nov. 20", "until Dec. 1"
	}
	for k := p.optBack(i-1, "the"); k >= 0 && k >= i-4 && !p.boundary(k); k-- {
		switch c := p.cue(k); {
		case c == future || p.is(k, "to"):
			return false // "was set for July 11", "had been due to sit on October 14"
		case c == past && !sayVerbs[p.low(k)] && !p.is(k, "has", "have", "had", "been"):
			return true
		}
	}
	return false
}

// monthPreps are the words that make a month word a month: "in May",
// "early March".
var monthPreps = []string{"in", "since", "until", "by", "of", "during", "last", "next", "this", "the", "early",
	"late", "mid", "from", "through", "before", "after", "between", "and", "to", "-", "or", "till", "end"}

// rangeWords join the two ends of a range.
var rangeWords = []string{"to", "until", "through", "till", "and", "-", "–"}

// farDays is how far (in days) the nearest reading of a day-month date
// may be before the tense of its clause decides instead.
const farDays = 120

// finishDate completes a month-and-day date whose month entry is e and
// whose day is d; k is the token after the day (or after the month in
// the day-first order). A year may follow.
func (p *parser) finishDate(i, k int, e *lexEntry, d int) match { return p.finishDateAt(i, i, k, e, d) }

// finishDateAt is finishDate for a date whose context (for its tense)
// starts at token ctx: the first day of "between 3 and 9 May".
func (p *parser) finishDateAt(ctx, i, k int, e *lexEntry, d int) match {
	if e.abbr && p.lex(k-1) == e && p.is(k, ".") && !p.boundaryAfter(k) {
		k++ // "30 Dec. 2021", but not the full stop of "on 30 Dec."
	}
	k2 := p.opt(k, ",")
	if y := p.year(k2); y > 0 {
		if !validDay(y, e.month, d) {
			return match{}
		}
		t := date(y, e.month, d)
		return match{start: i, end: k2 + 1, typ: Date, val: fmtDay(t), day: t}
	}
	// "Nov. 21 next year", "March 3 last year"
	if p.is(k, "next", "last", "this") && p.is(k+1, "year") && validDay(p.ref.Year()+relDir(p.low(k)), e.month, d) {
		t := date(p.ref.Year()+relDir(p.low(k)), e.month, d)
		return match{start: i, end: k + 2, typ: Date, val: fmtDay(t), day: t}
	}
	// The second of "May 3 to May 9", "May 3 and June 21" follows the first.
	if p.is(i-1, rangeWords...) && p.prevEnd == i-1 && !p.prevDay.IsZero() {
		y := p.prevDay.Year()
		if date(y, e.month, d).Before(p.prevDay) {
			y++
		}
		if validDay(y, e.month, d) {
			t := date(y, e.month, d)
			return match{start: i, end: k, typ: Date, val: fmtDay(t), day: t}
		}
	}
	if sy := p.yearInSentence(i); sy > 0 && validDay(sy, e.month, d) {
		t := date(sy, e.month, d)
		return match{start: i, end: k, typ: Date, val: fmtDay(t), day: t}
	}
	// At day precision the nearest date wins: a report names the coming
	// Dec. 15 and the past Oct. 31 alike, whatever its verbs say, unless a
	// cue stands right next to it ("the year ended March 31") or the
	// nearest date is months away, where the clause's tense decides.
	tense := unknown
	if p.is(ctx-1, "since") || ctx > 0 && p.cue(ctx-1) == past || p.is(ctx-1, "on", "in") && ctx > 1 && p.cue(ctx-2) == past {
		tense = past // "agreed on 5 January"
	}
	y := dayYear(p.ref, e.month, d, tense)
	if far := date(y, e.month, d).Sub(p.ref).Hours() / 24; tense == unknown {
		if t := p.tense(ctx, k); far > farDays || far < -farDays || far < -7 && p.willNear(ctx) || far > 7 && p.pastNear(ctx) {
			y = dayYear(p.ref, e.month, d, t)
		}
	}
	if !validDay(y, e.month, d) {
		return match{}
	}
	t := date(y, e.month, d)
	return match{start: i, end: k, typ: Date, val: fmtDay(t), day: t}
}

// numeric: numeric dates ("12/30/2021", "2021-12-30"), years ("2021",
// "fiscal 1989", "the 1990s", "'90s").
func (p *parser) numeric(i int) match {
	if i >= len(p.toks) {
		return match{}
	}
	t := &p.toks[i]
	switch {
	case t.low == "fiscal":
		k := p.opt(i+1, "year")
		if y := p.year(k); y > 0 {
			return match{start: i, end: k + 1, typ: Date, val: fmtYear(y)}
		}
		return match{}
	case t.low == "the":
		if m := p.numeric(i + 1); m.ok() && strings.HasSuffix(p.low(m.end-1), "s") {
			m.start = i
			return m
		}
		// "the 90s", "the nineties"
		if k := i + 1; k < len(p.toks) && p.toks[k].kind == kDigit && p.toks[k].e-p.toks[k].s == 2 &&
			p.toks[k].num%10 == 0 && p.glued(k+1) && p.is(k+1, "s") {
			return match{start: i, end: k + 2, typ: Date, val: decade2(p.ref, p.toks[k].num)}
		}
		if e := p.lex(i + 1); e != nil && e.num >= 20 && e.num < 100 && e.num%10 == 0 && p.is(i+1, decadeWords...) {
			return match{start: i, end: i + 2, typ: Date, val: decade2(p.ref, e.num)}
		}
		return match{}
	case (t.low == "q" || t.low == "h") && t.cap && p.glued(i+1) && (p.lex(i-1) == nil || p.lex(i-1).cue != 0) && !(p.glued(i) && i > 0 && p.toks[i-1].kind != kPunct):
		// "Q3 2021", "H1 2022": a quarter or half, of the reference year
		// unless a year follows ("version 21H2" is a release)
		n := -1
		if i+1 < len(p.toks) && p.toks[i+1].kind == kDigit && p.toks[i+1].e-p.toks[i+1].s == 1 {
			n = p.toks[i+1].num
		}
		if n < 1 || n > 4 || t.low == "h" && n > 2 || p.glued(i+2) && i+2 < len(p.toks) && p.toks[i+2].kind != kPunct {
			return match{}
		}
		end, y := i+2, quarterYear(p.ref, n, p.tense(i, i+2))
		if t.low == "h" {
			y = quarterYear(p.ref, 2*n, p.tense(i, i+2))
		}
		if yy := p.year(p.opt(end, ",")); yy > 0 {
			end, y = p.opt(end, ",")+1, yy
		} else if yy, k := p.shortYear(end); yy > 0 {
			end, y = k, yy // "Q3'22"
		}
		return match{start: i, end: end, typ: Date, val: fmtYear(y) + "-" + strings.ToUpper(t.low) + strconv.Itoa(n)}
	case t.low == "fy" && t.cap:
		// "FY2021", "FY 2021", "FY24": a fiscal year
		if y := p.year(i + 1); y > 0 {
			return match{start: i, end: i + 2, typ: Date, val: fmtYear(y)}
		}
		if i+1 < len(p.toks) && p.glued(i+1) && p.toks[i+1].kind == kDigit && p.toks[i+1].e-p.toks[i+1].s == 2 &&
			(!p.glued(i+2) || i+2 < len(p.toks) && p.toks[i+2].kind == kPunct) {
			return match{start: i, end: i + 2, typ: Date, val: fmtYear(p.ref.Year()/100*100 + p.toks[i+1].num)}
		}
		return match{}
	case t.low == "'":
		// '90s
		if p.glued(i+1) && i+1 < len(p.toks) && p.toks[i+1].kind == kDigit && p.toks[i+1].e-p.toks[i+1].s == 2 &&
			p.toks[i+1].num%10 == 0 && p.glued(i+2) && p.is(i+2, "s") {
			return match{start: i, end: i + 3, typ: Date, val: decade2(p.ref, p.toks[i+1].num)}
		}
		return match{}
	case t.kind != kDigit:
		return match{}
	}
	if m := p.slashDate(i); m.ok() {
		return m
	}
	y := p.year(i)
	if y == 0 {
		return match{}
	}
	if p.glued(i+1) && p.is(i+1, "s") && y%100 == 0 && y < 2000 {
		return match{start: i, end: i + 2, typ: Date, val: strconv.Itoa(y / 100)} // "the 1800s": the century
	}
	if p.glued(i+1) && p.is(i+1, "s") && y%10 == 0 {
		return match{start: i, end: i + 2, typ: Date, val: strconv.Itoa(y / 10)}
	}
	if p.glued(i+1) && p.is(i+1, "'") && p.glued(i+2) && p.is(i+2, "s") && y%10 == 0 {
		return match{start: i, end: i + 3, typ: Date, val: strconv.Itoa(y / 10)}
	}
	// A year is not followed by a unit or a number word ("2000 people" is
	// allowed; "1990 2000" is a list of numbers, not a date).
	if p.glued(i+1) && p.toks[i+1].kind == kWord {
		return match{}
	}
	// "Section 1983", "page 2021", "Flight BA2020" are labels; "1999
	// people", "2024 percent" counts; "0800 123 2020" a phone number.
	if yearLabels[p.low(i-1)] || yearLabels[p.low(p.optBack(i-1, "."))] || countNouns[p.low(i+1)] || p.glued(i) && i > 0 && p.toks[i-1].kind == kWord ||
		i > 0 && p.toks[i-1].kind == kDigit && p.toks[i-1].e-p.toks[i-1].s >= 3 {
		return match{}
	}
	return match{start: i, end: i + 1, typ: Date, val: fmtYear(y)}
}

var (
	yearLabels = setOf("section", "article", "chapter", "rule", "resolution", "flight", "route", "highway", "room",
		"no", "number", "model", "version", "paragraph", "clause", "exhibit", "form", "page", "item", "psalm", "code",
		"gate", "interstate", "bus", "hr", "euro", "expo", "vision", "agenda") // "Euro 2020" was played in 2021
	countNouns = setOf("percent", "per", "people", "persons", "units", "troops", "soldiers", "votes", "points", "shares",
		"barrels", "tons", "tonnes", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "dollars",
		"euros", "yen", "pounds", "workers", "employees", "residents", "jobs", "deaths", "children", "students",
		"homes", "households", "vehicles", "cars", "passengers", "copies", "times", "members", "refugees", "migrants",
		"signatures", "pages")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// slashDate reads "12/30/2021", "7/8/07" and "2021-12-30" with dateparse.
func (p *parser) slashDate(i int) match {
	// "9/11" is the day of the 2001 attacks
	if p.is(i, "9") && p.is(i+1, "/") && p.is(i+2, "11") && p.glued(i+1) && p.glued(i+2) && !(p.glued(i+3) && p.is(i+3, "/")) {
		t := date(2001, 9, 11)
		return match{start: i, end: i + 3, typ: Date, val: fmtDay(t), day: t}
	}
	if i+4 >= len(p.toks) {
		return match{}
	}
	sep := p.low(i + 1)
	if sep != "/" && sep != "-" && sep != "." {
		return match{}
	}
	for k := i + 1; k <= i+4; k++ {
		if !p.glued(k) {
			return match{}
		}
	}
	if p.low(i+3) != sep || p.toks[i+2].kind != kDigit || p.toks[i+4].kind != kDigit {
		return match{}
	}
	if p.glued(i+5) && p.is(i+5, sep) && !(sep == "." && p.boundaryAfter(i+5)) {
		return match{}
	}
	if sep == "." {
		// "18.03.2024": day, month and a four-digit year, as Europe writes them
		// (but "version 1.2.2024" is a release)
		d, mo, y := p.toks[i].num, p.toks[i+2].num, p.toks[i+4].num
		if p.toks[i].e-p.toks[i].s > 2 || p.toks[i+2].e-p.toks[i+2].s > 2 || p.toks[i+4].e-p.toks[i+4].s != 4 ||
			y < 1000 || y > 2199 || !validDay(y, mo, d) || p.is(i-1, "version", "v", "release", "build") {
			return match{}
		}
		t := date(y, mo, d)
		return match{start: i, end: i + 5, typ: Date, val: fmtDay(t), day: t}
	}
	if sep == "-" && p.toks[i].e-p.toks[i].s != 4 {
		return match{}
	}
	s := p.text[p.toks[i].s:p.toks[i+4].e]
	t, err := dateparse.ParseIn(s, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil || t.Year() < 1000 {
		return match{}
	}
	t = date(t.Year(), int(t.Month()), t.Day())
	m := match{start: i, end: i + 5, typ: Date, val: fmtDay(t), day: t}
	// ISO 8601 with a time: "2021-12-30T20:30"
	if sep == "-" && p.glued(i+5) && p.is(i+5, "t") && p.glued(i+6) && p.glued(i+7) && p.is(i+7, ":") &&
		p.glued(i+8) && i+8 < len(p.toks) && p.toks[i+6].kind == kDigit && p.toks[i+8].kind == kDigit &&
		p.toks[i+6].num < 24 && p.toks[i+8].num < 60 {
		m.end, m.typ = i+9, Time
		m.val += "T" + pad2(p.toks[i+6].num) + ":" + pad2(p.toks[i+8].num)
	}
	return m
}

// relative: expressions anchored to the reference date: "today",
// "yesterday evening", "this week", "last month", "next Friday", "the
// weekend", "last fall".
func (p *parser) relative(i int) match {
	w := p.low(i)
	switch w {
	case "year":
		// "year-end", "year end", "year's end": the end of the year
		k := i + 1
		if p.is(k, "'") && p.is(k+1, "s") {
			k += 2
		} else {
			k = p.opt(k, "-")
		}
		if !p.is(k, "end") {
			return match{}
		}
		return match{start: i, end: k + 1, typ: Date, val: fmtYear(p.ref.Year()), mod: "END"}
	case "today", "yesterday", "tomorrow", "tonight":
		if p.toks[i].cap && i > 0 && p.toks[i-1].cap && p.toks[i-1].kind == kWord && !p.atSentenceStart(i) && p.lex(i-1) == nil {
			return match{} // "USA Today", "VOA Today": a title
		}
		t := p.ref
		switch w {
		case "yesterday":
			t = t.AddDate(0, 0, -1)
		case "tomorrow":
			t = t.AddDate(0, 0, 1)
		case "tonight":
			return match{start: i, end: i + 1, typ: Time, val: fmtDay(t) + "TNI", day: t}
		}
		m := match{start: i, end: i + 1, typ: Date, val: fmtDay(t), day: t}
		if e := p.lex(i + 1); e != nil && e.part != "" {
			m.end, m.typ, m.val = i+2, Time, m.val+"T"+e.part
		}
		return m
	case "this", "last", "next", "past", "coming", "previous", "following", "the":
	default:
		// "spring 2014", "summer '98"
		if e := p.lex(i); e != nil && e.season != "" && p.year(i+1) > 0 {
			return match{start: i, end: i + 2, typ: Date, val: fmtYear(p.year(i+1)) + "-" + e.season}
		}
		if e := p.lex(i); e != nil && e.season != "" {
			if y, k := p.shortYear(i + 1); y > 0 {
				return match{start: i, end: k, typ: Date, val: fmtYear(y) + "-" + e.season}
			}
		}
		// A season after a preposition: "in spring", "by summer".
		if e := p.lex(i); e != nil && e.season != "" && p.is(i-1, "in", "during", "by", "since", "until", "early", "late", "mid", "-") {
			tense := p.tense(i, i+1)
			if c := p.prepCue(i); c != unknown {
				tense = c
			}
			y := seasonYear(p.ref, e.season, tense)
			return match{start: i, end: i + 1, typ: Date, val: fmtYear(y) + "-" + e.season}
		}
		return match{}
	}
	j := i + 1
	if w == "the" {
		switch p.low(j) {
		case "weekend":
			return p.weekend(i, j+1, "")
		case "week":
			// "the week of March 6" is that day's week
			if p.is(j+1, "of") {
				if m := p.calendar(j + 2); m.ok() && !m.day.IsZero() {
					return match{start: i, end: m.end, typ: Date, val: fmtWeek(m.day)}
				}
			}
		case "future":
			return match{start: i, end: j + 1, typ: Date, val: "FUTURE_REF"}
		case "near", "short", "long":
			// "the near future", "the near term", "in the short term"
			if p.is(j+1, "future", "term") && !p.is(j+2, "-") && (p.low(j) == "near" || p.is(j+1, "term")) {
				return match{start: i, end: j + 2, typ: Date, val: "FUTURE_REF"}
			}
		case "past":
			if p.lex(j+1) != nil && (p.lex(j+1).unit != "" || p.lex(j+1).num > 0) {
				break
			}
			return match{start: i, end: j + 1, typ: Date, val: "PAST_REF"}
		case "present":
			if j+1 < len(p.toks) && p.toks[j+1].kind == kWord && p.lex(j+1) == nil && !p.is(j+1, "and", "or", "is", "was") {
				return match{} // "the present system": an adjective
			}
			return match{start: i, end: j + 1, typ: Date, val: "PRESENT_REF"}
		case "year", "full":
			k := p.opt(j, "full")
			if p.is(k, "year") && !p.is(k+1, "-") {
				if y := p.yearWords(k + 1); y.ok() {
					y.start = i
					return y // "the year two thousand"
				}
				if y := p.year(k + 1); y > 0 && k == j {
					return match{start: i, end: k + 2, typ: Date, val: fmtYear(y)} // "the year 1989"
				}
				if y := p.year(i - 2); y > 0 && k == j && p.is(i-1, ",") {
					// "since 2014, the year Russia annexed Crimea" names 2014 again
					return match{start: i, end: k + 1, typ: Date, val: fmtYear(y)}
				}
				if k == j && (!p.is(i-1, "of", "for", "in", "during", "through", "by", "throughout") || p.is(k+1, "ended", "ending") ||
					p.is(k+1, "to") && p.lex(k+2) != nil && p.lex(k+2).month > 0) { // "in the year to March"
					// "the year" alone is mostly a span of a year in TimeBank
					return match{start: i, end: k + 1, typ: Duration, val: "P1Y"}
				}
				return match{start: i, end: k + 1, typ: Date, val: fmtYear(p.ref.Year())}
			}
		}
		if e := p.lex(j); e != nil && e.season != "" {
			if p.is(j+1, "of") {
				// "the fall of 1998", but not "the fall of the Berlin Wall"
				if y := p.year(j + 2); y > 0 {
					return match{start: i, end: j + 3, typ: Date, val: fmtYear(y) + "-" + e.season}
				}
				if y := p.yearWords(j + 2); y.ok() {
					return match{start: i, end: y.end, typ: Date, val: y.val + "-" + e.season}
				}
				return match{}
			}
			if p.seasonIsName(i, j) {
				return match{}
			}
			y := seasonYear(p.ref, e.season, p.tense(i, j+1))
			return match{start: i, end: j + 1, typ: Date, val: fmtYear(y) + "-" + e.season}
		}
		return match{}
	}
	if w == "past" {
		return match{} // "past week" is a duration; see quantity
	}
	if w == "this" && p.is(j, "past") {
		w, j = "last", j+1 // "this past spring"
	}
	e := p.lex(j)
	if e == nil {
		return match{}
	}
	if (w == "previous" || w == "following") && e.weekday > 0 && !e.abbr && !e.plural && !p.lastDay.IsZero() {
		// "the previous Friday": the one before the last day the text
		// named; "the following Saturday" the one after it
		t := weekdayNear(p.lastDay.AddDate(0, 0, -1), e.weekday, past)
		if w == "following" {
			t = weekdayNear(p.lastDay.AddDate(0, 0, 1), e.weekday, future)
		}
		start := i
		if p.is(i-1, "the") && i-1 >= p.prevEnd {
			start = i - 1
		}
		return match{start: start, end: j + 1, typ: Date, val: fmtDay(t), day: t}
	}
	if w == "following" {
		return match{} // "the following year": see anaphoric
	}
	if w == "previous" && p.is(i-1, "the") && p.anchored(e.unit) {
		return match{} // "the previous year" is the one before the year last named: see anaphoric
	}
	if w == "coming" || w == "previous" {
		if e.unit == "" && e.weekday == 0 {
			return match{}
		}
		if w == "coming" {
			w = "next"
		} else {
			w = "last"
		}
	}
	dir := relDir(w)
	switch {
	case e.weekday > 0 && !e.abbr && !e.plural:
		return p.weekday(i, j+1, e.weekday, w)
	case e.month > 0 && !e.abbr && p.toks[j].cap:
		y := p.ref.Year()
		rm := int(p.ref.Month())
		switch dir {
		case -1:
			if e.month >= rm {
				y--
			}
		case 1:
			if e.month <= rm {
				y++
			}
		}
		return match{start: i, end: j + 1, typ: Date, val: fmtMonth(y, e.month)}
	case e.season != "":
		y := seasonYear(p.ref, e.season, dir)
		cur := seasonYear(p.ref, e.season, past)
		if dir == -1 && y == cur && seasonOf(p.ref) == e.season {
			y--
		}
		if dir == 1 && y == cur && seasonOf(p.ref) == e.season {
			y++
		}
		if dir == 0 {
			y = p.ref.Year()
			if e.season == "WI" && p.ref.Month() <= 2 {
				y--
			}
		}
		return match{start: i, end: j + 1, typ: Date, val: fmtYear(y) + "-" + e.season}
	case e.part != "" && w != "next":
		t := p.ref
		if w == "last" {
			if e.part != "NI" && e.part != "EV" {
				return match{}
			}
			t = t.AddDate(0, 0, -1)
		}
		return match{start: i, end: j + 1, typ: Time, val: fmtDay(t) + "T" + e.part, day: t}
	case e.unit == "WE":
		return p.weekend(i, j+1, w)
	case e.unit != "" && !e.plural:
		if p.is(j+1, "-") && p.glued(j+1) || p.toks[j].cap && !p.clauseStart(i) {
			return match{} // "year-end"; ABC's "This Week"
		}
		// "compared with $3 million last year" in an earnings report is
		// the quarter in focus a year before.
		if fy, fq := p.focus(); e.unit == "Y" && w == "last" && fq > 0 && p.comparison(i) && !p.longPeriod(i, j+1) {
			return match{start: i, end: j + 1, typ: Date, val: fmtYear(fy-1) + "-Q" + strconv.Itoa(fq)}
		}
		// "This quarter's loss" in a report on a past quarter is that quarter.
		if fy, fq := p.focus(); e.unit == "Q" && w == "this" && fq > 0 && p.tense(i, j+1) != future {
			return match{start: i, end: j + 1, typ: Date, val: fmtYear(fy) + "-Q" + strconv.Itoa(fq)}
		}
		val, ok := shift(p.ref, dir, e.unit)
		if !ok {
			return match{}
		}
		return match{start: i, end: j + 1, typ: Date, val: val}
	}
	return match{}
}

func seasonOf(t time.Time) string {
	switch t.Month() {
	case 3, 4, 5:
		return "SP"
	case 6, 7, 8:
		return "SU"
	case 9, 10, 11:
		return "FA"
	}
	return "WI"
}

// weekend: "this weekend" is the weekend of the reference week; "the
// weekend" the one just past in a report, the coming one in a plan.
func (p *parser) weekend(i, j int, rel string) match {
	t := p.ref
	wd := int(t.Weekday())
	switch rel {
	case "last":
		t = t.AddDate(0, 0, -7)
	case "next":
		t = t.AddDate(0, 0, 7)
	case "this":
	default:
		if p.tense(i, j) != future && wd != 0 && wd != 6 {
			t = t.AddDate(0, 0, -7)
		}
	}
	return match{start: i, end: j, typ: Date, val: fmtWeek(t) + "-WE"}
}

// quarter: fiscal quarters and halves: "the third quarter", "third-quarter",
// "the fourth quarter of 1990", "last year's first half", "the year-ago
// quarter", "the latest quarter".
func (p *parser) quarter(i int) match {
	j := p.opt(i, "the")
	y, haveY := 0, false
	// year-ago and year-earlier refer to the quarter in focus a year before
	if p.is(j, "year") && p.is(j+1, "-") && p.is(j+2, "ago", "earlier") {
		k := j + 3
		fy, fq := p.focus()
		if n, k2 := p.ordinal(k); n > 0 && n <= 4 && p.is(p.opt(k2, "-"), "quarter") {
			// "the year-earlier third quarter"
			y := quarterYear(p.ref, n, unknown) - 1
			return match{start: i, end: p.opt(k2, "-") + 1, typ: Date, val: fmtYear(y) + "-Q" + strconv.Itoa(n)}
		}
		if p.is(k, "quarter", "period") {
			k++
		} else if j != i && !p.is(k, "level", "levels", "results", "figure") {
			return match{}
		}
		if fq == 0 || p.longPeriod(i, k) {
			return match{start: i, end: k, typ: Date, val: fmtYear(fy - 1)}
		}
		return match{start: i, end: k, typ: Date, val: fmtYear(fy-1) + "-Q" + strconv.Itoa(fq)}
	}
	switch {
	case p.is(j, "this", "last", "next") && p.is(j+1, "year") && p.is(j+2, "'") && p.is(j+3, "s"):
		y, haveY = p.ref.Year()+relDir(p.low(j)), true
		j += 4
	case p.is(j, "fiscal") && p.year(j+1) > 0 && p.is(j+2, "'"):
		y, haveY = p.year(j+1), true // "fiscal 1990's first quarter"
		j += 2
		j = p.opt(j+1, "s")
	case p.year(j) > 0 && (p.is(j+1, "'") || p.lex(j+1) != nil || p.is(j+1, "fiscal", "period")):
		y, haveY = p.year(j), true
		j++
		if p.is(j, "'") {
			j = p.opt(j+1, "s")
		}
	}
	j = p.opt(j, "fiscal")
	// "the same period last year", "the comparable quarter a year ago",
	// "the quarter a year earlier": the quarter in focus a year before.
	if k := p.opt(j, "same", "corresponding", "comparable", "year-ago"); j == i+1 && p.is(i, "the") && p.is(k, "quarter", "period") {
		end := 0
		switch {
		case p.is(k+1, "last", "a") && p.is(k+2, "year") && !p.is(k+3, "-"):
			end = k + 3
			if p.is(k+1, "a") {
				if !p.is(end, "ago", "earlier") {
					end = 0
				} else {
					end++
				}
			}
		case p.is(k+1, "of"): // "the same period of (the) last year"
			if m := p.opt(k+2, "the"); p.is(m, "last") && p.is(m+1, "year") {
				end = m + 2
			}
		}
		if fy, fq := p.focus(); end > 0 && fq > 0 && !p.longPeriod(i, end) {
			return match{start: i, end: end, typ: Date, val: fmtYear(fy-1) + "-Q" + strconv.Itoa(fq)}
		}
	}
	if k := p.opt(j+1, "fiscal"); j != i && p.is(j, "latest") && p.is(k, "year") && !p.is(k+1, "-", "'") {
		// "the latest fiscal year", like "the latest quarter", is the last
		// complete one
		return match{start: i, end: k + 1, typ: Date, val: fmtYear(p.ref.Year() - 1)}
	}
	if j != i && p.is(j, "latest", "current", "recent", "same", "previous", "past", "last") && p.is(j+1, "quarter", "period") {
		// The quarter in focus, or the last complete one.
		fy, fq := p.focus()
		if p.is(j+1, "period") && p.low(j) != "latest" {
			return match{}
		}
		switch {
		case p.is(j, "previous", "past", "last"):
			fy, fq = p.lastQuarter()
		case p.is(j, "current"):
			fy, fq = p.ref.Year(), (int(p.ref.Month())-1)/3+1
		case fq == 0:
			fy, fq = p.lastQuarter()
		}
		return match{start: i, end: j + 2, typ: Date, val: fmtYear(fy) + "-Q" + strconv.Itoa(fq)}
	}
	if haveY && p.is(j, "period") {
		// "the 1988 period" in a quarterly report is that year's quarter
		// in focus.
		if _, fq := p.focus(); fq > 0 && !p.longPeriod(i, j+1) {
			return match{start: i, end: j + 1, typ: Date, val: fmtYear(y) + "-Q" + strconv.Itoa(fq)}
		}
		return match{start: i, end: j + 1, typ: Date, val: fmtYear(y)}
	}
	if p.is(j, "quarter") && !p.is(j+1, "of", "-") && (haveY || j == i+1 && p.is(i, "the")) {
		// "the quarter ended Sept. 30" is the quarter of that month;
		// "the 1988 quarter" and "the quarter" the one in focus.
		fy, fq := p.focus()
		if fq == 0 {
			fy, fq = p.lastQuarter()
		}
		if ey, em := p.endDate(j + 1); em > 0 {
			// A quarter ends with its last month; the calendar quarter
			// is that of its middle month (May to July is Q2).
			mid := em - 1
			if mid == 0 {
				mid, ey = 12, ey-1
			}
			fy, fq = ey, (mid-1)/3+1
			if p.focusQ == 0 || i-p.focusI > focusSpan {
				p.focusY, p.focusQ = fy, fq
			}
		}
		if haveY {
			fy = y
		}
		return match{start: i, end: j + 1, typ: Date, val: fmtYear(fy) + "-Q" + strconv.Itoa(fq)}
	}
	n, k := p.ordinal(j)
	unit := ""
	switch {
	case n == 0 && j > i && p.is(j, "last", "latter", "back") && p.is(j+1, "half"):
		n, k, unit = 2, j+1, "H" // "the last half of 1989", "the back half of the year"
		if !(p.is(k+1, "of") && (p.year(p.opt(k+2, "fiscal")) > 0 || p.is(k+2, "this", "last", "next", "the") && p.is(k+3, "year"))) {
			return match{} // but not "of the '80s"
		}
	case n == 0 && j > i && p.is(j, "final") && p.is(j+1, "quarter") && p.is(j+2, "of"):
		n, k, unit = 4, j+1, "Q" // "the final quarter of 2019"
	case j > i && p.is(j, "first", "last") && p.is(j+1, "two") && p.is(j+2, "quarters"):
		// "the first two quarters of 1990" is a half
		n, k, unit = 1, j+2, "H"
		if p.is(j, "last") {
			n = 2
		}
	case n == 0:
		return match{}
	default:
		k = p.opt(k, "-")
		k = p.opt(k, "fiscal")
		switch {
		case p.is(k, "quarter") && n <= 4:
			unit = "Q"
		case p.is(k, "half") && n <= 2:
			unit = "H"
		default:
			return match{}
		}
	}
	if unit == "H" && !p.is(k, "half") && !(p.is(k+1, "of") && (p.year(p.opt(k+2, "fiscal")) > 0 || p.is(k+2, "this", "last", "next") && p.is(k+3, "year"))) {
		return match{} // "the first two quarters" needs a year: "of 1990"
	}
	k++
	// "of 1990", "of this year", "of fiscal 1990", "1990" right after
	if !haveY {
		k2 := p.opt(k, "of")
		k2 = p.opt(k2, "fiscal")
		if yy := p.year(k2); yy > 0 {
			y, haveY, k = yy, true, k2+1
		} else if p.is(k2, "this", "last", "next") && p.is(k2+1, "year") && k2 != k {
			y, haveY, k = p.ref.Year()+relDir(p.low(k2)), true, k2+2
		} else if p.is(k2, "the") && p.is(k2+1, "year") && k2 != k {
			y, haveY, k = p.ref.Year(), true, k2+2
		}
	}
	if ey, em := p.endDate(k); !haveY && unit == "Q" && em > 0 {
		// "the second quarter ended Oct. 31": the fiscal quarter is
		// labelled with the year of its end
		y, haveY = ey, true
	}
	if !haveY {
		tense := p.tense(i, k)
		if unit == "Q" {
			y = quarterYear(p.ref, n, tense)
		} else {
			y = quarterYear(p.ref, 2*n, tense)
		}
	}
	if ly, lq := p.lastQuarter(); unit == "Q" && (p.focusQ == 0 || i-p.focusI > focusSpan ||
		// a later report in the text on the last complete quarter
		y == ly && n == lq && !haveY && !p.inSentence(p.focusI, i)) && y >= p.ref.Year()-1 {
		// The first recent quarter a report names is the one it is about.
		p.focusY, p.focusQ = y, n
	}
	if unit == "Q" && p.focusY == y && p.focusQ == n {
		p.focusI = i
	}
	start := i
	if p.is(i, "the") && p.is(k-2, "-") && !haveY {
		start++ // "the third-quarter results": the adjective alone
	}
	return match{start: start, end: k, typ: Date, val: fmtYear(y) + "-" + unit + strconv.Itoa(n)}
}

// endDate reads "ended Sept. 30" or "ending June 30, 1990" at k and
// returns the year and month of that end, or 0, 0. A period that ended
// lies in the past.
func (p *parser) endDate(k int) (int, int) {
	if !p.is(k, "ended", "ending") {
		return 0, 0
	}
	e := p.lex(k + 1)
	if e == nil || e.month == 0 {
		return 0, 0
	}
	j := k + 2
	if e.abbr {
		j = p.opt(j, ".")
	}
	tense := unknown
	if p.is(k, "ended") {
		tense = past
	}
	d, j2 := p.day(j)
	if d == 0 {
		return monthYear(p.ref, e.month, tense), e.month
	}
	if y := p.year(p.opt(j2, ",")); y > 0 {
		return y, e.month
	}
	return dayYear(p.ref, e.month, d, tense), e.month
}

// comparison reports whether the expression at token i compares an
// amount with an earlier one: "compared with a loss of $3 million last
// year", "up from $4 million a year earlier", "last year's $1.55 billion".
func (p *parser) comparison(i int) bool {
	for k := i - 1; k >= 0 && k >= i-cueWindow && !p.boundary(k); k-- {
		if p.is(k, "from", "with", "than", "against", "versus") || p.toks[k].kind == kDigit && p.is(k-1, "$") {
			return true
		}
	}
	return false
}

// longPeriod reports whether the sentence around tokens [i, j) reports a
// period longer than a quarter ("For the nine months, ... a year
// earlier", "the year-earlier nine months"), which a year-ago comparison
// then refers to instead of the quarter in focus.
func (p *parser) longPeriod(i, j int) bool {
	long := func(k int) bool {
		if p.is(k, "months", "month") {
			n, _, ok := p.count(k - 1)
			if !ok {
				n, _, ok = p.count(k - 2) // "nine-month"
			}
			v, err := strconv.Atoi(n)
			return ok && err == nil && v >= 6
		}
		return p.is(k, "year") && p.is(k-1, "the", "full", "fiscal") && !p.is(k+1, "-", "earlier", "ago")
	}
	for k := i - 1; k >= 0 && k >= i-40 && !p.boundary(k); k-- {
		if long(k) {
			return true
		}
	}
	for k := j; k < len(p.toks) && k < j+3; k++ {
		if long(k) {
			return true
		}
	}
	return false
}

// inSentence reports whether tokens a <= b are in the same sentence.
func (p *parser) inSentence(a, b int) bool {
	for k := a; k < b; k++ {
		if p.boundary(k) {
			return false
		}
	}
	return true
}

// focusSpan is how far (in tokens) a named quarter stays in focus: about
// a paragraph or two of an earnings report.
const focusSpan = 300

// focus returns the quarter in focus, or the reference year and 0.
func (p *parser) focus() (int, int) {
	if p.focusQ > 0 && p.curI-p.focusI <= focusSpan {
		return p.focusY, p.focusQ
	}
	return p.ref.Year(), 0
}

// lastQuarter is the last complete quarter before the reference date.
func (p *parser) lastQuarter() (int, int) {
	q := (int(p.ref.Month())-1)/3 + 1 - 1
	if q == 0 {
		return p.ref.Year() - 1, 4
	}
	return p.ref.Year(), q
}

// ordinal reads "third", "3rd" or "3d" at i.
func (p *parser) ordinal(i int) (int, int) {
	if e := p.lex(i); e != nil && e.ord > 0 {
		return e.ord, i + 1
	}
	if i < len(p.toks) && p.toks[i].kind == kDigit && p.toks[i].num > 0 && p.toks[i].num < 100 &&
		p.glued(i+1) && p.is(i+1, "st", "nd", "rd", "th", "d") {
		return p.toks[i].num, i + 2
	}
	return 0, i
}

// holiday: fixed and movable holidays ("Christmas", "New Year's Day",
// "Thanksgiving").
func (p *parser) holiday(i int) match {
	if i >= len(p.toks) {
		return match{}
	}
	if !p.toks[i].cap {
		return match{}
	}
	j := i
	m, d := 0, 0
	var nth func(y int) time.Time
	switch p.low(j) {
	case "christmas":
		m, d = 12, 25
		j++
		if p.is(j, "eve") {
			d = 24
			j++
		} else {
			j = p.opt(j, "day")
		}
	case "new":
		// "New Year's Day", "New Year's Eve", "New Year's", "New Year"
		// (but not the "Chinese New Year")
		if !p.is(j+1, "year") || !p.toks[j+1].cap || p.is(j-1, "chinese", "lunar") {
			return match{}
		}
		m, d = 1, 1
		j += 2
		if p.is(j, "'") && p.is(j+1, "s") {
			j += 2
		}
		if p.is(j, "eve") {
			m, d = 12, 31
		}
		j = p.opt(j, "day", "eve")
	case "easter", "good":
		// Easter Sunday (and Monday), Good Friday; "Easter week" ends on Easter
		off := 0
		switch {
		case p.is(j, "good"):
			if !p.is(j+1, "friday") || !p.toks[j+1].cap {
				return match{}
			}
			off, j = -2, j+2
		case p.is(j+1, "monday"):
			off, j = 1, j+2
		case p.is(j+1, "week"):
			k := j + 2
			y := p.ref.Year()
			if yy := p.year(p.opt(k, ",")); yy > 0 {
				y, k = yy, p.opt(k, ",")+1
			} else if easter(y).After(p.ref.AddDate(0, 0, 183)) {
				y--
			}
			return match{start: i, end: k, typ: Date, val: fmtWeek(easter(y))}
		default:
			j = p.opt(j+1, "sunday", "day")
		}
		m, d = 4, 1
		nth = func(y int) time.Time { return easter(y).AddDate(0, 0, off) }
	default:
		if nth, j = p.namedDay(i); nth == nil {
			return match{}
		}
	}
	if j < len(p.toks) && p.toks[j].cap && p.toks[j].kind == kWord && p.lex(j) == nil && !p.boundary(j-1) {
		return match{} // "the Good Friday Agreement", "Christmas Island"
	}
	var y int
	k := p.opt(j, ",")
	if yy := p.year(k); yy > 0 {
		y, j = yy, k+1
	} else {
		// A holiday within a month of the reference is that one, whatever
		// the tense ("Cyber Monday still to come", "a strong Christmas").
		if nth != nil {
			t0 := nth(p.ref.Year())
			m, d = int(t0.Month()), t0.Day()
		}
		tense := p.tense(i, j)
		if c := p.prepCue(i); c != unknown {
			tense = c // "a government in place by Easter"
		}
		if near := dayYear(p.ref, m, d, unknown); date(near, m, d).Sub(p.ref).Abs() <= 31*24*time.Hour {
			tense = unknown
		}
		y = dayYear(p.ref, m, d, tense)
	}
	t := date(y, m, d)
	if nth != nil {
		t = nth(y)
	}
	if p.is(j, "week") && !p.is(j+1, "-") {
		return match{start: i, end: j + 1, typ: Date, val: fmtWeek(t)} // "Christmas week"
	}
	return match{start: i, end: j, typ: Date, val: fmtDay(t), day: t}
}

// A namedDay is a holiday of the table: its words as scan splits them and
// its date in a year.
type namedDay struct {
	words []string
	day   func(y int) time.Time
}

// namedDays are the holidays without a rule of their own, longest names
// first ("Thanksgiving Day" before "Thanksgiving").
var namedDays = func() []namedDay {
	fixed := func(m, d int) func(int) time.Time { return func(y int) time.Time { return date(y, m, d) } }
	nthOf := func(m int, wd time.Weekday, n, after int) func(int) time.Time {
		return func(y int) time.Time { return nthWeekday(y, m, int(wd), n).AddDate(0, 0, after) }
	}
	fromEaster := func(days int) func(int) time.Time {
		return func(y int) time.Time { return easter(y).AddDate(0, 0, days) }
	}
	var out []namedDay
	for name, day := range map[string]func(int) time.Time{
		"Independence Day": fixed(7, 4), "Fourth of July": fixed(7, 4), "July Fourth": fixed(7, 4),
		"Halloween": fixed(10, 31), "Valentine's Day": fixed(2, 14),
		"Boxing Day": fixed(12, 26), "Hogmanay": fixed(12, 31), "Burns Night": fixed(1, 25),
		"Remembrance Day": fixed(11, 11), "Armistice Day": fixed(11, 11), "Veterans Day": fixed(11, 11),
		"Bonfire Night": fixed(11, 5), "Guy Fawkes Night": fixed(11, 5), "Bastille Day": fixed(7, 14),
		"Juneteenth": fixed(6, 19), "May Day": fixed(5, 1), "Inauguration Day": fixed(1, 20),
		"St Patrick's Day": fixed(3, 17), "St. Patrick's Day": fixed(3, 17),
		"Thanksgiving": nthOf(11, time.Thursday, 4, 0), "Thanksgiving Day": nthOf(11, time.Thursday, 4, 0),
		"Black Friday": nthOf(11, time.Thursday, 4, 1), "Cyber Monday": nthOf(11, time.Thursday, 4, 4),
		"Labor Day": nthOf(9, time.Monday, 1, 0), "Memorial Day": nthOf(5, time.Monday, -1, 0),
		"Election Day":           nthOf(11, time.Monday, 1, 1), // the Tuesday after the first Monday
		"Remembrance Sunday":     nthOf(11, time.Sunday, 2, 0),
		"Martin Luther King Day": nthOf(1, time.Monday, 3, 0), "Martin Luther King Jr. Day": nthOf(1, time.Monday, 3, 0),
		"Presidents Day": nthOf(2, time.Monday, 3, 0), "Presidents' Day": nthOf(2, time.Monday, 3, 0),
		"Columbus Day": nthOf(10, time.Monday, 2, 0), "Father's Day": nthOf(6, time.Sunday, 3, 0),
		"Mothering Sunday": fromEaster(-21), "Ash Wednesday": fromEaster(-46), "Shrove Tuesday": fromEaster(-47),
		"Pancake Day": fromEaster(-47), "Maundy Thursday": fromEaster(-3), "Whit Sunday": fromEaster(49),
		"Pentecost": fromEaster(49), "Whit Monday": fromEaster(50),
	} {
		nd := namedDay{day: day}
		for _, t := range scan(name, asciiLower(name), nil) {
			nd.words = append(nd.words, t.low)
		}
		out = append(out, nd)
	}
	sort.Slice(out, func(a, b int) bool {
		if len(out[a].words) != len(out[b].words) {
			return len(out[a].words) > len(out[b].words)
		}
		return strings.Join(out[a].words, " ") < strings.Join(out[b].words, " ")
	})
	return out
}()

// namedDay reads a holiday of the namedDays table at token i and returns
// its date in a year and the token after it, or nil.
func (p *parser) namedDay(i int) (func(y int) time.Time, int) {
next:
	for _, nd := range namedDays {
		for k, w := range nd.words {
			if !p.is(i+k, w) {
				continue next
			}
		}
		return nd.day, i + len(nd.words)
	}
	return nil, i
}

// easter returns the date of Easter Sunday in the Gregorian calendar
// (the anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, month, day)
}

// nthWeekday returns the n-th (n = -1: last) weekday wd (0 = Sunday) of a month.
func nthWeekday(y, m, wd, n int) time.Time {
	if n < 0 {
		t := date(y, m+1, 1).AddDate(0, 0, -1)
		for int(t.Weekday()) != wd {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	t := date(y, m, 1)
	for int(t.Weekday()) != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}

// dayBefore reads "the day before yesterday", "the day after Christmas",
// "the day before last Tuesday('s hearing)": a day next to another.
func (p *parser) dayBefore(i int) match {
	if !p.is(i, "day") || !p.is(i+1, "before", "after") || !p.is(i-1, "the") {
		return match{}
	}
	a := p.anchor(i + 2)
	if !a.ok() || a.typ != Date || a.day.IsZero() || len(a.val) != 10 {
		return match{}
	}
	t := a.day.AddDate(0, 0, 1)
	if p.is(i+1, "before") {
		t = a.day.AddDate(0, 0, -1)
	}
	return match{start: i, end: a.end, typ: Date, val: fmtDay(t), day: t}
}

// nthDay reads "the first Monday of May", "the last Friday in June 2013".
func (p *parser) nthDay(i int) match {
	if !p.is(i, "the") {
		return match{}
	}
	n, j := p.ordinal(i + 1)
	if n == 0 && p.is(i+1, "last") {
		n, j = -1, i+2
	}
	e := p.lex(j)
	if n == 0 || n > 5 || e == nil || e.weekday == 0 || e.plural || !p.is(j+1, "of", "in") {
		return match{}
	}
	m := p.lex(j + 2)
	if m == nil || m.month == 0 || !p.toks[j+2].cap {
		return match{}
	}
	end, y := j+3, 0
	if yy := p.year(p.opt(end, ",")); yy > 0 {
		y, end = yy, p.opt(end, ",")+1
	} else {
		y = monthYear(p.ref, m.month, p.tense(i, end))
	}
	t := nthWeekday(y, m.month, e.weekday-1, n)
	if int(t.Month()) != m.month {
		return match{}
	}
	return match{start: i, end: end, typ: Date, val: fmtDay(t), day: t}
}

// dayList reads the second day of "April 24 and 25" or "May 10 to 12"
// in the month of the first.
func (p *parser) dayList(i int) match {
	if p.prevDay.IsZero() || p.prevEnd != i-1 || !p.is(i-1, "and", "or", "to", "through", "-", "–", ",") {
		return match{}
	}
	d, k := p.day(i)
	if p.is(i-1, ",") && !p.is(k, ",", "and", "or") {
		return match{} // "March 3, 5 and 9", but not "on March 3, 5 people died"
	}
	if d <= p.prevDay.Day() || k < len(p.toks) && (p.toks[k].kind == kWord && p.lex(k) != nil || p.is(k, "%", "-")) {
		return match{}
	}
	t := date(p.prevDay.Year(), int(p.prevDay.Month()), d)
	if t.Day() != d {
		return match{}
	}
	return match{start: i, end: k, typ: Date, val: fmtDay(t), day: t}
}

// anchor is any expression a modifier can apply to.
func (p *parser) anchor(i int) match {
	if i >= len(p.toks) {
		return match{}
	}
	var b match
	for _, r := range []func(*parser, int) match{(*parser).calendar, (*parser).numeric, (*parser).relative,
		(*parser).quarter, (*parser).holiday} {
		if m := r(p, i); m.ok() && m.end > b.end {
			b = m
		}
	}
	if b.ok() {
		return b
	}
	// "the early 20th century"
	if n, k := p.ordinal(i); n > 0 && p.is(k, "century") {
		return match{start: i, end: k + 1, typ: Date, val: pad2(n - 1)}
	}
	// "the month", "the week", "the decade" inside "the end of the month"
	if p.is(i, "the") {
		switch p.low(i + 1) {
		case "month":
			return match{start: i, end: i + 2, typ: Date, val: fmtMonth(p.ref.Year(), int(p.ref.Month()))}
		case "week":
			return match{start: i, end: i + 2, typ: Date, val: fmtWeek(p.ref)}
		case "day":
			return match{start: i, end: i + 2, typ: Date, val: fmtDay(p.ref), day: p.ref}
		case "decade":
			return match{start: i, end: i + 2, typ: Date, val: strconv.Itoa(p.ref.Year() / 10)}
		case "century":
			return match{start: i, end: i + 2, typ: Date, val: strconv.Itoa(p.ref.Year() / 100)}
		}
	}
	return match{}
}

var partMods = map[string]string{"early": "START", "earlier": "START", "mid": "MID", "late": "END",
	"later": "END", "end": "END", "beginning": "START", "start": "START", "middle": "MID"}

// modified: an anchor with a part-of-period modifier: "early December",
// "mid-1990s", "late yesterday", "earlier this month", "the end of 1990".
func (p *parser) modified(i int) match {
	j := i
	if p.is(j, "the") {
		j++
		if !p.is(j, "end", "beginning", "start", "middle") || !p.is(j+1, "of") {
			return match{}
		}
	} else if !p.is(j, "early", "earlier", "mid", "late", "later", "end", "beginning", "start", "middle") {
		return match{}
	}
	mod := partMods[p.low(j)]
	word := p.low(j)
	j++
	if word == "end" || word == "beginning" || word == "start" || word == "middle" {
		switch {
		case p.is(j, "of"):
			j++
		case word == "end" && p.is(j, "-") && p.glued(j) && p.year(j+1) > 0:
			// "by end-2025"
		default:
			return match{}
		}
	}
	j = p.opt(j, "-")
	if e := p.lex(j); e != nil && e.part != "" && (word == "early" || word == "late" || word == "mid") && !p.is(j-1, "in") {
		// "mid-afternoon yesterday", "late Tuesday night" is read as the
		// day; "early morning" alone is the morning of the day in view.
		d, end := p.dayFor(i), j+1
		if m := p.dayAfter(i, j+1); m.ok() && m.typ == Date {
			d, end = m.day, m.end
		} else if p.is(j+1, "yesterday", "today") {
			d, end = p.ref, j+2
			if p.is(j+1, "yesterday") {
				d = d.AddDate(0, 0, -1)
			}
		} else if !p.is(i-1, "in", "by", "at", "until", "since", "from", "after", "before", "during") {
			return match{}
		}
		return match{start: i, end: end, typ: Time, val: fmtDay(d) + "T" + e.part, mod: mod}
	}
	if word == "early" || word == "late" || word == "mid" {
		if p.is(j, "in") && p.is(j+1, "the") && p.is(j+2, "day") {
			return match{} // "late in the day": TimeBank leaves it out
		}
		j = p.opt(j, "in")
		if p.is(j, "on") && p.lex(j+1) != nil && (p.lex(j+1).weekday > 0 || p.lex(j+1).month > 0) {
			j++ // "late on Tuesday"
		}
	}
	// "earlier this month" and "later this year" need this/next/last;
	// "earlier in the year" an article.
	var a match
	switch {
	case word != "earlier" && word != "later" || p.is(j, "this", "next", "last", "today"):
		a = p.anchor(j)
	case p.is(j, "in") && p.is(j+1, "the") && !p.is(j+2, "day"):
		a = p.anchor(j + 1) // "earlier in the year"; TimeBank leaves "later in the day" out
	}
	if !a.ok() || a.typ != Date && a.typ != Time {
		return match{}
	}
	if a.typ == Time {
		return match{}
	}
	a.start, a.mod = i, mod
	return a
}

// quantity: expressions built on a number of units: durations ("two
// hours", "the past three years", "a 10-year"), and dates counted from the
// reference ("three days ago", "a year earlier", "two weeks from now").
func (p *parser) quantity(i int) match {
	mod, j := p.approximator(i)
	afterMod := j
	lead := ""
	if p.is(j, "the") {
		j++
		if p.is(j, "past", "last", "next", "first", "coming", "previous", "following", "final", "latest") {
			lead = p.low(j)
			j++
		} else if p.is(j, "recent") {
			lead = "recent"
			j++
		}
	} else if p.is(j, "past", "last", "next", "recent", "first", "coming") && j == i &&
		!p.is(i-1, "to", "will", "ll", "would", "could", "may", "might", "should", "must", "can", "not") { // "expected to last six weeks"
		lead = p.low(j)
		j++
	}
	if n, k := p.ordinal(j); n > 0 && p.is(k, "century") && lead == "" && mod == "" {
		return match{start: i, end: k + 1, typ: Date, val: pad2(n - 1)}
	}
	if lead == "" && mod == "" && j == i && p.is(i-1, "for", "within", "in", "over", "take", "takes", "took", "taking") {
		// "for years", "within weeks", "could take months": an unknown number of units
		if e := p.lex(j); e != nil && e.plural && e.unit != "" && e.unit != "WE" && e.unit != "Q" && e.unit != "S" {
			return match{start: i, end: j + 1, typ: Duration, val: durValue("X", e.unit)}
		}
	}
	if p.is(i, "the") && p.is(i+1, "fiscal") && p.is(i+2, "year") && p.year(i+3) == 0 {
		return match{start: i, end: i + 3, typ: Duration, val: "P1Y"}
	}
	q, k, ok := p.count(j)
	if !ok {
		return p.uncounted(i, afterMod, j, lead, mod)
	}
	return p.counted(i, afterMod, j, k, q, lead, mod)
}

// counted reads the units after a count q (tokens [j, k)) and what follows
// them: "two to three weeks", "a 10-year", "three days ago", "a year
// earlier", "in five years". Tokens [i, afterMod) are an approximator.
func (p *parser) counted(i, afterMod, j, k int, q, lead, mod string) match {
	// "two to three weeks", "12 to 18 months"
	if p.is(k, "to", "or") {
		if q2, k2, ok2 := p.count(k + 1); ok2 {
			if e := p.lex(k2); e != nil && e.unit != "" {
				if q2 != q {
					q = "X"
					if p.is(k2-1, "hundred") {
						return match{}
					}
				}
				k = k2
				if lead == "" {
					q, _, _ = p.count(j)
				}
			}
		}
	}
	// "two more weeks", "an additional year", "three straight days"
	if e := p.lex(k + 1); e != nil && e.unit != "" && p.is(k, "more", "additional", "extra", "further", "straight", "consecutive", "full") {
		k++
	}
	// "eight trading days", "ten business days"
	if e := p.lex(k + 1); e != nil && e.unit == "D" && p.is(k, "trading", "business", "working") {
		k++
	}
	hyphen := p.is(k, "-")
	if hyphen {
		k++
	}
	e := p.lex(k)
	if e == nil || e.unit == "" {
		return match{}
	}
	unit := e.unit
	if p.toks[k].cap && !p.toks[k-1].cap && !p.atSentenceStart(k) {
		return match{} // "60 Minutes", a title
	}
	single := q == "1" && !hyphen
	if p.is(j, "a", "an") && (unit == "S" || unit == "MIN" && !p.is(j+1, "minute")) {
		return match{}
	}
	if unit == "Q" {
		if p.is(k+1, "of") || p.is(j, "a") {
			return match{}
		}
	}
	if unit == "S" && p.is(j, "one") {
		return match{}
	}
	if e.plural && q == "1" && !hyphen {
		return match{} // "a decades-long dispute" is not "a decades"
	}
	if n, err := strconv.Atoi(q); err == nil && n >= 1000 && (unit == "Q" || !e.plural) {
		return match{} // "the 1988 quarter" is a quarter, not 1988 of them
	}
	if p.is(k+1, "-") && p.is(k+2, "earlier", "ago") {
		return match{} // "a year-earlier": the "year-earlier" rule
	}
	if !hyphen && p.is(k+1, "-") && p.glued(k+1) && p.is(k+2, "long") && q == "1" {
		return match{start: k, end: k + 3, typ: Duration, val: durValue(q, unit)} // "a day-long meeting"
	}
	k++
	// "a year and a half", "two and a half years" handled in count
	if p.is(k, "and") && p.is(k+1, "a", "one") && p.is(k+2, "half") {
		if n, err := strconv.Atoi(q); err == nil {
			q = strconv.Itoa(n) + ".5"
			k += 3
		}
	}
	if hyphen && p.is(k, "-") && p.is(k+1, "old") {
		return match{}
	}
	// "a week or so ago" is "a week ago", approximately
	if !hyphen && p.is(k, "or") && p.is(k+1, "so") && p.is(k+2, "ago", "earlier", "later", "before") {
		k += 2
		if mod == "" {
			mod = "APPROX"
		}
	}
	if hyphen && p.is(k, "-") && p.is(k+1, "long") {
		k += 2
	}
	// "Islam will one day be": some day to come
	if i == j && p.is(j, "one") && unit == "D" && !hyphen && p.is(i-1, "will", "would", "could", "may", "might", "can", "should", "must") {
		return match{start: i, end: k, typ: Date, val: "FUTURE_REF"}
	}
	// A count from the reference date.
	if lead == "" {
		switch {
		case p.is(k, "ago"), p.is(k, "earlier", "before") && !hyphen, p.is(k, "later", "hence") && !hyphen,
			p.is(k, "from") && p.is(k+1, "now"):
			dir := -1
			end := k + 1
			if p.is(k, "later", "hence", "from") {
				dir = 1
			}
			// TimeBank marks "three days later" and "a day earlier" as the
			// duration only; "a year earlier" is the year (or quarter) before.
			if p.is(k, "earlier", "later", "before") && !(unit == "Y" && q == "1") {
				break
			}
			if p.is(k, "from") {
				end = k + 2
			}
			if q == "X" {
				v := "PAST_REF"
				if dir > 0 {
					v = "FUTURE_REF"
				}
				return match{start: i, end: end, typ: Date, val: v, mod: mod}
			}
			n, err := strconv.Atoi(q)
			if err != nil {
				return match{}
			}
			// "a year earlier" in an earnings report is the quarter in focus a year before.
			if fy, fq := p.focus(); unit == "Y" && n == 1 && fq > 0 && !p.longPeriod(i, end) {
				return match{start: i, end: end, typ: Date, mod: mod,
					val: fmtYear(fy+dir*n) + "-Q" + strconv.Itoa(fq)}
			}
			// "Elections were held in 2019. A year earlier, ...": counted
			// from the year the text is about, when that is not this one.
			if unit == "Y" && p.is(k, "earlier", "later") && p.lastYear != 0 && p.lastYear < p.ref.Year() && i-p.lastYearI <= 25 {
				return match{start: i, end: end, typ: Date, val: fmtYear(p.lastYear + dir*n), mod: mod}
			}
			val, ok := shift(p.ref, dir*n, unit)
			if !ok {
				return match{}
			}
			return match{start: i, end: end, typ: Date, val: val, mod: mod}
		}
	}
	// "in five years" in a plan is the year five years on.
	if lead == "" && mod == "" && !hyphen && p.is(i-1, "in") && q != "X" && !strings.Contains(q, ".") && p.tense(i, k) == future {
		if n, err := strconv.Atoi(q); err == nil && unit != "H" && unit != "MIN" && unit != "S" {
			if val, ok := shift(p.ref, n, unit); ok {
				return match{start: i, end: k, typ: Date, val: val}
			}
		}
	}
	if single && lead == "" && (unit == "WE") {
		return match{}
	}
	if single && lead == "" && p.is(j, "a", "an") && p.is(i-1, "times") && i >= 2 &&
		(p.toks[i-2].kind == kDigit || p.lex(i-2) != nil && p.lex(i-2).num > 0) {
		return match{start: i - 2, end: k, typ: Set, val: durValue("1", unit)} // "three times a day"
	}
	// "a year" after an amount is a rate ("$5 million a year"), which
	// TimeBank leaves unmarked; so are ages ("52 years old").
	if p.is(j, "a", "an", "per") && !hyphen && lead == "" && mod == "" && p.afterAmount(i) {
		return match{}
	}
	if p.is(k, "old") && !hyphen {
		return match{}
	}
	if single && lead == "" && p.is(j, "a", "an") && p.is(i-1, "once", "twice", "thrice") {
		return match{start: i - 1, end: k, typ: Set, val: durValue("1", unit)} // "twice a week"
	}
	if lead == "first" && q == "1" || lead == "latest" && q == "1" {
		return match{}
	}
	// TimeBank keeps "nearly", "more than", "at least" in the span but
	// leaves "about" out (as the mod only), and the article of a
	// hyphenated adjective ("the 14-day period") too.
	start := i
	if p.is(i, "about", "approximately", "some") {
		start = afterMod
	}
	if hyphen && p.is(start, "the") && lead == "" {
		start++
	}
	val := durValue(q, unit)
	// "four hours and 57 minutes", "2 hours 30 minutes": one duration
	if lead == "" && !hyphen && !strings.ContainsAny(q, "X.") && durRank[unit] > 0 {
		if q2, k2, ok := p.count(p.opt(k, "and", ",")); ok && !strings.ContainsAny(q2, "X.") {
			if e2 := p.lex(k2); e2 != nil && durRank[e2.unit] > durRank[unit] {
				val, k = joinDurations(val, durValue(q2, e2.unit)), k2+1
			}
		}
	}
	return match{start: start, end: k, typ: Duration, val: val, mod: mod}
}

// durRank orders the units a duration can chain, largest first.
var durRank = map[string]int{"Y": 1, "M": 2, "W": 3, "D": 4, "H": 5, "MIN": 6, "S": 7}

// joinDurations writes two durations as one: PT4H and PT57M are PT4H57M,
// P3D and PT12H P3DT12H.
func joinDurations(a, b string) string {
	ad, at, _ := strings.Cut(strings.TrimPrefix(a, "P"), "T")
	bd, bt, _ := strings.Cut(strings.TrimPrefix(b, "P"), "T")
	v := "P" + ad + bd
	if at+bt != "" {
		v += "T" + at + bt
	}
	return v
}

// uncounted reads units without a number: "decades-long", "recent weeks",
// "the next few days" (given as X), "the past year", "the past decade".
func (p *parser) uncounted(i, afterMod, j int, lead, mod string) match {
	e := p.lex(j)
	if e != nil && e.plural && e.unit != "" && p.is(j+1, "-") && p.is(j+2, "long", "old") && lead == "" {
		if p.is(j+2, "old") {
			return match{}
		}
		return match{start: i, end: j + 3, typ: Duration, val: durValue("X", e.unit)} // "decades-long"
	}
	// "a day-long meeting", "his year-long campaign"
	if e != nil && !e.plural && e.unit != "" && e.unit != "WE" && j == i && lead == "" && mod == "" && p.is(j+1, "-") && p.is(j+2, "long") && p.glued(j+1) {
		return match{start: i, end: j + 3, typ: Duration, val: durValue("1", e.unit)}
	}
	// "the weeks ahead", "over the years": an unknown number of units
	if lead == "" && mod == "" && p.is(i, "the") && j == i+1 && e != nil && e.plural && e.unit != "" && e.unit != "WE" && e.unit != "Q" &&
		(p.is(j+1, "ahead") || p.is(i-1, "over", "through", "throughout") && !p.is(j+1, "of", "since", "before", "after", "that", "when", "between")) {
		end := j + 1
		if p.is(j+1, "ahead") {
			end++
		}
		return match{start: i, end: end, typ: Duration, val: durValue("X", e.unit)}
	}
	if lead == "" || e == nil || e.unit == "" || e.unit == "WE" {
		return match{}
	}
	if !e.plural {
		// "the past year", "the last decade": TimeBank marks the
		// previous unit, a date.
		if !p.is(i, "the") || mod != "" || e.unit == "D" || lead == "previous" && p.anchored(e.unit) {
			return match{} // "the next day" follows the story: see anaphoric
		}
		if e.unit == "DE" || e.unit == "CE" {
			// "the past decade" is the ten years up to now
			return match{start: i, end: j + 1, typ: Duration, val: durValue("1", e.unit)}
		}
		dir := 0
		switch lead {
		case "past", "last", "previous":
			dir = -1
		case "next", "coming":
			dir = 1
		default:
			return match{}
		}
		if val, ok := shift(p.ref, dir, e.unit); ok {
			return match{start: i, end: j + 1, typ: Date, val: val}
		}
		return match{}
	}
	return p.counted(i, afterMod, j, j, "X", lead, mod)
}

// approximator reads "about", "nearly", "more than", "up to", ... at i and
// returns its TIMEX3 mod and the index after it.
func (p *parser) approximator(i int) (string, int) {
	switch {
	case p.is(i, "up") && p.is(i+1, "to"):
		return "EQUAL_OR_LESS", i + 2
	case p.is(i, "more") && p.is(i+1, "than"):
		return "MORE_THAN", i + 2
	case p.is(i, "less") && p.is(i+1, "than"):
		return "LESS_THAN", i + 2
	case p.is(i, "at") && p.is(i+1, "least"):
		return "EQUAL_OR_MORE", i + 2
	case p.is(i, "nearly", "almost"):
		return "LESS_THAN", i + 1
	case p.is(i, "about", "around", "approximately") && !p.is(i+1, "of"):
		return "APPROX", i + 1
	case p.is(i, "some"):
		if _, _, ok := p.count(i + 1); ok {
			return "APPROX", i + 1
		}
	}
	return "", i
}

// afterAmount reports whether the token before i ends an amount ("$5
// million", "10%", "2,000 barrels").
func (p *parser) afterAmount(i int) bool {
	if i == 0 {
		return false
	}
	prev := &p.toks[i-1]
	if prev.kind == kDigit || prev.low == "%" {
		return true
	}
	// "four flights a week", "24 hours a day", "dozens of interviews a day"
	if prev.kind == kWord && len(prev.low) > 2 && prev.low[len(prev.low)-1] == 's' && i >= 2 {
		k := i - 2
		if p.is(k, "of") || p.toks[k].kind == kWord && p.lex(k) == nil && k >= 1 && (p.toks[k-1].kind == kDigit || p.lex(k-1) != nil && p.lex(k-1).num > 0) {
			k-- // "dozens of interviews", "four new flights"
		}
		if k >= 0 && (p.toks[k].kind == kDigit || p.lex(k) != nil && p.lex(k).num > 0 || p.is(k, "dozens", "hundreds", "thousands", "millions")) {
			return true
		}
	}
	switch prev.low {
	case "million", "billion", "trillion", "thousand", "cents", "dollars", "percent", "times", "barrels",
		"tons", "shares", "yen", "marks", "pounds", "euros", "units", "people", "visitors":
		return true
	}
	return false
}

// count reads a number of units at i: digits ("3", "2.5"), number words
// ("twenty-five"), "a"/"an" (one), and vague counts ("several", "a few").
func (p *parser) count(i int) (string, int, bool) {
	if i >= len(p.toks) {
		return "", i, false
	}
	t := &p.toks[i]
	switch {
	case t.kind == kDigit:
		if t.num < 0 || (i > 0 && !t.sp && p.is(i-1, ",", ".", "$")) {
			return "", i, false
		}
		if p.glued(i+1) && p.is(i+1, ",") && p.glued(i+2) && i+2 < len(p.toks) && p.toks[i+2].kind == kDigit {
			return "", i, false
		}
		if p.glued(i+1) && p.is(i+1, ".") && p.glued(i+2) && i+2 < len(p.toks) && p.toks[i+2].kind == kDigit {
			return strconv.Itoa(t.num) + "." + p.low(i+2), i + 3, true
		}
		// "5 1/2 hours"
		if p.is(i+1, "1") && p.is(i+2, "/") && p.is(i+3, "2") && p.glued(i+2) && p.glued(i+3) {
			return strconv.Itoa(t.num) + ".5", i + 4, true
		}
		return strconv.Itoa(t.num), i + 1, true
	case t.low == "a" || t.low == "an":
		switch {
		case p.is(i+1, "few", "couple"):
			j := i + 2
			j = p.opt(j, "of")
			if p.is(i+1, "couple") {
				return "2", j, true
			}
			return "X", j, true
		case p.is(i+1, "half"):
			return "0.5", i + 2, true
		case p.is(i+1, "quarter") && p.is(i+2, "of") && p.is(i+3, "a", "an") && p.lex(i+4) != nil && (p.lex(i+4).unit == "CE" || p.lex(i+4).unit == "DE"):
			return "0.25", i + 4, true // "a quarter of a century"
		}
		return "1", i + 1, true
	case t.low == "several" || t.low == "few" || t.low == "many" || t.low == "some" || t.low == "numerous":
		return "X", i + 1, true
	case t.low == "couple" && p.is(i+1, "of") && p.is(i-1, "past", "last", "next", "coming", "previous", "first"):
		return "2", i + 2, true // "the next couple of years"
	case t.low == "half":
		k := p.opt(i+1, "a", "an")
		return "0.5", k, true
	}
	e := t.lex
	if e == nil || e.num == 0 && t.low != "zero" {
		return "", i, false
	}
	n := e.num
	j := i + 1
	if n >= 20 && n < 100 && n%10 == 0 {
		// "twenty-four", "twenty four"
		k := p.opt(j, "-")
		if e2 := p.lex(k); e2 != nil && e2.num > 0 && e2.num < 10 && !p.is(k, "dozen") {
			n += e2.num
			j = k + 1
		}
	}
	if p.is(j, "hundred") && n < 100 {
		n *= 100
		j++
	}
	if p.is(j, "thousand") && n < 1000 {
		n *= 1000
		j++
	}
	if p.is(j, "and") && p.is(j+1, "a") && p.is(j+2, "half") {
		return strconv.Itoa(n) + ".5", j + 3, true
	}
	if p.is(j, "-") && p.is(j+1, "and") && p.is(j+2, "-") && p.is(j+3, "a") && p.is(j+4, "-") && p.is(j+5, "half") {
		return strconv.Itoa(n) + ".5", j + 6, true // "two-and-a-half years"
	}
	return strconv.Itoa(n), j, true
}

// clock: times of day: "20:30 GMT", "3 p.m. EST", "noon", "10 o'clock".
func (p *parser) clock(i int) match {
	if i >= len(p.toks) {
		return match{}
	}
	w := p.low(i)
	if w == "noon" || w == "midnight" || w == "midday" {
		v := "T12:00"
		if w == "midnight" {
			v = "T24:00" // the end of the day, but "just after midnight" is early in it
			if p.is(i-1, "after") {
				v = "T00:00"
			}
		}
		// "High Noon" is a film: a clock word alone needs a preposition.
		if !p.is(i-1, "at", "by", "before", "after", "until", "till", "around", "about", "past", "from", "since", "to") &&
			!p.dayAfter(i, i+1).ok() && !(p.is(i+1, "on") && p.dayAfter(i, i+2).ok()) {
			return match{}
		}
		m := p.clockDay(i, i+1, v)
		if v == "T24:00" && m.val == fmtDay(p.ref)+v && p.tense(i, i+1) == past {
			// "the crash happened shortly before midnight": the midnight
			// that ended the day before
			d := p.ref.AddDate(0, 0, -1)
			m.val = fmtDay(d) + v
			if !m.day.IsZero() {
				m.day = d
			}
		}
		return m
	}
	t := &p.toks[i]
	if t.kind == kDigit && t.e-t.s == 4 && (zones[p.low(i+1)] || p.is(i+1, "local") && p.is(i+2, "time")) &&
		t.num/100 <= 24 && t.num%100 <= 59 && !p.is(i-1, "(") {
		// wire style "0900 GMT", "kicks off at 1500 GMT on Saturday",
		// "about 1500 local time" (but not the gloss of "10:35 a.m. (0735
		// GMT)")
		h, mi, end := t.num/100, t.num%100, i+2
		if p.is(i+1, "local") {
			end = i + 3
		}
		return p.clockDay(i, end, "T"+pad2(h)+":"+pad2(mi))
	}
	if t.kind != kDigit || t.e-t.s > 2 || t.num > 24 {
		return match{}
	}
	if i > 0 && !t.sp && p.is(i-1, ",", ".", ":", "$", "/", "-") {
		return match{}
	}
	h, mi := t.num, 0
	j := i + 1
	hasMin := false
	if p.glued(j) && p.is(j, ":", ".") && p.glued(j+1) && j+1 < len(p.toks) && p.toks[j+1].kind == kDigit && p.toks[j+1].e-p.toks[j+1].s == 2 {
		if p.is(j, ".") && !p.isAmPm(j+2) {
			return match{}
		}
		mi = p.toks[j+1].num
		if mi > 59 {
			return match{}
		}
		j += 2
		hasMin = true
		if p.glued(j) && p.is(j, ":") && p.glued(j+1) && j+1 < len(p.toks) && p.toks[j+1].kind == kDigit {
			j += 2
		}
	}
	ctx := false
	if k := p.ampm(j); k > j {
		if h == 0 || h > 12 {
			return match{}
		}
		pm := p.low(j)[0] == 'p'
		if pm && h < 12 {
			h += 12
		}
		if !pm && h == 12 {
			h = 0
		}
		j, ctx = k, true
	} else if p.is(j, "o") && p.is(j+1, "'") && p.is(j+2, "clock") {
		j, ctx = j+3, true
	}
	if zones[p.low(j)] && (hasMin || ctx) {
		j++
		ctx = true
	} else if p.is(j, "local") && p.is(j+1, "time") && (hasMin || ctx) {
		j += 2
	}
	if !hasMin && !ctx {
		return match{}
	}
	if !ctx && !p.is(i-1, "at", "by", "around", "about", "from", "until", "till", "before", "after", "to", "approximately") &&
		!p.dayAfter(i, j).ok() && !(p.is(j, "on") && p.dayAfter(i, j+1).ok()) {
		return match{} // but "bids are due 17:00 Friday"
	}
	return p.clockDay(i, j, "T"+pad2(h)+":"+pad2(mi))
}

// clockDay dates the time of day clock (T09:00) read over tokens [i, j):
// by a day right after it ("5 p.m. EST, Nov. 6", "at 23:59 on Sunday"),
// else the day the sentence last named or the reference date.
func (p *parser) clockDay(i, j int, clock string) match {
	end, d := j, p.dayFor(i)
	own := true // the day is the time's, not marked on its own after it
	if m := p.dayAfter(i, j); m.ok() {
		end, d = m.end, m.day
		if p.is(p.opt(j, ","), "(", "the") {
			// "10:35 a.m. (0735 GMT) Friday", "2359 GMT the following
			// day": the day dates the time but is marked on its own.
			end, own = j, false
		}
	} else if k := p.opt(j, ","); p.is(k, "on") {
		if m := p.dayAfter(i, k+1); m.ok() {
			// "at 23:59 on Sunday", "at 1 p.m. ET, on Wednesday": Sunday's,
			// the day marked on its own
			d, own = m.day, false
			p.onDay, p.onDayAt = m.day, k+1
		}
	}
	m := match{start: i, end: end, typ: Time, val: fmtDay(d) + clock}
	if own {
		m.day = d // later "the next day" counts from it
	}
	if p.is(i-1, "around", "about", "approximately", "roughly") {
		m.start, m.mod = i-1, "APPROX" // TimeBank keeps "around" in a time's span
	}
	return m
}

var zones = map[string]bool{"gmt": true, "utc": true, "est": true, "edt": true, "cst": true, "cdt": true,
	"mst": true, "mdt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true, "et": true,
	"jst": true, "ist": true, "msk": true}

func (p *parser) isAmPm(j int) bool { return p.ampm(j) > j }

// ampm reads "am", "pm", "a.m." or "p.m." at j and returns the index after it.
func (p *parser) ampm(j int) int {
	switch p.low(j) {
	case "am", "pm":
		return j + 1 // "9am." ends a sentence: the full stop is not the time's
	case "a", "p":
		if p.is(j+1, ".") && p.glued(j+1) && p.is(j+2, "m") && p.glued(j+2) {
			if n := j + 4; p.is(j+3, ".") && (n >= len(p.toks) || p.toks[n].nl ||
				p.toks[n].cap && p.toks[n].kind == kWord && p.lex(n) == nil && !zones[p.low(n)]) {
				return j + 3 // "at 10 p.m. The": one full stop for both
			}
			return p.opt(j+3, ".")
		}
	}
	return j
}

// dayFor is the day a time of day at token i belongs to: the last day
// named in the same sentence, else the story's day if one was named
// shortly before (see background), else the reference date.
func (p *parser) dayFor(i int) time.Time {
	if !p.sentDay.IsZero() && p.sentDayI <= i && i-p.sentDayI <= 60 && p.inSentence(p.sentDayI, i) {
		return p.sentDay
	}
	// "...on Monday. By 8 p.m., the spire had collapsed": the story's day
	if !p.storyDay.IsZero() && p.storyDayI <= i && i-p.storyDayI <= storyWindow &&
		!(p.storyDay.After(p.ref) && p.tense(i, i+1) == past) {
		return p.storyDay
	}
	return p.ref
}

// background reports whether the day named at token i is background to
// the story rather than its day: told relative to another event ("a
// sell-off that began on Tuesday", "since Monday", "two days after Easter
// Sunday"), in the past perfect ("had warned on Monday"), or not in the
// past at all in a sentence told in the present ("Commuters are crawling
// along icy highways ... the second storm this week"). "Police are hunting
// men who stole watches on Tuesday" names the story's day.
func (p *parser) background(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6 && !p.boundary(k); k-- {
		if p.is(k, "after", "since", "before", "following", "ahead", "until", "than", "began", "started") {
			return true
		}
	}
	// the nearest tense cue before the day in its sentence
	for k := i - 1; k >= 0 && !p.boundary(k); k-- {
		if c := p.cue(k); c == past {
			return p.is(k, "had") || p.is(k-1, "had") // "had warned on Monday"
		} else if c != unknown {
			break
		}
	}
	a, b := i, i
	for a > 0 && !p.boundary(a-1) {
		a--
	}
	for b < len(p.toks) && !p.boundary(b) {
		b++
	}
	for k := a; k < b; k++ {
		if p.is(k, "is", "are", "am", "has", "have") {
			return true
		}
	}
	return false
}

// storyWindow is how many tokens after a day a clock time without one
// still belongs to it.
const storyWindow = 60

// set: regular recurrences: "every week", "each Monday", "daily".
func (p *parser) set(i int) match {
	if e := p.lex(i); e != nil && e.set != "" {
		if p.is(i, "annually", "yearly") && (p.afterAmount(i) || p.is(i-1, "percent")) {
			return match{} // "rise 8.5% annually" is a rate
		}
		return match{start: i, end: i + 1, typ: Set, val: e.set}
	}
	if !p.is(i, "every", "each", "per") || p.is(i, "per") && p.is(i+1, "second", "minute") {
		return match{} // "instructions per second" is a rate, not a set
	}
	j := i + 1
	if e := p.lex(j); e != nil && e.month > 0 && !e.abbr && p.toks[j].cap && p.is(i, "every", "each") {
		return match{start: i, end: j + 1, typ: Set, val: "XXXX-" + pad2(e.month)}
	}
	if e := p.lex(j); e != nil && e.weekday > 0 && !e.abbr {
		return p.weekdaySet(i, j, e.weekday)
	}
	if e := p.lex(j); e != nil && e.season != "" && p.is(i, "every", "each") {
		return match{start: i, end: j + 1, typ: Set, val: "XXXX-" + e.season} // "every summer"
	}
	q, k, ok := p.count(j)
	if !ok || p.is(j, "a", "an") {
		q, k = "1", j
	}
	if p.is(j, "other") && p.is(i, "every") {
		q, k = "2", j+1 // "every other week"
	}
	e := p.lex(k)
	if e != nil && e.unit == "WE" && q == "1" && p.is(i, "every", "each") {
		return match{start: i, end: k + 1, typ: Set, val: "XXXX-WXX-WE"} // "every weekend"
	}
	if e == nil || e.unit == "" {
		if e != nil && e.part != "" && p.is(i, "every", "each") {
			return match{start: i, end: k + 1, typ: Set, val: "TXX" + e.part}
		}
		return match{}
	}
	return match{start: i, end: k + 1, typ: Set, val: durValue(q, e.unit)}
}

// weekdaySet is every weekday wd (1 = Sunday) named at token j, with a
// part of day after it: "each Monday", "Tuesday nights".
func (p *parser) weekdaySet(i, j, wd int) match {
	v := "XXXX-WXX-" + strconv.Itoa((wd+5)%7+1)
	m := match{start: i, end: j + 1, typ: Set, val: v}
	if e := p.lex(j + 1); e != nil && e.part != "" {
		m.end, m.val = j+2, v+"T"+e.part
	}
	return m
}

// vague: words that are temporal references on their own ("now",
// "recently", "soon").
func (p *parser) vague(i int) match {
	e := p.lex(i)
	if e == nil || e.vague == "" {
		if p.is(i, "these") && p.is(i+1, "days") {
			return match{start: i, end: i + 2, typ: Date, val: "PRESENT_REF"}
		}
		if p.is(i, "a", "some") && p.is(i+1, "later", "future") && p.is(i+2, "date", "time", "stage") {
			return match{start: i, end: i + 3, typ: Date, val: "FUTURE_REF"} // "at a later date"
		}
		if p.is(i, "a") && p.is(i+1, "while") && p.is(i-1, "for") && !p.is(i+2, "ago", "back", "longer") {
			return match{start: i, end: i + 2, typ: Duration, val: "PXX"} // "for a while"
		}
		return match{}
	}
	if p.is(i+1, "-") && p.glued(i+1) {
		return match{} // "the now-cancelled deal"
	}
	if e.vague == "FUTURE_REF" {
		// "soon" in a plan; not the conjunction "as soon as", "soon after",
		// or a story's "was soon released".
		if p.is(i-1, "as") || p.is(i+1, "after", "as") || p.tense(i, i+1) == past {
			return match{}
		}
	}
	switch p.low(i) {
	case "current":
		// "the current crisis", "its current share": the adjective before a
		// noun is PRESENT_REF; not "current account", "the current of water"
		// or an electric current.
		if i+1 >= len(p.toks) || p.toks[i+1].kind != kWord && p.toks[i+1].kind != kDigit || p.is(i+1, "account", "accounts",
			"affairs", "of", "and", "or", "is", "was", "in", "from", "flows", "flow", "assets", "liabilities", "events") {
			return match{}
		}
		start, k := i, p.opt(i+1, "fiscal")
		if p.is(i-1, "the") && k > i+1 && i-1 >= p.prevEnd {
			start = i - 1 // "the current fiscal year"
		}
		if l := p.lex(k); l != nil && l.unit != "" && !l.plural {
			if v, ok := shift(p.ref, 0, l.unit); ok {
				return match{start: start, end: k + 1, typ: Date, val: v}
			}
		}
		if p.is(i-1, "then") && i-1 >= p.prevEnd {
			return match{start: i - 1, end: i + 1, typ: Date, val: "PAST_REF"} // "the then current price"
		}
	case "recent":
		// The adjective alone ("the recent collapse") is marked in only a
		// third of TimeBank's cases and in none of AQUAINT's or MEANTIME's;
		// "recent years" is read by quantity.
		return match{}
	}
	return match{start: i, end: i + 1, typ: Date, val: e.vague}
}

// boundaryAfter reports whether the full stop at k ends the sentence: a
// capitalized word or the end of the text follows.
func (p *parser) boundaryAfter(k int) bool {
	if k+1 >= len(p.toks) {
		return true
	}
	n := &p.toks[k+1]
	return n.nl || n.cap && n.kind == kWord || n.kind == kPunct && n.low != ","
}

// prepCue reads the tense that a preposition right before token i gives
// a date: "by August", "until Tuesday" look ahead, "since May" back.
func (p *parser) prepCue(i int) int {
	k := i - 1
	k = p.optBack(k, "-")
	k = p.optBack(k, "early", "late", "mid")
	switch p.low(k) {
	case "by", "until", "till":
		return future
	case "through":
		if p.prevEnd != k { // but "this year through August" is a range
			return future
		}
	case "since":
		return past
	}
	if p.movedTo(k) {
		return future
	}
	if p.is(k, "as") && p.is(k-1, "soon", "early", "late") && p.is(k-2, "as") {
		return future
	}
	return unknown
}

// deadline reports whether "until" before token i sets a deadline inside
// its clause ("postponed until Tuesday", "has given them until 9 a.m.
// Tuesday"), which looks ahead even in a past clause, unlike "Until
// Thursday, they had not...", "not until Tuesday" or a past that
// lasted "until 3 a.m. on Wednesday".
func (p *parser) deadline(i int) bool {
	k := p.optBack(i-1, "-")
	k = p.optBack(k, "early", "late", "mid")
	if !p.is(k, "until", "till") {
		return p.movedTo(k)
	}
	v := p.optBack(k-1, "late", "well", "early", "on")
	lasted := p.cue(v) == past && !p.is(v, "postponed", "delayed", "extended", "adjourned", "deferred", "suspended",
		"given", "gave", "granted", "moved", "pushed", "closed", "shut", "banned", "barred")
	return !p.is(k-1, "not", "up") && !p.atSentenceStart(k) && !lasted
}

// movedTo reports whether token k is the "to" of a date being moved:
// "postponed to Friday", "pushed back to March".
func (p *parser) movedTo(k int) bool {
	if !p.is(k, "to") {
		return false
	}
	v := p.optBack(k-1, "back", "forward")
	return p.is(v, "postponed", "delayed", "moved", "pushed", "rescheduled", "deferred", "adjourned", "brought", "put", "extended")
}

func (p *parser) optBack(k int, words ...string) int {
	if p.is(k, words...) {
		return k - 1
	}
	return k
}

// dayAfter reads a day right after a time of day: "9 a.m. Tuesday",
// "noon Thursday", "5 p.m. EST, Nov. 6".
func (p *parser) dayAfter(i, j int) match {
	k := p.opt(j, ",")
	if p.is(k, "(") {
		// "10:35 a.m. (0735 GMT) Friday": skip a short parenthesis
		for n := k + 1; n < len(p.toks) && n <= k+6; n++ {
			if p.is(n, ")") {
				k = n + 1
				break
			}
		}
	}
	if k >= len(p.toks) {
		return match{}
	}
	if m := p.calendar(k); m.ok() && m.typ == Date && !m.day.IsZero() {
		if e := p.lex(k); e != nil && e.weekday > 0 && m.end == k+1 {
			// A bare weekday takes its tense from the whole expression:
			// "until 9 a.m. Tuesday" looks ahead.
			w := p.weekday(i, k+1, e.weekday, "")
			m.val, m.day = w.val, w.day
		}
		return m
	}
	for _, r := range []func(*parser, int) match{(*parser).relative, (*parser).holiday, (*parser).anaphoric} {
		// "noon tomorrow", "11.59pm on New Year's Eve", "2359 GMT the following day"
		if m := r(p, k); m.ok() && !m.day.IsZero() && (m.typ == Date || len(m.val) == 13 && isPartOfDay(m.val[10:])) {
			return m // ("11pm last night")
		}
	}
	return match{}
}

// yearWords reads a year written in words: "nineteen ninety-six", "two
// thousand", "two thousand and one".
func (p *parser) yearWords(i int) match {
	e := p.lex(i)
	if e == nil || e.num == 0 {
		return match{}
	}
	var y, k int
	switch {
	case e.num >= 10 && e.num <= 20 && p.lex(i+1) != nil && p.lex(i+1).num >= 10:
		// "nineteen ninety-six": a century and two digits
		n, k2, ok := p.count(i + 1)
		v, err := strconv.Atoi(n)
		if !ok || err != nil || v >= 100 {
			return match{}
		}
		y, k = e.num*100+v, k2
	case e.num == 2 && p.is(i+1, "thousand"):
		if u := p.lex(i + 2); u != nil && u.unit != "" {
			return match{} // "two thousand years"
		}
		y, k = 2000, i+2
		kk := p.opt(k, "and")
		if u := p.lex(kk); u != nil && u.num > 0 && u.num < 100 {
			n, k2, _ := p.count(kk)
			v, _ := strconv.Atoi(n)
			y, k = 2000+v, k2
		}
	default:
		return match{}
	}
	return match{start: i, end: k, typ: Date, val: fmtYear(y)}
}

// relDir is the direction of "last" (-1), "this" (0) and "next" (+1).
func relDir(w string) int {
	switch w {
	case "last":
		return -1
	case "next":
		return 1
	}
	return 0
}

// remember keeps the last day and year the text named, for anaphoric
// expressions. Only absolute dates count: "yesterday" is not a new topic.
func (p *parser) remember(m match) {
	if len(m.val) == 7 && m.val[5] == 'Q' && allDigits(m.val[:4]) {
		p.lastQ = m.val
		// Each mention of the quarter in focus, or of the same quarter a
		// year before, keeps it in focus.
		y, _ := strconv.Atoi(m.val[:4])
		if p.focusQ > 0 && int(m.val[6]-'0') == p.focusQ && (y == p.focusY || y == p.focusY-1) {
			p.focusI = m.start
		}
	}
	if m.typ != Date && m.typ != Time || len(m.val) < 4 || !allDigits(m.val[:4]) {
		return
	}
	absolute := false
	for k := m.start; k < m.end; k++ {
		if e := p.toks[k].lex; p.toks[k].kind == kDigit || e != nil && (e.month > 0 || e.weekday > 0) {
			absolute = true
		}
	}
	if !absolute && !p.holiday(m.start).ok() { // "the quake that struck on New Year's Day"
		return
	}
	if len(m.val) >= 7 && m.val[4] == '-' && allDigits(m.val[5:7]) {
		p.lastMonth = m.val[:7]
	} else {
		p.lastMonth = ""
	}
	y, _ := strconv.Atoi(m.val[:4])
	p.lastYear, p.lastYearI = y, m.end
	if !m.day.IsZero() {
		p.lastDay = m.day
	} else if m.typ == Date && len(m.val) >= 10 && m.val[4] == '-' && m.val[5] != 'W' {
		p.lastDay = time.Time{}
	}
}

// anaphoric: "that day", "the same day", "the next day", "that year",
// "the following year": dates relative to the last one the text named.
func (p *parser) anaphoric(i int) match {
	j := i
	dir := 0
	switch {
	case p.is(j, "that"):
		j = p.opt(j+1, "same") // "that same day"
	case p.is(j, "the") && p.is(j+1, "same"):
		j += 2
	case p.is(j, "the") && p.is(j+1, "next", "following"):
		j, dir = j+2, 1
	case p.is(j, "the") && p.is(j+1, "previous"):
		j, dir = j+2, -1
	case p.is(j, "the") && p.is(j+1, "day", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night") &&
		p.is(j+2, "before", "earlier", "after", "later") &&
		(j+3 >= len(p.toks) || p.toks[j+3].kind == kPunct && !p.is(j+3, "'")):
		// "The year before, it had lost money": before the year last named
		dir = 1
		if p.is(j+2, "before", "earlier") {
			dir = -1
		}
		m := p.anaphoricUnit(i, j+1, dir)
		if m.ok() {
			m.end++
		}
		return m
	default:
		return match{}
	}
	return p.anaphoricUnit(i, j, dir)
}

// anaphoricUnit dates the unit at token j dir units from the last point
// of that kind the text named (dir 0: the same one).
func (p *parser) anaphoricUnit(i, j, dir int) match {
	switch p.low(j) {
	case "day", "morning", "evening", "night", "afternoon":
		if p.lastDay.IsZero() {
			return match{}
		}
		t := p.lastDay.AddDate(0, 0, dir)
		m := match{start: i, end: j + 1, typ: Date, val: fmtDay(t), day: t}
		if e := p.lex(j); e.part != "" {
			m.typ, m.val = Time, m.val+"T"+e.part
		}
		return m
	case "year":
		if p.lastYear == 0 || p.is(j+1, "-") && p.glued(j+1) {
			return match{}
		}
		return match{start: i, end: j + 1, typ: Date, val: fmtYear(p.lastYear + dir)}
	case "quarter":
		// "that quarter", "the same quarter": the last quarter named
		if p.lastQ == "" || dir != 0 || p.is(j+1, "-", "of") {
			return match{}
		}
		return match{start: i, end: j + 1, typ: Date, val: p.lastQ}
	case "week":
		// "the following week": the week after the last day named;
		// "that week" the week of it
		if p.is(j+1, "-", "'") || dir == 0 && p.lastDay.IsZero() {
			return match{}
		}
		t := p.lastDay
		if t.IsZero() {
			t = p.ref
		}
		return match{start: i, end: j + 1, typ: Date, val: fmtWeek(t.AddDate(0, 0, 7*dir))}
	case "weekend":
		// "the previous weekend": the one before the last day named
		if dir == 0 || p.lastDay.IsZero() {
			return match{}
		}
		t := weekdayNear(p.lastDay.AddDate(0, 0, -1), 7, past) // the Saturday before
		if dir > 0 {
			t = weekdayNear(p.lastDay.AddDate(0, 0, 1), 7, future)
		}
		return match{start: i, end: j + 1, typ: Date, val: fmtWeek(t) + "-WE"}
	case "month":
		if p.lastMonth == "" {
			return match{}
		}
		y, _ := strconv.Atoi(p.lastMonth[:4])
		mo, _ := strconv.Atoi(p.lastMonth[5:])
		t := date(y, mo, 1).AddDate(0, dir, 0)
		return match{start: i, end: j + 1, typ: Date, val: fmtMonth(t.Year(), int(t.Month()))}
	}
	return match{}
}

// seasonIsName reports whether the season word at j, after "the" at i,
// names something else: "the Summer Olympics", "The fall in prices"
// (a drop, where the season would follow a preposition: "in the fall").
func (p *parser) seasonIsName(i, j int) bool {
	if p.toks[j].cap && j+1 < len(p.toks) && p.toks[j+1].cap && p.toks[j+1].kind == kWord && p.lex(j+1) == nil {
		return true
	}
	return p.is(j, "fall") && p.is(j+1, "in", "from", "to") && p.year(j+2) == 0 &&
		!p.is(i-1, "in", "during", "by", "until", "till", "since", "through", "over", "for", "before", "after", "of", "from", "to", "into", "throughout")
}

// anchored reports whether the text has named a point that "the previous"
// unit counts back from: a year, a month, or a day for weeks and weekends.
func (p *parser) anchored(unit string) bool {
	switch unit {
	case "Y":
		return p.lastYear != 0
	case "M":
		return p.lastMonth != ""
	case "W", "WE":
		return !p.lastDay.IsZero()
	}
	return false
}

// atSentenceStart reports whether token k begins a sentence or a line.
func (p *parser) atSentenceStart(k int) bool {
	return k == 0 || p.toks[k].nl || p.boundary(k-1) || p.is(k-1, "\"", "`", "'", "(")
}

// clauseStart reports whether token k begins a sentence or a line, or a
// quotation that does: a title quoted mid-sentence (ABC's "This Week")
// does not.
func (p *parser) clauseStart(k int) bool {
	if k > 0 && p.is(k-1, "\"", "`", "'", "(") {
		return k == 1 || p.toks[k-1].nl || p.boundary(k-2) || p.is(k-2, ",", ":", "(")
	}
	return p.atSentenceStart(k)
}

// decadeWords name decades in words: "the nineties".
var decadeWords = []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}

// decade2 is the decade of a two-digit "'90s": the latest one not after
// the reference decade.
func decade2(ref time.Time, n int) string {
	c := ref.Year() / 100
	if c*100+n > ref.Year() {
		c--
	}
	return strconv.Itoa(c*10 + n/10)
}
