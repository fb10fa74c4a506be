package site

import (
	"cmp"
	"net/url"
	"runtime"
	"sync"
	"sync/atomic"
)

// A pieceExport is an export made of a head, one piece per event in the
// chronology's order, and a tail, with sep between two pieces that are
// not empty. An event's piece may depend only on what the event's digest
// covers (see eventDigest), the event's export ID (see exportIDs) and the
// site's settings (see exportSettings), never on other events or on its
// position: a preview's Memo keeps the pieces of unchanged events from one
// build to the next, so whatever else a piece read would go stale. What
// depends on neighbours (the commas between JSON elements, a header row)
// belongs in sep, the head or the tail, which the tail may shape by the
// number of pieces.
type pieceExport interface {
	export
	head(b []byte, r *exportRun) []byte
	piece(b []byte, r *exportRun, i int) []byte // nothing when the export leaves event i out
	sep() string
	tail(b []byte, r *exportRun, n int) []byte // after n pieces that are not empty
	size(events int) int                       // a first guess of the file's size
}

// exportRun is what the exports of one build share: the view, the site,
// the events' export IDs and the scratch space of the pieces' encoders.
type exportRun struct {
	v    *siteView
	s    *Site
	ids  []string // see exportIDs; made when first asked for
	keys []Key    // see pieceKeys; made when first asked for
	host string   // the site's host, for iCalendar UIDs
	tmp  []byte   // an encoder's scratch space
	tmp2 []byte

	days   map[string]parsedDay // parseDayTime of the events' dates
	stamps map[string]string    // icsStamp of when events were reported
}

type parsedDay struct {
	d  dayTime
	ok bool
}

func newExportRun(v *siteView, s *Site) *exportRun {
	r := &exportRun{v: v, s: s, host: "timeline"}
	if u, err := url.Parse(v.Header.BaseURL); err == nil && u.Host != "" {
		r.host = u.Host
	}
	return r
}

// id is event i's export ID.
func (r *exportRun) id(i int) string {
	if r.ids == nil {
		r.ids = exportIDs(r.v)
	}
	return r.ids[i]
}

// dayTime is parseDayTime(value), read once per build for each date:
// many events share one, and reading it takes a regular expression.
func (r *exportRun) dayTime(value string) (dayTime, bool) {
	p, ok := r.days[value]
	if !ok {
		if r.days == nil {
			r.days = map[string]parsedDay{}
		}
		p.d, p.ok = parseDayTime(value)
		r.days[value] = p
	}
	return p.d, p.ok
}

// stamp is icsStamp(instant), made once per build for each instant.
func (r *exportRun) stamp(instant string) string {
	s, ok := r.stamps[instant]
	if !ok {
		if r.stamps == nil {
			r.stamps = map[string]string{}
		}
		s = icsStamp(instant)
		r.stamps[instant] = s
	}
	return s
}

// pieceKeys are the keys of the events' pieces in a Memo: an event's
// digest when its export ID is its own ID, else a digest of both, since a
// uniqueness suffix ("-2") depends on the events before it.
func (r *exportRun) pieceKeys() []Key {
	if r.keys != nil {
		return r.keys
	}
	r.keys = make([]Key, len(r.v.Events))
	var e enc
	for i, ev := range r.v.Events {
		id := r.id(i)
		if id == cmp.Or(ev.ID, "event") {
			r.keys[i] = ev.digest
			continue
		}
		e.reset()
		e.str(id)
		r.keys[i] = e.sum(ev.digest)
	}
	return r.keys
}

// makePieces makes the export p of the run's chronology through the memo
// m: it takes the pieces of the events m has from m, makes the others, and
// leaves in m the pieces of this chronology and no others.
func (r *exportRun) makePieces(p pieceExport, m *exportMemo) []byte {
	keys, spans := r.pieceKeys(), make([]span, len(r.v.Events))
	next := 0 // where in m the following event's piece likely is
	b := r.assemble(p, m.buffer(p.size(len(r.v.Events))), func(b []byte, i int) []byte {
		at := len(b)
		if old, ok := m.find(keys[i], &next); ok {
			b = append(b, m.buf[old.at:old.at+old.n]...)
		} else {
			b = p.piece(b, r, i)
		}
		spans[i] = span{at: at, n: len(b) - at}
		return b
	})
	return m.set(b, keys, spans)
}

