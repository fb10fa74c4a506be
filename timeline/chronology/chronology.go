// Package chronology merges the events of many articles into one ordered
// chronology: the same event reported by several articles becomes one
// entry citing all of them, and every entry gets a stable, readable ID.
package chronology

import (
	"cmp"
	"slices"
	"strings"

	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// Merge merges the events of several articles, orders them by date and
// gives each an ID such as "2021-12-30-call-biden-putin". The input is
// not modified. Two events merge when they have the same type, dates that
// can name the same time (equal, or one more precise than the other),
// and a shared actor — or, with no actors on one side, the same place.
//
// Give one list per article, in article-path order: an event joins the
// earliest merged event it matches, so the result depends on that order
// and on nothing else. Merging takes time about linear in the number of
// events: each is compared only with the events of its type that share
// an actor, a place or a day and whose dates can be compatible.
//
// An ID depends on the event alone, not on the order of the build or on
// the other articles: "DATE-TYPE-WHO", and where events share that, the
// one reported first (earliest published source, then article path,
// then sentence) keeps it and each other adds six hex digits of a hash
// of its first source's file name and sentence:
// "2021-12-30-call-biden-a50799". Byte offsets are not part of it, so an
// edit elsewhere in the article keeps the ID.
func Merge(lists ...[]events.Event) []events.Event {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	m := newMerger(n)
	for _, list := range lists {
		for i := range list {
			m.add(&list[i])
		}
	}
	m.fold()
	out := m.merged()
	assignIDs(out)
	return out
}

// alike reports whether o and e are one event if they come from no
// common article: one article's extraction already told its events
// apart. It is symmetric.
func alike(o, e *events.Event) bool {
	if o.Type != e.Type || !timex.Compatible(o.Date, e.Date) {
		return false
	}
	if e.Type == events.Statement {
		// A statement is one speaker on one day.
		return o.Date == e.Date && len(o.Actors) > 0 && len(e.Actors) > 0 && o.Actors[0] == e.Actors[0]
	}
	if shared(o.Actors, e.Actors) {
		return true
	}
	if o.Place != "" && o.Place == e.Place && sameDay(o.Date, e.Date) {
		return true // one kind of event in one place on one day
	}
	if len(o.Actors) == 0 || len(e.Actors) == 0 {
		// With no parties on one side, the same place, or the same day
		// and no place to tell them apart: "the video call on December 7".
		return o.Place != "" && o.Place == e.Place || sameDay(o.Date, e.Date) && (o.Place == "" || e.Place == "" || o.Place == e.Place)
	}
	return false
}

// merge merges b into a, events of no common article. a's sources are
// kept sorted; sorted says they already are.
func merge(a *events.Event, b *events.Event, sorted bool) {
	if b.Date != a.Date && timex.Narrower(b.Date, a.Date) {
		a.Date, a.Mod = b.Date, b.Mod
	}
	if len(b.Actors) > len(a.Actors) {
		a.Title = b.Title
	}
	for _, n := range b.Actors {
		if !slices.Contains(a.Actors, n) {
			a.Actors = append(a.Actors, n)
		}
	}
	if a.Place == "" {
		a.Place = b.Place
	}
	if b.Status == events.Occurred {
		a.Status = events.Occurred // a later report that it happened wins over an earlier plan
	}
	if !sorted {
		slices.SortStableFunc(a.Sources, bySource)
	}
	// Each new source goes after the equal ones, as a stable sort of all
	// would put it; with no common article, only b may repeat a source.
	for i, s := range b.Sources {
		if hasSource(b.Sources[:i], s) {
			continue
		}
		at, _ := slices.BinarySearchFunc(a.Sources, s, func(x, s events.Source) int {
			if bySource(x, s) <= 0 {
				return -1
			}
			return 1
		})
		a.Sources = slices.Insert(a.Sources, at, s)
	}
}

// bySource orders an event's sources by publication, article and place
// in it.
func bySource(x, y events.Source) int {
	return cmp.Or(strings.Compare(x.Published, y.Published), strings.Compare(x.Article, y.Article), cmp.Compare(x.Start, y.Start))
}

func sameDay(a, b string) bool {
	return len(a) >= 10 && len(b) >= 10 && a[:10] == b[:10] && timex.Precision(a) != "week" && timex.Precision(b) != "week"
}

func hasSource(list []events.Source, s events.Source) bool {
	for _, o := range list {
		if o.Article == s.Article && o.Start == s.Start && o.End == s.End {
			return true
		}
	}
	return false
}

func shared(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// when is the span of an event's date, in Unix seconds (spans are whole
// minutes at the finest); ok is false for a value with no span.
type when struct {
	start, end int64
	ok         bool
}

func whenOf(v string) when {
	s, e, ok := timex.Span(v)
	return when{s.Unix(), e.Unix(), ok}
}

// chronological orders events by when they start; an event known only
// to the month comes before the days of that month, then by time, type
// and title. Events with no span come last.
func chronological(a, b *events.Event, wa, wb when) int {
	if wa.ok != wb.ok {
		if wa.ok {
			return -1
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(wa.start, wb.start),
		cmp.Compare(wb.end, wa.end), // the wider span first
		strings.Compare(a.Type, b.Type),
		strings.Compare(a.Title, b.Title),
	)
}
