package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/timelinehq/timeline/timeline/timex"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// The payload is a flat binary encoding: unsigned varints, and strings as
// a length and bytes. It is a few times faster to read than JSON or gob,
// and an unchanged rebuild reads every entry.
//
// A string an entry holds more than once (an article's path, title and
// URL in each of its events' sources, an event's type) is written once;
// later it is a reference to the first, so that the decoded entry shares
// one copy. Decoded entries are the chronology a warm build holds, and
// without this a third of their strings' bytes were copies.

func encode(b *bytes.Buffer, e *Entry) {
	w := enc{b: b, seen: map[string]uint64{}}
	if p := e.Problem; p != nil {
		w.uint(1)
		w.str(p.Path)
		w.int(p.Line)
		w.str(p.Msg)
	} else {
		w.uint(0)
	}
	if a := e.Article; a != nil {
		w.uint(1)
		w.str(a.Path)
		w.str(string(a.Format))
		w.str(a.Title)
		w.str(a.Author)
		w.str(a.URL)
		w.int(int(a.Published.Unix()))
		w.int(a.PublishedLine)
		w.strs(a.Tags)
		w.bool(a.Draft)
		w.str(a.Sum)
		if d := a.Dateline; d != nil {
			w.uint(1)
			w.str(d.Place)
			w.str(d.Date)
			w.str(d.Agency)
			w.int(d.Len)
		} else {
			w.uint(0)
		}
		w.strs(a.Hide)
		w.int(a.HideLine)
	} else {
		w.uint(0)
	}
	w.uint(uint64(len(e.Events)))
	for _, ev := range e.Events {
		w.str(ev.ID)
		w.str(string(ev.Type))
		w.str(string(ev.Status))
		w.str(string(ev.Date))
		w.str(ev.Mod)
		w.str(ev.Title)
		w.strs(ev.Actors)
		w.uint(uint64(len(ev.ActorKinds)))
		for _, k := range ev.ActorKinds {
			w.str(string(k))
		}
		w.str(ev.Place)
		w.uint(uint64(len(ev.Sources)))
		for _, s := range ev.Sources {
			w.str(s.Article)
			w.str(s.Title)
			w.str(s.URL)
			w.str(s.Published)
			w.str(s.Sentence)
			w.int(s.Start)
			w.int(s.End)
		}
	}
}

var errCorrupt = errors.New("cache: corrupt entry")

func decode(data []byte) (e *Entry, err error) {
	r := &dec{data: data}
	e = &Entry{}
	if r.bool() {
		e.Problem = &article.Error{Path: r.str(), Line: r.int(), Msg: r.str()}
	}
	if r.bool() {
		a := &article.Article{}
		a.Path = r.str()
		a.Format = article.Format(r.str())
		a.Title = r.str()
		a.Author = r.str()
		a.URL = r.str()
		a.Published = time.Unix(int64(r.int()), 0).UTC()
		a.PublishedLine = r.int()
		a.Tags = r.strs()
		a.Draft = r.bool()
		a.Sum = r.str()
		if r.bool() {
			a.Dateline = &article.Dateline{Place: r.str(), Date: r.str(), Agency: r.str(), Len: r.int()}
		}
		a.Hide = r.strs()
		a.HideLine = r.int()
		e.Article = a
	}
	if n := r.count(); n > 0 {
		e.Events = make([]events.Event, n)
	}
	for i := range e.Events {
		ev := &e.Events[i]
		ev.ID = r.str()
		ev.Type = events.Type(r.str())
		ev.Status = events.Status(r.str())
		ev.Date = timex.Value(r.str())
		ev.Mod = r.str()
		ev.Title = r.str()
		ev.Actors = r.strs()
		if n := r.count(); n > 0 {
			ev.ActorKinds = make([]events.Kind, n)
		}
		for j := range ev.ActorKinds {
			ev.ActorKinds[j] = events.Kind(r.str())
		}
		ev.Place = r.str()
		if n := r.count(); n > 0 {
			ev.Sources = make([]events.Source, n)
		}
		for j := range ev.Sources {
			s := &ev.Sources[j]
			s.Article = r.str()
			s.Title = r.str()
			s.URL = r.str()
			s.Published = r.str()
			s.Sentence = r.str()
			s.Start = r.int()
			s.End = r.int()
		}
	}
	if r.bad || r.off != len(r.data) {
		return nil, errCorrupt
	}
	return e, nil
}

type enc struct {
	b    *bytes.Buffer
	seen map[string]uint64 // the strings written, by their number
}

func (w enc) uint(v uint64) {
	var buf [binary.MaxVarintLen64]byte
	w.b.Write(binary.AppendUvarint(buf[:0], v))
}

func (w enc) int(v int) {
	var buf [binary.MaxVarintLen64]byte
	w.b.Write(binary.AppendVarint(buf[:0], int64(v)))
}

// str writes s as its length times two and its bytes, or, when the entry
// has s already, as its number times two plus one.
func (w enc) str(s string) {
	if n, ok := w.seen[s]; ok {
		w.uint(n<<1 | 1)
		return
	}
	if s != "" {
		w.seen[s] = uint64(len(w.seen))
	}
	w.uint(uint64(len(s)) << 1)
	w.b.WriteString(s)
}
func (w enc) strs(list []string) {
	w.uint(uint64(len(list)))
	for _, s := range list {
		w.str(s)
	}
}
func (w enc) bool(v bool) {
	if v {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

// dec reads what enc wrote; past the first problem every read gives a
// zero value and bad is set.
type dec struct {
	data  []byte
	off   int
	bad   bool
	table []string // the strings read, by their number (see enc.str)
}

func (r *dec) uint() uint64 {
	v, n := binary.Uvarint(r.data[r.off:])
	if n <= 0 {
		r.bad, r.off = true, len(r.data)
		return 0
	}
	r.off += n
	return v
}

func (r *dec) int() int {
	v, n := binary.Varint(r.data[r.off:])
	if n <= 0 {
		r.bad, r.off = true, len(r.data)
		return 0
	}
	r.off += n
	return int(v)
}

// count reads a length, which can be no more than the bytes left.
func (r *dec) count() int {
	v := r.uint()
	if v > uint64(len(r.data)-r.off) {
		r.bad, r.off = true, len(r.data)
		return 0
	}
	return int(v)
}

func (r *dec) str() string {
	v := r.uint()
	if v&1 == 1 {
		if v>>1 >= uint64(len(r.table)) {
			r.bad, r.off = true, len(r.data)
			return ""
		}
		return r.table[v>>1]
	}
	if v>>1 > uint64(len(r.data)-r.off) {
		r.bad, r.off = true, len(r.data)
		return ""
	}
	n := int(v >> 1)
	if n == 0 {
		return ""
	}
	s := string(r.data[r.off : r.off+n])
	r.off += n
	r.table = append(r.table, s)
	return s
}

func (r *dec) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = r.str()
	}
	return list
}

func (r *dec) bool() bool {
	switch r.uint() {
	case 0:
		return false
	case 1:
		return true
	}
	r.bad = true
	return false
}
