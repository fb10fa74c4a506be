// Package testshared lets tests use what lies outside the repository —
// ../shared (the evaluation data beside the checkout) and tools such as
// python3 and chromium — skipping where it is missing on a developer's
// machine but failing in CI (CI=true), where a skip would hide a failure.
package testshared

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in CI.
func InCI() bool { return os.Getenv("CI") == "true" }

// Need skips the test when path does not exist, or fails it in CI.
func Need(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		missing(t, path, err)
	}
}

// NeedTool skips the test when the command is not on PATH, or fails it
// in CI, and returns the command's path.
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name, err)
	}
	return p
}

func missing(t testing.TB, what string, err error) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s is needed in CI: %v", what, err)
	}
	t.Skipf("%s not available: %v", what, err)
}
