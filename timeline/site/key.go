package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"math"
	"reflect"
	"sync"

	"github.com/timelinehq/timeline/timeline/article"
)

// keyVersion changes when the way pages are made from their data changes
// in a way the template digest cannot see (the views' shapes, the layout
// of article bodies): bump it, and every page renders again.
const keyVersion = "timeline/site key v1"

// seedKey digests what every page depends on: the key format, the
// program's version and every byte of the template set, assets included.
// It is computed once per build, for the build's record (see fingerprint);
// a page's key takes only the templates its page executes (see
// parseTemplates).
func seedKey(tmpl fs.FS, version string) (Key, error) {
	var e enc
	e.reset()
	e.str(keyVersion)
	e.str(version)
	err := fs.WalkDir(tmpl, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(tmpl, name)
		if err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		e.str(name)
		e.bytes(data)
		return nil
	})
	if err != nil {
		return Key{}, err
	}
	e.h.Write(e.b)
	var k Key
	e.h.Sum(k[:0])
	return k, nil
}

// programSeed digests what every page and fragment depends on besides its
// templates and data: the key format and the program's version.
func programSeed(version string) Key {
	var e enc
	e.reset()
	e.strs(keyVersion, version)
	return e.sum(Key{})
}

// enc is a canonical encoding: every value is written with its length or
// at a fixed width, so that different data never encode the same. After
// reset it streams into SHA-256 through a small buffer: a page's encoding
// can be megabytes, and growing one buffer to hold it cost more than
// hashing it.
type enc struct {
	b []byte
	h hash.Hash // nil: b keeps everything
}

// encs are encoders for digests made many times a build, each of a few
// hundred bytes: a new one grows its buffer and makes its hash each time.
var encs = sync.Pool{New: func() any { return new(enc) }}

// reset starts a new digest.
func (e *enc) reset() {
	e.b = e.b[:0]
	if e.h == nil {
		e.h = sha256.New()
	}
	e.h.Reset()
}

// spill hashes what the buffer holds once it is large enough.
func (e *enc) spill() {
	if e.h != nil && len(e.b) >= 16<<10 {
		e.h.Write(e.b)
		e.b = e.b[:0]
	}
}

