package site

import (
	"cmp"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
)

// The views below are what the templates see. Every Path is relative to
// the site's root; a page prefixes it with its Root ("" or "../").

// siteView is the whole site, computed once per build.
type siteView struct {
	Title    string
	BaseURL  string // "" or absolute, ending in "/"
	Events   []*eventView
	Months   []*monthView
	Articles []*articleView // the published articles, in path order
	Types    []facet        // event types with counts, for the filter
	Actors   []facet        // actors with counts, for the filter
	Span     string         // "December 2021 – January 2022"
}

// facet is one value of a filter with the number of events that have it.
type facet struct {
	Value, Label, Class string
	Count               int
}

// monthView is one group of the chronology: a month, a year, or undated.
type monthView struct {
	ID     string // the id of its section on the index page
	Label  string // "December 2021"
	Events []*eventView
}

// eventView is one event with everything its pages show.
type eventView struct {
	events.Event
	File      string // the file name without .html, also its id on the index page
	Path      string // "events/<File>.html"
	When      when
	Planned   bool
	TypeLabel string // "Call"
	TypeClass string // "t-call"
	Sources   []sourceView
	Cited     []citation // the articles of Sources, each once
	Month     *monthView
	Prev      *eventView
	Next      *eventView
}

// sourceView is one evidence sentence of an event.
type sourceView struct {
	events.Source
	Article   *articleView // nil when the article is not in the site
	Href      string       // the sentence in the article page, or "" with no article
	Published string       // "30 December 2021"
}

// citation is one article an event cites, linked at its first sentence.
type citation struct {
	Title, Href, URL, Published string
	Count                       int // how many of the event's sentences it has
}

// articleView is one article page.
type articleView struct {
	*article.Article
	Slug          string
	Path          string // "articles/<Slug>.html"
	Published     string // "Thursday 30 December 2021"
	PublishedISO  string // "2021-12-30"
	Blocks        []blockView
	TitleSegments []segment    // the headline, when the file has it as text
	Events        []*eventView // the events it is evidence for, in order
	ranges        map[[2]int]*markRange
}

// blockView is one block of an article's body; consecutive list items
// become one "list" block with Items.
type blockView struct {
	Kind     string // "paragraph", "heading", "quote" or "list"
	Segments []segment
	Items    [][]segment
}

// segment is a run of a block's text, marked when evidence covers it.
type segment struct {
	Text    string
	Marked  bool
	ID      string   // the id of the mark, when a sentence starts here
	Anchors []string // further ids of sentences that start here too
	Title   string   // the titles of the events it is evidence for
	Refs    []ref    // links to the events of the sentences that end here
}

// ref is a link from a marked sentence to its event.
type ref struct {
	Href, Label, Title, Class string
}

// markRange is one evidence sentence in an article: a file byte range and
// the events it supports.
type markRange struct {
	start, end int
	id         string
	events     []*eventView
	parts      int // how many blocks it shows in; 0 when none
}

// typeOrder is the order of the known event types in the filter.
var typeOrder = []string{events.Call, events.Meeting, events.Statement, events.Warning, events.Visit, events.Agreement, events.Demand}

