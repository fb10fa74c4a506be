package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// event is one server-sent event.
type event struct {
	name   string
	status Status
}

// stream is a reload stream opened the way a page's EventSource opens it.
type stream struct {
	resp   *http.Response
	events chan event // closed when the stream ends
}

func openStream(t *testing.T, url string) *stream {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		resp.Body.Close()
		t.Fatalf("GET %s: %s, %s", url, resp.Status, resp.Header.Get("Content-Type"))
	}
	s := &stream{resp: resp, events: make(chan event, 100)}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(line[len("data: "):]), &ev.status)
			case line == "" && ev.name != "":
				s.events <- ev
				ev = event{}
			}
		}
	}()
	t.Cleanup(s.close)
	return s
}

func (s *stream) close() { s.resp.Body.Close() }

// next waits for the next event.
func (s *stream) next(t *testing.T) event {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			t.Fatal("the stream ended")
		}
		return ev
	case <-time.After(patience):
		t.Fatalf("no event within %v", patience)
	}
	return event{}
}

// quiet makes sure no event comes within settle.
func (s *stream) quiet(t *testing.T) {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		if ok {
			t.Fatalf("unexpected %s event: %+v", ev.name, ev.status)
		}
	case <-time.After(settle):
	}
}

// serve runs srv on a loopback port until the test ends and returns its URL.
func serve(t *testing.T, srv *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// fakeSite is a build that turns content/*.md into one page per file and an
// index, written to a new folder swapped into place as the real build
// does. A file whose text starts with "BROKEN" fails the build, one that
// starts with "WARN" gives a warning.
type fakeSite struct {
	content, out string
	builds       atomic.Int64
}

func (f *fakeSite) build(ctx context.Context) (Report, error) {
	f.builds.Add(1)
	entries, err := os.ReadDir(f.content)
	if err != nil {
		return Report{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(f.out), ".out.tmp-")
	if err != nil {
		return Report{}, err
	}
	defer os.RemoveAll(tmp)
	var rep Report
	var index strings.Builder
	for _, e := range entries {
		if e.IsDir() || Ignored(e.Name()) {
			continue
		}
		text, err := os.ReadFile(filepath.Join(f.content, e.Name()))
		if err != nil {
			return Report{}, err
		}
		switch {
		case strings.HasPrefix(string(text), "BROKEN"):
			return Report{}, fmt.Errorf("%s:1: broken front matter\n%s:2: and more", filepath.Join(f.content, e.Name()), filepath.Join(f.content, e.Name()))
		case strings.HasPrefix(string(text), "WARN"):
			rep.Warnings = append(rep.Warnings, filepath.Join(f.content, e.Name())+":1: left out")
			continue
		}
		page := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())) + ".html"
		os.WriteFile(filepath.Join(tmp, page), fmt.Appendf(nil, "<!DOCTYPE html><title>%s</title><body><p>%s</p></body>", page, text), 0o644)
		fmt.Fprintf(&index, "<li>%s: %s</li>", page, text)
	}
	os.WriteFile(filepath.Join(tmp, "index.html"), []byte("<!DOCTYPE html><title>index</title><body><ul>"+index.String()+"</ul></body>"), 0o644)
	os.RemoveAll(f.out)
	if err := os.Rename(tmp, f.out); err != nil {
		return Report{}, err
	}
	rep.Summary = fmt.Sprintf("%d files", len(entries))
	return rep, nil
}

// newFake makes a content folder with a.md and an output folder beside it.
func newFake(t *testing.T) *fakeSite {
	t.Helper()
	root := t.TempDir()
	f := &fakeSite{content: filepath.Join(root, "content"), out: filepath.Join(root, "public")}
	write(t, filepath.Join(f.content, "a.md"), "first text")
	return f
}

// live starts the whole preview on a fake site: a watcher on the content,
// a server rebuilding on its changes, and a reload stream.
func live(t *testing.T, f *fakeSite, opt Options) (*Server, string) {
	t.Helper()
	srv := &Server{Dir: f.out, Build: f.build, Base: "/news/"}
	opt.Dirs = []string{f.content}
	w := startWatch(t, opt)
	srv.Rebuild(context.Background(), "")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Run(ctx, w.C); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return srv, serve(t, srv) + "/news/"
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// TestOneEditOneReload: one save gives exactly one reload event, and when
// it comes the new page is on disk and served.
func TestOneEditOneReload(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			f := newFake(t)
			_, url := live(t, f, m.opt)
			s := openStream(t, url+liveEvents)
			first := s.next(t)
			if first.name != "status" || first.status.Build == "" || len(first.status.Errors) > 0 {
				t.Fatalf("the first event is %+v, want the status of a good build", first)
			}
			builds := f.builds.Load()

			// An atomic save, as most editors make.
			write(t, filepath.Join(f.content, ".a.md.tmp"), "second text")
			must(t, os.Rename(filepath.Join(f.content, ".a.md.tmp"), filepath.Join(f.content, "a.md")))
			ev := s.next(t)
			if ev.name != "reload" || ev.status.Build == first.status.Build {
				t.Fatalf("after the save came %+v, want a reload to a new build", ev)
			}
			page, err := os.ReadFile(filepath.Join(f.out, "a.html"))
			if err != nil || !strings.Contains(string(page), "second text") {
				t.Errorf("when the reload came the page on disk was %q (%v)", page, err)
			}
			if code, body := get(t, url+"a.html"); code != 200 || !strings.Contains(body, "second text") {
				t.Errorf("GET a.html after the reload: %d %q", code, body)
			}
			s.quiet(t)
			if n := f.builds.Load() - builds; n != 1 {
				t.Errorf("the save gave %d builds, want 1", n)
			}
		})
	}
}

