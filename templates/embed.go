// Package templates holds the default templates and static assets of the
// timeline site. A user's own templates folder overrides them file by file:
// see site.Templates.
//
// The page templates are index.html, period.html, day.html, article.html,
// actor.html, type.html, groups.html, search.html and 404.html. Files whose names start with "_"
// are partials parsed with every page: the defaults define "layout" (the
// page around a "main" template, with a "scripts" block), "badges",
// "segments" (a block's text with its marks), "pager" (the pages before
// and after a period or date) and "pagelinks" (the pages of a long list) in
// _layout.html, "entry" (one
// event of a list), "filters" (the type and actor filters of a list) and
// "sections" (a list's sections of entries) in _entry.html, and "group"
// (an actor's or type's page) and "compact" (one event of it) in
// _group.html. day.html defines "event" (an event in full on its date's
// page: .Event, with the page's .Day and .Root, which day.html passes it
// as .Day.Entry of the event) and article.html "reported" (the events an
// article reports: it is passed the page) and "blocks" (an article's
// body, each block with its segments). Everything under assets/ is copied to
// the output as is; a user's folder may also have static/, whose files go
// to the output's root (a CNAME, a robots.txt), as long as they replace no
// generated file.
//
// Every page executes with:
//
//	.Site       .Title .BaseURL .Description .Lang: the site's header facts, nothing more
//	.Root       the way back to the site's root: "" or "../"; prefix every link with it
//	            (on 404.html, the base URL, or "/" without one: see below)
//	.Path       this page, relative to the root
//	.Canonical  this page's absolute URL, when the site has a base URL
//	.Title      the page's own title ("" on the index page)
//	.Index      on index.html
//	.Period     on period pages (period.html)
//	.Day        on date pages (day.html), the events' permalinks
//	.Article    on article pages (article.html)
//	.Actor      on actor pages (actor.html)
//	.Type       on event type pages (type.html)
//	.Groups     on the indexes of actors and of types (groups.html)
//	.Search     on search.html: .Types (.Value, .Label, .Class) for its form
//
// A page is rendered again only when something its data can reach changed,
// so each page reaches only what it shows: a date page knows its events
// and not the chronology, an article page its article and the events it is
// evidence for.
//
// .Index: .Count (events), .Articles (articles), .Span ("December 2021 –
// January 2022"), .Whole (true when the chronology is small enough to show
// whole), .List (every event when .Whole, else the latest reported),
// .Periods (each with .Label, .Path of its first page, .Count, .Pages),
// .Sources (each with .Title, .Path, .Author, .Published, .Events: every
// article when .Whole, else the latest published) and .MoreSources (how
// many .Sources leaves out).
//
// .Period: .ID, .Label ("December 2021"), .Page and .Pages (a crowded
// period has pages of at most 300 events), .Total (the period's events),
// .List (this page's events), .PageLinks (the period's pages when it has
// more than one), .Prev and .Next (the pages before and after in reading
// order), .Periods (the periods of its year) and .Years (every year, at its
// first period). A link has .Label, .Path and .Current.
//
// A list (.Index.List, .Period.List) has .Sections (.ID, .Label, .Events),
// .Types and .Actors (the filters' values with .Value, .Label, .Class and
// .Count, counted on the list) and .Count. An entry of a section has .Root
// (the list's page's) and what a list shows of an event: .ID, .Type,
// .Status, .Date, .Mod, .Title, .Actors, .Place, .File, .Path, .When,
// .Planned, .TypeLabel, .TypeClass and .Cited.
//
// .Day: .Label ("Thursday 30 December 2021", "December 2021"), .Datetime
// (the date as an HTML datetime attribute, "" when it has none), .Page and
// .Pages (a date with more than 150 events continues on further pages),
// .Total, .Events (this page's events in full, below), .Others (on a first
// page, the date's events shown on later pages: .File, .Title, .Path), .Period
// (the period page that lists the first event), .PageLinks, and .Prev and
// .Next (the dates before and after).
//
// An event of .Day.Events has the fields of events.Event (.ID, .Type,
// .Status, .Date, .Mod, .Title, .Actors, .Place) and .File (its id on the
// page), .Path (its permalink, "events/DATE.html#ID"), .Planned, .TypeLabel,
// .TypeClass, .When (.Short, .Long, .Time, .Datetime), .Sources (.Title,
// .URL, .Published, .PublishedISO, .Sentence, .Start, .End, .Href, and
// .Article: .File, .Path, .Title, .Published, .URL of the article, nil when
// it is not in the site), .Cited (one per article: .Title, .Href, .URL,
// .Published, .Count) and .Period (the link to the period page that lists
// it).
//
// .Actor and .Type: .Name (the actor, or the type's value), .Label,
// .Class (a type's class), .Kind (an actor's kind: "Person", "Country",
// "Organisation", or "" when not known), .Page, .Pages (pages of at most 300 events),
// .Events (compact: .Root, .Title, .Path — the permalink —, .When,
// .Planned, .TypeLabel, .TypeClass, .ActorLinks, .Place, and what the page
// does not already say: .Others, the actors but the page's own, and
// .SameType, true on the type's own page), .PageLinks, and
// on the first page only .Total and, for an actor, .Types (its events by
// type) or, for a type, .Actors (its 30 most frequent actors), each with
// .Label, .Class, .Path and .Count.
//
// .Groups: .Kind ("actors" or "types"), .Groups (.Label, .Class, .Path,
// .Count), .Page, .Pages and .PageLinks (2,000 actors a page).
//
// Every event and entry also has .ActorLinks: its actors as links (.Label,
// .Path) to their pages.
//
// .Article has .File (the file it was read from), .Slug, .Path, .Title,
// .Author, .URL, .Tags, .Published, .PublishedISO, .Events (the events it
// is evidence for: .ID, .File, .Path, .Title, .Type, .TypeLabel,
// .TypeClass, .Planned, .When), .TitleSegments, .Blocks (.Kind
// "paragraph", "heading", "quote" or "list"; .Segments, or .Items for a
// list) and .Unplaced (the ids of evidence sentences that do not show in
// its text; the default template puts them as anchors at the top, so that
// every link from an event page lands).
//
// 404.html is what a static host shows at any missing address, at any
// depth, so relative links cannot work from it: its .Root is the base URL
// when the site has one, else "/", and the default template then carries a
// small script that finds the site's root (the deepest folder of the
// address that has events.json) and points its links there.
//
// Every .Path and .Href is relative to the site's root, except the .Refs of
// a segment, which link from the article page. The function join is
// strings.Join; render "name" . executes the template name with . and
// returns its HTML, which for an entry or a compact one a preview keeps
// between rebuilds (the lists use it rather than {{template}}). The
// default "entry", "compact", "event", "reported", "blocks" and "segments" are written by
// compiled code when render is asked for them and they, and what they
// execute, are the defaults: a folder that overrides one of them gets the
// same pages, a little slower.
package templates

import "embed"

// FS holds the default templates and assets.
//
//go:embed *.html assets
var FS embed.FS
