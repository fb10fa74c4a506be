package site

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/timelinehq/timeline/timeline/events"
)

// An export is one file of the whole chronology in a format that other
// tools read: events.json, the Atom feed, iCalendar, CSV, TimelineJS.
// Adding a format is one file: a type with these methods, registered in
// that file's init with registerExport.
//
// An export sees the site's view and the Site it was made from, but its
// bytes may depend only on what exportDigest covers (the events, their
// views' paths, dates and labels, the site's header, the feed limit),
// since a rebuild keeps the file without making it again when that
// digest is unchanged.
type export interface {
	Name() string                              // what Site.Exports and -exports call it: "ics"
	Label() string                             // what the pages' download links call it: "Calendar (iCalendar)"
	File() string                              // its path in the output: "events.ics"
	Make(v *siteView, s *Site) ([]byte, error) // its bytes
}

// exportEntry is a registered export; an export that is always written
// (events.json, which the contract names, and the feed, which every page
// links to) is not one Site.Exports can leave out.
type exportEntry struct {
	export
	when written
}

// written says when a build writes an export.
type written int

const (
	always    written = iota // whatever Site.Exports says
	byDefault                // unless Site.Exports leaves it out
	whenAsked                // only when Site.Exports names it
)

var exportList []exportEntry

// registerExport adds x to the exports every build considers.
func registerExport(x export, when written) {
	exportList = append(exportList, exportEntry{x, when})
}

// ExportNames lists the exports that Site.Exports can choose, sorted:
// "csv", "ics", "timelinejs". events.json and feed.xml are always written.
func ExportNames() []string {
	var names []string
	for _, x := range exportList {
		if x.when != always {
			names = append(names, x.Name())
		}
	}
	slices.Sort(names)
	return names
}

// CheckExports reports an error naming the first of names that is not an
// export; "json" and "atom", which are always written, are accepted.
func CheckExports(names []string) error {
	for _, n := range names {
		if !slices.ContainsFunc(exportList, func(x exportEntry) bool { return x.Name() == n }) {
			return fmt.Errorf("unknown export %q; the exports are %s", n, strings.Join(ExportNames(), ", "))
		}
	}
	return nil
}

// exportsOf is what a build of s writes: every always-written export,
// and those of s.Exports, or the default ones when it is nil.
func exportsOf(s *Site) ([]export, error) {
	if err := CheckExports(s.Exports); err != nil {
		return nil, err
	}
	var out []export
	for _, x := range exportList {
		if x.when == always || s.Exports == nil && x.when == byDefault || slices.Contains(s.Exports, x.Name()) {
			out = append(out, x.export)
		}
	}
	return out, nil
}

// writeExports makes and writes every export of s that w does not keep.
// An export's key is the digest of everything exports read with its name,
// so that an unchanged rebuild neither makes nor writes any export. With
// s.Memo, an export made of pieces takes those of unchanged events from
// the memo. Exports are made one at a time: made at once, the largest
// held more memory than the rest of a build.
func writeExports(ctx context.Context, w pageWriter, v *siteView, s *Site, xs []export) error {
	if p, ok := w.(interface{ plan(int) }); ok {
		p.plan(len(xs)) // for the progress line
	}
	digest := exportDigest(v, s)
	r := newExportRun(v, s)
	var memos map[string]*exportMemo
	if s.Memo != nil {
		ms := &s.Memo.exports
		ms.mu.Lock()
		defer ms.mu.Unlock()
		memos = ms.exports(exportSettings(v, s), xs)
	}
	for _, x := range xs {
		if err := ctx.Err(); err != nil {
			return err
		}
		key := exportKey(digest, x)
		if w.keep(x.File(), key) {
			continue
		}
		m := memos[x.Name()]
		if sw, ok := w.(streamWriter); ok && m == nil {
			if p, ok := x.(pieceExport); ok {
				// Without a memo to keep them, the bytes go to the file
				// as they are made: the largest export is as large as the
				// rest of a build's memory.
				if err := sw.writeStream(x.File(), key, func(emit func([]byte) error) error {
					return r.streamPieces(p, emit)
				}); err != nil {
					return err
				}
				continue
			}
		}
		data, err := r.makeExport(x, m)
		if err != nil {
			return fmt.Errorf("%s: %w", x.File(), err)
		}
		if err := w.writeKeyed(x.File(), key, data); err != nil {
			return err
		}
	}
	return nil
}

