package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/templates"
)

// writeTree runs writeAtomic with a fill that writes files; keyed files
// (a "key:" prefix on the content) are kept when their key matches, as
// render does with pages.
func writeTree(t *testing.T, out, state string, files map[string]string) (Stats, []string) {
	t.Helper()
	var rendered []string
	st, err := writeAtomic(context.Background(), out, Options{StateDir: state}, func(w *writer) error {
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			key := Key(sha256.Sum256([]byte("key:" + files[name])))
			if w.keep(name, key) {
				continue
			}
			rendered = append(rendered, name)
			if err := w.writeKeyed(name, key, []byte(files[name])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, rendered
}

// mtimes returns the modification time of every file under dir.
func mtimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	for name := range readTree(t, dir) {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		m[name] = info.ModTime()
	}
	return m
}

var site1 = map[string]string{
	"index.html":          "index 1",
	"events/a.html":       "event a",
	"events/b.html":       "event b",
	"articles/x.html":     "article x",
	"assets/style.css":    "body{}",
	"deep/er/still.html":  "deep",
	"events/c/d.html":     "nested",
	"events.json":         "[]",
	"articles/other.html": "other",
}

func TestWriterWritesOnlyWhatChanged(t *testing.T) {
	for _, withState := range []bool{true, false} {
		name := "with a manifest"
		if !withState {
			name = "without a manifest, comparing bytes"
		}
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			state := ""
			if withState {
				state = filepath.Join(parent, "state")
			}
			st, _ := writeTree(t, out, state, site1)
			if st.Written != len(site1)+1 || st.Files != len(site1)+1 {
				t.Fatalf("first build: %+v, want every file and the marker written", st)
			}
			// Files older than the clock's resolution would hide rewrites.
			old := time.Now().Add(-time.Hour)
			for name := range readTree(t, out) {
				os.Chtimes(filepath.Join(out, name), old, old)
			}
			if withState { // the times changed under the manifest: note them again
				writeTree(t, out, state, site1)
			}
			before := mtimes(t, out)

			st, rendered := writeTree(t, out, state, site1)
			if st.Written != 0 || st.Removed != 0 {
				t.Errorf("unchanged rebuild: %+v, want nothing written or removed", st)
			}
			if withState && len(rendered) != 0 {
				t.Errorf("unchanged rebuild rendered %q, want nothing: the manifest knows every key", rendered)
			}
			if got := mtimes(t, out); !mapsEqual(got, before) {
				t.Errorf("unchanged rebuild touched files:\n got %v\nwant %v", got, before)
			}

			next := map[string]string{}
			for k, v := range site1 {
				next[k] = v
			}
			next["index.html"] = "index 2"
			next["events/new.html"] = "new"
			delete(next, "events/b.html")
			delete(next, "deep/er/still.html")
			st, _ = writeTree(t, out, state, next)
			if st.Written != 2 || st.Removed != 2 {
				t.Errorf("edit: %+v, want 2 written (index, new) and 2 removed", st)
			}
			got := readTree(t, out)
			for name, want := range next {
				if string(got[name]) != want {
					t.Errorf("%s = %q, want %q", name, got[name], want)
				}
			}
			if len(got) != len(next)+1 {
				t.Errorf("output has %d files, want %d and the marker", len(got), len(next))
			}
			if _, err := os.Stat(filepath.Join(out, "deep")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the emptied folder deep/ stays: %v", err)
			}
			after := mtimes(t, out)
			for name, tm := range after {
				if changed := !tm.Equal(before[name]); changed != (name == "index.html" || name == "events/new.html") {
					t.Errorf("%s: modification time changed = %v", name, changed)
				}
			}
			if entries, _ := os.ReadDir(parent); len(entries) != len(slices.DeleteFunc([]string{"public", state}, func(s string) bool { return s == "" })) {
				t.Errorf("left beside the output: %d entries", len(entries))
			}
		})
	}
}

func mapsEqual[K comparable, V interface{ Equal(V) bool }](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !v.Equal(w) {
			return false
		}
	}
	return true
}

