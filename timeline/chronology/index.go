package chronology

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// A merger merges events as the quadratic definition does — each event
// joins the earliest merged event it is the same as, then merged events
// are folded pass after pass until no pass changes anything — but finds
// candidates in an index instead of scanning every event, and in the
// fold revisits only events that a merge may have made match.
//
// Events are numbered in the order they were first merged, which is the
// order of the definition's list; a folded event is marked dead, which
// keeps everyone else's order.
type merger struct {
	nodes []node
	index map[shelf]*bucket
	ids   map[string]int32 // types, actors, places and date values as numbers, for short keys
	dates map[string]*dateInfo

	seen []uint32 // seen[i] == gen: i is already a candidate of this query
	gen  uint32
	cand []int32

	// The fold: pos is the event being revisited in the current pass;
	// cur holds those after it still to revisit in this pass, next those
	// for the next pass.
	pos      int32
	cur      []int32 // a min-heap
	next     []int32
	old, new []key

	lastShelf  shelf
	lastBucket *bucket
	links      []link

	actors  []string // the actors, sources and articles of new events, in bulk
	sources []events.Source
	artIDs  []int32
	arts    []int32 // the articles of the event being added
}

type node struct {
	e             events.Event
	arts          []int32 // the numbers of its sources' articles, sorted
	alive         bool
	sorted        bool // its sources are in order
	inCur, inNext bool
}

// A key files an event under one thing a matching event must share with
// it: for an actor or a place, a date value (exact) or a value its date
// refines (under); for a day, its type alone. Strings are interned.
type key struct {
	kind           keyKind
	typ, by, value int32
}

type keyKind uint8

// Each under kind follows its at kind: both are filed on one shelf.
const (
	actorAt keyKind = iota
	actorUnder
	placeAt
	placeUnder
	onDay          // every event with a day, for one with no actors
	onDayNoActors  // events with no actors, for one with actors
	speakerOnValue // statements, by first speaker and exact date
	onSentence     // events with no parties and no place, by evidence sentence
)

// The index has two levels: a shelf for each type and actor (or place,
// or all days, or speaker), found with one look-up in a large map, and
// on it a bucket of small maps from date values to events. Most look-ups
// for dates then miss in a small map that is already in the cache.
type shelf struct {
	kind    keyKind // the kind of its at keys
	typ, by int32
}

type bucket struct {
	at, under map[int32]int32 // a value's newest entry in links, plus one
	// A bit for each value filed, modulo 64: most look-ups are for
	// values never filed, and the bits turn them away without a map.
	atBits, underBits uint64
}

// file files event i under key k.
func (m *merger) file(k key, i int32) {
	sh, under := shelf{k.kind, k.typ, k.by}, false
	if k.kind == actorUnder || k.kind == placeUnder {
		sh.kind-- // the shelf of its at kind
		under = true
	}
	b := m.lastBucket
	if sh != m.lastShelf || b == nil {
		b = m.index[sh] // keys come grouped by shelf: one look-up for a group
		if b == nil {
			b = &bucket{}
			m.index[sh] = b
		}
		m.lastShelf, m.lastBucket = sh, b
	}
	mp, bits := &b.at, &b.atBits
	if under {
		mp, bits = &b.under, &b.underBits
	}
	*bits |= 1 << (k.value & 63)
	if *mp == nil {
		*mp = make(map[int32]int32, 1)
	}
	// Lists of events chain through one slice: no allocation for each.
	m.links = append(m.links, link{i, (*mp)[k.value] - 1})
	(*mp)[k.value] = int32(len(m.links))
}

func newMerger(n int) *merger {
	return &merger{
		nodes: make([]node, 0, n),
		index: make(map[shelf]*bucket),
		ids:   make(map[string]int32),
		dates: make(map[string]*dateInfo),
		seen:  make([]uint32, 0, n),
		links: make([]link, 0, 4*n), // about what generated news needs
		pos:   -1,
	}
}

// add merges an event of the input into the earliest event it is the
// same as, or appends it, reporting whether it did.
func (m *merger) add(e *events.Event) (appended bool) {
	m.arts = m.articles(e, m.arts[:0])
	if k := m.first(e, m.arts, int32(len(m.nodes))); k >= 0 {
		m.mergeInto(k, e, m.arts)
		return false
	}
	i := int32(len(m.nodes))
	c := *e
	c.Actors = bulk(&m.actors, e.Actors)
	c.Sources = bulk(&m.sources, e.Sources)
	m.nodes = append(m.nodes, node{e: c, arts: bulk(&m.artIDs, m.arts), alive: true})
	m.seen = append(m.seen, 0)
	m.new = m.keys(&m.nodes[i].e, m.new[:0])
	for _, k := range m.new {
		m.file(k, i)
	}
	return true
}

