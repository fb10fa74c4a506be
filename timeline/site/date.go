package site

import (
	"cmp"
	"regexp"
	"strings"
	"sync"

	"github.com/timelinehq/timeline/timeline/timex"
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
	// reDay is a day with an optional clock time (hours, minutes, seconds)
	// or part of day, and an optional zone.
	reDay     = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:T(\d{2})(?::(\d{2}))?(?::(\d{2})(?:\.\d+)?)?|T(MO|MI|AF|EV|NI|DT))?(Z|[+-]\d{2}(?::?\d{2})?)?$`)
	reWeek    = regexp.MustCompile(`^\d{4}-W\d{2}(?:-WE)?$`)
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
// precision: a month stays a month. The calendar is timex.Span's, so a
// value the chronology cannot place in time (2021-02-30, 2021-W53,
// 2021-12-30T25:00) is undated here too.
func parseWhen(value, mod string) when {
	if w, ok := whens.Load([2]string{value, mod}); ok {
		return w.(when)
	}
	w := makeWhen(value, mod)
	whens.Store([2]string{value, mod}, w)
	return w
}

// whens keeps what parseWhen made, by value and mod: a chronology's dates
// repeat, on its pages and across a preview's rebuilds, and a when depends
// on nothing else. It holds a few hundred bytes for each date value seen.
var whens sync.Map

// makeWhen is parseWhen without the memo.
func makeWhen(value, mod string) when {
	w, ok := parseDay(value, mod) // a day or a time; the rest by precision
	switch timex.Precision(value) {
	case "month":
		if start, _, spanOK := timex.Span(value); spanOK {
			w, ok = when{
				Key:      start.Format("2006-01"),
				Group:    start.Format("January 2006"),
				Short:    withMod(mod, start.Format("January"), false),
				Long:     withMod(mod, start.Format("January 2006"), false),
				Datetime: start.Format("2006-01"),
			}, true
		}
	case "week":
		// The whole week's span, which starts on its Monday, also for a
		// week-end; Span rejects a week 53 the year does not have.
		if monday, _, spanOK := timex.Span(value[:min(8, len(value))]); spanOK && reWeek.MatchString(value) {
			label := "week of " + monday.Format("2 January 2006")
			short := "week of " + monday.Format("Mon 2")
			if strings.HasSuffix(value, "-WE") {
				sat := monday.AddDate(0, 0, 5)
				label = "weekend of " + sat.Format("2 January 2006")
				short = "weekend of " + sat.Format("Sat 2")
			}
			w, ok = when{
				Key:      monday.Format("2006-01"),
				Group:    monday.Format("January 2006"),
				Short:    withMod(mod, short, false),
				Long:     withMod(mod, label, false),
				Datetime: value[:8], // an HTML week string is the TIMEX3 week
			}, true
		}
	case "quarter", "half", "season":
		// TIMEX3 knows autumn as FA and AU; timex.Span as FA.
		part := value[5:]
		if _, _, spanOK := timex.Span(strings.Replace(value, "-AU", "-FA", 1)); spanOK && partNames[part] != "" {
			label := partNames[part] + " " + value[:4]
			w, ok = when{Key: value[:4], Group: value[:4], Short: withMod(mod, label, false), Long: withMod(mod, label, false)}, true
		}
	case "year":
		if _, _, spanOK := timex.Span(value); spanOK {
			w, ok = when{Key: value, Group: value, Short: withMod(mod, value, false), Long: withMod(mod, value, false), Datetime: value}, true
		}
	}
	if m := reDecade.FindStringSubmatch(value); !ok && m != nil {
		label := "the " + m[1] + "0s"
		w, ok = when{Key: m[1] + "0s", Group: m[1] + "0s", Short: withMod(mod, label, false), Long: withMod(mod, label, false)}, true
	}
	if !ok {
		label := value
		if r, isRef := refNames[value]; isRef {
			label = r
		}
		if label == "" {
			label = "date unknown"
		}
		return when{Group: undated, Short: withMod(mod, label, false), Long: withMod(mod, label, false)}
	}
	if strings.HasPrefix(w.Datetime, "0000") {
		w.Datetime = "" // HTML has no year 0
	}
	return w
}

// parseDay reads a day, with a clock time or part of day and a zone when
// it has them. timex.Span checks the calendar and the clock; the zone and
// the seconds, which Span does not take, are checked here.
func parseDay(value, mod string) (when, bool) {
	m := reDay.FindStringSubmatch(value)
	if m == nil {
		return when{}, false
	}
	day, hour, minute, second, part, zone := m[1], m[2], m[3], m[4], m[5], m[6]
	clock := ""
	spanOf := day // what timex.Span checks: the day, its clock time or part
	switch {
	case hour != "":
		clock = hour + ":" + cmp.Or(minute, "00")
		spanOf += "T" + clock
	case part != "":
		spanOf += "T" + part
	}
	t, _, ok := timex.Span(spanOf)
	offset, zoneOK := htmlZone(zone)
	if !ok || second > "59" || !zoneOK {
		return when{}, false
	}
	w := when{
		Key:      t.Format("2006-01"),
		Group:    t.Format("January 2006"),
		Short:    t.Format("Mon 2"),
		Long:     t.Format("Monday 2 January 2006"),
		Datetime: t.Format("2006-01-02"),
	}
	switch {
	case clock != "":
		w.Time = clock
		w.Datetime += "T" + clock
	case part != "":
		w.Time = dayParts[part]
	}
	// The zone shows beside any time of day, but an HTML datetime takes
	// one only after a clock time.
	if zone != "" && w.Time != "" {
		if zone == "Z" {
			w.Time += " UTC"
		} else {
			w.Time += " UTC" + zone
		}
		if clock != "" {
			w.Datetime += offset
		}
	}
	w.Long = withMod(mod, w.Long, true)
	if mod != "" {
		w.Short = withMod(mod, w.Short, true)
	}
	if w.Time != "" {
		w.Long += ", " + w.Time
	}
	return w, true
}

// htmlZone checks a TIMEX3 zone, "" or Z or an offset of at most 23
// hours and 59 minutes ("+01", "+0100", "+01:00"), and writes it as an
// HTML datetime takes it: Z or ±hh:mm.
func htmlZone(zone string) (string, bool) {
	if zone == "" || zone == "Z" {
		return zone, true
	}
	digits := strings.ReplaceAll(zone[1:], ":", "")
	if len(digits) == 2 {
		digits += "00"
	}
	return zone[:1] + digits[:2] + ":" + digits[2:], digits[:2] <= "23" && digits[2:] <= "59"
}
