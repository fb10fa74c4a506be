package site

import (
	"github.com/timelinehq/timeline/timeline/timex"
	"slices"
	"testing"
	"time"
)

// searchBenchSite is 80,000 events over 8,000 articles, about 30 a day
// and every seventh known only to the month, as a generated corpus of
// 10,000 articles has.
func searchBenchSite() Site {
	s := syntheticSite(80000, 8000)
	day := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range s.Events {
		d := day.AddDate(0, 0, i/30).Format("2006-01-02")
		if i%7 == 3 {
			d = d[:7]
		}
		s.Events[i].Date = timex.Value(d)
	}
	return s
}

// BenchmarkSearchIndex makes the search index of 80,000 events: from
// nothing, as a first build does.
func BenchmarkSearchIndex(b *testing.B) {
	v := newSiteView(searchBenchSite(), "")
	size := 0
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		size = 0
		if err := searchFiles(v, nil, nil, func(_ string, data []byte) error { size += len(data); return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(size)/1e6, "index-MB")
}

// BenchmarkSearchIndexRebuild makes the index of 80,000 events again
// after one of them changed, with a memo, as a preview's rebuild does.
func BenchmarkSearchIndexRebuild(b *testing.B) {
	s := searchBenchSite()
	edited := s
	edited.Events = slices.Clone(s.Events)
	edited.Events[40000].Title += " edited"
	views := []*siteView{newSiteView(s, ""), newSiteView(edited, "")}
	memo := new(Memo)
	none := func(string, []byte) error { return nil }
	if err := searchFiles(views[0], memo, nil, none); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	i := 0
	for b.Loop() {
		i++
		if err := searchFiles(views[i%2], memo, nil, none); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
}
