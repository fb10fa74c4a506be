package chronology

import (
	"fmt"
	"github.com/timelinehq/timeline/timeline/timex"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/events"
)

// newsLists generates the events of n articles the way a newsroom's
// archive holds them: ten events an article, nine articles a day in path
// order; recurring actors (a few very often, most rarely); most events
// reported again by later articles, at the day, the time, the week, the
// month or the year; statements by a speaker on the day; and one article
// in ten a syndicated copy of an earlier one under another name.
func newsLists(n int, seed uint64) [][]events.Event {
	r := rand.New(rand.NewPCG(seed, 11))
	actors := rand.NewZipf(r, 1.1, 4, 1999)
	types := []events.Type{events.Call, events.Meeting, events.Warning, events.Visit, events.Agreement, events.Demand}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	type story struct {
		typ    events.Type
		day    time.Time
		actors []string
		place  string
	}
	var stories []story
	name := func(k uint64) string { return fmt.Sprintf("Person%d Surname%d", k%97, k) }
	lists := make([][]events.Event, 0, n)
	for a := range n {
		path := fmt.Sprintf("news/%05d.md", a)
		// About nine articles a day, at any size.
		pub := start.AddDate(0, 0, a*3*365/10000)
		if a > 0 && r.IntN(10) == 0 { // a wire story run again under another name
			prev := lists[a-1-r.IntN(min(a, 20))]
			list := make([]events.Event, len(prev))
			for i, e := range prev {
				e.Actors = append([]string(nil), e.Actors...)
				e.Sources = append([]events.Source(nil), e.Sources...)
				e.Sources[0].Article = path
				list[i] = e
			}
			lists = append(lists, list)
			continue
		}
		list := make([]events.Event, 0, 10)
		for k := range 10 {
			var e events.Event
			switch x := r.IntN(10); {
			case x < 2: // a statement by one speaker on the day
				e = events.Event{Type: events.Statement, Date: timex.Value(pub.Format("2006-01-02")), Actors: []string{name(actors.Uint64())}}
			case x < 6 || len(stories) == 0: // news: something happened, or will
				s := story{typ: types[r.IntN(len(types))], day: pub.AddDate(0, 0, r.IntN(5)-3)}
				for range 1 + r.IntN(3) {
					s.actors = append(s.actors, name(actors.Uint64()))
				}
				if r.IntN(3) == 0 {
					s.place = fmt.Sprintf("City%d", r.IntN(60))
				}
				stories = append(stories, s)
				e = events.Event{Type: s.typ, Date: timex.Value(s.day.Format("2006-01-02")), Actors: s.actors, Place: s.place}
			default: // an earlier story told again, at some precision
				s := stories[len(stories)-1-r.IntN(min(len(stories), 400))]
				e = events.Event{Type: s.typ, Actors: s.actors[:1+r.IntN(len(s.actors))], Place: s.place}
				switch p := r.IntN(20); {
				case p < 12:
					e.Date = timex.Value(s.day.Format("2006-01-02"))
				case p < 14:
					e.Date = timex.Value(s.day.Format("2006-01-02") + fmt.Sprintf("T%02d:%02d", r.IntN(24), 5*r.IntN(12)))
				case p < 16:
					y, w := s.day.ISOWeek()
					e.Date = timex.Value(fmt.Sprintf("%04d-W%02d", y, w))
				case p < 19:
					e.Date = timex.Value(s.day.Format("2006-01"))
				default:
					e.Date = timex.Value(s.day.Format("2006"))
				}
				if r.IntN(20) == 0 {
					e.Actors = nil // "the talks", with no parties named
				}
			}
			e.Status = events.Occurred
			if r.IntN(4) == 0 {
				e.Status = events.Planned
			}
			e.Title = fmt.Sprintf("%s of %v", e.Type, e.Actors)
			e.Sources = []events.Source{{
				Article: path, Title: "Story " + path, URL: "https://example.com/" + path, Published: pub.Format("2006-01-02"),
				Sentence: fmt.Sprintf("Sentence %d of story %d: %s.", k, a, e.Title), Start: 200 * k, End: 200*k + 150,
			}}
			list = append(list, e)
		}
		lists = append(lists, list)
	}
	return lists
}

// BenchmarkMergeNews merges the events of 1,000 and 10,000 generated
// articles (10,000 and 100,000 events), to show growth and speed.
// Besides the wall clock it reports the CPU time of a merge (cpu-s/op,
// all threads, the garbage collector's too), which other work on the
// machine inflates less.
func BenchmarkMergeNews(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			lists := newsLists(n, 1)
			in := 0
			for _, l := range lists {
				in += len(l)
			}
			var out int
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				out = len(Merge(lists...))
			}
			b.ReportMetric((cpuTime()-cpu)/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(in)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(out), "merged")
		})
	}
}
