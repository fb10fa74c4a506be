package site

import "sync"

// exportMemos is what a Memo keeps of the exports: for each export made
// of pieces (see pieceExport), the bytes the last build made and where
// each event's piece is in them. It holds the last chronology's pieces and
// no others, so that it stays the size of the exports across any number
// of rebuilds; and it is dropped whole when the site's settings change,
// since every piece may read them.
type exportMemos struct {
	mu       sync.Mutex
	settings Key // exportSettings of the builds the memos are from
	byName   map[string]*exportMemo
}

// exportMemo is one export's bytes as the last build made them, and the
// span of each event's piece in them by the piece's key (see pieceKeys).
type exportMemo struct {
	buf   []byte
	keys  []Key  // the last build's pieces, in its order
	spans []span // where each of keys is in buf
	index map[Key]int
}

// span is a piece's place in an export's bytes: n bytes at at.
type span struct{ at, n int }

// exports returns the memos of the exports named in xs for a build whose
// settings digest to settings, and drops those of other exports and of
// other settings. The caller holds ms.mu.
func (ms *exportMemos) exports(settings Key, xs []export) map[string]*exportMemo {
	if ms.byName == nil || ms.settings != settings {
		ms.byName, ms.settings = map[string]*exportMemo{}, settings
	}
	keep := make(map[string]*exportMemo, len(xs))
	for _, x := range xs {
		if _, ok := x.(pieceExport); !ok {
			continue
		}
		m := ms.byName[x.Name()]
		if m == nil {
			m = new(exportMemo)
		}
		keep[x.Name()] = m
	}
	ms.byName = keep
	return keep
}

// find returns the span of the piece of key k in m.buf. Pieces mostly
// come in the order of the last build, so it looks first where *next
// says and moves *next past what it found.
func (m *exportMemo) find(k Key, next *int) (span, bool) {
	if i := *next; i < len(m.keys) && m.keys[i] == k {
		*next = i + 1
		return m.spans[i], true
	}
	if len(m.keys) == 0 {
		return span{}, false
	}
	if m.index == nil {
		m.index = make(map[Key]int, len(m.keys))
		for i, k := range m.keys {
			m.index[k] = i
		}
	}
	i, ok := m.index[k]
	if !ok {
		return span{}, false
	}
	*next = i + 1
	return m.spans[i], true
}

// set makes m hold buf, made of the pieces keys at spans, and nothing
// else.
func (m *exportMemo) set(buf []byte, keys []Key, spans []span) {
	m.buf, m.keys, m.spans, m.index = buf, keys, spans, nil
}