func (e *enc) u64(n uint64) { e.b = binary.LittleEndian.AppendUint64(e.b, n) }
func (e *enc) str(s string) {
	e.u64(uint64(len(s)))
	e.b = append(e.b, s...)
	e.spill()
}
func (e *enc) bytes(b []byte) {
	e.u64(uint64(len(b)))
	e.b = append(e.b, b...)
	e.spill()
}
func (e *enc) flag(ok bool) {
	if ok {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// sum is the digest of what was written since reset, and seed.
func (e *enc) sum(seed Key) Key {
	e.h.Write(e.b)
	e.h.Write(seed[:])
	var k Key
	e.h.Sum(k[:0])
	return k
}

// value writes v and everything a template can reach from it: exported
// fields, elements, what pointers point to. Views have no methods and no
// maps, so that this is all a template can reach.
//
// Events are most of what pages hold, and an event is on several pages
// (its date's, its period's, its actors', its type's): an event, and an
// entry, a groupEntry or an eventRef made from one, is written as the
// event's digest, made once per build (see eventDigest).
func (e *enc) value(v reflect.Value) {
	switch t := v.Type(); {
	case t == eventViewType && !v.IsNil():
		e.flag(true)
		e.key(v.Interface().(*eventView).digest)
		return
	case t == entryType && v.CanAddr():
		if x := v.Addr().Interface().(*entry); x.ev != nil {
			e.str(x.Root)
			e.key(x.digest)
			return
		}
	case t == groupEntryType && v.CanAddr():
		if x := v.Addr().Interface().(*groupEntry); x.ev != nil {
			e.str(x.Root)
			e.str(x.group.dir)
			e.str(x.group.Name)
			e.key(x.digest)
			return
		}
	case t == eventRefType && v.CanAddr():
		if x := v.Addr().Interface().(*eventRef); x.ev != nil {
			e.key(x.ev.digest)
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		e.flag(!v.IsNil())
		if !v.IsNil() {
			e.value(v.Elem())
		}
	case reflect.Struct:
		for _, i := range exported(v.Type()) {
			e.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		e.u64(uint64(v.Len()))
		for i := range v.Len() {
			e.value(v.Index(i))
		}
	case reflect.String:
		e.str(v.String())
	case reflect.Bool:
		e.flag(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.u64(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.u64(math.Float64bits(v.Float()))
	default:
		panic("site: page data of kind " + v.Kind().String() + " cannot be keyed")
	}
}

var (
	eventViewType  = reflect.TypeFor[*eventView]()
	entryType      = reflect.TypeFor[entry]()
	groupEntryType = reflect.TypeFor[groupEntry]()
	eventRefType   = reflect.TypeFor[eventRef]()
)

// key writes a digest.
func (e *enc) key(k Key) {
	e.b = append(e.b, k[:]...)
	e.spill()
}

var exportedFields sync.Map // reflect.Type → []int

// exported lists the indexes of t's fields that a template can reach: the
// exported ones, and embedded ones, whose exported fields are promoted
// even when the embedded type is not exported.
func exported(t reflect.Type) []int {
	if f, ok := exportedFields.Load(t); ok {
		return f.([]int)
	}
	var f []int
	for i := range t.NumField() {
		if sf := t.Field(i); sf.IsExported() || sf.Anonymous {
			f = append(f, i)
		}
	}
	exportedFields.Store(t, f)
	return f
}

// dataKey is the key of a page made from p alone.
func dataKey(seed Key, e *enc, p *page) Key {
	e.reset()
	e.value(reflect.ValueOf(p))
	return e.sum(seed)
}

// articleKey is the key of an article page: its data before the body is
// rendered, the article's bytes (by their hash) and the evidence marked in
// them with the events each sentence links to.
func articleKey(seed Key, e *enc, p *page, ai *articleInfo, content string) Key {
	e.reset()
	e.value(reflect.ValueOf(p))
	e.str(content)
	writeEvidence(e, ai.sorted)
	return e.sum(seed)
}

// writeEvidence writes an article's evidence ranges, each with the
// events it links to by their digests (a link's path, title, label and
// class).
func writeEvidence(e *enc, ranges []*markRange) {
	e.u64(uint64(len(ranges)))
	for _, r := range ranges {
		e.u64(uint64(r.start))
		e.u64(uint64(r.end))
		e.u64(uint64(len(r.events)))
		for _, ev := range r.events {
			e.key(ev.digest)
		}
	}
}

// articleInput appends to b what article page j is made from, as
// articleKey reads it through the page's data: the template set (seed),
// the site's header, the page's place, the article's metadata and bytes
// (by its Sum), and its events and evidence, each event by its digest. It
// makes neither the data nor the view; a preview takes the last build's
// key of a page whose input is the same (see articleKeyMemo).
// TestArticleInputCoversTheKey checks that it changes whenever the key
// does.
func articleInput(b []byte, seed Key, v *siteView, j pageJob) []byte {
	ai, a := j.ai, j.ai.a
	e := enc{b: b} // no hash: it keeps every byte
	e.key(seed)
	e.key(v.headerKey)
	e.strs(j.root, j.path, ai.Slug, ai.Path, ai.Published, ai.PublishedISO, a.Path, a.Title, a.Author, a.URL, a.Sum)
	writeStrs(&e, a.Tags...)
	e.u64(uint64(len(ai.events)))
	for _, ev := range ai.events {
		e.key(ev.digest)
	}
	writeEvidence(&e, ai.sorted)
	return e.b
}

// articleKeyMemo keeps each article page's key from one build to the
// next, by page, with its input (see articleInput): at 10,000 articles a
// rebuild after one edit would make the data and the key of 10,000
// article pages to find the few that changed. Comparing the input costs
// less than hashing it.
type articleKeyMemo = buildMemo[articleKeyEntry]

type articleKeyEntry struct {
	input []byte
	key   Key
}

// contentSum is what an article page's key takes for the article's text:
// its Sum, or, for an article made in memory without one, a digest of its
// bytes and blocks.
func contentSum(a *article.Article) string {
	if a.Sum != "" {
		return a.Sum
	}
	var e enc
	e.bytes(a.Raw)
	e.value(reflect.ValueOf(a.TitleBlock))
	e.value(reflect.ValueOf(a.Blocks))
	s := sha256.Sum256(e.b)
	return "blocks:" + hex.EncodeToString(s[:])
}
