package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// The two ways to watch. Poll mode scans every 50ms: long enough that a
// loop writing files never pauses a whole scan, short enough to be quick.
var modes = []struct {
	name string
	opt  Options
}{
	{"fsnotify", Options{}},
	{"poll", Options{Poll: 50 * time.Millisecond}},
}

const (
	patience = 10 * time.Second       // how long a test waits for a Change that must come
	settle   = 600 * time.Millisecond // how long it waits to be sure no other comes
)

func startWatch(t *testing.T, opt Options) *Watcher {
	t.Helper()
	w, err := Watch(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// one waits for a Change, then makes sure no second one follows.
func one(t *testing.T, w *Watcher) Change {
	t.Helper()
	var c Change
	select {
	case c = <-w.C:
	case <-time.After(patience):
		t.Fatalf("no change within %v", patience)
	}
	none(t, w)
	return c
}

// none makes sure no Change comes within settle.
func none(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case c := <-w.C:
		t.Fatalf("unexpected change naming %d paths (rescan %v): %s", len(c.Paths), c.Rescan, strings.Join(c.Paths[:min(3, len(c.Paths))], " "))
	case <-time.After(settle):
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func hasAll(c Change, paths ...string) bool {
	for _, p := range paths {
		if !slices.Contains(c.Paths, p) {
			return false
		}
	}
	return true
}

// TestWatchSaves makes the changes editors, git and people make, with real
// files, and checks each gives one Change naming the files.
func TestWatchSaves(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			for _, tc := range []struct {
				name string
				// do changes the tree; out is a folder beside it on the same file system.
				do   func(t *testing.T, tree, out string)
				want []string // relative to the tree
			}{
				{"an atomic save (temporary file renamed over the article) is one change", func(t *testing.T, tree, out string) {
					write(t, filepath.Join(tree, ".a.md.tmp1234"), "new text")
					must(t, os.Rename(filepath.Join(tree, ".a.md.tmp1234"), filepath.Join(tree, "a.md")))
				}, []string{"a.md"}},
				{"vim's save (backup~ and 4913, then a new file) is one change", func(t *testing.T, tree, out string) {
					write(t, filepath.Join(tree, "4913"), "")
					must(t, os.Remove(filepath.Join(tree, "4913")))
					must(t, os.Rename(filepath.Join(tree, "a.md"), filepath.Join(tree, "a.md~")))
					write(t, filepath.Join(tree, "a.md"), "new text, longer")
					must(t, os.Remove(filepath.Join(tree, "a.md~")))
				}, []string{"a.md"}},
				{"an in-place save (truncate and write) is one change", func(t *testing.T, tree, out string) {
					f, err := os.OpenFile(filepath.Join(tree, "a.md"), os.O_WRONLY|os.O_TRUNC, 0)
					must(t, err)
					_, err = f.WriteString("other text")
					must(t, err)
					must(t, f.Close())
				}, []string{"a.md"}},
				{"a new nested folder made in place is seen with the file written into it at once", func(t *testing.T, tree, out string) {
					write(t, filepath.Join(tree, "2022", "jan", "x.md"), "x")
				}, []string{"2022/jan/x.md"}},
				{"a folder moved in is seen with the files already inside", func(t *testing.T, tree, out string) {
					write(t, filepath.Join(out, "new", "deep", "y.md"), "y")
					write(t, filepath.Join(out, "new", "z.txt"), "z")
					must(t, os.Rename(filepath.Join(out, "new"), filepath.Join(tree, "new")))
				}, []string{"new/deep/y.md", "new/z.txt"}},
				{"a delete is a change", func(t *testing.T, tree, out string) {
					must(t, os.Remove(filepath.Join(tree, "a.md")))
				}, []string{"a.md"}},
				{"a rename out of the folder is a change", func(t *testing.T, tree, out string) {
					must(t, os.Rename(filepath.Join(tree, "a.md"), filepath.Join(out, "a.md")))
				}, []string{"a.md"}},
				{"a rename into the folder is a change", func(t *testing.T, tree, out string) {
					write(t, filepath.Join(out, "b.md"), "b")
					must(t, os.Rename(filepath.Join(out, "b.md"), filepath.Join(tree, "b.md")))
				}, []string{"b.md"}},
				{"a move between folders names both places", func(t *testing.T, tree, out string) {
					must(t, os.Rename(filepath.Join(tree, "sub", "c.md"), filepath.Join(tree, "c.md")))
				}, []string{"sub/c.md", "c.md"}},
				{"a template edit is a change", func(t *testing.T, tree, out string) {
					write(t, filepath.Join(tree, "..", "templates", "_layout.html"), "<p>new</p>")
				}, []string{"../templates/_layout.html"}},
				{"the configuration file beside the content is a change", func(t *testing.T, tree, out string) {
					write(t, filepath.Join(tree, "..", "timeline.toml"), "title = 'x'")
				}, []string{"../timeline.toml"}},
			} {
				t.Run(tc.name, func(t *testing.T) {
					t.Parallel() // each waits most of its time
					root := t.TempDir()
					tree := filepath.Join(root, "content")
					out := filepath.Join(root, "elsewhere")
					write(t, filepath.Join(tree, "a.md"), "old text")
					write(t, filepath.Join(tree, "sub", "c.md"), "c")
					write(t, filepath.Join(root, "templates", "_layout.html"), "<p>old</p>")
					must(t, os.MkdirAll(out, 0o755))
					opt := m.opt
					opt.Dirs = []string{tree, filepath.Join(root, "templates")}
					opt.Files = []string{filepath.Join(root, "timeline.toml")}
					w := startWatch(t, opt)
					time.Sleep(10 * time.Millisecond) // a save in the same instant as the first scan keeps its time
					tc.do(t, tree, out)
					c := one(t, w)
					var want []string
					for _, p := range tc.want {
						want = append(want, filepath.Join(tree, p))
					}
					if !hasAll(c, want...) {
						t.Errorf("change %v, want it to name %v", c.Paths, want)
					}
				})
			}
		})
	}
}

