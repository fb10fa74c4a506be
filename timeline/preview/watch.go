package preview

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Defaults for Options.
const (
	DefaultQuiet   = 50 * time.Millisecond
	DefaultMaxWait = 5 * time.Second
)

// Options say what a Watcher watches and how.
type Options struct {
	Dirs  []string // folders watched recursively, with the folders made in them later
	Files []string // single files, such as timeline.toml, watched through their folder
	Skip  []string // folders never watched, such as the output and cache folders

	// Poll, when positive, scans the folders this often instead of asking
	// the system for events: for network shares and containers' mounted
	// folders, which send none.
	Poll time.Duration

	// Quiet is how long the events must stop before a Change is sent, so
	// that a burst (a git checkout, an editor's save in three steps)
	// becomes one Change. Default DefaultQuiet. A storm of more than
	// stormPaths paths waits stormFactor times as long, since the stalls
	// of a busy machine within a checkout are longer than an editor's.
	// In poll mode a Change is sent after a scan that found nothing new
	// and the quiet time after the last change.
	Quiet time.Duration
	// MaxWait bounds how long a Change waits for quiet while events keep
	// coming. Default DefaultMaxWait.
	MaxWait time.Duration

	// OnError receives what goes wrong after Watch returned, such as a
	// folder that cannot be watched. Default: dropped.
	OnError func(error)
}

// A Change is a batch of paths that changed.
type Change struct {
	Paths  []string // absolute, sorted; files and folders, created, written, removed or renamed
	Rescan bool     // events were lost (the system's queue overflowed): anything may have changed
}

// A Watcher watches folders for changes and sends them in batches on C.
// A batch waits until C's reader takes it, and the changes made meanwhile
// join it, so a reader that rebuilds after each Change rebuilds once more
// after any number of changes made during a rebuild.
//
// With fsnotify a Watcher holds one watch per folder and no open file per
// file; in poll mode it holds nothing open between scans.
type Watcher struct {
	C <-chan Change

	c       chan Change
	opt     Options
	trees   []string        // Dirs, absolute
	files   map[string]bool // Files, absolute
	skip    []string        // Skip, absolute
	done    chan struct{}
	wg      sync.WaitGroup
	closing sync.Once

	fsw     *fsnotify.Watcher
	watched map[string]bool // folders watched: true for folders of a tree, false for a file's folder only
	fault   <-chan error    // tests send fsnotify errors here

	snap map[string]fileState // poll mode: the last scan
}

// Watch starts watching. When it returns without error every folder is
// watched, so a change made after it returns is seen.
func Watch(opt Options) (*Watcher, error) { return watch(opt, nil) }

func watch(opt Options, fault <-chan error) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = DefaultQuiet
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = DefaultMaxWait
	}
	c := make(chan Change)
	w := &Watcher{C: c, c: c, opt: opt, files: map[string]bool{}, done: make(chan struct{}),
		watched: map[string]bool{}, fault: fault}
	for _, d := range opt.Dirs {
		abs, err := absolute(d)
		if err != nil {
			return nil, err
		}
		info, err := os.Stat(abs)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("watch %s: no such folder", d)
		}
		if err != nil {
			return nil, fmt.Errorf("watch %s: %w", d, err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("watch %s: not a folder", d)
		}
		w.trees = append(w.trees, abs)
	}
	for _, f := range opt.Files {
		abs, err := absolute(f)
		if err != nil {
			return nil, err
		}
		w.files[abs] = true
	}
	for _, s := range opt.Skip {
		abs, err := absolute(s)
		if err != nil {
			return nil, err
		}
		w.skip = append(w.skip, abs)
	}

	if opt.Poll > 0 {
		w.snap = w.scan()
		w.wg.Add(1)
		go w.runPoll()
		return w, nil
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", watchHint(err))
	}
	w.fsw = fsw
	for _, t := range w.trees {
		if err := w.addTree(t, nil); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	for f := range w.files {
		if err := w.addFileDir(f); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	w.wg.Add(1)
	go w.runNotify()
	return w, nil
}

// Close stops the watcher, waits for its goroutine and closes C.
func (w *Watcher) Close() error {
	var err error
	w.closing.Do(func() {
		close(w.done)
		if w.fsw != nil {
			err = w.fsw.Close()
		}
		w.wg.Wait()
		close(w.c)
	})
	return err
}

func absolute(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("watch %s: %w", path, err)
	}
	return abs, nil
}

// within reports whether path is dir or lies under it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}

