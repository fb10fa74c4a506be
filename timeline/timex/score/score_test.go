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
	want := Counts{Docs: 1, Gold: 3, Pred: 4, Strict: 1, Relaxed: 2, Type: 2, Value: 2, VM: 2, Dropped: 1}
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
