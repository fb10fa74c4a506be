package chronology

import (
	"reflect"
	"slices"
	"testing"

	"github.com/timelinehq/timeline/internal/testshared"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// TestMergerMergesAsMerge holds a Merger, which keeps each part's merge
// for its next call, to Merge: after every change a preview sees (an
// article edited, added, removed, read again unchanged), its result is a
// fresh Merge's.
func TestMergerMergesAsMerge(t *testing.T) {
	testshared.Need(t, meantime)
	base := append(extractDir(t, "../../content"), extractDir(t, meantime)...)
	if len(base) < 10 {
		t.Fatalf("only %d articles", len(base))
	}
	// The i-th article with its events changed by f, in a new list.
	edit := func(lists [][]events.Event, i int, f func([]events.Event) []events.Event) [][]events.Event {
		out := slices.Clone(lists)
		out[i] = f(slices.Clone(lists[i]))
		return out
	}
	at := len(base) / 2
	for at < len(base) && len(base[at]) < 2 {
		at++
	}
	steps := []struct {
		name  string
		lists [][]events.Event
		same  bool // every part's merge is kept
	}{
		{"the first merge", base, false},
		{"the same lists again", base, true},
		{"an article read again unchanged", edit(base, at, func(l []events.Event) []events.Event { return l }), true},
		{"an event's date changed", edit(base, at, func(l []events.Event) []events.Event {
			l[0].Date = timex.Value("2001-02-03")
			return l
		}), false},
		{"an event of the article removed", edit(base, at, func(l []events.Event) []events.Event { return l[1:] }), false},
		{"an article added", append(slices.Clone(base), []events.Event{{Type: events.Call, Date: "2010-05-06", Status: events.Occurred,
			Title: "A call", Actors: []string{"Angela Merkel"}, Sources: []events.Source{{Article: "zz-new.txt", Published: "2010-05-07", Sentence: "Merkel called."}}}}), false},
		{"an article removed", base[1:], false},
		{"back to the first lists", base, false},
	}
	var m Merger
	for _, st := range steps {
		before := m.last
		got := m.Merge(st.lists...)
		if want := Merge(st.lists...); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the Merger's chronology differs from Merge's (%d and %d events)", st.name, len(got), len(want))
		}
		kept := 0
		for part, r := range m.last {
			if old := before[part]; old != nil && len(r.out) > 0 && &old.out[0] == &r.out[0] {
				kept++
			}
		}
		if st.same && kept != len(m.last) {
			t.Errorf("%s: %d of %d parts merged again, want none", st.name, len(m.last)-kept, len(m.last))
		}
		if !st.same && kept == len(m.last) && st.name != "the first merge" {
			t.Errorf("%s: no part merged again", st.name)
		}
	}
}
