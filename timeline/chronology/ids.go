package chronology

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/timelinehq/timeline/timeline/events"
)

// assignIDs gives each event "DATE-TYPE-WHO". Events that share such a
// base are ranked by their anchor, the earliest source that reports them:
// the first keeps the base, each other adds a short hash of its anchor's
// article and sentence. An ID thus depends on the event alone, not on
// the order of the build or on which other articles exist, and not on
// byte offsets, so an edit elsewhere in the article keeps it.
func assignIDs(list []events.Event) {
	type entry struct {
		base   string
		anchor events.Source
		e      *events.Event
	}
	bases := make([]string, len(list))
	count := make(map[string]int, len(list)) // also the natural IDs taken
	for i := range list {
		e := &list[i]
		bases[i] = Slug(datePart(e.Date) + "-" + e.Type + "-" + who(*e))
		count[bases[i]]++
	}
	var shared []entry
	for i, base := range bases {
		if count[base] == 1 {
			list[i].ID = base
		} else {
			shared = append(shared, entry{base, anchor(&list[i]), &list[i]})
		}
	}
	// Sorted, so that colliding hashes are resolved the same way in any
	// input order.
	slices.SortFunc(shared, func(x, y entry) int {
		return cmp.Or(strings.Compare(x.base, y.base), compareAnchors(x.anchor, y.anchor), compareEvents(x.e, y.e))
	})
	hashed := map[string]bool{}
	for k, en := range shared {
		if k == 0 || shared[k-1].base != en.base {
			en.e.ID = en.base
			continue
		}
		id := en.base + "-" + anchorHash(en.anchor)
		for n, stem := 2, id; count[id] > 0 || hashed[id]; n++ {
			id = stem + "-" + strconv.Itoa(n) // two anchors with one hash
		}
		hashed[id] = true
		en.e.ID = id
	}
}

// anchor is the source an event's ID is tied to: the earliest published,
// then the first by article path, then by sentence.
func anchor(e *events.Event) events.Source {
	var a events.Source
	for i, s := range e.Sources {
		if i == 0 || compareAnchors(s, a) < 0 {
			a = s
		}
	}
	return a
}

func compareAnchors(a, b events.Source) int {
	return cmp.Or(
		strings.Compare(a.Published, b.Published),
		strings.Compare(a.Article, b.Article),
		strings.Compare(a.Sentence, b.Sentence),
		cmp.Compare(a.Start, b.Start), // one sentence twice in one article
		cmp.Compare(a.End, b.End),
	)
}

// compareEvents orders events whose anchors are the same: two events
// told in one sentence.
func compareEvents(a, b *events.Event) int {
	return cmp.Or(
		strings.Compare(a.Title, b.Title),
		strings.Compare(a.Date, b.Date),
		strings.Compare(a.Status, b.Status),
		strings.Compare(a.Place, b.Place),
		slices.Compare(a.Actors, b.Actors),
		cmp.Compare(len(a.Sources), len(b.Sources)),
	)
}

// anchorHash is six hex digits of the SHA-256 of the anchor's file name
// and sentence. The file name, not the whole path: the path holds the
// content folder as the build was given it ("content", "./news",
// "/srv/news"), which must not change IDs.
func anchorHash(s events.Source) string {
	h := sha256.Sum256([]byte(path.Base(strings.ReplaceAll(s.Article, `\`, "/")) + "\n" + s.Sentence))
	return hex.EncodeToString(h[:3])
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
