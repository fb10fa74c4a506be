package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
)

// The views below are what the templates see. Every Path is relative to
// the site's root; a page prefixes it with its Root ("" or "../").
//
// A page's key covers everything its template data can reach, so the data
// of the pages of one event or one article reach only that event or that
// article and small references to their neighbours: never the whole
// chronology, which only the index, the period pages, the feed and
// events.json see.

// siteHeader is what every page knows of the site.
type siteHeader struct {
	Title       string
	BaseURL     string // "" or absolute, ending in "/"
	Description string // "" or one sentence about the site
	Lang        string // the pages' language: "en"
	Downloads   []link // the exports the build writes, for the pages' footer
}

// siteView is the whole site, computed once per build. No template sees
// it whole.
type siteView struct {
	Header   siteHeader
	Events   []*eventView
	Periods  []*periodView  // in the order their first events come
	Days     []*dayView     // in the order their first events come
	Articles []*articleInfo // the published articles, in path order
	Actors   []*groupView   // every actor, by name
	Types    []*groupView   // every event type, in typeOrder
	Span     string         // "December 2021 – January 2022"
	source   []events.Event // the chronology as given, for events.json

	years       []link            // every year at its first period, for the period pages
	yearKeys    []string          // the years of years
	yearPeriods map[string][]link // the periods of each year, at their first pages
	facetMemo   *facetMemo        // the preview's counts of the groups' events, or nil
	entryMemo   *entryMemo        // the preview's entries of the groups' pages, or nil
	articleKeys *articleKeyMemo   // the preview's keys of the article pages, or nil
	headerKey   Key               // a digest of Header, for articleInput
}

// facet is one value of a filter with the number of events that have it.
type facet struct {
	Value, Label, Class string
	Count               int
}

// periodView is one group of the chronology: a month, a year, a decade or
// the undated events, with its pages of at most pageEvents events.
type periodView struct {
	ID     string // the id of its section: "m-2021-12"
	File   string // the name of its first page: "2021-12"
	Label  string // "December 2021"
	Key    string // the group's key: "2021-12", "2021", "1990s" or "" when undated
	Year   string // the year it belongs to: "2021", or Key when it has none
	At     int    // its index in the site's periods
	Events []*eventView
	Pages  [][]*eventView
}

// pagePath is the path of the period's page n (from 1).
func (p *periodView) pagePath(n int) string { return pagedPath("periods/"+p.File, n) }

// pagedPath is the path of page n (from 1) of a list at base: base.html,
// then base-p2.html, base-p3.html, ...
func pagedPath(base string, n int) string {
	if n <= 1 {
		return base + ".html"
	}
	return base + "-p" + strconv.Itoa(n) + ".html"
}

// pageLabel names the period's page n (from 1): "December 2021", or
// "December 2021, page 2" when it has more than one.
func (p *periodView) pageLabel(n int) string {
	if len(p.Pages) > 1 {
		return p.Label + ", page " + strconv.Itoa(n)
	}
	return p.Label
}

// yearOf is the year a period of key belongs to, or key when it has none
// (a decade, undated).
func yearOf(key string) string {
	if len(key) >= 4 && strings.Trim(key[:4], "0123456789") == "" {
		return key[:4]
	}
	return key
}

// A period page holds at most pageEvents events and pageCitations cited
// articles, which keeps it well under 1 MB.
const (
	pageEvents    = 300
	pageCitations = 1200
)

// dayView is one date of the chronology and the pages that show its
// events in full: the events' permalinks. A date is a day, or the month,
// week, quarter... that an event is known to, or undated.
type dayView struct {
	Key      string // "2021-12-30", "2021-12", "2024-h2", "undated"
	Label    string // "Thursday 30 December 2021", "December 2021"
	Datetime string // the date as an HTML datetime, or "" when it has none
	At       int    // its index in the site's days
	Pages    [][]*eventView
	sources  int // the evidence sentences on its last page, while the events are placed
}

