package timex

// The rules of sets ("every Monday"), vague references ("recently") and the story's anaphora.

import (
	"strconv"
	"time"
)

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