// TestWatchNewFolderStaysWatched checks that a folder made after the watch
// started reports later edits too, and that one moved out stops reporting.
func TestWatchNewFolderStaysWatched(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			root := t.TempDir()
			tree := filepath.Join(root, "content")
			must(t, os.MkdirAll(tree, 0o755))
			opt := m.opt
			opt.Dirs = []string{tree}
			w := startWatch(t, opt)

			x := filepath.Join(tree, "new", "x.md")
			write(t, x, "x")
			one(t, w)
			time.Sleep(10 * time.Millisecond)
			write(t, x, "x, edited")
			if c := one(t, w); !hasAll(c, x) {
				t.Errorf("the edit in the new folder gave %v", c.Paths)
			}

			must(t, os.Rename(filepath.Join(tree, "new"), filepath.Join(root, "gone")))
			one(t, w)
			write(t, filepath.Join(root, "gone", "x.md"), "edited outside")
			none(t, w)
		})
	}
}

// TestWatchIgnores checks that editor files, hidden and skipped folders
// and files beside the configuration file give no Change.
func TestWatchIgnores(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			root := t.TempDir()
			tree := filepath.Join(root, "content")
			write(t, filepath.Join(tree, "a.md"), "a")
			must(t, os.MkdirAll(filepath.Join(tree, "public"), 0o755))
			opt := m.opt
			opt.Dirs = []string{tree}
			opt.Files = []string{filepath.Join(root, "timeline.toml")}
			opt.Skip = []string{filepath.Join(tree, "public")}
			w := startWatch(t, opt)
			for _, name := range []string{".a.md.swp", ".a.md.swx", "a.md.swp", "a.md~", "4913", ".#a.md", "#a.md#",
				".DS_Store", "a.md___jb_tmp___", ".git/objects/ab/cdef", ".cache/x.md", "public/index.html",
				"public/events/e.html", "sub/.hidden/x.md"} {
				write(t, filepath.Join(tree, name), "x")
			}
			write(t, filepath.Join(root, "other.toml"), "x") // beside the configuration file
			must(t, os.Chmod(filepath.Join(tree, "a.md"), 0o600))
			c := one(t, w) // sub/ itself was made
			if !slices.Equal(c.Paths, []string{filepath.Join(tree, "sub")}) {
				t.Errorf("change %v, want only the new folder sub", c.Paths)
			}
			for _, name := range []string{".a.md.swp", "a.md~", ".git/objects/ab/cdef", "public/index.html"} {
				must(t, os.Remove(filepath.Join(tree, name)))
			}
			none(t, w)
		})
	}
}

