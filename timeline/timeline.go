// Package timeline turns a folder of news articles into a chronology of the
// events they report and publishes it as a static site.
//
// The work flows one way through the packages below it:
//
//	article    reads files: front matter, plain-text headers, text blocks with byte offsets
//	timex      finds temporal expressions and resolves them against the publication date
//	events     finds the events of one article, with actors, dates and evidence
//	chronology merges the events of all articles, orders them and gives them IDs
//	site       renders pages, feeds and assets, and writes the output atomically
//
// This package holds the domain types those packages share and Build,
// which runs the whole path.
package timeline

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/cache"
	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/site"
	"github.com/timelinehq/timeline/timeline/timex"
)

// The domain types, defined where they are made.
type (
	Article   = article.Article
	Event     = events.Event
	EventType = events.Type   // "call", "meeting", ...: a row of events.Descriptors
	Status    = events.Status // occurred or planned
	ActorKind = events.Kind   // person, country or organisation
	Value     = timex.Value   // a TIMEX3 value: an event's date
	Source    = events.Source
)

// AliasFile is the name of the optional alias table in a content folder:
// lines of "Canonical name | kind | alias, alias" that add to the aliases
// that ship with the program.
const AliasFile = "aliases.txt"

// Defaults for Config.
const (
	DefaultContentDir = "content"
	DefaultOutDir     = "public"
	DefaultTitle      = "Timeline"
)

// Config says what to build and where.
type Config struct {
	ContentDir   string // the articles; default "content"
	OutDir       string // the site; default "public"
	BaseURL      string // optional absolute URL the site is published at
	TemplatesDir string // optional folder whose files override the default templates
	Title        string // site title; default "Timeline"
	CacheDir     string // the cache's folder; "" means DefaultCacheDir()
	NoCache      bool   // read and extract every article afresh and keep nothing
	Workers      int    // articles read and extracted at once; 0 means one per core
	Strict       bool   // fail the build, leaving the output as it was, when an article is left out
	FeedLimit    int    // entries in feed.xml, the latest first: 0 means 50, a negative number all
	// Memo, when set, keeps what was read between builds that share it,
	// as a preview's rebuilds do: see Loader.Memo.
	Memo *Memo

	Description string         // one sentence about the site, for the pages' meta description, the feed and the exports
	Language    string         // the pages' language, <html lang>; default "en"
	TimeZone    *time.Location // the zone clock times that carry one are shown in; nil shows them as the text gives them
	Exports     []string       // the optional exports to write (ExportNames): nil means the default (csv), an empty list none

	Warnings io.Writer      // where "path:line: message" warnings go; nil discards them
	Progress func(Progress) // optional: called now and then while the build runs
}

// Progress says how far a build is.
type Progress struct {
	Stage  string // "extract" or "write"
	Done   int    // articles read and extracted, or files written or kept
	Total  int    // articles found, or files planned
	Cached int    // articles whose results came from the cache
}

// Result says what a build made.
type Result struct {
	Articles int      // articles read into the timeline
	LeftOut  []string // the files left out with a warning
	Events   int
	Cached   int // articles whose results came from the cache
	Files    int // files the site has
	Written  int // files written because they were new or changed
	Removed  int // files removed because they no longer belong
	Stages   []Stage
}

// Stage is how long one stage of a build took.
type Stage struct {
	Name string
	Took time.Duration
}

// ExportNames lists the exports that Config.Exports chooses from: "csv"
// (events.csv), "ics" (events.ics) and "timelinejs" (timelinejs.json).
// events.json and feed.xml are always written.
func ExportNames() []string { return site.ExportNames() }

// ErrStrict is what a strict build fails with when articles were left out.
var ErrStrict = errors.New("articles were left out and -strict is set; the output was not changed")

// DefaultCacheDir is where the cache lives unless Config.CacheDir says
// otherwise: "timeline" in the user's cache folder ($XDG_CACHE_HOME or
// ~/.cache on Linux), or in the temporary folder when there is none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "timeline")
}

