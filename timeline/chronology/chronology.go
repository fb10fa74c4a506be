// Package chronology merges the events of many articles into one ordered
// chronology: the same event reported by several articles becomes one
// entry citing all of them, and every entry gets a stable, readable ID.
package chronology

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/timelinehq/timeline/timeline/events"
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
		if o.Type != e.Type || !compatible(o.Date, e.Date) || sameArticle(o, e) {
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
	if morePrecise(b.Date, a.Date) {
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

// morePrecise reports whether date value a names a shorter time than b.
// The length of the value is not enough: "2021-W52-WE" is longer than the
// day "2022-01-01" it holds.
func morePrecise(a, b string) bool {
	sa, ea, oka := Span(a)
	sb, eb, okb := Span(b)
	if oka && okb {
		return ea.Sub(sa) < eb.Sub(sb)
	}
	if oka != okb {
		return oka
	}
	return len(a) > len(b)
}

func sameDay(a, b string) bool {
	return len(a) >= 10 && len(b) >= 10 && a[:10] == b[:10] && !isWeek(a) && !isWeek(b)
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

// compatible reports whether two TIMEX3 values can name the same time.
func compatible(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if strings.HasPrefix(b, a) && (len(a) == len(b) || b[len(a)] == '-' || b[len(a)] == 'T') {
		return true
	}
	// A week and a day in it.
	if sa, ea, ok := Span(a); ok {
		if sb, eb, ok := Span(b); ok && isWeek(a) != isWeek(b) {
			return !sb.Before(sa) && !eb.After(ea) || !sa.Before(sb) && !ea.After(eb)
		}
	}
	return false
}

// isWeek reports whether v is an ISO week value ("2021-W52", "2021-W52-WE"),
// not a season ("2021-WI").
func isWeek(v string) bool {
	return len(v) >= 8 && v[5] == 'W' && v[6] >= '0' && v[6] <= '9'
}

// Span returns the interval [start, end) a TIMEX3 date value covers:
// a year, quarter, half, season, month, ISO week (or its week-end or one
// of its days), day (or a part of it, "2021-12-30TMO") or minute.
func Span(v string) (start, end time.Time, ok bool) {
	if len(v) < 4 || !digits(v[:4]) {
		return
	}
	y, _ := strconv.Atoi(v[:4])
	rest := v[4:]
	if rest != "" && rest[0] != '-' {
		return
	}
	switch {
	case rest == "":
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), true
	case len(rest) == 3 && rest[1] == 'Q':
		q := int(rest[2] - '0')
		if q < 1 || q > 4 {
			return
		}
		start = time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, 0), true
	case len(rest) == 3 && rest[1] == 'H':
		h := int(rest[2] - '0')
		if h < 1 || h > 2 {
			return
		}
		start = time.Date(y, time.Month(6*h-5), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 6, 0), true
	case len(rest) == 3 && (rest[1:] == "SP" || rest[1:] == "SU" || rest[1:] == "FA" || rest[1:] == "WI"):
		m := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest[1:]]
		start = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, 0), true
	case len(rest) >= 4 && rest[1] == 'W':
		if !digits(rest[2:4]) {
			return
		}
		w, _ := strconv.Atoi(rest[2:4])
		if _, last := time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek(); w < 1 || w > last {
			return // December 28th is always in a year's last ISO week
		}
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		switch day := rest[4:]; {
		case day == "":
			return monday, monday.AddDate(0, 0, 7), true
		case day == "-WE":
			return monday.AddDate(0, 0, 5), monday.AddDate(0, 0, 7), true
		case len(day) == 2 && day[0] == '-' && day[1] >= '1' && day[1] <= '7':
			start = monday.AddDate(0, 0, int(day[1]-'1'))
			return start, start.AddDate(0, 0, 1), true
		}
		return
	}
	for _, layout := range []struct {
		layout string
		step   func(time.Time) time.Time
		more   func(string) bool // what may follow the layout
	}{
		{"2006-01-02T15:04", func(t time.Time) time.Time { return t.Add(time.Minute) },
			func(s string) bool { return s == "" || len(s) == 3 && s[0] == ':' && digits(s[1:]) }},
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) },
			func(s string) bool { return s == "" || isPartOfDay(s) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) },
			func(s string) bool { return s == "" }},
	} {
		if n := len(layout.layout); len(v) >= n && layout.more(v[n:]) {
			if t, err := time.Parse(layout.layout, v[:n]); err == nil {
				return t, layout.step(t), true
			}
		}
	}
	return
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isPartOfDay reports whether s is a TIMEX3 part of day: TMO, TMI, TAF,
// TEV, TNI or TDT.
func isPartOfDay(s string) bool {
	switch s {
	case "TMO", "TMI", "TAF", "TEV", "TNI", "TDT":
		return true
	}
	return false
}

// less orders events by when they start; an event known only to the
// month comes before the days of that month, then by time, type, title.
func less(a, b events.Event) bool {
	sa, ea, oka := Span(a.Date)
	sb, eb, okb := Span(b.Date)
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
		base := slug(datePart(e.Date) + "-" + e.Type + "-" + who(*e))
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

// slug lower-cases s and keeps letters, digits and single hyphens.
func slug(s string) string {
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
