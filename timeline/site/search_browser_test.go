package site

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// scriptErrors records the uncaught exceptions and console errors of the
// tab of ctx; the returned function lists them so far.
func scriptErrors(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var errs []string
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type != runtime.ConsoleAPICalledTypeError {
				return
			}
			msg = "console.error"
			for _, a := range ev.Args {
				msg += " " + string(a.Value)
			}
		default:
			return
		}
		mu.Lock()
		errs = append(errs, msg)
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// served serves the folder out under prefix, and reports requests for
// paths outside it as errors of t.
func served(t *testing.T, out, prefix string) *httptest.Server {
	t.Helper()
	files := http.StripPrefix(prefix, http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) {
			t.Errorf("the browser asked for %s, outside %s", r.URL.Path, prefix)
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// results waits until the search page has settled on a status and
// returns the permalinks of the results it shows.
func results(t *testing.T, ctx context.Context) []string {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const s = document.getElementById('search-status').textContent;
		return s !== '' && !s.startsWith('Searching') && !s.startsWith('Loading');
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the search did not finish: %v (status %q)", err, eval[string](t, ctx, `document.getElementById('search-status').textContent`))
	}
	return eval[[]string](t, ctx, `[...document.querySelectorAll('#search-results li a.title')].map(a => a.getAttribute('href').replace(/^.*?(events\/)/, '$1'))`)
}

// TestBrowserSearch searches the fixture site in headless Chromium, from
// disk and over HTTP under a sub-path: a word finds the right events,
// filters narrow them, the address holds the whole state (a reload shows
// the same view, the back button the one before), a result's actor leads
// to the actor's page, and no script fails.
func TestBrowserSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	out := build(t, fixture(t), nil)
	browser := newBrowser(t)
	const prefix = "/news/timeline/"
	srv := served(t, out, prefix)
	disk := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, "search.html"))}
	for _, tc := range []struct{ name, page string }{
		{"from disk", disk.String()},
		{"over HTTP under a sub-path", srv.URL + prefix + "search.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			errs := scriptErrors(t, ctx)
			searchThrough(t, ctx, tc.page)
			if e := errs(); len(e) > 0 {
				t.Errorf("script errors: %q", e)
			}
		})
	}
}

func searchThrough(t *testing.T, ctx context.Context, page string) {
	const (
		geneva   = "events/2022-01-10.html#2022-01-10-meeting-russia-united-states"
		phone    = "events/2021-12-30.html#2021-12-30-call-biden-putin"
		video    = "events/2021-12.html#2021-12-call-biden-putin"
		warning  = "events/2021-12.html#2021-12-warning-biden-putin"
		newYear  = "events/2021-12-29.html#2021-12-29-statement-putin"
		waitForm = `#search:not([hidden])`
	)
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?q=geneva"), chromedp.WaitVisible(chromedp.CSS(waitForm))); err != nil {
		t.Fatalf("open %s: %v", page, err)
	}
	// "geneva" is in one event's place and evidence.
	if got := results(t, ctx); !equal(got, geneva) {
		t.Errorf("q=geneva finds %v, want %v", got, geneva)
	}
	if eval[bool](t, ctx, `!document.getElementById('search-needs-js').hidden`) {
		t.Error("the note that the search needs JavaScript still shows")
	}

	// Typed with the keyboard: a prefix of a word matches the word, and
	// Enter makes it a new history entry.
	err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(`#search-q`)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('search-q').select()`),
		chromedp.KeyEvent("puti"),
		chromedp.KeyEvent("\r"),
	)
	if err != nil {
		t.Fatalf("type a query: %v", err)
	}
	if got := results(t, ctx); !equal(got, video, warning, newYear, phone) {
		t.Errorf("q=puti finds %v", got)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "search.html?q=puti") {
		t.Errorf("after the search the address is %s", loc)
	}

	// A filter narrows the search and goes into the address.
	err = chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#search-type`), "call"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('search-type').dispatchEvent(new Event('change', {bubbles: true}))`))
	if err != nil {
		t.Fatalf("choose a type: %v", err)
	}
	if got := results(t, ctx); !equal(got, video, phone) {
		t.Errorf("q=puti, type=call finds %v", got)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "search.html?q=puti&type=call") {
		t.Errorf("after the filter the address is %s", loc)
	}

	// A reload shows the same view.
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(waitForm))); err != nil {
		t.Fatalf("reload: %v", err)
	}
	if got := results(t, ctx); !equal(got, video, phone) {
		t.Errorf("after a reload: %v", got)
	}
	if v := eval[string](t, ctx, `document.getElementById('search-type').value + '|' + document.getElementById('search-q').value`); v != "call|puti" {
		t.Errorf("after a reload the form holds %q", v)
	}

	// The back button goes to the search before the filter.
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatalf("back: %v", err)
	}
	if got := results(t, ctx); !equal(got, video, warning, newYear, phone) {
		t.Errorf("after back: %v", got)
	}
	if v := eval[string](t, ctx, `document.getElementById('search-type').value`); v != "" {
		t.Errorf("after back the type is %q", v)
	}

	// Actor, source and dates, in one shared address.
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?actor=vladimir-putin&source=putin-message&from=2021-12-01&to=2021-12-31"),
		chromedp.WaitVisible(chromedp.CSS(waitForm))); err != nil {
		t.Fatal(err)
	}
	if got := results(t, ctx); !equal(got, newYear) {
		t.Errorf("Putin, in the message article, in December 2021: %v", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?from=2022-01-01"), chromedp.WaitVisible(chromedp.CSS(waitForm))); err != nil {
		t.Fatal(err)
	}
	if got := results(t, ctx); !equal(got, geneva) {
		t.Errorf("from 2022: %v", got)
	}

	// An actor of a result leads to the actor's page.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#search-results .actors a`)),
		chromedp.WaitVisible(chromedp.CSS(`.compact-list`)),
	)
	if err != nil {
		t.Fatalf("open an actor's page: %v", err)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "/actors/russia.html") {
		t.Errorf("the actor link led to %s", loc)
	}
	if h := eval[string](t, ctx, `document.querySelector('h1').textContent`); h != "Russia" {
		t.Errorf("the actor page's heading is %q", h)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.compact-list li').length`); n != 1 {
		t.Errorf("Russia's page lists %d events, want 1", n)
	}
}

