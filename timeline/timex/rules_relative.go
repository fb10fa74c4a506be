package timex

// The rules of relative dates: "last week", "next month", quarters, halves and seasons.

import (
	"strconv"
	"time"
)

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
