package site

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestNotFoundLinks(t *testing.T) {
	t.Run("with a base URL, every link is absolute under it and there is no script", func(t *testing.T) {
		s := fixture(t)
		s.BaseURL = exportBase
		page := string(readTree(t, build(t, s, nil))[notFoundPage])
		refs := reRef.FindAllStringSubmatch(page, -1)
		if len(refs) < 5 {
			t.Fatalf("%d links", len(refs))
		}
		for _, m := range refs {
			if !strings.HasPrefix(m[1], exportBase) && !strings.HasPrefix(m[1], "#") {
				t.Errorf("link %q is not under %s", m[1], exportBase)
			}
		}
		if strings.Contains(page, "<script") {
			t.Error("a script, which the base URL makes needless")
		}
	})
	t.Run("without one, links start at the host's root and the script is there", func(t *testing.T) {
		page := string(readTree(t, build(t, fixture(t), nil))[notFoundPage])
		for _, m := range reRef.FindAllStringSubmatch(page, -1) {
			if !strings.HasPrefix(m[1], "/") && !strings.HasPrefix(m[1], "#") {
				t.Errorf("link %q does not start at the root", m[1])
			}
		}
		if !strings.Contains(page, `"events.json"`) {
			t.Error("no script that looks for the site's root")
		}
	})
}

// TestBrowserNotFound serves the site under a sub-path as GitHub Pages
// does, answering every missing address with 404.html, and opens missing
// addresses at several depths: the page finds its stylesheet and its link
// leads to the chronology.
func TestBrowserNotFound(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	out := build(t, fixture(t), nil)
	browser := newBrowser(t)
	const prefix = "/news/timeline/"
	files := http.StripPrefix(prefix, http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, prefix)
		if strings.HasSuffix(r.URL.Path, "/") {
			name += "index.html"
		}
		if info, err := os.Stat(filepath.Join(out, filepath.FromSlash(path.Clean("/"+name)))); strings.HasPrefix(r.URL.Path, prefix) && err == nil && !info.IsDir() {
			files.ServeHTTP(w, r)
			return
		}
		data, _ := os.ReadFile(filepath.Join(out, notFoundPage))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(data)
	}))
	defer srv.Close()
	for _, missing := range []string{"nope.html", "events/2020-01-01-call-gone.html", "a/b/c/d/"} {
		t.Run(missing, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+prefix+missing)); err != nil {
				t.Fatal(err)
			}
			// The stylesheet loads from the site's root once the script
			// has found it.
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
				const l = document.querySelector('link[rel=stylesheet]');
				try { return l.getAttribute('href') === '`+prefix+`assets/style.css' && l.sheet.cssRules.length > 0; }
				catch (e) { return false; }
			})()`))
			if err != nil {
				t.Fatalf("the links were not pointed at %s: %v", prefix, err)
			}
			err = chromedp.Do(ctx,
				chromedp.Click(chromedp.CSS(`main a`)),
				chromedp.WaitVisible(chromedp.CSS(`.timeline`)),
			)
			if err != nil {
				t.Fatalf("follow the link to the chronology: %v", err)
			}
			if loc := location(t, ctx); loc != srv.URL+prefix { // FileServer drops index.html
				t.Errorf("the link led to %s", loc)
			}
		})
	}
}

func TestSitemap(t *testing.T) {
	type urlset struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []string `xml:"url>loc"`
	}
	type index struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []string `xml:"sitemap>loc"`
	}
	// pages are the HTML pages of a build but 404.html, as addresses.
	pages := func(files map[string][]byte) []string {
		var out []string
		for name := range files {
			if strings.HasSuffix(name, ".html") && name != notFoundPage {
				out = append(out, exportBase+name)
			}
		}
		slices.Sort(out)
		return out
	}
	t.Run("without a base URL there is none", func(t *testing.T) {
		if _, ok := readTree(t, build(t, fixture(t), nil))["sitemap.xml"]; ok {
			t.Error("sitemap.xml written without a base URL")
		}
	})
	t.Run("with one, it lists every page, absolute", func(t *testing.T) {
		s := fixture(t)
		s.BaseURL = exportBase
		files := readTree(t, build(t, s, nil))
		var set urlset
		if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
			t.Fatal(err)
		}
		if got := slices.Sorted(slices.Values(set.URLs)); !slices.Equal(got, pages(files)) {
			t.Errorf("sitemap lists\n%v\nwant\n%v", got, pages(files))
		}
	})
	t.Run("past the protocol's limit, an index of sitemaps", func(t *testing.T) {
		defer func(n int) { sitemapMax = n }(sitemapMax)
		sitemapMax = 4
		s := fixture(t)
		s.BaseURL = exportBase
		files := readTree(t, build(t, s, nil))
		var idx index
		if err := xml.Unmarshal(files["sitemap.xml"], &idx); err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, loc := range idx.Sitemaps {
			var set urlset
			if err := xml.Unmarshal(files[strings.TrimPrefix(loc, exportBase)], &set); err != nil {
				t.Fatalf("%s: %v", loc, err)
			}
			if len(set.URLs) > sitemapMax {
				t.Errorf("%s has %d addresses", loc, len(set.URLs))
			}
			all = append(all, set.URLs...)
		}
		if len(idx.Sitemaps) < 2 || !slices.Equal(slices.Sorted(slices.Values(all)), pages(files)) {
			t.Errorf("%d sitemaps list %v, want %v", len(idx.Sitemaps), all, pages(files))
		}
	})
}
