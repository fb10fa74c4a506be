package site

import (
	"bytes"
	"context"
	"encoding/csv"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// capture is a pageWriter that keeps every file it is given.
type capture map[string][]byte

func (capture) keep(string, Key) bool { return false }
func (c capture) writeKeyed(name string, _ Key, data []byte) error {
	c[name] = bytes.Clone(data)
	return nil
}

// makeExports makes every export of s as a build does, through s.Memo
// when it is set.
func makeExports(t testing.TB, s Site) capture {
	t.Helper()
	xs, err := exportsOf(&s)
	if err != nil {
		t.Fatal(err)
	}
	c := capture{}
	if err := writeExports(context.Background(), c, newSiteView(s, s.BaseURL), &s, xs); err != nil {
		t.Fatal(err)
	}
	return c
}

// memoEdits are the chronologies a preview might build one after the
// other: the export fixture, then edits that change, add, remove, reorder
// and duplicate events (a duplicate ID gets a suffix that depends on the
// events before it), and settings that every piece reads.
func memoEdits(t testing.TB) []struct {
	name string
	s    Site
} {
	base := exportSite(t, exportBase)
	const call = "2021-12-30-call-biden-putin-a50799"
	with := func(f func(s *Site)) Site {
		s := base
		s.Events = slices.Clone(base.Events)
		f(&s)
		base = s
		return s
	}
	// dup repeats the event of ID id, as the chronology never does: its
	// exports then have ID id-2, which ics and timelinejs show.
	dup := func(s *Site, id string) {
		i := slices.IndexFunc(s.Events, func(e events.Event) bool { return e.ID == id })
		e := s.Events[i]
		e.Title += " (again)"
		s.Events = slices.Insert(s.Events, i+1, e)
	}
	first := base // not in the list below: Go may read base there after every call of with
	return []struct {
		name string
		s    Site
	}{
		{"first", first},
		{"unchanged", with(func(*Site) {})},
		{"a title changed", with(func(s *Site) { s.Events[1].Title += ", said Psaki" })},
		{"a source changed", with(func(s *Site) {
			s.Events[3].Sources = slices.Clone(s.Events[3].Sources)
			s.Events[3].Sources[0].URL += "?corrected"
		})},
		{"an event added", with(func(s *Site) {
			s.Events = slices.Insert(s.Events, 2, events.Event{ID: "2021-12-30-statement-new", Type: events.Statement,
				Status: events.Occurred, Date: "2021-12-30", Title: "A new, \"quoted\" statement", Actors: []string{"=Someone"}})
		})},
		{"an event removed", with(func(s *Site) { s.Events = slices.Delete(s.Events, 0, 1) })},
		{"a duplicate ID", with(func(s *Site) { dup(s, call) })},
		{"the first of two duplicates removed", with(func(s *Site) {
			i := slices.IndexFunc(s.Events, func(e events.Event) bool { return e.ID == call })
			s.Events = slices.Delete(s.Events, i, i+1)
		})},
		{"two duplicates", with(func(s *Site) { dup(s, call); dup(s, call) })},
		// An event without an ID is "event" in the exports, or "event-2"
		// after an event of ID "event"; its page's name comes from its
		// index instead, so its digest does not see the suffix change.
		{"an event without an ID after one called event", with(func(s *Site) {
			s.Events = append(s.Events,
				events.Event{ID: "event", Type: events.Call, Status: events.Occurred, Date: "2021-12-30", Title: "Named event"},
				events.Event{Type: events.Call, Status: events.Occurred, Date: "2021-12-30T10:00Z", Title: "Nameless"})
		})},
		{"the event called event renamed", with(func(s *Site) {
			i := slices.IndexFunc(s.Events, func(e events.Event) bool { return e.ID == "event" })
			s.Events[i].ID = "event-renamed"
		})},
		{"events reordered", with(func(s *Site) { slices.Reverse(s.Events) })},
		{"a date made undated", with(func(s *Site) { s.Events[5].Date = "PAST_REF" })},
		{"every event removed", with(func(s *Site) { s.Events = nil })},
		{"events back", with(func(s *Site) { s.Events = exportSite(t, exportBase).Events })},
		{"a display zone", with(func(s *Site) { s.TimeZone = time.FixedZone("EST", -5*3600) })},
		{"another base URL", with(func(s *Site) { s.BaseURL = "https://example.com/" })},
		{"no base URL", with(func(s *Site) { s.BaseURL = "" })},
		{"a description", with(func(s *Site) { s.Description = "Who said what; again" })},
		{"a title and an edit", with(func(s *Site) { s.Title = "Another"; s.Events[0].Place = "Kyiv" })},
		{"a feed limit", with(func(s *Site) { s.FeedLimit = 2 })},
		{"only the CSV", with(func(s *Site) { s.Exports = []string{"csv"} })},
		{"every export again", with(func(s *Site) { s.Exports = nil; s.Events[2].Title = "Changed while the others were off" })},
	}
}

// TestExportsWithAMemo builds the chronologies of memoEdits one after the
// other with one memo, as a preview does, and checks that every export is
// byte for byte what a build without a memo makes.
func TestExportsWithAMemo(t *testing.T) {
	memo := new(Memo)
	for _, step := range memoEdits(t) {
		want := makeExports(t, step.s)
		s := step.s
		s.Memo = memo
		got := makeExports(t, s)
		if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
			t.Fatalf("%s: made %v with a memo, want %v", step.name, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s: %s differs with a memo:\n%s", step.name, name, firstDiff(got[name], data))
			}
		}
	}
}