// TestBrokenAndFixed: a failed build shows its errors to open pages and
// keeps the last good site; fixing it reloads them without errors.
func TestBrokenAndFixed(t *testing.T) {
	f := newFake(t)
	srv, url := live(t, f, Options{})
	s := openStream(t, url+liveEvents)
	good := s.next(t)

	write(t, filepath.Join(f.content, "a.md"), "BROKEN text")
	ev := s.next(t)
	if ev.name != "status" || ev.status.Build != good.status.Build || len(ev.status.Errors) != 2 ||
		!strings.HasSuffix(ev.status.Errors[0], "a.md:1: broken front matter") {
		t.Fatalf("after breaking the article came %+v, want a status with its two errors", ev)
	}
	if code, body := get(t, url+"a.html"); code != 200 || !strings.Contains(body, "first text") {
		t.Errorf("the last good page is not served: %d %q", code, body)
	}
	// A page opened now hears of the errors at once.
	if st := openStream(t, url+liveEvents).next(t).status; len(st.Errors) != 2 {
		t.Errorf("a new stream starts with %+v, want the errors", st)
	}

	write(t, filepath.Join(f.content, "a.md"), "WARN fixed, but still left out")
	ev = s.next(t)
	if ev.name != "reload" || len(ev.status.Errors) != 0 || len(ev.status.Warnings) != 1 {
		t.Fatalf("after the fix came %+v, want a reload with one warning", ev)
	}
	write(t, filepath.Join(f.content, "a.md"), "good again")
	if ev = s.next(t); ev.name != "reload" || len(ev.status.Warnings) != 0 {
		t.Fatalf("after the second fix came %+v, want a reload without warnings", ev)
	}
	if srv.Status().Build != ev.status.Build {
		t.Errorf("the stream told build %s, the server has %s", ev.status.Build, srv.Status().Build)
	}
}

// TestFirstBuildFails: with no site yet, pages are 404s that carry the
// script (and so the errors), and the fix reloads them.
func TestFirstBuildFails(t *testing.T) {
	f := newFake(t)
	write(t, filepath.Join(f.content, "a.md"), "BROKEN")
	_, url := live(t, f, Options{})
	code, body := get(t, url)
	if code != 404 || !strings.Contains(body, liveJS) {
		t.Fatalf("with no site: %d %q, want a 404 page that loads the script", code, body)
	}
	s := openStream(t, url+liveEvents)
	if ev := s.next(t); ev.status.Build != "" || len(ev.status.Errors) == 0 {
		t.Fatalf("first event %+v, want errors and no build", ev)
	}
	write(t, filepath.Join(f.content, "a.md"), "fixed")
	if ev := s.next(t); ev.name != "reload" {
		t.Fatalf("after the fix came %+v, want a reload", ev)
	}
	if code, _ := get(t, url); code != 200 {
		t.Errorf("after the fix the index is %d", code)
	}
}

// TestStreamOutlivesTimeouts: the server's read and write timeouts, for
// requests, do not end a reload stream.
func TestStreamOutlivesTimeouts(t *testing.T) {
	defer func(r, w time.Duration) { readTimeout, writeTimeout = r, w }(readTimeout, writeTimeout)
	readTimeout, writeTimeout = 100*time.Millisecond, 100*time.Millisecond
	f := newFake(t)
	srv, url := live(t, f, Options{})
	s := openStream(t, url+liveEvents)
	s.next(t)
	time.Sleep(5 * readTimeout)
	srv.Rebuild(context.Background(), "")
	if ev := s.next(t); ev.name != "reload" {
		t.Errorf("got %+v, want a reload", ev)
	}
}

// TestDisconnectingClients: streams that go away mid-stream, with or
// without reading, leave no client behind and do not stop the others.
func TestDisconnectingClients(t *testing.T) {
	f := newFake(t)
	srv, url := live(t, f, Options{})
	var streams []*stream
	for range 40 {
		s := openStream(t, url+liveEvents)
		s.next(t)
		streams = append(streams, s)
	}
	// Raw connections that ask for the stream and hang up unread.
	for range 20 {
		c, err := net.Dial("tcp", strings.TrimPrefix(strings.TrimSuffix(url, "/news/"), "http://"))
		must(t, err)
		fmt.Fprintf(c, "GET /news/%s HTTP/1.1\r\nHost: x\r\n\r\n", liveEvents)
		c.Close()
	}
	for i, s := range streams {
		if i%2 == 0 {
			s.close()
		}
	}
	srv.Rebuild(context.Background(), "")
	for i, s := range streams {
		if i%2 == 1 {
			if ev := s.next(t); ev.name != "reload" {
				t.Fatalf("stream %d got %+v, want a reload", i, ev)
			}
		}
	}
	waitFor(t, "the closed streams to be dropped", func() bool { return srv.Clients() == 20 })
}

