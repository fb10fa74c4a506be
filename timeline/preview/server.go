package preview

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Report is what a successful build tells the preview.
type Report struct {
	Summary  string   // one line for the terminal, such as "65 events from 5 articles"
	Warnings []string // "path:line: message", one for each file the build left out
}

// Status is what open pages are told about the site and its last build.
type Status struct {
	// Build names the site on disk. It changes with every successful
	// build (and every run of the server), and a page from another build
	// reloads. Empty before the first successful build.
	Build string `json:"build"`
	// Errors are the diagnostics of the last build when it failed; the
	// site on disk is then the last good one.
	Errors []string `json:"errors,omitempty"`
	// Warnings are the diagnostics of the build that made the site.
	Warnings []string `json:"warnings,omitempty"`
}

// A Server rebuilds a site when told to, serves its output folder over
// HTTP with the reload script in every page, and tells open pages when to
// reload. Set the fields before the first call; they must not change after.
type Server struct {
	Dir   string                                    // the output folder Build writes
	Base  string                                    // the URL path the site is served under; default "/"
	Build func(ctx context.Context) (Report, error) // writes the site to Dir
	Log   io.Writer                                 // where rebuilds and diagnostics are reported; nil discards

	build sync.Mutex // one build at a time

	mu      sync.Mutex
	once    sync.Once
	session string // tells this run's builds from an earlier run's
	builds  int
	status  Status
	clients map[*client]bool
	closed  bool
}

// client is one open reload stream; notify says the status changed.
type client struct{ notify chan struct{} }

func (s *Server) init() {
	s.once.Do(func() {
		b := make([]byte, 4)
		rand.Read(b)
		s.session = hex.EncodeToString(b)
		s.clients = map[*client]bool{}
	})
}

func (s *Server) logf(format string, args ...any) {
	if s.Log != nil {
		fmt.Fprintf(s.Log, format, args...)
	}
}

// Status returns the status the pages are told.
func (s *Server) Status() Status {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

// Rebuild runs Build, reports the result to Log and to the open pages,
// and returns the new status. A failed build keeps the site on disk (the
// last good one, which Build must leave whole) and shows its errors over
// the pages; a successful one makes the pages reload. why names what
// changed, for the log ("" for the first build).
func (s *Server) Rebuild(ctx context.Context, why string) Status {
	s.init()
	s.build.Lock()
	defer s.build.Unlock()
	start := time.Now()
	rep, err := s.Build(ctx)
	took := time.Since(start).Round(time.Millisecond)
	if err != nil && ctx.Err() != nil {
		return s.Status() // stopped by shutdown: nothing to tell
	}

	s.mu.Lock()
	if err != nil {
		s.status.Errors = lines(err.Error())
	} else {
		s.builds++
		s.status = Status{Build: fmt.Sprintf("%s-%d", s.session, s.builds), Warnings: rep.Warnings}
	}
	st := s.status
	for c := range s.clients {
		select {
		case c.notify <- struct{}{}:
		default: // it has a notice to read already, and will read the latest status
		}
	}
	s.mu.Unlock()

	if why != "" {
		why += "; "
	}
	if err != nil {
		s.logf("%sbuild failed after %v; still serving the last good site:\n", why, took)
		for _, l := range st.Errors {
			s.logf("%s\n", l)
		}
		return st
	}
	for _, w := range st.Warnings {
		s.logf("%s\n", w)
	}
	s.logf("%sbuilt in %v: %s\n", why, took, rep.Summary)
	return st
}

// lines splits a multi-line error into its diagnostics.
func lines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimRight(l, "\r "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Run rebuilds after each Change from changes until ctx is done or
// changes is closed. When no change came for IdleCollect after a rebuild,
// it runs a garbage collection, so that the next rebuild starts with the
// memory a collection frees and seldom needs one itself: a preview keeps
// what it made for the rebuilds to come, hundreds of megabytes at 10,000
// articles, and a collection during a rebuild marks all of it, which
// costs the rebuild a third or more of its time. A change that comes
// during the collection starts its rebuild at once.
func (s *Server) Run(ctx context.Context, changes <-chan Change) {
	collect := make(chan struct{}, 1)
	var collector sync.WaitGroup
	collector.Go(func() {
		for range collect {
			runtime.GC()
		}
	})
	defer collector.Wait()
	defer close(collect)
	idle := time.NewTimer(IdleCollect)
	idle.Stop()
	defer idle.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-changes:
			if !ok {
				return
			}
			s.Rebuild(ctx, describe(c))
			if IdleCollect > 0 {
				idle.Reset(IdleCollect)
			}
		case <-idle.C:
			select {
			case collect <- struct{}{}:
			default: // one is under way
			}
		}
	}
}

// IdleCollect is how long Run waits after a rebuild without a change
// before it collects garbage; 0 never does. People save a file seconds
// apart: a rebuild's reload comes long before the next save.
var IdleCollect = 300 * time.Millisecond

// describe says in a few words what changed.
func describe(c Change) string {
	if c.Rescan {
		return "events were lost, rescanned"
	}
	if len(c.Paths) == 0 {
		return "changed"
	}
	name := c.Paths[0]
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			name = rel
		}
	}
	if len(c.Paths) > 1 {
		return fmt.Sprintf("%s and %d more changed", name, len(c.Paths)-1)
	}
	return name + " changed"
}

// Close ends the open reload streams and refuses new ones. Serve calls it
// when it shuts down: streams never go idle by themselves.
func (s *Server) Close() {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for c := range s.clients {
		close(c.notify)
		delete(s.clients, c)
	}
}

func (s *Server) subscribe() *client {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	c := &client{notify: make(chan struct{}, 1)}
	s.clients[c] = true
	return c
}

func (s *Server) unsubscribe(c *client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, c) // Close may have removed it already
}

// Clients returns how many reload streams are open.
func (s *Server) Clients() int {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// Timeouts of the HTTP server against slow and stalled clients. Reload
// streams set their own: none for reading, writeWait for each write.
var (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	writeWait         = 10 * time.Second
	pingEvery         = 20 * time.Second
	shutdownWait      = 5 * time.Second
)

// Serve serves s on ln until ctx is done, then shuts down: the reload
// streams end first, then requests under way get a few seconds to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.init()
	errLog := io.Discard
	if s.Log != nil {
		errLog = s.Log
	}
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(errLog, "serve: ", 0),
	}
	hs.RegisterOnShutdown(s.Close)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		s.Close()
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownWait)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		hs.Close() // requests that would not finish
	}
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) {
		return serr
	}
	return err
}
