package site

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/timelinehq/timeline/internal/testshared"
)

// axeScript is the path of axe-core's axe.min.js, a test-only tool from
// npm (.ci/run installs it into a scratch folder and sets the variable).
const axeScript = "TIMELINE_AXE"

// TestBrowserAccessibility runs axe-core on every kind of page of the
// fixture, in the light and the dark colour scheme: no serious or critical
// violation of WCAG 2 A and AA (contrast included), and the keyboard
// reaches the skip link first and the search box after the site's links.
func TestBrowserAccessibility(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	path := os.Getenv(axeScript)
	if path == "" {
		if testshared.InCI() {
			t.Fatalf("$%s must name axe.min.js in CI", axeScript)
		}
		t.Skipf("$%s is not set: no axe-core (npm install axe-core, and set it to node_modules/axe-core/axe.min.js)", axeScript)
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := build(t, fixture(t), nil)
	browser := newBrowser(t)
	pages := []string{"index.html", "search.html?q=putin", "actors/index.html", "actors/joe-biden.html", "types/call.html",
		"events/2021-12-30.html", "articles/biden-putin-call.html", "periods/2021-12.html"}
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				name, query, _ := strings.Cut(p, "?")
				u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, filepath.FromSlash(name))), RawQuery: query}
				if err := chromedp.Do(ctx, chromedp.Navigate(u.String()), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
					t.Fatalf("open %s: %v", p, err)
				}
				if query != "" {
					results(t, ctx)
				}
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
					t.Fatalf("load axe-core: %v", err)
				}
				found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']})
					.then(r => r.passes.some(p => p.id === 'color-contrast') ? r.violations
						.filter(v => v.impact === 'serious' || v.impact === 'critical')
						.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')) :
						['axe-core did not check the contrast'])`,
					chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("run axe-core on %s: %v", p, err)
				}
				for _, v := range found {
					t.Errorf("%s: %s", p, v)
				}
			}
		})
	}

	t.Run("the keyboard reaches the skip link, then the site's links and the search box", func(t *testing.T) {
		ctx, cancel := chromedp.NewContext(browser)
		defer cancel()
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, "index.html"))}
		if err := chromedp.Do(ctx, chromedp.Navigate(u.String()), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatal(err)
		}
		var order []string
		for range 12 {
			if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
				t.Fatal(err)
			}
			order = append(order, eval[string](t, ctx, `(() => { const e = document.activeElement;
				return e.id || e.className || e.textContent.trim(); })()`))
			if order[len(order)-1] == "site-q" {
				break
			}
		}
		if len(order) == 0 || order[0] != "skip" || order[len(order)-1] != "site-q" {
			t.Errorf("tab order %q, want the skip link first and the search box after the site's links", order)
		}
		// The focused search box has a visible outline.
		if w := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); w == "none" {
			t.Error("the focused search box has no outline")
		}
		// Typing and Enter search the whole chronology.
		if err := chromedp.Do(ctx, chromedp.KeyEvent("geneva\r"), chromedp.WaitVisible(chromedp.CSS(`#search`))); err != nil {
			t.Fatal(err)
		}
		if got := results(t, ctx); len(got) != 1 {
			t.Errorf("the header's search for geneva finds %v", got)
		}
	})
}