// pagePath is the path of the date's page n (from 1); the first is every
// event's permalink.
func (d *dayView) pagePath(n int) string { return pagedPath("events/"+d.Key, n) }

// dayEvents and daySources are how many events and evidence sentences a
// date's page shows in full, which keeps it under 1 MB (an event with more
// sentences than daySources is alone on its page); a date with more
// continues on further pages, and its first page lists the rest by title
// at their permalinks.
const (
	dayEvents  = 150
	daySources = 1000
)

// dayOf is the date value an event of date is shown under: the day of a
// clock time, else the value itself.
func dayOf(date string) string {
	if len(date) > 10 && date[4] == '-' && date[7] == '-' && date[10] == 'T' {
		return date[:10]
	}
	return date
}

// newDay is the date page of the date value day.
func newDay(day string, at int) *dayView {
	w := parseWhen(day, "")
	d := &dayView{Key: slugify(day, "undated"), Label: w.Long, Datetime: w.Datetime, At: at}
	if day == "" {
		d.Label = undated
	}
	return d
}

// eventView is one event with everything its pages show.
type eventView struct {
	ID, Type, Status, Date, Mod, Title string
	Actors                             []string
	Place                              string
	ActorLinks                         []link // its actors' pages, in the order of Actors

	File      string // its id on its pages: the ID, made safe for a URL
	Path      string // its permalink: "events/<date>.html#<File>"
	When      when
	Planned   bool
	TypeLabel string      // "Call"
	TypeClass string      // "t-call"
	Pinned    bool        // a key moment, pinned by the editors
	Curated   curatedView // what the editors changed
	Conflict  string      // the other dates sources give: "one source says Tuesday 11 January 2022"
	Sources   []sourceView
	Cited     []citation // the articles of Sources, each once
	Period    link       // the period page that lists it

	kinds    []events.Kind // the kinds of Actors, parallel to them, or none
	reported string        // when its sources reported it, for the feed and the latest events
	digest   Key           // of everything above and of the event it shows: see eventDigest
	cut      bool          // whether it may start a page: see startsPage

	// Whether placing gave a view taken from the last build another
	// permalink or period (moved) or other actors' links (relinked) than
	// it had, until its digest is taken (see digestEvents); two fields,
	// since the links are made on another goroutine.
	moved, relinked bool
}

// curatedView says which of an event's fields a curation file set.
type curatedView struct {
	Any                                      bool
	Type, Date, Title, Actors, Place, Status bool // Date also for its mod
	Added, Merged, Split, Sources            bool
}

func newCuratedView(fields []string) curatedView {
	c := curatedView{Any: len(fields) > 0}
	if !c.Any {
		return c
	}
	flags := map[string]*bool{"type": &c.Type, "date": &c.Date, "mod": &c.Date, "title": &c.Title, "actors": &c.Actors,
		"place": &c.Place, "status": &c.Status, "added": &c.Added, "merged": &c.Merged, "split": &c.Split, "sources": &c.Sources}
	for _, f := range fields {
		if p := flags[f]; p != nil {
			*p = true
		}
	}
	return c
}

// conflictText says what other dates sources give for an event:
// "one source says Tuesday 11 January 2022; 2 sources say ...".
func conflictText(readings []events.Reading) string {
	var parts []string
	for _, r := range readings {
		who := "one source says "
		if n := len(r.Articles); n > 1 {
			who = strconv.Itoa(n) + " sources say "
		}
		parts = append(parts, who+parseWhen(string(r.Date), r.Mod).Long)
	}
	return strings.Join(parts, "; ")
}

// link is a page, or a place in one, by its label.
type link struct {
	Label, Path string
	Current     bool
}

// sourceView is one evidence sentence of an event.
type sourceView struct {
	Title        string // the article's title, or its file name
	URL          string
	Published    string // "30 December 2021"
	PublishedISO string // as the source gives it: "2021-12-30"
	Sentence     string
	Start        int
	End          int
	Article      *articleRef  // nil when the article is not in the site
	Href         string       // the sentence in the article page, or "" with no article
	info         *articleInfo // Article's, for placing the evidence
	markID       string       // the sentence's id in the article page, when Href has one
}

