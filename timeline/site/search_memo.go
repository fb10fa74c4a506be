package site

import (
	"slices"
	"strings"
	"sync"
)

// searchMemo keeps, by event digest, what the search index made of each
// event in the last build: its words and its piece of a result file.
// Each build keeps only the entries of its own events, and the words of
// the events it dropped go when they are many, so the memo holds one
// chronology's worth however many builds share it.
type searchMemo struct {
	mu      sync.Mutex
	entries map[Key]*searchPiece
	words   termDict

	// The buffers of the last build's index, for the next: the files' one
	// (the largest file is several megabytes) and the postings.
	buf   []byte
	posts []int32
}

// searchPiece is what the index makes of one event alone. The digest of
// an event (eventDigest) covers everything it is made from: the title,
// actors, place and sentences the words come from, the permalink, the
// date as shown.
type searchPiece struct {
	terms     []int32 // its words, each once, as numbers of the termDict
	pathTitle []byte  // its permalink and title, as JSON strings with a comma between
	when      []byte  // its date as shown, a JSON string
	place     []byte  // its place, a JSON string
}

// termDict numbers the words of the index.
type termDict struct {
	mu    sync.Mutex
	ids   map[string]int32
	names []string
	order []int32 // the words of the last build, in their order
}

// id is the number of the word w, a new one if w has none.
func (d *termDict) id(w []byte) int32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	id, ok := d.ids[string(w)]
	if !ok {
		if d.ids == nil {
			d.ids = map[string]int32{}
		}
		id = int32(len(d.names))
		name := string(w)
		d.ids[name] = id
		d.names = append(d.names, name)
	}
	return id
}

// wordTable is one worker's view of a termDict: the numbers of the words
// it has seen, and the last event it saw each in, so that a piece lists
// a word once without a set of its own.
type wordTable struct {
	dict  *termDict
	words map[string]*seenWord
	event int32 // the event being read, from 1
	buf   []byte
}

type seenWord struct {
	id, event int32
}

func newSearchPiece(ev *eventView, wt *wordTable) *searchPiece {
	wt.event++
	p := &searchPiece{}
	add := func(w []byte) {
		s := wt.words[string(w)]
		if s == nil {
			s = &seenWord{id: wt.dict.id(w)}
			wt.words[string(w)] = s
		}
		if s.event != wt.event {
			s.event = wt.event
			p.terms = append(p.terms, s.id)
		}
	}
	wt.buf = eventWords(ev, wt.buf, add)
	p.pathTitle = jsonString(nil, ev.Path)
	p.pathTitle = append(p.pathTitle, ',')
	p.pathTitle = jsonString(p.pathTitle, ev.Title)
	p.when = jsonString(nil, ev.When.Long)
	p.place = jsonString(nil, ev.Place)
	return p
}

// pieces is the piece of every event of v, by index in v.Events, and the
// dictionary of their words: from m where it has the event's digest,
// else made anew, on every core. m may be nil; else it keeps exactly the
// pieces of v's events afterwards.
func (m *searchMemo) pieces(v *siteView) ([]*searchPiece, *termDict) {
	out := make([]*searchPiece, len(v.Events))
	var todo []int
	dict := new(termDict)
	if m != nil {
		m.mu.Lock()
		defer m.mu.Unlock()
		dict = &m.words
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
	inParallel(len(todo), 256, func() func(int) {
		wt := &wordTable{dict: dict, words: make(map[string]*seenWord, 1<<14)}
		return func(j int) { out[todo[j]] = newSearchPiece(v.Events[todo[j]], wt) }
	})
	if m != nil {
		entries := make(map[Key]*searchPiece, len(v.Events))
		for i, ev := range v.Events {
			entries[ev.digest] = out[i]
		}
		m.entries = entries
	}
	return out, dict
}

// sorted is the numbers of the words live tells are in use, in the order
// of the words: the order of the build before where it had them, merged
// with the new ones sorted.
func (d *termDict) sorted(live func(id int32) bool) []int32 {
	was := make([]bool, len(d.names))
	var ids, fresh []int32
	for _, id := range d.order {
		was[id] = true
		if live(id) {
			ids = append(ids, id)
		}
	}
	for id := range d.names {
		if !was[id] && live(int32(id)) {
			fresh = append(fresh, int32(id))
		}
	}
	byName := func(a, b int32) int { return strings.Compare(d.names[a], d.names[b]) }
	slices.SortFunc(fresh, byName)
	merged := make([]int32, 0, len(ids)+len(fresh))
	for len(ids) > 0 && len(fresh) > 0 {
		if byName(ids[0], fresh[0]) < 0 {
			merged, ids = append(merged, ids[0]), ids[1:]
		} else {
			merged, fresh = append(merged, fresh[0]), fresh[1:]
		}
	}
	merged = append(append(merged, ids...), fresh...)
	d.order = merged
	return merged
}

// compact numbers the words of the last build again, in their order, when
// they are less than half of the words numbered, and renumbers the
// pieces' words.
func (d *termDict) compact(pieces map[Key]*searchPiece) {
	if len(d.names) <= 2*len(d.order)+4096 {
		return
	}
	renumber := make([]int32, len(d.names))
	names := make([]string, len(d.order))
	ids := make(map[string]int32, len(d.order))
	for n, id := range d.order {
		renumber[id] = int32(n)
		names[n] = d.names[id]
		ids[names[n]] = int32(n)
		d.order[n] = int32(n)
	}
	for _, p := range pieces {
		for j, id := range p.terms {
			p.terms[j] = renumber[id]
		}
	}
	d.names, d.ids = names, ids
}