// articles appends the sorted numbers of e's sources' articles.
func (m *merger) articles(e *events.Event, dst []int32) []int32 {
	for _, s := range e.Sources {
		dst = insert(dst, m.id(s.Article))
	}
	return dst
}

// insert adds n to a sorted set.
func insert(set []int32, n int32) []int32 {
	if i, found := slices.BinarySearch(set, n); !found {
		set = slices.Insert(set, i, n)
	}
	return set
}

// disjoint reports whether two sorted sets have no member in common.
func disjoint(a, b []int32) bool {
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			return false
		case a[0] < b[0]:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return true
}

// bulk copies list to the end of *arena and returns the copy, with no
// room to grow into the next: an append to it copies it.
func bulk[T any](arena *[]T, list []T) []T {
	if *arena == nil || len(*arena)+len(list) > cap(*arena) { // never nil: JSON shows [], not null
		*arena = make([]T, 0, max(4096, len(list)))
	}
	n := len(*arena)
	*arena = append(*arena, list...)
	return (*arena)[n : n+len(list) : n+len(list)]
}

// fold revisits, pass after pass and in list order, the events that may
// now be the same as an earlier one, and folds each into the earliest.
// An event no merge touched since it was last compared is skipped: it
// would find nothing again.
func (m *merger) fold() {
	for {
		for len(m.cur) > 0 {
			j := m.pop()
			m.nodes[j].inCur = false
			if !m.nodes[j].alive {
				continue
			}
			m.pos = j
			if k := m.first(&m.nodes[j].e, m.nodes[j].arts, j); k >= 0 {
				m.nodes[j].alive = false
				m.mergeInto(k, &m.nodes[j].e, m.nodes[j].arts)
			}
		}
		if len(m.next) == 0 {
			return
		}
		m.pos = -1
		for _, j := range m.next {
			m.nodes[j].inNext = false
			m.mark(j)
		}
		m.next = m.next[:0]
	}
}

// merged returns the live events' nodes in chronological order, and
// events equal in it in list order, with the span of each one's date.
func (m *merger) merged() []ordered {
	var items []ordered
	for i := range m.nodes {
		if m.nodes[i].alive {
			items = append(items, ordered{m.date(string(m.nodes[i].e.Date)).when, int32(i)})
		}
	}
	slices.SortFunc(items, func(a, b ordered) int {
		return cmp.Or(chronological(&m.nodes[a.node].e, &m.nodes[b.node].e, a.when, b.when), cmp.Compare(a.node, b.node))
	})
	return items
}

// ordered is a live event's node and the span of its date.
type ordered struct {
	when when
	node int32
}

// first returns the earliest event before limit that is the same as e,
// whose articles are arts, or -1.
func (m *merger) first(e *events.Event, arts []int32, limit int32) int32 {
	c := m.candidates(e)
	n := 0
	for _, i := range c {
		if i < limit {
			c[n] = i
			n++
		}
	}
	c = c[:n]
	slices.Sort(c)
	for _, i := range c {
		if alike(&m.nodes[i].e, e) && disjoint(m.nodes[i].arts, arts) {
			return i
		}
	}
	return -1
}

// mergeInto merges e, from the articles arts, into event k. If k's date,
// actors or place changed, it files k under what it gained and marks for
// a visit k and every later event that may now be the same. Sources
// alone only make matches fewer (one article's events never merge), so
// they need no visit; and with the same date, only a new actor or a new
// place can make a new match.
func (m *merger) mergeInto(k int32, e *events.Event, arts []int32) {
	n := &m.nodes[k]
	was := n.e
	merge(&n.e, e, n.sorted)
	n.sorted = true
	for _, a := range arts {
		n.arts = insert(n.arts, a)
	}
	newDate, newPlace, newActors := n.e.Date != was.Date, n.e.Place != was.Place, n.e.Actors[len(was.Actors):] // merge only appends
	// New sources make new matches where the wording decides: a
	// statement, a syndicated copy of an event with no parties or place,
	// and a day another source may give otherwise.
	bySources := n.e.Type == events.Statement || bySentence(&n.e) || n.e.Date.Precision() == "day" && len(n.e.Actors) > 0
	if !newDate && !newPlace && len(newActors) == 0 && !bySources {
		return
	}
	place := ""
	if newPlace {
		place = n.e.Place
	}
	if newDate {
		m.old = m.keys(&was, m.old[:0])
		m.new = m.keys(&n.e, m.new[:0])
		old := make(map[key]bool, len(m.old))
		for _, ok := range m.old {
			old[ok] = true
		}
		for _, nk := range m.new {
			if !old[nk] {
				m.file(nk, k)
			}
		}
	} else {
		m.new = m.keysFor(&n.e, newActors, place, false, m.new[:0])
		if bySentence(&n.e) {
			m.new = m.sentenceKeys(e, m.new)
		}
		for _, nk := range m.new {
			m.file(nk, k)
		}
	}
	m.mark(k)
	var c []int32
	if newDate || bySources {
		c = m.candidates(&n.e)
	} else {
		c = m.lookUp(&n.e, newActors, place, false)
	}
	for _, j := range c {
		if j > k && alike(&m.nodes[j].e, &n.e) && disjoint(m.nodes[j].arts, n.arts) {
			m.mark(j)
		}
	}
}

// mark schedules event j for a visit: in this pass if the pass has not
// reached it yet, else in the next.
func (m *merger) mark(j int32) {
	n := &m.nodes[j]
	if j > m.pos {
		if !n.inCur {
			n.inCur = true
			m.push(j)
		}
	} else if !n.inNext {
		n.inNext = true
		m.next = append(m.next, j)
	}
}

func (m *merger) push(j int32) {
	h := append(m.cur, j)
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if h[p] <= h[i] {
			break
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
	m.cur = h
}

func (m *merger) pop() int32 {
	h := m.cur
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, s := 2*i+1, 2*i+2, i
		if l < len(h) && h[l] < h[s] {
			s = l
		}
		if r < len(h) && h[r] < h[s] {
			s = r
		}
		if s == i {
			break
		}
		h[i], h[s] = h[s], h[i]
		i = s
	}
	m.cur = h
	return top
}

// keys appends the keys event e is filed under.
func (m *merger) keys(e *events.Event, dst []key) []key {
	return m.keysFor(e, e.Actors, e.Place, true, dst)
}

// keysFor appends the keys event e is filed under for the given actors
// and place, and, if full, for its speaker or day.
func (m *merger) keysFor(e *events.Event, actors []string, place string, full bool, dst []key) []key {
	t := m.id(string(e.Type))
	if e.Type == events.Statement {
		if full && len(e.Actors) > 0 {
			dst = append(dst, key{speakerOnValue, t, m.id(e.Actors[0]), m.id(string(e.Date))})
		}
		return dst // statements match nothing else
	}
	if full && bySentence(e) {
		dst = m.sentenceKeys(e, dst)
	}
	d := m.date(string(e.Date))
	dated := func(at, under keyKind, by int32) {
		dst = append(dst, key{at, t, by, d.id})
		for _, v := range d.refined {
			dst = append(dst, key{under, t, by, v})
		}
	}
	for _, a := range actors {
		dated(actorAt, actorUnder, m.id(a))
	}
	if place != "" {
		dated(placeAt, placeUnder, m.id(place))
	}
	if full && d.day >= 0 {
		dst = append(dst, key{onDay, t, 0, d.day})
		if len(e.Actors) == 0 {
			dst = append(dst, key{onDayNoActors, t, 0, d.day})
		}
	}
	return dst
}

// sentenceKeys appends the keys of e's evidence sentences.
func (m *merger) sentenceKeys(e *events.Event, dst []key) []key {
	t := m.id(string(e.Type))
	for _, s := range e.Sources {
		if s.Sentence != "" {
			dst = append(dst, key{onSentence, t, 0, m.id(s.Sentence)})
		}
	}
	return dst
}

// candidates returns the live events that may be the same as e: a
// superset, to be checked. The slice is reused by the next call.
func (m *merger) candidates(e *events.Event) []int32 {
	return m.lookUp(e, e.Actors, e.Place, true)
}

// lookUp returns the live events of e's type and a compatible date that
// share one of actors or place with e, and, if full, its speaker or day.
func (m *merger) lookUp(e *events.Event, actors []string, place string, full bool) []int32 {
	if m.gen++; m.gen == 0 { // wrapped: old marks would pass for new ones
		clear(m.seen)
		m.gen = 1
	}
	m.cand = m.cand[:0]
	t := m.id(string(e.Type))
	if e.Type == events.Statement {
		if full && len(e.Actors) > 0 {
			if b := m.index[shelf{speakerOnValue, t, m.id(e.Actors[0])}]; b != nil {
				m.take(b.at[m.id(string(e.Date))])
			}
		}
		return m.cand
	}
	if full && bySentence(e) {
		if b := m.index[shelf{onSentence, t, 0}]; b != nil {
			for _, s := range e.Sources {
				if s.Sentence != "" {
					m.take(b.at[m.id(s.Sentence)])
				}
			}
		}
	}
	d := m.date(string(e.Date))
	dated := func(at keyKind, by int32) {
		b := m.index[shelf{at, t, by}]
		if b == nil {
			return
		}
		for _, v := range d.at {
			if b.atBits&(1<<(v&63)) != 0 {
				m.take(b.at[v])
			}
		}
		for _, v := range d.under {
			if b.underBits&(1<<(v&63)) != 0 {
				m.take(b.under[v])
			}
		}
	}
	for _, a := range actors {
		dated(actorAt, m.id(a))
	}
	if place != "" {
		dated(placeAt, m.id(place))
	}
	if full && d.day >= 0 {
		kind := onDayNoActors
		if len(e.Actors) == 0 {
			kind = onDay
		}
		if b := m.index[shelf{kind, t, 0}]; b != nil {
			m.take(b.at[d.day])
		}
	}
	return m.cand
}

