// Package chronology merges the events of many articles into one ordered
// chronology: the same event reported by several articles becomes one
// entry citing all of them, and every entry gets a stable, readable ID.
package chronology

import (
	"cmp"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	var m Merger
	return m.Merge(lists...)
}

// A Merger merges as Merge does, and keeps what it merged for its next
// call: a live preview merges again after every save, and a save changes
// the events of one article.
//
// Events of different types are never one event and never share an ID
// (an ID names its type), so each type merges on its own, in parallel,
// and a type whose input events are the ones of the last call, in the
// same order, is not merged again. The input lists must not change in
// place between calls: a list given again is taken as unchanged. Its zero
// value is ready; it is not safe for concurrent use.
type Merger struct {
	last map[events.Type]*typeMerge
}

// typeMerge is the merge of the events of one type.
type typeMerge struct {
	in    []*events.Event // the input events, in input order
	out   []events.Event  // merged, in chronological order, with IDs
	whens []when          // the span of each of out's dates
}

// Merge merges lists as the package's Merge does.
func (mg *Merger) Merge(lists ...[]events.Event) []events.Event {
	byType := map[events.Type][]*events.Event{}
	var types []events.Type
	for _, l := range lists {
		for i := range l {
			t := l[i].Type
			if _, ok := byType[t]; !ok {
				types = append(types, t)
			}
			byType[t] = append(byType[t], &l[i])
		}
	}
	runs := make([]*typeMerge, len(types))
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(len(types), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(types); k = int(next.Add(1) - 1) {
				in := byType[types[k]]
				if old := mg.last[types[k]]; old != nil && sameEvents(old.in, in) {
					runs[k] = &typeMerge{in: in, out: old.out, whens: old.whens}
				} else {
					runs[k] = mergeType(in)
				}
			}
		})
	}
	wg.Wait()
	mg.last = make(map[events.Type]*typeMerge, len(types))
	for k, t := range types {
		mg.last[t] = runs[k]
	}

	out := interleave(runs)
	// Kinds travel with names: an actor whose sources do not say what it
	// is has the kind the chronology's other events give its name. IDs
	// are made before, from each event's own kinds, so that they do not
	// depend on other articles.
	kinds := kindsByName(out)
	for i := range out {
		fillKinds(&out[i], kinds)
	}
	return out
}

// mergeType merges the events of one type, in input order.
func mergeType(in []*events.Event) *typeMerge {
	m := newMerger(len(in))
	for _, e := range in {
		m.add(e)
	}
	m.fold()
	out, whens := m.merged()
	assignIDs(out)
	return &typeMerge{in: in, out: out, whens: whens}
}

// sameEvents reports whether a and b are the same events in the same
// order: the same values, or equal ones (an article read again with
// nothing changed).
func sameEvents(a, b []*events.Event) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// interleave puts the types' merged events, each in chronological
// order, into one chronological list. Events of two types are never
// equal in that order (it compares types), so the result is the order
// of one sort of them all.
func interleave(runs []*typeMerge) []events.Event {
	n := 0
	for _, r := range runs {
		n += len(r.out)
	}
	if n == 0 {
		return nil // as the definition: no events, no list
	}
	out := make([]events.Event, 0, n)
	at := make([]int, len(runs))
	for len(out) < n {
		best := -1
		for k, r := range runs {
			if at[k] == len(r.out) {
				continue
			}
			if best < 0 || chronological(&r.out[at[k]], &runs[best].out[at[best]], r.whens[at[k]], runs[best].whens[at[best]]) < 0 {
				best = k
			}
		}
		out = append(out, runs[best].out[at[best]])
		at[best]++
	}
	return out
}

// alike reports whether o and e are one event if they come from no
// common article: one article's extraction already told its events
// apart. It is symmetric. Two reports are one event when they have the
// same type, dates that fit (see datesFit) and
//
//   - for statements: the same first speaker, the same date, and the same
//     thing said — a shared quotation or clearly similar wording (see
//     similar); a speaker says many things on one day;
//   - otherwise: a shared party (alias-folded by extraction; order does not
//     matter), or the same place on the same day, or, with no parties on
//     one side, the same place or the same day; with no parties and no
//     place on either side, the same date and a sentence with the same
//     text (a syndicated copy).
//
// Two reports dated to days a little apart are also one event when they
// agree on everything else and say it in the same words (see
// conflicting): the merged event keeps both readings.
func alike(o, e *events.Event) bool {
	if o.Type != e.Type {
		return false
	}
	if !datesFit(o, e) {
		return e.Type != events.Statement && conflicting(o, e)
	}
	if e.Type == events.Statement {
		return o.Date == e.Date && len(o.Actors) > 0 && len(e.Actors) > 0 && o.Actors[0] == e.Actors[0] && saySame(o, e)
	}
	if shared(o.Actors, e.Actors) {
		return true
	}
	if o.Place != "" && o.Place == e.Place && sameDay(string(o.Date), string(e.Date)) {
		return true // one kind of event in one place on one day
	}
	if len(o.Actors) == 0 || len(e.Actors) == 0 {
		// With no parties on one side, the same place, or the same day
		// and no place to tell them apart: "the video call on December 7".
		if o.Place != "" && o.Place == e.Place || sameDay(string(o.Date), string(e.Date)) && (o.Place == "" || e.Place == "" || o.Place == e.Place) {
			return true
		}
		return bySentence(o) && bySentence(e) && o.Date == e.Date && shareSentence(o, e)
	}
	return false
}

