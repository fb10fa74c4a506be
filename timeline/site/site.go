package site

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/timelinehq/timeline/templates"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// Site is what Build renders.
type Site struct {
	Title    string             // the site's title; "Timeline" when empty
	BaseURL  string             // optional absolute URL of the published site, for the feed and canonical links
	Events   []events.Event     // the chronology: sorted, IDs set
	Articles []*article.Article // the articles the events cite, and any others read; drafts are not published

	// FeedLimit is how many events feed.xml holds, the latest reported
	// first: 0 means DefaultFeedLimit, a negative number every event.
	FeedLimit int

	// LoadArticle, when set, returns the full article (Blocks, TitleBlock,
	// Raw) read from path. Articles may then hold articles with only their
	// metadata and Sum, their Raw nil (restored from a cache): Build calls
	// LoadArticle for such an article only when its page must be rendered,
	// one article at a time, never for a page that is kept. When it is nil,
	// Articles are full.
	LoadArticle func(path string) (*article.Article, error)

	// Version is the program's version. It is part of every page's key,
	// so that a new program renders every page again.
	Version string

	// Inputs, when set, is a digest of everything Events and Articles
	// were made from: the articles' bytes and paths, the alias table, the
	// program. Build then records it, and UpToDate can tell that a build
	// would change nothing without merging or rendering.
	Inputs string

	Description string         // one sentence about the site, for pages' meta description and the exports
	Language    string         // the pages' language, <html lang>; "en" when empty
	TimeZone    *time.Location // the zone clock times that carry one are shown in; nil shows them as the text gives them

	// Exports lists the optional exports to write by name (see
	// ExportNames): nil writes the default ones (events.csv), an empty
	// list none. events.json and feed.xml are always written; events.ics
	// and timelinejs.json only when named.
	Exports []string

	// Memo, when set, keeps what was made from each event between the
	// builds that share it, as a preview's rebuilds do: see Memo. It
	// changes no byte of the output, only how fast it is made.
	Memo *Memo
}

// DefaultFeedLimit is how many events the feed holds when Site.FeedLimit is 0.
const DefaultFeedLimit = 50

// The index shows the whole chronology, as one page with every event and
// source, up to this many events and articles; past that, it shows the
// periods and the latest events and sources, and the chronology is read on
// the period pages.
const (
	wholeEvents   = 400
	wholeArticles = 400
	latestEvents  = 20 // events on a large index
	latestSources = 50 // sources on a large index
)

// page is what a page template executes with. Which of Index, Period,
// Event and Article is set says which page it is; each reaches only what
// its page shows, since a page's key covers everything it can reach.
type page struct {
	Site      *siteHeader
	Root      string // the way back to the site's root from this page: "" or "../"
	Path      string // this page, relative to the root
	Canonical string // the absolute URL of this page, when the site has a BaseURL
	Title     string // the page's own title, "" on the index page
	Index     *indexView
	Period    *periodPage
	Day       *dayPage
	Article   *articleView
	Actor     *groupPage  // an actor's page (actor.html)
	Type      *groupPage  // an event type's page (type.html)
	Groups    *groupIndex // the index of actors or of types (groups.html)
	Search    *searchPage // the search page (search.html)
}

// eventLink is an event by its title, where it is shown in full; File is
// its id, so that its permalink finds it.
type eventLink struct{ File, Title, Path string }

// dayPage is one page of a date: its events in full, each at its
// permalink.
type dayPage struct {
	Label       string
	Datetime    string // the date as an HTML datetime, or "" when it has none
	Page, Pages int
	Total       int          // the date's events, on all its pages
	Events      []*eventView // in full on this page
	Others      []eventLink  // on the first page: the date's events shown on later pages
	Period      link         // the period page that lists the first of Events
	PageLinks   []link       // the date's pages, when it has more than one
	Prev, Next  *link        // the dates before and after this one, at their first pages

	root string // the page's Root, for Entry
}

