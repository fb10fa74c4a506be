package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/timelinehq/timeline/templates"
	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/preview"
)

// BenchmarkServeReload measures the preview's latency as a user feels it:
// from an editor's save of one article to the reload event, through the
// watcher, its debounce (DefaultQuiet) and a rebuild. The corpora are the
// sample (5 articles) and the bench's generated corpus (timeline-bench
// gen, seed 1) of 1,000 and 10,000 articles; each save adds a sentence
// with a new event to one article, so the rebuild extracts it again,
// merges and rewrites the pages whose bytes changed.
//
// It saves twice over: at once after each reload (pause=0s), the worst
// case, and a second after it (pause=1s), as a person does, which gives
// the preview the quiet spell it collects garbage in (preview.IdleCollect).
//
//	go test -run '^$' -bench ServeReload -benchtime 10x ./cmd/timeline
//
// With TIMELINE_RELOAD_PROFILE=FILE it writes a CPU profile of the
// reloads alone (see reloadProfile), with TIMELINE_HEAP_PROFILE=FILE a
// heap profile after them (see heapProfile).
func BenchmarkServeReload(b *testing.B) {
	for _, n := range []int{5, 1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			content, name := sampleContent(b, 0), natoName
			if n > 5 {
				content, name = generatedContent(b, n)
			}
			p := startPreview(b, content, "")
			path := filepath.Join(content, name)
			text, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			edits := 0
			for _, pause := range []time.Duration{0, time.Second} {
				b.Run(fmt.Sprintf("pause=%v", pause), func(b *testing.B) {
					p.reloads(b, fmt.Sprintf("%d-pause=%v", n, pause), pause, func() {
						editorSave(b, path, fmt.Sprintf("%s\n\nThe foreign minister said on Monday that talks with Oslo would resume, edit %d.\n", text, edits))
						edits++
					})
				})
			}
		})
	}
}

