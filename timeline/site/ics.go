package site

import (
	"time"
	"unicode/utf8"
)

// events.ics: the chronology as an iCalendar file (RFC 5545) that calendar
// programs subscribe to or import. Every event dated to the day or finer
// is one VEVENT:
//
//   - a day (or a part of one: "Thursday evening") is an all-day event,
//     DTSTART;VALUE=DATE with DTEND the next day;
//   - a clock time with a zone is that moment in UTC ("T15:00-05:00" is
//     DTSTART:...T200000Z); without a zone it is a floating time, the same
//     clock time in every calendar's zone, as the text gives it. It has
//     no DTEND: the text gives when it started, not how long it took;
//   - the UID is the event's ID at the site's host, so a calendar that
//     imports the file again updates its entries instead of adding more;
//   - DTSTAMP is when the event was last reported (the latest publication
//     date of its sources), never the clock, so the file is the same on
//     every build of the same chronology;
//   - SUMMARY is the title, DESCRIPTION the date as the page gives it, who
//     and where, every evidence sentence with its article and address
//     (once for sentences of the same article in a row), and
//     the event's page; URL is the page, when the site has a base URL (a
//     calendar cannot resolve a relative address); STATUS is TENTATIVE for
//     planned events, CONFIRMED otherwise; CATEGORIES the type.
//
// Events at coarser precision (a month, a week, "early January") are left
// out: a calendar entry claims a day the text does not give.

type icsExport struct{}

// Written only when asked: a calendar of a whole archive (tens of
// thousands of events) is more than a calendar program shows, and it
// would be a tenth of a large site's bytes.
func init() { registerExport(icsExport{}, whenAsked) }

func (icsExport) Name() string  { return "ics" }
func (icsExport) Label() string { return "Calendar (iCalendar)" }
func (icsExport) File() string  { return "events.ics" }

func (x icsExport) Make(v *siteView, s *Site) ([]byte, error) {
	return newExportRun(v, s).makeExport(x, nil)
}

// events.ics is made of pieces (see pieceExport): the calendar's
// properties, a VEVENT per event dated to the day or finer, and the
// calendar's end.
func (icsExport) size(events int) int { return 1024*events + 256 }
func (icsExport) sep() string         { return "" }

func (icsExport) head(b []byte, r *exportRun) []byte {
	c := icsWriter{b: b, tmp: r.tmp}
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:-//timeline//timeline//EN")
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	c.prop("X-WR-CALNAME", r.v.Header.Title)
	if r.v.Header.Description != "" {
		c.prop("X-WR-CALDESC", r.v.Header.Description)
	}
	r.tmp = c.tmp
	return c.b
}

func (icsExport) piece(b []byte, r *exportRun, i int) []byte {
	v, ev := r.v, r.v.Events[i]
	d, ok := r.dayTime(string(v.source[i].Date))
	if !ok {
		return b
	}
	c := icsWriter{b: b, tmp: r.tmp}
	c.line("BEGIN:VEVENT")
	r.tmp2 = append(append(append(r.tmp2[:0], r.id(i)...), '@'), r.host...)
	c.propb("UID", r.tmp2)
	c.line("DTSTAMP:", r.stamp(ev.reported))
	switch t, zoned := d.instant(); {
	case zoned:
		c.time("DTSTART:", t.UTC(), "20060102T150405Z")
	case d.clock:
		y, m, day := d.day.Date()
		c.time("DTSTART:", time.Date(y, m, day, d.hour, d.minute, d.second, 0, time.UTC), "20060102T150405")
	default:
		c.time("DTSTART;VALUE=DATE:", d.day, "20060102")
		c.time("DTEND;VALUE=DATE:", d.day.AddDate(0, 0, 1), "20060102")
	}
	c.prop("SUMMARY", ev.Title)
	r.tmp2 = appendICSDescription(r.tmp2[:0], v, ev)
	c.propb("DESCRIPTION", r.tmp2)
	if ev.Place != "" {
		c.prop("LOCATION", ev.Place)
	}
	c.prop("CATEGORIES", ev.TypeLabel)
	if ev.Planned {
		c.line("STATUS:TENTATIVE")
	} else {
		c.line("STATUS:CONFIRMED")
	}
	if v.Header.BaseURL != "" {
		c.line("URL:", v.Header.BaseURL, ev.Path)
	}
	c.line("END:VEVENT")
	r.tmp = c.tmp
	return c.b
}

