package timeline_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// FuzzBuild builds a folder holding a good article and a fuzzed file
// beside it, as Markdown or plain text: the build must not fail or
// panic, and the good article's events must be in the site.
func FuzzBuild(f *testing.F) {
	files, _ := filepath.Glob("testdata/hostile/*")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, strings.HasSuffix(p, ".md"))
	}
	good, err := os.ReadFile("../content/2021-12-30-biden-putin-call.txt")
	if err != nil {
		f.Fatal(err)
	}
	// The events of the good article alone.
	dir := f.TempDir()
	writeGood := func(content string) {
		if err := os.MkdirAll(content, 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(content, "good.txt"), good, 0o644); err != nil {
			f.Fatal(err)
		}
	}
	writeGood(filepath.Join(dir, "content"))
	if _, err := timeline.Build(context.Background(), timeline.Config{ContentDir: filepath.Join(dir, "content"), OutDir: filepath.Join(dir, "public"), NoCache: true}); err != nil {
		f.Fatal(err)
	}
	want := readEventsTB(f, filepath.Join(dir, "public"))
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		dir := t.TempDir()
		content := filepath.Join(dir, "content")
		if err := os.MkdirAll(content, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(content, "good.txt"), good, 0o644); err != nil {
			t.Fatal(err)
		}
		name := "fuzz.txt"
		if markdown {
			name = "fuzz.md"
		}
		if err := os.WriteFile(filepath.Join(content, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		var warnings strings.Builder
		res, err := timeline.Build(context.Background(), timeline.Config{ContentDir: content, OutDir: filepath.Join(dir, "public"), NoCache: true, Warnings: &warnings})
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		if strings.Contains(warnings.String(), "internal error") {
			t.Fatalf("a panic was recovered: %s", warnings.String())
		}
		if len(res.LeftOut) > 0 && !strings.Contains(warnings.String(), name+":") {
			t.Fatalf("left out without a warning that names it: %q", warnings.String())
		}
		got := readEventsTB(t, filepath.Join(dir, "public"))
		ids := map[string]bool{}
		for _, e := range got {
			for _, s := range e.Sources {
				if filepath.Base(s.Article) == "good.txt" {
					ids[s.Sentence] = true
				}
			}
		}
		for _, e := range want {
			for _, s := range e.Sources {
				if !ids[s.Sentence] {
					t.Fatalf("the good article's evidence %q is gone", s.Sentence)
				}
			}
		}
	})
}
