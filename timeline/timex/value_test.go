package timex

import (
	"testing"
	"time"
)

func TestSpan(t *testing.T) {
	tests := []struct {
		name, value, start, end string
	}{
		{"a year is the whole year", "2021", "2021-01-01T00:00", "2022-01-01T00:00"},
		{"a month is the whole month", "2021-12", "2021-12-01T00:00", "2022-01-01T00:00"},
		{"February of a leap year has 29 days", "2024-02", "2024-02-01T00:00", "2024-03-01T00:00"},
		{"a day is the whole day", "2021-12-30", "2021-12-30T00:00", "2021-12-31T00:00"},
		{"a time of day is one minute", "2021-12-30T20:30", "2021-12-30T20:30", "2021-12-30T20:31"},
		{"a part of the day is its day", "2021-12-30TEV", "2021-12-30T00:00", "2021-12-31T00:00"},
		{"an ISO week runs Monday to Sunday", "2021-W52", "2021-12-27T00:00", "2022-01-03T00:00"},
		{"ISO week 1 is the week with January 4th", "2021-W01", "2021-01-04T00:00", "2021-01-11T00:00"},
		{"ISO week 1 may start in December", "2015-W01", "2014-12-29T00:00", "2015-01-05T00:00"},
		{"a year with 53 ISO weeks has week 53", "2020-W53", "2020-12-28T00:00", "2021-01-04T00:00"},
		{"a week-end is Saturday and Sunday", "2021-W52-WE", "2022-01-01T00:00", "2022-01-03T00:00"},
		{"a day of an ISO week is that day", "2021-W52-4", "2021-12-30T00:00", "2021-12-31T00:00"},
		{"the first quarter is January to March", "2022-Q1", "2022-01-01T00:00", "2022-04-01T00:00"},
		{"the fourth quarter is October to December", "2021-Q4", "2021-10-01T00:00", "2022-01-01T00:00"},
		{"the first half is January to June", "2021-H1", "2021-01-01T00:00", "2021-07-01T00:00"},
		{"the second half is July to December", "2021-H2", "2021-07-01T00:00", "2022-01-01T00:00"},
		{"spring is March to May", "2021-SP", "2021-03-01T00:00", "2021-06-01T00:00"},
		{"summer is June to August", "2021-SU", "2021-06-01T00:00", "2021-09-01T00:00"},
		{"fall is September to November", "2021-FA", "2021-09-01T00:00", "2021-12-01T00:00"},
		{"winter runs from December into the next year", "2021-WI", "2021-12-01T00:00", "2022-03-01T00:00"},
	}
	const layout = "2006-01-02T15:04"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, ok := Span(tt.value)
			if !ok {
				t.Fatalf("Span(%q) not ok", tt.value)
			}
			if got := start.Format(layout); got != tt.start {
				t.Errorf("Span(%q) start = %s, want %s", tt.value, got, tt.start)
			}
			if got := end.Format(layout); got != tt.end {
				t.Errorf("Span(%q) end = %s, want %s", tt.value, got, tt.end)
			}
			if start.Location() != time.UTC {
				t.Errorf("Span(%q) is in %v, want UTC", tt.value, start.Location())
			}
		})
	}
}

func TestSpanRejectsBadValues(t *testing.T) {
	tests := []struct{ name, value string }{
		{"an empty value", ""},
		{"a short value", "202"},
		{"letters for a year", "abcd"},
		{"a signed year", "+202"},
		{"a negative year", "-001"},
		{"a reference word", "PAST_REF"},
		{"an unknown year", "XXXX-WXX-6"},
		{"a duration", "P3D"},
		{"month 13", "2021-13"},
		{"month 0", "2021-00"},
		{"an unknown month", "2021-XX"},
		{"a one-digit month", "2021-1"},
		{"day 32", "2021-12-32"},
		{"February 29th of a common year", "2021-02-29"},
		{"a month with trailing garbage", "2021-12-3"},
		{"hour 25", "2021-12-30T25:00:00x"},
		{"quarter 0", "2021-Q0"},
		{"quarter 5", "2021-Q5"},
		{"a quarter without its hyphen", "2021xQ4"},
		{"half 0", "2021-H0"},
		{"half 3", "2021-H3"},
		{"an unknown season", "2021-SX"},
		{"week 0", "2021-W00"},
		{"week 54", "2021-W54"},
		{"week 53 of a year with 52 weeks", "2021-W53"},
		{"a week without digits", "2021-Wab"},
		{"a one-digit week", "2021-W5"},
		{"a week with trailing garbage", "2021-W52abc"},
		{"weekday 8", "2021-W52-8"},
	}
	for _, tt := range tests {
		t.Run("rejects "+tt.name, func(t *testing.T) {
			if start, end, ok := Span(tt.value); ok {
				t.Errorf("Span(%q) = %v, %v, true; want not ok", tt.value, start, end)
			}
		})
	}
}

func FuzzSpan(f *testing.F) {
	for _, v := range []string{
		"2021", "2021-12", "2021-12-30", "2021-12-30T20:30", "2021-12-30TMO",
		"2021-W52", "2021-W52-WE", "2021-W52-4", "2020-W53", "2021-Q4", "2021-H1",
		"2021-SU", "2021-WI", "", "PAST_REF", "XXXX-WXX-6", "P3D", "0000-W01", "9999-12-31",
	} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		start, end, ok := Span(v)
		if !ok {
			return
		}
		if !start.Before(end) {
			t.Errorf("Span(%q) = [%v, %v): start not before end", v, start, end)
		}
		if d := end.Sub(start); d > 367*24*time.Hour {
			t.Errorf("Span(%q) covers %v, more than a year", v, d)
		}
	})
}
