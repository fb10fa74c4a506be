// Package site renders a chronology as a static web site.
//
// Build writes, into one output folder:
//
//	index.html               the chronology, grouped by month, with filters
//	events/<id>.html         one page per event, quoting its evidence
//	articles/<slug>.html     one page per article, evidence sentences marked
//	events.json              the chronology in the format of `timeline extract -json`
//	feed.xml                 an Atom feed of the events
//	assets/...               the stylesheet and script of the templates
//	...                      the files of the templates' static/ folder, if any
//	.timeline-output         the marker that lets the next build replace the folder
//
// Every link between pages is relative, so the site works opened from disk
// (file://) and from any static host under any sub-path. Each evidence
// sentence is a <mark id="s-START-END"> in its article page, START and END
// being the sentence's byte offsets in the article file; an event page links
// to articles/<slug>.html#s-START-END. A sentence that runs over two blocks
// is marked in both, the later parts with ids s-START-END-2, -3, ...
//
// The pages come from html/template files: the embedded defaults of package
// templates, which a user's own folder overrides file by file (Templates).
// Output is deterministic: the same input gives the same bytes, and nothing
// depends on the clock.
//
// Build writes the site into a new folder beside the output folder and only
// swaps it in when everything succeeded, so a failed build leaves the
// previous site untouched.
package site
