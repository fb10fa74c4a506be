package preview

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// siteDir makes an output folder with a secret beside it, and links that
// lead out of the folder and within it.
func siteDir(t *testing.T) (out string) {
	t.Helper()
	root := t.TempDir()
	out = filepath.Join(root, "public")
	write(t, filepath.Join(root, "secret.txt"), "SECRET")
	write(t, filepath.Join(out, "index.html"), "<!DOCTYPE html><html><body><p>Chronology</p></BODY></html>")
	write(t, filepath.Join(out, "events", "e.html"), "<!DOCTYPE html><p>Event, no body end tag")
	write(t, filepath.Join(out, "assets", "style.css"), "body { color: black }")
	write(t, filepath.Join(out, "events.json"), "[]")
	write(t, filepath.Join(out, ".timeline-output"), "marker")
	write(t, filepath.Join(out, "Caf\u00e9 #1?.html"), "<p>odd name</p>")
	must(t, os.MkdirAll(filepath.Join(out, "empty"), 0o755))
	must(t, os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(out, "leak.txt")))
	must(t, os.Symlink(root, filepath.Join(out, "up")))
	must(t, os.Symlink("../secret.txt", filepath.Join(out, "rel.txt")))
	must(t, os.Symlink("events.json", filepath.Join(out, "inner.json")))
	return out
}

// raw sends target as the request line's path, unchanged by any client.
func raw(t *testing.T, addr, method, target string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	must(t, err)
	defer c.Close()
	fmt.Fprintf(c, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method, target, addr)
	req, _ := http.NewRequest(method, "http://"+addr, nil)
	resp, err := http.ReadResponse(bufio.NewReader(c), req)
	must(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServeFiles(t *testing.T) {
	out := siteDir(t)
	srv := &Server{Dir: out, Base: "/news/timeline", Build: func(context.Context) (Report, error) { return Report{}, nil }}
	srv.Rebuild(context.Background(), "")
	addr := strings.TrimPrefix(serve(t, srv), "http://")
	build := srv.Status().Build

	for _, tc := range []struct {
		name, method, target string
		code                 int
		has                  string // in the body, or Location for redirects
	}{
		{"the index is served under the base path", "GET", "/news/timeline/", 200, "Chronology"},
		{"a page is served by its name", "GET", "/news/timeline/index.html", 200, "Chronology"},
		{"a nested page is served", "GET", "/news/timeline/events/e.html", 200, "Event"},
		{"a stylesheet is served as it is", "GET", "/news/timeline/assets/style.css", 200, "color: black"},
		{"an odd file name is served by its encoded URL", "GET", "/news/timeline/Caf%C3%A9%20%231%3F.html", 200, "odd name"},
		{"a link to a file inside the folder is followed", "GET", "/news/timeline/inner.json", 200, "[]"},
		{"HEAD works", "HEAD", "/news/timeline/", 200, ""},
		{"the root redirects to the base path", "GET", "/", 302, "/news/timeline/"},
		{"the base path without its slash redirects", "GET", "/news/timeline", 302, "/news/timeline/"},
		{"a folder without its slash redirects", "GET", "/news/timeline/events", 301, "/news/timeline/events/"},
		{"a missing page is 404", "GET", "/news/timeline/nope.html", 404, "Not found"},
		{"a folder without an index is not listed", "GET", "/news/timeline/empty/", 404, "Not found"},
		{"a folder with files but no index is not listed", "GET", "/news/timeline/assets/", 404, "Not found"},
		{"a path outside the base is 404", "GET", "/index.html", 404, ""},
		{"the marker and other hidden files are not served", "GET", "/news/timeline/.timeline-output", 404, ""},
		{"another method is refused", "POST", "/news/timeline/", 405, ""},
		{"the reload script is served", "GET", "/news/timeline/" + liveJS, 200, "EventSource"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := raw(t, addr, tc.method, tc.target)
			if resp.StatusCode != tc.code {
				t.Fatalf("%s %s: %d, want %d\n%s", tc.method, tc.target, resp.StatusCode, tc.code, body)
			}
			if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", cc)
			}
			if tc.code/100 == 3 {
				if loc := resp.Header.Get("Location"); loc != tc.has {
					t.Errorf("Location %q, want %q", loc, tc.has)
				}
			} else if !strings.Contains(body, tc.has) {
				t.Errorf("body %q does not hold %q", body, tc.has)
			}
		})
	}

	t.Run("pages get the reload script, once, before </body>", func(t *testing.T) {
		tag := fmt.Sprintf(`<script src="/news/timeline/.timeline/live.js" data-build="%s" defer></script>`, build)
		for _, tc := range []struct{ target, want string }{
			{"/news/timeline/", "<p>Chronology</p>" + tag + "\n</BODY></html>"},
			{"/news/timeline/events/e.html", "<p>Event, no body end tag" + tag + "\n"},
		} {
			resp, body := raw(t, addr, "GET", tc.target)
			if !strings.HasSuffix(body, tc.want) || strings.Count(body, "<script") != 1 {
				t.Errorf("%s: %q, want it to end %q", tc.target, body, tc.want)
			}
			if resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Errorf("%s: Content-Type %q", tc.target, resp.Header.Get("Content-Type"))
			}
		}
		if _, body := raw(t, addr, "GET", "/news/timeline/assets/style.css"); strings.Contains(body, "script") {
			t.Errorf("the stylesheet got the script: %q", body)
		}
		disk, err := os.ReadFile(filepath.Join(out, "index.html"))
		must(t, err)
		if strings.Contains(string(disk), "script") {
			t.Errorf("the script reached the file on disk: %q", disk)
		}
	})
}

