package site

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/events"
)

// events.json is the chronology with the fields and schema `timeline
// extract -json` prints: an array, [] when empty, and arrays, never null,
// for actors and sources. It is always written. Each event is on a line
// of its own, as encoding/json's Encoder with SetEscapeHTML(false) writes
// it without indent (a test holds them equal): indenting it as extract
// does made events.json a quarter larger (96 MB against 76 MB at 10,000
// articles) and told a reader nothing more. It is written by hand because
// every build that changes an event writes it whole, and the Encoder took
// 30 ms per 1,000 events, most of an edited-article rebuild's time.
type jsonExport struct{}

func init() { registerExport(jsonExport{}, always) }

func (jsonExport) Name() string  { return "json" }
func (jsonExport) Label() string { return "JSON" }
func (jsonExport) File() string  { return "events.json" }
func (jsonExport) Make(v *siteView, s *Site) ([]byte, error) {
	return newExportRun(v, s).makeExport(jsonExport{}, nil)
}

// events.json is made of pieces (see pieceExport): "[", each event's
// object after a newline, with commas between them, and "\n]\n", or "]\n"
// when there is no event.
func (jsonExport) head(b []byte, r *exportRun) []byte         { return append(b, '[') }
func (jsonExport) piece(b []byte, r *exportRun, i int) []byte { return eventJSON(b, &r.v.source[i]) }
func (jsonExport) sep() string                                { return "," }
func (jsonExport) size(events int) int                        { return 1024 * events }
func (jsonExport) tail(b []byte, r *exportRun, n int) []byte {
	if n == 0 {
		return append(b, "]\n"...)
	}
	return append(b, "\n]\n"...)
}

// eventJSON appends e as an element of events.json: a newline and the
// object on one line, without the comma that may follow it.
func eventJSON(b []byte, e *events.Event) []byte {
	b = append(b, "\n{"...)
	b = field(b, "id", e.ID)
	b = field(b, "type", string(e.Type))
	b = field(b, "status", string(e.Status))
	b = field(b, "date", string(e.Date))
	b = field(b, "mod", e.Mod)
	b = field(b, "title", e.Title)
	b = append(b, `"actors":[`...)
	for j, a := range e.Actors {
		if j > 0 {
			b = append(b, ',')
		}
		b = jsonString(b, a)
	}
	b = append(b, "],"...)
	if len(e.ActorKinds) > 0 {
		b = append(b, `"actor_kinds":[`...)
		for j, k := range e.ActorKinds {
			if j > 0 {
				b = append(b, ',')
			}
			b = jsonString(b, string(k))
		}
		b = append(b, "],"...)
	}
	b = field(b, "place", e.Place)
	b = append(b, `"sources":[`...)
	for j := range e.Sources {
		s := &e.Sources[j]
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = field(b, "article", s.Article)
		b = field(b, "title", s.Title)
		b = field(b, "url", s.URL)
		b = field(b, "published", s.Published)
		b = field(b, "sentence", s.Sentence)
		b = append(b, `"start":`...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, '}')
	}
	b = append(b, ']')
	b = extras(b, e)
	return append(b, '}')
}

// extras appends the fields an event has only when curated or disputed
// (conflicts, curated, pinned), each after a comma, as encoding/json
// writes them. They are rare, so the Encoder writes them.
func extras(b []byte, e *events.Event) []byte {
	add := func(name string, v any) {
		var buf jsonBuf
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(v) // readings and strings always encode
		b = append(b, ",\""...)
		b = append(b, name...)
		b = append(b, "\":"...)
		b = append(b, buf[:len(buf)-1]...)
	}
	if len(e.Conflicts) > 0 {
		add("conflicts", e.Conflicts)
	}
	if len(e.Curated) > 0 {
		add("curated", e.Curated)
	}
	if e.Pinned {
		add("pinned", true)
	}
	return b
}

// field appends `"name":"value",`.
func field[T string | []byte](b []byte, name string, value T) []byte {
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `":`...)
	b = jsonString(b, value)
	return append(b, ',')
}

// jsonString appends s as encoding/json writes it without HTML escaping
// (its appendString, which a test and a fuzz target hold equal): quoted,
// with quotes, backslashes, control characters, U+2028 and U+2029
// escaped, and an invalid UTF-8 byte as \ufffd. It used to check the
// string and hand those that need escaping, a quote in a sentence, to an
// Encoder: that was a fifth of the exports' time.
func jsonString[T string | []byte](b []byte, s T) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonSafe[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonSafe is what jsonString copies without a look further: the ASCII
// characters that JSON does not escape.
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

type jsonBuf []byte

func (j *jsonBuf) Write(p []byte) (int, error) {
	*j = append(*j, p...)
	return len(p), nil
}
