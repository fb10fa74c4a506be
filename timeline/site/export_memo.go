package site

import "sync"

// exportMemos is what a Memo keeps of the exports: for each export made
// of pieces (see pieceExport), the bytes the last build made and where
// each event's piece is in them. It holds the last chronology's pieces and
// no others, and one buffer to make the next build's in, so that it stays
// twice the size of the exports across any number of rebuilds; and it is
// dropped whole when the site's settings change, since every piece may
// read them.
type exportMemos struct {
	mu       sync.Mutex
	settings Key // exportSettings of the builds the memos are from
	byName   map[string]*exportMemo
}

// exportMemo is one export's bytes as the last build made them, and the
// span of each event's piece in them by the piece's key (see pieceKeys).
// buf is also the slice the build gave the writer, which has written it by
// the time the next build starts: that build makes its bytes in spare,
// the buffer of the build before, and the one after in buf.
type exportMemo struct {
	buf   []byte
	spare []byte // the build before's buf, for the next build to reuse
	keys  []Key  // the last build's pieces, in its order
	spans []span // where each of keys is in buf

	index  map[Key]int // where each of keys is in keys: see find
	misses int         // pieces find did not find ahead
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
// come in the order of the last build, an event changed, added or
// removed here and there, so it looks first where *next says and a few
// pieces further, and moves *next past what it found. Only when many
// pieces were not where they were expected (events moved) does it index
// every piece, which costs more than a rebuild after one edit saves.
func (m *exportMemo) find(k Key, next *int) (span, bool) {
	if m.index == nil {
		for i := *next; i < min(*next+findAhead, len(m.keys)); i++ {
			if m.keys[i] == k {
				*next = i + 1
				return m.spans[i], true
			}
		}
		if m.misses++; m.misses <= findMisses || len(m.keys) == 0 {
			return span{}, false
		}
		m.index = make(map[Key]int, len(m.keys))
		for i, k := range m.keys {
			m.index[k] = i
		}
	}
	if i := *next; i < len(m.keys) && m.keys[i] == k {
		*next = i + 1
		return m.spans[i], true
	}
	i, ok := m.index[k]
	if !ok {
		return span{}, false
	}
	*next = i + 1
	return m.spans[i], true
}

// find looks findAhead pieces ahead of where it expects a piece, and
// indexes every piece after findMisses pieces were not found so.
const (
	findAhead  = 8
	findMisses = 64
)

// set keeps buf, this build's bytes, and where each piece is in them;
// the last build's buffer becomes the spare to make the next build's in.
// It returns the bytes to write, which are buf's.
//
// A new buffer of a few hundred megabytes (the exports of a large
// chronology) costs a page fault every 4 kB as it fills, which is most of
// copying the unchanged pieces into it, and is garbage the collector must
// then clear, in mark work charged to the build that made it. So the
// first build through m, a preview's first, makes the buffers of the next
// two, filled once so that their memory is there, and a rebuild takes
// the spare unless this build's bytes outgrew it: a preview's rebuilds
// after small edits allocate none.
func (m *exportMemo) set(buf []byte, keys []Key, spans []span) []byte {
	m.spare = m.buf
	if m.buf == nil {
		m.spare = roomyCopy(buf)[:0]
		if !roomFor(buf, len(buf)) {
			buf = roomyCopy(buf)
		}
	}
	m.buf, m.keys, m.spans, m.index, m.misses = buf, keys, spans, nil, 0
	return buf
}

// buffer returns an empty buffer for this build's bytes, which are about
// the last build's: spare when it holds those with room for a small
// change, else a new one with room for a larger one (first bytes when
// there was no last build). A buffer only just too small grows once, in
// append.
func (m *exportMemo) buffer(first int) []byte {
	if m.buf == nil {
		return make([]byte, 0, first)
	}
	if b := m.spare; roomFor(b, len(m.buf)) {
		m.spare = nil
		return b[:0]
	}
	return make([]byte, 0, roomy(len(m.buf)))
}

// roomy is the size of a buffer for n bytes and the growth of a few
// rebuilds; roomFor reports whether b is one for n bytes, and not
// wastefully larger.
func roomy(n int) int { return n + n/64 + 4096 }

func roomFor(b []byte, n int) bool { return cap(b) >= n+n/1024+4096 && cap(b) <= 2*n+8192 }

// roomyCopy is a copy of b in a buffer with room for it to grow.
func roomyCopy(b []byte) []byte { return append(make([]byte, 0, roomy(len(b))), b...) }
