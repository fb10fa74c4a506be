package site

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
)

// events.csv: one row per event for a spreadsheet, RFC 4180 (CRLF line
// ends, fields quoted when they hold a comma, a quote or a line break),
// UTF-8 without a byte order mark. Columns: id, date, mod, type, status,
// title, actors (joined with "; "), place, sources (how many), first source
// URL and page URL (absolute with a base URL, else relative to the site's
// root). A cell that a spreadsheet would read as a formula — starting with
// =, +, -, @, a tab or a carriage return — is written with a ' before it.

type csvExport struct{}

func init() { registerExport(csvExport{}, false) }

func (csvExport) Name() string  { return "csv" }
func (csvExport) Label() string { return "Spreadsheet (CSV)" }
func (csvExport) File() string  { return "events.csv" }

// csvHeader names the columns.
var csvHeader = []string{"id", "date", "mod", "type", "status", "title", "actors", "place", "sources", "first_source_url", "page_url"}

func (csvExport) Make(v *siteView, s *Site) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(256 * (len(v.Events) + 1))
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return nil, err
	}
	row := make([]string, len(csvHeader))
	for _, ev := range v.Events {
		first := ""
		if len(ev.Sources) > 0 {
			first = ev.Sources[0].URL
		}
		row = append(row[:0], ev.ID, ev.Date, ev.Mod, ev.Type, ev.Status, ev.Title,
			strings.Join(ev.Actors, "; "), ev.Place, strconv.Itoa(len(ev.Sources)), first, pageURL(v, ev))
		for i, cell := range row {
			row[i] = neutralize(cell)
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// neutralize puts a ' before a cell that a spreadsheet would take for a
// formula (OWASP's list: =, +, -, @, tab, carriage return), so that it
// shows as text and runs nothing.
func neutralize(cell string) string {
	if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}