func TestWriterRewritesAFileTouchedSinceTheLastBuild(t *testing.T) {
	parent := t.TempDir()
	out, state := filepath.Join(parent, "public"), filepath.Join(parent, "state")
	writeTree(t, out, state, site1)
	// Someone edits a page by hand, keeping its size.
	p := filepath.Join(out, "events", "a.html")
	if err := os.WriteFile(p, []byte("EVENT A"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(p, time.Now().Add(time.Minute), time.Now().Add(time.Minute))
	st, rendered := writeTree(t, out, state, site1)
	if !slices.Equal(rendered, []string{"events/a.html"}) || st.Written != 1 {
		t.Errorf("rendered %q (%+v), want only the touched page rendered and written", rendered, st)
	}
	if data, _ := os.ReadFile(p); string(data) != "event a" {
		t.Errorf("touched page = %q, want it restored", data)
	}
}

func TestWriterIgnoresADamagedManifest(t *testing.T) {
	for name, damage := range map[string]func(string) string{
		"cut short":   func(s string) string { return s[:len(s)/2] },
		"foreign":     func(s string) string { return "something else\n" + s },
		"garbage key": func(s string) string { return strings.Replace(s, "\n", "\nzz", 2) },
		"empty":       func(string) string { return "" },
	} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out, state := filepath.Join(parent, "public"), filepath.Join(parent, "state")
			writeTree(t, out, state, site1)
			abs, _ := filepath.Abs(out)
			mp := manifestPath(state, abs)
			data, err := os.ReadFile(mp)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(mp, []byte(damage(string(data))), 0o644)
			if m := loadManifest(state, abs); len(m) != 0 {
				t.Errorf("a damaged manifest read as %d entries, want none", len(m))
			}
			next := map[string]string{}
			changed := 0
			for k, v := range site1 {
				next[k] = strings.ToUpper(v)
				if next[k] != v {
					changed++
				}
			}
			st, rendered := writeTree(t, out, state, next)
			if st.Written != changed || len(rendered) != len(next) {
				t.Errorf("%+v, rendered %d, want all %d pages rendered and the %d changed written", st, len(rendered), len(next), changed)
			}
			got := readTree(t, out)
			for k, v := range next {
				if string(got[k]) != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestWriterLeavesTheOutputWholeWhenABuildFails(t *testing.T) {
	parent := t.TempDir()
	out, state := filepath.Join(parent, "public"), filepath.Join(parent, "state")
	writeTree(t, out, state, site1)
	before := readTree(t, out)
	_, err := writeAtomic(context.Background(), out, Options{StateDir: state}, func(w *writer) error {
		w.write("index.html", []byte("half"))
		return errBroken
	})
	if !errors.Is(err, errBroken) {
		t.Fatalf("err = %v", err)
	}
	if got := readTree(t, out); !treesEqual(got, before) {
		t.Error("a failed build changed the output")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("%d entries beside the output, want public and state", len(entries))
	}
}

func treesEqual(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || string(v) != string(w) {
			return false
		}
	}
	return true
}

// site2 is site1 after a build that changed every file, removed one and
// added one.
func site2() map[string]string {
	next := map[string]string{}
	for k, v := range site1 {
		next[k] = v + " v2"
	}
	delete(next, "events/b.html")
	next["events/new/page.html"] = "new"
	return next
}

// buildStopped builds files into out, and wants the build to stop with
// stop, which a test's replayJournal returns.
func buildStopped(t *testing.T, out, state string, files map[string]string, stop error) {
	t.Helper()
	if _, err := writeAtomic(context.Background(), out, Options{StateDir: state}, func(w *writer) error {
		for k, v := range files {
			if err := w.write(k, []byte(v)); err != nil {
				return err
			}
		}
		return nil
	}); !errors.Is(err, stop) {
		t.Fatal(err)
	}
}

// checkTree wants out to hold files and its Marker.
func checkTree(t *testing.T, out string, files map[string]string) {
	t.Helper()
	got := readTree(t, out)
	delete(got, Marker)
	want := map[string][]byte{}
	for k, v := range files {
		want[k] = []byte(v)
	}
	if !treesEqual(got, want) {
		t.Errorf("output:\n got %q\nwant %q", got, want)
	}
}

func TestWriterFinishesABuildKilledAfterItsCommit(t *testing.T) {
	parent := t.TempDir()
	out, state := filepath.Join(parent, "public"), filepath.Join(parent, "state")
	writeTree(t, out, state, site1)
	before := readTree(t, out)
	next := site2()

	// The build is killed between the journal and the moves.
	killed := errors.New("killed")
	replayJournal = func(dir, out string) error { return killed }
	t.Cleanup(func() { replayJournal = replay })
	buildStopped(t, out, state, next, killed)
	if got := readTree(t, out); !treesEqual(got, before) {
		t.Fatal("the output changed before the moves")
	}
	replayJournal = replay

	// The next build finishes the moves first, and then finds nothing to do.
	st, _ := writeTree(t, out, state, next)
	if st.Written != 0 || st.Removed != 0 {
		t.Errorf("the build after the kill: %+v, want nothing left to write", st)
	}
	checkTree(t, out, next)
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("%d entries beside the output, want public and state", len(entries))
	}
}

func TestReplayRunsAgainAfterAKillHalfWay(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	staging := filepath.Join(parent, ".public.tmp-1")
	writeFiles(t, out, map[string]string{Marker: "", "a.html": "old a", "b.html": "old b", "gone/c.html": "c"})
	writeFiles(t, staging, map[string]string{Marker: "", "b.html": "new b", "d/e.html": "new e",
		journalName: "public\nW a.html\nW b.html\nW d/e.html\nR gone/c.html\n" + journalEnd})
	// a.html was moved in before the kill.
	if err := os.WriteFile(filepath.Join(out, "a.html"), []byte("new a"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := recoverStale(parent, "public", out); err != nil {
			t.Fatal(err)
		}
	}
	got := readTree(t, out)
	want := map[string][]byte{Marker: nil, "a.html": []byte("new a"), "b.html": []byte("new b"), "d/e.html": []byte("new e")}
	if !treesEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, err := os.Stat(staging); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the staging folder stays: %v", err)
	}
}

// TestWriterMendsAJournalCutShort: a crash of the machine can leave a
// journal cut short (it is not synced to disk), after some of its moves.
// The next build discards it and writes what the moves left undone.
func TestWriterMendsAJournalCutShort(t *testing.T) {
	// done is how many of the journal's lines reached the disk, the header
	// first; the moves of those lines were done.
	for _, done := range []int{0, 1, 3, 100} {
		t.Run(fmt.Sprintf("done=%d", done), func(t *testing.T) {
			parent := t.TempDir()
			out, state := filepath.Join(parent, "public"), filepath.Join(parent, "state")
			writeTree(t, out, state, site1)
			next := site2()

			crashed := errors.New("crashed")
			replayJournal = func(dir, out string) error {
				name := filepath.Join(dir, journalName)
				data, err := os.ReadFile(name)
				if err != nil {
					return err
				}
				lines := strings.SplitAfter(strings.TrimSuffix(string(data), journalEnd), "\n")
				lines = lines[:min(done, len(lines))]
				if len(lines) > 1 { // the header and some moves
					if err := os.WriteFile(name, []byte(strings.Join(lines, "")+journalEnd), 0o644); err != nil {
						return err
					}
					if err := replay(dir, out); err != nil {
						return err
					}
				}
				// What reached the disk: the lines, without the end.
				if err := os.WriteFile(name, []byte(strings.Join(lines, "")), 0o644); err != nil {
					return err
				}
				return crashed
			}
			t.Cleanup(func() { replayJournal = replay })
			buildStopped(t, out, state, next, crashed)
			replayJournal = replay

			writeTree(t, out, state, next)
			checkTree(t, out, next)
			if entries, _ := os.ReadDir(parent); len(entries) != 2 {
				t.Errorf("%d entries beside the output, want public and state", len(entries))
			}
		})
	}
}

func TestReplayRefusesAForeignJournal(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	writeFiles(t, out, map[string]string{Marker: "", "a.html": "a"})
	for name, journal := range map[string]string{
		"another output's":   "other\nR a.html\n.\n",
		"a path out":         "public\nR ../x\n.\n",
		"an unknown verb":    "public\nX a.html\n.\n",
		"a bad line at last": "public\nR a.html\nX b.html\n.\n",
	} {
		t.Run(name, func(t *testing.T) {
			staging := filepath.Join(parent, ".public.tmp-7")
			writeFiles(t, staging, map[string]string{journalName: journal})
			if err := recoverStale(parent, "public", out); err == nil {
				t.Error("no error")
			}
			if data, _ := os.ReadFile(filepath.Join(out, "a.html")); string(data) != "a" {
				t.Error("a.html changed")
			}
			os.RemoveAll(staging)
		})
	}
}

// TestWriteStream writes files chunk by chunk: new ones, and over a
// previous output one with the same bytes (kept, its time untouched),
// one with other bytes of the same length and one of another length
// (both written); a failing fill fails the build and leaves the output.
func TestWriteStream(t *testing.T) {
	dir := t.TempDir()
	out, state := filepath.Join(dir, "public"), filepath.Join(dir, "state")
	stream := func(files map[string][]string, fail bool) (Stats, error) {
		return writeAtomic(context.Background(), out, Options{StateDir: state}, func(w *writer) error {
			names := slices.Sorted(maps.Keys(files))
			for _, name := range names {
				key := Key(sha256.Sum256([]byte(strings.Join(files[name], ""))))
				if err := w.writeStream(name, key, func(emit func([]byte) error) error {
					for _, chunk := range files[name] {
						if err := emit([]byte(chunk)); err != nil {
							return err
						}
					}
					if fail {
						return errors.New("the fill failed")
					}
					return nil
				}); err != nil {
					return err
				}
			}
			return nil
		})
	}
	first := map[string][]string{
		"same.json":   {"[1,", "2,", "3]"},
		"edited.json": {"[1,", "2,", "3]"},
		"longer.json": {"[1,", "2]"},
		"sub/new.ics": {"BEGIN", ":VCALENDAR"},
	}
	if _, err := stream(first, false); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	if got := string(files["sub/new.ics"]); got != "BEGIN:VCALENDAR" {
		t.Fatalf("sub/new.ics holds %q", got)
	}
	before := mtimes(t, out)
	time.Sleep(20 * time.Millisecond) // a new write would have a new time
	second := map[string][]string{
		"same.json":   {"[1,2", ",3]"}, // the same bytes in other chunks
		"edited.json": {"[1,", "4,", "3]"},
		"longer.json": {"[1,", "2,", "3]"},
		"sub/new.ics": {"BEGIN:VCALENDAR"},
	}
	st, err := stream(second, false)
	if err != nil {
		t.Fatal(err)
	}
	files, after := readTree(t, out), mtimes(t, out)
	for name, chunks := range second {
		if got, want := string(files[name]), strings.Join(chunks, ""); got != want {
			t.Errorf("%s holds %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"same.json", "sub/new.ics"} {
		if !after[name].Equal(before[name]) {
			t.Errorf("%s was written again with the same bytes", name)
		}
	}
	if st.Written != 2 {
		t.Errorf("%d files written, want 2 (edited.json, longer.json)", st.Written)
	}
	if _, err := stream(map[string][]string{"same.json": {"[9]"}}, true); err == nil {
		t.Fatal("a failing fill did not fail the build")
	}
	if got := readTree(t, out); string(got["same.json"]) != "[1,2,3]" || len(got) != len(files) {
		t.Errorf("a failed build changed the output: same.json %q", got["same.json"])
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	bad := t.TempDir()
	writeFiles(t, bad, map[string]string{"article.html": `{{template "layout" .}}{{define "main"}}{{.Nope}}{{end}}`})
	badTmpl, err := Templates(bad)
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		tmpl fs.FS
		want error
	}{
		{"a template that fails to execute", context.Background(), badTmpl, nil},
		{"a cancelled build", cancelled, nil, context.Canceled},
		{"an asset that cannot be read", context.Background(), brokenFS{templates.FS, "assets/style.css"}, errBroken},
		{"a static folder that cannot be looked at", context.Background(), brokenFS{templates.FS, staticDir}, errBroken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			if err := buildSite(context.Background(), fixture(t), nil, out); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)
			s := fixture(t)
			s.Events = s.Events[:1]
			err := buildSite(tc.ctx, s, tc.tmpl, out)
			if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("output has %d files after the failed build, %d before", len(after), len(before))
			}
			for name, data := range before {
				if !bytes.Equal(after[name], data) {
					t.Errorf("%s changed", name)
				}
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("beside the output: %v, want only public", names)
			}
		})
	}
}

var errBroken = errors.New("broken disk")

// brokenFS fails to open the file or folder broken, which a build reads
// after every page is written.
type brokenFS struct {
	fs.FS
	broken string
}

func (b brokenFS) Open(name string) (fs.File, error) {
	if name == b.broken {
		return nil, errBroken
	}
	return b.FS.Open(name)
}

func TestBuildReplacesPreviousOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := buildSite(context.Background(), fixture(t), nil, out); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, out, map[string]string{"stale.html": "old"})
	s := fixture(t)
	s.Events = s.Events[:2]
	if err := buildSite(context.Background(), s, nil, out); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	for _, gone := range []string{"stale.html", "events/2021-12-30.html"} {
		if _, ok := files[gone]; ok {
			t.Errorf("%s survived the rebuild", gone)
		}
	}
	if _, ok := files[Marker]; !ok {
		t.Errorf("no %s", Marker)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("%d entries beside the output, want only public", len(entries))
	}
}

