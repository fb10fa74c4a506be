package site

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/timelinehq/timeline/templates"
)

// Most of a build's HTML comes from six templates: every event is an
// entry of its period's page, a compact one on its actors' and its type's
// pages, an "event" in full on its date's page and a line of its
// articles' "reported" lists, and every article's page is its body's
// "blocks" of "segments". html/template spends most of
// their time calling its escapers by reflection (three for a link). So
// when a set's template of these is the default (its digest, by
// templateSums, is the default's), render writes it with the Go below
// instead, byte for byte what the template writes: TestNativeFragments
// and FuzzNativeFragments hold the two to that. A user's own template of
// these, or of a template they execute ("badges"), is executed as written.

// nativeFragment writes the HTML of the default template it stands for
// when data is what the lists pass it; ok is false for any other data.
type nativeFragment func(data any) (html template.HTML, ok bool)

var nativeFragments = map[string]nativeFragment{"entry": nativeEntry, "compact": nativeCompact, "blocks": nativeBlocks, "segments": nativeSegments, "event": nativeEvent, "reported": nativeReported}

// defaultSums are the digests of the default templates. "event" is
// defined in day.html and "blocks" in article.html, not in the partials,
// so that a folder with its own copy of a partial from before them still
// has them.
var defaultSums = sync.OnceValue(func() map[string]Key {
	t := template.New("").Funcs(funcs)
	for _, name := range defaultSumsFiles {
		if err := parseFile(t, templates.FS, name); err != nil {
			panic(err) // the embedded templates parse: the tests build with them
		}
	}
	return templateSums(t)
})

// defaultSumsFiles are the files that define the templates of
// nativeFragments and what they execute, the partials first, as
// parseTemplates parses them.
var defaultSumsFiles = []string{"_layout.html", "_entry.html", "_group.html", "day.html", "article.html"}

// nativeFor returns the native writers of the templates of a set whose
// digests are sums that are the defaults.
func nativeFor(sums map[string]Key) map[string]nativeFragment {
	native := map[string]nativeFragment{}
	for name, f := range nativeFragments {
		if k, ok := defaultSums()[name]; ok && sums[name] == k {
			native[name] = f
		}
	}
	return native
}

// nativeEntry is the default "entry" of _entry.html.
func nativeEntry(data any) (template.HTML, bool) {
	e, ok := data.(entry)
	if !ok {
		return "", false
	}
	b := make([]byte, 0, 1024)
	b = append(b, `<li class="event `...)
	b = appendEscapedAttr(b, e.TypeClass)
	if e.Planned {
		b = append(b, " is-planned"...)
	}
	if e.Pinned {
		b = append(b, " is-pinned"...)
	}
	b = append(b, `" id="`...)
	b = appendEscapedAttr(b, e.File)
	b = append(b, `" data-type="`...)
	b = appendEscapedAttr(b, e.Type)
	b = append(b, `" data-actors="`...)
	b = appendEscapedAttr(b, strings.Join(e.Actors, "|"))
	b = append(b, "\">\n<div class=\"when\">\n"...)
	b = appendTime(b, e.When.Datetime, e.When.Short)
	if e.When.Time != "" {
		b = append(b, "\n<span class=\"clock\">"...)
		b = appendEscapedText(b, e.When.Time)
		b = append(b, "</span>"...)
	}
	b = append(b, "\n</div>\n<article class=\"card\">\n<p class=\"tags\">"...)
	b = appendBadges(b, e.TypeClass, e.TypeLabel, e.Planned)
	b = append(b, "</p>\n<h3><a href=\""...)
	b = appendEscapedURL(b, e.Root, e.Path)
	b = append(b, `">`...)
	b = appendEscapedText(b, e.Title)
	b = append(b, "</a></h3>"...)
	curated := e.Curated.Any
	if e.Conflict != "" || curated || len(e.ActorLinks) > 0 || e.Place != "" {
		b = append(b, "\n<p class=\"meta\">"...)
		if e.Conflict != "" {
			b = append(b, `<span class="conflict">`...)
			b = appendEscapedText(b, e.Conflict)
			b = append(b, "</span>"...)
		}
		if curated {
			if e.Conflict != "" {
				b = append(b, " · "...)
			}
			b = append(b, `<span class="edited" title="Corrected by the editors">edited</span>`...)
		}
		if len(e.ActorLinks) > 0 {
			if e.Conflict != "" || curated {
				b = append(b, " · "...)
			}
			b = appendActorLinks(b, `<span class="actors">`, e.Root, e.ActorLinks)
		}
		if e.Place != "" {
			if e.Conflict != "" || curated || len(e.ActorLinks) > 0 {
				b = append(b, " · "...)
			}
			b = append(b, `<span class="place">`...)
			b = appendEscapedText(b, e.Place)
			b = append(b, "</span>"...)
		}
		b = append(b, "</p>"...)
	}
	if len(e.Cited) > 0 {
		b = append(b, "\n<ul class=\"cited\">"...)
		for _, c := range e.Cited {
			b = append(b, "\n<li>"...)
			switch {
			case c.Href != "":
				b = appendLink(b, e.Root, c.Href, c.Title)
			case c.URL != "":
				b = appendLink(b, "", c.URL, c.Title)
			default:
				b = appendEscapedText(b, c.Title)
			}
			if c.Published != "" {
				b = append(b, ` <span class="date">`...)
				b = appendEscapedText(b, c.Published)
				b = append(b, "</span>"...)
			}
			if c.Count > 1 {
				b = append(b, ` <span class="count">`...)
				b = strconv.AppendInt(b, int64(c.Count), 10)
				b = append(b, " sentences</span>"...)
			}
			b = append(b, "</li>"...)
		}
		b = append(b, "\n</ul>"...)
	}
	b = append(b, "\n</article>\n</li>\n"...)
	return template.HTML(b), true
}

