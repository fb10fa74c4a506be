package main

import (
	"os"
	"path/filepath"
)

// The Hugo side of the comparison: a site with one page per article and a
// home page listing them all, nothing else. Taxonomies, sections, feeds,
// the sitemap and robots.txt are off, so Hugo does no work timeline's
// pages have no counterpart for.
var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/"
languageCode = "en-us"
title = "Synthetic news"
disableKinds = ["taxonomy", "term", "section", "rss", "sitemap", "robotstxt", "404"]
`,
	"layouts/baseof.html": `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>
<body>
{{ block "main" . }}{{ end }}
</body>
</html>
`,
	"layouts/home.html": `{{ define "main" }}<h1>{{ site.Title }}</h1>
<ul>
{{ range site.RegularPages.ByDate.Reverse }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
`,
	"layouts/page.html": `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p>{{ .Params.author }}, <time>{{ .Date.Format "January 2, 2006" }}</time></p>
{{ .Content }}
<p><a href="{{ .Params.source_url }}">Original article</a></p>
</article>
{{ end }}
`,
}

// hugoFileOrder fixes the order files are written in.
var hugoFileOrder = []string{"hugo.toml", "layouts/baseof.html", "layouts/home.html", "layouts/page.html"}

// writeHugoSite writes the configuration and layouts into dir, which must
// be empty or missing, and makes its content folder.
func writeHugoSite(dir string) error {
	if err := emptyDir(dir); err != nil {
		return err
	}
	for _, name := range hugoFileOrder {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(hugoFiles[name]), 0o644); err != nil {
			return err
		}
	}
	return os.MkdirAll(filepath.Join(dir, "content"), 0o755)
}