func TestBuildRemovesWhatKilledBuildsLeft(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := buildSite(context.Background(), fixture(t), nil, out); err != nil {
		t.Fatal(err)
	}
	marker := func(dir string) string { return filepath.Join(dir, Marker) }
	writeFiles(t, parent, map[string]string{
		marker(".public.tmp-123"):               "", // a build killed while writing
		".public.tmp-123/index.html":            "half",
		marker(".public.tmp-456.old"):           "", // killed after moving the output aside
		".public.tmp-456.old/events/x.html":     "old",
		".public.tmp-789/notes.txt":             "not a build's: no marker",
		marker(".public.tmp-abc"):               "", // not a name MkdirTemp gives
		marker(".public.tmp-"):                  "",
		marker(".public.tmp-1.old.old"):         "",
		marker(".other.tmp-123"):                "", // another output's
		marker(".public-2.tmp-123"):             "",
		marker("public.tmp-123"):                "",
		".public.tmp-321":                       "a file",
		filepath.Join("target", "notes.txt"):    "precious",
		filepath.Join(".public.tmp-9", ".keep"): "",
	})
	os.Mkdir(filepath.Join(parent, ".public.tmp-654"), 0o755) // killed before writing anything
	os.Remove(filepath.Join(parent, ".public.tmp-9", ".keep"))
	if err := os.Symlink(filepath.Join(parent, "target"), filepath.Join(parent, ".public.tmp-987")); err != nil {
		t.Fatal(err)
	}

	if err := buildSite(context.Background(), fixture(t), nil, out); err != nil {
		t.Fatal(err)
	}
	var left []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{".other.tmp-123", ".public-2.tmp-123", ".public.tmp-", ".public.tmp-1.old.old", ".public.tmp-321",
		".public.tmp-789", ".public.tmp-987", ".public.tmp-abc", "public", "public.tmp-123", "target"}
	if !slices.Equal(left, want) {
		t.Errorf("beside the output:\n got %q\nwant %q", left, want)
	}
	if data, _ := os.ReadFile(filepath.Join(parent, "target", "notes.txt")); string(data) != "precious" {
		t.Error("the folder a symbolic link points to changed")
	}
}

