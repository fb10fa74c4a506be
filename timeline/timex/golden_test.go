package timex

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenSeed tags the project's seed article and compares the result
// with testdata/seed.golden.json (go test -run Golden -update rewrites it).
func TestGoldenSeed(t *testing.T) {
	// The seed as the sample content keeps it, byte for byte.
	data, err := os.ReadFile("../../content/2021-12-30-biden-putin-call.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Tag(string(data), thursday)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("seed article: got\n%s\nwant\n%s", got.Bytes(), want)
	}
}