func (icsExport) tail(b []byte, r *exportRun, n int) []byte {
	c := icsWriter{b: b, tmp: r.tmp}
	c.line("END:VCALENDAR")
	r.tmp = c.tmp
	return c.b
}

// icsStamp is an instant "2021-12-30T00:00:00Z" as an iCalendar UTC
// date-time, "20211230T000000Z".
func icsStamp(instant string) string {
	t, err := time.Parse(time.RFC3339, instant)
	if err != nil {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format("20060102T150405Z")
}

// appendICSDescription appends an event's when, who and where, its
// evidence and, with a base URL, its page, on lines of their own. A
// sentence from the article of the sentence before it says "the same
// article" instead of the article's title, date and address again.
func appendICSDescription(b []byte, v *siteView, ev *eventView) []byte {
	b = appendEventLine(b, ev)
	for j, s := range ev.Sources {
		b = append(b, "\n\n“"...)
		b = append(b, s.Sentence...)
		if j > 0 && sameArticle(&ev.Sources[j-1], &s) {
			b = append(b, "”\n— the same article"...)
			continue
		}
		b = append(b, "”\n— "...)
		b = append(b, s.Title...)
		if s.PublishedISO != "" {
			b = append(b, ", "...)
			b = append(b, s.Published...)
		}
		if s.URL != "" {
			b = append(b, '\n')
			b = append(b, s.URL...)
		}
	}
	if v.Header.BaseURL != "" {
		b = append(b, "\n\n"...)
		b = append(b, v.Header.BaseURL...)
		b = append(b, ev.Path...)
	}
	return b
}

// icsWriter writes content lines: CRLF-terminated, folded at 75 octets.
type icsWriter struct {
	b   []byte
	tmp []byte // the line being written
}

// prop writes the property name with a TEXT value, escaped.
func (c *icsWriter) prop(name string, text string) { icsProp(c, name, text) }

// propb is prop with the value in bytes.
func (c *icsWriter) propb(name string, text []byte) { icsProp(c, name, text) }

func icsProp[T string | []byte](c *icsWriter, name string, text T) {
	c.tmp = append(c.tmp[:0], name...)
	c.tmp = append(c.tmp, ':')
	c.tmp = appendICSText(c.tmp, text)
	c.fold(c.tmp)
}

// line writes one content line, made of parts, as it is.
func (c *icsWriter) line(parts ...string) {
	c.tmp = c.tmp[:0]
	for _, p := range parts {
		c.tmp = append(c.tmp, p...)
	}
	c.fold(c.tmp)
}

// time writes the content line of name and t in layout.
func (c *icsWriter) time(name string, t time.Time, layout string) {
	c.tmp = append(c.tmp[:0], name...)
	c.tmp = t.AppendFormat(c.tmp, layout)
	c.fold(c.tmp)
}

// fold writes the content line s, folded so that no line is longer than
// 75 octets without its CRLF: each continuation starts with a space, and
// a fold never splits a UTF-8 sequence.
func (c *icsWriter) fold(s []byte) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > limit-4 && !utf8.RuneStart(s[cut]) {
			cut-- // at most three bytes back: no UTF-8 sequence is longer
		}
		c.b = append(c.b, s[:cut]...)
		c.b = append(c.b, "\r\n "...)
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	c.b = append(c.b, s...)
	c.b = append(c.b, "\r\n"...)
}

// appendICSText appends s escaped as a TEXT value: backslash, semicolon
// and comma get a backslash, a line break (CRLF, LF or CR) is \n, and
// other control characters, which TEXT does not allow, go.
func appendICSText[T string | []byte](b []byte, s T) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !icsSpecial[c] {
			continue
		}
		b = append(b, s[start:i]...)
		start = i + 1
		switch {
		case c == '\\' || c == ';' || c == ',':
			b = append(b, '\\', c)
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// the \n that follows writes the break
		case c == '\n' || c == '\r':
			b = append(b, '\\', 'n')
		default:
			// dropped
		}
	}
	return append(b, s[start:]...)
}

// icsSpecial is what appendICSText does not copy as it is: the escaped
// characters and every control character.
var icsSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['\\'], t[';'], t[','], t[0x7f] = true, true, true, true
	return t
}()

// icsEscape is s escaped as a TEXT value.
func icsEscape(s string) string { return string(appendICSText(nil, s)) }

// sameArticle reports whether two evidence sentences come from the same
// article, as far as an export shows it: its title, date and address.
func sameArticle(a, b *sourceView) bool {
	return a.Title == b.Title && a.URL == b.URL && a.Published == b.Published
}
