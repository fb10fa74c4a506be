package cache

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"unsafe"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// seedEntry reads and extracts the sample's seed article, as a build does.
func seedEntry(t testing.TB) (string, *Entry) {
	t.Helper()
	path := filepath.Join("..", "..", "content", "2021-12-30-biden-putin-call.txt")
	a, err := article.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	evs := events.Extract(a)
	if len(evs) == 0 {
		t.Fatal("no events in the seed")
	}
	meta := *a
	meta.Raw, meta.Blocks, meta.Params, meta.TitleBlock = nil, nil, nil, article.Block{}
	return a.Sum, &Entry{Article: &meta, Events: evs}
}

func TestEntriesComeBackAsTheyWent(t *testing.T) {
	c, err := Open(t.TempDir(), "content", "v1")
	if err != nil {
		t.Fatal(err)
	}
	sum, e := seedEntry(t)
	problem := &Entry{Problem: &article.Error{Path: "x.md", Line: 3, Msg: "no publication date; add one"}}
	for name, tc := range map[string]struct {
		path string
		e    *Entry
	}{
		"an article and its events": {"seed.txt", e},
		"a problem":                 {"x.md", problem},
		"nothing":                   {"empty.md", &Entry{}},
	} {
		t.Run(name, func(t *testing.T) {
			if err := c.Put(tc.path, sum, tc.e); err != nil {
				t.Fatal(err)
			}
			got, ok := c.Get(tc.path, sum)
			if !ok {
				t.Fatal("miss")
			}
			if !reflect.DeepEqual(got, tc.e) {
				t.Errorf("got  %+v\nwant %+v", got, tc.e)
			}
		})
	}
}

func TestAnEntryIsFoundOnlyForItsPathBytesAndVersion(t *testing.T) {
	root := t.TempDir()
	c, _ := Open(root, "content", "v1")
	sum, e := seedEntry(t)
	if err := c.Put("a.txt", sum, e); err != nil {
		t.Fatal(err)
	}
	other, _ := Open(root, "content", "v2")
	elsewhere, _ := Open(root, "other-content", "v1")
	for name, get := range map[string]func() bool{
		"another path (a rename)":     func() bool { _, ok := c.Get("b.txt", sum); return ok },
		"other bytes (an edit)":       func() bool { _, ok := c.Get("a.txt", article.Sum([]byte("x"))); return ok },
		"another version":             func() bool { _, ok := other.Get("a.txt", sum); return ok },
		"another content folder":      func() bool { _, ok := elsewhere.Get("a.txt", sum); return ok },
		"the same path, bytes and v1": nil,
	} {
		t.Run(name, func(t *testing.T) {
			if get == nil {
				if _, ok := c.Get("a.txt", sum); !ok {
					t.Error("miss")
				}
				return
			}
			if get() {
				t.Error("hit")
			}
		})
	}
}

// onlyPack is the one pack file of c's folder.
func onlyPack(t *testing.T, c *Cache) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(c.Dir(), "*"+packSuffix))
	if len(names) != 1 {
		t.Fatalf("packs: %q, want one", names)
	}
	return names[0]
}

func TestADamagedEntryIsAMiss(t *testing.T) {
	sum, e := seedEntry(t)
	head := headSize + recordHead // where the first payload starts
	for name, damage := range map[string]func([]byte) []byte{
		"truncated":          func(b []byte) []byte { return b[:len(b)/2] },
		"empty":              func([]byte) []byte { return nil },
		"a flipped byte":     func(b []byte) []byte { b[len(b)/2] ^= 1; return b },
		"another version":    func(b []byte) []byte { b[len(magic)] ^= 1; return b },
		"another key":        func(b []byte) []byte { b[headSize+3] ^= 1; return b },
		"a flipped checksum": func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"not an entry": func([]byte) []byte {
			return []byte("hello, world, this is not a cache entry at all, but long enough to be read")
		},
		"a payload that lies": func(b []byte) []byte {
			// A sound checksum over a payload cut short.
			k := [32]byte(b[headSize : headSize+32])
			out := append([]byte{}, b[:head+10]...)
			binary.LittleEndian.PutUint32(out[headSize+32:], 10)
			c := &Cache{version: [32]byte(b[len(magic):headSize])}
			sum := c.checksum(k, out[head:])
			return append(out, sum[:]...)
		},
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			c, _ := Open(root, "content", "v1")
			if err := c.Put("a.txt", sum, e); err != nil {
				t.Fatal(err)
			}
			c.Close()
			f := onlyPack(t, c)
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, damage(data), 0o644); err != nil {
				t.Fatal(err)
			}
			c, _ = Open(root, "content", "v1")
			defer c.Close()
			if got, ok := c.Get("a.txt", sum); ok {
				t.Errorf("a damaged entry was trusted: %+v", got)
			}
			// And a fresh Put mends it.
			if err := c.Put("a.txt", sum, e); err != nil {
				t.Fatal(err)
			}
			if _, ok := c.Get("a.txt", sum); !ok {
				t.Error("miss after Put")
			}
		})
	}
}