// bySentence reports whether only its sentences can tell an event's
// syndicated copy: it has no parties and no place.
func bySentence(e *events.Event) bool {
	return e.Type != events.Statement && len(e.Actors) == 0 && e.Place == ""
}

// merge merges b into a, events of no common article. a's sources are
// kept sorted; sorted says they already are.
func merge(a *events.Event, b *events.Event, sorted bool) {
	mergeFields(a, b)
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

// mergeFields merges all of b but its sources into a: the finest date
// (and its mod), or, where the two disagree on the day, a's date and b's
// as another reading; the title that names the most parties; every
// party; a place; occurred over planned.
func mergeFields(a *events.Event, b *events.Event) {
	switch {
	case a.Date == b.Date:
	case a.Date.Compatible(b.Date) || zonesExplain(string(a.Date), string(b.Date)) || zonesExplain(string(b.Date), string(a.Date)):
		if b.Date.Narrower(a.Date) {
			a.Date, a.Mod = b.Date, b.Mod
		}
	default:
		addReading(a, events.Reading{Date: b.Date, Mod: b.Mod, Articles: articlesOf(b.Sources)})
	}
	for _, r := range b.Conflicts {
		addReading(a, r)
	}
	if len(b.Actors) > len(a.Actors) {
		a.Title = b.Title
	}
	had := len(a.Actors)
	for _, n := range b.Actors {
		if !slices.Contains(a.Actors, n) {
			a.Actors = append(a.Actors, n)
		}
	}
	a.ActorKinds = mergeKinds(a, had, b)
	if a.Place == "" {
		a.Place = b.Place
	}
	if b.Status == events.Occurred {
		a.Status = events.Occurred // a later report that it happened wins over an earlier plan
	}
}

// mergeKinds returns the kinds of a's actors, of which the first had were
// a's before b's joined them: a's kind of each, else b's. The result is a
// new slice where it differs from a's, which the input may share.
func mergeKinds(a *events.Event, had int, b *events.Event) []events.Kind {
	kinds := a.ActorKinds
	if len(kinds) != had {
		kinds = nil // a's kinds are not parallel to its actors: none known
	}
	if len(b.ActorKinds) == 0 && (len(kinds) == 0 || had == len(a.Actors)) {
		return kinds
	}
	out := make([]events.Kind, len(a.Actors))
	copy(out, kinds)
	known := false
	for i, name := range a.Actors {
		if out[i] == "" {
			out[i] = b.KindOf(name)
		}
		known = known || out[i] != ""
	}
	if !known {
		return nil
	}
	return out
}

// addReading records r as another reading of a's date, unless a's date
// already says it.
func addReading(a *events.Event, r events.Reading) {
	if r.Date == a.Date && r.Mod == a.Mod {
		return
	}
	for i := range a.Conflicts {
		if c := a.Conflicts[i]; c.Date == r.Date && c.Mod == r.Mod {
			arts := slices.Clone(c.Articles)
			for _, x := range r.Articles {
				if !slices.Contains(arts, x) {
					arts = append(arts, x)
				}
			}
			slices.Sort(arts)
			a.Conflicts = slices.Clone(a.Conflicts) // the input's may share it
			a.Conflicts[i].Articles = arts
			return
		}
	}
	a.Conflicts = append(slices.Clip(a.Conflicts), events.Reading{Date: r.Date, Mod: r.Mod, Articles: slices.Clone(r.Articles)})
	slices.SortFunc(a.Conflicts, func(x, y events.Reading) int {
		return cmp.Or(strings.Compare(string(x.Date), string(y.Date)), strings.Compare(x.Mod, y.Mod))
	})
}

// articlesOf returns the articles of sources, sorted, each once.
func articlesOf(sources []events.Source) []string {
	var out []string
	for _, s := range sources {
		if !slices.Contains(out, s.Article) {
			out = append(out, s.Article)
		}
	}
	slices.Sort(out)
	return out
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
		cmp.Compare(a.Type, b.Type),
		strings.Compare(a.Title, b.Title),
	)
}
