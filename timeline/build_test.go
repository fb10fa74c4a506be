package timeline_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// copyContent copies the sample content into a new folder.
func copyContent(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTrees(t *testing.T, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s is missing", name)
		} else if g != w {
			t.Errorf("%s differs", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s should not be there", name)
		}
	}
}

func build(t *testing.T, cfg timeline.Config) timeline.Result {
	t.Helper()
	res, err := timeline.Build(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestBuildGivesTheSameBytesWithAndWithoutTheCacheOnOneOrManyWorkers(t *testing.T) {
	content := copyContent(t)
	root := t.TempDir()
	ref := filepath.Join(root, "ref")
	build(t, timeline.Config{ContentDir: content, OutDir: ref, NoCache: true, Workers: 1})
	want := tree(t, ref)
	cache := filepath.Join(root, "cache")
	for _, tc := range []struct {
		name string
		cfg  timeline.Config
	}{
		{"many workers, no cache", timeline.Config{NoCache: true, Workers: 8}},
		{"a cold cache", timeline.Config{CacheDir: cache, Workers: 2}},
		{"a warm cache", timeline.Config{CacheDir: cache, Workers: 3}},
		{"a warm cache, one worker", timeline.Config{CacheDir: cache, Workers: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			cfg.ContentDir, cfg.OutDir = content, filepath.Join(root, strings.ReplaceAll(tc.name, " ", "-"))
			build(t, cfg)
			sameTrees(t, tree(t, cfg.OutDir), want)
		})
	}
}

func TestTheCacheRereadsOnlyWhatChanged(t *testing.T) {
	content := copyContent(t)
	root := t.TempDir()
	cache := filepath.Join(root, "cache")
	out := filepath.Join(root, "public")
	cfg := timeline.Config{ContentDir: content, OutDir: out, CacheDir: cache}
	first := build(t, cfg)
	n := first.Articles
	if first.Cached != 0 || n != 5 {
		t.Fatalf("first build: %d articles, %d from the cache; want 5 and 0", n, first.Cached)
	}
	seed := filepath.Join(content, "2021-12-30-biden-putin-call.txt")
	geneva := filepath.Join(content, "2022-01-10-geneva-talks.txt")

	// Each step changes the content or the program, builds with the cache,
	// and says how many articles the cache must answer; then the output
	// must equal a build without any cache.
	steps := []struct {
		name   string
		change func(t *testing.T)
		cached int
	}{
		{"nothing changed", func(*testing.T) {}, n},
		{"an edited article", func(t *testing.T) {
			data, _ := os.ReadFile(seed)
			os.WriteFile(seed, bytes.Replace(data, []byte("emphasized"), []byte("stressed"), 1), 0o644)
		}, n - 1},
		{"a deleted article", func(t *testing.T) { os.Remove(geneva) }, n - 1},
		{"a renamed article", func(t *testing.T) {
			os.Rename(seed, filepath.Join(content, "seed.txt"))
		}, n - 2},
		{"a new alias table", func(t *testing.T) {
			os.WriteFile(filepath.Join(content, "aliases.txt"), []byte("Sergei Ryabkov | person | Ryabkov\n"), 0o644)
		}, 0},
		{"a damaged cache entry", func(t *testing.T) {
			packs, _ := filepath.Glob(filepath.Join(cache, "*", "articles-*", "*.pack"))
			if len(packs) == 0 {
				t.Fatal("no cache packs")
			}
			// A flipped byte in the first entry's payload.
			data, _ := os.ReadFile(packs[0])
			data[100] ^= 1
			os.WriteFile(packs[0], data, 0o644)
		}, n - 2},
		{"a new program version", func(t *testing.T) {
			t.Cleanup(timeline.SetProgramVersion("next"))
		}, 0},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.change(t)
			res := build(t, cfg)
			if res.Cached != step.cached {
				t.Errorf("%d articles from the cache, want %d", res.Cached, step.cached)
			}
			fresh := filepath.Join(t.TempDir(), "fresh")
			build(t, timeline.Config{ContentDir: content, OutDir: fresh, NoCache: true})
			sameTrees(t, tree(t, out), tree(t, fresh))
		})
	}
}

