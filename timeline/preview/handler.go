package preview

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// The reload script, served at Base + liveJS and named in every page.
//
//go:embed live.js
var liveScript []byte

// The server's own paths under Base. They start with a dot, and no file
// whose name starts with a dot is served, so no page of the site can
// take their place.
const (
	liveJS     = ".timeline/live.js"
	liveEvents = ".timeline/events"
)

// BasePath returns Base as the site's URL path, "/path/", with slashes at
// both ends.
func (s *Server) BasePath() string {
	b := "/" + strings.Trim(s.Base, "/") + "/"
	if b == "//" {
		return "/"
	}
	return b
}

// ServeHTTP serves the output folder under Base, the reload script and
// the reload stream. Nothing outside the folder is reachable, no folder
// is listed and nothing is cached.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	base := s.BasePath()
	rest, ok := strings.CutPrefix(r.URL.Path, base)
	if !ok {
		if r.URL.Path == "/" || r.URL.Path+"/" == base {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		s.notFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch rest {
	case liveEvents:
		if r.Method != http.MethodGet {
			h.Set("Allow", "GET")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s.serveEvents(w, r)
		return
	case liveJS:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(liveScript))
		return
	}
	s.serveFile(w, r, rest)
}

// cleanName turns the URL path below Base into a slash-separated name in
// the output folder, or reports false for anything that could leave it or
// reach a hidden file: dot segments in any encoding (the URL is decoded
// already), backslashes, NULs, empty segments and absolute paths.
func cleanName(rest string) (string, bool) {
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	if strings.ContainsAny(rest, "\\\x00") {
		return "", false
	}
	for part := range strings.SplitSeq(rest, "/") {
		if part == "" || strings.HasPrefix(part, ".") {
			return "", false
		}
	}
	return rest, fs.ValidPath(rest)
}

// serveFile serves the file name from the output folder. The folder is
// opened as an os.Root on each request, so symbolic links cannot lead out
// of it and a build that swapped a new folder into place is seen at once.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rest string) {
	name, ok := cleanName(rest)
	if !ok {
		s.notFound(w, r)
		return
	}
	build := s.Status().Build // before the file: a page never names a newer build than it is
	root, err := openRoot(s.Dir)
	if err != nil {
		s.notFound(w, r)
		return
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		s.notFound(w, r)
		return
	}
	if info.IsDir() {
		if strings.HasSuffix(rest, "/") || rest == "" {
			s.notFound(w, r) // a folder without index.html: never listed
			return
		}
		http.Redirect(w, r, path.Base(rest)+"/", http.StatusMovedPermanently)
		return
	}
	if !info.Mode().IsRegular() {
		s.notFound(w, r)
		return
	}
	if !isHTML(name) {
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "read failed", http.StatusInternalServerError)
		return
	}
	page = inject(page, s.scriptTag(build))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	http.ServeContent(w, r, name, info.ModTime(), bytes.NewReader(page))
}

// openRoot opens the output folder. A build that replaces the folder
// whole leaves a moment, between two renames, when it is missing; a
// request in that moment waits for it.
func openRoot(dir string) (*os.Root, error) {
	for i := 0; ; i++ {
		root, err := os.OpenRoot(dir)
		if err == nil || !errors.Is(err, fs.ErrNotExist) || i == 10 {
			return root, err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func isHTML(name string) bool {
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

// scriptTag is the element that loads the reload script into a page of
// the given build.
func (s *Server) scriptTag(build string) []byte {
	return fmt.Appendf(nil, `<script src="%s" data-build="%s" defer></script>`,
		html.EscapeString(s.BasePath()+liveJS), html.EscapeString(build))
}

// inject puts tag before the page's last </body>, or at its end.
func inject(page, tag []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// notFound answers 404 with a page that loads the reload script, so that
// a page missing because the build failed shows the errors and appears
// when they are fixed.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Del("Content-Length")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n"+
		"<body><h1>Not found</h1><p>The site has no page at <code>%s</code>. <a href=\"%s\">Open the chronology</a>.</p>\n%s\n</body></html>\n",
		html.EscapeString(r.URL.Path), html.EscapeString(s.BasePath()), s.scriptTag(s.Status().Build))
}

// serveEvents streams the status to one page as server-sent events: a
// "status" event on connecting and when a build fails, a "reload" event
// when a build succeeds.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	c := s.subscribe()
	if c == nil {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.unsubscribe(c)
	rc := http.NewResponseController(w)
	// The stream lasts as long as the page: the server's timeouts, meant
	// for requests, must not end it; each write has its own deadline.
	rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	send := func(text string) bool {
		rc.SetWriteDeadline(time.Now().Add(writeWait))
		if _, err := io.WriteString(w, text); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	event := func(name string, st Status) bool {
		data, _ := json.Marshal(st)
		return send(fmt.Sprintf("event: %s\ndata: %s\n\n", name, data))
	}

	st := s.Status()
	told := st.Build
	if !send("retry: 1000\n\n") || !event("status", st) {
		return
	}
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case _, ok := <-c.notify:
			if !ok {
				return // the server is shutting down
			}
			st := s.Status()
			name := "status"
			if st.Build != told {
				name, told = "reload", st.Build
			}
			if !event(name, st) {
				return
			}
		case <-ping.C:
			if !send(": ping\n\n") { // finds clients that went away without a word
				return
			}
		}
	}
}
