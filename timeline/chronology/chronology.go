// Package chronology merges the events of many articles into one ordered
// chronology: the same event reported by several articles becomes one
// entry citing all of them, and every entry gets a stable, readable ID.
package chronology

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// Merge merges the events of several articles, orders them by date and
// gives each an ID such as "2021-12-30-call-biden-putin". The input is
// not modified. Two events merge when they have the same type, dates that
// can name the same time (equal, or one more precise than the other),
// and a shared actor — or, with no actors on one side, the same place.
func Merge(lists ...[]events.Event) []events.Event {
	var out []events.Event
	for _, list := range lists {
		for _, e := range list {
			e = clone(e)
			if k := findSame(out, e); k >= 0 {
				out[k] = merge(out[k], e)
			} else {
				out = append(out, e)
			}
		}
	}
	// Merging grows events: two that each took a different report of one
	// event may now match each other, so fold until nothing changes.
	for changed := true; changed; {
		changed = false
		for j := 1; j < len(out); j++ {
			if k := findSame(out[:j], out[j]); k >= 0 {
				out[k] = merge(out[k], out[j])
				out = append(out[:j], out[j+1:]...)
				changed = true
				j--
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	assignIDs(out)
	return out
}

func clone(e events.Event) events.Event {
	e.Actors = append([]string{}, e.Actors...)
	e.Sources = append([]events.Source{}, e.Sources...)
	return e
}

func findSame(list []events.Event, e events.Event) int {
	for k, o := range list {
		if o.Type != e.Type || !timex.Compatible(o.Date, e.Date) || sameArticle(o, e) {
			continue // one article's extraction already told its events apart
		}
		if e.Type == events.Statement {
			// A statement is one speaker on one day.
			if o.Date == e.Date && len(o.Actors) > 0 && len(e.Actors) > 0 && o.Actors[0] == e.Actors[0] {
				return k
			}
			continue
		}
		if shared(o.Actors, e.Actors) {
			return k
		}
		if o.Place != "" && o.Place == e.Place && sameDay(o.Date, e.Date) {
			return k // one kind of event in one place on one day
		}
		if len(o.Actors) == 0 || len(e.Actors) == 0 {
			// With no parties on one side, the same place, or the same day
			// and no place to tell them apart: "the video call on December 7".
			if o.Place != "" && o.Place == e.Place || sameDay(o.Date, e.Date) && (o.Place == "" || e.Place == "" || o.Place == e.Place) {
				return k
			}
		}
	}
	return -1
}

func merge(a, b events.Event) events.Event {
	if timex.Narrower(b.Date, a.Date) {
		a.Date, a.Mod = b.Date, b.Mod
	}
	if len(b.Actors) > len(a.Actors) {
		a.Title = b.Title
	}
	for _, n := range b.Actors {
		if !slices.Contains(a.Actors, n) {
			a.Actors = append(a.Actors, n)
		}
	}
	if a.Place == "" {
		a.Place = b.Place
	}
	if b.Status == events.Occurred {
		a.Status = events.Occurred // a later report that it happened wins over an earlier plan
	}
	for _, s := range b.Sources {
		if !hasSource(a.Sources, s) {
			a.Sources = append(a.Sources, s)
		}
	}
	sort.SliceStable(a.Sources, func(i, j int) bool {
		x, y := a.Sources[i], a.Sources[j]
		if x.Published != y.Published {
			return x.Published < y.Published
		}
		if x.Article != y.Article {
			return x.Article < y.Article
		}
		return x.Start < y.Start
	})
	return a
}

func sameDay(a, b string) bool {
	return len(a) >= 10 && len(b) >= 10 && a[:10] == b[:10] && timex.Precision(a) != "week" && timex.Precision(b) != "week"
}

func sameArticle(a, b events.Event) bool {
	for _, x := range a.Sources {
		for _, y := range b.Sources {
			if x.Article == y.Article {
				return true
			}
		}
	}
	return false
}

func hasSource(list []events.Source, s events.Source) bool {
	for _, o := range list {
		if o.Article == s.Article && o.Start == s.Start && o.End == s.End {
			return true
		}
	}
	return false
}

func shared(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// less orders events by when they start; an event known only to the
// month comes before the days of that month, then by time, type, title.
func less(a, b events.Event) bool {
	sa, ea, oka := timex.Span(a.Date)
	sb, eb, okb := timex.Span(b.Date)
	if oka != okb {
		return oka
	}
	if !sa.Equal(sb) {
		return sa.Before(sb)
	}
	if !ea.Equal(eb) {
		return ea.After(eb) // the wider span first
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	return a.Title < b.Title
}

// assignIDs gives each event "DATE-TYPE-WHO", unique within the list.
func assignIDs(list []events.Event) {
	used := map[string]bool{}
	for k := range list {
		e := &list[k]
		base := Slug(datePart(e.Date) + "-" + e.Type + "-" + who(*e))
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n) // a natural ID may already end in "-2"
		}
		used[id] = true
		e.ID = id
	}
}

func datePart(v string) string {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		return v[:i]
	}
	if v == "" {
		return "undated"
	}
	return v
}

// who names an event's parties for its ID: surnames, or the place.
func who(e events.Event) string {
	var parts []string
	for _, a := range e.Actors {
		if len(parts) == 3 {
			break
		}
		f := strings.Fields(a)
		if len(f) == 0 {
			continue
		}
		name := f[len(f)-1]
		if len(f) > 1 && !isPersonLike(f) {
			name = a // "United States", "Russian Foreign Ministry"
		}
		parts = append(parts, name)
	}
	if len(parts) == 0 && e.Place != "" {
		parts = append(parts, e.Place)
	}
	return strings.Join(parts, "-")
}

// isPersonLike guesses that a capitalised two- or three-word name is a
// person's ("Joe Biden") rather than an institution's.
func isPersonLike(f []string) bool {
	if len(f) > 3 {
		return false
	}
	for _, w := range f {
		switch strings.ToLower(w) {
		case "united", "states", "kingdom", "union", "ministry", "council", "department", "house", "nations", "republic", "foreign", "european", "north", "south", "saudi", "new":
			return false
		}
	}
	return true
}

// Slug lower-cases s for IDs and file names: letters and digits, accents
// folded to ASCII ("Genève" → "geneve"), runs of anything else as one hyphen.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if r > unicode.MaxASCII {
				r = fold(r)
				if r == 0 {
					continue
				}
			}
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// fold maps common accented letters to ASCII for URLs; others are dropped.
func fold(r rune) rune {
	const from, to = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"
	for i, f := range []rune(from) {
		if f == r {
			return []rune(to)[i]
		}
	}
	return 0
}
