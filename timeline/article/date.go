package article

import (
	"strconv"
	"strings"
	"time"
)

var monthNames = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

var weekdayNames = map[string]bool{
	"monday": true, "mon": true,
	"tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true,
	"thursday": true, "thu": true, "thur": true, "thurs": true,
	"friday": true, "fri": true,
	"saturday": true, "sat": true,
	"sunday": true, "sun": true,
}

// dateLabels may open a date line: "Published: December 30, 2021".
var dateLabels = map[string]bool{
	"published": true, "updated": true, "posted": true, "date": true, "dated": true, "on": true,
}

var isoLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006/01/02",
}

// parseDate reads s as a date and nothing else: "December 30, 2021",
// "Dec. 30, 2021", "Thursday, 30 December 2021", "2021-12-30", RFC 3339.
// A time of day after the date is allowed and ignored. The result is the
// date as written, at midnight UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return time.Time{}, false
	}
	if s[0] >= '0' && s[0] <= '9' && len(s) >= 10 && (s[4] == '-' || s[4] == '/') {
		for _, layout := range isoLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return midnight(t), true
			}
		}
		return time.Time{}, false
	}
	var (
		year, day int
		month     time.Month
		n         int
	)
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		n++
		if year != 0 {
			if !timeWord(f) {
				return time.Time{}, false
			}
			continue
		}
		lf := strings.ToLower(strings.TrimSuffix(f, "."))
		switch {
		case n == 1 && dateLabels[strings.TrimSuffix(lf, ":")]:
		case weekdayNames[lf] && month == 0 && day == 0:
		case month == 0 && monthNames[lf] != 0:
			month = monthNames[lf]
		default:
			d, ok := number(lf)
			switch {
			case !ok:
				return time.Time{}, false
			case len(lf) == 4 && month != 0 && day != 0 && d >= 1000:
				year = d
			case len(lf) <= 4 && day == 0 && d >= 1 && d <= 31:
				day = d
			default:
				return time.Time{}, false
			}
		}
	}
	if year == 0 || month == 0 || day == 0 {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false // February 30
	}
	return t, true
}

// number reads "30", "01" or "30th".
func number(s string) (int, bool) {
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		if len(s) > 2 && strings.HasSuffix(s, suf) {
			s = s[:len(s)-2]
			break
		}
	}
	if s == "" || len(s) > 4 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, _ := strconv.Atoi(s)
	return n, true
}

// timeWord reports whether f may follow a date on a date line:
// "20:30", "a.m.", "GMT", "at", "|".
func timeWord(f string) bool {
	switch strings.ToLower(f) {
	case "at", "|", "/", "·", "-", "–", "—", "am", "pm", "a.m.", "p.m.", "a.m", "p.m":
		return true
	}
	if strings.IndexByte(f, ':') > 0 && f[0] >= '0' && f[0] <= '9' {
		return true
	}
	if len(f) >= 2 && len(f) <= 5 {
		for i := 0; i < len(f); i++ {
			if f[i] < 'A' || f[i] > 'Z' {
				return false
			}
		}
		return true // a time zone: GMT, UTC, EST
	}
	return false
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