// dayEvent is an event as the "event" template shows it on a date page.
type dayEvent struct {
	Root  string
	Day   *dayPage
	Event *eventView
}

// Entry is ev as the "event" template shows it on the page: the template
// can see the page's Root and Day too.
func (p *dayPage) Entry(ev *eventView) dayEvent { return dayEvent{Root: p.root, Day: p, Event: ev} }

// indexView is the index page: the whole chronology when it is small, an
// overview of the periods and the latest events when it is not.
type indexView struct {
	Count       int    // events
	Articles    int    // published articles
	Span        string // "December 2021 – January 2022"
	Whole       bool   // List holds the whole chronology, Sources every article
	List        chronoList
	Periods     []periodCount
	Sources     []sourceItem // every article when Whole, else the latest published
	MoreSources int          // the articles Sources leaves out
	KeyMoments  []entry      // the events the editors pinned, in order
}

// chronoList is a list of events in sections, with the filters' values.
type chronoList struct {
	Sections []section
	Types    []facet // event types with counts
	Actors   []facet // actors with counts
	Count    int
}

// section is one group of a list: a period, or the latest events.
type section struct {
	ID, Label string
	Events    []entry
}

// entry is an event in a list, with the way back to the root from the
// page that lists it. It has what a list shows of an event, so that a list
// does not reach the event's neighbours or its evidence.
type entry struct {
	Root                               string
	ID, Type, Status, Date, Mod, Title string
	Actors                             []string
	Place                              string
	ActorLinks                         []link // the actors' pages
	File, Path                         string
	When                               when
	Planned                            bool
	TypeLabel, TypeClass               string
	Pinned                             bool
	Curated                            curatedView
	Conflict                           string
	Cited                              []citation

	ev     *eventView // what it was made from: see newEntry
	digest Key        // ev's digest then: a memo's kept entry is checked by it
}

// periodCount is a period in the index's overview.
type periodCount struct {
	Label, Path  string
	Count, Pages int
}

// sourceItem is an article in the index's list of sources.
type sourceItem struct {
	Title, Path, Author, Published string
	Events                         int
}

// periodPage is one page of a period.
type periodPage struct {
	ID, Label   string
	Page, Pages int // this page's number from 1, and how many the period has
	Total       int // the period's events, on all its pages
	List        chronoList
	PageLinks   []link // the period's pages, when it has more than one
	Prev, Next  *link  // the pages before and after this one, in reading order
	Periods     []link // the periods of this page's year, at their first pages; the current one marked
	Years       []link // every year (decade, undated) at its first period, when there are more than one
}

// Build renders s into outDir with the templates and assets of tmpl (nil
// means the embedded defaults; see Templates). It writes the whole site
// into a new folder beside outDir and swaps it in only when everything
// succeeded, so a failed build leaves the previous output as it was.
//
// Build refuses an outDir that is empty, the root, the home folder, the
// current folder or one of its parents, a symbolic link, or an existing
// non-empty folder without the Marker file of an earlier build.
func Build(ctx context.Context, s Site, tmpl fs.FS, outDir string, opt Options) (Stats, error) {
	if tmpl == nil {
		tmpl = templates.FS
	}
	if err := checkOutDir(outDir); err != nil {
		return Stats{}, err
	}
	baseURL, err := normalizeBaseURL(s.BaseURL)
	if err != nil {
		return Stats{}, err
	}
	seed, err := seedKey(tmpl, s.Version)
	if err != nil {
		return Stats{}, err
	}
	var frags *fragments
	if s.Memo != nil {
		s.Memo.Wait() // what the last build left to do is done before this one starts
		opt.later = s.Memo.tidy.Go
		opt.output = &s.Memo.output
		frags = &s.Memo.fragments
		frags.start(programSeed(s.Version))
		defer frags.end()
		s.Memo.facets.start()
		defer s.Memo.facets.end()
		s.Memo.entries.start()
		defer s.Memo.entries.end()
		s.Memo.articleKeys.start()
		defer s.Memo.articleKeys.end()
	}
	ts, err := parseTemplates(tmpl, s.Version, frags)
	if err != nil {
		return Stats{}, err
	}
	var fp Key
	if s.Inputs != "" {
		fp = fingerprint(seed, s, baseURL)
	}
	opt.saved = func(abs string, manifest []byte) { saveBuild(opt.StateDir, abs, fp, len(s.Events), manifest) }
	st, err := writeAtomic(ctx, outDir, opt, func(w *writer) error {
		// The views are made while the writer lists the output.
		return render(ctx, w, ts, tmpl, newSiteView(s, baseURL), s)
	})
	return st, err
}

