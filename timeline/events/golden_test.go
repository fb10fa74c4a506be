package events

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenSampleContent pins the events of every sample article, so a
// rule change shows its whole effect in review. Rewrite with -update.
func TestGoldenSampleContent(t *testing.T) {
	paths, _ := filepath.Glob("../../content/*")
	for _, p := range paths {
		ext := filepath.Ext(p)
		if ext != ".md" && ext != ".txt" {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(p), ext)
		t.Run(name, func(t *testing.T) {
			a, err := article.Read(p)
			if err != nil {
				t.Fatal(err)
			}
			a.Path = filepath.Base(p) // golden files do not depend on where the tests run
			got, err := json.MarshalIndent(Extract(a), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./timeline/events -run Golden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("events of %s differ from %s; if the change is intended, rerun with -update and review the diff", p, golden)
			}
		})
	}
}