// relevant reports whether a change at path (absolute, clean) matters: a
// watched file, or a name under a tree that is not ignored, not hidden
// and not in a skipped folder.
func (w *Watcher) relevant(path string) bool {
	if w.files[path] {
		return true
	}
	for _, s := range w.skip {
		if within(path, s) {
			return false
		}
	}
	for _, t := range w.trees {
		if !within(path, t) {
			continue
		}
		rel := strings.TrimPrefix(path[len(t):], string(filepath.Separator))
		if rel == "" {
			return true
		}
		ok := true
		for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
			if Ignored(part) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// A storm is a batch of more than stormPaths paths; it waits stormFactor
// times Quiet for quiet.
const (
	stormPaths  = 20
	stormFactor = 4
)

// quiet returns how long b must see no change before it is sent.
func (w *Watcher) quiet(b *batch) time.Duration {
	if len(b.pending) > stormPaths {
		return stormFactor * w.opt.Quiet
	}
	return w.opt.Quiet
}

// batch gathers changes until they are quiet (pending), then holds them
// until the reader takes them (ready); changes made meanwhile join ready
// at the next flush.
type batch struct {
	pending map[string]bool
	rescan  bool
	first   time.Time // when pending became non-empty
	last    time.Time // when the last change joined pending
	ready   *Change
}

func (b *batch) add(path string) {
	if b.pending == nil {
		b.pending = map[string]bool{}
		b.first = time.Now()
	}
	b.pending[path] = true
	b.last = time.Now()
}

func (b *batch) lost() {
	if b.pending == nil {
		b.pending = map[string]bool{}
		b.first = time.Now()
	}
	b.rescan = true
}

func (b *batch) waiting() bool { return b.pending != nil }

func (b *batch) flush() {
	if b.pending == nil {
		return
	}
	if b.ready == nil {
		b.ready = &Change{}
	}
	for p := range b.pending {
		b.ready.Paths = append(b.ready.Paths, p)
	}
	slices.Sort(b.ready.Paths)
	b.ready.Paths = slices.Compact(b.ready.Paths)
	b.ready.Rescan = b.ready.Rescan || b.rescan
	b.pending, b.rescan = nil, false
}

// out returns c when a Change is ready to send, and nil (a case that is
// never chosen) when not.
func (b *batch) out(c chan Change) chan Change {
	if b.ready == nil {
		return nil
	}
	return c
}

func (b *batch) change() Change {
	if b.ready == nil {
		return Change{}
	}
	return *b.ready
}

// runNotify turns fsnotify's events into Changes.
func (w *Watcher) runNotify() {
	defer w.wg.Done()
	var b batch
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	wait := func() {
		d := min(w.quiet(&b), w.opt.MaxWait-time.Since(b.first))
		timer.Reset(max(d, 0))
	}
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if w.handle(ev, &b) {
				wait()
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.fail(err, &b)
			wait()
		case err := <-w.fault:
			w.fail(err, &b)
			wait()
		case <-timer.C:
			b.flush()
		case b.out(w.c) <- b.change():
			b.ready = nil
		}
	}
}

// handle records one event and reports whether it mattered.
func (w *Watcher) handle(ev fsnotify.Event, b *batch) bool {
	if ev.Op == fsnotify.Chmod {
		return false // attributes only: touch, backup tools, virus scanners
	}
	path := filepath.Clean(ev.Name)
	if !w.relevant(path) {
		return false
	}
	b.add(path)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.unwatch(path) // a folder moved out keeps its watch and would report from elsewhere
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(path); err == nil && info.IsDir() {
			// A new folder, or one moved in: watch it and what it already
			// holds, which was made before the watch and sent no events.
			if err := w.addTree(path, b); err != nil {
				w.report(err)
			}
		}
	}
	return true
}

// fail handles an error from fsnotify: after an overflow the events lost
// may have made folders, so the trees are walked again.
func (w *Watcher) fail(err error, b *batch) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		w.report(fmt.Errorf("watch: %w", err))
		return
	}
	b.lost()
	for d := range w.watched {
		if _, err := os.Lstat(d); err != nil {
			w.unwatch(d)
		}
	}
	for _, t := range w.trees {
		if err := w.addTree(t, nil); err != nil {
			w.report(err)
		}
	}
}

func (w *Watcher) report(err error) {
	if w.opt.OnError != nil {
		w.opt.OnError(err)
	}
}

// addTree watches dir and the folders under it that matter. With b, the
// files already there are added to it as changed.
func (w *Watcher) addTree(dir string, b *batch) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("watch %w", err)
			}
			return nil // gone already, or unreadable: its removal is an event of its own
		}
		if path != dir && !w.relevant(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if b != nil {
				b.add(path)
			}
			return nil
		}
		if b != nil && path != dir {
			b.add(path)
		}
		if err := w.fsw.Add(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return fmt.Errorf("watch %s: %w", path, watchHint(err))
		}
		w.watched[path] = true
		return nil
	})
}

// addFileDir watches the folder of the single file f, unless a tree
// watches it already.
func (w *Watcher) addFileDir(f string) error {
	dir := filepath.Dir(f)
	if _, ok := w.watched[dir]; ok {
		return nil
	}
	if err := w.fsw.Add(dir); err != nil {
		return fmt.Errorf("watch %s: %w", dir, watchHint(err))
	}
	w.watched[dir] = false
	return nil
}

// unwatch drops the watches of path and the folders under it.
func (w *Watcher) unwatch(path string) {
	for d, tree := range w.watched {
		if tree && within(d, path) {
			w.fsw.Remove(d) // fails for a folder already deleted, whose watch went with it
			delete(w.watched, d)
		}
	}
}

// watchHint explains the errors a user can do something about.
func watchHint(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%w: the system's limit of watched folders is reached; raise fs.inotify.max_user_watches or use -poll", err)
	case errors.Is(err, syscall.EMFILE):
		return fmt.Errorf("%w: the system's limit of inotify instances is reached; raise fs.inotify.max_user_instances or use -poll", err)
	}
	return err
}
