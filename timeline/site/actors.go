package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/timelinehq/timeline/timeline/chronology"
)

// The actor and type pages stand in for the filters without JavaScript:
// actors/<slug>.html lists one actor's events in order, with counts by
// type, and types/<type>.html one type's; actors/index.html and
// types/index.html list them with their counts. Like the period pages they
// are cut into pages of at most pageEvents events (<slug>-p2.html, ...),
// and each page reaches only the compact entries it shows, so an edited
// event renders again only the pages that list it.

// groupView is one actor or one event type and its events, in the
// chronology's order.
type groupView struct {
	Name   string // "Joe Biden", or the type "call"
	Label  string // as a heading shows it: "Joe Biden", "Call"
	Class  string // a type's class, "t-call"; "" for an actor
	Kind   string // an actor's kind as the page says it: "Person", "Country", "Organisation"; "" when not known
	Slug   string // its file name in dir
	dir    string // "actors" or "types"
	Events []*eventView
	Pages  [][]*eventView
}

// pagePath is the path of the group's page n (from 1).
func (g *groupView) pagePath(n int) string { return pagedPath(g.dir+"/"+g.Slug, n) }

// groupPage is one page of an actor or a type (actor.html, type.html).
// Only the first page counts the group's events, so that an event added
// to a long list renders again its first and last pages, not all of them.
type groupPage struct {
	Name, Label, Class string
	Kind               string // an actor's kind: "Person", "Country", "Organisation"; "" when not known
	Page, Pages        int
	Total              int          // the group's events; on the first page only
	Types              []groupCount // an actor's events by type; on the first page only
	Actors             []groupCount // a type's most frequent actors; on the first page only
	Events             []groupEntry
	PageLinks          []link // the group's pages, when it has more than one
}

// groupEntry is an event as an actor or type page lists it: compact, at
// its permalink.
type groupEntry struct {
	Root                 string // the page's
	Title, Path          string
	When                 when
	Planned              bool
	TypeLabel, TypeClass string
	ActorLinks           []link
	Place                string
	// What the page's own group does not already say: the actors but
	// the page's own, and SameType on its type's page, where every
	// event has its type.
	Others   []link
	SameType bool

	ev     *eventView // what it was made from: see newGroupEntry
	digest Key        // ev's digest then: a memo's kept entry is checked by it
	group  *groupView // the page's
}

// newGroupEntry is ev as the page of g at root lists it. Every groupEntry
// is what this makes of its root, g and ev (the entry memo keeps one only
// while ev's digest is the same), so that its key is those three (see
// enc.value).
func newGroupEntry(root string, ev *eventView, g *groupView) groupEntry {
	e := groupEntry{Root: root, Title: ev.Title, Path: ev.Path, When: ev.When, Planned: ev.Planned,
		TypeLabel: ev.TypeLabel, TypeClass: ev.TypeClass, ActorLinks: ev.ActorLinks, Place: ev.Place,
		Others: ev.ActorLinks, SameType: g.dir == "types", ev: ev, digest: ev.digest, group: g}
	if g.dir == "actors" {
		e.Others = without(ev.ActorLinks, g.Name)
	}
	return e
}

// groupIndex is the page that lists every actor (actors/index.html) or
// every type (types/index.html) with its count.
type groupIndex struct {
	Kind        string // "actors" or "types"
	Groups      []groupCount
	Page, Pages int
	PageLinks   []link
}

// groupCount is one actor or type in an index, at its first page.
type groupCount struct {
	Label, Class, Path string
	Count              int
}

// groupsPerIndex is how many actors one page of actors/index.html lists,
// which keeps it well under 1 MB.
const groupsPerIndex = 2000

// topActors is how many actors a type's first page counts.
const topActors = 30