// articleRef is what an event page knows of an article it cites.
type articleRef struct {
	File, Path, Title, Published, URL string
}

// citation is one article an event cites, linked at its first sentence.
type citation struct {
	Title, Href, URL, Published string
	Count                       int // how many of the event's sentences it has
}

// articleInfo is one published article and the evidence it holds; the
// article itself may be metadata only until its page is rendered.
type articleInfo struct {
	a            *article.Article
	Slug         string
	Path         string       // "articles/<Slug>.html"
	Published    string       // "Thursday 30 December 2021"
	PublishedISO string       // "2021-12-30"
	ref          *articleRef  // what event pages show of it
	next         *articleInfo // in a preview, the next build's article with the same ref
	at           int          // in the site's articles
	sorted       []*markRange // its evidence sentences, outer ranges first, as the page marks them
	events       []*eventView // the events it is evidence for, in order
}

// evidenceMark is one event's sentence in an article.
type evidenceMark struct {
	start, end int
	id         string
	ev         *eventView
}

// markRange is one evidence sentence in an article: a file byte range and
// the events it supports.
type markRange struct {
	start, end int
	id         string
	events     []*eventView
}

// typeOrder is the order of the known event types in the filter: the
// order of the descriptor table (events.Descriptors).
var typeOrder = func() []string {
	var out []string
	for _, t := range events.Types() {
		out = append(out, string(t))
	}
	return out
}()

