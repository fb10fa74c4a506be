package main

import (
	"errors"
	"io"
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

func TestWriteOutputReplacesTheFileOnlyOnSuccess(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pred.jsonl")
	if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := writeOutput(path, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("writeOutput = %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("after a failed write the file holds %q, want the old one", b)
	}
	if err := writeOutput(path, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Errorf("the file holds %q, want new", b)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (%v), want the old file's 0600", fi.Mode(), err)
	}
	if err := writeOutput(filepath.Join(dir, "fresh.jsonl"), func(io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "fresh.jsonl")); err != nil || fi.Mode().Perm() != 0o644 || fi.Size() != 0 {
		t.Errorf("new empty file: %v, %v", fi, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("temporary files left: %v", ents)
	}
	if writeOutput(filepath.Join(dir, "missing", "x.jsonl"), func(io.Writer) error { return nil }) == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func TestWriteOutputReportsAFullDevice(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip(err)
	}
	err := writeOutput("/dev/full", func(w io.Writer) error { _, err := io.WriteString(w, "x\n"); return err })
	if err == nil {
		t.Error("writing to /dev/full succeeded")
	}
}