func equal(got []string, want ...string) bool {
	return fmt.Sprint(got) == fmt.Sprint(want)
}

// TestBrowserLayout opens the pages of the fixture at 320 and 390 px and
// at desktop width: nothing scrolls sideways, and the screenshots go to
// $TIMELINE_SCREENSHOTS when it names a folder (else a temporary one).
func TestBrowserLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	out := build(t, fixture(t), nil)
	browser := newBrowser(t)
	shots := os.Getenv("TIMELINE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	pages := []string{"index.html", "search.html?q=putin", "actors/joe-biden.html", "types/call.html",
		"events/2021-12-30.html", "articles/biden-putin-call.html", "periods/2021-12.html"}
	for _, width := range []int64{320, 390, 1280} {
		ctx, cancel := chromedp.NewContext(browser)
		errs := scriptErrors(t, ctx)
		for _, p := range pages {
			u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, filepath.FromSlash(strings.SplitN(p, "?", 2)[0])))}
			if i := strings.Index(p, "?"); i >= 0 {
				u.RawQuery = p[i+1:]
			}
			err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(u.String()),
				chromedp.WaitVisible(chromedp.CSS(`main`)))
			if err != nil {
				t.Fatalf("%s at %d px: %v", p, width, err)
			}
			if strings.HasPrefix(p, "search") {
				results(t, ctx)
			}
			if w := eval[int64](t, ctx, `document.documentElement.scrollWidth`); w > width {
				t.Errorf("%s at %d px is %d px wide: it scrolls sideways", p, width, w)
			}
			if width == 320 {
				continue
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot %s: %v", p, err)
			}
			name := fmt.Sprintf("%s-%d.png", strings.NewReplacer("/", "-", "?", "-", "=", "-", ".html", "").Replace(p), width)
			if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if e := errs(); len(e) > 0 {
			t.Errorf("script errors at %d px: %q", width, e)
		}
		cancel()
	}
}

// TestBrowserPageFilters filters the chronology on the index: the filters
// go into the address, a reload shows the same view and the back button
// undoes the last filter.
func TestBrowserPageFilters(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	out := build(t, fixture(t), nil)
	ctx, cancel := chromedp.NewContext(newBrowser(t))
	defer cancel()
	errs := scriptErrors(t, ctx)
	index := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, "index.html"))}
	shown := func() int {
		return eval[int](t, ctx, `document.querySelectorAll('.timeline .event:not([hidden])').length`)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(index.String()), chromedp.WaitVisible(chromedp.CSS(`#filters`))); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#filters input[value="warning"]`)),
		chromedp.SetValue(chromedp.CSS(`#filters select`), "Joe Biden"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#filters select').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "index.html?hide=warning&actor=Joe+Biden") {
		t.Errorf("the address is %s", loc)
	}
	if n := shown(); n != 2 {
		t.Errorf("Joe Biden without warnings: %d events, want 2", n)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`#filters`))); err != nil {
		t.Fatal(err)
	}
	if n := shown(); n != 2 {
		t.Errorf("after a reload %d events show, want 2", n)
	}
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	if n := shown(); n != 4 {
		t.Errorf("after back %d events show, want the 4 that are no warnings", n)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("script errors: %q", e)
	}
}
