package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDiffTrees(t *testing.T) {
	base := map[string]string{
		"index.html":       "<h1>Timeline</h1>",
		"events/a.html":    "<p>a</p>",
		".timeline-output": "build 1",
		"assets/style.css": "body{}",
	}
	tests := []struct {
		name   string
		change func(m map[string]string)
		want   int
	}{
		{"the same files are no difference", func(m map[string]string) {}, 0},
		{"the marker's content is not compared", func(m map[string]string) { m[".timeline-output"] = "build 2" }, 0},
		{"a missing marker is a difference", func(m map[string]string) { delete(m, ".timeline-output") }, 1},
		{"changed bytes are a difference", func(m map[string]string) { m["events/a.html"] = "<p>b</p>" }, 1},
		{"a file only on the right is a difference", func(m map[string]string) { m["events/b.html"] = "x" }, 1},
		{"a file only on the left is a difference", func(m map[string]string) { delete(m, "index.html") }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			right := map[string]string{}
			for k, v := range base {
				right[k] = v
			}
			tt.change(right)
			a, b := writeTree(t, base), writeTree(t, right)
			diffs, err := diffTrees(a, b)
			if err != nil {
				t.Fatal(err)
			}
			if len(diffs) != tt.want {
				t.Errorf("got %d differences %v, want %d", len(diffs), diffs, tt.want)
			}
		})
	}
}

func TestStatTree(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"index.html":       "0123456789",
		"events/a.html":    "012",
		"events.json":      "0123456789012345",
		"assets/style.css": "0",
	})
	st, err := statTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := treeStats{Files: 4, HTML: 2, Bytes: 30, Largest: "events.json", LargestSize: 16,
		LargestHTML: "index.html", LargestHTMLSize: 10}
	if st != want {
		t.Errorf("got %+v, want %+v", st, want)
	}
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
