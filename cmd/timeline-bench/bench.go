package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// hugoVersion is the Hugo release the comparison installs: the newest
// whose go.mod asks for no Go newer than 1.26 (v0.166.0 and later need 1.27).
const hugoVersion = "v0.165.0"

// timelinePkg is the command the bench builds once into the work folder.
const timelinePkg = "github.com/timelinehq/timeline/cmd/timeline"

// measure is one child process: its wall time, the processor time it
// used (user + system; on a shared machine it varies less than wall time)
// and its peak resident memory.
type measure struct {
	Wall, CPU time.Duration
	MaxRSS    int64 // bytes
}

// sizeResult is everything measured at one corpus size.
type sizeResult struct {
	N                           int
	Content, HugoContent        int64 // bytes of articles
	Dups                        int
	Edited                      string // the edited article's file name
	Full, Unchanged, Edit, Hugo []measure
	Fresh                       measure // full build of the edited corpus, run 1
	Out, HugoOut                treeStats
	Events                      int      // in the full build's events.json; -1 if unreadable
	Diffs                       []string // edited rebuild vs fresh build
	Checked                     bool     // whether that comparison ran
}

type benchFlags struct {
	sizes          []int
	runs           int
	seed           uint64
	timeline, hugo string
	work           string
	fullOnly       bool
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", "run [-sizes 1000,10000] [-runs N] [-seed S] [-timeline BIN] [-hugo BIN] [-work DIR] [-full-only]", stderr)
	sizes := fs.String("sizes", "1000,10000", "comma-separated corpus sizes, in articles")
	var f benchFlags
	fs.IntVar(&f.runs, "runs", 1, "repeat each measurement this many times and print ranges")
	fs.Uint64Var(&f.seed, "seed", 1, "the corpus seed")
	fs.StringVar(&f.timeline, "timeline", "", "the timeline binary; default: built from this module into the work folder")
	fs.StringVar(&f.hugo, "hugo", "", "the hugo binary; default: the work folder's, installed with go install "+hugoVersion+" when missing")
	fs.StringVar(&f.work, "work", filepath.Join(os.TempDir(), "timeline-bench"), "the work folder for binaries, corpora and output")
	fs.BoolVar(&f.fullOnly, "full-only", false, "build with timeline only in full: no unchanged or edited rebuild, no check (for a build too slow to run four times)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 2 {
			fmt.Fprintf(stderr, "timeline-bench run: bad size %q in -sizes\n", s)
			return errUsage
		}
		f.sizes = append(f.sizes, n)
	}
	if f.runs < 1 || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	work, err := filepath.Abs(f.work)
	if err != nil {
		return err
	}
	bin := filepath.Join(work, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return err
	}
	log := func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) }

	if f.timeline == "" {
		f.timeline = filepath.Join(bin, "timeline")
		log("building %s", f.timeline)
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", f.timeline, timelinePkg).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", timelinePkg, err, out)
		}
	}
	if f.hugo == "" {
		f.hugo = filepath.Join(bin, "hugo")
		if _, err := os.Stat(f.hugo); err != nil {
			if err := installHugo(ctx, bin, work, log); err != nil {
				return err
			}
		}
	}
	help, _ := exec.CommandContext(ctx, f.timeline, "build", "-h").CombinedOutput()
	flags := buildFlags{cache: hasFlag(help, "cache"), quiet: hasFlag(help, "quiet")}
	if !flags.cache {
		log("timeline build has no -cache flag: building without one")
	}
	hugoVer, _ := exec.CommandContext(ctx, f.hugo, "version").Output()

	// Other work on the machine slows every figure; the table says how much there was.
	loadStart := loadavg()
	var results []sizeResult
	for _, n := range f.sizes {
		r, err := benchSize(ctx, f, work, n, flags, log)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	fmt.Fprintf(stdout, "timeline-bench run -sizes %s -runs %d -seed %d", *sizes, f.runs, f.seed)
	if f.fullOnly {
		fmt.Fprint(stdout, " -full-only")
	}
	fmt.Fprintf(stdout, "\nload average (1, 5, 15 min) at start: %s, at end: %s\n", loadStart, loadavg())
	fmt.Fprintf(stdout, "timeline: %s build %s\nhugo: %s\n", f.timeline, strings.Join(flags.args("CONTENT", "OUT", "CACHE"), " "), strings.TrimSpace(string(hugoVer)))
	printTable(stdout, results, f.runs)
	return nil
}

// loadavg returns the machine's load averages, or "unknown" off Linux.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// buildFlags says which optional flags of timeline build the binary has.
type buildFlags struct{ cache, quiet bool }

// args returns the arguments of timeline build after "build".
func (b buildFlags) args(content, out, cache string) []string {
	args := []string{"-content", content, "-out", out}
	if b.cache {
		args = append(args, "-cache", cache)
	}
	if b.quiet {
		args = append(args, "-quiet")
	}
	return args
}

// hasFlag reports whether the usage text of a flag.FlagSet lists -name.
func hasFlag(usage []byte, name string) bool {
	return regexp.MustCompile(`(?m)^\s+-` + regexp.QuoteMeta(name) + `(\s|$)`).Match(usage)
}

