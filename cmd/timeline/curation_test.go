package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCurationCheck(t *testing.T) {
	content := sampleContent(t, 0)
	t.Run("the sample's curation file applies", func(t *testing.T) {
		code, stdout, stderr := run(t, "curation", "check", "-content", content, "-no-cache")
		if code != 0 || !strings.Contains(stdout, "every entry applies") {
			t.Errorf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
		}
	})
	t.Run("a stale ID fails the check with its file and line", func(t *testing.T) {
		path := filepath.Join(content, "curation.toml")
		if err := os.WriteFile(path, []byte("[[event]]\nid = \"2020-01-01-call-nobody\"\nhide = true\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, "curation", "check", "-content", content, "-no-cache")
		if code != 1 || !strings.Contains(stderr, path+":1: no event has the ID 2020-01-01-call-nobody") {
			t.Errorf("exit %d\nstderr %s", code, stderr)
		}
		code, stdout, stderr := run(t, "extract", "-json", content)
		if code != 0 || !strings.Contains(stderr, path+":1:") || !strings.HasPrefix(stdout, "[") {
			t.Errorf("extract should warn and go on: exit %d\nstderr %s", code, stderr)
		}
	})
	t.Run("anything but check is a usage error", func(t *testing.T) {
		if code, _, _ := run(t, "curation", "fix"); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
}