func TestBuildSucceedsWhenThePreviousOutputStays(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := os.Mkdir(out, 0o755); err != nil { // an empty folder is replaced whole
		t.Fatal(err)
	}
	removePrevious = func(string) error { return errBroken }
	t.Cleanup(func() { removePrevious = removeOutput })
	s := fixture(t)
	s.Events = s.Events[:1]
	if err := buildSite(context.Background(), s, nil, out); err != nil {
		t.Fatalf("the new output is in place, but Build says %v", err)
	}
	if n := strings.Count(string(readTree(t, out)["events.json"]), `"id":`); n != 1 {
		t.Errorf("events.json has %d events, want the new build's 1", n)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("%d entries beside the output, want public and the previous output", len(entries))
	}
	removePrevious = removeOutput
	if err := buildSite(context.Background(), s, nil, out); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("%d entries beside the output, want only public: the next build removes the previous output left behind", len(entries))
	}
}

func TestRemoveOutputKeepsTheMarkerToTheEnd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	writeFiles(t, dir, map[string]string{Marker: "", "a/b.html": "", "z.html": ""})
	if err := removeOutput(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s is still there: %v", dir, err)
	}
	if err := removeOutput(dir); err != nil {
		t.Errorf("removing a folder that is gone: %v", err)
	}
}

