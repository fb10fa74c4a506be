package site

import "sync"

// Memo keeps, between the builds that share it, the pieces of the output
// that were made from one event alone, by the event's digest (see
// eventDigest): a preview's rebuild after one article changed then makes
// again only the pieces of the events that changed. A build that does not
// share a Memo makes every piece, as a first build must.
//
// Its zero value is empty and ready. Builds that share a Memo may not run
// at the same time; a preview's rebuilds never do.
type Memo struct {
	mu sync.Mutex

	search searchMemo // the search index's words and result entries: see search_memo.go
}