// TestShutdownEndsStreams: Serve returns when its context ends, and the
// open streams end with it.
func TestShutdownEndsStreams(t *testing.T) {
	f := newFake(t)
	srv := &Server{Dir: f.out, Build: f.build}
	srv.Rebuild(context.Background(), "")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	s := openStream(t, "http://"+ln.Addr().String()+"/"+liveEvents)
	s.next(t)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(patience):
		t.Fatal("Serve did not return")
	}
	select {
	case _, ok := <-s.events:
		if ok {
			t.Error("an event after shutdown")
		}
	case <-time.After(patience):
		t.Error("the stream stayed open after shutdown")
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Error("the port still takes connections")
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s", patience, what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestChangeDuringBuild: saves made while a build runs give exactly one
// more build, which sees them all.
func TestChangeDuringBuild(t *testing.T) {
	f := newFake(t)
	started, release := make(chan struct{}, 10), make(chan struct{})
	var gate atomic.Bool
	srv := &Server{Dir: f.out, Build: func(ctx context.Context) (Report, error) {
		if gate.Load() {
			started <- struct{}{}
			<-release
		}
		return f.build(ctx)
	}}
	srv.Rebuild(context.Background(), "")
	w := startWatch(t, Options{Dirs: []string{f.content}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Run(ctx, w.C); close(done) }()
	defer func() { cancel(); <-done }()
	url := serve(t, srv)
	s := openStream(t, url+"/"+liveEvents)
	s.next(t)

	gate.Store(true)
	builds := f.builds.Load()
	write(t, filepath.Join(f.content, "a.md"), "during 1")
	<-started // the build runs; three more saves, each its own burst
	for i := 2; i <= 4; i++ {
		time.Sleep(3 * DefaultQuiet)
		write(t, filepath.Join(f.content, fmt.Sprintf("n%d.md", i)), fmt.Sprint("during ", i))
	}
	time.Sleep(3 * DefaultQuiet)
	gate.Store(false)
	close(release)
	// The page hears a reload for each build; or, when the second build
	// ends before the stream has written the first one's reload, one
	// reload naming the second build and then its status again.
	var reloads []string
	for ev := s.next(t); ; {
		if ev.name == "reload" {
			reloads = append(reloads, ev.status.Build)
		}
		var more bool
		select {
		case ev, more = <-s.events:
		case <-time.After(settle):
		}
		if !more {
			break
		}
	}
	if len(reloads) == 0 || reloads[len(reloads)-1] != srv.Status().Build || len(reloads) > 2 {
		t.Errorf("reloads %q, want one or two, the last for the second build %s", reloads, srv.Status().Build)
	}
	if n := f.builds.Load() - builds; n != 2 {
		t.Errorf("%d builds, want 2", n)
	}
	if code, body := get(t, url+"/index.html"); code != 200 || !strings.Contains(body, "during 4") {
		t.Errorf("the second build missed a save: %q", body)
	}
}

// TestSlowClientCut: a client that never finishes its request is cut off.
func TestSlowClientCut(t *testing.T) {
	defer func(d time.Duration) { readHeaderTimeout = d }(readHeaderTimeout)
	readHeaderTimeout = 200 * time.Millisecond
	url := serve(t, &Server{Dir: t.TempDir()})
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	must(t, err)
	defer c.Close()
	fmt.Fprint(c, "GET / HTTP/1.1\r\nHost: x\r\n") // and never the blank line
	c.SetReadDeadline(time.Now().Add(patience))
	if _, err := io.ReadAll(c); err != nil {
		t.Errorf("the server kept the connection of a stalled request: %v", err)
	}
}

// TestCollectsWhenIdle: a quiet spell after a rebuild brings a garbage
// collection, and a change then still rebuilds.
func TestCollectsWhenIdle(t *testing.T) {
	old := IdleCollect
	IdleCollect = 50 * time.Millisecond
	defer func() { IdleCollect = old }()
	f := newFake(t)
	srv := &Server{Dir: f.out, Build: f.build}
	srv.Rebuild(context.Background(), "")
	changes := make(chan Change)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Run(ctx, changes); close(done) }()
	defer func() { cancel(); <-done }()

	cycles := func() uint32 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.NumGC
	}
	for i := range 2 {
		before, builds := cycles(), f.builds.Load()
		write(t, filepath.Join(f.content, "a.md"), fmt.Sprint("edit ", i))
		changes <- Change{Paths: []string{filepath.Join(f.content, "a.md")}}
		deadline := time.Now().Add(10 * time.Second)
		for cycles() == before && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if cycles() == before {
			t.Fatalf("edit %d: no collection in 10 s after the rebuild", i)
		}
		if n := f.builds.Load() - builds; n != 1 {
			t.Fatalf("edit %d: %d rebuilds, want 1", i, n)
		}
	}
}
