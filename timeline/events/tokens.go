package events

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of a sentence.
type token struct {
	text       string
	lower      string
	start, end int  // byte offsets in the block text
	word       bool // letters or digits, not punctuation
	upper      bool // starts with a capital letter
	quoted     bool // inside quotation marks
}

// tokenize appends to toks the tokens of text[s.start:s.end]. A word
// keeps inner periods, hyphens and apostrophes ("U.S.", "ex-Soviet",
// "Year's"), except a possessive "'s", which becomes its own token; a
// final period stays on a word only when the word has another ("U.S." but
// not "Geneva.").
// quoted says whether the span starts inside a quotation opened before it.
func tokenize(toks []token, text string, s span, quoted bool) []token {
	// About a token for every five bytes of news text, sized once:
	// growing the slice was a third of tokenizing.
	toks = slices.Grow(toks, (s.end-s.start)/5+4)
	i := s.start
	for i < s.end {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < s.end {
				r2, size2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += size2
					continue
				}
				if r2 == '.' || r2 == '-' || r2 == '\'' || r2 == '\u2019' || r2 == ',' || r2 == ':' {
					// Joiners count only between word characters: "U.S", "ex-Soviet", "100,000", "20:30".
					if j+size2 < s.end {
						r3, _ := utf8.DecodeRuneInString(text[j+size2:])
						if (r2 == ',' || r2 == ':') && !(unicode.IsDigit(r3) && unicode.IsDigit(prevRune(text, j))) {
							break
						}
						if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
							j += size2
							continue
						}
					}
					// A trailing period after a dotted abbreviation: "U.S."
					if r2 == '.' && strings.Contains(text[i:j], ".") {
						j += size2
					}
				}
				break
			}
			w := text[i:j]
			// Split a possessive: "Putin's" -> "Putin", "'s".
			if k := possessive(w); k > 0 {
				toks = append(toks, newToken(w[:k], i, i+k, quoted), newToken(w[k:], i+k, j, quoted))
			} else {
				toks = append(toks, newToken(w, i, j, quoted))
			}
			i = j
		default:
			if r == '"' && i > s.start && text[i-1] >= '0' && text[i-1] <= '9' {
				toks = append(toks, token{text: text[i : i+size], lower: text[i : i+size], start: i, end: i + size, quoted: quoted})
			} else if r == '"' || r == '\u201c' || r == '\u201d' {
				if r == '\u201c' {
					quoted = true
				} else if r == '\u201d' {
					quoted = false
				} else {
					quoted = !quoted
				}
				toks = append(toks, token{text: text[i : i+size], lower: text[i : i+size], start: i, end: i + size})
			} else {
				toks = append(toks, token{text: text[i : i+size], lower: text[i : i+size], start: i, end: i + size, quoted: quoted})
			}
			i += size
		}
	}
	return toks
}

// quotedAfter returns whether a quotation is open at the end of s, given
// whether one was open at its start: a quotation can run over sentences.
// A straight quote after a digit is an inch mark ("a 5" screen").
func quotedAfter(s string, quoted bool) bool {
	for i, r := range s {
		switch r {
		case '"':
			if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
				continue
			}
			quoted = !quoted
		case '\u201c':
			quoted = true
		case '\u201d':
			quoted = false
		}
	}
	return quoted
}

func prevRune(text string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func possessive(w string) int {
	for _, suf := range []string{"'s", "\u2019s"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

func newToken(w string, start, end int, quoted bool) token {
	r, _ := utf8.DecodeRuneInString(w)
	return token{text: w, lower: strings.ToLower(w), start: start, end: end, word: true, upper: unicode.IsUpper(r), quoted: quoted}
}
