package site

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// exportChronology is syntheticSite(n, n/10) with what real news text
// gives the exports to escape and fold: quotes straight and curly in the
// sentences, non-ASCII titles and places, clock times with and without a
// zone, approximate dates, twenty events a day, and a base URL and a
// display zone.
func exportChronology(n int) Site {
	s := syntheticSite(n, max(n/10, 1))
	day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	s.BaseURL = exportBase
	s.Description = "Who said what, when; and who reported it."
	s.TimeZone = time.FixedZone("CET", 3600)
	for i := range s.Events {
		e := &s.Events[i]
		e.Sources = slices.Clone(e.Sources)
		e.Date = timex.Value(day.AddDate(0, 0, i/20).Format("2006-01-02"))
		if i%7 == 3 {
			e.Date = e.Date[:7]
		}
		switch i % 5 {
		case 0:
			e.Title = fmt.Sprintf("Лавров and Blinken hold “frank” talks, round %d", i)
			e.Place = "Genève, Switzerland"
			e.Sources[0].Sentence = `The minister said "we will not back down", adding: “talks go on”. ` + e.Sources[0].Sentence
		case 1:
			if len(e.Date) == 10 {
				e.Date += "T15:00-05:00"
			}
			e.Sources[1].Sentence = "Officials told reporters on Monday, speaking on condition of anonymity, that the call lasted 50 minutes; both sides called it constructive — a word they rarely use. " + e.Sources[1].Sentence
		case 2:
			if len(e.Date) == 10 {
				e.Date += "T09:30"
			}
			e.Status = events.Planned
		case 3:
			e.Mod = "APPROX"
		}
	}
	return s
}

// sink is a pageWriter that keeps nothing, so that a benchmark measures
// making the exports, not writing them.
type sink struct{ bytes int }

func (*sink) keep(string, Key) bool { return false }
func (k *sink) writeKeyed(_ string, _ Key, data []byte) error {
	k.bytes += len(data)
	return nil
}

// BenchmarkExportsMemo makes every export of 80,000 events, as a build
// whose events changed does: without a memo, with an empty memo (a
// preview's first build), and with a memo of the previous build after
// one event changed (a preview's rebuild after one edit).
func BenchmarkExportsMemo(b *testing.B) {
	s := exportChronology(80000)
	s.Exports = ExportNames() // every export, the asked-for ones too
	xs, err := exportsOf(&s)
	if err != nil {
		b.Fatal(err)
	}
	edit := s
	edit.Events = slices.Clone(s.Events)
	edit.Events[40000].Title += ", corrected"
	views := []*siteView{newSiteView(s, s.BaseURL), newSiteView(edit, edit.BaseURL)}
	run := func(b *testing.B, v *siteView, s Site) int {
		var w sink
		if err := writeExports(context.Background(), &w, v, &s, xs); err != nil {
			b.Fatal(err)
		}
		return w.bytes
	}
	// The machine may be shared: CPU time per build says more than the
	// time on the clock.
	var cpu time.Duration
	report := func(b *testing.B, size int) {
		b.SetBytes(int64(size))
		b.ReportMetric(float64(len(s.Events)), "events")
		b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
	b.Run("memo=none", func(b *testing.B) {
		size := 0
		b.ReportAllocs()
		cpu = cpuTime()
		for b.Loop() {
			size = run(b, views[0], s)
		}
		report(b, size)
	})
	b.Run("memo=empty", func(b *testing.B) {
		size := 0
		b.ReportAllocs()
		cpu = cpuTime()
		for b.Loop() {
			m := s
			m.Memo = new(Memo)
			size = run(b, views[0], m)
		}
		report(b, size)
	})
	b.Run("memo=one-edit", func(b *testing.B) {
		m := s
		m.Memo = new(Memo)
		run(b, views[0], m)
		size, n := 0, 0
		b.ReportAllocs()
		cpu = cpuTime()
		for b.Loop() {
			n++ // the edit, then back: one event changed each time
			size = run(b, views[n%2], m)
		}
		report(b, size)
	})
}
