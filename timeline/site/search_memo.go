package site

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// searchMemo keeps, by event digest, what the search index made of each
// event in the last build: its words and its piece of a result file.
// Each build keeps only the entries of its own events, so the memo holds
// one chronology's worth however many builds share it.
type searchMemo struct {
	mu      sync.Mutex
	entries map[Key]*searchPiece
}

// searchPiece is what the index makes of one event alone. The digest of
// an event (eventDigest) covers everything it is made from: the title,
// actors, place and sentences the words come from, the permalink, the
// date as shown.
type searchPiece struct {
	terms     []string // its words, each once
	pathTitle []byte   // its permalink and title, as JSON strings with a comma between
	when      []byte   // its date as shown, a JSON string
	place     []byte   // its place, a JSON string
}

func newSearchPiece(ev *eventView) *searchPiece {
	p := &searchPiece{terms: eventTerms(ev)}
	p.pathTitle = jsonString(nil, ev.Path)
	p.pathTitle = append(p.pathTitle, ',')
	p.pathTitle = jsonString(p.pathTitle, ev.Title)
	p.when = jsonString(nil, ev.When.Long)
	p.place = jsonString(nil, ev.Place)
	return p
}

// pieces is the piece of every event of v, by index in v.Events: from m
// where it has the event's digest, else made anew, on every core. m may
// be nil; else it keeps exactly the pieces of v's events afterwards.
func (m *searchMemo) pieces(v *siteView) []*searchPiece {
	out := make([]*searchPiece, len(v.Events))
	var todo []int
	if m != nil {
		m.mu.Lock()
		defer m.mu.Unlock()
		for i, ev := range v.Events {
			if p := m.entries[ev.digest]; p != nil {
				out[i] = p
			} else {
				todo = append(todo, i)
			}
		}
	} else {
		todo = make([]int, len(v.Events))
		for i := range todo {
			todo[i] = i
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)/256+1) {
		wg.Go(func() {
			for {
				j := int(next.Add(256) - 256)
				if j >= len(todo) {
					return
				}
				for _, i := range todo[j:min(j+256, len(todo))] {
					out[i] = newSearchPiece(v.Events[i])
				}
			}
		})
	}
	wg.Wait()
	if m != nil {
		entries := make(map[Key]*searchPiece, len(v.Events))
		for i, ev := range v.Events {
			entries[ev.digest] = out[i]
		}
		m.entries = entries
	}
	return out
}
