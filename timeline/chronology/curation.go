package chronology

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// Curation is an editor's corrections to a chronology, kept in git
// beside the articles (curation.toml). Entries name events by their
// stable IDs. See ParseCuration for the format.
type Curation struct {
	Path   string
	Edits  []Edit      // [[event]]: correct, hide or pin one event
	Merges []MergeOf   // [[merge]]: several events are one
	Splits []Split     // [[split]]: some articles' sentences are another event
	Adds   []Added     // [[add]]: an event no article reports
	Hides  []HideInArt // from articles' front matter: hide what that article reports
}

// Edit corrects, hides or pins the event ID. A nil field is left alone.
type Edit struct {
	Line              int
	ID                string
	Hide, Pin         bool
	Type              *events.Type
	Status            *events.Status
	Date              *timex.Value
	Mod, Title, Place *string
	Actors            []string
	SetActors         bool
}

// MergeOf merges the events IDs into the first of them.
type MergeOf struct {
	Line int
	IDs  []string
}

// Split moves the sentences of the articles named (by path or file name)
// out of the event ID into an event of their own.
type Split struct {
	Line     int
	ID       string
	Articles []string
}

// Added is an event an editor adds by hand.
type Added struct {
	Line              int
	Type              events.Type
	Status            events.Status
	Date              timex.Value
	Mod, Title, Place string
	Actors            []string
	URL, Quote        string
	Pin               bool
}

// HideInArt is an article's front matter hiding events it reports: the
// article's sentences leave those events, and an event no other article
// reports is hidden.
type HideInArt struct {
	Article string
	Line    int
	IDs     []string
}

// A Problem is an entry that cannot be applied, or that applies only
// through an old ID: "path:line: message".
type Problem struct {
	Path string
	Line int
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg) }

// typeNames are the event types a curation entry may give: those of the
// descriptor table.
func typeNames() []string {
	var out []string
	for _, t := range events.Types() {
		out = append(out, string(t))
	}
	return out
}

