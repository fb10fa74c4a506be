package timex

// The rules of anchors, part-of modifiers ("early", "mid"), durations and counts.

import (
	"strconv"
	"strings"
)

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
	// But "the first visit in three years", "its weakest level in seven
	// years" measure a stretch of the past.
	if lead == "" && mod == "" && !hyphen && p.is(i-1, "in") && q != "X" && !strings.Contains(q, ".") && p.tense(i, k) == future &&
		!p.record(i-1) {
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

// recordWords mark a record or a first before "in N years": "the first
// visit in three years", "the lowest level in a decade".
var recordWords = setOf("first", "last", "only", "best", "worst", "most", "least", "highest", "lowest",
	"biggest", "largest", "smallest", "strongest", "weakest", "longest", "shortest", "fastest", "slowest")

// record reports whether the clause before token in (the "in" of "in
// three years") names a record or a first: a superlative or one of
// recordWords a few words back.
func (p *parser) record(in int) bool {
	for k := in - 1; k >= 0 && k >= in-8 && !p.boundary(k); k-- {
		w := p.low(k)
		if recordWords[w] || len(w) > 5 && strings.HasSuffix(w, "est") && p.toks[k].kind == kWord && !strings.HasSuffix(w, "rest") &&
			!strings.HasSuffix(w, "west") && !strings.HasSuffix(w, "quest") && !strings.HasSuffix(w, "vest") {
			return true
		}
	}
	return false
}
