package article

import (
	"os"
	"path/filepath"
	"testing"
)

func benchmarkParse(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	blocks := 0
	for b.Loop() {
		a, err := Parse(path, data)
		if err != nil {
			b.Fatal(err)
		}
		blocks = len(a.Blocks)
	}
	b.ReportMetric(float64(blocks), "blocks/op")
}

func BenchmarkParseText(b *testing.B) {
	benchmarkParse(b, filepath.Join(sharedDir, "seed", "000_ce4f90f83656172b.txt"))
}

func BenchmarkParseMarkdown(b *testing.B) {
	benchmarkParse(b, filepath.Join("testdata", "yaml.md"))
}