// nativeCompact is the default "compact" of _group.html.
func nativeCompact(data any) (template.HTML, bool) {
	e, ok := data.(groupEntry)
	if !ok {
		return "", false
	}
	b := make([]byte, 0, 512)
	b = append(b, `<li class="compact `...)
	b = appendEscapedAttr(b, e.TypeClass)
	if e.Planned {
		b = append(b, " is-planned"...)
	}
	b = append(b, "\">\n"...)
	b = appendTime(b, e.When.Datetime, e.When.Long)
	if !e.SameType {
		b = append(b, '\n')
		b = appendBadges(b, e.TypeClass, e.TypeLabel, e.Planned)
	} else if e.Planned {
		b = append(b, "\n<span class=\"badge planned\">Planned</span>"...)
	}
	b = append(b, "\n<a class=\"title\" href=\""...)
	b = appendEscapedURL(b, e.Root, e.Path)
	b = append(b, `">`...)
	b = appendEscapedText(b, e.Title)
	b = append(b, "</a>"...)
	if len(e.Others) > 0 {
		b = appendActorLinks(b, ` <span class="actors">`, e.Root, e.Others)
	}
	if e.Place != "" {
		b = append(b, ` <span class="place">`...)
		b = appendEscapedText(b, e.Place)
		b = append(b, "</span>"...)
	}
	b = append(b, "\n</li>"...)
	return template.HTML(b), true
}

// nativeReported is the default "reported" of article.html: an article
// page's list of its events.
func nativeReported(data any) (template.HTML, bool) {
	p, ok := data.(*page)
	if !ok || p.Article == nil {
		return "", false
	}
	evs := p.Article.Events
	if len(evs) == 0 {
		return "", true
	}
	b := make([]byte, 0, 256+320*len(evs))
	b = append(b, "<aside class=\"in-article\" aria-labelledby=\"in-article-label\">\n<h2 id=\"in-article-label\">Events reported here</h2>\n<ol>"...)
	for _, ev := range evs {
		b = append(b, "\n<li><a href=\""...)
		b = appendEscapedURL(b, p.Root, ev.Path)
		b = append(b, `">`...)
		b = appendBadges(b, ev.TypeClass, ev.TypeLabel, ev.Planned)
		b = append(b, ` <span class="title">`...)
		b = appendEscapedText(b, ev.Title)
		b = append(b, `</span></a> <span class="date">`...)
		b = appendEscapedText(b, ev.When.Long)
		b = append(b, "</span></li>"...)
	}
	b = append(b, "\n</ol>\n<p class=\"hint\">Highlighted sentences are the evidence; the tag after each leads to its event.</p>\n</aside>"...)
	return template.HTML(b), true
}