// TestBuildsWithAMemo is TestExportsWithAMemo through Build, over the
// same output folder, as a preview's rebuilds are.
func TestBuildsWithAMemo(t *testing.T) {
	memo := new(Memo)
	out := filepath.Join(t.TempDir(), "public")
	for i, step := range memoEdits(t) {
		if i%6 != 0 && i != 2 {
			continue // the exports test sees every step; a build is slower
		}
		want := readTree(t, build(t, step.s, nil))
		s := step.s
		s.Memo = memo
		if err := buildSite(context.Background(), s, nil, out); err != nil {
			t.Fatal(err)
		}
		got := readTree(t, out)
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s: %s differs with a memo:\n%s", step.name, name, firstDiff(got[name], data))
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d files with a memo, want %d", step.name, len(got), len(want))
		}
	}
}

// TestExportMemoDoesNotGrow rebuilds a thousand times with one memo, a
// different event changed, added or removed each time, and checks that
// the memo holds the last chronology's pieces and nothing else.
func TestExportMemoDoesNotGrow(t *testing.T) {
	s := syntheticSite(60, 6)
	s.Memo = new(Memo)
	s.Exports = ExportNames()
	all := slices.Clone(s.Events)
	rebuilds := 1000
	if testing.Short() {
		rebuilds = 200
	}
	for i := range rebuilds {
		s.Events = slices.Clone(all)
		s.Events[i%len(s.Events)].Title += " " + strconv.Itoa(i)
		switch i % 3 {
		case 1:
			s.Events = slices.Delete(s.Events, (i*7)%len(s.Events), (i*7)%len(s.Events)+1)
		case 2:
			e := all[(i*11)%len(all)]
			e.ID += "-added-" + strconv.Itoa(i)
			s.Events = append(s.Events, e)
		}
		files := makeExports(t, s)
		ms := &s.Memo.exports
		if len(ms.byName) != 4 {
			t.Fatalf("rebuild %d: the memo has %d exports, want the 4 made of pieces", i, len(ms.byName))
		}
		for name, m := range ms.byName {
			if len(m.keys) != len(s.Events) || len(m.spans) != len(s.Events) {
				t.Fatalf("rebuild %d: the memo of %s has %d pieces, want %d", i, name, len(m.keys), len(s.Events))
			}
			var x export
			for _, e := range exportList {
				if e.Name() == name {
					x = e.export
				}
			}
			if !bytes.Equal(m.buf, files[x.File()]) {
				t.Fatalf("rebuild %d: the memo of %s holds other bytes than the file", i, name)
			}
			if cap(m.buf) > 2*len(m.buf)+8192 {
				t.Fatalf("rebuild %d: the memo of %s holds %d bytes for a file of %d", i, name, cap(m.buf), len(m.buf))
			}
		}
	}
}

// TestCSVIsEncodingCSV checks that events.csv, written by hand, is what
// encoding/csv's Writer writes, for cells that need quotes, quotes
// doubled, line breaks, leading spaces and formulas.
func TestCSVIsEncodingCSV(t *testing.T) {
	s := exportSite(t, exportBase)
	cells := []string{"", " lead", "\tTab", "a,b", `say "hi"`, "line\nbreak", "cr\r\nlf", "lone\rcr", `\.`, "=1+2", "-x", "@me",
		"+1", "\u00a0nbsp", "\u2028sep", "plain", "Genève", "x\xffy", ";", "'quoted'"}
	for i, c := range cells {
		s.Events = append(s.Events, events.Event{ID: "csv-" + strconv.Itoa(i) + c, Type: events.Type(c), Status: events.Occurred, Date: timex.Value("2021-12-30" + c),
			Mod: c, Title: c, Actors: []string{c, c}, Place: c, Sources: []events.Source{{URL: c, Title: c}}})
		s.Events = append(s.Events, events.Event{ID: c, Title: c, Actors: []string{c}})
	}
	for _, base := range []string{exportBase, "", "=https://x/"} {
		s.BaseURL = base
		v := newSiteView(s, base)
		got, err := csvExport{}.Make(v, &s)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceCSV(t, v); !bytes.Equal(got, want) {
			t.Errorf("base %q: events.csv is not encoding/csv's:\n%s", base, firstDiff(got, want))
		}
	}
}

