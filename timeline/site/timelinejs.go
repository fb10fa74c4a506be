package site

import (
	"html"
	"strconv"
	"strings"

	"github.com/timelinehq/timeline/timeline/timex"
)

// timelinejs.json: the chronology in TimelineJS3's JSON format, so that a
// page that already embeds TimelineJS can show it (point the embed's
// source at this file's address). A title slide with the site's title and
// description, then one slide per event that has at least a year:
//
//   - start_date has the parts the event's date gives and no more: a month
//     is {year, month}, a day adds day, a clock time hour and minute (in
//     the display zone when one is set, else as the text gives it);
//   - a week starts on its Monday, a quarter, half or season at its first
//     month, a decade at its first year, and these, approximate dates
//     ("early December", "around 30 December"), parts of a day and clock
//     times with a zone also have display_date, the date as the site's
//     pages show it, since TimelineJS knows none of them;
//   - text has the title as headline and as text the type, status, date,
//     actors, place, every evidence sentence linked to its article (once
//     for sentences of the same article in a row) and a
//     link to the event's page (absolute with a base URL; an embed on
//     another site needs one); TimelineJS reads both as HTML, so every
//     piece of our text in them is escaped;
//   - group is the type as the pages label it ("Call"), so that TimelineJS
//     puts each type on rows of its own; unique_id is the event's ID.
//
// Undated events ("in the past") have no place on a time axis and are left
// out. The file is written by hand, like events.json, for speed, and like
// it has a slide a line and no indent.

type timelineJSExport struct{}

// Written only when asked: TimelineJS shows a few dozen slides well, not
// the tens of thousands of a whole archive, which would be a tenth of a
// large site's bytes. A site that wants it names it (-exports).
func init() { registerExport(timelineJSExport{}, whenAsked) }

func (timelineJSExport) Name() string  { return "timelinejs" }
func (timelineJSExport) Label() string { return "TimelineJS" }
func (timelineJSExport) File() string  { return "timelinejs.json" }

// tlDate is a TimelineJS date: the parts that are set, in order, and the
// label to show instead of TimelineJS's own formatting, if any.
type tlDate struct {
	parts   []int // year, month, day, hour, minute: as many as the date gives
	display string
}

var tlPartNames = []string{"year", "month", "day", "hour", "minute"}

func (x timelineJSExport) Make(v *siteView, s *Site) ([]byte, error) {
	return newExportRun(v, s).makeExport(x, nil)
}

// timelinejs.json is made of pieces (see pieceExport): the title slide
// and the start of the events' array, a slide per dated event after a
// comma, and the end of the array.
func (timelineJSExport) size(events int) int { return 1024*events + 256 }
func (timelineJSExport) sep() string         { return "," }

func (timelineJSExport) head(b []byte, r *exportRun) []byte {
	b = append(b, `{"title":{"text":{`...)
	b = field(b, "headline", html.EscapeString(r.v.Header.Title))
	b = append(b, `"text":`...)
	b = jsonString(b, html.EscapeString(r.v.Header.Description))
	return append(b, `}},"events":[`...)
}

func (timelineJSExport) piece(b []byte, r *exportRun, i int) []byte {
	ev := r.v.Events[i]
	value := string(r.v.source[i].Date)
	day, isDay := r.dayTime(value)
	d, ok := timelineJSDateOf(value, day, isDay, ev, r.s)
	if !ok {
		return b
	}
	b = append(b, "\n{\"start_date\":{"...)
	for j, p := range d.parts {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, tlPartNames[j]...)
		b = append(b, `":`...)
		b = strconv.AppendInt(b, int64(p), 10)
	}
	b = append(b, "},"...)
	if d.display != "" {
		b = field(b, "display_date", d.display)
	}
	b = append(b, `"text":{`...)
	r.tmp = appendHTML(r.tmp[:0], ev.Title)
	b = field(b, "headline", r.tmp)
	b = append(b, `"text":`...)
	r.tmp = appendTimelineJSText(r.tmp[:0], r, ev)
	b = jsonString(b, r.tmp)
	b = append(b, "},"...)
	b = field(b, "group", ev.TypeLabel)
	b = append(b, `"unique_id":`...)
	b = jsonString(b, r.id(i))
	return append(b, '}')
}

func (timelineJSExport) tail(b []byte, r *exportRun, n int) []byte {
	if n > 0 {
		b = append(b, '\n')
	}
	return append(b, "]}\n"...)
}

