package site

import (
	"bytes"
	"context"
	"fmt"
	"github.com/timelinehq/timeline/timeline/timex"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkBuild builds a site of 500 events over 100 articles: 1 index,
// 17 period pages, 500 event and 100 article pages, plus events.json, the
// feed and the assets.
func BenchmarkBuild(b *testing.B) {
	benchBuild(b, syntheticSite(500, 100))
}

// BenchmarkBuildLarge builds 20,000 events over 2,000 articles.
func BenchmarkBuildLarge(b *testing.B) {
	benchBuild(b, syntheticSite(20000, 2000))
}

func benchBuild(b *testing.B, s Site) {
	out := filepath.Join(b.TempDir(), "public")
	v := newSiteView(s, "")
	pages := len(v.jobs())
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if err := buildSite(context.Background(), s, nil, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages*b.N)/(cpuTime()-cpu).Seconds(), "pages/cpu-s")
	largest, total := 0, 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += int(info.Size())
		if strings.HasSuffix(p, ".html") {
			largest = max(largest, int(info.Size()))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(largest), "largest-page-B")
	b.ReportMetric(float64(total)/1e6, "output-MB")
}

// cpuTime is the CPU time the process has used, so that a benchmark on a
// busy machine can say how fast it is per core as well as per second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRenderEvents renders the event pages of 20,000 events over
// 2,000 articles into memory, keys included: the cost of a page without
// the disk.
func BenchmarkRenderEvents(b *testing.B) {
	s := syntheticSite(20000, 2000)
	v := newSiteView(s, "")
	ts := defaultTemplates(b)
	var jobs []pageJob
	for _, j := range v.jobs() {
		if j.day != nil {
			jobs = append(jobs, j)
		}
	}
	var buf bytes.Buffer
	var e enc
	benchPages(b, jobs, func(j pageJob) int {
		p := v.data(j)
		if _, _, err := v.key(ts.seeds[j.tmpl], &e, j, p, nil); err != nil {
			b.Fatal(err)
		}
		return benchRender(b, &buf, ts, j, p)
	})
}

// BenchmarkKeys makes the views of 20,000 events over 2,000 articles, 20
// a day, and every page's key: what a rebuild that renders nothing costs.
func BenchmarkKeys(b *testing.B) {
	s := syntheticSite(20000, 2000)
	day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range s.Events {
		s.Events[i].Date = timex.Value(day.AddDate(0, 0, i/20).Format("2006-01-02"))
	}
	for i, a := range s.Articles {
		a.Sum = fmt.Sprintf("%064x", i) // as the reader sets it
	}
	ts := defaultTemplates(b)
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		keys, err := newSiteView(s, "").keys(ts, nil)
		if err != nil {
			b.Fatal(err)
		}
		pages = len(keys)
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkEventsJSON encodes 20,000 events as events.json, which every
// build that changes an event writes whole.
func BenchmarkEventsJSON(b *testing.B) {
	s := syntheticSite(20000, 2000)
	v := newSiteView(s, "")
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		data, err := jsonExport{}.Make(v, &s)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.SetBytes(int64(size))
}

// BenchmarkRenderPages renders the pages of 20,000 events over 2,000
// articles into memory, one template at a time: the templates' own cost,
// without keys or the disk: about half of a full build's time.
//
//	go test -run '^$' -bench RenderPages -benchmem -cpu 1 ./timeline/site
func BenchmarkRenderPages(b *testing.B) {
	s := syntheticSite(20000, 2000)
	v := newSiteView(s, "")
	ts := defaultTemplates(b)
	byTmpl := map[string][]pageJob{}
	var names []string
	for _, j := range v.jobs() {
		if byTmpl[j.tmpl] == nil {
			names = append(names, j.tmpl)
		}
		byTmpl[j.tmpl] = append(byTmpl[j.tmpl], j)
	}
	for _, name := range names {
		jobs := byTmpl[name]
		if len(jobs) < 10 {
			continue // the index, the search page, the lists of groups
		}
		b.Run("tmpl="+strings.TrimSuffix(name, ".html"), func(b *testing.B) {
			var buf bytes.Buffer
			benchPages(b, jobs, func(j pageJob) int { return benchRender(b, &buf, ts, j, v.data(j)) })
		})
	}
}

// benchPages runs one over jobs b.N times; one makes a page and returns
// its size.
func benchPages(b *testing.B, jobs []pageJob, one func(pageJob) int) {
	size := 0
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		size = 0
		for _, j := range jobs {
			size += one(j)
		}
	}
	secs := (cpuTime() - cpu).Seconds()
	b.ReportMetric(float64(len(jobs)*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(len(jobs)*b.N)/secs, "pages/cpu-s")
	b.ReportMetric(float64(size*b.N)/secs/1e6, "MB/cpu-s")
	b.ReportMetric(float64(size)/float64(len(jobs)), "B/page")
}

// benchRender renders the page p of j into buf, its article's body
// included, and returns its size.
func benchRender(b *testing.B, buf *bytes.Buffer, ts *pages, j pageJob, p *page) int {
	if j.ai != nil {
		p.Article.render(j.ai, j.ai.a)
	}
	buf.Reset()
	if err := ts.sets[j.tmpl].ExecuteTemplate(buf, ts.name[j.tmpl], p); err != nil {
		b.Fatal(err)
	}
	return buf.Len()
}
