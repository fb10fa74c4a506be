package site

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline/timex"
)

// dayTime is a TIMEX3 value at day precision or finer, as the exports and
// the display zone need it: the calendar day, and the clock time or part
// of day and the zone when the value has them.
type dayTime struct {
	day                  time.Time // the calendar day, at midnight UTC
	clock                bool      // hour, minute and second are set
	hour, minute, second int
	part                 string // "MO", "EV", ...: a part of the day, without a clock time
	zone                 string // "" (floating: no zone given), "Z" or "±hh:mm"
}

// parseDayTime reads a day with an optional clock time or part of day and
// zone, as parseWhen does: "2021-12-30", "2021-12-30T20:30Z",
// "2021-12-30T15:00-05:00", "2021-12-30TEV".
func parseDayTime(value string) (dayTime, bool) {
	m := reDay.FindStringSubmatch(value)
	if m == nil {
		return dayTime{}, false
	}
	day, hour, minute, second, part, zone := m[1], m[2], m[3], m[4], m[5], m[6]
	spanOf := day
	switch {
	case hour != "":
		spanOf += "T" + hour + ":" + cmp.Or(minute, "00")
	case part != "":
		spanOf += "T" + part
	}
	_, _, ok := timex.Span(spanOf)
	z, zoneOK := htmlZone(zone)
	if !ok || second > "59" || !zoneOK {
		return dayTime{}, false
	}
	d := dayTime{part: part, zone: z}
	d.day, _ = time.Parse("2006-01-02", day)
	if hour != "" {
		d.clock = true
		d.hour, _ = strconv.Atoi(hour)
		d.minute, _ = strconv.Atoi(cmp.Or(minute, "0"))
		d.second, _ = strconv.Atoi(cmp.Or(second, "0"))
	}
	return d, true
}

// instant is the moment of a clock time with a zone; ok is false for a
// day, a part of day or a floating time.
func (d dayTime) instant() (t time.Time, ok bool) {
	if !d.clock || d.zone == "" {
		return time.Time{}, false
	}
	loc := time.UTC
	if d.zone != "Z" {
		h, _ := strconv.Atoi(d.zone[1:3])
		m, _ := strconv.Atoi(d.zone[4:6])
		off := h*3600 + m*60
		if d.zone[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	y, mo, day := d.day.Date()
	return time.Date(y, mo, day, d.hour, d.minute, d.second, 0, loc), true
}

// parseWhenIn is parseWhen with a clock time that carries a zone shown in
// the display zone loc: "2021-12-30T20:30Z" in Europe/Moscow reads
// "Thursday 30 December 2021, 23:30 MSK", and belongs to the day and month
// it falls on there. A floating time (no zone), a part of day and a day
// stay as the text gives them; so does everything when loc is nil.
func parseWhenIn(value, mod string, loc *time.Location) when {
	if loc == nil {
		return parseWhen(value, mod)
	}
	d, ok := parseDayTime(value)
	t, zoned := d.instant()
	if !ok || !zoned {
		return parseWhen(value, mod)
	}
	t = t.In(loc)
	w := parseWhen(t.Format("2006-01-02T15:04Z07:00"), mod)
	// A zone with a name of letters shows it ("MSK", "EST"); the others
	// keep the offset parseWhen gives them ("UTC+03:00").
	if abbr := t.Format("MST"); strings.Trim(abbr, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		label := t.Format("15:04") + " " + abbr
		w.Long = strings.TrimSuffix(w.Long, w.Time) + label
		w.Time = label
	}
	return w
}

// zoneName names loc for keys: "" for nil.
func zoneName(loc *time.Location) string {
	if loc == nil {
		return ""
	}
	return loc.String()
}