func TestAnUnchangedRebuildWritesNothing(t *testing.T) {
	content := copyContent(t)
	// Without curation, which is checked on every build, an unchanged
	// rebuild is found up to date (TestCurationBuild has the other case).
	os.Remove(filepath.Join(content, timeline.CurationFile))
	root := t.TempDir()
	cfg := timeline.Config{ContentDir: content, OutDir: filepath.Join(root, "public"), CacheDir: filepath.Join(root, "cache")}
	first := build(t, cfg)
	if first.Written != first.Files || first.Files == 0 {
		t.Fatalf("first build wrote %d of %d files", first.Written, first.Files)
	}
	res := build(t, cfg)
	if res.Written != 0 || res.Removed != 0 || res.Files != first.Files || res.Events != first.Events {
		t.Errorf("unchanged rebuild: %d of %d files written, %d removed, %d events; want none, %d files and %d events",
			res.Written, res.Files, res.Removed, res.Events, first.Files, first.Events)
	}
	if !slices.ContainsFunc(res.Stages, func(s timeline.Stage) bool { return s.Name == "up to date" }) {
		t.Errorf("unchanged rebuild went through %v, want it found up to date", res.Stages)
	}
	// A page spoilt by hand is not up to date: the next build mends it.
	index := filepath.Join(cfg.OutDir, "index.html")
	want, _ := os.ReadFile(index)
	os.WriteFile(index, []byte("spoilt"), 0o644)
	if res := build(t, cfg); res.Written != 1 {
		t.Errorf("after a page was spoilt: %d files written, want 1", res.Written)
	}
	if got, _ := os.ReadFile(index); !bytes.Equal(got, want) {
		t.Error("the spoilt page was not mended")
	}
	// Without the cache the pages are rendered again, and still not written.
	cfg.NoCache = true
	if res := build(t, cfg); res.Written != 0 || res.Removed != 0 {
		t.Errorf("unchanged rebuild without the cache: %d written, %d removed; want none", res.Written, res.Removed)
	}
}

func TestAnEditedRebuildEqualsAFullBuild(t *testing.T) {
	content := copyContent(t)
	root := t.TempDir()
	cfg := timeline.Config{ContentDir: content, OutDir: filepath.Join(root, "public"), CacheDir: filepath.Join(root, "cache")}
	build(t, cfg)
	p := filepath.Join(content, "2022-01-13-osce-vienna.txt")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("\n\n"), []byte("\n\nSergei Lavrov said on Thursday that Russia would not wait forever.\n\n"), 1)
	if err := os.WriteFile(p, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	res := build(t, cfg)
	if res.Written == 0 || res.Written == res.Files {
		t.Errorf("the edit wrote %d of %d files; want some, not all", res.Written, res.Files)
	}
	fresh := filepath.Join(root, "fresh")
	build(t, timeline.Config{ContentDir: content, OutDir: fresh, CacheDir: filepath.Join(root, "cache2")})
	sameTrees(t, tree(t, cfg.OutDir), tree(t, fresh))
}

func TestBuildReportsProgress(t *testing.T) {
	content := copyContent(t)
	root := t.TempDir()
	var mu sync.Mutex
	last := map[string]timeline.Progress{}
	cfg := timeline.Config{ContentDir: content, OutDir: filepath.Join(root, "public"), NoCache: true,
		Progress: func(p timeline.Progress) {
			mu.Lock()
			defer mu.Unlock()
			if p.Done > p.Total {
				t.Errorf("%s: done %d of %d", p.Stage, p.Done, p.Total)
			}
			last[p.Stage] = p
		}}
	res := build(t, cfg)
	if p := last["extract"]; p.Done != res.Articles || p.Total != res.Articles {
		t.Errorf("last extract progress %+v, want all %d articles", p, res.Articles)
	}
	if p := last["write"]; p.Total < res.Files-8 || p.Total > res.Files || p.Done == 0 {
		t.Errorf("last write progress %+v, want a count of planned pages near the %d files", p, res.Files)
	}
}

