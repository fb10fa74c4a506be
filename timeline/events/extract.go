package events

import "github.com/timelinehq/timeline/timeline/article"

// Extract returns the events that article a reports, in text order, with
// evidence offsets into a's file. Events carry no ID; the chronology gives
// them one when it merges articles. TODO: being implemented now.
func Extract(a *article.Article) []Event {
	return nil
}