// Build reads every article under cfg.ContentDir, extracts and merges their
// events and writes the site to cfg.OutDir. An article that cannot be read
// (no publication date, broken front matter, an unreadable file) is
// reported as a warning and left out; broken templates, an unreadable
// content folder or a bad alias table fail the build and leave OutDir as
// it was.
func Build(ctx context.Context, cfg Config) (Result, error) {
	if cfg.ContentDir == "" {
		cfg.ContentDir = DefaultContentDir
	}
	if cfg.OutDir == "" {
		cfg.OutDir = DefaultOutDir
	}
	if cfg.Title == "" {
		cfg.Title = DefaultTitle
	}
	if cfg.Memo != nil {
		cfg.Memo.pruning.Wait() // the last build's cache is tidy before this one reads it
	}
	var res Result
	clock := time.Now()
	stage := func(name string) {
		now := time.Now()
		res.Stages = append(res.Stages, Stage{name, now.Sub(clock)})
		clock = now
	}
	tmpl, err := site.Templates(cfg.TemplatesDir)
	if err != nil {
		return res, err
	}
	l := Loader{Warnings: cfg.Warnings, Workers: cfg.Workers, Memo: cfg.Memo}
	if cfg.Progress != nil {
		l.Progress = func(done, total, cached int) {
			cfg.Progress(Progress{Stage: "extract", Done: done, Total: total, Cached: cached})
		}
	}
	if !cfg.NoCache {
		l.CacheDir = cmp.Or(cfg.CacheDir, DefaultCacheDir())
	}
	corpus, err := l.Load(ctx, cfg.ContentDir)
	if err != nil {
		return res, err
	}
	stage("read and extract")
	res.Articles, res.LeftOut, res.Cached = len(corpus.Articles), corpus.LeftOut, corpus.Cached
	if cfg.Strict && len(corpus.LeftOut) > 0 {
		return res, ErrStrict
	}
	s := site.Site{Title: cfg.Title, BaseURL: cfg.BaseURL, FeedLimit: cfg.FeedLimit,
		Version: programVersion(), LoadArticle: loadArticle(corpus),
		Description: cfg.Description, Language: cfg.Language, TimeZone: cfg.TimeZone, Exports: cfg.Exports}
	if cfg.Memo != nil {
		s.Memo = &cfg.Memo.site
	}
	opt := site.Options{}
	if corpus.cache != nil {
		opt.StateDir = filepath.Join(corpus.cache.ProjectDir(), "output")
		// Curation is checked against the merged events on every build,
		// so that its warnings are never skipped: with curation there is
		// no shortcut.
		if !corpus.curates(cfg.ContentDir) {
			s.Inputs = corpus.inputs()
		}
	}
	if files, events, ok := site.UpToDate(ctx, s, tmpl, cfg.OutDir, opt); ok {
		// Nothing the site is made from changed, and the output is as the
		// last build left it: no merge, no render.
		res.Files, res.Events = files, events
		stage("up to date")
		return res, nil
	}

	evs, curationProblems, err := corpus.Curated(cfg.Warnings, cfg.ContentDir) // see curation.go
	if err != nil {
		return res, err
	}
	if cfg.Strict && curationProblems > 0 {
		return res, ErrCuration
	}
	s.Events, s.Articles = evs, corpus.Articles
	res.Events = len(s.Events)
	stage("merge")

	if cfg.Progress != nil {
		opt.Progress = func(done, total int) {
			cfg.Progress(Progress{Stage: "write", Done: done, Total: total, Cached: corpus.Cached})
		}
	}
	st, err := site.Build(ctx, s, tmpl, cfg.OutDir, opt)
	if err != nil {
		return res, err
	}
	res.Files, res.Written, res.Removed = st.Files, st.Written, st.Removed
	stage("render and write")
	if corpus.cache != nil {
		// The cache keeps what the content holds now; failing to tidy it
		// costs disk, not correctness. A preview tidies it after the
		// reload, and its next build waits.
		prune := func() { corpus.cache.Prune(corpus.sums) }
		if cfg.Memo != nil {
			cfg.Memo.pruning.Go(prune)
		} else {
			prune()
		}
	}
	return res, nil
}