// pageJob is one page to render.
type pageJob struct {
	tmpl, path, root string
	index            bool
	period           *periodView
	day              *dayView
	n                int // the page of period, day or group, from 1
	ai               *articleInfo
	group            *groupView // an actor or a type
	groupIndex       string     // "actors" or "types": the index of them
	search           bool       // the search page
}

// jobs lists every page of the site, in a fixed order.
func (v *siteView) jobs() []pageJob {
	jobs := make([]pageJob, 0, 1+len(v.Periods)+len(v.Days)+len(v.Articles))
	jobs = append(jobs, pageJob{tmpl: indexPage, path: "index.html", index: true})
	for _, p := range v.Periods {
		for n := range p.Pages {
			jobs = append(jobs, pageJob{tmpl: periodPageTmpl, path: p.pagePath(n + 1), root: "../", period: p, n: n + 1})
		}
	}
	for _, d := range v.Days {
		for n := range d.Pages {
			jobs = append(jobs, pageJob{tmpl: dayPageTmpl, path: d.pagePath(n + 1), root: "../", day: d, n: n + 1})
		}
	}
	for _, ai := range v.Articles {
		jobs = append(jobs, pageJob{tmpl: articlePage, path: ai.Path, root: "../", ai: ai})
	}
	jobs = append(jobs, searchJob())
	return append(jobs, v.groupJobs()...)
}

// data is the page of j before an article's body is rendered.
func (v *siteView) data(j pageJob) *page {
	p := &page{Site: &v.Header, Root: j.root, Path: j.path}
	if v.Header.BaseURL != "" {
		p.Canonical = v.Header.BaseURL + j.path
	}
	if v.groupData(j, p) {
		return p
	}
	switch {
	case j.search:
		p.Search, p.Title = v.searchData(), "Search"
	case j.index:
		p.Index = v.indexView()
	case j.period != nil:
		p.Period = v.periodPage(j.period, j.n)
		p.Title = j.period.pageLabel(j.n)
	case j.day != nil:
		p.Day = v.dayPage(j.day, j.n)
		p.Day.root = p.Root
		p.Title = p.Day.Label
		if p.Day.Pages > 1 {
			p.Title += ", page " + strconv.Itoa(j.n)
		}
	case j.ai != nil:
		p.Article, p.Title = j.ai.view(), j.ai.a.Title
	}
	return p
}

// key is the key of j's page p. For an article without a Sum or bytes it
// loads the article, and returns it for the render.
func (v *siteView) key(seed Key, e *enc, j pageJob, p *page, load func(string) (*article.Article, error)) (Key, *article.Article, error) {
	if j.ai == nil {
		return dataKey(seed, e, p), nil, nil
	}
	a := j.ai.a
	if a.Sum == "" && a.Raw == nil && load != nil {
		full, err := loadArticle(load, a.Path)
		if err != nil {
			return Key{}, nil, err
		}
		return articleKey(seed, e, p, j.ai, contentSum(full)), full, nil
	}
	return articleKey(seed, e, p, j.ai, contentSum(a)), nil, nil
}

