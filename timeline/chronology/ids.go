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
	"unicode/utf8"

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
	var sl slugger
	count := make(map[string]int, len(list)) // also the natural IDs taken
	for i := range list {
		e := &list[i]
		bases[i] = base(e, &sl)
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
		strings.Compare(string(a.Date), string(b.Date)),
		cmp.Compare(a.Status, b.Status),
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

// base is an event's ID before any hash: Slug of "DATE-TYPE-WHO", where
// WHO names its parties — a person by surname, a country or organisation
// by its whole name ("United States", "Russian Foreign Ministry"), and an
// actor of unknown kind by its last word, or whole when it is a long name
// — or its place. It writes the slug piece by piece, as Slug would write
// the pieces joined.
func base(e *events.Event, sl *slugger) string {
	sl.reset()
	sl.add(datePart(string(e.Date)))
	sl.add("-")
	sl.add(string(e.Type))
	sl.add("-")
	parts := 0
	for i, a := range e.Actors {
		if parts == 3 {
			break
		}
		n, last := 0, ""
		for w := range strings.FieldsSeq(a) {
			n++
			last = w
		}
		if n == 0 {
			continue
		}
		var kind events.Kind
		if len(e.ActorKinds) == len(e.Actors) {
			kind = e.ActorKinds[i]
		}
		name := last
		if n > 1 && (n > 3 || kind == events.Country || kind == events.Organisation) {
			name = a
		}
		if parts > 0 {
			sl.add("-")
		}
		sl.add(name)
		parts++
	}
	if parts == 0 && e.Place != "" {
		sl.add(e.Place)
	}
	return sl.String()
}

// idBeforeKinds reports whether id is e's ID as the program made it before
// actors had kinds, when it guessed that a name of two or three words was
// an institution's from a list of words ("United", "Ministry", ...) and
// otherwise named it by its last word: "2022-01-17-agreement-ltd" for
// "Vardhan Steel Ltd". It serves only to find the event a curation entry
// written then names; IDs are made by base.
func idBeforeKinds(e *events.Event, id string) bool {
	if !strings.HasPrefix(id, Slug(datePart(string(e.Date)))+"-") {
		return false
	}
	var sl slugger
	now := base(e, &sl)
	k := *e
	k.ActorKinds = make([]events.Kind, len(e.Actors))
	for i, a := range e.Actors {
		for w := range strings.FieldsSeq(a) {
			if institutionWordsBeforeKinds[strings.ToLower(w)] {
				k.ActorKinds[i] = events.Organisation
			}
		}
	}
	was := base(&k, &sl)
	return was != now && (id == was || strings.HasPrefix(id, was+"-") && len(id) == len(was)+7 && id[len(was)+1:] == anchorHash(anchor(e)))
}

var institutionWordsBeforeKinds = map[string]bool{"united": true, "states": true, "kingdom": true, "union": true, "ministry": true,
	"council": true, "department": true, "house": true, "nations": true, "republic": true, "foreign": true, "european": true,
	"north": true, "south": true, "saudi": true, "new": true}

// slugger writes a slug as Slug does, from pieces.
type slugger struct {
	b    []byte
	dash bool
}

func (s *slugger) reset() { s.b, s.dash = s.b[:0], false }

func (s *slugger) add(p string) {
	for _, r := range p {
		r = unicode.ToLower(r)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if r > unicode.MaxASCII {
				r = fold(r)
				if r == 0 {
					continue
				}
			}
			s.b = utf8.AppendRune(s.b, r)
			s.dash = false
		case !s.dash && len(s.b) > 0:
			s.b = append(s.b, '-')
			s.dash = true
		}
	}
}

func (s *slugger) String() string {
	return strings.TrimSuffix(string(s.b), "-")
}

// Slug lower-cases s for IDs and file names: letters and digits, accents
// folded to ASCII ("Genève" → "geneve"), runs of anything else as one hyphen.
func Slug(s string) string {
	var sl slugger
	sl.add(s)
	return sl.String()
}

// fold maps common accented letters to ASCII for URLs; others are dropped.
func fold(r rune) rune {
	const from, to = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"
	i := 0
	for _, f := range from {
		if f == r {
			return rune(to[i])
		}
		i++
	}
	return 0
}