// TestScansListAPackOnce checks that Scans lists a pack again only when
// its size or time changed: a pack spoiled behind its back at the same
// size and time still gives its entries through Scans (a fresh Open
// refuses it), and one that grew is listed again.
func TestScansListAPackOnce(t *testing.T) {
	sum, e := seedEntry(t)
	root := t.TempDir()
	var s Scans
	c, err := s.Open(root, "content", "v1")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put("a.txt", sum, e); err != nil {
		t.Fatal(err)
	}
	c.Close()
	pack := onlyPack(t, c)
	c, _ = s.Open(root, "content", "v1") // lists the pack
	c.Close()

	info, err := os.Stat(pack)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	data[0] ^= 1 // the magic: a listing refuses the pack
	if err := os.WriteFile(pack, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(pack, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	fresh, _ := Open(root, "content", "v1")
	if _, ok := fresh.Get("a.txt", sum); ok {
		t.Error("a fresh Open listed a pack with a spoiled header")
	}
	fresh.Close()
	c, _ = s.Open(root, "content", "v1")
	if got, ok := c.Get("a.txt", sum); !ok || !reflect.DeepEqual(got, e) {
		t.Errorf("Scans did not keep the listing of an unchanged pack: %v", ok)
	}
	c.Close()

	if err := os.WriteFile(pack, append(data, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Open(root, "content", "v1")
	if _, ok := c.Get("a.txt", sum); ok {
		t.Error("Scans kept the listing of a pack that changed")
	}
	c.Close()

	if err := os.Remove(pack); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Open(root, "content", "v1")
	c.Close()
	if len(s.packs) != 0 {
		t.Errorf("Scans remembers %d packs that are gone", len(s.packs))
	}
}

func TestPruneKeepsOnlyWhatIsUsed(t *testing.T) {
	root := t.TempDir()
	old, _ := Open(root, "content", "v0")
	c, _ := Open(root, "content", "v1")
	elsewhere, _ := Open(root, "other", "v0")
	sum, e := seedEntry(t)
	paths := []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}
	for _, cc := range []*Cache{old, c, elsewhere} {
		for _, p := range paths {
			if err := cc.Put(p, sum, e); err != nil {
				t.Fatal(err)
			}
		}
		cc.Close()
	}
	state := filepath.Join(c.ProjectDir(), "output")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	// Two of five live: the pack is mostly dead and is rewritten.
	if err := c.Prune(map[string]string{"a.txt": sum, "c.txt": sum}); err != nil {
		t.Fatal(err)
	}
	c, _ = Open(root, "content", "v1")
	defer c.Close()
	for _, p := range paths {
		want := p == "a.txt" || p == "c.txt"
		if _, ok := c.Get(p, sum); ok != want {
			t.Errorf("%s kept = %v, want %v", p, ok, want)
		}
	}
	onlyPack(t, c)
	if _, err := os.Stat(old.Dir()); !os.IsNotExist(err) {
		t.Errorf("the old version's folder stays: %v", err)
	}
	if _, err := os.Stat(state); err != nil {
		t.Errorf("Prune removed other state of the project: %v", err)
	}
	elsewhere, _ = Open(root, "other", "v0")
	defer elsewhere.Close()
	if _, ok := elsewhere.Get("b.txt", sum); !ok {
		t.Error("Prune removed another content folder's entry")
	}
}

func TestPruneMergesPacksThatPileUp(t *testing.T) {
	root := t.TempDir()
	sum, e := seedEntry(t)
	used := map[string]string{}
	// A preview session: every rebuild adds a pack with one edited entry.
	for i := range maxPacks + 3 {
		c, _ := Open(root, "content", "v1")
		p := fmt.Sprintf("%d.txt", i)
		used[p] = sum
		if err := c.Put(p, sum, e); err != nil {
			t.Fatal(err)
		}
		c.Close()
		if err := c.Prune(used); err != nil {
			t.Fatal(err)
		}
		names, _ := filepath.Glob(filepath.Join(c.Dir(), "*"+packSuffix))
		if len(names) > maxPacks {
			t.Fatalf("after %d rebuilds: %d packs, want at most %d", i+1, len(names), maxPacks)
		}
	}
	c, _ := Open(root, "content", "v1")
	defer c.Close()
	for p := range used {
		if _, ok := c.Get(p, sum); !ok {
			t.Errorf("%s: lost in a merge", p)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(c.Dir(), ".tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

func TestConcurrentBuildsShareACache(t *testing.T) {
	root := t.TempDir()
	sum, e := seedEntry(t)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			c, err := Open(root, "content", "v1")
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			for i := range 50 {
				p := []string{"a.txt", "b.txt", "c.txt"}[(i+w)%3]
				if err := c.Put(p, sum, e); err != nil {
					t.Error(err)
				}
				if got, ok := c.Get(p, sum); ok && !reflect.DeepEqual(got, e) {
					t.Error("a concurrent reader saw a different entry")
				}
			}
			// A build that reads the others' packs while they write.
			other, err := Open(root, "content", "v1")
			if err != nil {
				t.Error(err)
				return
			}
			defer other.Close()
			for _, p := range []string{"a.txt", "b.txt", "c.txt"} {
				if got, ok := other.Get(p, sum); ok && !reflect.DeepEqual(got, e) {
					t.Error("a concurrent reader saw a different entry")
				}
			}
		})
	}
	wg.Wait()
	c, _ := Open(root, "content", "v1")
	defer c.Close()
	for _, p := range []string{"a.txt", "b.txt", "c.txt"} {
		if _, ok := c.Get(p, sum); !ok {
			t.Errorf("%s: miss after the builds", p)
		}
	}
}

func FuzzDecode(f *testing.F) {
	_, e := seedEntry(f)
	var b bytes.Buffer
	encode(&b, e)
	f.Add(b.Bytes())
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decode(data)
		if err != nil {
			return
		}
		// What decodes must encode back to the same bytes.
		var again bytes.Buffer
		encode(&again, got)
		if !reflect.DeepEqual(decodeMust(t, again.Bytes()), got) {
			t.Error("decode(encode(e)) != e")
		}
	})
}

func decodeMust(t *testing.T, data []byte) *Entry {
	e, err := decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// An entry's repeated strings (the article's path and title in each
// event's sources) are stored once and come back as one copy, so that a
// warm build holds them once.
func TestRepeatedStringsAreStoredOnce(t *testing.T) {
	src := events.Source{Article: "content/a.md", Title: "Leaders meet", URL: "https://example.org/a", Published: "2024-05-01", Sentence: "They met."}
	e := &Entry{Events: []events.Event{
		{ID: "a", Type: "meeting", Title: "One", Sources: []events.Source{src}},
		{ID: "b", Type: "meeting", Title: "Two", Sources: []events.Source{src}},
	}}
	var once, twice bytes.Buffer
	encode(&once, &Entry{Events: e.Events[:1]})
	encode(&twice, e)
	// The second event adds its ID, title, sentence's offsets and five
	// references, not the source's strings again.
	if extra := twice.Len() - once.Len(); extra >= len(src.Article)+len(src.Title)+len(src.URL) {
		t.Errorf("the second event added %d bytes: its source's strings were written again", extra)
	}
	got := decodeMust(t, twice.Bytes())
	if !reflect.DeepEqual(got, e) {
		t.Fatalf("got  %+v\nwant %+v", got, e)
	}
	a, b := got.Events[0].Sources[0], got.Events[1].Sources[0]
	if unsafe.StringData(a.Article) != unsafe.StringData(b.Article) || unsafe.StringData(a.URL) != unsafe.StringData(b.URL) ||
		unsafe.StringData(string(got.Events[0].Type)) != unsafe.StringData(string(got.Events[1].Type)) {
		t.Error("a repeated string was decoded into two copies")
	}
	// A reference to a string not yet read is corrupt.
	if _, err := decode([]byte{0, 0, 1, 1<<1 | 1}); err == nil {
		t.Error("a reference past the strings read decoded")
	}
}