// streamWriter is a pageWriter that can write a file as it is made.
type streamWriter interface {
	writeStream(name string, key Key, fill func(emit func([]byte) error) error) error
}

// exportKey is the key of export x over a chronology with digest d.
func exportKey(d Key, x export) Key {
	var e enc
	e.reset()
	e.strs(x.Name(), x.File())
	return e.sum(d)
}

// exportKeyVersion changes when the way exports are made changes in a way
// the program version cannot see; the version (a hash of the executable)
// sees every change of the code.
const exportKeyVersion = "timeline/site exports v1"

// exportDigest digests everything an export may read: the site's
// settings (see exportSettings) and every event's digest.
func exportDigest(v *siteView, s *Site) Key {
	var e enc
	e.reset()
	e.settings(v, s)
	e.u64(uint64(len(v.Events)))
	for _, ev := range v.Events {
		e.b = append(e.b, ev.digest[:]...)
		e.spill()
	}
	return e.sum(Key{})
}

// exportSettings digests what an export may read besides the events: the
// program's version, the site's header and settings. An event's piece of
// an export (see pieceExport) may depend on these, so a Memo drops every
// piece when they change.
func exportSettings(v *siteView, s *Site) Key {
	var e enc
	e.reset()
	e.settings(v, s)
	return e.sum(Key{})
}

// settings writes what exportSettings digests.
func (e *enc) settings(v *siteView, s *Site) {
	e.strs(exportKeyVersion, s.Version, v.Header.Title, v.Header.BaseURL, v.Header.Description, v.Header.Lang, zoneName(s.TimeZone))
	e.u64(uint64(s.FeedLimit))
}

// eventDigest digests an event: as given (src), for the exports, and as
// every view shows it (ev), for the keys of the pages that list it (see
// enc.value). An event's piece of an export may depend only on this
// digest and the site's settings.
func eventDigest(e *enc, src *events.Event, ev *eventView) Key {
	e.reset()
	eventFields(e, src, ev)
	return e.sum(Key{})
}

// eventFields writes what an event's digest covers. It writes each field
// by hand, not through reflection, since it runs over the whole
// chronology on every build: TestExportDigestCoversEveryField checks that
// it misses no field of events.Event, TestEventDigestCoversTheView none
// of eventView. A field the view copies from src is written once, from
// the view; of src, only what the view does not copy.
func eventFields(w *enc, src *events.Event, ev *eventView) {
	w.u64(uint64(len(src.ActorKinds)))
	for _, k := range src.ActorKinds {
		w.str(string(k))
	}
	writeStrs(w, src.Curated...)
	w.u64(uint64(len(src.Conflicts)))
	for _, c := range src.Conflicts {
		w.str(string(c.Date))
		writeStrs(w, c.Articles...)
	}
	w.u64(uint64(len(src.Sources)))
	for j := range src.Sources {
		w.str(src.Sources[j].Article)
		w.str(src.Sources[j].Title) // the view's title is the article's when this is empty
	}

	for _, s := range [...]string{ev.ID, ev.Type, ev.Status, ev.Date, ev.Mod, ev.Title, ev.Place, ev.File, ev.Path, ev.TypeLabel, ev.TypeClass,
		ev.Conflict, ev.reported, ev.When.Key, ev.When.Group, ev.When.Short, ev.When.Long, ev.When.Time, ev.When.Datetime} {
		w.str(s)
	}
	writeStrs(w, ev.Actors...)
	w.flag(ev.Planned)
	w.flag(ev.Pinned)
	writeLinks(w, ev.ActorLinks)
	writeLinks(w, []link{ev.Period})
	c := &ev.Curated
	for _, f := range [...]bool{c.Any, c.Type, c.Date, c.Title, c.Actors, c.Place, c.Status, c.Added, c.Merged, c.Split, c.Sources} {
		w.flag(f)
	}
	w.u64(uint64(len(ev.Sources)))
	for j := range ev.Sources {
		sv := &ev.Sources[j]
		for _, s := range [...]string{sv.Sentence, sv.Title, sv.URL, sv.Published, sv.PublishedISO, sv.Href} {
			w.str(s)
		}
		w.u64(uint64(sv.Start))
		w.u64(uint64(sv.End))
		w.flag(sv.Article != nil)
		if r := sv.Article; r != nil {
			for _, s := range [...]string{r.File, r.Path, r.Title, r.Published, r.URL} {
				w.str(s)
			}
		}
	}
	w.u64(uint64(len(ev.Cited)))
	for _, c := range ev.Cited {
		for _, s := range [...]string{c.Title, c.Href, c.URL, c.Published} {
			w.str(s)
		}
		w.u64(uint64(c.Count))
	}
}

