package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/preview"
)

const (
	patience   = 30 * time.Second // how long a test waits for what must come
	natoName   = "2022-01-12-nato-russia-council.md"
	natoTitle  = `title = "NATO warns of 'real risk' of new conflict in Europe after Russia talks"`
	brokenTOML = "+++\ntitle = \"NATO warns\ndate = 2022-01-12\n+++\n\nStoltenberg said on Wednesday there was a real risk.\n"
)

// served is a "timeline serve" running for a test.
type served struct {
	url         string
	out, errOut *lockedBuffer
	stop        func() int // stops serve as Ctrl-C does and returns its exit status
}

var urlLine = regexp.MustCompile(`serving the site at (http://\S+)`)

// startServe runs "timeline serve -addr 127.0.0.1:0 args..." until the
// test ends, once it prints the URL to open.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{out: &lockedBuffer{}, errOut: &lockedBuffer{}}
	code := make(chan int, 1)
	go func() {
		code <- Run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), s.out, s.errOut)
	}()
	s.stop = sync.OnceValue(func() int {
		cancel()
		select {
		case c := <-code:
			return c
		case <-time.After(patience):
			t.Fatalf("serve did not stop within %v", patience)
			return -1
		}
	})
	t.Cleanup(func() { s.stop() })
	deadline := time.Now().Add(patience)
	for {
		if m := urlLine.FindStringSubmatch(s.out.String()); m != nil {
			s.url = m[1]
			return s
		}
		select {
		case c := <-code:
			t.Fatalf("serve exited %d:\n%s%s", c, s.out, s.errOut)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no URL within %v:\n%s%s", patience, s.out, s.errOut)
		}
	}
}

// sampleContent copies the sample articles, and copies renamed n times,
// to a new content folder.
func sampleContent(t testing.TB, copies int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../content/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample content: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		put(t, filepath.Join(dir, name), string(data))
		for i := range copies {
			put(t, filepath.Join(dir, "copies", fmt.Sprintf("%04d-%s", i, name)), retitle(string(data), fmt.Sprintf("Copy %d: ", i)))
		}
	}
	return dir
}

func put(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// retitle puts prefix before an article's title, so copies keep distinct
// titles and page names.
func retitle(text, prefix string) string {
	for _, key := range []string{`title: "`, `title = "`} {
		if strings.Contains(text, key) {
			return strings.Replace(text, key, key+prefix, 1)
		}
	}
	lead := len(text) - len(strings.TrimLeft(text, "\n"))
	return text[:lead] + prefix + text[lead:]
}

// editorSave saves path the way vim does: it checks it may write in the
// folder (4913), renames the old file to a backup, writes the new one and
// removes the backup.
func editorSave(t testing.TB, path, text string) {
	t.Helper()
	dir := filepath.Dir(path)
	steps := []func() error{
		func() error { return os.WriteFile(filepath.Join(dir, "4913"), nil, 0o644) },
		func() error { return os.Remove(filepath.Join(dir, "4913")) },
		func() error { return os.Rename(path, path+"~") },
		func() error { return os.WriteFile(path, []byte(text), 0o644) },
		func() error { return os.Remove(path + "~") },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
}

// sseEvent is one event of the reload stream.
type sseEvent struct {
	name   string
	status preview.Status
}

// openEvents opens the reload stream as a page's EventSource does; the
// channel closes when the stream ends.
func openEvents(t testing.TB, url string) <-chan sseEvent {
	t.Helper()
	resp, err := http.Get(url + ".timeline/events")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("reload stream: %s", resp.Status)
	}
	t.Cleanup(func() { resp.Body.Close() })
	c := make(chan sseEvent, 100)
	go func() {
		defer close(c)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(line[len("data: "):]), &ev.status)
			case line == "" && ev.name != "":
				c <- ev
				ev = sseEvent{}
			}
		}
	}()
	return c
}

