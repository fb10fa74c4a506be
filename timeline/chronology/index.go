package chronology

import (
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
	index map[key][]int32
	plans map[string]*plan

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
}

type node struct {
	e             events.Event
	alive         bool
	inCur, inNext bool
}

// A key files an event under one thing a matching event must share with
// it: for an actor or a place, a date value (exact) or a value its date
// refines (under); for a day, its type alone.
type key struct {
	kind           keyKind
	typ, by, value string
}

type keyKind uint8

const (
	actorAt keyKind = iota
	actorUnder
	placeAt
	placeUnder
	onDay          // every event with a day, for one with no actors
	onDayNoActors  // events with no actors, for one with actors
	speakerOnValue // statements, by first speaker and exact date
)

func newMerger(n int) *merger {
	return &merger{
		nodes: make([]node, 0, n),
		index: make(map[key][]int32, 2*n),
		plans: make(map[string]*plan),
		seen:  make([]uint32, 0, n),
		pos:   -1,
	}
}

// add merges an event of the input into the earliest event it is the
// same as, or appends it.
func (m *merger) add(e *events.Event) {
	if k := m.first(e, int32(len(m.nodes))); k >= 0 {
		m.mergeInto(k, e)
		return
	}
	i := int32(len(m.nodes))
	m.nodes = append(m.nodes, node{e: clone(*e), alive: true})
	m.seen = append(m.seen, 0)
	m.new = m.keys(&m.nodes[i].e, m.new[:0])
	for _, k := range m.new {
		m.index[k] = append(m.index[k], i)
	}
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
			if k := m.first(&m.nodes[j].e, j); k >= 0 {
				m.nodes[j].alive = false
				m.mergeInto(k, &m.nodes[j].e)
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

// merged returns the live events in list order.
func (m *merger) merged() []events.Event {
	var out []events.Event
	for i := range m.nodes {
		if m.nodes[i].alive {
			out = append(out, m.nodes[i].e)
		}
	}
	return out
}

// first returns the earliest event before limit that is the same as e,
// or -1.
func (m *merger) first(e *events.Event, limit int32) int32 {
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
		if same(&m.nodes[i].e, e) {
			return i
		}
	}
	return -1
}

// mergeInto merges e into event k, files k under what it gained, and
// marks for a visit k and every later event that may now be the same.
func (m *merger) mergeInto(k int32, e *events.Event) {
	m.old = m.keys(&m.nodes[k].e, m.old[:0])
	m.nodes[k].e = merge(m.nodes[k].e, *e)
	m.new = m.keys(&m.nodes[k].e, m.new[:0])
	for _, nk := range m.new {
		if !slices.Contains(m.old, nk) {
			m.index[nk] = append(m.index[nk], k)
		}
	}
	m.mark(k)
	for _, j := range m.candidates(&m.nodes[k].e) {
		if j > k && same(&m.nodes[j].e, &m.nodes[k].e) {
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
	if e.Type == events.Statement {
		if len(e.Actors) > 0 {
			dst = append(dst, key{speakerOnValue, e.Type, e.Actors[0], e.Date})
		}
		return dst // statements match nothing else
	}
	dated := func(at, under keyKind, by string) {
		dst = append(dst, key{at, e.Type, by, e.Date})
		for _, v := range refined(e.Date) {
			dst = append(dst, key{under, e.Type, by, v})
		}
	}
	for _, a := range e.Actors {
		dated(actorAt, actorUnder, a)
	}
	if e.Place != "" {
		dated(placeAt, placeUnder, e.Place)
	}
	if len(e.Date) >= 10 {
		dst = append(dst, key{onDay, e.Type, "", e.Date[:10]})
		if len(e.Actors) == 0 {
			dst = append(dst, key{onDayNoActors, e.Type, "", e.Date[:10]})
		}
	}
	return dst
}

// candidates returns the live events that may be the same as e: a
// superset, to be checked with same. The slice is reused by the next call.
func (m *merger) candidates(e *events.Event) []int32 {
	m.gen++
	m.cand = m.cand[:0]
	if e.Type == events.Statement {
		if len(e.Actors) > 0 {
			m.take(key{speakerOnValue, e.Type, e.Actors[0], e.Date})
		}
		return m.cand
	}
	p := m.plan(e.Date)
	dated := func(at, under keyKind, by string) {
		for _, v := range p.at {
			m.take(key{at, e.Type, by, v})
		}
		for _, v := range p.under {
			m.take(key{under, e.Type, by, v})
		}
	}
	for _, a := range e.Actors {
		dated(actorAt, actorUnder, a)
	}
	if e.Place != "" {
		dated(placeAt, placeUnder, e.Place)
	}
	if len(e.Date) >= 10 {
		if len(e.Actors) == 0 {
			m.take(key{onDay, e.Type, "", e.Date[:10]})
		} else {
			m.take(key{onDayNoActors, e.Type, "", e.Date[:10]})
		}
	}
	return m.cand
}

func (m *merger) take(k key) {
	for _, i := range m.index[k] {
		if m.seen[i] != m.gen && m.nodes[i].alive {
			m.seen[i] = m.gen
			m.cand = append(m.cand, i)
		}
	}
}

// A plan lists where to look for the dates that timex.Compatible accepts
// with one date value: the exact values in at, and every value that
// refines (or is) one of under.
type plan struct {
	at, under []string
}

func (m *merger) plan(v string) *plan {
	if p, ok := m.plans[v]; ok {
		return p
	}
	p := newPlan(v)
	m.plans[v] = p
	return p
}

// newPlan covers both ways timex.Compatible accepts two values: one
// refines the other ("2022-01" and "2022-01-10", "2021-12-30T20:30"), or
// one is an ISO week and the other a value whose span holds it or lies
// in it.
func newPlan(v string) *plan {
	p := &plan{under: []string{v}}
	r := refined(v)
	p.at = append(p.at, r[:len(r)-1]...) // what v refines
	start, end, ok := timex.Span(v)
	if !ok {
		return p
	}
	if isWeek(v) {
		// The periods that may hold the week, and the days in it.
		y, mo := start.Year(), int(start.Month())
		season := []string{"WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI"}[mo-1]
		sy := y
		if mo <= 2 {
			sy-- // January and February are the winter of the year before
		}
		p.at = append(p.at,
			fmt.Sprintf("%04d", y), fmt.Sprintf("%04d-H%d", y, 1+(mo-1)/6), fmt.Sprintf("%04d-Q%d", y, 1+(mo-1)/3),
			fmt.Sprintf("%04d-%s", sy, season), fmt.Sprintf("%04d-%02d", y, mo))
		for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
			p.under = append(p.under, d.Format("2006-01-02"))
		}
		return p
	}
	// The ISO weeks that meet the span.
	for d := start; d.Before(end); d = d.AddDate(0, 0, 7) {
		p.under = appendWeek(p.under, d)
	}
	p.under = appendWeek(p.under, end.Add(-time.Nanosecond))
	return p
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
