package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
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
	memProfile := fs.String("memprofile", "", "write a heap profile (pprof) to `FILE` at the end")
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
	var line *progressLine
	if !*quiet && isTerminal(stderr) {
		line = &progressLine{w: stderr}
		cfg.Progress = line.show
		cfg.Warnings = line.above(stderr)
	}
	res, err := timeline.Build(ctx, cfg)
	line.clear()
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
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

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC() // the live heap, not what is waiting to be collected
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
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
