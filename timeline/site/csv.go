package site

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// events.csv: one row per event for a spreadsheet, RFC 4180 (CRLF line
// ends, fields quoted when they hold a comma, a quote or a line break),
// UTF-8 without a byte order mark. Columns: id, date, mod, type, status,
// title, actors (joined with "; "), place, sources (how many), first source
// URL and page URL (absolute with a base URL, else relative to the site's
// root). A cell that a spreadsheet would read as a formula — starting with
// =, +, -, @, a tab or a carriage return — is written with a ' before it.

type csvExport struct{}

func init() { registerExport(csvExport{}, byDefault) }

func (csvExport) Name() string  { return "csv" }
func (csvExport) Label() string { return "Spreadsheet (CSV)" }
func (csvExport) File() string  { return "events.csv" }

// csvHeader names the columns.
var csvHeader = []string{"id", "date", "mod", "type", "status", "title", "actors", "place", "sources", "first_source_url", "page_url"}

func (x csvExport) Make(v *siteView, s *Site) ([]byte, error) {
	return newExportRun(v, s).makeExport(x, nil)
}

// events.csv is made of pieces (see pieceExport): the header row, then a
// row per event.
func (csvExport) size(events int) int                       { return 256 * (events + 1) }
func (csvExport) sep() string                               { return "" }
func (csvExport) tail(b []byte, r *exportRun, n int) []byte { return b }

func (csvExport) head(b []byte, r *exportRun) []byte {
	for i, cell := range csvHeader {
		b = csvCell(b, i, cell)
	}
	return append(b, "\r\n"...)
}

func (csvExport) piece(b []byte, r *exportRun, i int) []byte {
	ev := r.v.Events[i]
	first := ""
	if len(ev.Sources) > 0 {
		first = ev.Sources[0].URL
	}
	b = csvCell(b, 0, neutralize(ev.ID))
	b = csvCell(b, 1, neutralize(ev.Date))
	b = csvCell(b, 2, neutralize(ev.Mod))
	b = csvCell(b, 3, neutralize(ev.Type))
	b = csvCell(b, 4, neutralize(ev.Status))
	b = csvCell(b, 5, neutralize(ev.Title))
	b = append(b, ',')
	at := len(b)
	for j, a := range ev.Actors {
		if j > 0 {
			b = append(b, "; "...)
		}
		b = append(b, a...)
	}
	b = csvFix(b, at)
	b = csvCell(b, 7, neutralize(ev.Place))
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(len(ev.Sources)), 10)
	b = csvCell(b, 9, neutralize(first))
	b = append(b, ',')
	at = len(b)
	b = append(b, r.v.Header.BaseURL...)
	b = append(b, ev.Path...)
	b = csvFix(b, at)
	return append(b, "\r\n"...)
}

// csvFix makes the cell appended as it is at b[at:], after a comma, what
// csvCell(neutralize(cell)) would have written; the cells written this way
// (the joined actors, the page's URL) seldom need it, and then are
// written without a string made first.
func csvFix(b []byte, at int) []byte {
	cell := b[at:]
	if len(cell) == 0 || strings.IndexByte("=+-@\t\r", cell[0]) < 0 && !csvQuoted(cell) {
		return b
	}
	return csvCell(b[:at-1], 1, neutralize(string(cell)))
}

// csvCell appends cell as encoding/csv's Writer with UseCRLF writes the
// field at index i of a record: after a comma unless it is the first,
// in quotes when it needs them, with quotes doubled and line breaks as
// CRLF.
func csvCell(b []byte, i int, cell string) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	if !csvNeedsQuotes(cell) {
		return append(b, cell...)
	}
	b = append(b, '"')
	for j := 0; j < len(cell); j++ {
		switch c := cell[j]; c {
		case '"':
			b = append(b, '"', '"')
		case '\r':
			// dropped: with UseCRLF, the Writer writes every \n as \r\n
		case '\n':
			b = append(b, '\r', '\n')
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// csvNeedsQuotes is encoding/csv's rule: a field needs quotes when it
// holds a comma, a quote or a line break, starts with a space, or is \.
func csvNeedsQuotes(cell string) bool {
	if cell == "" {
		return false
	}
	if cell == `\.` || strings.ContainsAny(cell, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(cell)
	return unicode.IsSpace(r)
}

// csvQuoted is csvNeedsQuotes of cell's bytes.
func csvQuoted(cell []byte) bool {
	if len(cell) == 0 {
		return false
	}
	if string(cell) == `\.` || bytes.ContainsAny(cell, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRune(cell)
	return unicode.IsSpace(r)
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
