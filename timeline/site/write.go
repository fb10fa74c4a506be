package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Marker is the file every output folder holds. Build replaces an existing
// non-empty folder only when it has this file, so that a mistyped -out can
// never wipe a folder that timeline did not write.
const Marker = ".timeline-output"

// checkOutDir refuses output folders that Build must not replace.
func checkOutDir(outDir string) error {
	if strings.TrimSpace(outDir) == "" {
		return errors.New("output folder is empty: give a folder such as public")
	}
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", outDir, err)
	}
	if filepath.Dir(abs) == abs {
		return fmt.Errorf("output folder %s is the root of the file system: give a folder of its own, such as public", outDir)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(abs, wd); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s is the current folder or holds it: give a folder of its own, such as public", outDir)
		}
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && filepath.Clean(home) == abs {
		return fmt.Errorf("output folder %s is the home folder: give a folder of its own, such as public", outDir)
	}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output folder: %w", err)
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("output folder %s is a symbolic link: give the folder it points to", outDir)
	case !info.IsDir():
		return fmt.Errorf("output folder %s is a file, not a folder: remove it or choose another folder", outDir)
	}
	if _, err := os.Stat(filepath.Join(abs, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("output folder %s is not empty and was not written by timeline (it has no %s file): "+
			"choose another folder, or empty it if everything in it may be deleted", outDir, Marker)
	}
	return nil
}

// tempPrefix is the start of the name of the folder a build of the output
// folder base writes into, beside it; os.MkdirTemp adds digits, and the
// previous output moves aside under that name with ".old" added.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// journalName is the file in a staging folder that says its files are
// ready to move into the output: it is the commit point of a build that
// updates the output in place.
const journalName = ".timeline-commit"

// journalEnd is a journal's last line: a journal without it was cut short.
const journalEnd = ".\n"

// errCutShort is replay's error for a journal without its end line.
var errCutShort = errors.New("the journal was cut short")

// Options says how Build writes.
type Options struct {
	// StateDir is a folder where the writer keeps what it knows of the
	// output between builds (a manifest of files, their keys, sizes and
	// times), so that unchanged pages need not be rendered again; "" keeps
	// nothing, and every file is rendered and compared with the disk.
	StateDir string
	// Progress, when set, is called now and then with the files done so
	// far and the files planned so far.
	Progress func(done, total int)

	// later, when set, takes what a successful build leaves to do after
	// it, to run after Build returns: removing its staging folder, with
	// the old bytes of the files it replaced, and saving the manifest and
	// the build's record. nil does them before. See Memo.Wait.
	later func(task func())
	// output, when set, keeps the state a build left in the output folder
	// for the next build through it to take: see outputMemo.
	output *outputMemo
	// saved, when set, is called after a successful build saved the
	// manifest of the output folder abs, with its bytes, or nil.
	saved func(abs string, manifest []byte)
}

// Stats says what a build did to the output folder.
type Stats struct {
	Files   int // files the site has
	Written int // files written because they are new or their bytes changed
	Removed int // files removed because they no longer belong
}

// Key says what a file is made from: two renders with equal keys give
// equal bytes. Render computes a page's key from the template set and
// everything the page shows; other files are keyed by their bytes.
type Key [32]byte

