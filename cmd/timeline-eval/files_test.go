package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRepoRootPassesOverOtherModules(t *testing.T) {
	root := t.TempDir()
	nested := filepath.Join(root, "tools", "compare", "when")
	if err := os.MkdirAll(nested, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(path, s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "go.mod"), "// the repository\r\nmodule \""+modulePath+"\" // quoted\r\n\r\ngo 1.26\r\n")
	write(filepath.Join(nested, "go.mod"), "module "+modulePath+"/tools/compare/when\n")
	t.Chdir(nested)
	got, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := filepath.EvalSymlinks(root); got != root && got != want {
		t.Errorf("repoRoot() = %s, want %s", got, root)
	}

	write(filepath.Join(root, "go.mod"), "module example.com/other\n")
	if got, err := repoRoot(); err == nil && (got == root || got == nested) {
		t.Errorf("repoRoot() = %s, whose go.mod declares another module", got)
	}
}
