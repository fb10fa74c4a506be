package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
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

// writeAtomic calls fill with a writer into a new folder beside outDir and,
// when fill succeeds, puts that folder in outDir's place. If anything fails,
// outDir is left as it was and the new folder is removed. First it removes
// what killed builds of outDir left beside it.
func writeAtomic(ctx context.Context, outDir string, opt Options, fill func(w *writer) error) (st Stats, err error) {
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return st, fmt.Errorf("output folder %s: %w", outDir, err)
	}
	parent, base := filepath.Split(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, tempPrefix(base))
	if err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	defer func() {
		if err != nil {
			removeOutput(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return st, fmt.Errorf("output folder: %w", err)
	}
	w := &writer{dir: tmp, made: map[string]bool{".": true}, written: map[string]bool{}}
	// The marker comes first, so that a later build knows a folder that a
	// killed build left behind for its own.
	if err := w.write(Marker, []byte("This folder is written by timeline build and replaced whole on every build.\n")); err != nil {
		return st, err
	}
	if err := fill(w); err != nil {
		return st, err
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}

	old := tmp + ".old"
	hadOld := true
	if err := os.Rename(abs, old); errors.Is(err, fs.ErrNotExist) {
		hadOld = false
	} else if err != nil {
		return st, fmt.Errorf("output folder: move the previous output aside: %w", err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		// Put the previous output back, or say where it is: never delete it.
		if hadOld {
			if err2 := os.Rename(old, abs); err2 != nil {
				return st, fmt.Errorf("output folder: %w (the previous output is in %s)", err, old)
			}
		}
		return st, fmt.Errorf("output folder: %w", err)
	}
	if hadOld {
		// The new output is in place: the build succeeded even if the
		// previous one cannot be removed now. The next build tries again.
		removePrevious(old)
	}
	st.Files = len(w.written)
	st.Written = st.Files
	return st, nil
}

// removePrevious removes the previous output after a build; tests replace it.
var removePrevious = removeOutput

// removeStale removes, from the folder parent, the folders that builds of
// the output folder base left when they were killed: folders named as
// writeAtomic names them that hold the Marker or nothing. Failing to
// remove one does not fail the build.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
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
		if _, err := os.Lstat(filepath.Join(dir, Marker)); err != nil {
			if inside, err := os.ReadDir(dir); err != nil || len(inside) > 0 {
				continue // not ours to remove
			}
		}
		removeOutput(dir)
	}
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

// writer writes the files of one build under dir.
// It is safe for concurrent use.
type writer struct {
	dir     string
	mu      sync.Mutex
	made    map[string]bool // folders made so far, slash-separated and relative
	written map[string]bool // files written so far
}

// has reports whether name was written.
func (w *writer) has(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written[name]
}

// write writes data to the slash-separated path name under w.dir.
func (w *writer) write(name string, data []byte) error {
	d := path.Dir(name)
	w.mu.Lock()
	w.written[name] = true
	if !w.made[d] {
		if err := os.MkdirAll(filepath.Join(w.dir, filepath.FromSlash(d)), 0o755); err != nil {
			w.mu.Unlock()
			return fmt.Errorf("write %s: %w", name, err)
		}
		w.made[d] = true
	}
	w.mu.Unlock()
	if err := os.WriteFile(filepath.Join(w.dir, filepath.FromSlash(name)), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// Options says how Build writes.
type Options struct {
	// StateDir is a folder where the writer keeps what it knows of the
	// output between builds (a manifest of files, their keys and sizes);
	// "" keeps nothing, and every file is compared with the disk.
	StateDir string
	// Progress, when set, is called now and then with the files done so
	// far and the files known so far.
	Progress func(done, total int)
}

// Stats says what a build did to the output folder.
type Stats struct {
	Files   int // files the site has
	Written int // files written because they are new or their bytes changed
	Removed int // files removed because they no longer belong
}

// Key says what a file is made from: two renders with equal keys give
// equal bytes. Render computes a page's key from the template set and
// everything the page shows.
type Key [32]byte

// keep reports whether the file name on disk was made from key by an
// earlier build and is untouched since; then it stays as it is, counts as
// part of this build, and need not be rendered.
func (w *writer) keep(name string, key Key) bool {
	return false // TODO(incremental writer)
}

// writeKeyed writes data, made from key, to name.
func (w *writer) writeKeyed(name string, key Key, data []byte) error {
	return w.write(name, data)
}
