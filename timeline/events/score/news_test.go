package score

import (
	"github.com/timelinehq/timeline/timeline/timex"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/events"
)

func date(s string) *string { return &s }

func pred(typ events.Type, d string, spans ...[2]int) events.Event {
	e := events.Event{Type: typ, Date: timex.Value(d), Status: "occurred"}
	for _, s := range spans {
		e.Sources = append(e.Sources, events.Source{Start: s[0], End: s[1]})
	}
	return e
}

func gold(typ events.Type, d *string, spans ...[2]int) GoldEvent {
	g := GoldEvent{Type: typ, Date: d, Status: "occurred"}
	for _, s := range spans {
		g.Evidence = append(g.Evidence, Evidence{Start: s[0], End: s[1]})
	}
	return g
}

func TestScoreStory(t *testing.T) {
	for _, tc := range []struct {
		name                      string
		gold                      []GoldEvent
		pred                      []events.Event
		matched, dated, dateRight int
	}{
		{"the same type over the same sentence matches",
			[]GoldEvent{gold("call", date("2021-12-30"), [2]int{0, 50})},
			[]events.Event{pred("call", "2021-12-30", [2]int{0, 50})}, 1, 1, 1},
		{"an overlapping sentence is enough, and the date is judged",
			[]GoldEvent{gold("meeting", date("2021-12"), [2]int{10, 60})},
			[]events.Event{pred("meeting", "2021-12-01", [2]int{40, 90})}, 1, 1, 0},
		{"another type does not match",
			[]GoldEvent{gold("call", date("2021-12-30"), [2]int{0, 50})},
			[]events.Event{pred("meeting", "2021-12-30", [2]int{0, 50})}, 0, 0, 0},
		{"touching sentences do not overlap",
			[]GoldEvent{gold("call", nil, [2]int{0, 50})},
			[]events.Event{pred("call", "", [2]int{50, 90})}, 0, 0, 0},
		{"an undated gold event counts for F1, not for dates",
			[]GoldEvent{gold("statement", nil, [2]int{0, 50})},
			[]events.Event{pred("statement", "2021", [2]int{0, 50})}, 1, 0, 0},
		{"matching is one to one, and the largest",
			// Greedy would pair the first prediction with the first gold
			// event and leave the second prediction unmatched.
			[]GoldEvent{gold("call", nil, [2]int{0, 50}), gold("call", nil, [2]int{100, 150})},
			[]events.Event{pred("call", "", [2]int{0, 50}, [2]int{100, 150}), pred("call", "", [2]int{0, 50})}, 2, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, matches, loneGold, lonePred := ScoreStory(Story{Events: tc.gold}, tc.pred)
			if c.Matched != tc.matched || c.Dated != tc.dated || c.DateRight != tc.dateRight {
				t.Errorf("matched %d, dated %d, right %d; want %d, %d, %d", c.Matched, c.Dated, c.DateRight, tc.matched, tc.dated, tc.dateRight)
			}
			if len(matches) != c.Matched || len(loneGold) != len(tc.gold)-c.Matched || len(lonePred) != len(tc.pred)-c.Matched {
				t.Errorf("%d matches, %d lone gold, %d lone predictions", len(matches), len(loneGold), len(lonePred))
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := Counts{Gold: 10, Predicted: 8, Matched: 6, Dated: 5, DateRight: 4}
	for name, got := range map[string][2]float64{
		"precision":     {c.Precision(), 0.75},
		"recall":        {c.Recall(), 0.6},
		"F1":            {c.F1(), 2 * 0.75 * 0.6 / 1.35},
		"date accuracy": {c.DateAccuracy(), 0.8},
		"score":         {c.Score(), 0.8 * 2 * 0.75 * 0.6 / 1.35},
	} {
		if d := got[0] - got[1]; d > 1e-12 || d < -1e-12 {
			t.Errorf("%s = %v, want %v", name, got[0], got[1])
		}
	}
	if (Counts{}).Score() != 0 {
		t.Error("an empty set scores")
	}
}

func TestReadSetNamesTheBadLine(t *testing.T) {
	_, err := readSet(strings.NewReader("{\"file\": \"a.txt\"}\n{bad\n"), "dir")
	if err == nil || !strings.Contains(err.Error(), "gold.jsonl:2:") {
		t.Errorf("err = %v, want it to name line 2", err)
	}
	set, err := readSet(strings.NewReader("{\"file\": \"a.txt\", \"events\": [{\"type\": \"call\", \"date\": null}]}\n"), "dir")
	if err != nil || len(set) != 1 || set[0].Path != "dir/a.txt" || set[0].Events[0].Date != nil {
		t.Errorf("set = %+v, %v", set, err)
	}
}
