// Package cache keeps what reading and extracting each article gave, on
// disk between builds, so that a rebuild reads and extracts only the
// articles that changed.
//
// An entry is keyed by the article's path and the SHA-256 of its bytes,
// inside a folder for one content folder and one version: a digest of the
// program, the alias table and the configuration, which the caller makes.
// A new version starts an empty folder, and Prune removes the old ones.
//
// Entries live in pack files, not one file each: creating ten thousand
// small files took a third of the time of extracting their articles on
// the project's build machine. Each Cache appends to a pack of its own, so concurrent builds
// never write to the same file; a record carries its key and a checksum,
// and one that is cut short or does not check out is a miss, never
// trusted. Prune rewrites the packs when dead records or packs pile up.
// The whole folder is safe to delete at any time.
package cache

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// Entry is what reading and extracting one article gave.
type Entry struct {
	// Article is the article's metadata; its Blocks, Raw, TitleBlock and
	// Params are not kept. Nil when Problem is set.
	Article *article.Article
	Events  []events.Event
	// Problem says why the article could not be read, such as a missing
	// publication date: reading it again would say the same.
	Problem *article.Error
}

// Cache is a folder of entries for one content folder and one version.
// Its methods are safe for concurrent use.
type Cache struct {
	dir     string // root/project/version
	version [32]byte

	mu     sync.Mutex
	index  map[[32]byte]record // the latest sound-looking record of each key
	packs  []*pack
	out    *pack // the pack this Cache appends to; nil until the first Put
	closed bool
}

// A pack is one file of records: a header, then key, length, payload and
// checksum, over and over.
type pack struct {
	name    string
	f       *os.File // nil once closed
	size    int64    // bytes of whole records, header included
	records []record
}

// A record is where one entry's payload lies.
type record struct {
	key  [32]byte
	pack *pack
	off  int64 // of the payload
	n    int   // payload bytes
}

// Open returns the cache under root for the content folder project and
// version, making its folder.
func Open(root, project, version string) (*Cache, error) {
	return (*Scans)(nil).Open(root, project, version)
}

// Scans remembers the records Open found in each pack, so that opening
// the same folder again lists only the packs that are new or changed
// since: a preview opens the cache for every rebuild, and listing a pack
// of 10,000 entries took 20 ms, one read a record. A pack is known by its
// name, size and modification time; a record from a pack that changed
// unseen still has to check out when it is read. The zero value is ready
// to use, and a nil *Scans remembers nothing.
type Scans struct {
	mu    sync.Mutex
	packs map[string]scanned // by file name
}

type scanned struct {
	size, mtime int64 // the file's, when it was listed
	end         int64 // of its last whole record
	records     []record
}

// Open is Open, through what s remembers.
func (s *Scans) Open(root, project, version string) (*Cache, error) {
	if root == "" {
		return nil, errors.New("cache: no folder")
	}
	abs, err := filepath.Abs(project)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	c := &Cache{version: sha256.Sum256([]byte(version))}
	c.dir = filepath.Join(root, short([]byte(abs)), versionPrefix+hex.EncodeToString(c.version[:8]))
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	c.index = make(map[[32]byte]record)
	names, _ := filepath.Glob(filepath.Join(c.dir, "*"+packSuffix))
	var known, seen map[string]scanned
	if s != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		known, seen = s.packs, make(map[string]scanned, len(names))
	}
	for _, name := range names {
		p, info, err := c.scan(name, known)
		if err != nil {
			continue // gone or foreign: its entries are misses
		}
		c.add(p)
		if seen != nil {
			k := scanned{size: info.Size(), mtime: info.ModTime().UnixNano(), end: p.size, records: slices.Clone(p.records)}
			for i := range k.records {
				k.records[i].pack = nil // this Cache's, which Close ends
			}
			seen[name] = k
		}
	}
	if s != nil {
		s.packs = seen // packs that are gone are forgotten
	}
	return c, nil
}

// versionPrefix starts the name of a version's folder; the project's
// folder may hold other state beside them, which Prune leaves alone.
const versionPrefix = "articles-"

// Dir is the cache's folder for this content folder and version.
func (c *Cache) Dir() string { return c.dir }

// ProjectDir is the folder of every version for this content folder: the
// place for other state of the project's builds.
func (c *Cache) ProjectDir() string { return filepath.Dir(c.dir) }

func short(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:8])
}