// TestWatchBurst writes 500 files at once, as a git checkout does: one Change.
func TestWatchBurst(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			tree := t.TempDir()
			opt := m.opt
			opt.Dirs = []string{tree}
			w := startWatch(t, opt)
			var want []string
			for i := range 500 {
				p := filepath.Join(tree, fmt.Sprintf("d%d", i%7), fmt.Sprintf("article-%03d.md", i))
				write(t, p, strings.Repeat("text ", i))
				want = append(want, p)
			}
			c := one(t, w)
			if !hasAll(c, want...) {
				t.Errorf("the change names %d paths, want the 500 files (and 7 folders)", len(c.Paths))
			}
		})
	}
}

// TestWatchDuringRebuild checks that changes made while the reader is busy
// (rebuilding) wait for it and come as exactly one more Change.
func TestWatchDuringRebuild(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			tree := t.TempDir()
			opt := m.opt
			opt.Dirs = []string{tree}
			w := startWatch(t, opt)
			write(t, filepath.Join(tree, "a.md"), "a")
			<-w.C // the reader starts a rebuild and takes no Change meanwhile
			for _, name := range []string{"b.md", "c.md", "d.md"} {
				write(t, filepath.Join(tree, name), "x")
				time.Sleep(3*DefaultQuiet + 3*opt.Poll) // each its own burst: none joins the next
			}
			time.Sleep(settle) // the rebuild ends after the last burst is quiet
			c := one(t, w)
			if !hasAll(c, filepath.Join(tree, "b.md"), filepath.Join(tree, "c.md"), filepath.Join(tree, "d.md")) {
				t.Errorf("the change after the rebuild is %v, want b, c and d", c.Paths)
			}
		})
	}
}

// TestWatchOverflow checks that lost events (a queue overflow) give a
// Change marked Rescan and that the rescan watches folders it missed.
func TestWatchOverflow(t *testing.T) {
	tree := t.TempDir()
	write(t, filepath.Join(tree, "sub", "a.md"), "a")
	fault := make(chan error)
	var errs []error
	w, err := watch(Options{Dirs: []string{tree}, OnError: func(err error) { errs = append(errs, err) }}, fault)
	must(t, err)
	t.Cleanup(func() { w.Close() })

	must(t, w.fsw.Remove(filepath.Join(tree, "sub"))) // as if its events were lost
	fault <- fsnotify.ErrEventOverflow
	if c := one(t, w); !c.Rescan {
		t.Errorf("the change after an overflow is %+v, want Rescan", c)
	}
	write(t, filepath.Join(tree, "sub", "a.md"), "a, edited")
	if c := one(t, w); !hasAll(c, filepath.Join(tree, "sub", "a.md")) {
		t.Errorf("after the rescan an edit gave %v", c.Paths)
	}
	if len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

func TestWatchMissingFolder(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			opt := m.opt
			opt.Dirs = []string{filepath.Join(t.TempDir(), "nope")}
			if w, err := Watch(opt); err == nil {
				w.Close()
				t.Fatal("watching a missing folder did not fail")
			} else if !strings.Contains(err.Error(), "nope") {
				t.Errorf("error %q does not name the folder", err)
			}
		})
	}
}

func TestIgnored(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"a.md", false}, {"2022-01-10-geneva-talks.txt", false}, {"_layout.html", false},
		{"aliases.txt", false}, {"timeline.toml", false}, {"notes#1.md", false},
		{".a.md.swp", true}, {"a.md.swp", true}, {".a.md.swx", true}, {"a.swo", true},
		{"a.md~", true}, {"4913", true}, {".#a.md", true}, {"#a.md#", true}, {".DS_Store", true},
		{".git", true}, {".public.tmp-123", true}, {"a.md___jb_old___", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Ignored(tc.name); got != tc.want {
				t.Errorf("Ignored(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

// TestWatchOpensNoFilePerFile: a watch over hundreds of files holds a few
// descriptors, not one per file or folder.
func TestWatchOpensNoFilePerFile(t *testing.T) {
	if openFiles() < 0 {
		t.Skip("no /proc/self/fd")
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			tree := t.TempDir()
			for i := range 300 {
				write(t, filepath.Join(tree, fmt.Sprintf("d%d", i%30), fmt.Sprintf("a%d.md", i)), "x")
			}
			before := openFiles()
			opt := m.opt
			opt.Dirs = []string{tree}
			w := startWatch(t, opt)
			time.Sleep(3 * m.opt.Poll) // a few scans
			if n := openFiles() - before; n > 4 {
				t.Errorf("watching 300 files in 30 folders opened %d descriptors", n)
			}
			w.Close()
		})
	}
}