// id returns the number of a string, from 1.
func (m *merger) id(s string) int32 {
	if n, ok := m.ids[s]; ok {
		return n
	}
	n := int32(len(m.ids) + 1)
	m.ids[s] = n
	return n
}

// take adds the live events of the list that starts at links[head-1].
func (m *merger) take(head int32) {
	for l := head - 1; l >= 0; l = m.links[l].next {
		i := m.links[l].node
		if m.seen[i] != m.gen && m.nodes[i].alive {
			m.seen[i] = m.gen
			m.cand = append(m.cand, i)
		}
	}
}

type link struct {
	node, next int32 // next is -1 at the end
}

// dateInfo is what the index needs of one date value, as numbers: the
// values it refines and itself, to file an event under; where to look
// for the values timex.Compatible accepts with it (the exact values in
// at, and every value that refines or is one of under); and its day.
type dateInfo struct {
	id                 int32
	refined, at, under []int32
	day                int32 // -1 for a value shorter than a day
	when               when
}

func (m *merger) date(v string) *dateInfo {
	if d, ok := m.dates[v]; ok {
		return d
	}
	at, under := lookIn(v)
	d := &dateInfo{id: m.id(v), day: -1, when: whenOf(v)}
	for _, r := range refined(v) {
		d.refined = append(d.refined, m.id(r))
	}
	for _, a := range at {
		d.at = append(d.at, m.id(a))
	}
	for _, u := range under {
		d.under = append(d.under, m.id(u))
	}
	if len(v) >= 10 {
		d.day = m.id(v[:10])
	}
	m.dates[v] = d
	return d
}

// lookIn covers both ways timex.Compatible accepts two values: one
// refines the other ("2022-01" and "2022-01-10", "2021-12-30T20:30"), or
// one is an ISO week and the other a value whose span holds it or lies
// in it.
func lookIn(v string) (at, under []string) {
	under = []string{v}
	r := refined(v)
	at = r[:len(r)-1] // what v refines
	start, end, ok := timex.Span(v)
	if !ok {
		return at, under
	}
	if isWeek(v) {
		// The periods that may hold the week, and the days in it.
		y, mo := start.Year(), int(start.Month())
		season := []string{"WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI"}[mo-1]
		sy := y
		if mo <= 2 {
			sy-- // January and February are the winter of the year before
		}
		at = append(at,
			fmt.Sprintf("%04d", y), fmt.Sprintf("%04d-H%d", y, 1+(mo-1)/6), fmt.Sprintf("%04d-Q%d", y, 1+(mo-1)/3),
			fmt.Sprintf("%04d-%s", sy, season), fmt.Sprintf("%04d-%02d", y, mo))
		for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
			under = append(under, d.Format("2006-01-02"))
		}
		return at, under
	}
	// The ISO weeks that meet the span.
	for d := start; d.Before(end); d = d.AddDate(0, 0, 7) {
		under = appendWeek(under, d)
	}
	under = appendWeek(under, end.Add(-time.Nanosecond))
	switch timex.Precision(v) {
	case "day":
		// The days a source may give otherwise (conflicting), and the
		// times on the days next to it (zonesExplain).
		for n := 1; n <= conflictDays; n++ {
			under = append(under, start.AddDate(0, 0, -n).Format("2006-01-02"), start.AddDate(0, 0, n).Format("2006-01-02"))
		}
	case "time":
		day := start.Truncate(24 * time.Hour)
		at = append(at, day.AddDate(0, 0, -1).Format("2006-01-02"), day.AddDate(0, 0, 1).Format("2006-01-02"))
	}
	return at, under
}

func appendWeek(list []string, d time.Time) []string {
	y, w := d.ISOWeek()
	s := fmt.Sprintf("%04d-W%02d", y, w)
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// refined returns the values that v refines, as timex.Compatible reads
// them, from the widest, and v last: "2021", "2021-12", "2021-12-30" and
// "2021-12-30T20:30" for "2021-12-30T20:30".
func refined(v string) []string {
	var out []string
	for i := 0; i < len(v); i++ {
		if v[i] == '-' || v[i] == 'T' {
			out = append(out, v[:i])
		}
	}
	return append(out, v)
}

// isWeek reports whether v is an ISO week value ("2021-W52",
// "2021-W52-WE"), as timex.Compatible tells weeks from seasons.
func isWeek(v string) bool {
	return len(v) >= 8 && v[5] == 'W' && v[6] >= '0' && v[6] <= '9'
}
