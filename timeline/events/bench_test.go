package events

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/timelinehq/timeline/timeline/article"
)

// BenchmarkExtract measures extraction, dates included, over the sample
// content and the MEANTIME dev articles (when ../shared is beside the
// checkout), reporting MB/s and articles/s.
func BenchmarkExtract(b *testing.B) {
	var paths []string
	for _, glob := range []string{"../../content/*.txt", "../../content/*.md", "../../../shared/corpora/meantime-dev/*.txt"} {
		m, _ := filepath.Glob(glob)
		paths = append(paths, m...)
	}
	var arts []*article.Article
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a, err := article.Parse(p, data)
		if err != nil {
			continue
		}
		arts = append(arts, a)
		size += len(data)
	}
	if len(arts) == 0 {
		b.Skip("no articles found")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			Extract(a)
		}
	}
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
