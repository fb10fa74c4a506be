package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

//go:embed aliases.txt
var defaultAliasText string

// Entity kinds.
const (
	kindPerson    = "person"
	kindCountry   = "country"
	kindOrg       = "org"
	kindPlace     = "place"
	kindAdjective = "adjective" // a nationality: "Russian officials" speak for Russia
	kindRole      = "role"      // "a senior administration official", "the ministry"
)

// Aliases folds the names of people, countries and institutions to one
// canonical name each: Moscow and the Kremlin to Russia, Zelenskiy to
// Volodymyr Zelensky.
type Aliases struct {
	byName    map[string]alias // lower-case alias -> entity
	bySurname map[string]string
	first     map[string]bool // first words of aliases, to skip most tokens fast
	maxWords  int
}

type alias struct{ name, kind string }

// DefaultAliases returns the alias table that ships with the program.
func DefaultAliases() *Aliases {
	a, err := ParseAliases(strings.NewReader(defaultAliasText), "aliases.txt")
	if err != nil {
		panic(err) // the embedded table is tested
	}
	return a
}

// ParseAliases reads an alias table: one entity a line as
// "Canonical name | kind | alias, alias, ...", with # comments.
// name is used in error messages ("name:line: ...").
func ParseAliases(r io.Reader, name string) (*Aliases, error) {
	a := &Aliases{byName: map[string]alias{}, bySurname: map[string]string{}, first: map[string]bool{}}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		parts := strings.Split(text, "|")
		if len(parts) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"Canonical name | kind | alias, alias\", got %q", name, line, text)
		}
		canon, kind := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		switch kind {
		case kindPerson, kindCountry, kindOrg, kindPlace, kindAdjective:
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q; use person, country, org, place or adjective", name, line, kind)
		}
		if canon == "" {
			return nil, fmt.Errorf("%s:%d: empty canonical name", name, line)
		}
		a.add(canon, kind, canon)
		for _, al := range strings.Split(parts[2], ",") {
			if al = strings.TrimSpace(al); al != "" {
				a.add(canon, kind, al)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return a, nil
}

func (a *Aliases) add(canon, kind, name string) {
	words := tokenize(nil, name, span{0, len(name)}, false)
	key := aliasKey(words)
	if kind == kindAdjective {
		if _, ok := a.byName[key]; ok {
			return // a noun reading wins over an adjective one
		}
	}
	a.byName[key] = alias{canon, kind}
	a.first[words[0].lower] = true
	if len(words) > a.maxWords {
		a.maxWords = len(words)
	}
	if kind == kindPerson && len(words) > 1 {
		a.bySurname[words[len(words)-1].lower] = canon
	}
}

// With returns the aliases of a overlaid by those of b.
func (a *Aliases) With(b *Aliases) *Aliases {
	out := &Aliases{byName: map[string]alias{}, bySurname: map[string]string{}, first: map[string]bool{}, maxWords: max(a.maxWords, b.maxWords)}
	for _, m := range []*Aliases{a, b} {
		for k, v := range m.byName {
			out.byName[k] = v
		}
		for k, v := range m.bySurname {
			out.bySurname[k] = v
		}
		for k := range m.first {
			out.first[k] = true
		}
	}
	return out
}

func aliasKey(words []token) string { return string(appendAliasKey(nil, words)) }

// appendAliasKey appends the key of words to b: their lower case, a
// space between each two.
func appendAliasKey(b []byte, words []token) []byte {
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w.lower...)
	}
	return b
}

// match returns the longest alias starting at toks[i] and its length.
func (a *Aliases) match(toks []token, i int) (alias, int) {
	if !a.first[toks[i].lower] {
		return alias{}, 0
	}
	var buf [128]byte // the keys tried, without a string each
	for n := min(a.maxWords, len(toks)-i); n > 0; n-- {
		if al, ok := a.byName[string(appendAliasKey(buf[:0], toks[i:i+n]))]; ok {
			return al, n
		}
	}
	return alias{}, 0
}