// streamPieces makes p's bytes without a memo and passes them to emit a
// chunk of about streamChunk bytes at a time. The pieces are made on every
// core, streamBlock events at a time and a few blocks ahead, each core
// with a run of its own (its scratch space, the dates it parsed), and
// emitted in order.
func (r *exportRun) streamPieces(p pieceExport, emit func([]byte) error) error {
	type block struct {
		b []byte
		n int // its pieces that are not empty
	}
	runs := make([]*exportRun, runtime.GOMAXPROCS(0))
	for w := range runs {
		runs[w] = r.clone()
	}
	wave := make([]block, 4*len(runs))
	sep := p.sep()
	b := p.head(make([]byte, 0, 2*streamChunk), r)
	n := 0
	for from := 0; from < len(r.v.Events); from += len(wave) * streamBlock {
		var next atomic.Int64
		var wg sync.WaitGroup
		for _, own := range runs {
			wg.Go(func() {
				piece := func(b []byte, i int) []byte { return p.piece(b, own, i) }
				for k := int(next.Add(1) - 1); k < len(wave); k = int(next.Add(1) - 1) {
					lo := min(from+k*streamBlock, len(r.v.Events))
					hi := min(lo+streamBlock, len(r.v.Events))
					wave[k].b, wave[k].n = appendPieces(wave[k].b[:0], sep, 0, lo, hi, piece)
				}
			})
		}
		wg.Wait()
		for _, bl := range wave {
			if bl.n == 0 {
				continue
			}
			if n > 0 {
				b = append(b, sep...)
			}
			b = append(b, bl.b...)
			n += bl.n
			if len(b) >= streamChunk {
				if err := emit(b); err != nil {
					return err
				}
				b = b[:0]
			}
		}
	}
	return emit(p.tail(b, r, n))
}

// streamChunk is how many bytes streamPieces gathers before it emits them.
const streamChunk = 1 << 20

// streamBlock is how many events' pieces a core makes at a time when
// streaming.
const streamBlock = 512

// clone is a run for another goroutine: it shares what r has made once
// (the IDs, the pieces' keys), and has its own scratch space and parsed
// dates and stamps.
func (r *exportRun) clone() *exportRun {
	c := *r
	c.tmp, c.tmp2, c.days, c.stamps = nil, nil, nil, nil
	return &c
}

// assemble appends to b the head of p, every event's piece as piece
// appends it with sep between two that are not empty, and the tail.
func (r *exportRun) assemble(p pieceExport, b []byte, piece func(b []byte, i int) []byte) []byte {
	b, n := appendPieces(p.head(b, r), p.sep(), 0, 0, len(r.v.Events), piece)
	return p.tail(b, r, n)
}

// appendPieces appends to b the pieces of events from to to as piece
// appends them, with sep before each that is not empty when n pieces, or
// one before it, are already in b. It returns b and the new n.
func appendPieces(b []byte, sep string, n, from, to int, piece func(b []byte, i int) []byte) ([]byte, int) {
	for i := from; i < to; i++ {
		before := len(b)
		if n > 0 {
			b = append(b, sep...)
		}
		at := len(b)
		if b = piece(b, i); len(b) == at {
			b = b[:before] // left out: no separator either
			continue
		}
		n++
	}
	return b, n
}

// makeExport makes x's bytes for the run, through m when x is made of
// pieces and m is set.
func (r *exportRun) makeExport(x export, m *exportMemo) ([]byte, error) {
	p, ok := x.(pieceExport)
	switch {
	case !ok:
		return x.Make(r.v, r.s)
	case m != nil:
		return r.makePieces(p, m), nil
	}
	return r.assemble(p, make([]byte, 0, p.size(len(r.v.Events))), func(b []byte, i int) []byte { return p.piece(b, r, i) }), nil
}
