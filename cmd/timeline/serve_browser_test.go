package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timelinehq/timeline/internal/testshared"
)

// newBrowser starts a headless Chromium for the test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return testshared.Browser(t, 2*patience)
}

// waitPage waits until the JavaScript expression cond is true in the page,
// across the page's own reloads.
func waitPage(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		tctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		ok, err := chromedp.Run(tctx, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s (%s; last error %v)", patience, what, cond, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServeBrowser opens the served site in Chromium, saves an article as
// an editor does and sees the page change by itself, breaks the article
// and sees the overlay, and fixes it and sees the overlay go.
func TestServeBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	browser := newBrowser(t)
	content := sampleContent(t, 0)
	s := startServe(t, "-content", content, "-base-url", "https://example.org/news/")
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url), chromedp.WaitVisible(chromedp.CSS(".timeline"))); err != nil {
		t.Fatalf("open %s: %v", s.url, err)
	}
	// The page connects its reload stream; a mark on the window shows
	// whether the page was reloaded since.
	waitPage(t, ctx, "the reload stream", `window.timelinePreview !== undefined`)
	mark := func() {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded = true`)); err != nil {
			t.Fatal(err)
		}
	}
	mark()

	path := filepath.Join(content, natoName)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	editorSave(t, path, strings.Replace(string(good), natoTitle, `title = "NATO, seen live in the browser"`, 1))
	waitPage(t, ctx, "the new title without a manual reload",
		`!window.notReloaded && document.querySelector('#sources').textContent.includes('NATO, seen live in the browser')`)
	if eval := `document.querySelector('.timeline-preview-overlay') === null`; !pageIs(t, ctx, eval) {
		t.Error("an overlay shows after a good build")
	}

	mark()
	editorSave(t, path, brokenTOML)
	waitPage(t, ctx, "the overlay naming the broken article",
		`(document.querySelector('.timeline-preview-overlay')?.textContent || '').includes('`+natoName+`:')`)
	if !pageIs(t, ctx, `document.querySelector('.timeline') !== null`) {
		t.Error("the chronology is gone under the overlay")
	}

	mark()
	editorSave(t, path, string(good))
	waitPage(t, ctx, "the overlay to go and the page to reload",
		`!window.notReloaded && document.readyState === 'complete' && document.querySelector('.timeline-preview-overlay') === null &&
		document.querySelector('#sources').textContent.includes("NATO warns of 'real risk'")`)
}

func pageIs(t *testing.T, ctx context.Context, expr string) bool {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return ok
}