// nativeEvent is the default "event" of day.html.
func nativeEvent(data any) (template.HTML, bool) {
	d, ok := data.(dayEvent)
	if !ok || d.Day == nil || d.Event == nil {
		return "", false
	}
	ev, edited := d.Event, ` <span class="edited" title="Corrected by the editors">edited</span>`
	n := 2048
	for _, src := range ev.Sources {
		n += len(src.Sentence) + len(src.Title) + len(src.Href) + len(src.URL) + 128
	}
	b := make([]byte, 0, n)
	b = append(b, "\n<article class=\"event-page "...)
	b = appendEscapedAttr(b, ev.TypeClass)
	if ev.Planned {
		b = append(b, " is-planned"...)
	}
	b = append(b, `" id="`...)
	b = appendEscapedAttr(b, ev.File)
	b = append(b, "\">\n<header>\n<p class=\"tags\"><span class=\"badge "...)
	b = appendEscapedAttr(b, ev.TypeClass)
	b = append(b, `">`...)
	b = appendEscapedText(b, ev.TypeLabel)
	b = append(b, "</span>"...)
	if ev.Planned {
		b = append(b, ` <span class="badge planned" title="Announced or expected, not yet reported as having happened">Planned</span>`...)
	}
	if ev.Pinned {
		b = append(b, ` <span class="badge key-moment">Key moment</span>`...)
	}
	b = append(b, "</p>\n<h2><a href=\""...)
	if d.Day.Page == 1 {
		b = append(b, '#')
		b = appendURLPart(b, ev.File)
	} else {
		b = appendEscapedURL(b, d.Root, ev.Path)
	}
	b = append(b, `">`...)
	b = appendEscapedText(b, ev.Title)
	b = append(b, "</a>"...)
	if ev.Curated.Title {
		b = append(b, edited...)
	}
	b = append(b, "</h2>"...)
	if ev.When.Long != d.Day.Label || ev.Conflict != "" || ev.Curated.Date {
		b = append(b, "\n<p class=\"when-long\">"...)
		b = appendTime(b, ev.When.Datetime, ev.When.Long)
		if ev.Conflict != "" {
			b = append(b, `; <span class="conflict">`...)
			b = appendEscapedText(b, ev.Conflict)
			b = append(b, "</span>"...)
		}
		if ev.Curated.Date {
			b = append(b, edited...)
		}
		b = append(b, "</p>"...)
	}
	switch c := ev.Curated; {
	case c.Added:
		b = append(b, "\n<p class=\"curated-note\">Added by the editors.</p>"...)
	case c.Merged:
		b = append(b, "\n<p class=\"curated-note\">The editors merged reports into this event.</p>"...)
	case c.Split:
		b = append(b, "\n<p class=\"curated-note\">The editors split this event's sources.</p>"...)
	case c.Sources:
		b = append(b, "\n<p class=\"curated-note\">The editors left out a source.</p>"...)
	}
	b = append(b, "\n</header>\n<dl class=\"facts\">"...)
	if ev.Curated.Status {
		b = append(b, "\n<dt>Status</dt><dd>"...)
		if ev.Planned {
			b = append(b, "Planned"...)
		} else {
			b = append(b, "Occurred"...)
		}
		b = append(b, ` <span class="edited">edited</span></dd>`...)
	}
	b = append(b, "\n<dt>Who</dt><dd>"...)
	if len(ev.ActorLinks) > 0 {
		b = appendActorLinks(b, "", d.Root, ev.ActorLinks)
		b = b[:len(b)-len("</span>")]
	} else {
		b = append(b, "Not named"...)
	}
	if ev.Curated.Actors {
		b = append(b, ` <span class="edited">edited</span>`...)
	}
	b = append(b, "</dd>"...)
	if ev.Place != "" || ev.Curated.Place {
		b = append(b, "\n<dt>Where</dt><dd>"...)
		if ev.Place != "" {
			b = appendEscapedText(b, ev.Place)
		} else {
			b = append(b, "Not reported"...)
		}
		if ev.Curated.Place {
			b = append(b, ` <span class="edited">edited</span>`...)
		}
		b = append(b, "</dd>"...)
	}
	if ev.Mod != "" || ev.Date != ev.When.Datetime {
		b = append(b, "\n<dt>Date value</dt><dd><code>"...)
		b = appendEscapedText(b, ev.Date)
		b = append(b, "</code>"...)
		if ev.Mod != "" {
			b = append(b, " <code>"...)
			b = appendEscapedText(b, ev.Mod)
			b = append(b, "</code>"...)
		}
		b = append(b, "</dd>"...)
	}
	b = append(b, "\n<dt>ID</dt><dd><code>"...)
	b = appendEscapedText(b, ev.ID)
	b = append(b, "</code>"...)
	if ev.Period.Path != d.Day.Period.Path {
		b = append(b, ` · <a href="`...)
		b = appendEscapedURL(b, d.Root, ev.Period.Path+"#"+ev.File)
		b = append(b, `">in the chronology</a>`...)
	}
	b = append(b, "</dd>\n</dl>\n<section class=\"evidence\">\n<h3>What the sources say</h3>"...)
	last := ""
	for _, src := range ev.Sources {
		b = append(b, "\n<figure class=\"quote\"><blockquote><p>"...)
		b = appendEscapedText(b, src.Sentence)
		b = append(b, "</p></blockquote>\n<figcaption>"...)
		if src.Article != nil && last == src.Article.Path {
			b = append(b, `The same article, <a href="`...)
			b = appendEscapedURL(b, d.Root, src.Href)
			b = append(b, `">in context</a>`...)
		} else {
			if src.Href != "" {
				b = appendLink(b, d.Root, src.Href, src.Title)
			} else {
				b = append(b, "<cite>"...)
				b = appendEscapedText(b, src.Title)
				b = append(b, "</cite>"...)
			}
			if src.Published != "" {
				b = append(b, ", "...)
				b = appendEscapedText(b, src.Published)
			}
			if src.URL != "" {
				b = append(b, ` · <a class="external" href="`...)
				b = appendEscapedURL(b, "", src.URL)
				b = append(b, `">Original</a>`...)
			}
		}
		b = append(b, "</figcaption></figure>"...)
		last = ""
		if src.Article != nil {
			last = src.Article.Path
		}
	}
	if len(ev.Sources) == 0 {
		b = append(b, "\n<p>No source sentences.</p>"...)
	}
	b = append(b, "\n</section>\n</article>"...)
	return template.HTML(b), true
}