func newSiteView(s Site, baseURL string) *siteView {
	v := &siteView{Title: s.Title, BaseURL: baseURL}
	if v.Title == "" {
		v.Title = "Timeline"
	}

	// Articles, by cleaned path; drafts are not published.
	arts := slices.Clone(s.Articles)
	arts = slices.DeleteFunc(arts, func(a *article.Article) bool { return a == nil || a.Draft })
	slices.SortStableFunc(arts, func(a, b *article.Article) int { return strings.Compare(a.Path, b.Path) })
	byPath := map[string]*articleView{}
	slugs := map[string]bool{}
	for _, a := range arts {
		key := cleanPath(a.Path)
		if byPath[key] != nil {
			continue // the same file twice
		}
		name := strings.TrimSuffix(path.Base(key), path.Ext(key))
		av := &articleView{Article: a, Slug: unique(slugify(name, "article"), slugs), ranges: map[[2]int]*markRange{}}
		av.Path = "articles/" + av.Slug + ".html"
		if !a.Published.IsZero() {
			av.Published = a.Published.Format("Monday 2 January 2006")
			av.PublishedISO = a.Published.Format("2006-01-02")
		}
		byPath[key] = av
		v.Articles = append(v.Articles, av)
	}

	// Events, their groups and their sources. An event's file name is also
	// its id on the index page, so it must not take the ids that page has.
	files := map[string]bool{}
	for _, id := range []string{"main", "filters", "chronology", "sources", "sources-label"} {
		files[id] = true
	}
	types := map[string]int{}
	actors := map[string]int{}
	// One section per group key, in the order the keys first come: the
	// chronology's order and the order of the labels need not agree (a
	// year before its months, decades and undated events among them).
	months := map[string]*monthView{}
	monthIDs := map[string]bool{}
	for i := range s.Events {
		e := s.Events[i]
		ev := &eventView{
			Event:     e,
			When:      parseWhen(e.Date, e.Mod),
			Planned:   e.Status == events.Planned,
			TypeLabel: typeLabel(e.Type),
			TypeClass: "t-" + slugify(e.Type, "other"),
		}
		ev.File = unique(fileName(e.ID, "event-"+strconv.Itoa(i+1)), files)
		ev.Path = "events/" + ev.File + ".html"
		month := months[ev.When.Key]
		if month == nil {
			id := "m-" + slugify(cmp.Or(ev.When.Key, "undated"), "undated")
			month = &monthView{ID: unique(id, monthIDs), Label: ev.When.Group}
			months[ev.When.Key] = month
			v.Months = append(v.Months, month)
		}
		month.Events = append(month.Events, ev)
		ev.Month = month
		if n := len(v.Events); n > 0 {
			ev.Prev, v.Events[n-1].Next = v.Events[n-1], ev
		}
		v.Events = append(v.Events, ev)
		types[e.Type]++
		for _, a := range uniqueStrings(e.Actors) {
			actors[a]++
		}
		for _, src := range e.Sources {
			sv := sourceView{Source: src, Published: readableDay(src.Published)}
			if av := byPath[cleanPath(src.Article)]; av != nil {
				sv.Article = av
				key := [2]int{src.Start, src.End}
				r := av.ranges[key]
				if r == nil && src.Start < src.End && src.Start >= 0 {
					r = &markRange{start: src.Start, end: src.End, id: "s-" + strconv.Itoa(src.Start) + "-" + strconv.Itoa(src.End)}
					av.ranges[key] = r
				}
				// Events come one at a time, so a repeat is the last one.
				if r != nil && (len(r.events) == 0 || r.events[len(r.events)-1] != ev) {
					r.events = append(r.events, ev)
				}
				if len(av.Events) == 0 || av.Events[len(av.Events)-1] != ev {
					av.Events = append(av.Events, ev)
				}
			}
			ev.Sources = append(ev.Sources, sv)
		}
	}

	for _, av := range v.Articles {
		av.render()
	}
	// Link every source to its sentence, or to the top of the article
	// when the sentence is not in its text (offsets past the end, or in a
	// headline the file does not have as text).
	for _, ev := range v.Events {
		for i := range ev.Sources {
			sv := &ev.Sources[i]
			if sv.Article != nil {
				sv.Href = sv.Article.Path
				if r := sv.Article.ranges[[2]int{sv.Start, sv.End}]; r != nil && r.parts > 0 {
					sv.Href += "#" + r.id
				}
				if sv.Title == "" {
					sv.Title = sv.Article.Title
				}
			}
			if sv.Title == "" {
				sv.Title = path.Base(cleanPath(sv.Source.Article))
			}
			if j := slices.IndexFunc(ev.Cited, func(c citation) bool { return c.Title == sv.Title && c.URL == sv.URL }); j >= 0 {
				ev.Cited[j].Count++
			} else {
				ev.Cited = append(ev.Cited, citation{Title: sv.Title, Href: sv.Href, URL: sv.URL, Published: sv.Published, Count: 1})
			}
		}
	}

	for t, n := range types {
		v.Types = append(v.Types, facet{Value: t, Label: typeLabel(t), Class: "t-" + slugify(t, "other"), Count: n})
	}
	slices.SortFunc(v.Types, func(a, b facet) int {
		ia, ib := slices.Index(typeOrder, a.Value), slices.Index(typeOrder, b.Value)
		if ia < 0 {
			ia = len(typeOrder)
		}
		if ib < 0 {
			ib = len(typeOrder)
		}
		return cmp.Or(cmp.Compare(ia, ib), strings.Compare(a.Value, b.Value))
	})
	for a, n := range actors {
		v.Actors = append(v.Actors, facet{Value: a, Label: a, Count: n})
	}
	slices.SortFunc(v.Actors, func(a, b facet) int { return strings.Compare(a.Value, b.Value) })

	var dated []*monthView
	for _, m := range v.Months {
		if m.Label != undated {
			dated = append(dated, m)
		}
	}
	switch {
	case len(dated) == 1:
		v.Span = dated[0].Label
	case len(dated) > 1:
		v.Span = dated[0].Label + " – " + dated[len(dated)-1].Label
	}
	return v
}