// writeAtomic calls fill with a writer for the output folder outDir and
// then makes the files fill wrote the whole content of outDir, writing
// only those whose bytes changed and removing those that no longer belong.
// Either way, a build that fails or is killed never leaves a mix of old
// and new files:
//
//   - With no previous output, the site is written into a new folder
//     beside outDir, which is renamed into place when everything succeeded.
//   - Over a previous output, changed files are written into a staging
//     folder beside outDir. When everything succeeded, a journal listing
//     the files to move in and remove is written to the staging folder
//     with one rename (the commit point), then the moves are done. A build
//     killed before the commit leaves outDir as it was; one killed after
//     it is finished by the next build, before anything else.
//
// First it finishes or removes what killed builds of outDir left beside it.
func writeAtomic(ctx context.Context, outDir string, opt Options, fill func(w *writer) error) (st Stats, err error) {
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return st, fmt.Errorf("output folder %s: %w", outDir, err)
	}
	parent, base := filepath.Split(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	if err := recoverStale(parent, base, abs); err != nil {
		return st, err
	}
	inPlace := false
	if _, err := os.Lstat(filepath.Join(abs, Marker)); err == nil {
		inPlace = true
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base))
	if err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	var w *writer
	defer func() {
		if w != nil && w.listed != nil {
			w.listed() // no walk outlives the build
		}
		if err != nil && (w == nil || !w.committed) {
			removeOutput(tmp)
		}
		if err != nil {
			opt.output.record("", nil) // the next build lists the folder
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	w = &writer{dir: tmp, made: map[string]bool{".": true}, written: map[string]bool{}, progress: opt.Progress, later: opt.later}
	if w.later == nil {
		w.later = func(task func()) { task() }
	}
	if inPlace {
		w.out = abs
		if files, l, ok := opt.output.take(abs); ok {
			w.old, w.listed = files, func() *listing { return l }
		} else {
			w.startListing()
			w.old = loadManifest(opt.StateDir, abs)
		}
	}
	w.now = map[string]fileState{}
	// The marker comes first, so that a later build knows a folder that a
	// killed build left behind for its own. In place, the output's marker
	// stays as it is, and the staging folder gets one of its own.
	if err := w.writeRaw(Marker, []byte(markerText)); err != nil {
		return st, err
	}
	if inPlace {
		w.written[Marker] = true
		delete(w.changed, Marker)
		// The output keeps its own marker: record that one.
		if info, err := os.Lstat(filepath.Join(abs, Marker)); err == nil {
			st := w.now[Marker]
			st.size, st.mtime = info.Size(), info.ModTime().UnixNano()
			w.now[Marker] = st
		}
	}
	if err := fill(w); err != nil {
		return st, err
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	st.Files = len(w.written)
	if inPlace {
		st, err = w.commit(st)
		if err != nil {
			return st, err
		}
	} else if err := swapIn(tmp, abs); err != nil {
		return st, err
	} else {
		st.Written = st.Files
	}
	opt.output.record(abs, w.now)
	w.later(func() {
		m := saveManifest(opt.StateDir, abs, w.now)
		if opt.saved != nil {
			opt.saved(abs, m)
		}
	})
	return st, nil
}

const markerText = "This folder is written by timeline build; each build writes the files that changed and removes those that no longer belong.\n"

// swapIn renames the new output tmp into abs, moving a previous output
// aside first and removing it after.
func swapIn(tmp, abs string) error {
	old := tmp + ".old"
	hadOld := true
	if err := os.Rename(abs, old); errors.Is(err, fs.ErrNotExist) {
		hadOld = false
	} else if err != nil {
		return fmt.Errorf("output folder: move the previous output aside: %w", err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		// Put the previous output back, or say where it is: never delete it.
		if hadOld {
			if err2 := os.Rename(old, abs); err2 != nil {
				return fmt.Errorf("output folder: %w (the previous output is in %s)", err, old)
			}
		}
		return fmt.Errorf("output folder: %w", err)
	}
	if hadOld {
		// The new output is in place: the build succeeded even if the
		// previous one cannot be removed now. The next build tries again.
		removePrevious(old)
	}
	return nil
}

// commit makes the staged files part of the output folder w.out and
// removes the output's files that this build did not make.
func (w *writer) commit(st Stats) (Stats, error) {
	l := w.listed()
	if l.err != nil {
		return st, fmt.Errorf("output folder: %w", l.err)
	}
	var removed []string
	for name := range l.files {
		if !w.written[name] {
			removed = append(removed, name)
		}
	}
	sort.Strings(removed)
	changed := make([]string, 0, len(w.changed))
	for name := range w.changed {
		changed = append(changed, name)
	}
	sort.Strings(changed)
	st.Written, st.Removed = len(changed), len(removed)
	if len(changed) == 0 && len(removed) == 0 {
		removeStaging(w.dir)
		return st, nil
	}
	var j bytes.Buffer
	fmt.Fprintf(&j, "%s\n", filepath.Base(w.out))
	for _, name := range changed {
		fmt.Fprintf(&j, "W %s\n", name)
	}
	for _, name := range removed {
		fmt.Fprintf(&j, "R %s\n", name)
	}
	j.WriteString(journalEnd)
	// Not synced to disk: the rename makes it whole against a kill, and a
	// power cut could as well lose the staged files, which are not synced
	// either (a sync costs 40 ms on this project's machines). A journal
	// cut short has no end line, and the next build mends the output.
	if err := os.WriteFile(filepath.Join(w.dir, journalName+".tmp"), j.Bytes(), 0o644); err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	if err := os.Rename(filepath.Join(w.dir, journalName+".tmp"), filepath.Join(w.dir, journalName)); err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	// Committed: from here on the build has succeeded, and what is not
	// done now the next build does.
	w.committed = true
	if err := replayJournal(w.dir, w.out); err != nil {
		return st, err
	}
	w.later(func() { removeStaging(w.dir) })
	// The renames kept each file's time; note the times as they are now.
	for _, name := range changed {
		if info, err := os.Lstat(filepath.Join(w.out, filepath.FromSlash(name))); err == nil {
			state := w.now[name]
			state.size, state.mtime = info.Size(), info.ModTime().UnixNano()
			w.now[name] = state
		}
	}
	return st, nil
}

// replay carries out the journal of the staging folder dir on the output
// folder out: moves its files in and removes the files it lists; the
// caller removes dir. It can run again after being killed half way. It
// returns errCutShort, having done nothing, for a journal without its end
// line, which only a crash of the machine leaves (see commit).
//
// A large file it replaces keeps a name in dir (see replacedPrefix), so
// that the move drops a name and not the file: ext4 frees a file's blocks
// when its last name goes, 40 ms for the 76 MB events.json of 10,000
// articles, and a preview removes dir after the reload (Options.later).
func replay(dir, out string) error {
	ops, err := readJournal(dir, out)
	if err != nil {
		return err
	}
	dirs := map[string]bool{}
	for i, l := range ops {
		op, name := l[0], l[1]
		dst := filepath.Join(out, filepath.FromSlash(name))
		switch op {
		case "W":
			src := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				// A file stands where a folder must be: it is one of ours
				// that this build removes, so remove it now.
				if !clearPath(out, filepath.Dir(dst)) {
					return fmt.Errorf("output folder: %w", err)
				}
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					return fmt.Errorf("output folder: %w", err)
				}
			}
			if info, err := os.Lstat(dst); err == nil && info.IsDir() {
				os.RemoveAll(dst) // a folder stands where a file must be
			} else if err == nil && info.Mode().IsRegular() && info.Size() >= keepAside {
				// Without a link (a file system without them, or one made by
				// an earlier replay) the move frees the blocks itself.
				os.Link(dst, filepath.Join(dir, replacedPrefix+strconv.Itoa(i)))
			}
			if err := os.Rename(src, dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("output folder: %w", err)
			}
		case "R":
			if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("output folder: %w", err)
			}
			dirs[filepath.Dir(dst)] = true
		}
	}
	// Folders that removals emptied go too, deepest first.
	var empty []string
	for d := range dirs {
		for ; d != out && strings.HasPrefix(d, out+string(filepath.Separator)); d = filepath.Dir(d) {
			empty = append(empty, d)
		}
	}
	sort.Slice(empty, func(i, j int) bool { return len(empty[i]) > len(empty[j]) })
	for _, d := range empty {
		os.Remove(d) // fails, as it should, when the folder is not empty
	}
	return nil
}

