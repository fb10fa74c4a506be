package timex

// The rules of holidays and named days, "the day before", ordinal days and lists of days.

import (
	"sort"
	"strings"
	"time"
)

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
