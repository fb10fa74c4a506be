package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestBuildAMixedFolder builds the good articles beside every hostile
// fixture of timeline/testdata/hostile and a 50 MB one-line file: without
// -strict the build exits 0, names each bad file at a line and sums up
// what it left out; with -strict it exits 1 and leaves the site as it was.
func TestBuildAMixedFolder(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeFiles(t, content, map[string]string{"a.md": articleA, "b.txt": articleB})
	code, _, stderr := run(t, "build", "-content", content, "-out", out)
	if code != 0 {
		t.Fatalf("the good articles alone: exit %d\n%s", code, stderr)
	}
	site := snapshot(t, out)

	if err := os.CopyFS(content, os.DirFS("../../timeline/testdata/hostile")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "huge.md"), bytes.Repeat([]byte("Biden said talks "), 50<<20/17), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := []string{"empty.md", "blank.txt", "image.md", "random.txt", "utf16.txt", "latin1.txt", "nul.md",
		"broken-yaml.md", "broken-toml.md", "date-list.md", "title-map.md", "tags-number.md", "draft-yes.md",
		"no-date.txt", "huge.md"}

	t.Run("without -strict the build exits 0 and names each bad file at a line", func(t *testing.T) {
		code, stdout, stderr := run(t, "build", "-content", content, "-out", filepath.Join(dir, "mixed"))
		if code != 0 {
			t.Fatalf("exit %d, want 0\n%s", code, stderr)
		}
		for _, name := range bad {
			if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(filepath.Join(content, name)) + `:\d+: \S`).MatchString(stderr) {
				t.Errorf("no \"%s:LINE: message\" on stderr", name)
			}
		}
		summary := regexp.MustCompile(`(?m)^left out (\d+) files: (.*)$`).FindStringSubmatch(stderr)
		if summary == nil || summary[1] != strconv.Itoa(len(bad)) {
			t.Errorf("summary %q, want \"left out %d files: ...\"\n%s", summary, len(bad), stderr)
		}
		// The good ones: a.md, b.txt and the fixtures in odd but fine shapes.
		if !strings.Contains(stdout, "from 5 articles") {
			t.Errorf("stdout = %q, want 5 articles read", stdout)
		}
	})

	t.Run("with -strict the build exits 1 and leaves the site as it was", func(t *testing.T) {
		code, stdout, stderr := run(t, "build", "-strict", "-content", content, "-out", out)
		if code != 1 {
			t.Errorf("exit %d, want 1; stdout %q", code, stdout)
		}
		if !strings.Contains(stderr, "left out") {
			t.Errorf("stderr does not say what was left out:\n%s", stderr)
		}
		if after := snapshot(t, out); !equalSnapshots(site, after) {
			t.Errorf("the failed build changed the site:\n before %v\n after  %v", keys(site), keys(after))
		}
	})
}