// TestServeNoTraversal tries to leave the output folder every way a URL can.
func TestServeNoTraversal(t *testing.T) {
	out := siteDir(t)
	for _, base := range []string{"/", "/news/"} {
		srv := &Server{Dir: out, Base: base}
		addr := strings.TrimPrefix(serve(t, srv), "http://")
		for _, target := range []string{
			"/../secret.txt", "/news/../secret.txt", "/news/../../secret.txt",
			"/%2e%2e/secret.txt", "/news/%2e%2e/secret.txt", "/news/%2E%2E/secret.txt",
			"/news/%2e%2e%2fsecret.txt", "/news/..%2fsecret.txt", "/news/..%2Fsecret.txt",
			"/news/%252e%252e/secret.txt", "/news/.%2e/secret.txt",
			"/news/..\\secret.txt", "/news/%5c..%5csecret.txt", "/news/..%5csecret.txt", "/news/\\..\\secret.txt",
			"/news/events/../../secret.txt", "/news/events/%2e%2e/%2e%2e/secret.txt",
			"/news//secret.txt", "/news/%2fsecret.txt", "/news/" + filepath.Join(filepath.Dir(out), "secret.txt"),
			"/news/%2f" + strings.TrimPrefix(filepath.ToSlash(filepath.Join(filepath.Dir(out), "secret.txt")), "/"),
			"/news/leak.txt", "/news/rel.txt", "/news/up/secret.txt", "/news/up/", "/news/up",
			"/news/%00", "/news/index.html%00.txt",
			"http://evil/../secret.txt", "/news/./../secret.txt",
		} {
			t.Run(base+" "+target, func(t *testing.T) {
				resp, body := raw(t, addr, "GET", target)
				if strings.Contains(body, "SECRET") {
					t.Fatalf("%s gave the secret: %d %q", target, resp.StatusCode, body)
				}
				if resp.StatusCode == 200 || resp.StatusCode/100 == 3 && strings.Contains(resp.Header.Get("Location"), "secret") {
					t.Errorf("%s: %d %s, want a refusal", target, resp.StatusCode, resp.Header.Get("Location"))
				}
			})
		}
	}
}

// TestServeConcurrent: 300 requests at once, pages, files and streams.
func TestServeConcurrent(t *testing.T) {
	out := siteDir(t)
	srv := &Server{Dir: out, Build: func(context.Context) (Report, error) { return Report{}, nil }}
	srv.Rebuild(context.Background(), "")
	url := serve(t, srv)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 300}}
	defer client.CloseIdleConnections()
	paths := []string{"/", "/events/e.html", "/assets/style.css", "/events.json", "/nope.html", "/../secret.txt"}
	want := []int{200, 200, 200, 200, 404, 404}
	var wg sync.WaitGroup
	errs := make(chan error, 300)
	for i := range 300 {
		wg.Go(func() {
			p := i % len(paths)
			resp, err := client.Get(url + paths[p])
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil || resp.StatusCode != want[p] || strings.Contains(string(body), "SECRET") {
				errs <- fmt.Errorf("%s: %d (%v)", paths[p], resp.StatusCode, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCleanName(t *testing.T) {
	for _, tc := range []struct {
		rest, want string
		ok         bool
	}{
		{"", "index.html", true},
		{"events/", "events/index.html", true},
		{"events/e.html", "events/e.html", true},
		{"../x", "", false},
		{"a/../../x", "", false},
		{"./x", "", false},
		{".hidden", "", false},
		{"a//b", "", false},
		{"/etc/passwd", "", false},
		{"a\\..\\b", "", false},
		{"a\x00b", "", false},
	} {
		t.Run(fmt.Sprintf("%q", tc.rest), func(t *testing.T) {
			got, ok := cleanName(tc.rest)
			if got != tc.want || ok != tc.ok {
				t.Errorf("cleanName(%q) = %q, %v; want %q, %v", tc.rest, got, ok, tc.want, tc.ok)
			}
		})
	}
}
