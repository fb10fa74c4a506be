// Package cache keeps what reading and extracting each article gave, on
// disk between builds, so that a rebuild reads and extracts only the
// articles that changed.
//
// An entry is keyed by the article's path and the SHA-256 of its bytes,
// inside a folder for one content folder and one version: a digest of the
// program, the alias table and the configuration, which the caller makes.
// A new version starts an empty folder, and Prune removes the old ones.
// Each entry is one file, written to a temporary name and renamed into
// place, so concurrent builds never see half an entry; every entry carries
// its version, key and a checksum, and one that does not check out is a
// miss, never trusted. The whole folder is safe to delete at any time.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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
type Cache struct {
	dir     string // root/project/version
	version [32]byte
}

// Open returns the cache under root for the content folder project and
// version, making its folder.
func Open(root, project, version string) (*Cache, error) {
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

// key is the entry key of the article at path whose bytes have sum.
func key(path, sum string) [32]byte {
	return sha256.Sum256([]byte(path + "\x00" + sum))
}

func (c *Cache) file(k [32]byte) string {
	name := hex.EncodeToString(k[:])
	return filepath.Join(c.dir, name[:2], name)
}

// The file layout: magic, version, key, payload, SHA-256 of all before it.
const magic = "timeline-cache-1\n"

// Get returns the entry of the article at path with bytes of sum, if the
// cache has a sound one.
func (c *Cache) Get(path, sum string) (*Entry, bool) {
	k := key(path, sum)
	data, err := os.ReadFile(c.file(k))
	if err != nil {
		return nil, false
	}
	head := len(magic) + 64
	if len(data) < head+32 || string(data[:len(magic)]) != magic ||
		!bytes.Equal(data[len(magic):len(magic)+32], c.version[:]) ||
		!bytes.Equal(data[len(magic)+32:head], k[:]) {
		return nil, false
	}
	body, check := data[:len(data)-32], data[len(data)-32:]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], check) {
		return nil, false
	}
	e, err := decode(body[head:])
	if err != nil {
		return nil, false
	}
	return e, true
}

// Put stores the entry of the article at path with bytes of sum.
func (c *Cache) Put(path, sum string, e *Entry) error {
	k := key(path, sum)
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(c.version[:])
	b.Write(k[:])
	encode(&b, e)
	check := sha256.Sum256(b.Bytes())
	b.Write(check[:])

	name := c.file(k)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	_, err = tmp.Write(b.Bytes())
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// Prune removes the entries of this version that are not for one of the
// articles in used (path to sum), and the folders of other versions of
// this content folder. A build calls it after it succeeded, so that the
// cache holds what the content holds now.
func (c *Cache) Prune(used map[string]string) error {
	keep := make(map[string]bool, len(used))
	for path, sum := range used {
		k := key(path, sum)
		keep[hex.EncodeToString(k[:])] = true
	}
	var errs []error
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || keep[d.Name()] {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			return nil // another build's entry on its way in
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
		return nil
	})
	errs = append(errs, err)
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
