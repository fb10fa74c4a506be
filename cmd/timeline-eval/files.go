package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// modulePath is this module's path: the go.mod declaring it marks the
// repository root, beside which ../shared lies.
const modulePath = "github.com/timelinehq/timeline"

// repoRoot is the folder holding this module's go.mod, from the working
// directory up. The go.mod of another module, such as tools/compare/when,
// is passed over.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && goModPath(b) == modulePath {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of %s above the working directory; give -corpora", modulePath)
		}
		dir = parent
	}
}

// goModPath is the module path a go.mod declares, or "".
func goModPath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], "\"`")
		}
	}
	return ""
}
