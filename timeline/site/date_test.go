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