// render lays out the article's blocks, marking every evidence sentence.
// A sentence's file byte range maps into each block it touches through the
// block's spans, so a sentence that runs over two blocks is marked in both:
// the first part carries the sentence's id, the later parts id-2, id-3, and
// the links to its events follow the last part.
func (av *articleView) render() {
	ranges := make([]*markRange, 0, len(av.ranges))
	for _, r := range av.ranges {
		ranges = append(ranges, r)
	}
	slices.SortFunc(ranges, func(a, b *markRange) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) // outer ranges first
	})

	type part struct {
		r      *markRange
		lo, hi int // the part's range in the block's text
		n      int // 1 for the first part of the sentence
	}
	// The headline comes first when the file has it in its text, so that
	// evidence in a headline is marked too.
	blocks := av.Article.Blocks
	if len(av.Article.TitleBlock.Spans) > 0 {
		blocks = append([]article.Block{av.Article.TitleBlock}, blocks...)
	}
	parts := make([][]part, len(blocks))
	for bi, b := range blocks {
		for _, r := range ranges {
			lo, hi := -1, -1
			for _, sp := range b.Spans {
				a, z := max(r.start, sp.File), min(r.end, sp.File+sp.Len)
				if a >= z {
					continue
				}
				if tlo := sp.Text + a - sp.File; lo < 0 || tlo < lo {
					lo = tlo
				}
				hi = max(hi, sp.Text+z-sp.File)
			}
			if lo < 0 {
				continue
			}
			lo, hi = max(lo, 0), min(hi, len(b.Text))
			for lo > 0 && lo < len(b.Text) && !utf8.RuneStart(b.Text[lo]) {
				lo--
			}
			for hi < len(b.Text) && !utf8.RuneStart(b.Text[hi]) {
				hi++
			}
			if lo >= hi {
				continue
			}
			r.parts++
			parts[bi] = append(parts[bi], part{r: r, lo: lo, hi: hi, n: r.parts})
		}
	}

	for bi, b := range blocks {
		ps := parts[bi]
		cuts := []int{0, len(b.Text)}
		for _, p := range ps {
			cuts = append(cuts, p.lo, p.hi)
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		var segs []segment
		for i := 0; i+1 < len(cuts); i++ {
			a, z := cuts[i], cuts[i+1]
			seg := segment{Text: b.Text[a:z]}
			var titles []string
			for _, p := range ps {
				if p.lo > a || z > p.hi {
					continue
				}
				seg.Marked = true
				for _, ev := range p.r.events {
					if !slices.Contains(titles, ev.Title) {
						titles = append(titles, ev.Title)
					}
				}
				if p.lo == a {
					id := p.r.id
					if p.n > 1 {
						id += "-" + strconv.Itoa(p.n)
					}
					if seg.ID == "" {
						seg.ID = id
					} else {
						seg.Anchors = append(seg.Anchors, id)
					}
				}
				if p.hi == z && p.n == p.r.parts {
					for _, ev := range p.r.events {
						if slices.ContainsFunc(seg.Refs, func(r ref) bool { return r.Href == "../"+ev.Path }) {
							continue
						}
						seg.Refs = append(seg.Refs, ref{Href: "../" + ev.Path, Label: ev.TypeLabel, Title: ev.Title, Class: ev.TypeClass})
					}
				}
			}
			seg.Title = strings.Join(titles, "; ")
			segs = append(segs, seg)
		}
		if bi == 0 && len(blocks) > len(av.Article.Blocks) {
			av.TitleSegments = segs
			continue
		}
		kind := string(b.Kind)
		switch b.Kind {
		case article.Heading, article.Quote, article.Paragraph:
		case article.ListItem:
			if n := len(av.Blocks); n > 0 && av.Blocks[n-1].Kind == "list" {
				av.Blocks[n-1].Items = append(av.Blocks[n-1].Items, segs)
			} else {
				av.Blocks = append(av.Blocks, blockView{Kind: "list", Items: [][]segment{segs}})
			}
			continue
		default:
			kind = string(article.Paragraph)
		}
		av.Blocks = append(av.Blocks, blockView{Kind: kind, Segments: segs})
	}
}

// typeLabel is an event type as a badge shows it.
func typeLabel(t string) string {
	if t == "" {
		return "Event"
	}
	r, n := utf8.DecodeRuneInString(t)
	return strings.ToUpper(string(r)) + t[n:]
}

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

// fileName makes an event ID safe as a file name, keeping IDs that already
// are ("2021-12-30-call-biden-putin") as they are.
func fileName(id, def string) string {
	ok := id != "" && id[0] != '.' && len(id) <= 200
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			ok = false
			break
		}
	}
	if ok {
		return id
	}
	s := slugify(id, def)
	if len(s) > 200 {
		s = strings.TrimRight(s[:200], "-")
	}
	return s
}

// unique returns s, or s-2, s-3, ... if seen has it, and records the
// result. It compares case-insensitively, for case-insensitive disks.
func unique(s string, seen map[string]bool) string {
	name := s
	for n := 2; seen[strings.ToLower(name)]; n++ {
		name = s + "-" + strconv.Itoa(n)
	}
	seen[strings.ToLower(name)] = true
	return name
}

func uniqueStrings(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
