package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestMarkEvidence checks the evidence each article gets from the events
// that cite it: its ranges outer first, each with its events once and in
// the chronology's order, and the events it is evidence for.
func TestMarkEvidence(t *testing.T) {
	type cite struct {
		article    int // in arts, or -1 for an article not in the site
		start, end int
		unmarked   bool // no mark in the article page
	}
	tests := []struct {
		name   string
		events [][]cite // each event's sources, in the chronology's order
		want   []string // each article's ranges as "start-end:events", then "|" and its events
	}{
		{"no sources", [][]cite{{}}, []string{"|", "|"}},
		{"one sentence", [][]cite{{{0, 10, 20, false}}}, []string{"10-20:e0|e0", "|"}},
		{"two events share a sentence, in order", [][]cite{{{0, 10, 20, false}}, {{0, 10, 20, false}}},
			[]string{"10-20:e0,e1|e0,e1", "|"}},
		{"an event cites a sentence twice", [][]cite{{{0, 10, 20, false}, {0, 10, 20, false}}},
			[]string{"10-20:e0|e0", "|"}},
		{"nested ranges, the outer first", [][]cite{{{0, 10, 15, false}}, {{0, 10, 40, false}}, {{0, 5, 8, false}}},
			[]string{"5-8:e2 10-40:e1 10-15:e0|e0,e1,e2", "|"}},
		{"two articles", [][]cite{{{1, 3, 9, false}, {0, 1, 2, false}}, {{1, 3, 9, false}}},
			[]string{"1-2:e0|e0", "3-9:e0,e1|e0,e1"}},
		{"a source without a mark is evidence, not a range", [][]cite{{{0, 10, 20, true}}, {{0, 30, 40, false}}},
			[]string{"30-40:e1|e0,e1", "|"}},
		{"an article not in the site", [][]cite{{{-1, 1, 2, false}, {1, 1, 2, false}}},
			[]string{"|", "1-2:e0|e0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts := []*articleInfo{{at: 0}, {at: 1}}
			var evs []*eventView
			for i, srcs := range tc.events {
				ev := &eventView{ID: fmt.Sprintf("e%d", i)}
				for _, c := range srcs {
					sv := sourceView{Start: c.start, End: c.end}
					if c.article >= 0 {
						sv.info = arts[c.article]
						if !c.unmarked {
							sv.markID = fmt.Sprintf("s%d-%d", c.start, c.end)
						}
					}
					ev.Sources = append(ev.Sources, sv)
				}
				evs = append(evs, ev)
			}
			markEvidence(arts, evs)
			var got []string
			for _, ai := range arts {
				var ranges []string
				for _, r := range ai.sorted {
					if want := fmt.Sprintf("s%d-%d", r.start, r.end); r.id != want {
						t.Errorf("range %d-%d has id %q, want %q", r.start, r.end, r.id, want)
					}
					ranges = append(ranges, fmt.Sprintf("%d-%d:%s", r.start, r.end, ids(r.events)))
				}
				got = append(got, strings.Join(ranges, " ")+"|"+ids(ai.events))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// ids joins the IDs of evs.
func ids(evs []*eventView) string {
	var out []string
	for _, ev := range evs {
		out = append(out, ev.ID)
	}
	return strings.Join(out, ",")
}