func loadArticle(load func(string) (*article.Article, error), path string) (*article.Article, error) {
	full, err := load(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	if full == nil {
		return nil, fmt.Errorf("load %s: no article", path)
	}
	return full, nil
}

// keys computes every page's key, by path, without rendering anything.
func (v *siteView) keys(ts *pages, load func(string) (*article.Article, error)) (map[string]Key, error) {
	var e enc
	keys := map[string]Key{}
	for _, j := range v.jobs() {
		k, _, err := v.key(ts.seeds[j.tmpl], &e, j, v.data(j), load)
		if err != nil {
			return nil, err
		}
		keys[j.path] = k
	}
	return keys, nil
}

// render writes every file of the site: the pages (see renderPages), the
// exports (events.json, the feed and the others of s.Exports), 404.html,
// the sitemap and the templates' files.
func render(ctx context.Context, w *writer, ts *pages, tmpl fs.FS, v *siteView, s Site) error {
	// The exports and the search index see the whole chronology; make
	// them while the pages render.
	xs, err := exportsOf(&s)
	if err != nil {
		return err
	}
	var exportErr, indexErr, restErr error
	var whole sync.WaitGroup
	whole.Go(func() { exportErr = writeExports(ctx, w, v, &s, xs) })
	whole.Go(func() { indexErr = writeSearchIndex(w, v, s.Memo) })
	whole.Go(func() {
		restErr = writeNotFound(w, ts, v)
		if restErr == nil {
			restErr = writeSitemap(w, v)
		}
	})
	err = renderPages(ctx, w, ts, v, s.LoadArticle)
	whole.Wait()
	if err := cmp.Or(err, exportErr, indexErr, restErr); err != nil {
		return err
	}
	// The templates' own files come last: one that would replace a
	// generated file is refused.
	if err := copyFiles(ctx, w, tmpl, assetsDir); err != nil {
		return err
	}
	return copyFiles(ctx, w, tmpl, staticDir)
}

// pageWriter is what pages are written with: the writer, or a test's.
type pageWriter interface {
	keep(name string, key Key) bool
	writeKeyed(name string, key Key, data []byte) error
}

// renderPages renders and writes every page that w does not keep. Pages
// render and write in parallel, each written as soon as it is rendered;
// the error reported is the one of the first failing page in page order,
// so it is the same on every run.
func renderPages(ctx context.Context, w pageWriter, ts *pages, v *siteView, load func(string) (*article.Article, error)) error {
	jobs := v.jobs()
	if p, ok := w.(interface{ plan(int) }); ok {
		p.plan(len(jobs)) // for the progress line
	}
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(len(jobs), 4*runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var buf bytes.Buffer
			var e enc
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if errs[i] = renderPage(ctx, w, &buf, &e, ts, v, jobs[i], load); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// renderPage renders and writes the page of j, unless the writer keeps it.
func renderPage(ctx context.Context, w pageWriter, buf *bytes.Buffer, e *enc, ts *pages, v *siteView, j pageJob, load func(string) (*article.Article, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	seed := ts.seeds[j.tmpl]
	// A preview takes an unchanged article page's key from the last
	// build, without making the page's data or its key. An article
	// without a Sum is keyed by its bytes, which would have to be loaded.
	var input []byte
	memo := v.articleKeys
	if j.ai == nil || j.ai.a.Sum == "" {
		memo = nil
	}
	if memo != nil {
		input = articleInput(e.b[:0], seed, v, j)
		e.b = input[:0] // the grown buffer, for the next page
		if last, ok := memo.get(j.path); ok && bytes.Equal(last.input, input) {
			memo.put(j.path, last)
			if w.keep(j.path, last.key) {
				return nil
			}
		}
		input = bytes.Clone(input) // the key is made in the same buffer
	}
	p := v.data(j)
	key, full, err := v.key(seed, e, j, p, load)
	if err != nil {
		return err
	}
	if memo != nil {
		memo.put(j.path, articleKeyEntry{input: input, key: key})
	}
	if w.keep(j.path, key) {
		return nil
	}
	if j.ai != nil {
		if full == nil {
			full = j.ai.a
			if load != nil && full.Raw == nil {
				if full, err = loadArticle(load, full.Path); err != nil {
					return err
				}
			}
		}
		p.Article.render(j.ai, full)
	}
	buf.Reset()
	if err := ts.sets[j.tmpl].ExecuteTemplate(buf, ts.name[j.tmpl], p); err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	return w.writeKeyed(j.path, key, buf.Bytes())
}

// indexView is the index page's data.
func (v *siteView) indexView() *indexView {
	iv := &indexView{Count: len(v.Events), Articles: len(v.Articles), Span: v.Span,
		Whole: len(v.Events) <= wholeEvents && len(v.Articles) <= wholeArticles}
	for _, p := range v.Periods {
		iv.Periods = append(iv.Periods, periodCount{Label: p.Label, Path: p.pagePath(1), Count: len(p.Events), Pages: len(p.Pages)})
	}
	var pinned []*eventView
	for _, ev := range v.Events {
		if ev.Pinned {
			pinned = append(pinned, ev)
		}
	}
	iv.KeyMoments = entries("", pinned)
	arts := v.Articles
	if iv.Whole {
		var secs []section
		for _, p := range v.Periods {
			secs = append(secs, section{ID: p.ID, Label: p.Label, Events: entries("", p.Events)})
		}
		iv.List = v.newList("index", secs, v.Events)
	} else {
		latest := v.latest(latestEvents)
		iv.List = v.newList("index", []section{{ID: "latest", Label: "Latest reported", Events: entries("", latest)}}, latest)
		// The latest published first, then by path.
		arts = slices.Clone(arts)
		slices.SortStableFunc(arts, func(a, b *articleInfo) int { return strings.Compare(b.PublishedISO, a.PublishedISO) })
		arts = arts[:min(len(arts), latestSources)]
		iv.MoreSources = len(v.Articles) - len(arts)
	}
	for _, ai := range arts {
		iv.Sources = append(iv.Sources, sourceItem{Title: ai.a.Title, Path: ai.Path, Author: ai.a.Author,
			Published: ai.Published, Events: len(ai.events)})
	}
	return iv
}

// periodPage is the data of page n of period p.
func (v *siteView) periodPage(p *periodView, n int) *periodPage {
	evs := p.Pages[n-1]
	pp := &periodPage{ID: p.ID, Label: p.Label, Page: n, Pages: len(p.Pages), Total: len(p.Events),
		List: v.newList(p.pagePath(n), []section{{ID: p.ID, Label: p.Label, Events: v.entryMemo.periodEntries(p.pagePath(n), evs)}}, evs)}
	if len(p.Pages) > 1 {
		for i := range p.Pages {
			pp.PageLinks = append(pp.PageLinks, link{Label: strconv.Itoa(i + 1), Path: p.pagePath(i + 1), Current: i+1 == n})
		}
	}
	switch {
	case n > 1:
		pp.Prev = &link{Label: p.pageLabel(n - 1), Path: p.pagePath(n - 1)}
	case p.At > 0:
		q := v.Periods[p.At-1]
		pp.Prev = &link{Label: q.pageLabel(len(q.Pages)), Path: q.pagePath(len(q.Pages))}
	}
	switch {
	case n < len(p.Pages):
		pp.Next = &link{Label: p.pageLabel(n + 1), Path: p.pagePath(n + 1)}
	case p.At+1 < len(v.Periods):
		q := v.Periods[p.At+1]
		pp.Next = &link{Label: q.pageLabel(1), Path: q.pagePath(1)}
	}
	// The periods of this one's year, and every year at its first period:
	// every period page listing every period would grow as their square.
	pp.Periods = slices.Clone(v.yearPeriods[p.Year])
	for i := range pp.Periods {
		pp.Periods[i].Current = pp.Periods[i].Path == p.pagePath(1)
	}
	if len(v.years) > 1 {
		pp.Years = slices.Clone(v.years)
		for i, y := range v.yearKeys {
			pp.Years[i].Current = y == p.Year
		}
	}
	return pp
}

// dayPage is the data of page n of date d.
func (v *siteView) dayPage(d *dayView, n int) *dayPage {
	evs := d.Pages[n-1]
	dp := &dayPage{Label: d.Label, Datetime: d.Datetime, Page: n, Pages: len(d.Pages), Events: evs, Period: evs[0].Period}
	for _, page := range d.Pages {
		dp.Total += len(page)
	}
	if len(d.Pages) > 1 {
		for i := range d.Pages {
			dp.PageLinks = append(dp.PageLinks, link{Label: strconv.Itoa(i + 1), Path: d.pagePath(i + 1), Current: i+1 == n})
		}
		if n == 1 {
			for i, page := range d.Pages[1:] {
				for _, ev := range page {
					dp.Others = append(dp.Others, eventLink{File: ev.File, Title: ev.Title, Path: d.pagePath(i+2) + "#" + ev.File})
				}
			}
		}
	}
	if d.At > 0 {
		q := v.Days[d.At-1]
		dp.Prev = &link{Label: q.Label, Path: q.pagePath(1)}
	}
	if d.At+1 < len(v.Days) {
		q := v.Days[d.At+1]
		dp.Next = &link{Label: q.Label, Path: q.pagePath(1)}
	}
	return dp
}

func entries(root string, evs []*eventView) []entry {
	out := make([]entry, len(evs))
	for i, ev := range evs {
		out[i] = newEntry(root, ev)
	}
	return out
}

// newEntry is ev as a list at root shows it. An entry is made only here
// and never changed, so that its key is root and its event's digest (see
// enc.value).
func newEntry(root string, ev *eventView) entry {
	return entry{Root: root, ID: ev.ID, Type: ev.Type, Status: ev.Status, Date: ev.Date, Mod: ev.Mod, Title: ev.Title,
		Actors: ev.Actors, ActorLinks: ev.ActorLinks, Place: ev.Place, File: ev.File, Path: ev.Path, When: ev.When, Planned: ev.Planned,
		TypeLabel: ev.TypeLabel, TypeClass: ev.TypeClass, Pinned: ev.Pinned, Curated: ev.Curated, Conflict: ev.Conflict, Cited: ev.Cited,
		ev: ev, digest: ev.digest}
}

// newList is the list of the page name: secs, with the filters' counts
// of evs.
func (v *siteView) newList(name string, secs []section, evs []*eventView) chronoList {
	l := chronoList{Sections: secs, Count: len(evs)}
	l.Types, l.Actors = v.facetsOf(name, evs)
	return l
}

// copyFiles copies every file under the folder from of tmpl to the output:
// to the same path for assets/, to the root for static/ (a CNAME, a
// robots.txt). A file that would replace a generated one is an error.
func copyFiles(ctx context.Context, w *writer, tmpl fs.FS, from string) error {
	if _, err := fs.Stat(tmpl, from); errors.Is(err, fs.ErrNotExist) {
		return nil // a template set without this folder
	} else if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	return fs.WalkDir(tmpl, from, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		if d.IsDir() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		out := name
		if from == staticDir {
			out = strings.TrimPrefix(name, staticDir+"/")
		}
		if w.has(out) || out == Marker {
			return fmt.Errorf("templates: %s would replace the generated %s: rename or remove it", origin(tmpl, name), out)
		}
		data, err := fs.ReadFile(tmpl, name)
		if err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		return w.write(out, data)
	})
}

// normalizeBaseURL checks that u is absolute and gives it a trailing slash.
func normalizeBaseURL(u string) (string, error) {
	if u == "" {
		return "", nil
	}
	p, err := url.Parse(u)
	if err != nil || p.Scheme == "" || p.Host == "" {
		return "", fmt.Errorf("base URL %q is not an absolute URL such as https://example.org/timeline/", u)
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u, nil
}