// await waits for an event that ok accepts, skipping others.
func await(t testing.TB, events <-chan sseEvent, what string, ok func(sseEvent) bool) sseEvent {
	t.Helper()
	timeout := time.After(patience)
	for {
		select {
		case ev, open := <-events:
			if !open {
				t.Fatalf("the stream ended before %s", what)
			}
			if ok(ev) {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s within %v", what, patience)
		}
	}
}

func httpGet(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp, b.String()
}

func mentions(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

var tempLine = regexp.MustCompile(`into (\S+) \(removed on exit\)`)

// TestServe runs serve on the sample content under a base path: it serves
// the site with the reload script, rebuilds and reloads after an editor's
// save, and leaves no temporary folder when stopped.
func TestServe(t *testing.T) {
	content := sampleContent(t, 0)
	s := startServe(t, "-content", content, "-base-url", "https://example.org/news/timeline/")
	if !strings.HasSuffix(s.url, "/news/timeline/") || !strings.HasPrefix(s.url, "http://127.0.0.1:") {
		t.Errorf("URL %s, want one on loopback under /news/timeline/", s.url)
	}
	m := tempLine.FindStringSubmatch(s.out.String())
	if m == nil {
		t.Fatalf("serve did not say where it builds:\n%s", s.out)
	}
	tmp := filepath.Dir(m[1])
	if _, err := os.Stat(filepath.Join(m[1], "index.html")); err != nil {
		t.Errorf("no site in the temporary folder: %v", err)
	}

	resp, body := httpGet(t, s.url)
	if resp.StatusCode != 200 || !strings.Contains(body, "/news/timeline/.timeline/live.js") || !strings.Contains(body, "NATO warns") {
		t.Fatalf("GET %s: %s\n%.500s", s.url, resp.Status, body)
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
	if resp, _ := httpGet(t, strings.TrimSuffix(s.url, "news/timeline/")+"index.html"); resp.StatusCode != 404 {
		t.Errorf("a page outside the base path: %s", resp.Status)
	}

	events := openEvents(t, s.url)
	first := await(t, events, "the first status", func(ev sseEvent) bool { return ev.name == "status" })
	path := filepath.Join(content, natoName)
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	editorSave(t, path, strings.Replace(string(text), natoTitle, `title = "NATO, seen live in the preview"`, 1))
	ev := await(t, events, "a reload", func(ev sseEvent) bool { return true })
	if ev.name != "reload" || ev.status.Build == first.status.Build {
		t.Fatalf("after the save came %+v, want a reload", ev)
	}
	if _, body := httpGet(t, s.url); !strings.Contains(body, "NATO, seen live in the preview") {
		t.Errorf("after the reload the index does not show the new title")
	}

	if code := s.stop(); code != 0 {
		t.Errorf("exit %d after Ctrl-C:\n%s", code, s.errOut)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("the temporary folder %s is still there (%v)", tmp, err)
	}
	select {
	case _, open := <-events:
		if open {
			for range events {
			}
		}
	case <-time.After(patience):
		t.Error("the reload stream stayed open after Ctrl-C")
	}
	if !strings.Contains(s.errOut.String(), "built in") || !strings.Contains(s.out.String(), "stopped") {
		t.Errorf("output:\n%s%s", s.out, s.errOut)
	}
}

// TestServeBrokenArticle: a broken article's path:line reaches the
// terminal and the pages, the last good site stays, and the fix clears it.
// Whether the build fails on the article or leaves it out with a warning,
// the pages hear of it.
func TestServeBrokenArticle(t *testing.T) {
	content := sampleContent(t, 0)
	s := startServe(t, "-content", content)
	events := openEvents(t, s.url)
	await(t, events, "the first status", func(ev sseEvent) bool { return ev.name == "status" })

	bad := filepath.Join(content, "bad.md")
	writeFiles(t, content, map[string]string{"bad.md": brokenYAML})
	ev := await(t, events, "the diagnostics of bad.md", func(ev sseEvent) bool {
		return mentions(ev.status.Errors, bad+":4: ") || mentions(ev.status.Warnings, bad+":4: ")
	})
	t.Logf("the broken article gave a %s event: %+v", ev.name, ev.status)
	if !strings.Contains(s.errOut.String(), bad+":4: ") {
		t.Errorf("the terminal does not show %s:4:\n%s", bad, s.errOut)
	}
	if resp, body := httpGet(t, s.url); resp.StatusCode != 200 || !strings.Contains(body, "NATO warns") {
		t.Errorf("the last good site is not served: %s", resp.Status)
	}

	writeFiles(t, content, map[string]string{"bad.md": articleA})
	ev = await(t, events, "a reload", func(ev sseEvent) bool { return ev.name == "reload" })
	if len(ev.status.Errors) > 0 || mentions(ev.status.Warnings, "bad.md") {
		t.Errorf("after the fix: %+v", ev.status)
	}
}

// TestServeFlags: -out keeps the site after serve stops, -poll finds
// changes without file-system events, and -templates is watched too.
func TestServeFlags(t *testing.T) {
	content := sampleContent(t, 0)
	out := filepath.Join(t.TempDir(), "preview")
	tmpl := filepath.Join(t.TempDir(), "templates")
	writeFiles(t, tmpl, map[string]string{"static/hello.txt": "first"})
	s := startServe(t, "-content", content, "-out", out, "-poll", "100ms", "-templates", tmpl)
	if !strings.Contains(s.out.String(), "a scan every 100ms") || !strings.Contains(s.out.String(), tmpl) {
		t.Errorf("serve does not say it polls the templates:\n%s", s.out)
	}
	events := openEvents(t, s.url)
	await(t, events, "the first status", func(ev sseEvent) bool { return ev.name == "status" })
	writeFiles(t, content, map[string]string{"new/b.txt": articleB})
	await(t, events, "a reload", func(ev sseEvent) bool { return ev.name == "reload" })
	if _, body := httpGet(t, s.url); !strings.Contains(body, "colossal mistake") {
		t.Error("the article in the new folder is not on the page")
	}
	writeFiles(t, tmpl, map[string]string{"static/hello.txt": "second"})
	await(t, events, "a reload after the template edit", func(ev sseEvent) bool { return ev.name == "reload" })
	if _, body := httpGet(t, s.url+"hello.txt"); body != "second" {
		t.Errorf("after the template edit hello.txt is %q", body)
	}
	if code := s.stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, s.errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("the site given with -out is gone: %v", err)
	}
}

func TestServeFails(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	content := sampleContent(t, 0)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"a taken port is a clear error", []string{"serve", "-content", content, "-addr", ln.Addr().String()}, 1,
			[]string{"address already in use", "-addr"}},
		{"a missing content folder is an error", []string{"serve", "-content", "no-such-folder", "-addr", "127.0.0.1:0"}, 1,
			[]string{"no-such-folder"}},
		{"a stray argument is a usage error", []string{"serve", "extra"}, 2, []string{`unexpected argument "extra"`}},
		{"a negative -poll is a usage error", []string{"serve", "-poll", "-1s"}, 2, []string{"-poll"}},
		{"-h lists serve's own flags", []string{"serve", "-h"}, 0, []string{"-addr", "-poll", "-content", "-templates", "temporary folder"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d:\n%s", code, tc.code, stderr)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr does not mention %q:\n%s", want, stderr)
				}
			}
		})
	}
}

func TestLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:1313", true}, {"localhost:1313", true}, {"[::1]:1313", true},
		{":1313", false}, {"0.0.0.0:1313", false}, {"192.168.1.5:1313", false}, {"example.org:80", false},
	} {
		t.Run(tc.addr, func(t *testing.T) {
			if got := loopback(tc.addr); got != tc.want {
				t.Errorf("loopback(%q) = %v, want %v", tc.addr, got, tc.want)
			}
		})
	}
}
