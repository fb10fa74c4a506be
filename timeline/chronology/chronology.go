// Package chronology merges the events of many articles into one ordered
// chronology: the same event reported by several articles becomes one
// entry citing all of them, and every entry gets a stable, readable ID.
package chronology

import (
	"cmp"
	"hash/fnv"
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
// The events fall into parts that merge on their own, in parallel: two
// events of different types are never one event and never share an ID
// (an ID names its type), and two statements are one only when their
// dates are equal, so statements are parted further by date (see part).
// A part whose input events are the ones of the last call, at the same
// places in the lists, is not merged again. The input lists must not
// change in place between calls: a list given again is taken as
// unchanged. Its zero value is ready; it is not safe for concurrent use.
type Merger struct {
	last map[partKey]*partMerge
}

// statementParts is how many parts statements fall into.
const statementParts = 16

// partKey names a part: a type, and for statements a share of the dates.
type partKey struct {
	typ   events.Type
	share int
}

// part is the part an event merges in. A statement's share comes from
// its date as its ID writes it, so that statements whose IDs could
// collide are in one part; shares keeps the shares of dates seen.
func part(e *events.Event, shares map[timex.Value]int) partKey {
	if e.Type != events.Statement {
		return partKey{typ: e.Type}
	}
	share, ok := shares[e.Date]
	if !ok {
		h := fnv.New32a()
		h.Write([]byte(Slug(datePart(string(e.Date)))))
		share = int(h.Sum32() % statementParts)
		shares[e.Date] = share
	}
	return partKey{e.Type, share}
}

// input is an event of the input and its place: its list, and its index
// in the list.
type input struct {
	e  *events.Event
	at place
}

type place struct{ list, index int32 }

func (a place) compare(b place) int {
	return cmp.Or(cmp.Compare(a.list, b.list), cmp.Compare(a.index, b.index))
}

// partMerge is the merge of one part.
type partMerge struct {
	in    []input        // the input events, in input order
	out   []events.Event // merged, in chronological order, with IDs
	whens []when         // the span of each of out's dates
	first []place        // the place of the first input event of each of out
}

// Merge merges lists as the package's Merge does.
func (mg *Merger) Merge(lists ...[]events.Event) []events.Event {
	byPart := map[partKey][]input{}
	var keys []partKey
	shares := map[timex.Value]int{}
	for li, l := range lists {
		for i := range l {
			k := part(&l[i], shares)
			if _, ok := byPart[k]; !ok {
				keys = append(keys, k)
			}
			byPart[k] = append(byPart[k], input{&l[i], place{int32(li), int32(i)}})
		}
	}
	parts := make([]*partMerge, len(keys))
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(len(keys), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(keys); k = int(next.Add(1) - 1) {
				in := byPart[keys[k]]
				if old := mg.last[keys[k]]; old != nil && sameInputs(old.in, in) {
					parts[k] = &partMerge{in: in, out: old.out, whens: old.whens, first: old.first}
				} else {
					parts[k] = mergePart(in)
				}
			}
		})
	}
	wg.Wait()
	mg.last = make(map[partKey]*partMerge, len(keys))
	for k, key := range keys {
		mg.last[key] = parts[k]
	}

	out := interleave(parts)
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

// mergePart merges the events of one part, in input order.
func mergePart(in []input) *partMerge {
	m := newMerger(len(in))
	firsts := make([]place, 0, len(in)) // of each node, the place of the event that made it
	for _, x := range in {
		if m.add(x.e) {
			firsts = append(firsts, x.at)
		}
	}
	m.fold()
	order := m.merged()
	pm := &partMerge{in: in, out: make([]events.Event, len(order)), whens: make([]when, len(order)), first: make([]place, len(order))}
	for k, o := range order {
		pm.out[k], pm.whens[k], pm.first[k] = m.nodes[o.node].e, o.when, firsts[o.node]
	}
	assignIDs(pm.out)
	return pm
}

// sameInputs reports whether a and b are the same events at the same
// places: the same values, or equal ones (an article read again with
// nothing changed).
func sameInputs(a, b []input) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].at != b[i].at || a[i].e != b[i].e && !reflect.DeepEqual(a[i].e, b[i].e) {
			return false
		}
	}
	return true
}

// interleave puts the parts' merged events, each part in chronological
// order, into one chronological list, in the order one sort of them all
// gives: events the order holds equal come in the order of their first
// input events.
func interleave(parts []*partMerge) []events.Event {
	n := 0
	for _, p := range parts {
		n += len(p.out)
	}
	if n == 0 {
		return nil // as the definition: no events, no list
	}
	before := func(a, b *partMerge, i, j int) bool {
		return cmp.Or(chronological(&a.out[i], &b.out[j], a.whens[i], b.whens[j]), a.first[i].compare(b.first[j])) < 0
	}
	// A heap of the parts by their next event.
	at := make([]int, len(parts))
	var h []int
	less := func(x, y int) bool { return before(parts[h[x]], parts[h[y]], at[h[x]], at[h[y]]) }
	down := func(i int) {
		for {
			c := 2*i + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && less(c+1, c) {
				c++
			}
			if !less(c, i) {
				return
			}
			h[i], h[c] = h[c], h[i]
			i = c
		}
	}
	for k, p := range parts {
		if len(p.out) > 0 {
			h = append(h, k)
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	out := make([]events.Event, 0, n)
	for len(h) > 0 {
		k := h[0]
		out = append(out, parts[k].out[at[k]])
		if at[k]++; at[k] == len(parts[k].out) {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(0)
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
