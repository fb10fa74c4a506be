package site

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// undated is the group of events whose date is not a calendar date.
const undated = "Undated"

// when is a TIMEX3 date value made readable, at the precision it has.
type when struct {
	Key      string // the group it belongs to: "2021-12", "2021", or "" when undated
	Group    string // the group's heading: "December 2021", "2021", "Undated"
	Short    string // the label beside an entry: "Thu 30", "early December", "2021"
	Long     string // the full label: "Thursday 30 December 2021, 20:30", "early December 2021"
	Time     string // the time of day, if the value has one: "20:30", "evening"
	Datetime string // a valid HTML datetime attribute, or "" when there is none
}

var (
	reDate    = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?|T(MO|MI|AF|EV|NI|DT))?(Z|[+-]\d{2}(?::?\d{2})?)?$`)
	reMonth   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reWeek    = regexp.MustCompile(`^(\d{4})-W(\d{2})(?:-WE)?$`)
	rePart    = regexp.MustCompile(`^(\d{4})-(SP|SU|FA|AU|WI|Q[1-4]|H[12])$`)
	reYear    = regexp.MustCompile(`^(\d{4})$`)
	reDecade  = regexp.MustCompile(`^(\d{3})X?$`)
	partNames = map[string]string{
		"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter",
		"Q1": "first quarter of", "Q2": "second quarter of", "Q3": "third quarter of", "Q4": "fourth quarter of",
		"H1": "first half of", "H2": "second half of",
	}
	dayParts = map[string]string{"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
	refNames = map[string]string{"PAST_REF": "in the past", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}
)

// modifier words for a mod at coarse precision (month, week, year, ...)
// and at day precision, where "early 30 December" would read badly.
var modWords = map[string][2]string{
	"START":         {"early", "early on"},
	"MID":           {"mid-", "in the middle of"},
	"END":           {"late", "late on"},
	"APPROX":        {"around", "around"},
	"BEFORE":        {"before", "before"},
	"AFTER":         {"after", "after"},
	"ON_OR_BEFORE":  {"by", "on or before"},
	"ON_OR_AFTER":   {"from", "on or after"},
	"LESS_THAN":     {"less than", "less than"},
	"MORE_THAN":     {"more than", "more than"},
	"EQUAL_OR_LESS": {"at most", "at most"},
	"EQUAL_OR_MORE": {"at least", "at least"},
}

// withMod puts the words of mod before label.
func withMod(mod, label string, day bool) string {
	if mod == "" {
		return label
	}
	w, ok := modWords[strings.ToUpper(mod)]
	if !ok {
		return label + " (" + strings.ToLower(mod) + ")"
	}
	word := w[0]
	if day {
		word = w[1]
	}
	if strings.HasSuffix(word, "-") {
		return word + label
	}
	return word + " " + label
}

// parseWhen makes a TIMEX3 value and mod readable. It never invents
// precision: a month stays a month.
func parseWhen(value, mod string) when {
	if m := reDate.FindStringSubmatch(value); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Month() != time.Month(mo) || t.Day() != d {
			return when{Group: undated, Short: value, Long: value} // not a calendar day
		}
		w := when{
			Key:      t.Format("2006-01"),
			Group:    t.Format("January 2006"),
			Short:    t.Format("Mon 2"),
			Long:     t.Format("Monday 2 January 2006"),
			Datetime: t.Format("2006-01-02"),
		}
		switch {
		case m[4] != "" && m[5] != "":
			w.Time = m[4] + ":" + m[5]
		case m[4] != "":
			w.Time = m[4] + ":00"
		case m[6] != "":
			w.Time = dayParts[m[6]]
		}
		if w.Time != "" && m[6] == "" {
			w.Datetime += "T" + w.Time
		}
		if zone := m[7]; zone != "" && w.Time != "" {
			if zone == "Z" {
				w.Time += " UTC"
				w.Datetime += "Z"
			} else {
				w.Time += " UTC" + zone
				if len(zone) == 3 {
					zone += ":00"
				} else if zone[3] != ':' {
					zone = zone[:3] + ":" + zone[3:]
				}
				w.Datetime += zone
			}
		}
		w.Long = withMod(mod, w.Long, true)
		if mod != "" {
			w.Short = withMod(mod, w.Short, true)
		}
		if w.Time != "" {
			w.Long += ", " + w.Time
		}
		return w
	}
	if m := reMonth.FindStringSubmatch(value); m != nil && atoi(m[2]) >= 1 && atoi(m[2]) <= 12 {
		t := time.Date(atoi(m[1]), time.Month(atoi(m[2])), 1, 0, 0, 0, 0, time.UTC)
		return when{
			Key:      value,
			Group:    t.Format("January 2006"),
			Short:    withMod(mod, t.Format("January"), false),
			Long:     withMod(mod, t.Format("January 2006"), false),
			Datetime: value,
		}
	}
	if m := reWeek.FindStringSubmatch(value); m != nil && atoi(m[2]) >= 1 && atoi(m[2]) <= 53 {
		monday := isoWeekMonday(atoi(m[1]), atoi(m[2]))
		label := "week of " + monday.Format("2 January 2006")
		short := "week of " + monday.Format("Mon 2")
		if strings.HasSuffix(value, "-WE") {
			sat := monday.AddDate(0, 0, 5)
			label = "weekend of " + sat.Format("2 January 2006")
			short = "weekend of " + sat.Format("Sat 2")
		}
		return when{
			Key:      monday.Format("2006-01"),
			Group:    monday.Format("January 2006"),
			Short:    withMod(mod, short, false),
			Long:     withMod(mod, label, false),
			Datetime: value[:8],
		}
	}
	if m := rePart.FindStringSubmatch(value); m != nil {
		label := partNames[m[2]] + " " + m[1]
		return when{Key: m[1], Group: m[1], Short: withMod(mod, label, false), Long: withMod(mod, label, false)}
	}
	if m := reYear.FindStringSubmatch(value); m != nil {
		return when{Key: value, Group: value, Short: withMod(mod, value, false), Long: withMod(mod, value, false), Datetime: value}
	}
	if m := reDecade.FindStringSubmatch(value); m != nil {
		label := "the " + m[1] + "0s"
		return when{Key: m[1] + "0s", Group: m[1] + "0s", Short: withMod(mod, label, false), Long: withMod(mod, label, false)}
	}
	label := value
	if r, ok := refNames[value]; ok {
		label = r
	}
	if label == "" {
		label = "date unknown"
	}
	return when{Group: undated, Short: withMod(mod, label, false), Long: withMod(mod, label, false)}
}

// isoWeekMonday returns the Monday of ISO week w of year y.
func isoWeekMonday(y, w int) time.Time {
	jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+(w-1)*7)
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("site: atoi(%q) on a regexp-checked number", s))
	}
	return n
}
