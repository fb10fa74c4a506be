package preview

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// fileState is what a scan compares: a save changes the size, the
// modification time or, for an atomic save, the file itself (its inode).
// Permissions are left out, as fsnotify's Chmod events are.
type fileState struct {
	size int64
	mod  time.Time
	kind fs.FileMode // the type bits only
	id   uint64
}

// runPoll scans the trees every opt.Poll and sends what changed once a
// scan finds nothing new and the quiet time has passed since the last change,
// so a burst spread over scans is one Change.
func (w *Watcher) runPoll() {
	defer w.wg.Done()
	var b batch
	tick := time.NewTicker(w.opt.Poll)
	defer tick.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-tick.C:
			snap := w.scan()
			changed := diff(w.snap, snap)
			w.snap = snap
			for _, p := range changed {
				b.add(p)
			}
			quiet := len(changed) == 0 && time.Since(b.last) >= w.quiet(&b)
			if b.waiting() && (quiet || time.Since(b.first) >= w.opt.MaxWait) {
				b.flush()
			}
		case b.out(w.c) <- b.change():
			b.ready = nil
		}
	}
}

// scan stats every file and folder that matters. It opens one folder at a
// time to list it and no file at all.
func (w *Watcher) scan() map[string]fileState {
	snap := map[string]fileState{}
	add := func(path string, info fs.FileInfo) {
		snap[path] = fileState{size: info.Size(), mod: info.ModTime(), kind: info.Mode().Type(), id: fileID(info)}
	}
	for _, t := range w.trees {
		filepath.WalkDir(t, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // vanished or unreadable: absent from this scan
			}
			if path != t && !w.relevant(path) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if info, err := d.Info(); err == nil {
				if info.IsDir() {
					info = dirInfo{info} // a folder changes when its files do: those are seen on their own
				}
				add(path, info)
			}
			return nil
		})
	}
	for f := range w.files {
		if info, err := os.Lstat(f); err == nil {
			add(f, info)
		}
	}
	return snap
}

// dirInfo hides a folder's size and time, which change with its entries.
type dirInfo struct{ fs.FileInfo }

func (dirInfo) Size() int64        { return 0 }
func (dirInfo) ModTime() time.Time { return time.Time{} }

// diff lists the paths added, removed or changed between two scans.
func diff(old, cur map[string]fileState) []string {
	var out []string
	for p, s := range cur {
		if o, ok := old[p]; !ok || o != s {
			out = append(out, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}
