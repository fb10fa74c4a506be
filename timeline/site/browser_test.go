package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timelinehq/timeline/internal/testshared"
)

// newBrowser starts a headless Chromium for the test. The time limit
// only stops a hung browser: on a loaded 2-core machine, starting
// Chromium alone once took 40 s.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return testshared.Browser(t, 2*time.Minute)
}

// TestBrowser opens the fixture site in headless Chromium, from disk and
// from an HTTP server under a sub-path, and clicks from the chronology to
// an event and on to the evidence in its article.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	out := build(t, fixture(t), nil)
	browser := newBrowser(t)

	const prefix = "/news/timeline/"
	var mu sync.Mutex
	var stray []string
	files := http.StripPrefix(prefix, http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) {
			mu.Lock()
			stray = append(stray, r.URL.Path)
			mu.Unlock()
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()

	index := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, "index.html"))}
	for _, tc := range []struct{ name, start string }{
		{"from disk", index.String()},
		{"over HTTP under a sub-path", srv.URL + prefix},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			clickThrough(t, ctx, tc.start)
		})
	}
	if len(stray) > 0 {
		t.Errorf("the browser asked for paths outside %s: %v", prefix, stray)
	}
}

// eval evaluates the JavaScript expression expr in the tab of ctx.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func clickThrough(t *testing.T, ctx context.Context, start string) {
	if err := chromedp.Do(ctx, chromedp.Navigate(start), chromedp.WaitVisible(chromedp.CSS(".timeline"))); err != nil {
		t.Fatalf("open %s: %v", start, err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.timeline .event').length`); n != 5 {
		t.Errorf("the chronology shows %d events, want 5", n)
	}
	if !eval[bool](t, ctx, `!document.getElementById('filters').hidden`) {
		t.Error("the script did not show the filters")
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#filters input[value="warning"]`))); err != nil {
		t.Fatalf("filter: %v", err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.timeline .event:not([hidden])').length`); n != 4 {
		t.Errorf("without warnings %d events show, want 4", n)
	}

	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[id="2021-12-30-call-biden-putin"] h3 a`)),
		chromedp.WaitVisible(chromedp.CSS(`.event-page:target`)),
	)
	if err != nil {
		t.Fatalf("click the event: %v", err)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "/events/2021-12-30.html#2021-12-30-call-biden-putin") {
		t.Errorf("the event link led to %s", loc)
	}

	// The second source is the sentence that runs over two blocks.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.event-page:target .evidence figure:nth-of-type(2) figcaption a`)),
		chromedp.WaitVisible(chromedp.CSS(`mark:target`)),
		chromedp.Sleep(100*time.Millisecond), // let the scroll settle
	)
	if err != nil {
		t.Fatalf("click through to the evidence: %v", err)
	}
	if loc := location(t, ctx); !strings.Contains(loc, "/articles/biden-putin-call.html#s-") {
		t.Errorf("the evidence link led to %s", loc)
	}
	type markInfo struct {
		Tag     string  `json:"tag"`
		Bg      string  `json:"bg"`
		PartBg  string  `json:"partBg"`
		PlainBg string  `json:"plainBg"`
		Top     float64 `json:"top"`
		Bottom  float64 `json:"bottom"`
		Height  float64 `json:"height"`
	}
	mark := eval[markInfo](t, ctx, `(() => {
		const m = document.querySelector(':target'), r = m.getBoundingClientRect();
		const plain = document.querySelector('mark:not(:target):not(.is-target)');
		const part = document.getElementById(m.id + '-2');
		return {tag: m.tagName, bg: getComputedStyle(m).backgroundColor,
			partBg: part ? getComputedStyle(part).backgroundColor : 'no second part',
			plainBg: getComputedStyle(plain).backgroundColor,
			top: r.top, bottom: r.bottom, height: innerHeight};
	})()`)
	if mark.Tag != "MARK" {
		t.Errorf("the target is a %s, want a MARK", mark.Tag)
	}
	if mark.Top < 0 || mark.Bottom > mark.Height {
		t.Errorf("the mark is out of view: top %v, bottom %v, window %v", mark.Top, mark.Bottom, mark.Height)
	}
	if mark.Bg == mark.PlainBg || mark.Bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("the target mark's background %s is not highlighted (other marks: %s)", mark.Bg, mark.PlainBg)
	}
	if mark.PartBg != mark.Bg {
		t.Errorf("the sentence's second part has background %s, want %s like its first", mark.PartBg, mark.Bg)
	}
}

// TestBrowserLargeSite opens the index of a chronology too large to show
// whole, goes to a period page from its overview, filters it and moves on
// to the next period.
func TestBrowserLargeSite(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	s := syntheticSite(wholeEvents+100, 60)
	out := build(t, s, nil)
	ctx, cancel := chromedp.NewContext(newBrowser(t))
	defer cancel()
	index := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, "index.html"))}
	if err := chromedp.Do(ctx, chromedp.Navigate(index.String()), chromedp.WaitVisible(chromedp.CSS(".period-list"))); err != nil {
		t.Fatalf("open the index: %v", err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.timeline .event').length`); n != latestEvents {
		t.Errorf("the index shows %d events, want the latest %d", n, latestEvents)
	}
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.period-list a[href="periods/2021-03.html"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#filters`)),
	)
	if err != nil {
		t.Fatalf("open a period: %v", err)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "/periods/2021-03.html") {
		t.Errorf("the period link led to %s", loc)
	}
	all := eval[int](t, ctx, `document.querySelectorAll('.timeline .event').length`)
	calls := eval[int](t, ctx, `document.querySelectorAll('.timeline .event[data-type="call"]').length`)
	if all < 20 || calls == 0 {
		t.Fatalf("the period shows %d events, %d calls", all, calls)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#filters input[value="call"]`))); err != nil {
		t.Fatalf("filter: %v", err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.timeline .event:not([hidden])').length`); n != all-calls {
		t.Errorf("without calls %d events show, want %d", n, all-calls)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.pager a.next`)),
		chromedp.WaitVisible(chromedp.CSS(`.timeline`)),
	)
	if err != nil {
		t.Fatalf("go to the next period: %v", err)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "/periods/2021-04.html") {
		t.Errorf("the next period is %s", loc)
	}
}
