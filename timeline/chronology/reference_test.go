package chronology

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/timelinehq/timeline/timeline/events"
)

// referenceMerge is Merge as it was before the candidate index: every
// event is compared with every event merged so far, and the fold loop
// rescans the whole list until nothing changes. It is quadratic, and it
// is the definition of how Merge merges; the differential tests hold
// Merge to it. The rules of what is one event (alike, mergeFields) and
// the IDs (assignIDs) are shared with Merge.
func referenceMerge(lists ...[]events.Event) []events.Event {
	var out []events.Event
	for _, list := range lists {
		for _, e := range list {
			e = refClone(e)
			if k := refFindSame(out, e); k >= 0 {
				out[k] = refMergeTwo(out[k], e)
			} else {
				out = append(out, e)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for j := 1; j < len(out); j++ {
			if k := refFindSame(out[:j], out[j]); k >= 0 {
				out[k] = refMergeTwo(out[k], out[j])
				out = append(out[:j], out[j+1:]...)
				changed = true
				j--
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return refLess(out[i], out[j]) })
	assignIDs(out)
	return out
}

func refClone(e events.Event) events.Event {
	e.Actors = append([]string{}, e.Actors...)
	e.Sources = append([]events.Source{}, e.Sources...)
	return e
}

func refFindSame(list []events.Event, e events.Event) int {
	for k, o := range list {
		if !refSameArticle(o, e) && alike(&o, &e) {
			return k
		}
	}
	return -1
}

func refMergeTwo(a, b events.Event) events.Event {
	mergeFields(&a, &b)
	for _, s := range b.Sources {
		if !refHasSource(a.Sources, s) {
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

func refSameArticle(a, b events.Event) bool {
	for _, x := range a.Sources {
		for _, y := range b.Sources {
			if x.Article == y.Article {
				return true
			}
		}
	}
	return false
}

func refHasSource(list []events.Source, s events.Source) bool {
	for _, o := range list {
		if o.Article == s.Article && o.Start == s.Start && o.End == s.End {
			return true
		}
	}
	return false
}

func refLess(a, b events.Event) bool {
	sa, ea, oka := a.Date.Span()
	sb, eb, okb := b.Date.Span()
	if oka != okb {
		return oka
	}
	if !sa.Equal(sb) {
		return sa.Before(sb)
	}
	if !ea.Equal(eb) {
		return ea.After(eb)
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	return a.Title < b.Title
}

// refBase is the ID an event had before hashes: Slug("DATE-TYPE-WHO"),
// built with strings as it was; base must agree with it.
func refBase(e events.Event) string {
	return refSlug(datePart(string(e.Date)) + "-" + string(e.Type) + "-" + refWho(e))
}

func refWho(e events.Event) string {
	var parts []string
	for i, a := range e.Actors {
		if len(parts) == 3 {
			break
		}
		f := strings.Fields(a)
		if len(f) == 0 {
			continue
		}
		name := f[len(f)-1]
		if len(f) > 1 && !refIsPersonLike(e, i, f) {
			name = a
		}
		parts = append(parts, name)
	}
	if len(parts) == 0 && e.Place != "" {
		parts = append(parts, e.Place)
	}
	return strings.Join(parts, "-")
}

// refIsPersonLike reports whether actor i of e is named by its last
// word: a person, or an actor of unknown kind, of three words or fewer.
func refIsPersonLike(e events.Event, i int, f []string) bool {
	if len(f) > 3 {
		return false
	}
	if len(e.ActorKinds) == len(e.Actors) {
		switch e.ActorKinds[i] {
		case events.Country, events.Organisation:
			return false
		}
	}
	return true
}

func refSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if r > unicode.MaxASCII {
				r = refFold(r)
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

func refFold(r rune) rune {
	const from, to = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"
	for i, f := range []rune(from) {
		if f == r {
			return []rune(to)[i]
		}
	}
	return 0
}

// refAssignIDs is how IDs were given before they were stable: the base,
// and "-2", "-3"... in chronology order for the events after the first.
func refAssignIDs(list []events.Event) {
	used := map[string]bool{}
	for k := range list {
		e := &list[k]
		b := refBase(*e)
		id := b
		for n := 2; used[id]; n++ {
			id = b + "-" + strconv.Itoa(n)
		}
		used[id] = true
		e.ID = id
	}
}
