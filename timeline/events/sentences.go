package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [start, end) in a block's text.
type span struct{ start, end int }

// splitSentences splits text into sentences, trimming surrounding space.
//
// It is rule based rather than trained (neurosnap/sentences, a Punkt port,
// keeps "The U.S. said no. Prices rose." as one sentence): a sentence ends
// at . ! or ? (with any closing quotes or brackets) followed by space and a
// capital, digit or opening quote, unless the word before the period is an
// abbreviation that usually goes on ("Mr.", "Dec.", "Gen.", an initial).
// Ambiguous abbreviations that also end sentences ("U.S.", "p.m.") end one
// only when the next word usually starts a sentence.
func splitSentences(text string) []span {
	var out []span
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Take the whole run of terminal punctuation and closers: ?!" .)'
		end := i + 1
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if r == '.' || r == '!' || r == '?' || isCloser(r) {
				end += size
				continue
			}
			break
		}
		next := end
		for next < len(text) && (text[next] == ' ' || text[next] == '\n' || text[next] == '\t') {
			next++
		}
		if next == end && end < len(text) {
			i = end - 1 // "U.S.-led", "2.5", "example.com": no space, no break
			continue
		}
		if next < len(text) && !startsSentence(text[next:]) {
			i = end - 1
			continue
		}
		if c == '.' && !endsSentenceAfterPeriod(text[start:i], text[next:]) {
			i = end - 1
			continue
		}
		out = appendCapped(out, text, start, end)
		start = next
		i = next - 1
	}
	return appendCapped(out, text, start, len(text))
}

// maxSentence is the longest sentence, in bytes, that the extractor
// reads as one. The longest of the dev corpora and the sample is 711
// bytes; the extractor's work on a sentence grows with the square of its
// length, so a "sentence" of a megabyte (a text without full stops) is
// cut into pieces at spaces rather than read for minutes.
const maxSentence = 2000

// appendCapped appends text[start:end] trimmed, cut at spaces into
// pieces of at most maxSentence bytes.
func appendCapped(out []span, text string, start, end int) []span {
	for end-start > maxSentence {
		cut := start + maxSentence
		if i := strings.LastIndexByte(text[start:cut], ' '); i > 0 {
			cut = start + i
		} else {
			for cut > start && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		out = appendTrimmed(out, text, start, cut)
		start = cut
	}
	return appendTrimmed(out, text, start, end)
}

func appendTrimmed(out []span, text string, start, end int) []span {
	for start < end && isSpace(text[start]) {
		start++
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	if start < end {
		out = append(out, span{start, end})
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '\u201d', '\u2019', '\u00bb':
		return true
	}
	return false
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '\u201c' || r == '\'' || r == '\u2018' || r == '(' || r == '['
}

// endsSentenceAfterPeriod reports whether the period after before ends the
// sentence, given the text after it.
func endsSentenceAfterPeriod(before, after string) bool {
	w := lastWord(before)
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if continuingAbbrev[lw] {
		return false
	}
	// A single capital letter is an initial: "J. R. Smith".
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return false
	}
	// Dotted abbreviations (U.S., a.m.) and month abbreviations before a
	// number ("Dec. 30") end a sentence only before a typical first word.
	if strings.Contains(w, ".") || monthAbbrev[lw] {
		if monthAbbrev[lw] && len(after) > 0 && after[0] >= '0' && after[0] <= '9' {
			return false
		}
		return sentenceStarter[strings.ToLower(firstWord(after))]
	}
	return true
}

func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || r == '.' || unicode.IsDigit(r)) {
			break
		}
		i -= size
	}
	return s[i:]
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, "\"'\u201c\u2018([")
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// continuingAbbrev are abbreviations that a sentence almost never ends on.
var continuingAbbrev = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm",
	"sgt", "sen", "rep", "gov", "pres", "rev", "st", "mt", "ft", "jr", "sr", "no", "nos", "vs", "v", "approx",
	"dept", "fig", "vol", "pp", "est", "ave", "blvd", "e.g", "i.e")

var monthAbbrev = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// sentenceStarter are words that commonly open a sentence, used to decide
// whether "U.S." or "p.m." before a capital ends a sentence.
var sentenceStarter = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
	"those", "but", "and", "or", "so", "yet", "in", "on", "at", "after", "before", "as", "if", "when", "while", "since",
	"there", "his", "her", "their", "its", "our", "my", "however", "meanwhile", "also", "some", "many", "officials",
	"according", "during", "for", "with", "by", "both", "one", "two", "no", "not", "what", "why", "how", "earlier", "later")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
