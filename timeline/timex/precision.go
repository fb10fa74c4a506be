package timex

import "strings"

// Precision names the granularity of a TIMEX3 value: "century", "decade",
// "year", "half", "quarter", "season", "month", "week", "day" or "time"
// for points; "duration", "vague" (PAST_REF, ...) or "set" otherwise; ""
// for a value it does not recognize. Event extraction uses it to avoid
// claiming a day that the text does not give.
func Precision(value string) string {
	switch {
	case value == "":
		return ""
	case strings.HasSuffix(value, "_REF"):
		return "vague"
	case value[0] == 'P':
		return "duration"
	case strings.HasPrefix(value, "XXXX"):
		return "set"
	}
	if strings.Contains(value, "T") {
		return "time"
	}
	if !allDigits(value[:min(len(value), 2)]) {
		return ""
	}
	switch len(value) {
	case 2:
		return "century"
	case 3:
		return "decade"
	case 4:
		if allDigits(value) {
			return "year"
		}
		return ""
	}
	if len(value) < 7 || value[4] != '-' {
		return ""
	}
	switch {
	case value[5] == 'W':
		return "week"
	case value[5] == 'Q':
		return "quarter"
	case value[5] == 'H':
		return "half"
	case value[5] >= 'A' && value[5] <= 'Z':
		return "season"
	case len(value) == 7:
		return "month"
	case len(value) == 10:
		return "day"
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
