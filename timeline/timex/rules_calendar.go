package timex

// The rules of the calendar: named months and days, weekdays, numeric and slashed dates.

import (
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

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
		// and its zone: "T20:30Z", "T15:00-05:00"
		k := i + 9
		switch {
		case p.glued(k) && p.is(k, "z"):
			m.end, m.val = k+1, m.val+"Z"
		case p.glued(k) && p.is(k, "+", "-") && p.glued(k+1) && p.glued(k+2) && p.is(k+2, ":") && p.glued(k+3) &&
			k+3 < len(p.toks) && p.toks[k+1].kind == kDigit && p.toks[k+3].kind == kDigit &&
			p.toks[k+1].e-p.toks[k+1].s == 2 && p.toks[k+3].e-p.toks[k+3].s == 2 && p.toks[k+1].num <= 14:
			m.end, m.val = k+4, m.val+p.low(k)+pad2(p.toks[k+1].num)+":"+pad2(p.toks[k+3].num)
		}
	}
	return m
}