func newSiteView(s Site, baseURL string) *siteView {
	v := &siteView{Header: siteHeader{Title: s.Title, BaseURL: baseURL, Description: s.Description, Lang: cmp.Or(s.Language, "en")}, source: s.Events}
	if xs, err := exportsOf(&s); err == nil { // Build reports a bad list
		for _, x := range xs {
			v.Header.Downloads = append(v.Header.Downloads, link{Label: x.Label(), Path: x.File()})
		}
		slices.SortFunc(v.Header.Downloads, func(a, b link) int { return strings.Compare(a.Label, b.Label) })
	}
	if v.Header.Title == "" {
		v.Header.Title = "Timeline"
	}

	// With a memo, the view of an event that is as it was is taken from
	// the last build, and only placed again (see viewMemo).
	var vm *viewMemo
	var lastArticles map[string]*articleInfo
	if s.Memo != nil {
		vm = &s.Memo.views
		if zone := zoneName(s.TimeZone); vm.zone != zone {
			vm.zone, vm.last, vm.kept = zone, nil, nil
		}
		lastArticles = vm.articles // their next is set here, and by no other build
	}

	// Articles, by cleaned path; drafts are not published.
	arts := slices.Clone(s.Articles)
	arts = slices.DeleteFunc(arts, func(a *article.Article) bool { return a == nil || a.Draft })
	slices.SortStableFunc(arts, func(a, b *article.Article) int { return strings.Compare(a.Path, b.Path) })
	byPath := make(map[string]*articleInfo, len(arts))
	slugs := make(map[string]bool, len(arts))
	for _, a := range arts {
		key := cleanPath(a.Path)
		if byPath[key] != nil {
			continue // the same file twice
		}
		name := strings.TrimSuffix(path.Base(key), path.Ext(key))
		ai := &articleInfo{a: a, Slug: unique(articleSlug(name, key), slugs)}
		ai.Path = "articles/" + ai.Slug + ".html"
		if !a.Published.IsZero() {
			ai.Published = a.Published.Format("Monday 2 January 2006")
			ai.PublishedISO = a.Published.Format("2006-01-02")
		}
		ai.ref = &articleRef{File: a.Path, Path: ai.Path, Title: a.Title, Published: ai.PublishedISO, URL: a.URL}
		if last := lastArticles[key]; last != nil && *last.ref == *ai.ref {
			last.next = ai
		}
		ai.at = len(v.Articles)
		byPath[key] = ai
		v.Articles = append(v.Articles, ai)
	}
	if vm != nil {
		vm.articles = byPath
	}

	// Events, their periods and their sources.
	all := make([]*eventView, len(s.Events)) // v.Events
	at := make([]eventPlace, len(s.Events))
	// What an event's view takes from the event alone, on every core;
	// then, in order, what depends on the events before it: its id, its
	// date's page, its period, the evidence in its articles.
	var taken atomic.Int64
	inParallel(len(s.Events), 256, func() func(int) {
		c := newViewCache(s.TimeZone)
		var slab []eventView // views are made in slabs, not one allocation each
		shift := 0
		return func(j int) {
			e := &s.Events[j]
			if vm != nil {
				if old := vm.lookup(e, j, &shift); old != nil && c.takeView(old, e, byPath) {
					all[j], at[j] = old, c.place(e, j)
					at[j].reused = true
					taken.Add(1)
					return
				}
			}
			if len(slab) == 0 {
				slab = make([]eventView, min(64, len(s.Events)))
			}
			all[j], slab = &slab[0], slab[1:]
			at[j] = c.eventView(all[j], e, j, byPath)
		}
	})

	// The evidence in each article, and the actors' and types' pages,
	// while the events are placed: none of them needs the others.
	var beside sync.WaitGroup
	beside.Go(func() { markEvidence(v.Articles, all) })
	beside.Go(func() { v.newGroups(all) })
	if vm != nil {
		beside.Go(func() { vm.remember(s.Events, all, int(taken.Load())) })
	}

	// An event's file name is also its id on the list pages, so it must
	// not take the ids those pages have.
	files := make(map[string]bool, len(s.Events)+9)
	for _, id := range []string{"main", "filters", "chronology", "sources", "sources-label", "periods-label", "latest", "latest-label", "key-moments-label"} {
		files[id] = true
	}
	// One period per group key, in the order the keys first come: the
	// chronology's order and the order of the labels need not agree (a
	// year before its months, decades and undated events among them).
	periods := map[string]*periodView{}
	periodIDs := map[string]bool{}
	days := map[string]*dayView{}
	var d *dayView       // the last event's date
	var permalink string // d's first page, and "#"
	var period *periodView
	for i := range s.Events {
		e, ev := &s.Events[i], all[i]
		ev.File = unique(at[i].file, files)
		if d == nil || d.Key != at[i].dayKey { // the chronology is in date order
			if d = days[at[i].dayKey]; d == nil {
				d = newDay(at[i].day, len(v.Days))
				days[d.Key] = d
				v.Days = append(v.Days, d)
			}
			permalink = d.pagePath(1) + "#"
		}
		// A taken view's permalink is most often as it was.
		if p := ev.Path; !at[i].reused || len(p) != len(permalink)+len(ev.File) || !strings.HasPrefix(p, permalink) || !strings.HasSuffix(p, ev.File) {
			ev.Path, ev.moved = permalink+ev.File, true
		}
		if n := len(d.Pages); n == 0 || len(d.Pages[n-1]) == dayEvents || d.sources > 0 && d.sources+len(e.Sources) > daySources {
			d.Pages = append(d.Pages, nil)
			d.sources = 0
		}
		d.sources += len(e.Sources)
		d.Pages[len(d.Pages)-1] = append(d.Pages[len(d.Pages)-1], ev)
		if period == nil || period.Key != ev.When.Key {
			if period = periods[ev.When.Key]; period == nil {
				id := unique("m-"+slugify(cmp.Or(ev.When.Key, "undated"), "undated"), periodIDs)
				period = &periodView{ID: id, File: strings.TrimPrefix(id, "m-"), Label: ev.When.Group, Key: ev.When.Key, Year: yearOf(ev.When.Key), At: len(v.Periods)}
				periods[ev.When.Key] = period
				v.Periods = append(v.Periods, period)
			}
		}
		period.Events = append(period.Events, ev)
	}
	beside.Wait()
	v.Events = all

	// Pages of periods, and every event's links to its page and neighbours.
	for _, p := range v.Periods {
		p.Pages = paginate(p.Events)
		for n, page := range p.Pages {
			l := link{Label: p.pageLabel(n + 1), Path: p.pagePath(n + 1)}
			for _, ev := range page {
				if ev.Period != l {
					ev.Period, ev.moved = l, true
				}
			}
		}
	}
	v.yearPeriods = map[string][]link{}
	for _, p := range v.Periods {
		if v.yearPeriods[p.Year] == nil {
			label := p.Year
			if p.Year == p.Key {
				label = p.Label // a decade, or undated
			}
			v.years = append(v.years, link{Label: label, Path: p.pagePath(1)})
			v.yearKeys = append(v.yearKeys, p.Year)
		}
		v.yearPeriods[p.Year] = append(v.yearPeriods[p.Year], link{Label: p.Label, Path: p.pagePath(1)})
	}

	var dated []*periodView
	for _, p := range v.Periods {
		if p.Label != undated {
			dated = append(dated, p)
		}
	}
	switch {
	case len(dated) == 1:
		v.Span = dated[0].Label
	case len(dated) > 1:
		v.Span = dated[0].Label + " – " + dated[len(dated)-1].Label
	}
	if s.Memo != nil {
		v.facetMemo, v.entryMemo, v.articleKeys = &s.Memo.facets, &s.Memo.entries, &s.Memo.articleKeys
	}
	v.digestEvents(at)
	var e enc
	e.reset()
	e.value(reflect.ValueOf(&v.Header))
	v.headerKey = e.sum(Key{})
	return v
}