// loadArticle reads an article again in full, for its page. The file
// must still hold the bytes its events were extracted from: a file changed
// since (an editor saving during a serve rebuild) fails this build, and
// the change causes the next one.
func loadArticle(c *Corpus) func(path string) (*Article, error) {
	return func(path string) (*Article, error) {
		data, err := article.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if sum := article.Sum(data); sum != c.sums[path] {
			return nil, fmt.Errorf("%s changed during the build; build again", path)
		}
		return article.Parse(path, data)
	}
}

// Corpus is a set of articles read from disk, with what was extracted
// from each and the alias table that goes with them.
type Corpus struct {
	// Articles are the articles read, in path order: their metadata only
	// (no Blocks, Raw, TitleBlock or Params), so that a large corpus does
	// not stay in memory. article.Read gives the whole article again.
	Articles []*Article
	Aliases  *events.Aliases
	LeftOut  []string // the files left out with a warning
	Cached   int      // articles whose results came from the cache

	events  [][]Event         // the events of each article, as extracted
	memo    *Memo             // the memo it was read with, whose merger Events uses; or nil
	cache   *cache.Cache      // nil without a cache
	sums    map[string]string // the path and content hash of every file read, for the cache
	version string            // the program and alias tables the events were extracted with
}

// inputs is a digest of everything the corpus's articles and events were
// made from: the program, the alias tables, and every file's path and
// bytes (by their hash).
func (c *Corpus) inputs() string {
	h := sha256.New()
	fmt.Fprintf(h, "%d:%s", len(c.version), c.version)
	for _, path := range slices.Sorted(maps.Keys(c.sums)) {
		fmt.Fprintf(h, "%d:%s%d:%s", len(path), path, len(c.sums[path]), c.sums[path])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Loader reads articles and extracts their events, on several cores and
// through the cache.
type Loader struct {
	Warnings io.Writer // where "path:line: message" warnings go; nil discards them
	CacheDir string    // the cache's folder; "" keeps no cache
	Workers  int       // articles read at once; 0 means one per core
	// Progress, when set, is called now and then with the articles done,
	// found, and found in the cache.
	Progress func(done, total, cached int)
	// Memo, when set, keeps each article's result in memory with the
	// file's size and modification time, so that a later Load with the
	// same Memo (a preview's next rebuild) does not even read a file that
	// did not change.
	Memo *Memo
}

// Memo is what Loads sharing it read, by path. Its zero value is empty and
// ready; it is safe for concurrent use.
type Memo struct {
	mu      sync.Mutex
	version string
	files   map[string]memoEntry
	site    site.Memo // what the site made of each event, for the next render

	mergeMu sync.Mutex
	merger  chronology.Merger // each part's last merge (see chronology.Merger)

	packs cache.Scans // the cache's packs as the last build found them

	// The last build's tidying of the cache, which the next build waits
	// for before it reads the cache; it waits for site.Memo's tidying of
	// the output later, after reading and merging.
	pruning sync.WaitGroup
}

type memoEntry struct {
	size  int64
	mtime time.Time
	r     loaded
}

// racyWindow is how recent a modification time must be for the memo not
// to trust it: a file changed twice within the file system's clock tick
// keeps its time, so a file written this recently is read again next time.
const racyWindow = 2 * time.Second

// Wait waits for what the builds sharing m left to do after them: tidying
// the cache, and what site.Memo.Wait says.
func (m *Memo) Wait() {
	m.pruning.Wait()
	m.site.Wait()
}

// start resets the memo when the version changed.
func (m *Memo) start(version string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.version != version || m.files == nil {
		m.version, m.files = version, map[string]memoEntry{}
	}
}

// get returns the memo's result for path if the file still has info's size
// and time.
func (m *Memo) get(path string, info fs.FileInfo) (loaded, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.files[path]
	if !ok || e.size != info.Size() || !e.mtime.Equal(info.ModTime()) {
		return loaded{}, false
	}
	return e.r, true
}

// put keeps r for path, unless its time is too recent to trust.
func (m *Memo) put(path string, info fs.FileInfo, r loaded, now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if now.Sub(info.ModTime()) < racyWindow || r.sum == "" {
		delete(m.files, path)
		return
	}
	m.files[path] = memoEntry{size: info.Size(), mtime: info.ModTime(), r: r}
}

// forget drops the paths not in keep.
func (m *Memo) forget(keep []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	set := make(map[string]bool, len(keep))
	for _, p := range keep {
		set[p] = true
	}
	maps.DeleteFunc(m.files, func(p string, _ memoEntry) bool { return !set[p] })
}

// Load reads the articles at paths with the default Loader: no cache,
// one worker per core.
func Load(ctx context.Context, warnings io.Writer, paths ...string) (*Corpus, error) {
	return Loader{Warnings: warnings}.Load(ctx, paths...)
}

// Load reads the articles at paths: files, or folders searched for .md,
// .markdown and .txt files (skipping hidden ones and the alias file), and
// extracts their events. A folder's aliases.txt extends the default alias
// table. Each article is read on its own: one that cannot be read is
// reported to Warnings as "path:line: message" and left out, and the rest
// go on. Load fails only when a path or folder cannot be read, or an alias
// table is broken.
func (l Loader) Load(ctx context.Context, paths ...string) (*Corpus, error) {
	warnings := l.Warnings
	if warnings == nil {
		warnings = io.Discard
	}
	c := &Corpus{Aliases: events.DefaultAliases(), sums: map[string]string{}, memo: l.Memo}
	var files, dirs []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file or folder", p)
		}
		if err != nil {
			return nil, err // *PathError names the path
		}
		if !info.IsDir() {
			files = append(files, p)
			dirs = append(dirs, filepath.Dir(p))
			continue
		}
		found, err := articleFiles(p)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
		dirs = append(dirs, p)
	}
	// The alias table of each folder named, or holding a file named; their
	// bytes are part of the cache's version, since they change what is
	// extracted.
	version := sha256.New()
	io.WriteString(version, programVersion())
	for _, dir := range uniqueClean(dirs) {
		data, err := readAliases(filepath.Join(dir, AliasFile))
		if err != nil {
			return nil, err
		}
		if data == nil {
			continue
		}
		al, err := events.ParseAliases(bytes.NewReader(data), filepath.Join(dir, AliasFile))
		if err != nil {
			return nil, err
		}
		c.Aliases = c.Aliases.With(al)
		fmt.Fprintf(version, "\x00%s\x00%d\x00", filepath.Clean(dir), len(data))
		version.Write(data)
	}
	if l.CacheDir != "" && len(dirs) > 0 {
		var scans *cache.Scans
		if l.Memo != nil {
			scans = &l.Memo.packs
		}
		cc, err := scans.Open(l.CacheDir, uniqueClean(dirs)[0], string(version.Sum(nil)))
		if err != nil {
			fmt.Fprintf(warnings, "%v; building without it\n", err)
		} else {
			c.cache = cc
		}
	}
	files = uniqueClean(files) // a file given with its folder is read once
	c.version = string(version.Sum(nil))
	if l.Memo != nil {
		l.Memo.start(string(version.Sum(nil)))
		l.Memo.forget(files)
	}

	results := make([]loaded, len(files))
	workers := cmp.Or(l.Workers, runtime.GOMAXPROCS(0))
	var next, done, cached atomic.Int64
	var wg sync.WaitGroup
	x := events.Extractor{Aliases: c.Aliases}
	for range min(workers, len(files)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				results[i] = l.loadMemo(x, c.cache, files[i])
				if results[i].cached {
					cached.Add(1)
				}
				if n := done.Add(1); l.Progress != nil && (n%32 == 0 || int(n) == len(files)) {
					l.Progress(int(n), len(files), int(cached.Load()))
				}
			}
		})
	}
	wg.Wait()
	if c.cache != nil {
		c.cache.Close() // what it wrote is on disk; Prune needs no open file
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, r := range results {
		if r.sum != "" {
			c.sums[files[i]] = r.sum
		}
		if r.err != nil {
			fmt.Fprintln(warnings, r.err)
			c.LeftOut = append(c.LeftOut, files[i])
			continue
		}
		if r.cached {
			c.Cached++
		}
		c.Articles = append(c.Articles, r.article)
		c.events = append(c.events, r.events)
	}
	return c, nil
}