// BenchmarkServeTemplateEdit measures a template edit under the preview
// at 10,000 articles (the bench's generated corpus): from an editor's
// save of one template to the reload event, which renders again every
// page that executes what changed. The templates folder holds copies of
// the defaults, and each save changes what one of them shows.
//
//	go test -run '^$' -bench ServeTemplateEdit -benchtime 3x ./cmd/timeline
func BenchmarkServeTemplateEdit(b *testing.B) {
	content, _ := generatedContent(b, 10000)
	dir := filepath.Join(b.TempDir(), "templates")
	edits := []struct{ name, old, new string }{
		{"_layout.html", "</footer>", "<p hidden>%d</p></footer>"},             // every page
		{"day.html", "<h3>What the sources say</h3>", "<h3>Sources (%d)</h3>"}, // the date pages
		{"_entry.html", `<div class="when">`, `<div class="when e%d">`},        // the index and the period pages
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	texts := map[string]string{}
	for _, e := range edits {
		data, err := templates.FS.ReadFile(e.name)
		if err != nil {
			b.Fatal(err)
		}
		texts[e.name] = string(data)
		if err := os.WriteFile(filepath.Join(dir, e.name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	p := startPreview(b, content, dir)
	n := 0
	for _, e := range edits {
		b.Run("template="+e.name, func(b *testing.B) {
			p.reloads(b, "10000-template="+e.name, 0, func() {
				n++
				editorSave(b, filepath.Join(dir, e.name), strings.Replace(texts[e.name], e.old, fmt.Sprintf(e.new, n), 1))
			})
		})
	}
}

// benchPreview is a preview as serve runs it, with what its benchmarks
// read: its reload events and the time its builds took.
type benchPreview struct {
	events   <-chan sseEvent
	mu       sync.Mutex
	building time.Duration
}

// startPreview builds content, with the templates of the folder
// templates when it is not "", serves it and watches it until b ends.
func startPreview(b *testing.B, content, templates string) *benchPreview {
	cfg := timeline.Config{ContentDir: content, TemplatesDir: templates, OutDir: filepath.Join(b.TempDir(), "site"), CacheDir: filepath.Join(b.TempDir(), "cache")}
	memo := new(timeline.Memo)
	b.Cleanup(memo.Wait)
	args := []string{"-content", cfg.ContentDir, "-cache", cfg.CacheDir}
	if templates != "" {
		args = append(args, "-templates", templates)
	}
	build := buildFunc(args, cfg.OutDir, memo)
	p := &benchPreview{}
	srv := &preview.Server{Dir: cfg.OutDir, Build: func(ctx context.Context) (preview.Report, error) {
		start := time.Now()
		rep, err := build(ctx)
		p.mu.Lock()
		p.building += time.Since(start)
		p.mu.Unlock()
		return rep, err
	}}
	w, err := preview.Watch(watchOptions(cfg, configFile, 0, io.Discard))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	b.Cleanup(wg.Wait)
	b.Cleanup(cancel)
	if st := srv.Rebuild(ctx, ""); len(st.Errors) > 0 {
		b.Fatalf("the first build failed: %v", st.Errors)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	wg.Go(func() { srv.Run(ctx, w.C) })
	wg.Go(func() { srv.Serve(ctx, ln) })
	p.events = openEvents(b, "http://"+ln.Addr().String()+"/")
	await(b, p.events, "the first status", func(ev sseEvent) bool { return ev.name == "status" })
	return p
}

// reloads saves b.N times, pause after each reload, and reports the time
// from each save to its reload event and what the reloads cost; label
// names the profiles (see heapProfile and reloadProfile).
func (p *benchPreview) reloads(b *testing.B, label string, pause time.Duration, save func()) {
	p.mu.Lock()
	p.building = 0
	p.mu.Unlock()
	var total, slowest time.Duration
	heapProfile(b, label, ".before")
	stopProfile := reloadProfile(b, label)
	cpu := cpuTime()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	allocated, cycles := mem.TotalAlloc, mem.NumGC
	b.ResetTimer()
	for range b.N {
		if pause > 0 {
			b.StopTimer()
			time.Sleep(pause)
			b.StartTimer()
		}
		start := time.Now()
		save()
		ev := await(b, p.events, "a reload", func(ev sseEvent) bool { return ev.name != "status" || len(ev.status.Errors) > 0 })
		took := time.Since(start)
		total, slowest = total+took, max(slowest, took)
		if ev.name != "reload" {
			b.Fatalf("the save gave %+v", ev)
		}
	}
	b.StopTimer()
	cpu = cpuTime() - cpu
	runtime.ReadMemStats(&mem)
	allocated, cycles = mem.TotalAlloc-allocated, mem.NumGC-cycles
	stopProfile()
	heapProfile(b, label, "")
	p.mu.Lock()
	defer p.mu.Unlock()
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/reload")
	// The mean hides the reload that a collection lands in.
	b.ReportMetric(float64(slowest.Milliseconds()), "slowest-ms")
	// On a shared machine the time on the clock swings with the load; the
	// process's CPU time a reload says what it cost, the idle collections
	// after it included.
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/reload")
	b.ReportMetric(float64(p.building.Milliseconds())/float64(b.N), "build-ms/reload")
	// What the reloads allocate, and the collections: steadier from run to
	// run than the times.
	b.ReportMetric(float64(allocated>>20)/float64(b.N), "alloc-MiB/reload")
	b.ReportMetric(float64(cycles)/float64(b.N), "gc/reload")
	// The process's peak so far: the preview's memo and the chronology,
	// and the sizes run before this one.
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MiB")
	}
}

// heapProfile writes a heap profile, after a collection, when
// TIMELINE_HEAP_PROFILE names a file: "heap.prof-1000-pause=0s" after
// the reloads, what the preview keeps between rebuilds, and
// "heap.prof-1000-pause=0s.before" before them, so that "go tool pprof
// -sample_index=alloc_space -base heap.prof-1000-pause=0s.before
// heap.prof-1000-pause=0s" shows what the reloads allocated.
func heapProfile(b *testing.B, label, suffix string) {
	name := os.Getenv("TIMELINE_HEAP_PROFILE")
	if name == "" {
		return
	}
	runtime.GC()
	f, err := os.Create(fmt.Sprintf("%s-%s%s", name, label, suffix))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// reloadProfile starts a CPU profile of the reloads alone, without the
// first build, when TIMELINE_RELOAD_PROFILE names a file: the file gets
// the corpus size and pause appended, "reload.prof-1000-pause=0s". It
// returns what stops it.
func reloadProfile(b *testing.B, label string) func() {
	name := os.Getenv("TIMELINE_RELOAD_PROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s-%s", name, label))
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// generatedContent is the bench's generated corpus of n articles, made
// once per run with the timeline-bench command, and the name of the
// article in its middle.
func generatedContent(b *testing.B, n int) (dir, name string) {
	b.Helper()
	dir = filepath.Join(b.TempDir(), "content")
	cmd := exec.Command("go", "run", "../timeline-bench", "gen", "-n", strconv.Itoa(n), "-seed", "1", "-out", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("timeline-bench gen: %v\n%s", err, out)
	}
	names, err := filepath.Glob(filepath.Join(dir, fmt.Sprintf("%06d-*", n/2)))
	if err != nil || len(names) != 1 {
		b.Fatalf("no article %d in %s: %v", n/2, dir, err)
	}
	return dir, filepath.Base(names[0])
}