// readJournal reads the journal of the staging folder dir, for the output
// folder out, as its lines' verbs and names; every line is checked before
// replay acts on one.
func readJournal(dir, out string) ([][2]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, journalName))
	if err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	text, whole := strings.CutSuffix(string(data), "\n"+journalEnd)
	if !whole {
		return nil, errCutShort
	}
	lines := strings.Split(text, "\n")
	if lines[0] != filepath.Base(out) {
		return nil, fmt.Errorf("output folder: %s is not a journal of %s", dir, out)
	}
	ops := make([][2]string, 0, len(lines)-1)
	for _, line := range lines[1:] {
		op, name, ok := strings.Cut(line, " ")
		if !ok || !fs.ValidPath(name) || name == "." || op != "W" && op != "R" {
			return nil, fmt.Errorf("output folder: %s: bad journal line %q", dir, line)
		}
		ops = append(ops, [2]string{op, name})
	}
	return ops, nil
}

// A file replaced by a move of replay keeps a name replacedPrefix and a
// number in the staging folder when it has keepAside bytes or more.
const (
	replacedPrefix = ".replaced-"
	keepAside      = 1 << 20
)

// clearPath removes the first regular file on the way from out down to
// dir, reporting whether there was one.
func clearPath(out, dir string) bool {
	rel, err := filepath.Rel(out, dir)
	if err != nil {
		return false
	}
	p := out
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if err != nil {
			return false
		}
		if !info.IsDir() {
			return os.Remove(p) == nil
		}
	}
	return false
}

// removePrevious removes the previous output after a build, removeStaging
// a staging folder, and replayJournal carries out a committed journal;
// tests replace them.
var (
	removePrevious = removeOutput
	removeStaging  = removeOutput
	replayJournal  = replay
)