// TestAMemoRereadsOnlyWhatChanged is a preview's rebuilds: with a Memo and
// no cache, a file whose size and time are unchanged is not read again.
func TestAMemoRereadsOnlyWhatChanged(t *testing.T) {
	content := copyContent(t)
	long := time.Now().Add(-time.Hour)
	var files []string
	filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if ext := filepath.Ext(p); err == nil && !d.IsDir() && (ext == ".md" || ext == ".txt") {
			files = append(files, p)
			os.Chtimes(p, long, long)
		}
		return err
	})
	n := len(files)
	memo := new(timeline.Memo)
	cfg := timeline.Config{ContentDir: content, OutDir: filepath.Join(t.TempDir(), "public"), NoCache: true, Memo: memo}
	if res := build(t, cfg); res.Cached != 0 {
		t.Fatalf("the first build took %d articles from the memo", res.Cached)
	}
	if res := build(t, cfg); res.Cached != n {
		t.Errorf("unchanged: %d of %d articles from the memo", res.Cached, n)
	}

	// An edit an hour ago: a new time, so read again.
	data, _ := os.ReadFile(files[0])
	os.WriteFile(files[0], bytes.Replace(data, []byte("the"), []byte("The"), 1), 0o644)
	earlier := long.Add(-time.Minute)
	os.Chtimes(files[0], earlier, earlier)
	if res := build(t, cfg); res.Cached != n-1 {
		t.Errorf("one edited: %d of %d articles from the memo, want %d", res.Cached, n, n-1)
	}
	// An edit just now is read again until its time is old enough to
	// trust: a second edit within the clock's tick would keep the time.
	os.WriteFile(files[1], append(data, "\nMore.\n"...), 0o644)
	for range 2 {
		if res := build(t, cfg); res.Cached != n-1 {
			t.Errorf("one just edited: %d of %d articles from the memo, want %d", res.Cached, n, n-1)
		}
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	build(t, timeline.Config{ContentDir: content, OutDir: fresh, NoCache: true})
	sameTrees(t, tree(t, cfg.OutDir), tree(t, fresh))
}

// TestRebuildsLeakNoFiles runs many real rebuilds through the cache and a
// memo, as a preview does, with an edit and a cache merge now and then,
// and checks that no file stays open.
func TestRebuildsLeakNoFiles(t *testing.T) {
	openFiles := func() int {
		fds, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd")
		}
		return len(fds)
	}
	content := copyContent(t)
	root := t.TempDir()
	cfg := timeline.Config{ContentDir: content, OutDir: filepath.Join(root, "public"),
		CacheDir: filepath.Join(root, "cache"), Memo: new(timeline.Memo)}
	build(t, cfg)
	cfg.Memo.Wait() // what a build leaves to do after it, as a program does before it exits
	before := openFiles()
	seed := filepath.Join(content, "2021-12-30-biden-putin-call.txt")
	data, _ := os.ReadFile(seed)
	for i := range 40 {
		os.WriteFile(seed, fmt.Appendf(bytes.Clone(data), "\nEdit %d.\n", i), 0o644)
		build(t, cfg)
	}
	cfg.Memo.Wait()
	if after := openFiles(); after > before {
		t.Errorf("%d files open after 40 rebuilds, %d before", after, before)
	}
	packs, _ := filepath.Glob(filepath.Join(cfg.CacheDir, "*", "articles-*", "*.pack"))
	if len(packs) == 0 || len(packs) > 8 {
		t.Errorf("%d cache packs after 40 rebuilds, want 1 to 8", len(packs))
	}
}
