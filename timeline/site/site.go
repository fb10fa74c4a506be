package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/timelinehq/timeline/templates"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// Site is what Build renders.
type Site struct {
	Title    string             // the site's title; "Timeline" when empty
	BaseURL  string             // optional absolute URL of the published site, for the feed and canonical links
	Events   []events.Event     // the chronology: sorted, IDs set
	Articles []*article.Article // the articles the events cite, and any others read; drafts are not published
}

// page is what a page template executes with.
type page struct {
	Site      *siteView
	Root      string // the way back to the site's root from this page: "" or "../"
	Path      string // this page, relative to the root
	Canonical string // the absolute URL of this page, when the site has a BaseURL
	Title     string // the page's own title, "" on the index page
	Event     *eventView
	Article   *articleView
}

// Build renders s into outDir with the templates and assets of tmpl (nil
// means the embedded defaults; see Templates). It writes the whole site
// into a new folder beside outDir and swaps it in only when everything
// succeeded, so a failed build leaves the previous output as it was.
//
// Build refuses an outDir that is empty, the root, the home folder, the
// current folder or one of its parents, a symbolic link, or an existing
// non-empty folder without the Marker file of an earlier build.
func Build(ctx context.Context, s Site, tmpl fs.FS, outDir string, opt Options) (Stats, error) {
	if tmpl == nil {
		tmpl = templates.FS
	}
	if err := checkOutDir(outDir); err != nil {
		return Stats{}, err
	}
	baseURL, err := normalizeBaseURL(s.BaseURL)
	if err != nil {
		return Stats{}, err
	}
	ts, err := parseTemplates(tmpl)
	if err != nil {
		return Stats{}, err
	}
	v := newSiteView(s, baseURL)
	return writeAtomic(ctx, outDir, opt, func(w *writer) error {
		return render(ctx, w, ts, tmpl, v, s.Events)
	})
}

// render writes every file of the site. Pages render and write in
// parallel, since a build mostly waits for the disk; the error reported is
// the one of the first failing page in page order, so it is the same on
// every run.
func render(ctx context.Context, w *writer, ts *pages, tmpl fs.FS, v *siteView, evs []events.Event) error {
	type job struct {
		tmpl string
		p    *page
	}
	jobs := []job{{indexPage, &page{Path: "index.html"}}}
	for _, ev := range v.Events {
		jobs = append(jobs, job{eventPage, &page{Root: "../", Path: ev.Path, Title: ev.Title, Event: ev}})
	}
	for _, av := range v.Articles {
		jobs = append(jobs, job{articlePage, &page{Root: "../", Path: av.Path, Title: av.Title, Article: av}})
	}
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(len(jobs), 4*runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if errs[i] = renderPage(ctx, w, &buf, ts, jobs[i].tmpl, v, jobs[i].p); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}

	data, err := eventsJSON(evs)
	if err != nil {
		return err
	}
	if err := w.write("events.json", data); err != nil {
		return err
	}
	data, err = feed(v)
	if err != nil {
		return err
	}
	if err := w.write("feed.xml", data); err != nil {
		return err
	}
	if err := copyFiles(ctx, w, tmpl, assetsDir); err != nil {
		return err
	}
	return copyFiles(ctx, w, tmpl, staticDir)
}

// renderPage executes the page template tmplName for p and writes the page.
func renderPage(ctx context.Context, w *writer, buf *bytes.Buffer, ts *pages, tmplName string, v *siteView, p *page) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p.Site = v
	if v.BaseURL != "" {
		p.Canonical = v.BaseURL + p.Path
	}
	buf.Reset()
	if err := ts.sets[tmplName].ExecuteTemplate(buf, ts.name[tmplName], p); err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	return w.write(p.Path, buf.Bytes())
}

// eventsJSON is the chronology in the contract format of
// `timeline extract -json`: an indented array, [] when empty, and arrays,
// never null, for actors and sources.
func eventsJSON(evs []events.Event) ([]byte, error) {
	out := make([]events.Event, len(evs))
	for i, e := range evs {
		if e.Actors == nil {
			e.Actors = []string{}
		}
		if e.Sources == nil {
			e.Sources = []events.Source{}
		}
		out[i] = e
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("events.json: %w", err)
	}
	return buf.Bytes(), nil
}

// copyFiles copies every file under the folder from of tmpl to the output:
// to the same path for assets/, to the root for static/ (a CNAME, a
// robots.txt). A file that would replace a generated one is an error.
func copyFiles(ctx context.Context, w *writer, tmpl fs.FS, from string) error {
	if _, err := fs.Stat(tmpl, from); errors.Is(err, fs.ErrNotExist) {
		return nil // a template set without this folder
	} else if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	return fs.WalkDir(tmpl, from, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		if d.IsDir() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		out := name
		if from == staticDir {
			out = strings.TrimPrefix(name, staticDir+"/")
		}
		if w.has(out) || out == Marker {
			return fmt.Errorf("templates: %s would replace the generated %s: rename or remove it", origin(tmpl, name), out)
		}
		data, err := fs.ReadFile(tmpl, name)
		if err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		return w.write(out, data)
	})
}

// normalizeBaseURL checks that u is absolute and gives it a trailing slash.
func normalizeBaseURL(u string) (string, error) {
	if u == "" {
		return "", nil
	}
	p, err := url.Parse(u)
	if err != nil || p.Scheme == "" || p.Host == "" {
		return "", fmt.Errorf("base URL %q is not an absolute URL such as https://example.org/timeline/", u)
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u, nil
}