// recoverStale deals, in the folder parent, with the folders that builds
// of the output folder base (at abs) left when they were killed: folders
// named as writeAtomic names them. One with a journal was committed, and
// its moves are finished; one that holds the Marker or nothing is removed.
// Failing to remove one does not fail the build; failing to finish a
// committed one does, since the output would be a mix.
func recoverStale(parent, base, abs string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue // os.ReadDir does not follow symbolic links
		}
		rest = strings.TrimSuffix(rest, ".old")
		if rest == "" || strings.Trim(rest, "0123456789") != "" {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if _, err := os.Lstat(filepath.Join(dir, journalName)); err == nil {
			// A journal cut short by a crash may have been half done:
			// the output's files then differ from the manifest in size
			// or time, and this build writes them again.
			if err := replay(dir, abs); err != nil && !errors.Is(err, errCutShort) {
				return fmt.Errorf("finish the build that was stopped after it committed: %w", err)
			}
			removeStaging(dir)
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, Marker)); err != nil {
			if inside, err := os.ReadDir(dir); err != nil || len(inside) > 0 {
				continue // not ours to remove
			}
		}
		removeOutput(dir)
	}
	return nil
}

// removeOutput removes the output folder dir, its Marker last, so that a
// removal that fails half way leaves a folder a later build still knows
// for one of its own.
func removeOutput(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		if e.Name() == Marker {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return os.RemoveAll(dir)
}

// fileState is what the writer knows of one output file: what it was made
// from, and its size and modification time when it was written, which say
// whether anyone touched it since.
type fileState struct {
	key   Key
	size  int64
	mtime int64 // Unix nanoseconds
}

// writer writes the files of one build. Without an output to update (out
// is "") every file goes into dir; over a previous output, only files
// whose bytes changed go into dir, the staging folder.
// It is safe for concurrent use.
type writer struct {
	dir      string // where files are written: the new output, or the staging folder
	out      string // the output folder updated in place, or ""
	old      map[string]fileState
	progress func(done, total int)
	later    func(task func()) // Options.later, or one that runs the task at once

	mu      sync.Mutex
	made    map[string]bool      // folders made in dir so far, slash-separated and relative
	written map[string]bool      // files of this build so far, written or kept
	changed map[string]bool      // files staged because they are new or differ
	now     map[string]fileState // what the output will hold
	total   int                  // files planned

	committed bool // the journal is written: the staging folder must stay until replayed

	// listed lists the output folder's files while the build makes its
	// views and renders, for keep to check them and for commit to find
	// the ones that no longer belong; nil when the output is not updated
	// in place. It waits for the walk the first time.
	listed func() *listing
}

// listing is the output folder's files, by slash-separated relative name.
type listing struct {
	files map[string]fileStat
	err   error
}

// fileStat is what keep checks of a file in the output.
type fileStat struct {
	size, mtime int64
	regular     bool
}

// startListing starts listing the files of the output folder.
func (w *writer) startListing() {
	c := make(chan *listing, 1)
	w.listed = sync.OnceValue(func() *listing { return <-c })
	go func() {
		l := &listing{files: map[string]fileStat{}}
		l.err = filepath.WalkDir(w.out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(w.out, p)
			if err != nil {
				return err
			}
			info, err := d.Info()
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed since the folder was read: nothing to keep or remove
			}
			if err != nil {
				return err
			}
			l.files[filepath.ToSlash(rel)] = fileStat{size: info.Size(), mtime: info.ModTime().UnixNano(), regular: info.Mode().IsRegular()}
			return nil
		})
		c <- l
	}()
}

// plan adds n to the files the build expects to make, for progress.
func (w *writer) plan(n int) {
	w.mu.Lock()
	w.total += n
	w.mu.Unlock()
}

// has reports whether name was written.
func (w *writer) has(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written[name]
}

// keep reports whether the file name in the output was made from key by
// an earlier build and is untouched since; then it stays as it is, counts
// as part of this build, and need not be rendered.
func (w *writer) keep(name string, key Key) bool {
	if w.out == "" {
		return false
	}
	old, ok := w.old[name]
	if !ok || old.key != key {
		return false
	}
	// The listing's stat of the file, taken while the views were made,
	// saves a system call a page.
	l := w.listed()
	if f, ok := l.files[name]; l.err != nil || !ok || !f.regular || f.size != old.size || f.mtime != old.mtime {
		return false
	}
	w.done(name, old, false)
	return true
}