// referenceCSV is events.csv as encoding/csv writes it.
func referenceCSV(t *testing.T, v *siteView) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	w.Write(csvHeader)
	for _, ev := range v.Events {
		first := ""
		if len(ev.Sources) > 0 {
			first = ev.Sources[0].URL
		}
		row := []string{ev.ID, ev.Date, ev.Mod, ev.Type, ev.Status, ev.Title,
			strings.Join(ev.Actors, "; "), ev.Place, strconv.Itoa(len(ev.Sources)), first, pageURL(v, ev)}
		for i, cell := range row {
			row[i] = neutralize(cell)
		}
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLatest checks that the latest events are those of a stable sort by
// when they were reported, newest first, for any number of them.
func TestLatest(t *testing.T) {
	s := syntheticSite(400, 40)
	v := newSiteView(s, "")
	for i, ev := range v.Events {
		ev.reported = strconv.Itoa(i * 7919 % 13) // many ties
	}
	all := slices.Clone(v.Events)
	slices.SortStableFunc(all, func(a, b *eventView) int { return strings.Compare(b.reported, a.reported) })
	for _, n := range []int{0, 1, 2, 20, 49, 50, 51, 399, 400, 1000} {
		if got, want := v.latest(n), all[:min(n, len(all))]; !slices.Equal(got, want) {
			t.Errorf("latest(%d) is not the first %d of a stable sort", n, n)
		}
	}
}

// TestExportMemoAfterEventsMoved rebuilds with one memo after most events
// moved, which makes find index every piece, and after events were
// added and removed here and there, and compares every export with a
// build without a memo.
func TestExportMemoAfterEventsMoved(t *testing.T) {
	s := syntheticSite(300, 30)
	s.BaseURL = exportBase
	memo := new(Memo)
	for _, edit := range []func([]events.Event) []events.Event{
		func(evs []events.Event) []events.Event { return evs },
		func(evs []events.Event) []events.Event { slices.Reverse(evs); return evs },
		func(evs []events.Event) []events.Event {
			for i := 0; i < len(evs); i += 9 {
				evs[i].Title += " again"
			}
			return slices.Delete(evs, 100, 110)
		},
		func(evs []events.Event) []events.Event {
			for i := 250; i > 0; i -= 50 {
				e := evs[i]
				e.ID += "-new"
				evs = slices.Insert(evs, i, e)
			}
			return evs
		},
		func(evs []events.Event) []events.Event { return append(evs[150:], evs[:150]...) },
	} {
		s.Events = edit(slices.Clone(s.Events))
		want := makeExports(t, s)
		m := s
		m.Memo = memo
		got := makeExports(t, m)
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s differs with a memo:\n%s", name, firstDiff(got[name], data))
			}
		}
	}
}

// TestStreamedExportsAreWhole checks that every export made of pieces
// streams, a block of events per core, the bytes it is made of in one go:
// at sizes around a block and a wave of blocks, where some events have no
// piece (the iCalendar and TimelineJS exports leave out events of a month
// or a year), so that the separators between blocks are tested too.
func TestStreamedExportsAreWhole(t *testing.T) {
	wave := 4 * runtime.GOMAXPROCS(0) * streamBlock
	left := 0
	for _, n := range []int{0, 1, 7, streamBlock - 1, streamBlock, streamBlock + 1, wave, wave + 7, 2*wave + streamBlock/2} {
		s := syntheticSite(n, max(1, n/10))
		v := newSiteView(s, "")
		for _, x := range exportList {
			p, ok := x.export.(pieceExport)
			if !ok {
				continue
			}
			want, err := newExportRun(v, &s).makeExport(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			r := newExportRun(v, &s)
			if err := r.streamPieces(p, func(b []byte) error { got = append(got, b...); return nil }); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%d events, %s: streamed %d bytes differ from the %d made at once", n, x.export.File(), len(got), len(want))
			}
			for i := range v.Events {
				if len(p.piece(nil, r, i)) == 0 {
					left++
				}
			}
		}
	}
	if left == 0 {
		t.Error("no export left an event out: the separators between blocks are not tested")
	}
}

// TestExportBufferIsReused checks that every build after the first
// through a memo makes its bytes in the memo's spare buffer when they are
// about the last build's, as they are after an edit, larger or smaller,
// and again soon after they grew past it.
func TestExportBufferIsReused(t *testing.T) {
	const n = 1 << 20
	m := new(exportMemo)
	build := func(size int) (reused bool) {
		var spare *byte
		if cap(m.spare) > 0 {
			spare = &m.spare[:1][0]
		}
		b := m.buffer(n)
		reused = spare != nil && &b[:1][0] == spare
		b = slices.Grow(b, size)[:size] // as append grows it
		if got := m.set(b, nil, nil); len(got) != size {
			t.Fatalf("set gave %d bytes to write, want %d", len(got), size)
		}
		return reused
	}
	build(n) // the first build: its size is a guess
	for i, size := range []int{n + 100, n + 90, n + 50, n + 200, n - 300, n + 120, n + 2000} {
		if !build(size) {
			t.Fatalf("edit %d, to %d bytes after %d: a new buffer, want the spare", i, size, len(m.buf))
		}
	}
	// A build whose bytes grow by 2% outgrows its buffer; the builds
	// after it take spares again from the second on.
	grown := len(m.buf) + len(m.buf)/50
	build(grown)
	build(grown + 10)
	if !build(grown + 20) {
		t.Fatalf("two builds after the bytes grew to %d: a new buffer, want the spare", grown)
	}
}