// nativeBlocks is the default "blocks" of article.html.
func nativeBlocks(data any) (template.HTML, bool) {
	blocks, ok := data.([]blockView)
	if !ok {
		return "", false
	}
	n := 0
	for _, bl := range blocks {
		for _, s := range bl.Segments {
			n += len(s.Text) + 64
		}
		for _, it := range bl.Items {
			for _, s := range it {
				n += len(s.Text) + 64
			}
		}
	}
	b := make([]byte, 0, n)
	for _, bl := range blocks {
		b = append(b, '\n')
		switch bl.Kind {
		case "heading":
			b = append(b, "<h2>"...)
			b = appendSegments(b, bl.Segments)
			b = append(b, "</h2>"...)
		case "quote":
			b = append(b, "<blockquote><p>"...)
			b = appendSegments(b, bl.Segments)
			b = append(b, "</p></blockquote>"...)
		case "list":
			b = append(b, "<ul>"...)
			for _, it := range bl.Items {
				b = append(b, "\n<li>"...)
				b = appendSegments(b, it)
				b = append(b, "</li>"...)
			}
			b = append(b, "\n</ul>"...)
		default:
			b = append(b, "<p>"...)
			b = appendSegments(b, bl.Segments)
			b = append(b, "</p>"...)
		}
	}
	return template.HTML(b), true
}

// nativeSegments is the default "segments" of _layout.html.
func nativeSegments(data any) (template.HTML, bool) {
	segs, ok := data.([]segment)
	if !ok {
		return "", false
	}
	return template.HTML(appendSegments(nil, segs)), true
}