// loaded is what reading and extracting one file gave.
type loaded struct {
	article *Article // metadata only
	events  []Event
	sum     string // the content hash, "" when the file could not be read
	cached  bool
	err     error // why the file is left out
}

// loadMemo is loadOne through the memo, when there is one.
func (l Loader) loadMemo(x events.Extractor, cc *cache.Cache, path string) loaded {
	if l.Memo == nil {
		return loadOne(x, cc, path)
	}
	info, err := os.Stat(path)
	if err != nil {
		return loadOne(x, cc, path) // which says what is wrong
	}
	if r, ok := l.Memo.get(path, info); ok {
		r.cached = true
		return r
	}
	r := loadOne(x, cc, path)
	l.Memo.put(path, info, r, time.Now())
	return r
}

// loadOne reads the file at path and extracts its events, through the
// cache when there is one. Its result depends only on the file's path and
// bytes, the alias table and the program. A panic in reading or
// extraction costs only this file.
func loadOne(x events.Extractor, cc *cache.Cache, path string) (r loaded) {
	data, err := article.ReadFile(path)
	if err != nil {
		return loaded{err: err}
	}
	r.sum = article.Sum(data)
	if cc != nil {
		if e, ok := cc.Get(path, r.sum); ok {
			r.cached = true
			if e.Problem != nil {
				r.err = e.Problem
				return r
			}
			r.article, r.events = e.Article, e.Events
			return r
		}
	}
	defer func() {
		if p := recover(); p != nil {
			r = loaded{sum: r.sum, err: fmt.Errorf("%s: internal error while reading this article (please report it): %v", path, p)}
		}
	}()
	a, err := article.Parse(path, data)
	var aerr *article.Error
	if err != nil {
		r.err = err
		if errors.As(err, &aerr) && cc != nil {
			cc.Put(path, r.sum, &cache.Entry{Problem: aerr}) // a failed Put is a miss next time
		}
		return r
	}
	r.events = x.Extract(a)
	r.article = metadata(a)
	if cc != nil {
		cc.Put(path, r.sum, &cache.Entry{Article: r.article, Events: r.events})
	}
	return r
}