func installHugo(ctx context.Context, bin, work string, log func(string, ...any)) error {
	log("installing hugo %s into %s (go install; this takes minutes)", hugoVersion, bin)
	cmd := exec.CommandContext(ctx, "go", "install", "github.com/gohugoio/hugo@"+hugoVersion)
	// Outside any module, so nothing can touch the project's go.mod.
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go install hugo@%s: %v\n%s", hugoVersion, err, out)
	}
	return nil
}

// benchSize generates the corpus of n articles and measures both tools on it.
func benchSize(ctx context.Context, f benchFlags, work string, n int, flags buildFlags, log func(string, ...any)) (sizeResult, error) {
	res := sizeResult{N: n}
	dir := filepath.Join(work, fmt.Sprintf("n%d", n))
	if err := os.RemoveAll(dir); err != nil {
		return res, err
	}
	content, hugoSite := filepath.Join(dir, "content"), filepath.Join(dir, "hugo")
	log("n=%d: generating the corpus in %s", n, dir)
	st, err := writeCorpus(ctx, f.seed, n, content, hugoSite)
	if err != nil {
		return res, err
	}
	res.Content, res.Dups = st.Bytes, st.Dups
	if res.HugoContent, err = dirBytes(filepath.Join(hugoSite, "content")); err != nil {
		return res, err
	}
	k := n / 2 // the edited article
	orig := generate(f.seed, k)
	res.Edited = orig.fileName()

	out, cache := filepath.Join(dir, "out"), filepath.Join(dir, "cache")
	fresh, freshCache := filepath.Join(dir, "out-fresh"), filepath.Join(dir, "cache-fresh")
	hugoOut := filepath.Join(dir, "hugo-public")
	build := func(what, out, cache string) (measure, error) {
		m, err := runChild(ctx, f.timeline, append([]string{"build"}, flags.args(content, out, cache)...)...)
		if err != nil {
			return m, fmt.Errorf("n=%d: timeline %s: %w", n, what, err)
		}
		log("n=%d: timeline %-9s %8.2f s  cpu %8.2f s  %6.0f MiB", n, what, m.Wall.Seconds(), m.CPU.Seconds(), mib(m.MaxRSS))
		return m, nil
	}
	// rebuilds measures the unchanged and the edited rebuild after a full
	// build, and in run 1 checks the edited one against a fresh build.
	rebuilds := func(run int) error {
		m, err := build("unchanged", out, cache)
		if err != nil {
			return err
		}
		res.Unchanged = append(res.Unchanged, m)
		if _, err := editArticle(f.seed, k, content); err != nil {
			return err
		}
		if m, err = build("edit", out, cache); err != nil {
			return err
		}
		res.Edit = append(res.Edit, m)
		if run > 1 {
			return nil
		}
		for _, d := range []string{fresh, freshCache} {
			if err := os.RemoveAll(d); err != nil {
				return err
			}
		}
		if res.Fresh, err = build("fresh", fresh, freshCache); err != nil {
			return err
		}
		if res.Diffs, err = diffTrees(out, fresh); err != nil {
			return err
		}
		res.Checked = true
		log("n=%d: edited rebuild vs fresh build: %d differences", n, len(res.Diffs))
		return nil
	}
	for run := 1; run <= f.runs; run++ {
		// Each run starts from the unedited corpus, no output and no cache.
		if err := os.WriteFile(filepath.Join(content, res.Edited), orig.render(), 0o644); err != nil {
			return res, err
		}
		for _, d := range []string{out, cache, hugoOut, filepath.Join(dir, "hugo-cache")} {
			if err := os.RemoveAll(d); err != nil {
				return res, err
			}
		}
		m, err := build("full", out, cache)
		if err != nil {
			return res, err
		}
		res.Full = append(res.Full, m)
		if run == 1 {
			if res.Out, err = statTree(out); err != nil {
				return res, err
			}
			res.Events = countEvents(filepath.Join(out, "events.json"))
		}
		if !f.fullOnly {
			if err := rebuilds(run); err != nil {
				return res, err
			}
		}
		hm, err := runChild(ctx, f.hugo, "--source", hugoSite, "--destination", hugoOut,
			"--cacheDir", filepath.Join(dir, "hugo-cache"), "--noBuildLock", "--quiet")
		if err != nil {
			return res, fmt.Errorf("n=%d: hugo: %w", n, err)
		}
		log("n=%d: hugo               %8.2f s  cpu %8.2f s  %6.0f MiB", n, hm.Wall.Seconds(), hm.CPU.Seconds(), mib(hm.MaxRSS))
		res.Hugo = append(res.Hugo, hm)
		if run == 1 {
			if res.HugoOut, err = statTree(hugoOut); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// countEvents returns the length of the events.json array at path, or -1.
func countEvents(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return -1
	}
	defer f.Close()
	var evs []json.RawMessage
	if err := json.NewDecoder(f).Decode(&evs); err != nil {
		return -1
	}
	return len(evs)
}

// runChild runs a command to its end and measures it; its output is kept
// only to explain a failure.
func runChild(ctx context.Context, name string, args ...string) (measure, error) {
	var buf tailBuffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &buf, &buf
	// Write back what earlier steps left in the page cache, so no build
	// pays for another's output.
	syscall.Sync()
	start := time.Now()
	err := cmd.Run()
	m := measure{Wall: time.Since(start)}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.MaxRSS = ru.Maxrss * 1024 // kilobytes on Linux
			m.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	if err != nil {
		return m, fmt.Errorf("%v\n%s", err, buf.b)
	}
	return m, nil
}

// tailBuffer keeps the last 8 KiB written to it.
type tailBuffer struct{ b []byte }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 8<<10 {
		t.b = t.b[len(t.b)-8<<10:]
	}
	return len(p), nil
}

func dirBytes(dir string) (int64, error) {
	st, err := statTree(dir)
	return st.Bytes, err
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// printTable writes one table of all sizes.
func printTable(w io.Writer, results []sizeResult, runs int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tbuild\ttime\tratio\tCPU time\tpeak RSS\toutput\t× content\tfiles\tlargest file\tlargest HTML page\t")
	for _, r := range results {
		full := seconds(r.Full)
		row := func(name string, ms []measure, ratio string, out *treeStats, content int64) {
			if len(ms) == 0 {
				return // not measured: -full-only
			}
			size, times, files, largest, html := "", "", "", "", ""
			if out != nil {
				size = human(out.Bytes)
				times = fmt.Sprintf("%.1f", float64(out.Bytes)/float64(content))
				files = strconv.Itoa(out.Files)
				largest = fmt.Sprintf("%s %s", out.Largest, human(out.LargestSize))
				html = fmt.Sprintf("%s %s", out.LargestHTML, human(out.LargestHTMLSize))
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.N, name, span(seconds(ms), "%.2f s"),
				ratio, span(cpu(ms), "%.2f s"), span(rss(ms), "%.0f MiB"), size, times, files, largest, html)
		}
		row("timeline full", r.Full, span(ratios(full, seconds(r.Hugo)), "%.2f × Hugo"), &r.Out, r.Content)
		row("timeline unchanged", r.Unchanged, span(ratios(seconds(r.Unchanged), full), "%.3f × full"), nil, 0)
		row("timeline edit", r.Edit, span(ratios(seconds(r.Edit), full), "%.3f × full"), nil, 0)
		if r.Checked {
			row("timeline fresh (edited)", []measure{r.Fresh}, "", nil, 0)
		}
		row("hugo", r.Hugo, "", &r.HugoOut, r.HugoContent)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, r := range results {
		fmt.Fprintf(w, "%d articles: %s of articles (%s as Hugo content), %d syndicated copies; %d events in events.json (%.1f per article); edited %s\n",
			r.N, human(r.Content), human(r.HugoContent), r.Dups, r.Events, float64(r.Events)/float64(r.N), r.Edited)
		switch {
		case !r.Checked:
			fmt.Fprintln(w, "  -full-only: no rebuilds, so no check of the edited rebuild")
			continue
		case len(r.Diffs) == 0:
			fmt.Fprintf(w, "  edited rebuild = fresh build of the edited corpus: byte-identical (%d files)\n", r.Out.Files)
			continue
		}
		fmt.Fprintf(w, "  edited rebuild ≠ fresh build of the edited corpus: %d differences\n", len(r.Diffs))
		for i, d := range r.Diffs {
			if i == 10 {
				fmt.Fprintf(w, "    ... and %d more\n", len(r.Diffs)-10)
				break
			}
			fmt.Fprintln(w, "    "+d)
		}
	}
	if runs > 1 {
		fmt.Fprintf(w, "ranges are min–max over %d runs; output sizes are from run 1\n", runs)
	}
	fmt.Fprintln(w, "time is wall time; ratios are of wall times, run by run; CPU time is user + system of the child process")
}

func seconds(ms []measure) []float64 {
	var s []float64
	for _, m := range ms {
		s = append(s, m.Wall.Seconds())
	}
	return s
}

func cpu(ms []measure) []float64 {
	var s []float64
	for _, m := range ms {
		s = append(s, m.CPU.Seconds())
	}
	return s
}

func rss(ms []measure) []float64 {
	var s []float64
	for _, m := range ms {
		s = append(s, mib(m.MaxRSS))
	}
	return s
}

// ratios divides run by run.
func ratios(a, b []float64) []float64 {
	var s []float64
	for i := range a {
		if i < len(b) && b[i] > 0 {
			s = append(s, a[i]/b[i])
		}
	}
	return s
}

// span prints the values' range in format: one value, or "lo–hi".
func span(vs []float64, format string) string {
	if len(vs) == 0 {
		return ""
	}
	lo, hi := vs[0], vs[0]
	for _, v := range vs {
		lo, hi = min(lo, v), max(hi, v)
	}
	one := fmt.Sprintf(format, lo)
	if other := fmt.Sprintf(format, hi); other != one {
		num, unit, _ := strings.Cut(other, " ")
		if first, _, _ := strings.Cut(one, " "); unit != "" {
			return first + "–" + num + " " + unit
		}
		return one + "–" + other
	}
	return one
}

func human(b int64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d B", b)
}