// write writes data to the slash-separated path name; its key is its bytes.
func (w *writer) write(name string, data []byte) error {
	return w.writeKeyed(name, sha256.Sum256(data), data)
}

// writeKeyed writes data, made from key, to name: over a previous output,
// only when the file there holds other bytes.
func (w *writer) writeKeyed(name string, key Key, data []byte) error {
	if w.out != "" {
		if w.keep(name, key) {
			return nil
		}
		dst := filepath.Join(w.out, filepath.FromSlash(name))
		if info, err := os.Lstat(dst); err == nil && info.Mode().IsRegular() && info.Size() == int64(len(data)) {
			if same, _ := sameBytes(dst, data); same {
				w.done(name, fileState{key: key, size: info.Size(), mtime: info.ModTime().UnixNano()}, false)
				return nil
			}
		}
	}
	return w.writeRawKeyed(name, key, data)
}

// writeRaw writes data to name in w.dir, whatever the output holds.
func (w *writer) writeRaw(name string, data []byte) error {
	return w.writeRawKeyed(name, sha256.Sum256(data), data)
}

func (w *writer) writeRawKeyed(name string, key Key, data []byte) error {
	if err := w.mkdirFor(name); err != nil {
		return err
	}
	file := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	st := fileState{key: key, size: int64(len(data))}
	if info, err := os.Lstat(file); err == nil {
		st.mtime = info.ModTime().UnixNano()
	}
	w.done(name, st, true)
	return nil
}

// done records that name is part of this build with state st.
func (w *writer) done(name string, st fileState, changed bool) {
	w.mu.Lock()
	w.written[name] = true
	w.now[name] = st
	if changed {
		if w.changed == nil {
			w.changed = map[string]bool{}
		}
		w.changed[name] = true
	}
	n, total := len(w.written), w.total
	w.mu.Unlock()
	if w.progress != nil && (n%64 == 0 || n == total) {
		w.progress(n, max(n, total))
	}
}

// mkdirFor makes the folder of name in w.dir, once.
func (w *writer) mkdirFor(name string) error {
	d := path.Dir(name)
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.made[d] {
		if err := os.MkdirAll(filepath.Join(w.dir, filepath.FromSlash(d)), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		w.made[d] = true
	}
	return nil
}

// writeStream writes to name, made from key, the bytes that fill passes
// to emit, chunk by chunk, so that a file of hundreds of megabytes (the
// exports of a large chronology) is never held whole. Over a previous
// output it compares the chunks with the file there as they come, and
// when they are all its bytes it keeps that file, as writeKeyed does.
func (w *writer) writeStream(name string, key Key, fill func(emit func([]byte) error) error) error {
	if err := w.mkdirFor(name); err != nil {
		return err
	}
	file := filepath.Join(w.dir, filepath.FromSlash(name))
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	var old *os.File // the previous output's file, while its bytes are the same
	var oldInfo fs.FileInfo
	if w.out != "" {
		dst := filepath.Join(w.out, filepath.FromSlash(name))
		if info, err := os.Lstat(dst); err == nil && info.Mode().IsRegular() {
			if old, err = os.Open(dst); err == nil {
				oldInfo = info
				defer func() {
					if old != nil {
						old.Close()
					}
				}()
			}
		}
	}
	var prev []byte // the previous file's bytes at the chunk's place
	size := int64(0)
	emit := func(chunk []byte) error {
		size += int64(len(chunk))
		if old != nil {
			prev = slices.Grow(prev[:0], len(chunk))[:len(chunk)]
			if _, err := io.ReadFull(old, prev); err != nil || !bytes.Equal(prev, chunk) {
				old.Close()
				old = nil
			}
		}
		_, err := f.Write(chunk)
		return err
	}
	err = fill(emit)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if old != nil && oldInfo.Size() == size {
		if err := os.Remove(file); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		w.done(name, fileState{key: key, size: size, mtime: oldInfo.ModTime().UnixNano()}, false)
		return nil
	}
	st := fileState{key: key, size: size}
	if info, err := os.Lstat(file); err == nil {
		st.mtime = info.ModTime().UnixNano()
	}
	w.done(name, st, true)
	return nil
}

// sameBytes reports whether the file name holds exactly data.
func sameBytes(name string, data []byte) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, min(len(data)+1, 64<<10))
	for off := 0; ; {
		n, err := io.ReadFull(f, buf)
		if n > len(data)-off || !bytes.Equal(buf[:n], data[off:off+n]) {
			return false, nil
		}
		off += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return off == len(data), nil
		}
		if err != nil {
			return false, err
		}
	}
}