// newGroups makes the actor and type pages of evs, the site's events in
// order, and gives every event the links to its actors' pages. Slugs
// depend only on the names: a name keeps its page whatever other actors
// come and go, except where two names make the same slug, and then the
// one that sorts first keeps it and the other takes a short hash of its
// name.
func (v *siteView) newGroups(evs []*eventView) {
	actors := map[string]*groupView{}
	types := map[string]*groupView{}
	for _, ev := range evs {
		for i, a := range ev.Actors {
			if a == "" || slices.Contains(ev.Actors[:i], a) {
				continue
			}
			g := actors[a]
			if g == nil {
				g = &groupView{Name: a, Label: a, dir: "actors"}
				actors[a] = g
			}
			if g.Kind == "" && len(ev.kinds) == len(ev.Actors) {
				g.Kind = ev.kinds[i].Label() // as its first event says; the chronology gives a name one kind
			}
			g.Events = append(g.Events, ev)
		}
		g := types[ev.Type]
		if g == nil {
			g = &groupView{Name: ev.Type, Label: ev.TypeLabel, Class: ev.TypeClass, dir: "types"}
			types[ev.Type] = g
		}
		g.Events = append(g.Events, ev)
	}
	v.Actors = sortedGroups(actors, func(a, b *groupView) int { return strings.Compare(a.Name, b.Name) })
	v.Types = sortedGroups(types, func(a, b *groupView) int { return cmp.Compare(typeRank(a.Name), typeRank(b.Name)) })
	for _, groups := range [][]*groupView{v.Actors, v.Types} {
		seen := map[string]bool{"index": true}
		for _, g := range groups {
			g.Slug = groupSlug(g.Name, seen)
			g.Pages = pagesOf(g.Events, pageEvents)
		}
	}
	// Every event's actors as links, in the order the event names them.
	links := make(map[string]link, len(actors))
	for _, g := range v.Actors {
		links[g.Name] = link{Label: g.Name, Path: g.pagePath(1)}
	}
	inParallel(len(evs), 1024, func() func(int) {
		var buf []link
		return func(i int) {
			ev := evs[i]
			buf = buf[:0]
			for _, a := range ev.Actors {
				if l, ok := links[a]; ok && !slices.Contains(buf, l) {
					buf = append(buf, l)
				}
			}
			// A view taken from the last build mostly has these links:
			// it keeps its slice, which nothing changes in place.
			if ev.ActorLinks == nil || !slices.Equal(ev.ActorLinks, buf) {
				ev.ActorLinks, ev.relinked = append(make([]link, 0, len(buf)), buf...), true
			}
		}
	})
}

func sortedGroups(m map[string]*groupView, order func(a, b *groupView) int) []*groupView {
	out := make([]*groupView, 0, len(m))
	for _, g := range m {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b *groupView) int { return cmp.Or(order(a, b), strings.Compare(a.Name, b.Name)) })
	return out
}

// typeRank is a type's place in typeOrder, unknown types last.
func typeRank(t string) int {
	if i := slices.Index(typeOrder, t); i >= 0 {
		return i
	}
	return len(typeOrder)
}