// markEvidence gives each article the evidence sentences that evs cite in
// it and the events it is evidence for, both in the order of evs, and
// sorts its evidence in the order its page marks it, once for the page's
// key and its body.
func markEvidence(arts []*articleInfo, evs []*eventView) {
	// Counted first, so that what the articles get takes one allocation
	// for all of them rather than slices grown an article at a time.
	marksOf, citesOf := make([]int, len(arts)), make([]int, len(arts))
	var marks, cites int
	for _, ev := range evs {
		for j := range ev.Sources {
			if ai := ev.Sources[j].info; ai != nil {
				citesOf[ai.at]++
				cites++
				if ev.Sources[j].markID != "" {
					marksOf[ai.at]++
					marks++
				}
			}
		}
	}
	markBuf := make([]evidenceMark, marks)
	eventBuf := make([]*eventView, cites)
	byArticle := make([][]evidenceMark, len(arts)) // each article's part of markBuf
	for i, ai := range arts {
		byArticle[i], markBuf = markBuf[:0:marksOf[i]], markBuf[marksOf[i]:]
		ai.events, eventBuf = eventBuf[:0:citesOf[i]], eventBuf[citesOf[i]:]
	}
	for _, ev := range evs {
		for j := range ev.Sources {
			sv := &ev.Sources[j]
			ai := sv.info
			if ai == nil {
				continue
			}
			if sv.markID != "" {
				byArticle[ai.at] = append(byArticle[ai.at], evidenceMark{sv.Start, sv.End, sv.markID, ev})
			}
			// Events come one at a time, so a repeat is the last one.
			if len(ai.events) == 0 || ai.events[len(ai.events)-1] != ev {
				ai.events = append(ai.events, ev)
			}
		}
	}
	// Each article's marks, outer ranges first and each range's events in
	// the order of evs, become its ranges, counted first: many events may
	// cite one sentence. The arrays never grow, so the slices into them stay.
	startsRange := func(ms []evidenceMark, j int) bool {
		return j == 0 || ms[j].start != ms[j-1].start || ms[j].end != ms[j-1].end
	}
	n := 0
	for _, ms := range byArticle {
		slices.SortStableFunc(ms, func(a, b evidenceMark) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
		})
		for j := range ms {
			if startsRange(ms, j) {
				n++
			}
		}
	}
	ranges := make([]markRange, 0, n)
	sorted := make([]*markRange, 0, n)
	rangeEvents := make([]*eventView, 0, marks)
	for i, ms := range byArticle {
		if len(ms) == 0 {
			continue
		}
		from := len(sorted)
		var r *markRange
		var first int // r's first event in rangeEvents
		for j, m := range ms {
			if startsRange(ms, j) {
				ranges = append(ranges, markRange{start: m.start, end: m.end, id: m.id})
				r, first = &ranges[len(ranges)-1], len(rangeEvents)
				sorted = append(sorted, r)
			}
			if len(r.events) == 0 || r.events[len(r.events)-1] != m.ev {
				rangeEvents = append(rangeEvents, m.ev)
				r.events = rangeEvents[first:len(rangeEvents):len(rangeEvents)]
			}
		}
		arts[i].sorted = sorted[from:len(sorted):len(sorted)]
	}
}

