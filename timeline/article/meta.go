package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules below recognise the parts of a newsroom article that are not
// body text: byline, photo credits, "Related article:" and "Original url:".

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func wordCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// isByline reports whether s is a byline such as "By Evan Gershkovich".
func isByline(s string) bool {
	if !hasPrefixFold(s, "by ") {
		return false
	}
	n := wordCount(s)
	if n < 2 || n > 16 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s[3:]))
	if !unicode.IsUpper(r) {
		return false
	}
	// "By Thursday, troops had left." is a sentence; "By John Smith Jr."
	// is a byline.
	if endsSentence(s) {
		last := s[strings.LastIndexAny(s, " \t")+1:]
		return len(last) <= 4
	}
	return true
}

// bylineAuthor strips "By " from a byline.
func bylineAuthor(s string) string {
	return strings.TrimSpace(s[3:])
}

var creditPrefixes = []string{"photo:", "photos:", "photo by ", "photograph:", "credit:", "credits:", "image:", "picture:", "(c)", "©"}

// isCredit reports whether s is a photo credit: a bare domain
// ("kremlin.ru"), a line that starts with "Photo:", "Credit:" or "(c)",
// or one that ends in an agency after a slash ("Sergei Ilnitsky/AFP").
func isCredit(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || wordCount(s) > 8 {
		return false
	}
	for _, p := range creditPrefixes {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	if isDomain(s) {
		return true
	}
	if strings.Contains(s, "://") {
		return false
	}
	if i := strings.LastIndexByte(s, '/'); i > 0 && i < len(s)-1 {
		agency := strings.TrimSpace(s[i+1:])
		r, _ := utf8.DecodeRuneInString(agency)
		last := agency[len(agency)-1]
		return unicode.IsUpper(r) && wordCount(agency) <= 3 && !strings.ContainsRune(".!?:;,", rune(last))
	}
	return false
}

// isDomain reports whether s is a bare host name such as "kremlin.ru".
func isDomain(s string) bool {
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 || dot == len(s)-1 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if !(c >= 'a' && c <= 'z' || s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '-') {
			return false
		}
	}
	tld := s[dot+1:]
	if len(tld) < 2 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if c := tld[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

var relatedPrefixes = []string{"related article", "related articles", "related:", "read also:", "read more:", "see also:"}

// isRelated reports whether s points at another article ("Related article: ...").
// isWireCredit reports whether s is a wire story's closing credits:
// "(Reporting by Jane Doe; Editing by John Roe)", "Writing by ...",
// "Compiled by ...", "Additional reporting by ...".
func isWireCredit(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "(")
	for _, p := range wireCreditPrefixes {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	return false
}

var wireCreditPrefixes = []string{"reporting by ", "editing by ", "writing by ", "compiled by ", "additional reporting by ",
	"reporting and writing by ", "edited by "}

func isRelated(s string) bool {
	for _, p := range relatedPrefixes {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	return false
}

var urlPrefixes = []string{"original url:", "original link:", "source url:"}

// originalURL reports whether s is an "Original url:" footer and returns
// what follows the colon.
func originalURL(s string) (rest string, ok bool) {
	for _, p := range urlPrefixes {
		if hasPrefixFold(s, p) {
			return strings.TrimSpace(s[len(p):]), true
		}
	}
	return "", false
}

// SafeURL reports whether u may stand as an article's original URL on a
// page and in the exports: empty, an http or https URL, or a URL without
// a scheme ("www.example.org/x", "/news/x"). A javascript:, data: or other
// scheme could run in a reader's browser, in pages or in tools that read
// events.json.
func SafeURL(u string) bool {
	colon := strings.IndexByte(u, ':')
	if colon < 0 {
		return true
	}
	if isScheme(u[:colon]) {
		scheme := strings.ToLower(u[:colon])
		return scheme == "http" || scheme == "https"
	}
	// No scheme, so the colon must be in the path, query or fragment,
	// and nothing before it may hide a scheme from this test: browsers
	// drop tabs and newlines ("java\tscript:") and a page decodes
	// entities ("&#106;avascript:").
	path := strings.IndexAny(u, "/?#")
	return path >= 0 && path < colon && !strings.ContainsAny(u[:colon], "&\t\n\r ")
}

// isScheme reports whether s is a URL scheme: a letter, then letters,
// digits, "+", "-" or ".".
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

// cleanURL strips the angle brackets of "<https://...>".
func cleanURL(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<")
	s = strings.TrimSuffix(s, ">")
	return s
}

func looksLikeURL(s string) bool {
	return !strings.ContainsAny(s, " \t") && (strings.Contains(s, "://") || hasPrefixFold(s, "www."))
}

// endsSentence reports whether s ends with terminal punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»'
	})
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// endsMidSentence reports whether s stops in the middle of a sentence:
// it ends in a lower-case word or a comma.
func endsMidSentence(s string) bool {
	if s == "" {
		return false
	}
	if s[len(s)-1] == ',' {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsLower(r) {
		return false
	}
	i := strings.LastIndexAny(s, " \t")
	w, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsLower(w)
}

// isHeadingLike reports whether a one-line paragraph reads as a section
// subheading: short, capitalised, without terminal punctuation.
func isHeadingLike(s string) bool {
	if s == "" || len(s) > 90 || wordCount(s) > 8 || endsSentence(s) || strings.HasSuffix(s, ",") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isTitleLike reports whether s can be a headline.
func isTitleLike(s string) bool {
	return s != "" && len(s) <= 250 && wordCount(s) <= 40
}