// groupSlug is the file name of the actor or type name: its slug, with a
// short hash of the name when the name has letters a slug cannot keep
// (Cyrillic, accents) or when an earlier name took the slug; seen holds
// the slugs taken, compared case-insensitively.
func groupSlug(name string, seen map[string]bool) string {
	slug := chronology.Slug(name)
	if slug == "" || !isASCII(name) || seen[strings.ToLower(slug)] {
		h := sha256.Sum256([]byte(name))
		slug = strings.TrimPrefix(slug+"-"+hex.EncodeToString(h[:3]), "-")
	}
	return unique(slug, seen)
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// pagesOf cuts evs into pages of at most n events (see cutPages).
func pagesOf(evs []*eventView, n int) [][]*eventView {
	return cutPages(evs, func(k int, _ *eventView) bool { return k >= n })
}

// groupPage is the data of page n of g.
func (v *siteView) groupPage(g *groupView, n int) *groupPage {
	gp := &groupPage{Name: g.Name, Label: g.Label, Class: g.Class, Kind: g.Kind, Page: n, Pages: len(g.Pages), Events: v.entryMemo.entries(g, n)}
	if n == 1 {
		gp.Total = len(g.Events)
		types, actors := v.facetsOf(g.dir+"/"+g.Name, g.Events)
		if g.dir == "actors" {
			for _, f := range types {
				gp.Types = append(gp.Types, groupCount{Label: f.Label, Class: f.Class, Path: v.groupPath(v.Types, f.Value), Count: f.Count})
			}
		} else {
			actors = slices.Clone(actors) // the memo's, maybe
			slices.SortStableFunc(actors, func(a, b facet) int { return cmp.Compare(b.Count, a.Count) })
			for _, f := range actors[:min(len(actors), topActors)] {
				gp.Actors = append(gp.Actors, groupCount{Label: f.Label, Path: v.groupPath(v.Actors, f.Value), Count: f.Count})
			}
		}
	}
	if len(g.Pages) > 1 {
		for i := range g.Pages {
			gp.PageLinks = append(gp.PageLinks, link{Label: strconv.Itoa(i + 1), Path: g.pagePath(i + 1), Current: i+1 == n})
		}
	}
	return gp
}

// groupPath is the first page of the group of groups named name.
func (v *siteView) groupPath(groups []*groupView, name string) string {
	if i := slices.IndexFunc(groups, func(g *groupView) bool { return g.Name == name }); i >= 0 {
		return groups[i].pagePath(1)
	}
	return ""
}

// groupIndexPage is the data of page n of the index of groups (v.Actors
// or v.Types) kept under dir.
func groupIndexPage(dir string, groups []*groupView, n int) *groupIndex {
	pages := (len(groups) + groupsPerIndex - 1) / groupsPerIndex
	gi := &groupIndex{Kind: dir, Page: n, Pages: max(pages, 1)}
	for _, g := range groups[min((n-1)*groupsPerIndex, len(groups)):min(n*groupsPerIndex, len(groups))] {
		gi.Groups = append(gi.Groups, groupCount{Label: g.Label, Class: g.Class, Path: g.pagePath(1), Count: len(g.Events)})
	}
	if pages > 1 {
		for i := range pages {
			gi.PageLinks = append(gi.PageLinks, link{Label: strconv.Itoa(i + 1), Path: groupIndexPath(dir, i+1), Current: i+1 == n})
		}
	}
	return gi
}

// groupIndexPath is the path of page n of dir's index.
func groupIndexPath(dir string, n int) string { return pagedPath(dir+"/index", n) }

// groupJobs lists the pages of the actors and types and their indexes.
func (v *siteView) groupJobs() []pageJob {
	var jobs []pageJob
	for _, kind := range []struct {
		dir, tmpl string
		groups    []*groupView
	}{{"actors", actorPageTmpl, v.Actors}, {"types", typePageTmpl, v.Types}} {
		pages := max((len(kind.groups)+groupsPerIndex-1)/groupsPerIndex, 1)
		for n := range pages {
			jobs = append(jobs, pageJob{tmpl: groupsPageTmpl, path: groupIndexPath(kind.dir, n+1), root: "../", groupIndex: kind.dir, n: n + 1})
		}
		for _, g := range kind.groups {
			for n := range g.Pages {
				jobs = append(jobs, pageJob{tmpl: kind.tmpl, path: g.pagePath(n + 1), root: "../", group: g, n: n + 1})
			}
		}
	}
	return jobs
}

// groupData fills p, the page of j, when j is an actor's or type's page
// or an index of them; it reports whether it was.
func (v *siteView) groupData(j pageJob, p *page) bool {
	switch {
	case j.group != nil:
		gp := v.groupPage(j.group, j.n)
		if j.group.dir == "actors" {
			p.Actor = gp
		} else {
			p.Type = gp
		}
		p.Title = j.group.Label
		if gp.Pages > 1 {
			p.Title += ", page " + strconv.Itoa(j.n)
		}
	case j.groupIndex != "":
		groups := v.Actors
		p.Title = "Actors"
		if j.groupIndex == "types" {
			groups, p.Title = v.Types, "Event types"
		}
		p.Groups = groupIndexPage(j.groupIndex, groups, j.n)
	default:
		return false
	}
	return true
}

// facetsOf is facets of evs, the events of the list or group name. With a
// memo, it keeps them by a digest of the events' digests, which cover
// their types and actors: a type's page counts the actors of every event
// of the type, and a preview's rebuild would count them all again for one
// changed event. The lists it returns are shared: callers do not change
// them.
func (v *siteView) facetsOf(name string, evs []*eventView) (types, actors []facet) {
	m := v.facetMemo
	if m == nil {
		return facets(evs)
	}
	e := encs.Get().(*enc)
	e.reset()
	for _, ev := range evs {
		e.key(ev.digest)
	}
	sum := e.sum(Key{})
	encs.Put(e)
	f, ok := m.get(name)
	if !ok || f.sum != sum {
		f.sum = sum
		f.types, f.actors = facets(evs)
	}
	m.put(name, f)
	return f.types, f.actors
}

// buildMemo keeps values from one build to the next, by name: a build
// reads the last build's (get) and keeps what it uses (put), and only
// that is there for the next one.
type buildMemo[V any] struct {
	mu        sync.Mutex
	last, now map[string]V
	hits      int // for the tests
}

// start begins a build; end keeps what it used, for the next.
func (m *buildMemo[V]) start() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.now = map[string]V{}
}

