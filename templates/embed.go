// Package templates holds the default templates and static assets of the
// timeline site. A user's own templates folder overrides them file by file:
// see site.Templates.
//
// The page templates are index.html, event.html and article.html. Files
// whose names start with "_" are partials parsed with every page: the
// defaults define "layout" (the page around a "main" template, with a
// "scripts" block), "badges", "segments" (a block's text with its marks) in
// _layout.html, and "entry" (one event of the chronology) in _entry.html.
// Everything under assets/ is copied to the output as is; a user's folder
// may also have static/, whose files go to the output's root (a CNAME, a
// robots.txt), as long as they replace no generated file.
//
// Every page executes with:
//
//	.Site       .Title .BaseURL .Events .Months .Articles .Types .Actors .Span
//	.Root       the way back to the site's root: "" or "../"; prefix every link with it
//	.Path       this page, relative to the root
//	.Canonical  this page's absolute URL, when the site has a base URL
//	.Title      the page's own title ("" on the index page)
//	.Event      on event pages
//	.Article    on article pages
//
// A month of .Site.Months has .ID, .Label and .Events. An event has the
// fields of events.Event and .File, .Path, .Planned, .TypeLabel, .TypeClass,
// .Month, .Prev, .Next, .When (.Short, .Long, .Time, .Datetime), .Sources
// (the events.Source fields and .Article, .Href, .Published) and .Cited (one
// per article: .Title, .Href, .URL, .Published, .Count). An article has the
// fields of article.Article and .Slug, .Path, .Published, .PublishedISO,
// .TitleSegments, .Events and .Blocks (.Kind "paragraph", "heading", "quote"
// or "list"; .Segments, or .Items for a list). Every .Path and .Href is
// relative to the site's root, except the .Refs of a segment, which link
// from the article page. The function join is strings.Join.
package templates

import "embed"

// FS holds the default templates and assets.
//
//go:embed *.html assets
var FS embed.FS
