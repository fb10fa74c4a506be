package site

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/article"
)

// articleView is one article page: the article's metadata, the events it
// is evidence for and, once rendered, its body with the evidence marked.
type articleView struct {
	File         string // the file it was read from: "content/x.txt"
	Slug         string
	Path         string // "articles/<Slug>.html"
	Title        string
	Author       string
	URL          string
	Tags         []string
	Published    string // "Thursday 30 December 2021"
	PublishedISO string // "2021-12-30"
	Events       []eventRef

	// Filled by render from the full article.
	TitleSegments []segment // the headline, when the file has it as text
	Blocks        []blockView
	Unplaced      []string // ids of evidence that does not show in the text, anchored at the top
}

// eventRef is what an article page knows of an event it is evidence for:
// fields of the event's view, so that a key writes it as the event's
// digest (see enc.value). Only newEventRef makes one.
type eventRef struct {
	ID, File, Path, Title, Type, TypeLabel, TypeClass string
	Planned                                           bool
	When                                              when

	ev *eventView
}

func newEventRef(ev *eventView) eventRef {
	return eventRef{ID: ev.ID, File: ev.File, Path: ev.Path, Title: ev.Title, Type: ev.Type,
		TypeLabel: ev.TypeLabel, TypeClass: ev.TypeClass, Planned: ev.Planned, When: ev.When, ev: ev}
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

// view is the article page's data before its body is rendered: what its
// key covers besides the article's bytes and the evidence ranges.
func (ai *articleInfo) view() *articleView {
	a := ai.a
	av := &articleView{
		File: a.Path, Slug: ai.Slug, Path: ai.Path, Title: a.Title, Author: a.Author, URL: a.URL, Tags: a.Tags,
		Published: ai.Published, PublishedISO: ai.PublishedISO, Events: make([]eventRef, 0, len(ai.events)),
	}
	for _, ev := range ai.events {
		av.Events = append(av.Events, newEventRef(ev))
	}
	return av
}

// render lays out the body of full (the article with its blocks) into av,
// marking every evidence sentence. A sentence's file byte range maps into
// each block it touches through the block's spans, so a sentence that runs
// over two blocks is marked in both: the first part carries the sentence's
// id, the later parts id-2, id-3, and the links to its events follow the
// last part. A sentence that shows nowhere (offsets past the end, a
// headline the file does not have as text) gets its id as an anchor at the
// top, so that event pages can link to every sentence without knowing the
// article's body.
func (av *articleView) render(ai *articleInfo, full *article.Article) {
	ranges := ai.sorted
	type part struct {
		r      *markRange
		lo, hi int // the part's range in the block's text
		n      int // 1 for the first part of the sentence
	}
	// The headline comes first when the file has it in its text, so that
	// evidence in a headline is marked too.
	blocks := full.Blocks
	if len(full.TitleBlock.Spans) > 0 {
		blocks = append([]article.Block{full.TitleBlock}, blocks...)
	}
	nparts := make(map[*markRange]int, len(ranges))
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
			nparts[r]++
			parts[bi] = append(parts[bi], part{r: r, lo: lo, hi: hi, n: nparts[r]})
		}
	}
	for _, r := range ranges {
		if nparts[r] == 0 {
			av.Unplaced = append(av.Unplaced, r.id)
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
				if p.hi == z && p.n == nparts[p.r] {
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
		if bi == 0 && len(blocks) > len(full.Blocks) {
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
