package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Formatting of TIMEX3 values at each precision.

func fmtYear(y int) string { return pad4(y) }

func fmtMonth(y, m int) string { return pad4(y) + "-" + pad2(m) }

func fmtDay(t time.Time) string {
	return pad4(t.Year()) + "-" + pad2(int(t.Month())) + "-" + pad2(t.Day())
}

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return pad4(y) + "-W" + pad2(w)
}

func pad2(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func pad4(n int) string {
	if n >= 0 && n < 1000 {
		return fmt.Sprintf("%04d", n)
	}
	return strconv.Itoa(n)
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := date(y, m, d)
	return t.Day() == d
}

// Tense of the clause around an expression.
const (
	past    = -1
	unknown = 0
	future  = +1
)

// weekdayNear resolves a bare weekday (1 = Sunday) against ref: the most
// recent such day on or before ref in the past tense (news reports what
// happened), the next one on or after ref in the future tense.
func weekdayNear(ref time.Time, wd int, tense int) time.Time {
	diff := (wd - 1) - int(ref.Weekday())
	if tense == future {
		if diff < 0 {
			diff += 7
		}
		return ref.AddDate(0, 0, diff)
	}
	if diff > 0 {
		diff -= 7
	}
	return ref.AddDate(0, 0, diff)
}

// monthYear picks the year of a month named without one: the latest such
// month not after ref's month in the past tense, the earliest not before it
// in the future tense, otherwise the nearer of the two.
func monthYear(ref time.Time, m int, tense int) int {
	y, rm := ref.Year(), int(ref.Month())
	switch tense {
	case past:
		if m > rm {
			return y - 1
		}
		return y
	case future:
		if m < rm {
			return y + 1
		}
		return y
	}
	// Without a cue a month is more likely past in news, unless it is
	// just ahead ("in January" written in December).
	switch d := m - rm; {
	case d > 2:
		return y - 1
	case d < -9:
		return y + 1
	}
	return y
}

// dayYear picks the year of a month and day written without one, like
// monthYear but at day precision.
func dayYear(ref time.Time, m, d int, tense int) int {
	y := ref.Year()
	this := date(y, m, d)
	switch tense {
	case past:
		if this.After(ref) {
			return y - 1
		}
		return y
	case future:
		if this.Before(ref) {
			return y + 1
		}
		return y
	}
	diff := this.Sub(ref).Hours() / 24
	switch {
	case diff > 183:
		return y - 1
	case diff < -183:
		return y + 1
	}
	return y
}

// quarterYear picks the year of a quarter named without one: quarters up to
// the current one are this year's in the past tense (a report on the third
// quarter written in October), later ones last year's; in the future
// tense, those before the last one are next year's.
func quarterYear(ref time.Time, q int, tense int) int {
	cur := (int(ref.Month())-1)/3 + 1
	y := ref.Year()
	switch {
	case q > cur && tense != future:
		return y - 1
	case q < cur-1 && tense == future:
		// in November, "expects Q2 growth to slow" is next year's (but
		// the third quarter, just ended, is still to be reported)
		return y + 1
	}
	return y
}

// seasonStart is the first month of each season (northern hemisphere).
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// seasonYear picks the year of a season named without one.
func seasonYear(ref time.Time, s string, tense int) int {
	start := seasonStart[s]
	y, rm := ref.Year(), int(ref.Month())
	if s == "WI" && rm <= 2 {
		// January and February belong to the winter that began last December.
		y--
		rm += 12
	}
	switch tense {
	case future:
		if rm >= start+3 {
			return y + 1
		}
	default:
		if rm < start {
			return y - 1
		}
	}
	return y
}

// durValue formats a duration of q units (q may be "X" or a decimal).
// Half units become the smaller unit, as TimeML prefers: P2Y6M, PT5H30M.
func durValue(q, unit string) string {
	if n, ok := strings.CutSuffix(q, ".5"); ok {
		switch unit {
		case "Y":
			return "P" + n + "Y6M"
		case "H":
			return "PT" + n + "H30M"
		case "D":
			return "P" + n + "DT12H"
		case "MIN":
			return "PT" + n + "M30S"
		}
	}
	switch unit {
	case "H":
		return "PT" + q + "H"
	case "MIN":
		return "PT" + q + "M"
	case "S":
		return "PT" + q + "S"
	case "DE":
		if n, err := strconv.ParseFloat(q, 64); err == nil {
			return "P" + strconv.FormatFloat(10*n, 'f', -1, 64) + "Y"
		}
		return "PXY" // TimeBank writes an unknown number of decades as years
	case "CE":
		if n, err := strconv.ParseFloat(q, 64); err == nil {
			return "P" + strconv.FormatFloat(100*n, 'f', -1, 64) + "Y" // "half a century": P50Y
		}
		return "P" + q + "C"
	case "WE":
		if q == "1" {
			return "P2D"
		}
		return "P" + q + "WE"
	case "FN":
		if n, err := strconv.Atoi(q); err == nil {
			return "P" + strconv.Itoa(2*n) + "W"
		}
		return "P" + q + "W"
	case "Q":
		if n, err := strconv.Atoi(q); err == nil {
			return "P" + strconv.Itoa(3*n) + "M"
		}
		return "PXM"
	}
	return "P" + q + unit
}

// shift moves ref by n units (n may be negative) and formats the result at
// the precision of the unit: "three years ago" is a year, "two days ago" a day.
func shift(ref time.Time, n int, unit string) (string, bool) {
	switch unit {
	case "Y":
		return fmtYear(ref.Year() + n), true
	case "M":
		t := date(ref.Year(), int(ref.Month()), 1).AddDate(0, n, 0)
		return fmtMonth(t.Year(), int(t.Month())), true
	case "W":
		return fmtWeek(ref.AddDate(0, 0, 7*n)), true
	case "FN":
		return fmtWeek(ref.AddDate(0, 0, 14*n)), true
	case "D":
		return fmtDay(ref.AddDate(0, 0, n)), true
	case "DE":
		y := ref.Year() + 10*n
		return strconv.Itoa(y / 10), true
	case "CE":
		y := ref.Year() + 100*n
		return strconv.Itoa(y / 100), true
	case "Q":
		q := (int(ref.Month())-1)/3 + n
		y := ref.Year()
		for q < 0 {
			q += 4
			y--
		}
		y += q / 4
		return fmt.Sprintf("%s-Q%d", fmtYear(y), q%4+1), true
	}
	return "", false
}