func appendSegments(b []byte, segs []segment) []byte {
	for _, s := range segs {
		if !s.Marked {
			b = appendEscapedText(b, s.Text)
			continue
		}
		for _, a := range s.Anchors {
			b = append(b, `<span class="anchor" id="`...)
			b = appendEscapedAttr(b, a)
			b = append(b, `"></span>`...)
		}
		b = append(b, "<mark"...)
		if s.ID != "" {
			b = append(b, ` id="`...)
			b = appendEscapedAttr(b, s.ID)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = appendEscapedText(b, s.Text)
		b = append(b, "</mark>"...)
		for _, r := range s.Refs {
			b = append(b, `<a class="ref `...)
			b = appendEscapedAttr(b, r.Class)
			b = append(b, `" href="`...)
			b = appendEscapedURL(b, "", r.Href)
			b = append(b, `" title="`...)
			b = appendEscapedAttr(b, r.Title)
			b = append(b, `">`...)
			b = appendEscapedText(b, r.Label)
			b = append(b, "</a>"...)
		}
	}
	return b
}

// appendTime is <time datetime="...">label</time>, without the attribute
// when datetime is "".
func appendTime(b []byte, datetime, label string) []byte {
	b = append(b, "<time"...)
	if datetime != "" {
		b = append(b, ` datetime="`...)
		b = appendEscapedAttr(b, datetime)
		b = append(b, '"')
	}
	b = append(b, '>')
	b = appendEscapedText(b, label)
	return append(b, "</time>"...)
}

// appendBadges is the default "badges" of _layout.html.
func appendBadges(b []byte, class, label string, planned bool) []byte {
	b = append(b, `<span class="badge `...)
	b = appendEscapedAttr(b, class)
	b = append(b, `">`...)
	b = appendEscapedText(b, label)
	b = append(b, "</span>"...)
	if planned {
		b = append(b, ` <span class="badge planned">Planned</span>`...)
	}
	return b
}

// appendActorLinks is open, then the links, comma-separated, then </span>.
func appendActorLinks(b []byte, open, root string, links []link) []byte {
	b = append(b, open...)
	for i, a := range links {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendLink(b, root, a.Path, a.Label)
	}
	return append(b, "</span>"...)
}

// appendLink is <a href="root+path">label</a>, escaped as the templates
// escape it.
func appendLink(b []byte, root, path, label string) []byte {
	b = append(b, `<a href="`...)
	b = appendEscapedURL(b, root, path)
	b = append(b, `">`...)
	b = appendEscapedText(b, label)
	return append(b, "</a>"...)
}

// appendEscapedText is s as html/template escapes a string in text: its
// htmlEscaper. The replaced characters are all ASCII, so a byte loop finds
// them in any UTF-8 (and leaves invalid bytes as they are, as it does).
func appendEscapedText(b []byte, s string) []byte {
	done := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b = append(b, s[done:i]...)
		b = append(b, repl...)
		done = i + 1
	}
	return append(b, s[done:]...)
}

// appendEscapedAttr is s as html/template escapes a string in a quoted attribute
// value: its attrEscaper, which for a string is its htmlEscaper.
func appendEscapedAttr(b []byte, s string) []byte { return appendEscapedText(b, s) }

// appendEscapedURL is root+s as html/template escapes a string that makes a whole
// URL attribute (href="{{print root s}}"): its urlFilter, which puts
// "#ZgotmplZ" for a scheme other than http, https and mailto; its
// urlNormalizer, which percent-encodes what may not stand in a URL; and its
// attrEscaper.
func appendEscapedURL(b []byte, root, s string) []byte {
	u := root + s
	if protocol, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(protocol, "/") &&
		!strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
		u = "#ZgotmplZ"
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b = append(b, c)
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			b = append(b, c)
		case c == '&':
			b = append(b, "&amp;"...) // the attrEscaper's
		case c == '+':
			b = append(b, "&#43;"...)
		case c == '%' && i+2 < len(u) && isHexDigit(u[i+1]) && isHexDigit(u[i+2]):
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// appendURLPart is s as html/template escapes a string after a URL's "?"
// or "#" in a quoted attribute: its urlEscaper, which percent-encodes all
// but the unreserved characters, and its attrEscaper, which then finds
// nothing to escape.
func appendURLPart(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
