package timex

import (
	"strconv"
	"strings"
	"time"
)

// Comparing TIMEX3 date values: the chronology merges and orders events
// by them, and event extraction merges mentions by them.

// Compatible reports whether two TIMEX3 date values can name the same
// time: equal, one a more precise form of the other ("2022-01" and
// "2022-01-10", "2021-12-30" and "2021-12-30T20:30"), or a week and a
// day in it.
func Compatible(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	// A prefix at a boundary: a month and a day in it, a day and a time
	// on it, a time and the same time with its zone ("T20:30Z").
	if strings.HasPrefix(b, a) && (len(a) == len(b) || strings.IndexByte("-T:Z+", b[len(a)]) >= 0) {
		return true
	}
	// A week and a day in it; checked last, as parsing is the slow part.
	if isWeek(a) == isWeek(b) {
		return false
	}
	sa, ea, oka := Span(a)
	sb, eb, okb := Span(b)
	return oka && okb && (!sb.Before(sa) && !eb.After(ea) || !sa.Before(sb) && !ea.After(eb))
}

// isWeek reports whether v is an ISO week value ("2021-W52", "2021-W52-WE"),
// not a season ("2021-WI").
func isWeek(v string) bool {
	return len(v) >= 8 && v[5] == 'W' && v[6] >= '0' && v[6] <= '9'
}

// Span returns the interval [start, end) a TIMEX3 date value covers:
// a year, quarter, half, season, month, ISO week (or its week-end or one
// of its days), day (or a part of it, "2021-12-30TMO") or minute.
func Span(v string) (start, end time.Time, ok bool) {
	if len(v) < 4 || !allDigits(v[:4]) {
		return
	}
	y, _ := strconv.Atoi(v[:4])
	rest := v[4:]
	if rest != "" && rest[0] != '-' {
		return
	}
	switch {
	case rest == "":
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), true
	case len(rest) == 3 && rest[1] == 'Q':
		q := int(rest[2] - '0')
		if q < 1 || q > 4 {
			return
		}
		start = time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, 0), true
	case len(rest) == 3 && rest[1] == 'H':
		h := int(rest[2] - '0')
		if h < 1 || h > 2 {
			return
		}
		start = time.Date(y, time.Month(6*h-5), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 6, 0), true
	case len(rest) == 3 && (rest[1:] == "SP" || rest[1:] == "SU" || rest[1:] == "FA" || rest[1:] == "WI"):
		m := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest[1:]]
		start = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, 0), true
	case len(rest) >= 4 && rest[1] == 'W':
		if !allDigits(rest[2:4]) {
			return
		}
		w, _ := strconv.Atoi(rest[2:4])
		if _, last := time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek(); w < 1 || w > last {
			return // December 28th is always in a year's last ISO week
		}
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		switch day := rest[4:]; {
		case day == "":
			return monday, monday.AddDate(0, 0, 7), true
		case day == "-WE":
			return monday.AddDate(0, 0, 5), monday.AddDate(0, 0, 7), true
		case len(day) == 2 && day[0] == '-' && day[1] >= '1' && day[1] <= '7':
			start = monday.AddDate(0, 0, int(day[1]-'1'))
			return start, start.AddDate(0, 0, 1), true
		}
		return
	}
	for _, layout := range []struct {
		layout string
		step   func(time.Time) time.Time
		more   func(string) bool // what may follow the layout
	}{
		{"2006-01-02T15:04", func(t time.Time) time.Time { return t.Add(time.Minute) }, secondsAndZone},
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) },
			func(s string) bool { return s == "" || isPartOfDay(s) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) },
			func(s string) bool { return s == "" }},
	} {
		if n := len(layout.layout); len(v) >= n && layout.more(v[n:]) {
			if t, err := time.Parse(layout.layout, v[:n]); err == nil {
				return t, layout.step(t), true
			}
		}
	}
	return
}

// secondsAndZone reports whether s, after a value's minutes, is nothing
// or seconds, then nothing or a zone: ":05", "Z", "-05:00", ":05+01:00".
// A time is spanned on its own clock: the zone keeps what the text said,
// and two sources seldom give one time in two zones.
func secondsAndZone(s string) bool {
	if len(s) >= 3 && s[0] == ':' && allDigits(s[1:3]) {
		s = s[3:]
	}
	switch {
	case s == "" || s == "Z":
		return true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		return allDigits(s[1:3]) && allDigits(s[4:])
	}
	return false
}

// isPartOfDay reports whether s is a TIMEX3 part of day: TMO, TMI, TAF,
// TEV, TNI or TDT.
func isPartOfDay(s string) bool {
	switch s {
	case "TMO", "TMI", "TAF", "TEV", "TNI", "TDT":
		return true
	}
	return false
}

// Narrower reports whether date value a names a shorter time than b.
// The length of the value is not enough: "2021-W52-WE" is longer than the
// day "2022-01-01" it holds.
func Narrower(a, b string) bool {
	sa, ea, oka := Span(a)
	sb, eb, okb := Span(b)
	if oka && okb {
		return ea.Sub(sa) < eb.Sub(sb)
	}
	if oka != okb {
		return oka
	}
	return len(a) > len(b)
}
