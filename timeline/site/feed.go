package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The Atom feed (RFC 4287) of the site's events, the latest reported first.
// Links are absolute with a BaseURL and relative to feed.xml without one;
// dates come from the sources' publication dates, never from the clock.

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Links    []atomLink  `xml:"link"`
	Entries  []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary"`
}

// feed.xml is always written: every page links to it.
type atomExport struct{}

func init() { registerExport(atomExport{}, always) }

func (atomExport) Name() string                              { return "atom" }
func (atomExport) Label() string                             { return "Atom feed" }
func (atomExport) File() string                              { return "feed.xml" }
func (atomExport) Make(v *siteView, s *Site) ([]byte, error) { return feed(v, s.FeedLimit) }

const epoch = "1970-01-01T00:00:00Z"

// feed is the Atom feed of the latest limit events (see Site.FeedLimit).
func feed(v *siteView, limit int) ([]byte, error) {
	switch {
	case limit == 0:
		limit = DefaultFeedLimit
	case limit < 0:
		limit = len(v.Events)
	}
	f := atomFeed{
		Title:    v.Header.Title,
		Subtitle: v.Header.Description,
		ID:       "urn:timeline:" + slugify(v.Header.Title, "timeline"),
		Updated:  epoch,
		Author:   atomPerson{Name: v.Header.Title},
	}
	base := v.Header.BaseURL
	if base != "" {
		f.ID = base
		f.Links = []atomLink{
			{Href: base + "feed.xml", Rel: "self", Type: "application/atom+xml"},
			{Href: base + "index.html", Rel: "alternate", Type: "text/html"},
		}
	} else {
		f.Links = []atomLink{{Href: "index.html", Rel: "alternate", Type: "text/html"}}
	}
	for _, ev := range v.latest(limit) {
		e := atomEntry{
			Title:      ev.Title,
			ID:         "urn:timeline:event:" + ev.File,
			Updated:    ev.reported,
			Links:      []atomLink{{Href: ev.Path, Rel: "alternate", Type: "text/html"}},
			Categories: []atomCategory{{Term: ev.Type}},
			Summary:    summary(ev),
		}
		if base != "" {
			e.ID = base + ev.Path
			e.Links[0].Href = base + ev.Path
		}
		if e.Updated > f.Updated {
			f.Updated = e.Updated
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("feed.xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// latest returns the n events reported last, newest first: by when the
// sources reported them, not by when they happened, since the chronology
// puts undated events and decades at its ends and a reader wants what is
// new. Events reported on the same day stay in the chronology's order.
func (v *siteView) latest(n int) []*eventView {
	if n >= len(v.Events)/8 {
		all := slices.Clone(v.Events)
		slices.SortStableFunc(all, func(a, b *eventView) int { return strings.Compare(b.reported, a.reported) })
		return all[:min(n, len(all))]
	}
	// The few latest of many: keep them sorted as the events go by, an
	// event after those reported on its day.
	top := make([]*eventView, 0, n+1)
	for _, ev := range v.Events {
		if len(top) == n && (n == 0 || ev.reported <= top[n-1].reported) {
			continue
		}
		at, _ := slices.BinarySearchFunc(top, ev.reported, func(t *eventView, r string) int {
			if t.reported >= r {
				return -1
			}
			return 1
		})
		top = slices.Insert(top, at, ev)[:min(len(top)+1, n)]
	}
	return top
}

// updated is the latest publication date among ev's sources, or the
// event's own day, or the epoch.
func updated(ev *eventView, instant func(day string) string) string {
	best := ""
	for _, s := range ev.Sources {
		best = max(best, instant(s.PublishedISO))
	}
	if best == "" {
		best = instant(ev.When.Datetime[:min(10, len(ev.When.Datetime))])
	}
	if best == "" {
		return epoch
	}
	return best
}

// instant is the day "2021-12-30" as "2021-12-30T00:00:00Z", or "" when it
// is no day.
func instant(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// summary is one line of what, when, who and where, and the evidence.
func summary(ev *eventView) string {
	var b strings.Builder
	b.WriteString(eventLine(ev))
	for _, s := range ev.Sources {
		b.WriteString(" “" + s.Sentence + "”")
		if s.Title != "" {
			b.WriteString(" (" + s.Title + ")")
		}
	}
	return b.String()
}
