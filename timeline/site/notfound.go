package site

import (
	"bytes"
	"fmt"
)

// 404.html is the page a static host shows for any missing address
// (GitHub Pages and Netlify find it at the site's root; an S3 website is
// told its name). The host serves it at the missing address, at any depth,
// so relative links cannot work from it. With a base URL its links are
// absolute under it. Without one they start at the host's root ("/"), which
// is right for a site published at the root of its host, and a small
// script in the default template finds the site's real root (the deepest
// folder of the address that has the site's events.json) and points them
// there, so that it works under a sub-path too. Like every page it has a
// key, and an unchanged rebuild keeps it.

// writeNotFound renders 404.html, unless w keeps it.
func writeNotFound(w pageWriter, ts *pages, v *siteView) error {
	p := &page{Site: &v.Header, Root: v.Header.BaseURL, Path: notFoundPage, Title: "Page not found"}
	if p.Root == "" {
		p.Root = "/"
	}
	var e enc
	key := dataKey(ts.seeds[notFoundPage], &e, p)
	if w.keep(notFoundPage, key) {
		return nil
	}
	var buf bytes.Buffer
	if err := ts.sets[notFoundPage].ExecuteTemplate(&buf, ts.name[notFoundPage], p); err != nil {
		return fmt.Errorf("render %s: %w", notFoundPage, err)
	}
	return w.writeKeyed(notFoundPage, key, buf.Bytes())
}
