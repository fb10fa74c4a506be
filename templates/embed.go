// Package templates holds the default templates and static assets of the
// timeline site. A user's own templates folder overrides them file by file:
// see site.Templates.
//
// The page templates are index.html, event.html and article.html; files
// whose names start with "_" are partials parsed with every page. Everything
// under assets/ is copied to the output as is.
package templates

import "embed"

// FS holds the default templates and assets.
//
//go:embed *.html assets
var FS embed.FS
