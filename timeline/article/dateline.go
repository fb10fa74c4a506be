package article

import (
	"regexp"
	"strings"
	"time"
)

// Dateline is where and when a wire story was filed, as its first
// paragraph opens: "QUITO, May 4 (Reuters) -", "WASHINGTON (AP) —".
type Dateline struct {
	Place  string // "Quito", "New York"
	Date   string // the day it names as YYYY-MM-DD, or ""
	Agency string // "Reuters", "AP", or ""
	// Len is how many bytes of the first block's Text the dateline takes,
	// separator and space included: readers of the text skip them, since a
	// city in capitals is no one's actor.
	Len int
}

// reDateline is a wire dateline at the start of a paragraph: a place in
// capitals (up to four words) and its region or country, an optional day ("May 4", "Dec. 30",
// "4 May"), an optional agency in brackets, then a dash.
var reDateline = regexp.MustCompile(`^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})` +
	`(?:, ([A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?|[A-Z]\.[A-Z]\.))?` + // "Switzerland", "Calif.", "N.Y."
	`(?:, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?))?` +
	`(?: ?\(([A-Z][A-Za-z.&' -]{0,30})\))? ?(?:--|-|—|–) +`)

// readDateline takes a dateline from the start of the first body block.
// A place alone before the dash must have three letters or more, so that
// "US - China talks" is not read as one.
func (a *Article) readDateline() {
	if len(a.Blocks) == 0 || a.Blocks[0].Kind != Paragraph {
		return
	}
	text := a.Blocks[0].Text
	m := reDateline.FindStringSubmatchIndex(text)
	if m == nil {
		return
	}
	place := text[m[2]:m[3]]
	day, agency := "", ""
	if m[6] >= 0 {
		day = text[m[6]:m[7]]
	}
	if m[8] >= 0 {
		agency = text[m[8]:m[9]]
	}
	if day == "" && agency == "" && (len(place) < 3 || strings.Count(place, " ") > 1) {
		return
	}
	if m[1] >= len(text) {
		return // nothing after it: a heading in capitals, not a dateline
	}
	a.Dateline = &Dateline{Place: titleCase(place), Date: datelineDay(day, a.Published), Agency: agency, Len: m[1]}
}

// titleCase writes a place in capitals as a name: "NEW YORK" is "New York".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// datelineDay is the day of "May 4" or "4 May" in the year that puts it
// nearest before the publication date pub (a story filed on December 31
// and published on January 1 keeps its year).
func datelineDay(s string, pub time.Time) string {
	if s == "" || pub.IsZero() {
		return ""
	}
	s = strings.ReplaceAll(s, ".", "")
	for _, layout := range []string{"Jan 2", "January 2", "2 Jan", "2 January", "Sept 2", "2 Sept"} {
		t, err := time.Parse(layout, strings.Replace(s, "Sept", "Sep", 1))
		if err != nil {
			continue
		}
		d := time.Date(pub.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		if d.After(pub.AddDate(0, 0, 7)) {
			d = d.AddDate(-1, 0, 0)
		}
		return d.Format("2006-01-02")
	}
	return ""
}