var mods = []string{"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}

var headerRE = regexp.MustCompile(`^\s*\[\[\s*([A-Za-z_-]+)\s*\]\]`)

// ParseCuration reads a curation file:
//
//	[[event]]                 # correct, hide or pin one event
//	id = "2021-12-30-call-biden-putin"
//	date = "2021-12-30T20:35" # and mod, type, title, actors, place, status
//	pin = true                # a key moment
//	hide = true
//
//	[[merge]]                 # these are one event: the rest join the first
//	ids = ["2021-12-07-call-biden-putin", "2021-12-07-call-biden"]
//
//	[[split]]                 # these articles' sentences are another event
//	id = "2022-01-10-meeting-sherman-ryabkov"
//	articles = ["2022-01-09-dinner.txt"]
//
//	[[add]]                   # an event no article reports
//	date = "2022-01-17"
//	type = "visit"
//	title = "Antony Blinken visits Kyiv"
//	actors = ["Antony Blinken"]
//	url = "https://example.org/story"   # optional, with quote
//	quote = "Blinken arrived in Kyiv on Monday."
//
// An entry with an unknown field or a field of the wrong kind or value is
// reported as a Problem with its line and left out; the rest apply. A file
// that is not TOML is one Problem.
func ParseCuration(path string, data []byte) (*Curation, []Problem) {
	c := &Curation{Path: path}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		line := 1
		if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(err.Error()); m != nil {
			fmt.Sscan(m[1], &line)
		}
		return c, []Problem{{path, line, fmt.Sprintf("not valid TOML, so no entry applies: %v", err)}}
	}
	// The line of each entry's header, by table, in order.
	lines := strings.Split(string(data), "\n")
	headers := map[string][]int{}
	for i, l := range lines {
		if m := headerRE.FindStringSubmatch(l); m != nil {
			headers[m[1]] = append(headers[m[1]], i+1)
		}
	}
	p := parser{path: path, lines: lines}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, table := range keys {
		list, ok := raw[table].([]map[string]any)
		if !ok || !slices.Contains([]string{"event", "merge", "split", "add"}, table) {
			p.problem(p.keyLine(0, table), "unknown entry %q; the entries are [[event]], [[merge]], [[split]] and [[add]]", table)
			continue
		}
		for i, m := range list {
			line := 1
			if i < len(headers[table]) {
				line = headers[table][i]
			}
			p.entry(c, table, line, m)
		}
	}
	slices.SortStableFunc(p.problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return c, p.problems
}

type parser struct {
	path     string
	lines    []string
	problems []Problem
}

func (p *parser) problem(line int, format string, args ...any) {
	p.problems = append(p.problems, Problem{p.path, line, fmt.Sprintf(format, args...)})
}

// keyLine is the line of key in the entry that starts at line from (or
// anywhere, with from 0), or from.
func (p *parser) keyLine(from int, key string) int {
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for i := max(from-1, 0); i < len(p.lines); i++ {
		if i > from-1 && from > 0 && strings.HasPrefix(strings.TrimSpace(p.lines[i]), "[") {
			break
		}
		if re.MatchString(p.lines[i]) {
			return i + 1
		}
	}
	return max(from, 1)
}

// fields of each entry, and what they hold.
var entryFields = map[string][]string{
	"event": {"id", "hide", "pin", "type", "date", "mod", "title", "actors", "place", "status"},
	"merge": {"ids"},
	"split": {"id", "articles"},
	"add":   {"type", "date", "mod", "title", "actors", "place", "status", "url", "quote", "pin"},
}

func (p *parser) entry(c *Curation, table string, line int, m map[string]any) {
	bad := false
	at := func(key string) int { return p.keyLine(line, key) }
	str := func(key string) (string, bool) {
		v, ok := m[key]
		if !ok {
			return "", false
		}
		s, isStr := v.(string)
		if !isStr {
			p.problem(at(key), "%s must be text in quotes", key)
			bad = true
			return "", false
		}
		return strings.TrimSpace(s), true
	}
	strs := func(key string) ([]string, bool) {
		v, ok := m[key]
		if !ok {
			return nil, false
		}
		list, isList := v.([]any)
		out := []string{}
		for _, x := range list {
			s, isStr := x.(string)
			if !isStr {
				isList = false
				break
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		if !isList {
			p.problem(at(key), `%s must be a list of text: ["Joe Biden", "Vladimir Putin"]`, key)
			bad = true
			return nil, false
		}
		return out, true
	}
	boolean := func(key string) bool {
		v, ok := m[key]
		if !ok {
			return false
		}
		b, isBool := v.(bool)
		if !isBool {
			p.problem(at(key), "%s must be true or false", key)
			bad = true
		}
		return b
	}
	var names []string
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !slices.Contains(entryFields[table], k) {
			p.problem(at(k), "unknown field %q in [[%s]]; its fields are %s", k, table, strings.Join(entryFields[table], ", "))
			bad = true
		}
	}
	// The values every entry checks alike.
	typ, hasType := str("type")
	if hasType && !events.Type(typ).Known() {
		p.problem(at("type"), "type %q is not one of %s", typ, strings.Join(typeNames(), ", "))
		bad = true
	}
	date, hasDate := str("date")
	if hasDate {
		if _, _, ok := timex.Span(date); !ok {
			p.problem(at("date"), "date %q is not a TIMEX3 date; write it like 2021-12-30, 2021-12-30T20:30, 2021-12 or 2021-W52", date)
			bad = true
		}
	}
	mod, hasMod := str("mod")
	if hasMod {
		mod = strings.ToUpper(mod)
		if mod != "" && !slices.Contains(mods, mod) {
			p.problem(at("mod"), "mod %q is not one of %s (or empty)", mod, strings.Join(mods, ", "))
			bad = true
		}
	}
	status, hasStatus := str("status")
	if hasStatus && events.Status(status) != events.Occurred && events.Status(status) != events.Planned {
		p.problem(at("status"), "status %q is neither occurred nor planned", status)
		bad = true
	}
	title, hasTitle := str("title")
	if hasTitle && title == "" {
		p.problem(at("title"), "title is empty")
		bad = true
	}
	place, hasPlace := str("place")
	actors, hasActors := strs("actors")
	pin := boolean("pin")
	switch table {
	case "event":
		id, _ := str("id")
		hide := boolean("hide")
		if id == "" {
			p.problem(line, "[[event]] needs the id of the event it corrects")
			return
		}
		if bad {
			return
		}
		e := Edit{Line: line, ID: id, Hide: hide, Pin: pin, Actors: actors, SetActors: hasActors}
		changes := hasActors
		set := func(ok bool, v string, dst **string) {
			if ok {
				*dst = &v
				changes = true
			}
		}
		if hasDate {
			d := timex.Value(date)
			e.Date, changes = &d, true
		}
		set(hasMod, mod, &e.Mod)
		set(hasTitle, title, &e.Title)
		set(hasPlace, place, &e.Place)
		if hasType {
			t := events.Type(typ)
			e.Type, changes = &t, true
		}
		if hasStatus {
			st := events.Status(status)
			e.Status, changes = &st, true
		}
		if !hide && !pin && !changes {
			p.problem(line, "[[event]] %s changes nothing: give hide, pin or a field to correct", id)
			return
		}
		c.Edits = append(c.Edits, e)
	case "merge":
		ids, _ := strs("ids")
		if bad {
			return
		}
		if len(ids) < 2 {
			p.problem(line, "[[merge]] needs ids = [...] with two events or more")
			return
		}
		c.Merges = append(c.Merges, MergeOf{Line: line, IDs: ids})
	case "split":
		id, _ := str("id")
		arts, _ := strs("articles")
		if bad {
			return
		}
		if id == "" || len(arts) == 0 {
			p.problem(line, "[[split]] needs the id of an event and the articles whose sentences leave it")
			return
		}
		c.Splits = append(c.Splits, Split{Line: line, ID: id, Articles: arts})
	case "add":
		url, _ := str("url")
		quote, _ := str("quote")
		if url != "" && !article.SafeURL(url) {
			p.problem(at("url"), "url %q is not a web address", url)
			bad = true
		}
		if bad {
			return
		}
		if !hasDate || !hasType || title == "" {
			p.problem(line, "[[add]] needs a date, a type and a title")
			return
		}
		c.Adds = append(c.Adds, Added{Line: line, Type: events.Type(typ), Date: timex.Value(date), Mod: mod, Title: title, Place: place,
			Status: cmp.Or(events.Status(status), events.Occurred), Actors: actors, URL: url, Quote: quote, Pin: pin})
	}
}

// Curate applies the curation to a merged chronology (as Merge returns
// it) and returns the curated chronology, in order, and the problems: an
// entry whose event is gone is reported and skipped; one that names an
// event by an ID it had before a finer date narrowed it (or by a date one
// source gave otherwise) applies and is reported, so the editor can
// update it. The input is not modified. IDs stay as Merge gave them: a
// corrected date does not change the ID the entry names.
//
// Order: the articles' hides, splits, merges, edits, then added events.
// Curated fields are listed in each event's Curated.
func Curate(list []events.Event, c *Curation) ([]events.Event, []Problem) {
	if c == nil {
		return list, nil
	}
	r := curator{c: c, byID: map[string]int{}, moved: map[string]string{}}
	r.list = make([]events.Event, len(list))
	for i, e := range list {
		e.Actors = slices.Clone(e.Actors)
		e.ActorKinds = slices.Clone(e.ActorKinds)
		e.Sources = slices.Clone(e.Sources)
		e.Curated = slices.Clone(e.Curated)
		r.list[i] = e
		r.byID[e.ID] = i
	}
	r.gone = make([]bool, len(r.list))
	for _, h := range c.Hides {
		for _, id := range h.IDs {
			i, ok := r.find(id, Problem{h.Article, h.Line, ""})
			if !ok {
				continue
			}
			e := &r.list[i]
			e.Sources = slices.DeleteFunc(e.Sources, func(s events.Source) bool { return sameArticle(s.Article, h.Article) })
			if len(e.Sources) == 0 {
				r.gone[i] = true
			} else {
				e.Curated = mark(e.Curated, "sources")
			}
		}
	}
	for _, s := range c.Splits {
		i, ok := r.find(s.ID, Problem{c.Path, s.Line, ""})
		if !ok {
			continue
		}
		e := &r.list[i]
		var out, stay []events.Source
		for _, src := range e.Sources {
			if slices.ContainsFunc(s.Articles, func(a string) bool { return sameArticle(src.Article, a) }) {
				out = append(out, src)
			} else {
				stay = append(stay, src)
			}
		}
		if len(out) == 0 || len(stay) == 0 {
			r.problem(s.Line, "[[split]] %s: the articles named hold %s of its sentences; nothing to split", s.ID, map[bool]string{true: "none", false: "all"}[len(out) == 0])
			continue
		}
		n := *e
		n.Sources, n.Actors, n.ActorKinds = out, slices.Clone(e.Actors), slices.Clone(e.ActorKinds)
		n.Conflicts = nil
		n.ID = e.ID + "-" + anchorHash(anchor(&n))
		n.Curated = mark(slices.Clone(e.Curated), "split")
		e.Sources = stay
		e.Curated = mark(e.Curated, "split")
		r.add(n)
	}
	for _, m := range c.Merges {
		into, ok := r.find(m.IDs[0], Problem{c.Path, m.Line, ""})
		if !ok {
			continue
		}
		for _, id := range m.IDs[1:] {
			j, ok := r.find(id, Problem{c.Path, m.Line, ""})
			if !ok || j == into {
				continue
			}
			a, b := &r.list[into], &r.list[j]
			mergeFields(a, b)
			for _, s := range b.Sources {
				if !hasSource(a.Sources, s) {
					a.Sources = append(a.Sources, s)
				}
			}
			slices.SortStableFunc(a.Sources, bySource)
			a.Curated = mark(a.Curated, "merged")
			a.Pinned = a.Pinned || b.Pinned
			r.gone[j] = true
			r.moved[b.ID] = a.ID // an entry for the event merged away finds this one
		}
	}
	for _, ed := range c.Edits {
		i, ok := r.find(ed.ID, Problem{c.Path, ed.Line, ""})
		if !ok {
			continue
		}
		e := &r.list[i]
		if ed.Hide {
			r.gone[i] = true
			continue
		}
		if ed.Pin {
			e.Pinned = true
		}
		e.Curated = apply(ed.Type, &e.Type, e.Curated, "type")
		e.Curated = apply(ed.Date, &e.Date, e.Curated, "date")
		e.Curated = apply(ed.Mod, &e.Mod, e.Curated, "mod")
		e.Curated = apply(ed.Title, &e.Title, e.Curated, "title")
		e.Curated = apply(ed.Place, &e.Place, e.Curated, "place")
		e.Curated = apply(ed.Status, &e.Status, e.Curated, "status")
		if ed.Date != nil {
			e.Conflicts = nil // the editor settled the date
		}
		if ed.SetActors && !slices.Equal(ed.Actors, e.Actors) {
			e.ActorKinds = events.KindsFor(ed.Actors, e.KindOf) // a name the editor adds has its kind below
			e.Actors = slices.Clone(ed.Actors)
			e.Curated = mark(e.Curated, "actors")
		}
	}
	// Kinds travel with names: an actor an editor names (in an added event,
	// or among an event's corrected actors) has the kind the chronology's
	// other events give that name.
	kinds := kindsByName(r.list)
	for i := range r.list {
		fillKinds(&r.list[i], kinds)
	}
	var sl slugger
	for _, a := range c.Adds {
		e := events.Event{Type: a.Type, Status: a.Status, Date: timex.Value(a.Date), Mod: a.Mod, Title: a.Title,
			Actors: append([]string{}, a.Actors...), Place: a.Place, Pinned: a.Pin, Curated: []string{"added"}, Sources: []events.Source{}}
		fillKinds(&e, kinds)
		if a.URL != "" || a.Quote != "" {
			e.Sources = append(e.Sources, events.Source{Title: cmp.Or(a.URL, "Added by the editors"), URL: a.URL, Sentence: a.Quote})
		}
		id := base(&e, &sl)
		if _, taken := r.byID[id]; taken {
			h := sha256.Sum256([]byte("added\n" + a.Title))
			id += "-" + hex.EncodeToString(h[:3])
		}
		if _, taken := r.byID[id]; taken {
			r.problem(a.Line, "[[add]] %q is added twice", a.Title)
			continue
		}
		e.ID = id
		r.add(e)
	}
	out := make([]events.Event, 0, len(r.list))
	for i, e := range r.list {
		if !r.gone[i] {
			slices.Sort(e.Curated)
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b events.Event) int {
		return chronological(&a, &b, whenOf(string(a.Date)), whenOf(string(b.Date)))
	})
	return out, r.problems
}

type curator struct {
	c        *Curation
	list     []events.Event
	gone     []bool
	byID     map[string]int
	moved    map[string]string // IDs merged away, to the event they joined
	problems []Problem
}

func (r *curator) problem(line int, format string, args ...any) {
	r.problems = append(r.problems, Problem{r.c.Path, line, fmt.Sprintf(format, args...)})
}

func (r *curator) add(e events.Event) {
	r.byID[e.ID] = len(r.list)
	r.list = append(r.list, e)
	r.gone = append(r.gone, false)
}

// find returns the event an entry at where names, reporting where it
// cannot, or finds it only by an older ID.
func (r *curator) find(id string, where Problem) (int, bool) {
	report := func(format string, args ...any) {
		where.Msg = fmt.Sprintf(format, args...)
		r.problems = append(r.problems, where)
	}
	if to, ok := r.moved[id]; ok {
		id = to
	}
	if i, ok := r.byID[id]; ok {
		if r.gone[i] {
			report("event %s is hidden by an earlier entry", id)
			return 0, false
		}
		return i, true
	}
	var found []int
	for i := range r.list {
		if !r.gone[i] && formerID(&r.list[i], id) {
			found = append(found, i)
		}
	}
	if len(found) == 0 {
		for i := range r.list {
			if !r.gone[i] && idBeforeKinds(&r.list[i], id) {
				found = append(found, i)
			}
		}
		if len(found) == 1 {
			report("event %s is now %s (IDs name an organisation or a country by its whole name); the entry applies to it — write the new ID to keep it", id, r.list[found[0]].ID)
			return found[0], true
		}
	}
	switch len(found) {
	case 1:
		now := r.list[found[0]].ID
		report("event %s is now %s (a source gave a finer or another date); the entry applies to it — write the new ID to keep it", id, now)
		return found[0], true
	case 0:
		report("no event has the ID %s; the entry is ignored (find IDs with `timeline extract`, in events.json or on the event's page)", id)
	default:
		var ids []string
		for _, i := range found {
			ids = append(ids, r.list[i].ID)
		}
		report("event %s is gone, and %s may each be it; the entry is ignored — write one of their IDs", id, strings.Join(ids, ", "))
	}
	return 0, false
}

// formerID reports whether id is what e's ID was when it was known at a
// coarser date (the month before a source gave the day), or at another
// date one of its sources gives: the same type and parties, and a date
// that e's date refines, or one of its readings.
func formerID(e *events.Event, id string) bool {
	var sl slugger
	b := base(e, &sl)
	rest, ok := strings.CutPrefix(b, Slug(datePart(string(e.Date)))+"-")
	if !ok || !strings.HasSuffix(id, "-"+rest) {
		return false
	}
	date := strings.ToUpper(strings.TrimSuffix(id, "-"+rest))
	if date == "UNDATED" {
		return false
	}
	if date != datePart(string(e.Date)) && timex.Compatible(date, string(e.Date)) && timex.Narrower(string(e.Date), date) {
		return true
	}
	for _, c := range e.Conflicts {
		if datePart(string(c.Date)) == date {
			return true
		}
	}
	return false
}

// sameArticle reports whether the source's article path is the one an
// entry names: the same path, or the same file name in any folder.
func sameArticle(path, named string) bool {
	path, named = strings.ReplaceAll(path, `\`, "/"), strings.ReplaceAll(named, `\`, "/")
	return path == named || strings.HasSuffix(path, "/"+strings.TrimPrefix(named, "/")) || strings.HasSuffix(named, "/"+path)
}

// mark adds name to a list of curated fields, once.
func mark(list []string, name string) []string {
	if slices.Contains(list, name) {
		return list
	}
	return append(list, name)
}

// apply sets *dst to an edit's value v, when it gives one that differs,
// and marks the field name as curated.
func apply[T comparable](v *T, dst *T, curated []string, name string) []string {
	if v == nil || *v == *dst {
		return curated
	}
	*dst = *v
	return mark(curated, name)
}

// kindsByName returns the kind each actor name has in list: the kind most
// of its events give it (person, then country, then organisation on a
// tie), so that it does not depend on the order of list.
func kindsByName(list []events.Event) map[string]events.Kind {
	kinds := [...]events.Kind{events.Person, events.Country, events.Organisation}
	count := map[string]*[len(kinds)]int{}
	for i := range list {
		e := &list[i]
		if len(e.ActorKinds) != len(e.Actors) {
			continue
		}
		for j, k := range e.ActorKinds {
			n := slices.Index(kinds[:], k)
			if n < 0 {
				continue
			}
			c := count[e.Actors[j]]
			if c == nil {
				c = new([len(kinds)]int)
				count[e.Actors[j]] = c
			}
			c[n]++
		}
	}
	out := make(map[string]events.Kind, len(count))
	for name, c := range count {
		best := 0
		for n := range c {
			if c[n] > c[best] {
				best = n
			}
		}
		out[name] = kinds[best]
	}
	return out
}

// fillKinds gives e's actors of unknown kind the kind kinds gives their
// names.
func fillKinds(e *events.Event, kinds map[string]events.Kind) {
	if len(e.Actors) == 0 || len(e.ActorKinds) == len(e.Actors) && !slices.Contains(e.ActorKinds, "") {
		return
	}
	own := e.KindOf
	e.ActorKinds = events.KindsFor(e.Actors, func(name string) events.Kind { return cmp.Or(own(name), kinds[name]) })
}
