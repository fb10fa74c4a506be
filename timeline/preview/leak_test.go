package preview

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// openFiles counts the process's open file descriptors, or -1 where the
// system does not say.
func openFiles() int {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(fds)
}

// TestNoLeaks runs thousands of rebuilds through the real watcher and
// server, with folders coming and going and pages opening and closing
// reload streams, and checks that goroutines, open files and watches do
// not grow.
func TestNoLeaks(t *testing.T) {
	rounds := 2000
	if testing.Short() {
		rounds = 200
	}
	root := t.TempDir()
	tree := filepath.Join(root, "content")
	out := filepath.Join(root, "public")
	write(t, filepath.Join(tree, "a.md"), "a")
	write(t, filepath.Join(out, "index.html"), "<body></body>")
	var builds atomic.Int64
	srv := &Server{Dir: out, Build: func(ctx context.Context) (Report, error) {
		n := builds.Add(1)
		if n%7 == 0 {
			return Report{}, fmt.Errorf("%s:1: broken", filepath.Join(tree, "a.md"))
		}
		return Report{Summary: "ok"}, os.WriteFile(filepath.Join(out, "index.html"), fmt.Appendf(nil, "<body>%d</body>", n), 0o644)
	}}
	w, err := Watch(Options{Dirs: []string{tree}, Quiet: time.Millisecond})
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Run(ctx, w.C); close(done) }()
	defer func() { cancel(); <-done; w.Close() }()
	url := serve(t, srv)
	client := &http.Client{}

	round := func(i int) {
		before := builds.Load()
		write(t, filepath.Join(tree, fmt.Sprintf("f%d.md", i%10)), fmt.Sprint("text ", i))
		if i%10 == 0 { // a folder comes, and an older one goes
			write(t, filepath.Join(tree, fmt.Sprintf("d%d", i), "x.md"), "x")
			must(t, os.RemoveAll(filepath.Join(tree, fmt.Sprintf("d%d", i-20))))
		}
		if i%50 == 0 { // a page opens its stream, hears the status and goes away
			resp, err := client.Get(url + "/" + liveEvents)
			must(t, err)
			buf := make([]byte, 64)
			resp.Body.Read(buf)
			resp.Body.Close()
			resp, err = client.Get(url + "/")
			must(t, err)
			resp.Body.Close()
		}
		waitFor(t, "a rebuild", func() bool { return builds.Load() > before })
	}
	settled := func() (int, int, int) {
		client.CloseIdleConnections()
		runtime.GC()
		return runtime.NumGoroutine(), openFiles(), len(w.watched)
	}

	for i := range 50 { // warm up: the server's and the client's goroutines start
		round(i)
	}
	g0, f0, w0 := settled()
	for i := 50; i < 50+rounds; i++ {
		round(i)
	}
	// Goroutines of closed connections end a moment after they close.
	deadline := time.Now().Add(patience)
	g1, f1, w1 := settled()
	for (g1 > g0+2 || f1 > f0+2) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		g1, f1, w1 = settled()
	}
	t.Logf("%d rebuilds; goroutines %d -> %d, open files %d -> %d, watched folders %d -> %d", builds.Load(), g0, g1, f0, f1, w0, w1)
	if g1 > g0+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines grew from %d to %d:\n%s", g0, g1, buf[:runtime.Stack(buf, true)])
	}
	if f1 > f0+2 {
		t.Errorf("open files grew from %d to %d", f0, f1)
	}
	if w1 > w0+1 {
		t.Errorf("watched folders grew from %d to %d", w0, w1)
	}
	if n := srv.Clients(); n != 0 {
		t.Errorf("%d reload streams still open", n)
	}
}
