package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  = 'w' // a run of letters
	kDigit = 'd' // a run of ASCII digits
	kPunct = 'p' // any other single rune
)

// token is one word, digit run or punctuation rune of the input. Words and
// digit runs are kept apart ("2nd" is "2" "nd", "1990s" is "1990" "s") and
// hyphens are their own tokens, so rules see "third - quarter" and decide
// from sp (whitespace before) whether the parts were written together.
type token struct {
	s, e int    // byte offsets [s, e) into the text
	low  string // ASCII-lowercased text
	kind byte
	sp   bool // whitespace before the token
	nl   bool // a line break before the token
	cap  bool // starts with an upper-case letter
	num  int  // the value of a digit run of at most 9 digits, else -1
	lex  *lexEntry
}

// scan splits text into tokens. lower is text with A-Z mapped to a-z, so
// the offsets of both agree.
func scan(text, lower string, toks []token) []token {
	i := 0
	sp, nl := true, true
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			sp = true
			i++
			continue
		case c == '\n':
			sp, nl = true, true
			i++
			continue
		}
		t := token{s: i, sp: sp, nl: nl, num: -1}
		sp, nl = false, false
		switch {
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				n = n*10 + int(text[j]-'0')
				j++
			}
			t.kind, t.e = kDigit, j
			if j-i <= 9 {
				t.num = n
			}
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i
			for j < len(text) && text[j] < utf8.RuneSelf && isASCIILetter(text[j]) {
				j++
			}
			// A non-ASCII letter glued to the word continues it.
			for j < len(text) && text[j] >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
				for j < len(text) && text[j] < utf8.RuneSelf && isASCIILetter(text[j]) {
					j++
				}
			}
			t.kind, t.e = kWord, j
			t.cap = c >= 'A' && c <= 'Z'
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				sp = true
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					nl = true
				}
				i += n
				continue
			}
			t.e = i + n
			t.kind = kPunct
			if unicode.IsLetter(r) {
				t.kind = kWord
				j := i + n
				for j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += n2
				}
				t.e = j
			}
		default:
			t.kind, t.e = kPunct, i+1
		}
		t.low = lower[t.s:t.e]
		if t.kind == kWord {
			t.lex = lexicon[t.low]
		} else if t.kind == kPunct && t.low == "’" {
			t.low = "'"
		}
		toks = append(toks, t)
		i = t.e
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// asciiLower maps A-Z to a-z and leaves every other byte alone.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}
