package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/preview"
)

func init() {
	commands["serve"] = command{"build the site, serve it and rebuild it on every change, reloading the browser", runServe}
}

// defaultAddr is on loopback: the preview has no access control.
const defaultAddr = "127.0.0.1:1313"

// serveSettings is what serve's command line and configuration file say.
type serveSettings struct {
	cfg    timeline.Config
	addr   string
	poll   time.Duration
	config string // the configuration file's path, watched like the content
}

// parseServe reads serve's flags and the configuration file; serve calls
// it again before each build, so that an edited timeline.toml takes effect.
func parseServe(args []string, stderr io.Writer) (serveSettings, error) {
	var st serveSettings
	fs := newFlagSet("serve", "[-content DIR] [-addr HOST:PORT] [-poll DURATION] [-out DIR] [build's site flags]", stderr)
	applyConfigFile := siteFlags(fs, &st.cfg)
	// Without -out the site goes to a temporary folder, so that a preview
	// never replaces a published site in public/.
	if f := fs.Lookup("out"); f != nil {
		f.DefValue, f.Usage = "", "the folder to write the site to, kept on exit (default: a temporary folder removed on exit)"
		st.cfg.OutDir = ""
	}
	fs.StringVar(&st.addr, "addr", defaultAddr, "the `host:port` to serve on; anything but loopback lets other machines see the preview")
	fs.DurationVar(&st.poll, "poll", 0, "look for changes this often (e.g. 500ms) instead of waiting for file-system events,\n"+
		"for network shares and folders mounted into containers; 0 uses events")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return st, err
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "timeline serve: unexpected argument %q\n", rest[0])
		fs.Usage()
		return st, errUsage
	}
	if st.poll < 0 {
		fmt.Fprintln(stderr, "timeline serve: -poll must not be negative")
		return st, errUsage
	}
	if st.config, err = applyConfigFile(); err != nil {
		return st, err
	}
	if st.cfg.ContentDir == "" {
		st.cfg.ContentDir = timeline.DefaultContentDir
	}
	return st, nil
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	settings, err := parseServe(args, stderr)
	if err != nil {
		return err
	}
	cfg, addr, poll := settings.cfg, &settings.addr, &settings.poll
	base := "/"
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil {
			fmt.Fprintf(stderr, "timeline serve: -base-url %q: %v\n", cfg.BaseURL, err)
			return errUsage
		}
		base = u.Path
	}
	// docker stop and systemd send SIGTERM: it stops serve as Ctrl-C does,
	// so the temporary output folder goes too.
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("%w (is another timeline serve running? choose another port with -addr, such as -addr 127.0.0.1:1314)", err)
	}
	defer ln.Close()
	if !loopback(*addr) {
		fmt.Fprintf(stderr, "timeline serve: warning: %s is reachable from other machines, and the preview has no access control\n", *addr)
	}

	outGiven := cfg.OutDir != ""
	if !outGiven {
		tmp, err := os.MkdirTemp("", "timeline-serve-")
		if err != nil {
			return fmt.Errorf("temporary output folder: %w", err)
		}
		defer os.RemoveAll(tmp)
		cfg.OutDir = filepath.Join(tmp, "site")
	}

	memo := new(timeline.Memo) // what the rebuilds after the first reuse
	defer memo.Wait()          // before the temporary folder goes
	srv := &preview.Server{Dir: cfg.OutDir, Base: base, Build: buildFunc(args, cfg.OutDir, memo), Log: stderr}
	w, err := preview.Watch(watchOptions(cfg, settings.config, *poll, stderr))
	if err != nil {
		return err
	}
	defer w.Close()

	fmt.Fprintf(stdout, "building %s into %s", cfg.ContentDir, cfg.OutDir)
	if !outGiven {
		fmt.Fprint(stdout, " (removed on exit)")
	}
	fmt.Fprintln(stdout)
	srv.Rebuild(ctx, "")
	if ctx.Err() != nil {
		return nil
	}
	how := "file-system events"
	if *poll > 0 {
		how = fmt.Sprintf("a scan every %v", *poll)
	}
	fmt.Fprintf(stdout, "watching %s for changes (%s)\n", strings.Join(watched(cfg, settings.config), ", "), how)
	fmt.Fprintf(stdout, "serving the site at %s (Ctrl-C to stop)\n", siteURL(ln.Addr(), srv))

	loopCtx, stopLoop := context.WithCancel(ctx)
	var loop sync.WaitGroup
	loop.Go(func() { srv.Run(loopCtx, w.C) })
	err = srv.Serve(ctx, ln)
	stopLoop()
	loop.Wait() // a build under way stops before its folder is removed
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}

// buildFunc returns the build the preview runs on each change: the
// command line and configuration file read again, and a timeline.Build
// into outDir through memo whose warnings are kept for the page overlay.
func buildFunc(args []string, outDir string, memo *timeline.Memo) func(context.Context) (preview.Report, error) {
	return func(ctx context.Context) (preview.Report, error) {
		var warnings lockedBuffer
		settings, err := parseServe(args, &warnings)
		if err != nil {
			return preview.Report{}, fmt.Errorf("%s%w", warnings.String(), err)
		}
		c := settings.cfg
		c.OutDir = outDir
		c.Warnings = &warnings
		c.Memo = memo
		res, err := timeline.Build(ctx, c)
		text := strings.TrimSpace(warnings.String())
		if err != nil {
			if text != "" {
				return preview.Report{}, fmt.Errorf("%s\n%w", text, err)
			}
			return preview.Report{}, err
		}
		rep := preview.Report{Summary: fmt.Sprintf("%d events from %d articles", res.Events, res.Articles)}
		if len(res.LeftOut) > 0 {
			rep.Summary += fmt.Sprintf(", %d left out", len(res.LeftOut))
		}
		if text != "" {
			rep.Warnings = strings.Split(text, "\n")
		}
		return rep, nil
	}
}

// lockedBuffer collects warnings that a parallel build may write from
// several goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// watchOptions watches the content and templates folders and the
// configuration file, and never the output or cache folders.
func watchOptions(cfg timeline.Config, config string, poll time.Duration, stderr io.Writer) preview.Options {
	opt := preview.Options{
		Dirs:  []string{cfg.ContentDir},
		Files: []string{config},
		Skip:  []string{cfg.OutDir, cfg.CacheDir},
		Poll:  poll,
		OnError: func(err error) {
			fmt.Fprintf(stderr, "timeline serve: %v\n", err)
		},
	}
	if cfg.TemplatesDir != "" {
		opt.Dirs = append(opt.Dirs, cfg.TemplatesDir)
	}
	return opt
}

// watched names what serve watches, for the terminal.
func watched(cfg timeline.Config, config string) []string {
	names := []string{cfg.ContentDir}
	if cfg.TemplatesDir != "" {
		names = append(names, cfg.TemplatesDir)
	}
	return append(names, config)
}

// loopback reports whether addr listens on loopback only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// siteURL is the address to open: the listener's, with "localhost" for a
// listener on every address, and the base path.
func siteURL(addr net.Addr, srv *preview.Server) string {
	host, port, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + srv.BasePath()
}
