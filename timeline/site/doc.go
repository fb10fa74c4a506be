// Package site renders a chronology as a static web site.
//
// Build writes, into one output folder:
//
//	index.html               the chronology whole when small (≤ 400 events and articles),
//	                         else the periods with counts and the latest events
//	periods/<period>.html    one page per month (year, decade, undated), with filters;
//	                         a crowded month continues on <period>-p2.html, -p3 ...
//	events/<date>.html       one page per date, its events in full with their evidence;
//	                         an event's permalink is events/<date>.html#<id>
//	articles/<slug>.html     one page per article, evidence sentences marked
//	actors/<slug>.html       one page per actor: its events in order (compact, at their
//	                         permalinks) and counts by type; -p2, -p3 ... past 300 events
//	types/<type>.html        one page per event type, likewise
//	actors/index.html        every actor with its count; types/index.html every type
//	search.html, search/...  search over the whole chronology: the page, and the index
//	                         it loads a few small files at a time (see search.go)
//	events.json              the chronology in the schema of `timeline extract -json`, an event a line
//	feed.xml                 an Atom feed of the latest events (Site.FeedLimit)
//	events.ics               iCalendar: the events dated to the day or finer (when asked)
//	events.csv               one row per event, for a spreadsheet (unless left out)
//	timelinejs.json          the chronology for a TimelineJS3 embed (when asked)
//	404.html                 the page a host shows at a missing address, at any depth
//	sitemap.xml              every page's absolute address, with a base URL only
//	assets/...               the stylesheet and script of the templates
//	...                      the files of the templates' static/ folder, if any
//	.timeline-output         the marker that lets the next build replace the folder
//
// Every link between pages is relative, so the site works opened from disk
// (file://) and from any static host under any sub-path. Each evidence
// sentence is a <mark id="s-START-END"> in its article page, START and END
// being the sentence's byte offsets in the article file; an event page links
// to articles/<slug>.html#s-START-END. A sentence that runs over two blocks
// is marked in both, the later parts with ids s-START-END-2, -3, ...; one
// that shows nowhere in the text (a headline the file lacks, offsets past
// its end) has its id on an anchor at the top of the body, so an event
// page's link never depends on the article's text.
//
// No list page grows with the chronology: a period page holds at most 300
// events, and the index shows the whole chronology only while it is small.
//
// Every page has a key (SHA-256) over a digest of the templates its page
// executes (see templateSums) and a canonical encoding of everything that
// page's template data can reach; the writer keeps a page whose key it
// wrote before and skips rendering it, so a template edit renders only the
// pages that execute what changed. An event or article page reaches only its own event or
// article and small references to its neighbours, so editing one article
// renders again only its page, the pages of the events that cite it and
// of their neighbours, their period pages, the index and the exports. An article's page key takes its Sum, not its text, so its
// text is loaded (Site.LoadArticle) only when its page is rendered.
//
// The files made from the whole chronology (events.json, feed.xml and the
// exports of Site.Exports) are writers behind one small interface, export,
// one file each. An export's key digests everything exports read (every
// event as given and as its page shows it, the site's settings, the
// program's version), so an unchanged rebuild neither makes nor writes
// any of them.
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
