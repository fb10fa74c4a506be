package site

import (
	"slices"
	"sync/atomic"

	"github.com/timelinehq/timeline/timeline/events"
)

// viewMemo keeps, from one build to the next, each event's view by the
// event's ID, with the event it was made from. A rebuild takes the view
// of an event that is the same, cited from articles whose references are
// the same, instead of making it: after one edit, every view but those of
// the events the edit changed. What placing the events sets (the file, the
// permalink, the period, the actors' links, the digest) is set again on
// every view, taken or not. A view belongs to the last build that made or
// took it: the site views of builds before it are not to be read again.
type viewMemo struct {
	zone     string                  // the time zone the views show clock times in
	last     map[string]*keptView    // by event ID; an ID that two events have is not kept
	kept     []keptView              // the same, in the last build's order
	articles map[string]*articleInfo // the last build's, by cleaned path (see takeView)
	hits     int                     // views taken by the last build, for the tests
}

type keptView struct {
	src   *events.Event
	view  *eventView
	at    int         // in kept
	twice bool        // its ID is two events': it is not kept
	taken atomic.Bool // by an event of this build: two equal events get a view each
}

// lookup is the view made in the last build from an event equal to e,
// the j-th, or nil. It gives a view once. An edit shifts the events after
// it by the same few places, so the view where the last one was found,
// shifted by the same, is tried before the map; *shift is a worker's.
func (m *viewMemo) lookup(e *events.Event, j int, shift *int) *eventView {
	var k *keptView
	if i := j + *shift; i >= 0 && i < len(m.kept) && m.kept[i].src.ID == e.ID && !m.kept[i].twice {
		k = &m.kept[i]
	} else if k = m.last[e.ID]; k == nil {
		return nil
	}
	*shift = k.at - j
	if !sameEvent(k.src, e) || !k.taken.CompareAndSwap(false, true) {
		return nil
	}
	return k.view
}

// remember keeps the views of this build, made from evs.
func (m *viewMemo) remember(evs []events.Event, views []*eventView, hits int) {
	last := make(map[string]*keptView, len(evs))
	kept := make([]keptView, len(evs)) // one allocation, not one an event
	twice := map[string]bool{}
	for i := range evs {
		id := evs[i].ID
		if _, ok := last[id]; ok {
			twice[id] = true
		}
		kept[i].src, kept[i].view, kept[i].at = &evs[i], views[i], i
		last[id] = &kept[i]
	}
	if len(twice) > 0 {
		for id := range twice {
			delete(last, id)
		}
		for i := range kept {
			kept[i].twice = twice[kept[i].src.ID]
		}
	}
	m.last, m.kept, m.hits = last, kept, hits
}

// sameEvent reports whether a and b are equal in every field: their views
// are then the same but for what comes from their articles.
// TestSameEventSeesEveryField checks it misses no field.
func sameEvent(a, b *events.Event) bool {
	return a.ID == b.ID && a.Type == b.Type && a.Status == b.Status && a.Date == b.Date && a.Mod == b.Mod &&
		a.Title == b.Title && slices.Equal(a.Actors, b.Actors) && slices.Equal(a.ActorKinds, b.ActorKinds) &&
		a.Place == b.Place && slices.Equal(a.Sources, b.Sources) && a.Pinned == b.Pinned &&
		slices.Equal(a.Curated, b.Curated) && slices.EqualFunc(a.Conflicts, b.Conflicts, func(x, y events.Reading) bool {
		return x.Date == y.Date && x.Mod == y.Mod && slices.Equal(x.Articles, y.Articles)
	})
}

// takeView readies old, the view of an event equal to e in the last
// build, for this one, when each of e's sources has the article it had
// then with the same reference (its path, page, title, date and address:
// all that a view takes from it), and reports whether it did. Its sources
// then point at this build's articles; it is placed again afterwards.
// An article whose reference is as it was is found from the last build's
// (articleInfo.next), without a lookup by path or a comparison.
func (c *viewCache) takeView(old *eventView, e *events.Event, byPath map[string]*articleInfo) bool {
	if len(old.Sources) != len(e.Sources) {
		return false
	}
	infos := c.infos[:0]
	for j := range e.Sources {
		was := old.Sources[j].info
		if was != nil && was.next != nil {
			infos = append(infos, was.next)
			continue
		}
		ai := c.article(e.Sources[j].Article, byPath)
		if (ai == nil) != (was == nil) || ai != nil && *ai.ref != *was.ref {
			return false
		}
		infos = append(infos, ai)
	}
	c.infos = infos
	for j, ai := range infos {
		if ai != nil {
			old.Sources[j].info, old.Sources[j].Article = ai, ai.ref
		}
	}
	return true
}