// paginate cuts a period's events into pages of at most pageEvents events
// and pageCitations citations.
func paginate(evs []*eventView) [][]*eventView {
	cited := 0
	return cutPages(evs, func(n int, ev *eventView) bool {
		c := max(len(ev.Cited), 1)
		if n == 0 {
			cited = 0
		}
		if n >= pageEvents || cited+c > pageCitations {
			cited = c
			return true
		}
		cited += c
		return false
	})
}

// Pages are cut where their events say, not every so many events: an
// event whose ID hashes to a multiple of cutEvery starts a new page once
// the page holds minPage events, and a page that would grow past its
// limit is cut there. An event added or removed then changes the page it
// is on, and seldom the next, rather than every page after it: a rebuild
// renders and a sync uploads one or two pages, and a page keeps its
// events, so a link to it keeps showing them.
const (
	minPage  = pageEvents / 4
	cutEvery = pageEvents / 2
)

// cutPages cuts evs into pages; full(n, ev) reports whether a page of n
// events is full before ev (it sees every event once, in order, and n is
// 0 at the first event of each page).
func cutPages(evs []*eventView, full func(n int, ev *eventView) bool) [][]*eventView {
	var pages [][]*eventView
	from := 0
	for i, ev := range evs {
		n := i - from
		if full(n, ev) || n >= minPage && ev.cut {
			pages = append(pages, evs[from:i])
			from = i
			full(0, ev)
		}
	}
	return append(pages, evs[from:])
}

// startsPage reports whether the event with the ID id may start a page:
// whether the ID's FNV-1a hash is a multiple of cutEvery.
func startsPage(id string) bool {
	h := uint32(2166136261)
	for i := range len(id) {
		h = (h ^ uint32(id[i])) * 16777619
	}
	return h%cutEvery == 0
}

// facets counts the types and actors of evs, for a page's filters.
func facets(evs []*eventView) (types, actors []facet) {
	nt := map[string]int{}
	na := map[string]int{}
	for _, ev := range evs {
		nt[ev.Type]++
		for i, a := range ev.Actors {
			if a != "" && !slices.Contains(ev.Actors[:i], a) {
				na[a]++
			}
		}
	}
	for t, n := range nt {
		types = append(types, facet{Value: t, Label: typeLabel(t), Class: "t-" + slugify(t, "other"), Count: n})
	}
	slices.SortFunc(types, func(a, b facet) int {
		ia, ib := slices.Index(typeOrder, a.Value), slices.Index(typeOrder, b.Value)
		if ia < 0 {
			ia = len(typeOrder)
		}
		if ib < 0 {
			ib = len(typeOrder)
		}
		return cmp.Or(cmp.Compare(ia, ib), strings.Compare(a.Value, b.Value))
	})
	for a, n := range na {
		actors = append(actors, facet{Value: a, Label: a, Count: n})
	}
	slices.SortFunc(actors, func(a, b facet) int { return strings.Compare(a.Value, b.Value) })
	return types, actors
}

