package score

import (
	"encoding/json"
	"strings"
	"testing"
)

func span(s, e int, typ, val string) Span { return Span{Start: s, End: e, Type: typ, Value: val} }

func TestScoreDoc(t *testing.T) {
	d := Doc{
		Timexes: []Span{span(0, 10, "DATE", "2021"), span(20, 30, "DATE", "2021-12"), span(40, 50, "TIME", "T1")},
		Ignore:  []Span{span(60, 70, "", "")},
	}
	preds := []Span{
		span(0, 10, "DATE", "2021"),     // exact, right value
		span(18, 25, "DATE", "2020-12"), // overlap, wrong value
		span(22, 28, "DATE", "2021-12"), // also overlaps gold 2; larger overlap wins
		span(62, 64, "DATE", "x"),       // on an ignore span: dropped
		span(80, 90, "DATE", "x"),       // false alarm
	}
	c, errs := ScoreDoc(d, preds, true)
	want := Counts{Docs: 1, Gold: 3, Pred: 4, Strict: 1, Relaxed: 2, Type: 2, Value: 2, VM: 2, Dropped: 1, Canon: 2}
	if c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	kinds := map[string]int{}
	for _, e := range errs {
		kinds[e.Kind]++
	}
	if kinds["miss"] != 1 || kinds["false"] != 2 || kinds["match"] != 1 {
		t.Errorf("errors by kind = %v", kinds)
	}
	m := c.Compute()
	if m.StrictP != 0.25 || m.RelaxedR != 2.0/3 || m.ValueAcc != 1 || m.ValueF1 != m.RelaxedF1 {
		t.Errorf("metrics = %+v", m)
	}
}

func TestEmptyScoresOne(t *testing.T) {
	if m := (Counts{Docs: 1}).Compute(); m.ValueF1 != 1 || m.StrictF1 != 1 {
		t.Errorf("no gold, no predictions: %+v, want all 1", m)
	}
}

func TestNormalizeKeepsOnlyIntegerOffsetsInRange(t *testing.T) {
	var items []json.RawMessage
	for _, s := range []string{`{"start":0,"end":3,"type":"DATE","value":"2021"}`, `{"start":1.5,"end":3}`,
		`{"start":2,"end":99}`, `{"start":3,"end":3}`, `"x"`, `{"start":"0","end":2}`} {
		items = append(items, json.RawMessage(s))
	}
	good, bad := Normalize(items, 10)
	if len(good) != 1 || bad != 5 || good[0].Value != "2021" {
		t.Errorf("Normalize = %+v, %d bad", good, bad)
	}
}

func TestSummaryReportsFailedDocs(t *testing.T) {
	var total Counts
	total.Add(Counts{Docs: 1, Failed: 1})
	total.Add(Counts{Docs: 1})
	if s := Summary(total); !strings.HasSuffix(s, " failed_docs=1") {
		t.Errorf("Summary = %q, want failed_docs=1", s)
	}
}

func TestScoreDocStripsAsPython(t *testing.T) {
	// str.strip() also removes the information separators U+001C..U+001F.
	d := Doc{Timexes: []Span{span(0, 4, "DATE", "2021")}}
	p := Span{Start: 0, End: 4, Type: "DATE\x1f", Value: "\x1c 2021\n", Mod: "\x1d"}
	if c, _ := ScoreDoc(d, []Span{p}, true); c.Type != 1 || c.Value != 1 || c.VM != 1 {
		t.Errorf("counts = %+v, want type, value and mod to match", c)
	}
}

func TestCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2000-W7", "2000-W07"},
		{"2000-W2-WE", "2000-W02-WE"},
		{"2000-W07", "2000-W07"},
		{"2000-W15", "2000-W15"},
		{"1949-XX", "1949"},
		{"1994-XX-XX", "1994"},
		{"1998-10-XX", "1998-10"},
		{"1989-WXX", "1989-WXX"}, // an unknown week stays unknown
		{"XXXX-XX-XX", "XXXX-XX-XX"},
		{"198X", "198"},
		{"19XX", "19"},
		{"1989-11-06T17", "1989-11-06T17:00"},
		{"1989-10-27T24", "1989-10-27T24:00"},
		{"2009-12-15T18:00Z", "2009-12-15T18:00Z"},
		{"1998-02-22TAF", "1998-02-22TAF"},
		{"P1W", "P1W"},
		{"PAST_REF", "PAST_REF"},
	} {
		if got := Canonical(tc.in); got != tc.want {
			t.Errorf("Canonical(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestScoreDocCanonical(t *testing.T) {
	// Only the diagnostic count accepts a value spelled differently.
	d := Doc{Timexes: []Span{span(0, 4, "DATE", "1949-XX"), span(10, 19, "DATE", "2000-W7")}}
	preds := []Span{span(0, 4, "DATE", "1949"), span(10, 19, "DATE", "2000-W06")}
	c, _ := ScoreDoc(d, preds, true)
	if c.Value != 0 || c.Canon != 1 {
		t.Errorf("value = %d, canon = %d, want 0 and 1", c.Value, c.Canon)
	}
	if m := c.Compute(); m.CanonF1 != 0.5 || m.ValueF1 != 0 {
		t.Errorf("canonical F1 = %v, value F1 = %v, want 0.5 and 0", m.CanonF1, m.ValueF1)
	}
}
