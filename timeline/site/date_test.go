package site

import "testing"

func TestParseWhen(t *testing.T) {
	for _, tc := range []struct {
		value, mod                   string
		key, group, short, long, att string
	}{
		{"2021-12-30T20:30", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, 20:30", "2021-12-30T20:30"},
		{"2021-12-30T20:30Z", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, 20:30 UTC", "2021-12-30T20:30Z"},
		{"2021-12-30T09", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, 09:00", "2021-12-30T09:00"},
		{"2021-12-30TEV", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, evening", "2021-12-30"},
		{"2021-12-30", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021", "2021-12-30"},
		{"2021-12-30", "APPROX", "2021-12", "December 2021", "around Thu 30", "around Thursday 30 December 2021", "2021-12-30"},
		{"2021-12", "", "2021-12", "December 2021", "December", "December 2021", "2021-12"},
		{"2021-12", "START", "2021-12", "December 2021", "early December", "early December 2021", "2021-12"},
		{"2021-12", "MID", "2021-12", "December 2021", "mid-December", "mid-December 2021", "2021-12"},
		{"2021-12", "END", "2021-12", "December 2021", "late December", "late December 2021", "2021-12"},
		{"2021-W52", "", "2021-12", "December 2021", "week of Mon 27", "week of 27 December 2021", "2021-W52"},
		{"2020-W01", "", "2019-12", "December 2019", "week of Mon 30", "week of 30 December 2019", "2020-W01"},
		{"2021-SU", "", "2021", "2021", "summer 2021", "summer 2021", ""},
		{"2021-Q1", "", "2021", "2021", "first quarter of 2021", "first quarter of 2021", ""},
		{"2021", "", "2021", "2021", "2021", "2021", "2021"},
		{"2021", "END", "2021", "2021", "late 2021", "late 2021", "2021"},
		{"199", "", "1990s", "1990s", "the 1990s", "the 1990s", ""},
		{"PAST_REF", "", "", "Undated", "in the past", "in the past", ""},
		{"", "", "", "Undated", "date unknown", "date unknown", ""},
		{"2021-02-30", "", "", "Undated", "2021-02-30", "2021-02-30", ""},
		{"2021-13", "", "", "Undated", "2021-13", "2021-13", ""},
		{"2021-12-30TEV+01:00", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, evening UTC+01:00", "2021-12-30"},
		{"2021-12-30T20:30+0100", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, 20:30 UTC+0100", "2021-12-30T20:30+01:00"},
		{"2021-12-30T20:30-05", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, 20:30 UTC-05", "2021-12-30T20:30-05:00"},
		{"2021-12-30T20:30:15.5", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021, 20:30", "2021-12-30T20:30"},
		{"2021-12-30+01:00", "", "2021-12", "December 2021", "Thu 30", "Thursday 30 December 2021", "2021-12-30"},
		{"2021-12-30T25:99", "", "", "Undated", "2021-12-30T25:99", "2021-12-30T25:99", ""},
		{"2021-12-30T24", "", "", "Undated", "2021-12-30T24", "2021-12-30T24", ""},
		{"2021-12-30T20:60", "", "", "Undated", "2021-12-30T20:60", "2021-12-30T20:60", ""},
		{"2021-12-30T20:30:60", "", "", "Undated", "2021-12-30T20:30:60", "2021-12-30T20:30:60", ""},
		{"2021-12-30T20:30+24:00", "", "", "Undated", "2021-12-30T20:30+24:00", "2021-12-30T20:30+24:00", ""},
		{"2021-W52-WE", "", "2021-12", "December 2021", "weekend of Sat 1", "weekend of 1 January 2022", "2021-W52"},
		{"2020-W53", "", "2020-12", "December 2020", "week of Mon 28", "week of 28 December 2020", "2020-W53"},
		{"2021-W53", "", "", "Undated", "2021-W53", "2021-W53", ""},
		{"2021-W00", "", "", "Undated", "2021-W00", "2021-W00", ""},
		{"2021-AU", "", "2021", "2021", "autumn 2021", "autumn 2021", ""},
		{"2021-H2", "START", "2021", "2021", "early second half of 2021", "early second half of 2021", ""},
		{"2021-Q5", "", "", "Undated", "2021-Q5", "2021-Q5", ""},
		{"0000-01-01", "", "0000-01", "January 0000", "Sat 1", "Saturday 1 January 0000", ""},
	} {
		t.Run(tc.value+" "+tc.mod, func(t *testing.T) {
			w := parseWhen(tc.value, tc.mod)
			got := [5]string{w.Key, w.Group, w.Short, w.Long, w.Datetime}
			want := [5]string{tc.key, tc.group, tc.short, tc.long, tc.att}
			if got != want {
				t.Errorf("parseWhen(%q, %q)\n got %q\nwant %q", tc.value, tc.mod, got, want)
			}
		})
	}
}