// typeLabel is an event type as a badge shows it: its descriptor's label.
func typeLabel(t string) string { return events.Type(t).Label() }

// readableDay turns "2021-12-30" into "30 December 2021".
func readableDay(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}

// cleanPath makes the paths of articles and sources comparable.
func cleanPath(p string) string {
	return path.Clean(filepath.ToSlash(p))
}

// slugify is chronology.Slug, or def when nothing of s is left.
func slugify(s, def string) string {
	if slug := chronology.Slug(s); slug != "" {
		return slug
	}
	return def
}

// articleSlug is the page name of the article file path whose name without
// extension is name. A name with letters a slug cannot keep (Cyrillic,
// emoji) gets a short hash of the path, so that its page keeps its name
// whatever other files come and go.
func articleSlug(name, path string) string {
	slug := chronology.Slug(name)
	for _, r := range name {
		if r > unicode.MaxASCII {
			h := sha256.Sum256([]byte(path))
			return strings.TrimPrefix(slug+"-"+hex.EncodeToString(h[:3]), "-")
		}
	}
	return cmp.Or(slug, "article")
}

// fileName makes an event ID safe as a file name, keeping IDs that already
// are ("2021-12-30-call-biden-putin") as they are.
func fileName(id, def string) string {
	if isFileName(id) {
		return id
	}
	s := slugify(id, def)
	if len(s) > 200 {
		s = strings.TrimRight(s[:200], "-")
	}
	return s
}