const (
	packSuffix = ".pack"
	magic      = "timeline-pack-2\n" // then the version
	headSize   = len(magic) + 32
	recordHead = 32 + 4 // key, payload length
	recordTail = 32     // SHA-256 of version, key and payload
	// maxPacks is how many packs Prune lets pile up before it merges them.
	maxPacks = 8
)

// key is the entry key of the article at path whose bytes have sum.
func key(path, sum string) [32]byte {
	return sha256.Sum256([]byte(path + "\x00" + sum))
}

// scan opens the pack at name and lists its whole records, or takes
// them from known when it lists the pack with the size and modification
// time it has now. A record cut short, by a build that was killed or is
// still writing, ends the list; checksums are checked when an entry is
// read.
func (c *Cache) scan(name string, known map[string]scanned) (*pack, fs.FileInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	p := &pack{name: name, f: f}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if k, ok := known[name]; ok && k.size == st.Size() && k.mtime == st.ModTime().UnixNano() {
		p.records, p.size = slices.Clone(k.records), k.end
		for i := range p.records {
			p.records[i].pack = p
		}
		return p, st, nil
	}
	end := st.Size()
	head := make([]byte, headSize)
	if _, err := f.ReadAt(head, 0); err != nil || string(head[:len(magic)]) != magic || !bytes.Equal(head[len(magic):], c.version[:]) {
		f.Close()
		return nil, nil, errCorrupt
	}
	off := int64(headSize)
	rh := make([]byte, recordHead)
	for off+recordHead+recordTail <= end {
		if _, err := f.ReadAt(rh, off); err != nil {
			break
		}
		n := int64(binary.LittleEndian.Uint32(rh[32:]))
		if off+recordHead+n+recordTail > end {
			break
		}
		r := record{pack: p, off: off + recordHead, n: int(n)}
		copy(r.key[:], rh)
		p.records = append(p.records, r)
		off += recordHead + n + recordTail
	}
	p.size = off
	return p, st, nil
}

// add makes p's records the latest of their keys.
func (c *Cache) add(p *pack) {
	c.packs = append(c.packs, p)
	for _, r := range p.records {
		c.index[r.key] = r
	}
}

// Get returns the entry of the article at path with bytes of sum, if the
// cache has a sound one.
func (c *Cache) Get(path, sum string) (*Entry, bool) {
	k := key(path, sum)
	c.mu.Lock()
	r, ok := c.index[k]
	f := r.pack.file()
	c.mu.Unlock()
	if !ok || f == nil {
		return nil, false
	}
	payload, err := c.read(f, r)
	if err != nil {
		return nil, false
	}
	e, err := decode(payload)
	if err != nil {
		return nil, false
	}
	return e, true
}

func (p *pack) file() *os.File {
	if p == nil {
		return nil
	}
	return p.f
}

// read returns r's payload if its checksum holds.
func (c *Cache) read(f *os.File, r record) ([]byte, error) {
	buf := make([]byte, r.n+recordTail)
	if _, err := f.ReadAt(buf, r.off); err != nil {
		return nil, err
	}
	payload, check := buf[:r.n], buf[r.n:]
	if sum := c.checksum(r.key, payload); !bytes.Equal(sum[:], check) {
		return nil, errCorrupt
	}
	return payload, nil
}

func (c *Cache) checksum(k [32]byte, payload []byte) [32]byte {
	h := sha256.New()
	h.Write(c.version[:])
	h.Write(k[:])
	h.Write(payload)
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// recordBuffers hold the records Put writes: a build puts thousands, and
// each is written out before its buffer is put back.
var recordBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Put stores the entry of the article at path with bytes of sum.
func (c *Cache) Put(path, sum string, e *Entry) error {
	k := key(path, sum)
	b := recordBuffers.Get().(*bytes.Buffer)
	defer recordBuffers.Put(b)
	b.Reset()
	b.Write(k[:])
	b.Write([]byte{0, 0, 0, 0})
	encode(b, e)
	rec := b.Bytes()
	n := len(rec) - recordHead
	binary.LittleEndian.PutUint32(rec[32:], uint32(n))
	check := c.checksum(k, rec[recordHead:])
	b.Write(check[:])

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return errors.New("cache: closed")
	}
	if c.out == nil {
		p, err := c.create(filepath.Join(c.dir, "*"+packSuffix))
		if err != nil {
			return fmt.Errorf("cache: %w", err)
		}
		c.out = p
		c.packs = append(c.packs, p)
	}
	p := c.out
	// One write a record: a reader in another build sees whole records or
	// a tail it ignores.
	if _, err := p.f.WriteAt(b.Bytes(), p.size); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	r := record{key: k, pack: p, off: p.size + recordHead, n: n}
	p.records = append(p.records, r)
	p.size += int64(b.Len())
	c.index[k] = r
	return nil
}

