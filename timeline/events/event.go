// Package events finds the events a news article reports — calls, meetings,
// statements, warnings, visits, agreements, demands — with their date,
// actors, place, status and the sentences that say so.
package events

import "github.com/timelinehq/timeline/timeline/timex"

// Event is one dated event with its evidence. It is also the JSON format
// of `timeline extract -json` and public/events.json.
type Event struct {
	ID     string      `json:"id"`
	Type   Type        `json:"type"`
	Status Status      `json:"status"`
	Date   timex.Value `json:"date"` // TIMEX3 value at the precision the text supports
	Mod    string      `json:"mod"`
	Title  string      `json:"title"`
	Actors []string    `json:"actors"`
	// ActorKinds are the kinds of Actors, parallel to them ("" where a
	// kind is not known), or empty when no kind is known.
	ActorKinds []Kind   `json:"actor_kinds,omitempty"`
	Place      string   `json:"place"`
	Sources    []Source `json:"sources"`

	// Conflicts are the other dates sources give for the event, where
	// they disagree at the same precision ("10 January; one source says
	// 11 January"); Date is the first reported.
	Conflicts []Reading `json:"conflicts,omitempty"`
	// Curated names what a curation file changed: fields ("date",
	// "title", ...) or "added", "merged", "split".
	Curated []string `json:"curated,omitempty"`
	// Pinned marks a key moment, set by a curation file.
	Pinned bool `json:"pinned,omitempty"`
}

// Reading is one date that some sources give for an event.
type Reading struct {
	Date     timex.Value `json:"date"`
	Mod      string      `json:"mod"`
	Articles []string    `json:"articles"` // the articles that give it, sorted
}

// Source is one evidence sentence of an event.
type Source struct {
	Article   string `json:"article"`   // path of the article file
	Title     string `json:"title"`     // the article's headline
	URL       string `json:"url"`       // the article's original URL
	Published string `json:"published"` // the article's publication date, YYYY-MM-DD
	Sentence  string `json:"sentence"`  // the sentence as plain text
	Start     int    `json:"start"`     // byte offset of the sentence in the article file
	End       int    `json:"end"`
}
