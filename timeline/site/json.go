package site

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/events"
)

// events.json is the chronology as `timeline extract -json` prints it; it
// is always written.
type jsonExport struct{}

func init() { registerExport(jsonExport{}, true) }

func (jsonExport) Name() string  { return "json" }
func (jsonExport) Label() string { return "JSON" }
func (jsonExport) File() string  { return "events.json" }
func (jsonExport) Make(v *siteView, s *Site) ([]byte, error) {
	return newExportRun(v, s).makePieces(jsonExport{}, nil), nil
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

// eventsJSON is the chronology in the contract format of
// `timeline extract -json`: an indented array, [] when empty, and arrays,
// never null, for actors and sources. Its bytes are those of
// encoding/json's Encoder with SetIndent("", "  ") and SetEscapeHTML(false)
// (a test holds them equal), written by hand because every build that
// changes an event writes it whole, and the Encoder took 30 ms per 1,000
// events, most of an edited-article rebuild's time.
func eventsJSON(evs []events.Event) ([]byte, error) {
	if len(evs) == 0 {
		return []byte("[]\n"), nil
	}
	b := make([]byte, 0, 1024*len(evs))
	b = append(b, '[')
	for i := range evs {
		if i > 0 {
			b = append(b, ',')
		}
		b = eventJSON(b, &evs[i])
	}
	return append(b, "\n]\n"...), nil
}

// eventJSON appends e as an element of events.json: a newline and the
// object, indented, without the comma that may follow it.
func eventJSON(b []byte, e *events.Event) []byte {
	b = append(b, "\n  {\n"...)
	b = field(b, "    ", "id", e.ID)
	b = field(b, "    ", "type", e.Type)
	b = field(b, "    ", "status", e.Status)
	b = field(b, "    ", "date", e.Date)
	b = field(b, "    ", "mod", e.Mod)
	b = field(b, "    ", "title", e.Title)
	b = append(b, `    "actors": [`...)
	for j, a := range e.Actors {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n      "...)
		b = jsonString(b, a)
	}
	if len(e.Actors) > 0 {
		b = append(b, "\n    "...)
	}
	b = append(b, "],\n"...)
	b = field(b, "    ", "place", e.Place)
	b = append(b, `    "sources": [`...)
	for j := range e.Sources {
		s := &e.Sources[j]
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n      {\n"...)
		b = field(b, "        ", "article", s.Article)
		b = field(b, "        ", "title", s.Title)
		b = field(b, "        ", "url", s.URL)
		b = field(b, "        ", "published", s.Published)
		b = field(b, "        ", "sentence", s.Sentence)
		b = append(b, `        "start": `...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, ",\n        \"end\": "...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, "\n      }"...)
	}
	if len(e.Sources) > 0 {
		b = append(b, "\n    "...)
	}
	b = append(b, ']')
	b = extras(b, e)
	return append(b, "\n  }"...)
}

// extras appends the fields an event has only when curated or disputed
// (conflicts, curated, pinned), each after a comma, as encoding/json
// writes them. They are rare, so the Encoder writes them.
func extras(b []byte, e *events.Event) []byte {
	add := func(name string, v any) {
		var buf jsonBuf
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		enc.Encode(v) // readings and strings always encode
		b = append(b, ",\n    \""...)
		b = append(b, name...)
		b = append(b, "\": "...)
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

// field appends `indent"name": "value",` and a newline.
func field(b []byte, indent, name, value string) []byte {
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `": `...)
	b = jsonString(b, value)
	return append(b, ",\n"...)
}

// jsonString appends s as encoding/json writes it without HTML escaping:
// as is when nothing in it needs escaping, else through encoding/json.
func jsonString(b []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			plain = false
			break
		}
	}
	if !plain && utf8.ValidString(s) {
		plain = true
		for _, r := range s {
			if r < 0x20 || r == '"' || r == '\\' || r == '\u2028' || r == '\u2029' {
				plain = false
				break
			}
		}
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	var buf jsonBuf
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return append(b, buf[:len(buf)-1]...)
}

type jsonBuf []byte

func (j *jsonBuf) Write(p []byte) (int, error) {
	*j = append(*j, p...)
	return len(p), nil
}