// create makes a new pack from the pattern, as os.CreateTemp does, and
// writes its header.
func (c *Cache) create(pattern string) (*pack, error) {
	f, err := os.CreateTemp(filepath.Dir(pattern), filepath.Base(pattern))
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(append([]byte(magic), c.version[:]...)); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &pack{name: f.Name(), f: f, size: int64(headSize)}, nil
}

// Close closes the cache's files. Entries it holds stay on disk; Get
// misses and Put fails after Close, but Prune still works.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	var errs []error
	for _, p := range c.packs {
		if p.f != nil {
			errs = append(errs, p.f.Close())
			p.f = nil
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// Prune drops the entries of this version that are not for one of the
// articles in used (path to sum), and the folders of other versions of
// this content folder. A build calls it after it succeeded, so that the
// cache holds what the content holds now.
//
// Dropping an entry rewrites its pack, so Prune does that only when it
// pays: when a pack holds more dead bytes than live ones, or when more
// than maxPacks packs have piled up (a long preview session adds a small
// one each rebuild), in which case all but the largest are merged.
func (c *Cache) Prune(used map[string]string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	live := make(map[[32]byte]bool, len(used))
	for path, sum := range used {
		live[key(path, sum)] = true
	}
	isLive := func(r record) bool { return live[r.key] && c.index[r.key] == r }
	liveBytes := func(p *pack) (n int64) {
		for _, r := range p.records {
			if isLive(r) {
				n += int64(recordHead + r.n + recordTail)
			}
		}
		return n
	}
	var merge, keep []*pack
	for _, p := range c.packs {
		if l := liveBytes(p); p.size-l > l {
			merge = append(merge, p)
		} else {
			keep = append(keep, p)
		}
	}
	if len(keep) > maxPacks {
		slices.SortFunc(keep, func(a, b *pack) int { return cmp.Compare(b.size, a.size) })
		merge, keep = append(merge, keep[1:]...), keep[:1]
	}
	var errs []error
	if len(merge) > 0 {
		errs = append(errs, c.merge(merge, isLive))
	}
	entries, _ := os.ReadDir(c.ProjectDir())
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), versionPrefix) && e.Name() != filepath.Base(c.dir) {
			errs = append(errs, os.RemoveAll(filepath.Join(c.ProjectDir(), e.Name())))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// merge writes the live records of packs into one new pack, renamed into
// place, and then removes packs. A record that does not check out is left
// behind. Another build still appending to one of packs loses what it adds
// after this: misses next time, never wrong entries.
func (c *Cache) merge(packs []*pack, isLive func(record) bool) error {
	out, err := c.create(filepath.Join(c.dir, ".tmp-*"))
	if err != nil {
		return err
	}
	var records []record
	w := bufio.NewWriterSize(out.f, 1<<20)
	var werr error
	for _, p := range packs {
		f := p.f
		if f == nil {
			if f, err = os.Open(p.name); err != nil {
				continue
			}
			defer f.Close()
		}
		for _, r := range p.records {
			if !isLive(r) {
				continue
			}
			payload, err := c.read(f, r)
			if err != nil {
				continue
			}
			var n [4]byte
			binary.LittleEndian.PutUint32(n[:], uint32(r.n))
			check := c.checksum(r.key, payload)
			w.Write(r.key[:])
			w.Write(n[:])
			w.Write(payload)
			_, werr = w.Write(check[:])
			records = append(records, record{key: r.key, pack: out, off: out.size + recordHead, n: r.n})
			out.size += int64(recordHead + r.n + recordTail)
		}
	}
	err = errors.Join(werr, w.Flush())
	if err == nil {
		final := filepath.Join(c.dir, strings.TrimPrefix(filepath.Base(out.name), ".tmp-")+packSuffix)
		if err = os.Rename(out.name, final); err == nil {
			out.name = final
		}
	}
	if err != nil {
		out.f.Close()
		os.Remove(out.name)
		return err
	}
	out.records = records
	var errs []error
	for _, p := range packs {
		if p.f != nil {
			p.f.Close()
			p.f = nil
		}
		if err := os.Remove(p.name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
		if p == c.out {
			c.out = nil
		}
	}
	c.packs = slices.DeleteFunc(c.packs, func(p *pack) bool { return slices.Contains(packs, p) })
	c.add(out)
	if c.closed {
		out.f.Close()
		out.f = nil
	}
	return errors.Join(errs...)
}