// metadata is a copy of a without its text, which a large corpus must not
// keep in memory.
func metadata(a *Article) *Article {
	m := *a
	m.Raw, m.Blocks, m.Params, m.TitleBlock = nil, nil, nil, article.Block{}
	return &m
}

// Events merges the events of every article into one ordered chronology
// with IDs. Draft articles are left out.
func (c *Corpus) Events() []Event {
	var lists [][]Event
	for i, a := range c.Articles {
		if !a.Draft {
			lists = append(lists, c.events[i])
		}
	}
	if m := c.memo; m != nil {
		// A memo's articles that did not change keep their events, so
		// the merger finds the parts it need not merge again.
		m.mergeMu.Lock()
		defer m.mergeMu.Unlock()
		return m.merger.Merge(lists...)
	}
	return chronology.Merge(lists...)
}

// programVersion says which program made a cache entry: a digest of the
// running executable, so that any change to the program starts a new
// cache. A variable so that tests can stand for a new version.
var programVersion = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err = io.Copy(h, f); err == nil {
				return fmt.Sprintf("exe %x", h.Sum(nil))
			}
		}
	}
	// Without the executable, a version that no other run shares: the
	// cache is written but never read.
	return fmt.Sprintf("unknown %d %d", os.Getpid(), time.Now().UnixNano())
})

// articleFiles lists the article files under dir in a stable order.
func articleFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || name == AliasFile || strings.HasPrefix(strings.ToUpper(name), "README") {
			return nil
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".md", ".markdown", ".txt":
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	sort.Strings(files)
	return files, nil
}

// uniqueClean returns the cleaned paths without repeats, in order.
func uniqueClean(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		if c := filepath.Clean(p); !seen[c] {
			seen[c] = true
			out = append(out, p)
		}
	}
	return out
}

// readAliases reads the alias file at path; nil when there is none.
func readAliases(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}
