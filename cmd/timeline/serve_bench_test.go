package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/preview"
)

// BenchmarkServeReload measures the preview's latency as a user feels it:
// from an editor's save of one article to the reload event, through the
// watcher, its debounce (100ms of quiet) and a timeline.Build. The corpora
// are the sample articles and copies of them with new titles.
//
//	go test -run '^$' -bench ServeReload -benchtime 10x ./cmd/timeline
func BenchmarkServeReload(b *testing.B) {
	for _, n := range []int{5, 300, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			content := sampleContent(b, n/5-1)
			cfg := timeline.Config{ContentDir: content, OutDir: filepath.Join(b.TempDir(), "site"), CacheDir: filepath.Join(b.TempDir(), "cache")}
			build := buildFunc([]string{"-content", cfg.ContentDir, "-cache", cfg.CacheDir}, cfg.OutDir)
			var mu sync.Mutex
			var building time.Duration
			srv := &preview.Server{Dir: cfg.OutDir, Build: func(ctx context.Context) (preview.Report, error) {
				start := time.Now()
				rep, err := build(ctx)
				mu.Lock()
				building += time.Since(start)
				mu.Unlock()
				return rep, err
			}}
			w, err := preview.Watch(watchOptions(cfg, configFile, 0, io.Discard))
			if err != nil {
				b.Fatal(err)
			}
			defer w.Close()
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			defer wg.Wait()
			defer cancel()
			if st := srv.Rebuild(ctx, ""); len(st.Errors) > 0 {
				b.Fatalf("the first build failed: %v", st.Errors)
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			wg.Go(func() { srv.Run(ctx, w.C) })
			wg.Go(func() { srv.Serve(ctx, ln) })
			events := openEvents(b, "http://"+ln.Addr().String()+"/")
			await(b, events, "the first status", func(ev sseEvent) bool { return ev.name == "status" })

			path := filepath.Join(content, natoName)
			text, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			mu.Lock()
			building = 0
			mu.Unlock()
			var total time.Duration
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				editorSave(b, path, strings.Replace(string(text), natoTitle, fmt.Sprintf(`title = "NATO, edit %d"`, i), 1))
				ev := await(b, events, "a reload", func(ev sseEvent) bool { return ev.name != "status" || len(ev.status.Errors) > 0 })
				total += time.Since(start)
				if ev.name != "reload" {
					b.Fatalf("the save gave %+v", ev)
				}
			}
			b.StopTimer()
			mu.Lock()
			defer mu.Unlock()
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/reload")
			b.ReportMetric(float64(building.Milliseconds())/float64(b.N), "build-ms/reload")
		})
	}
}