// timelineJSDate is the TimelineJS date of the event ev whose TIMEX3 value
// is value; ok is false when the event has no year.
func timelineJSDate(value string, ev *eventView, s *Site) (tlDate, bool) {
	d, ok := parseDayTime(value)
	return timelineJSDateOf(value, d, ok, ev, s)
}

// timelineJSDateOf is timelineJSDate with value read by parseDayTime as
// d and ok.
func timelineJSDateOf(value string, d dayTime, ok bool, ev *eventView, s *Site) (tlDate, bool) {
	if ev.When.Key == "" {
		return tlDate{}, false // undated on the site too
	}
	exact := ev.Mod == ""
	if ok {
		y, m, day := d.day.Date()
		out := tlDate{parts: []int{y, int(m), day}}
		switch t, zoned := d.instant(); {
		case zoned:
			if s.TimeZone != nil {
				t = t.In(s.TimeZone)
			}
			y, m, day = t.Date()
			out.parts = []int{y, int(m), day, t.Hour(), t.Minute()}
			exact = false // TimelineJS shows no zone
		case d.clock:
			out.parts = append(out.parts, d.hour, d.minute)
		case d.part != "":
			exact = false // "evening"
		}
		if !exact {
			out.display = ev.When.Long
		}
		return out, true
	}
	switch p := timex.Precision(value); p {
	case "year", "month", "week", "quarter", "half", "season":
		span := value
		switch p {
		case "week":
			span = value[:min(8, len(value))]
		case "season":
			span = strings.Replace(value, "-AU", "-FA", 1)
		}
		start, _, ok := timex.Span(span)
		if !ok {
			return tlDate{}, false
		}
		out := tlDate{parts: []int{start.Year(), int(start.Month()), start.Day()}}
		switch p {
		case "year":
			out.parts = out.parts[:1]
		case "month":
			out.parts = out.parts[:2]
		case "quarter", "half", "season":
			out.parts, exact = out.parts[:2], false
		case "week":
			exact = false
		}
		if !exact {
			out.display = ev.When.Long
		}
		return out, true
	}
	if m := reDecade.FindStringSubmatch(value); m != nil {
		decade, _ := strconv.Atoi(m[1])
		return tlDate{parts: []int{decade * 10}, display: ev.When.Long}, true
	}
	return tlDate{}, false
}

// appendTimelineJSText appends a slide's text: what, when, who and
// where, the evidence and the event's page, as HTML. A sentence from the
// article of the sentence before it says "the same article" instead of
// the linked title and date again. Its attributes take
// single quotes and appendHTML escapes both kinds, as html.EscapeString
// does. It is written into a buffer, not made of strings, since it runs
// for every event of every build without a memo.
func appendTimelineJSText(b []byte, r *exportRun, ev *eventView) []byte {
	b = append(b, "<p>"...)
	r.tmp2 = appendEventLine(r.tmp2[:0], ev)
	b = appendHTML(b, r.tmp2)
	b = append(b, "</p>"...)
	for j, s := range ev.Sources {
		b = append(b, "<blockquote>“"...)
		b = appendHTML(b, s.Sentence)
		if j > 0 && sameArticle(&ev.Sources[j-1], &s) {
			b = append(b, "” — the same article</blockquote>"...)
			continue
		}
		b = append(b, "” — "...)
		if strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://") {
			b = append(b, "<a href='"...)
			b = appendHTML(b, s.URL)
			b = append(b, "'>"...)
			b = appendHTML(b, s.Title)
			b = append(b, "</a>"...)
		} else {
			b = appendHTML(b, s.Title)
		}
		if s.Published != "" {
			b = append(b, ", "...)
			b = appendHTML(b, s.Published)
		}
		b = append(b, "</blockquote>"...)
	}
	b = append(b, "<p><a href='"...)
	b = appendHTML(b, r.v.Header.BaseURL)
	b = appendHTML(b, ev.Path)
	return append(b, "'>The event’s page, with every source</a></p>"...)
}

// appendHTML appends s escaped as html.EscapeString escapes it: &, ', <,
// > and ".
func appendHTML[T string | []byte](b []byte, s T) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if !htmlSpecial[s[i]] {
			continue
		}
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		default: // '"'
			esc = "&#34;"
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}

// htmlSpecial is what appendHTML escapes.
var htmlSpecial = [256]bool{'&': true, '\'': true, '<': true, '>': true, '"': true}