func (m *buildMemo[V]) end() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last, m.now = m.now, nil
}

// get is the last build's value of name.
func (m *buildMemo[V]) get(name string) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.last[name]
	if ok {
		m.hits++
	}
	return v, ok
}

// put keeps v as this build's value of name; outside a build it does
// nothing.
func (m *buildMemo[V]) put(name string, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.now != nil {
		m.now[name] = v
	}
}

// facetMemo keeps the facets of each list's and group's events from one
// build to the next, by name and the digest of its events (see facetsOf).
type facetMemo = buildMemo[groupFacets]

type groupFacets struct {
	sum           Key
	types, actors []facet
}

// entryMemo keeps the entries of each actor's, type's and period's page
// from one build to the next, by page: a preview's rebuild after one edit
// would make every entry of every such page again (hundreds of thousands
// of them, each a few hundred bytes, for 10,000 articles) when most pages
// list the same events as before.
type entryMemo struct {
	buildMemo[[]groupEntry]
	periods buildMemo[[]entry] // the period pages' entries, the same way

	reused, periodsReused int // pages, for the tests
}

func (m *entryMemo) start() {
	m.buildMemo.start()
	m.periods.start()
}

func (m *entryMemo) end() {
	m.buildMemo.end()
	m.periods.end()
}

// entries is page n of g's entries. With a memo (m not nil), a page that
// lists, for the same group, events with the digests the last build's
// entries were made from takes those entries, pointed at this build's
// events and group, which are the same but for those pointers. A kept
// entry is checked by the digest it was made with: the view it points
// at may since have been taken and placed elsewhere by this build.
func (m *entryMemo) entries(g *groupView, n int) []groupEntry {
	evs := g.Pages[n-1]
	if m == nil {
		return newGroupEntries(g, evs)
	}
	name := g.pagePath(n)
	kept, _ := m.get(name)
	same := len(kept) == len(evs) && len(kept) > 0 && kept[0].group.dir == g.dir && kept[0].group.Name == g.Name
	for i := 0; same && i < len(evs); i++ {
		same = kept[i].digest == evs[i].digest
	}
	if same {
		for i, ev := range evs {
			kept[i].ev, kept[i].group = ev, g
		}
		m.mu.Lock()
		m.reused++
		m.mu.Unlock()
	} else {
		kept = newGroupEntries(g, evs)
	}
	m.put(name, kept)
	return kept
}

// periodEntries is the entries of the period page name, which lists evs,
// taken from the last build's as entries does. Without a memo (m nil) it
// makes them.
func (m *entryMemo) periodEntries(name string, evs []*eventView) []entry {
	if m == nil {
		return entries("../", evs)
	}
	kept, _ := m.periods.get(name)
	same := len(kept) == len(evs) && len(kept) > 0
	for i := 0; same && i < len(evs); i++ {
		same = kept[i].digest == evs[i].digest
	}
	if same {
		for i, ev := range evs {
			kept[i].ev = ev
		}
		m.mu.Lock()
		m.periodsReused++
		m.mu.Unlock()
	} else {
		kept = entries("../", evs)
	}
	m.periods.put(name, kept)
	return kept
}

func newGroupEntries(g *groupView, evs []*eventView) []groupEntry {
	entries := make([]groupEntry, len(evs))
	for i, ev := range evs {
		entries[i] = newGroupEntry("../", ev, g)
	}
	return entries
}

// without is links without the one labelled name: a part of links when
// that one is first or last (most events have one or two actors), else a
// copy.
func without(links []link, name string) []link {
	switch i := slices.IndexFunc(links, func(l link) bool { return l.Label == name }); {
	case i < 0:
		return links
	case i == 0:
		return links[1:]
	case i == len(links)-1:
		return links[:i:i]
	default:
		return slices.Delete(slices.Clone(links), i, i+1)
	}
}