// isFileName reports whether id is a file name as it is: letters, digits,
// '-', '_' and '.', not first, at most 200 bytes.
func isFileName(id string) bool {
	if id == "" || id[0] == '.' || len(id) > 200 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// unique returns s, or s-2, s-3, ... if seen has it, and records the
// result. It compares case-insensitively, for case-insensitive disks.
func unique(s string, seen map[string]bool) string {
	name, lower := s, strings.ToLower(s)
	for n := 2; seen[lower]; n++ {
		name = s + "-" + strconv.Itoa(n)
		lower = strings.ToLower(name)
	}
	seen[lower] = true
	return name
}

// eventPlace is what an event's view needs to be placed among the others:
// its file name before it is made unique, and its date's page.
type eventPlace struct {
	file, day, dayKey string
	reused            bool // the view is the last build's (see viewCache.takeView)
}

// viewCache keeps, for one goroutine making event views, what dates
// repeat across a chronology: each is parsed once.
type viewCache struct {
	zone     *time.Location
	whens    map[[2]string]when
	days     map[string]string // readable days
	instants map[string]string
	slugs    map[[2]string]string    // type and date slugs, by the string and its default
	articles map[string]*articleInfo // by a source's path as it is given
	classes  map[string]string       // typeClass by type
	infos    []*articleInfo          // takeView's, kept for its next call
}

func newViewCache(zone *time.Location) *viewCache {
	return &viewCache{zone: zone, whens: map[[2]string]when{}, days: map[string]string{}, instants: map[string]string{},
		slugs: map[[2]string]string{}, articles: map[string]*articleInfo{}, classes: map[string]string{}}
}

// typeClass is the class of a type's events, "t-call", once a type.
func (c *viewCache) typeClass(t string) string {
	class, ok := c.classes[t]
	if !ok {
		class = "t-" + slugify(t, "other")
		c.classes[t] = class
	}
	return class
}

// slug is slugify(s, def), once a string.
func (c *viewCache) slug(s, def string) string {
	out, ok := c.slugs[[2]string{s, def}]
	if !ok {
		out = slugify(s, def)
		c.slugs[[2]string{s, def}] = out
	}
	return out
}

// article is the article of a source's path, once a path.
func (c *viewCache) article(p string, byPath map[string]*articleInfo) *articleInfo {
	ai, ok := c.articles[p]
	if !ok {
		ai = byPath[cleanPath(p)]
		c.articles[p] = ai
	}
	return ai
}

// eventView makes ev, the view of event e, the i-th, with all that comes
// from the event alone and the articles (byPath), and returns where it goes.
func (c *viewCache) eventView(ev *eventView, e *events.Event, i int, byPath map[string]*articleInfo) eventPlace {
	*ev = eventView{
		ID: e.ID, Type: string(e.Type), Status: string(e.Status), Date: string(e.Date), Mod: e.Mod, Title: e.Title,
		Actors: e.Actors, Place: e.Place, kinds: e.ActorKinds,
		Planned:   e.Status == events.Planned,
		Pinned:    e.Pinned,
		Curated:   newCuratedView(e.Curated),
		Conflict:  conflictText(e.Conflicts),
		TypeLabel: typeLabel(string(e.Type)),
		TypeClass: c.typeClass(string(e.Type)),
		cut:       startsPage(e.ID),
	}
	w, ok := c.whens[[2]string{string(e.Date), e.Mod}]
	if !ok {
		w = parseWhenIn(string(e.Date), e.Mod, c.zone)
		c.whens[[2]string{string(e.Date), e.Mod}] = w
	}
	ev.When = w
	ev.Sources = make([]sourceView, 0, len(e.Sources))
	for _, src := range e.Sources {
		day, ok := c.days[src.Published]
		if !ok {
			day = readableDay(src.Published)
			c.days[src.Published] = day
		}
		sv := sourceView{Title: src.Title, URL: src.URL, Published: day, PublishedISO: src.Published,
			Sentence: src.Sentence, Start: src.Start, End: src.End}
		if ai := c.article(src.Article, byPath); ai != nil {
			sv.Article = ai.ref
			sv.Href = ai.Path
			sv.info = ai
			if src.Start < src.End && src.Start >= 0 {
				// The article page has this id whether or not the
				// sentence shows in its text (see render), so the
				// link never depends on the article's body.
				sv.Href, sv.markID = markHref(ai.Path, src.Start, src.End)
			}
			if sv.Title == "" {
				sv.Title = ai.a.Title
			}
		}
		if sv.Title == "" {
			sv.Title = path.Base(cleanPath(src.Article))
		}
		if j := slices.IndexFunc(ev.Cited, func(c citation) bool { return c.Title == sv.Title && c.URL == sv.URL }); j >= 0 {
			ev.Cited[j].Count++
		} else {
			ev.Cited = append(ev.Cited, citation{Title: sv.Title, Href: sv.Href, URL: sv.URL, Published: sv.Published, Count: 1})
		}
		ev.Sources = append(ev.Sources, sv)
	}
	ev.reported = updated(ev, c.instant)
	return c.place(e, i)
}

// place is where event e, the i-th, goes.
func (c *viewCache) place(e *events.Event, i int) eventPlace {
	day := dayOf(string(e.Date))
	file := e.ID
	if !isFileName(file) {
		file = fileName(e.ID, "event-"+strconv.Itoa(i+1))
	}
	return eventPlace{file: file, day: day, dayKey: c.slug(day, "undated")}
}

// instant is instant, once a day.
func (c *viewCache) instant(day string) string {
	t, ok := c.instants[day]
	if !ok {
		t = instant(day)
		c.instants[day] = t
	}
	return t
}

// markHref is the link to the evidence sentence at [start, end) of the
// article page at page, and the sentence's id on that page, "s-12-80",
// which is the link's end: one string made for both.
func markHref(page string, start, end int) (href, id string) {
	var buf [128]byte // on the stack for most paths
	b := append(buf[:0], page...)
	b = append(b, "#s-"...)
	b = strconv.AppendInt(b, int64(start), 10)
	b = append(b, '-')
	b = strconv.AppendInt(b, int64(end), 10)
	href = string(b)
	return href, href[len(page)+1:]
}
