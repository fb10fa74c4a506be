package site

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkBuild builds a site of 500 events over 100 articles: 601 pages,
// plus events.json, the feed and the assets.
func BenchmarkBuild(b *testing.B) {
	s := syntheticSite(500, 100)
	out := filepath.Join(b.TempDir(), "public")
	pages := 1 + len(s.Events) + len(s.Articles)
	b.ReportAllocs()
	for b.Loop() {
		if err := buildSite(context.Background(), s, nil, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}