func TestRefusesDangerousOutDir(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"notes/keep.txt": "precious", "file": "x", "empty/.keep": ""})
	os.Remove(filepath.Join(dir, "empty", ".keep"))
	os.Symlink(filepath.Join(dir, "empty"), filepath.Join(dir, "link"))
	for _, tc := range []struct {
		name, dir, want string
	}{
		{"empty", "", "output folder is empty"},
		{"root", "/", "root of the file system"},
		{"current folder", ".", "current folder"},
		{"current folder, absolute", wd, "current folder"},
		{"a parent of the current folder", "..", "current folder or holds it"},
		{"a folder timeline did not write", filepath.Join(dir, "notes"), "not empty and was not written by timeline"},
		{"a file", filepath.Join(dir, "file"), "is a file"},
		{"a symbolic link", filepath.Join(dir, "link"), "symbolic link"},
		{"ok: a new folder", filepath.Join(dir, "new"), ""},
		{"ok: an empty folder", filepath.Join(dir, "empty"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkOutDir(tc.dir)
			if tc.want == "" {
				if err != nil {
					t.Errorf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	t.Run("Build leaves a refused folder alone", func(t *testing.T) {
		err := buildSite(context.Background(), fixture(t), nil, filepath.Join(dir, "notes"))
		if err == nil {
			t.Fatal("no error")
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "notes", "keep.txt")); string(data) != "precious" {
			t.Error("notes/keep.txt changed")
		}
		if entries, _ := os.ReadDir(dir); !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == "notes" }) || len(entries) != 4 {
			t.Errorf("%d entries in the parent, want 4", len(entries))
		}
	})
}

// TestReplacedLargeFilesGoAfterTheBuild: a build with Options.later
// replaces a large file while its old bytes keep a name in the staging
// folder, which goes only when the removal it handed over runs; a small
// file is replaced outright; without later nothing is left.
func TestReplacedLargeFilesGoAfterTheBuild(t *testing.T) {
	parent := t.TempDir()
	out, state := filepath.Join(parent, "public"), filepath.Join(parent, "state")
	large := func(c byte) string { return strings.Repeat(string(c), keepAside) }
	writeTree(t, out, state, map[string]string{"events.json": large('a'), "index.html": "old"})
	old := stat(t, filepath.Join(out, "events.json"))

	var removals []func()
	later := func(remove func()) { removals = append(removals, remove) }
	if _, err := writeAtomic(context.Background(), out, Options{StateDir: state, later: later}, func(w *writer) error {
		if err := w.write("events.json", []byte(large('b'))); err != nil {
			return err
		}
		return w.write("index.html", []byte("new"))
	}); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, out)
	want := map[string][]byte{Marker: got[Marker], "events.json": []byte(large('b')), "index.html": []byte("new")}
	if !treesEqual(got, want) {
		t.Fatalf("the output is not the new build's: %d files", len(got))
	}
	if len(removals) == 0 {
		t.Fatal("no removal handed over")
	}
	kept, _ := filepath.Glob(filepath.Join(parent, "*", replacedPrefix+"*"))
	if len(kept) != 1 || !os.SameFile(stat(t, kept[0]), old) {
		t.Fatalf("kept aside %q, want the old events.json alone", kept)
	}
	for _, remove := range removals {
		remove()
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("%d entries beside the output after the removal, want public and state", len(entries))
	}

	// Without later, the build removes its staging folder itself.
	writeTree(t, out, state, map[string]string{"events.json": large('c'), "index.html": "new"})
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("%d entries beside the output, want public and state", len(entries))
	}
}

func stat(t *testing.T, name string) os.FileInfo {
	t.Helper()
	info, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info
}