// writeStrs writes a list of strings and its length.
func writeStrs(w *enc, ss ...string) {
	w.u64(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

// writeLinks writes ls.
func writeLinks(w *enc, ls []link) {
	w.u64(uint64(len(ls)))
	for _, l := range ls {
		w.str(l.Label)
		w.str(l.Path)
		w.flag(l.Current)
	}
}

// digestEvents sets every event's digest, on every core. A view taken
// from the last build (at[j].reused) differs from what it was only where
// it is placed, so when placing neither moved nor relinked it, it keeps
// the digest it had: nothing the digest reads changed.
func (v *siteView) digestEvents(at []eventPlace) {
	inParallel(len(v.Events), 512, func() func(int) {
		var e enc
		return func(j int) {
			ev := v.Events[j]
			if !at[j].reused || ev.moved || ev.relinked {
				ev.digest = eventDigest(&e, &v.source[j], ev)
			}
			ev.moved, ev.relinked = false, false
		}
	})
}

// pageURL is the address of an event's page as an export gives it:
// absolute with a base URL, else relative to the site's root, where the
// exports are.
func pageURL(v *siteView, ev *eventView) string {
	return v.Header.BaseURL + ev.Path
}

// exportIDs are the events' IDs as exports name them: unique, and never
// empty. An ID that an earlier event has (which the chronology never
// makes) gets "-2", "-3", ... as its page does.
func exportIDs(v *siteView) []string {
	ids := make([]string, len(v.Events))
	seen := make(map[string]bool, len(v.Events))
	for i, ev := range v.Events {
		ids[i] = unique(cmp.Or(ev.ID, "event"), seen)
	}
	return ids
}

// strs writes each of ss.
func (e *enc) strs(ss ...string) {
	for _, s := range ss {
		e.str(s)
	}
}

// eventLine is one sentence of what, when, who and where: "Call (planned),
// Thursday 30 December 2021, 20:30: Joe Biden, Vladimir Putin, in Geneva."
func eventLine(ev *eventView) string { return string(appendEventLine(nil, ev)) }

// appendEventLine appends eventLine(ev).
func appendEventLine(b []byte, ev *eventView) []byte {
	b = append(b, ev.TypeLabel...)
	if ev.Planned {
		b = append(b, " (planned)"...)
	}
	b = append(b, ", "...)
	b = append(b, ev.When.Long...)
	for i, a := range ev.Actors {
		if i == 0 {
			b = append(b, ": "...)
		} else {
			b = append(b, ", "...)
		}
		b = append(b, a...)
	}
	if ev.Place != "" {
		b = append(b, ", in "...)
		b = append(b, ev.Place...)
	}
	return append(b, '.')
}
