package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func init() {
	commands["build"] = command{"build the site from the articles in a folder", runBuild}
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", "[-content DIR] [-out DIR] [-base-url URL] [-templates DIR] [-title TEXT] [-cache DIR] [-strict] [-quiet] [-v]", stderr)
	cfg := timeline.Config{Warnings: stderr}
	applyConfigFile := siteFlags(fs, &cfg)
	quiet := fs.Bool("quiet", false, "print no progress line")
	verbose := fs.Bool("v", false, "print each stage's time and the cache's hit rate")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) to `FILE`")
	memProfile := fs.String("memprofile", "", "write a heap profile (pprof) to `FILE`, taken when the live heap was largest")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "timeline build: unexpected argument %q\n", rest[0])
		fs.Usage()
		return errUsage
	}
	if _, err := applyConfigFile(); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var peak *peakHeap
	if *memProfile != "" {
		peak = watchHeap(100 * time.Millisecond)
	}
	var line *progressLine
	if !*quiet && isTerminal(stderr) {
		line = &progressLine{w: stderr}
		cfg.Progress = line.show
		cfg.Warnings = line.above(stderr)
	}
	res, err := timeline.Build(ctx, cfg)
	line.clear()
	if *memProfile != "" {
		if err := peak.write(*memProfile); err != nil {
			return err
		}
	}
	if *verbose {
		for _, s := range res.Stages {
			fmt.Fprintf(stderr, "%-18s %8.3fs\n", s.Name, s.Took.Seconds())
		}
		if n := res.Articles + len(res.LeftOut); n > 0 {
			fmt.Fprintf(stderr, "cache: %d of %d articles (%.0f%%)\n", res.Cached, n, 100*float64(res.Cached)/float64(n))
		}
		fmt.Fprintf(stderr, "files: %d, %d written, %d removed\n", res.Files, res.Written, res.Removed)
	}
	if len(res.LeftOut) > 0 {
		fmt.Fprintf(stderr, "left out %d %s: %s\n", len(res.LeftOut), plural(len(res.LeftOut), "file", "files"), strings.Join(res.LeftOut, ", "))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %s: %d events from %d articles", cfg.OutDir, res.Events, res.Articles)
	if len(res.LeftOut) > 0 {
		fmt.Fprintf(stdout, " (%d left out, see above)", len(res.LeftOut))
	}
	fmt.Fprintln(stdout)
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// peakHeap watches the live heap while a build runs and keeps a heap
// profile taken when it was largest: a profile at the end of a build,
// when most of it is free, shows little of what the build held.
type peakHeap struct {
	stop, done chan struct{}
	profile    []byte // the heap profile at the largest live heap seen
	live       uint64 // that live heap, in bytes
}

// watchHeap samples the live heap (as of the last collection) every
// interval, and profiles it when it grew by a twentieth since the last
// profile.
func watchHeap(every time.Duration) *peakHeap {
	p := &peakHeap{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > p.live+p.live/20 {
				var b bytes.Buffer
				if pprof.Lookup("heap").WriteTo(&b, 0) == nil {
					p.profile, p.live = b.Bytes(), v
				}
			}
		}
	}()
	return p
}

// write stops the watch and writes the profile of the largest heap it
// saw, or of the heap now if it saw none.
func (p *peakHeap) write(name string) error {
	close(p.stop)
	<-p.done
	if p.profile == nil {
		runtime.GC() // the live heap, not what is waiting to be collected
		var b bytes.Buffer
		if err := pprof.Lookup("heap").WriteTo(&b, 0); err != nil {
			return err
		}
		p.profile = b.Bytes()
	}
	return os.WriteFile(name, p.profile, 0o644)
}

// isTerminal reports whether w is a terminal, where a progress line that
// rewrites itself makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressLine is one line on a terminal that a build rewrites as it goes.
// Warnings go above it, so it never hides them.
type progressLine struct {
	w     io.Writer
	mu    sync.Mutex
	last  time.Time
	shown bool
}

func (p *progressLine) show(pr timeline.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond || pr.Done == pr.Total {
		p.last = now
		var b strings.Builder
		switch pr.Stage {
		case "extract":
			fmt.Fprintf(&b, "articles %d/%d (%d from the cache)", pr.Done, pr.Total, pr.Cached)
		default:
			fmt.Fprintf(&b, "pages %d/%d", pr.Done, pr.Total)
		}
		fmt.Fprintf(p.w, "\r\x1b[K%s", b.String())
		p.shown = true
	}
}

func (p *progressLine) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// above returns a writer whose lines go above the progress line.
func (p *progressLine) above(w io.Writer) io.Writer {
	return writerFunc(func(b []byte) (int, error) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.shown {
			fmt.Fprint(w, "\r\x1b[K")
			p.shown = false
			p.last = time.Time{} // redraw at the next progress
		}
		return w.Write(b)
	})
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }
