package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Read reads the article at path with ReadFile and parses it.
func Read(path string) (*Article, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

var bom = []byte("\xef\xbb\xbf")

// Sum is the hex SHA-256 of an article file's bytes.
func Sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// Parse parses data as the article file at path; the extension of path
// chooses the format: ".md" and ".markdown" are Markdown, anything else
// plain text. Problems with the content are reported as *Error, located
// at a line of the file. An article without a publication date is an
// error: dates in its text could not be resolved.
func Parse(path string, data []byte) (*Article, error) {
	a := &Article{Path: path, Raw: data, Format: Text, Sum: Sum(data)}
	start := 0
	if bytes.HasPrefix(data, bom) {
		start = len(bom)
	}
	if err := checkBytes(path, data, start); err != nil {
		return nil, err
	}
	// From here on data is what the readers see; a.Raw keeps the file.
	data = normalizeCR(data)
	li := newLineIndex(data)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		a.Format = Markdown
	}
	var (
		blocks  []*rawBlock
		dateErr = 1 // the line to blame when there is no date
	)
	// Plain text may carry front matter too, but only a closed one: a
	// text that merely opens with a "---" rule is read as text.
	fm, err := parseFrontMatter(path, data, start, li)
	if err != nil {
		return nil, err
	}
	if fm.unclosed {
		if a.Format == Markdown {
			return nil, &Error{Path: path, Line: fm.line,
				Msg: fmt.Sprintf("front matter is never closed; end it with a %s line", fm.close)}
		}
		fm = &frontMatter{bodyStart: start}
	}
	if err := fm.apply(a); err != nil {
		return nil, err
	}
	if fm.present {
		dateErr = fm.line
	}
	if a.Format == Markdown {
		if err := checkMarkdown(path, data, fm.bodyStart); err != nil {
			return nil, err
		}
		blocks = markdownBlocks(data, fm.bodyStart, li)
	} else {
		blocks = textBlocks(data, fm.bodyStart, li)
	}
	body := a.readHeader(blocks)
	if a.Published.IsZero() {
		if a.Format == Text && !fm.present && body < len(blocks) {
			dateErr = blocks[body].line
		}
		return nil, &Error{Path: path, Line: dateErr, Msg: msgNoDate + "; add a date line or date: in front matter"}
	}
	a.readBody(blocks[body:])
	a.readDateline()
	return a, nil
}

// setDate records the publication date t read at line.
func (a *Article) setDate(t time.Time, line int) {
	a.Published = t
	a.PublishedLine = line
}

func (a *Article) setTitle(b *rawBlock) {
	a.Title = b.text()
	a.TitleBlock = Block{Kind: Heading, Text: a.Title, Line: b.line, Spans: b.b.spans}
}

// readHeader takes title, byline, date line and photo credits from the top
// of blocks and returns the index of the first body block. Blocks it
// takes are marked so readBody skips them.
func (a *Article) readHeader(blocks []*rawBlock) int {
	i := 0
	if len(blocks) == 0 {
		return 0
	}
	first := blocks[0]
	s := first.text()
	switch {
	case a.Format == Markdown && first.h1:
		if a.Title == "" {
			a.setTitle(first)
			i = 1
		} else if a.Title == s {
			i = 1
		}
	case a.Title != "" || first.kind != Paragraph || first.single:
	case a.Format == Text && first.lines == 1 && isTitleLike(s) && !isCredit(s) &&
		(!strings.HasSuffix(s, ".") || wordCount(s) <= 12):
		// A long first line ending in a full stop is the lead, not a headline.
		if _, ok := parseDate(s); !ok {
			a.setTitle(first)
			i = 1
		}
	case a.Format == Markdown && first.lines == 1 && isTitleLike(s) && len(blocks) > 1:
		// A Markdown file in the plain-text shape: a title line
		// followed by a byline or a date line.
		next := blocks[1].text()
		_, isDate := parseDate(next)
		if isDate || isByline(next) {
			a.setTitle(first)
			i = 1
		}
	}
	for n := 0; i < len(blocks) && n < 6; n++ {
		b := blocks[i]
		s := b.text()
		if b.kind != Paragraph {
			break
		}
		if t, ok := parseDate(s); ok {
			if a.Published.IsZero() {
				a.setDate(t, b.line)
			}
		} else if isByline(s) {
			if a.Author == "" {
				a.Author = bylineAuthor(s)
			}
		} else if !isCredit(s) && !(a.Format == Text && isCaption(blocks, i, a.PublishedLine > 0)) {
			break
		}
		i++
	}
	if a.Published.IsZero() {
		// A date line a little further down still counts.
		for j := i; j < len(blocks) && j < i+4; j++ {
			b := blocks[j]
			if b.kind != Paragraph || b.lines > 1 {
				continue
			}
			if t, ok := parseDate(b.text()); ok {
				a.setDate(t, b.line)
				b.kind = "" // not body
				break
			}
		}
	}
	return i
}

// isCaption reports whether blocks[i], between the date line and the
// lead, is a photo caption or credit such as "U.S. Mission Geneva": a
// short line without terminal punctuation followed by body text. The body
// never opens with a subheading, so nothing is lost.
func isCaption(blocks []*rawBlock, i int, dated bool) bool {
	b := blocks[i]
	s := b.text()
	if !dated || i == 0 || b.kind != Paragraph || b.lines != 1 || wordCount(s) > 6 || endsSentence(s) || i+1 >= len(blocks) {
		return false
	}
	next := blocks[i+1]
	return next.kind == Paragraph && wordCount(next.text()) > 6
}

// readBody turns the rest of the blocks into a.Blocks, dropping footers
// and credits; in plain text it also finds subheadings and mends
// sentences broken by a blank line.
func (a *Article) readBody(blocks []*rawBlock) {
	isMeta := func(b *rawBlock) bool {
		s := b.text()
		_, footer := originalURL(s)
		return b.kind == "" || footer || isRelated(s) || isWireCredit(s) || b.lines == 1 && isCredit(s)
	}
	for k := 0; k < len(blocks); k++ {
		b := blocks[k]
		s := b.text()
		if b.kind == "" || isRelated(s) || isWireCredit(s) {
			continue
		}
		if rest, ok := originalURL(s); ok {
			url := ""
			if len(b.links) > 0 {
				url = b.links[0]
			} else if rest != "" {
				url = cleanURL(rest)
			} else if k+1 < len(blocks) {
				n := blocks[k+1]
				if len(n.links) > 0 {
					url = n.links[0]
				} else if u := cleanURL(n.text()); looksLikeURL(u) {
					url = u
				}
				if url != "" {
					k++
				}
			}
			if a.URL == "" && SafeURL(url) {
				a.URL = url
			}
			continue
		}
		if b.kind == Paragraph && b.lines == 1 && isCredit(s) {
			continue
		}
		if a.Format == Text && b.kind == Paragraph {
			// Only the end of the last paragraph joined decides.
			for tail := s; !endsSentence(tail) && endsMidSentence(tail) &&
				wordCount(s) > 6 && k+1 < len(blocks) && !isMeta(blocks[k+1]); {
				k++
				tail = blocks[k].text()
				b.b.join(&blocks[k].b)
				b.lines += blocks[k].lines
			}
			s = b.text()
			// A subheading separates sections: it never opens the body.
			if b.lines == 1 && len(a.Blocks) > 0 && isHeadingLike(s) && k+1 < len(blocks) && !isMeta(blocks[k+1]) {
				b.kind = Heading
			}
		}
		if !hasWord(b.b.text) {
			continue // a rule such as "* * *" or "---"
		}
		a.Blocks = append(a.Blocks, Block{Kind: b.kind, Text: s, Line: b.line, Spans: b.b.spans})
	}
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int // offsets where lines start

func newLineIndex(data []byte) lineIndex {
	li := lineIndex{0}
	for i, c := range data {
		if c == '\n' {
			li = append(li, i+1)
		}
	}
	return li
}

func (li lineIndex) line(off int) int {
	return sort.Search(len(li), func(i int) bool { return li[i] > off })
}

// hasWord reports whether text holds a letter or a digit.
func hasWord(text []byte) bool {
	for _, r := range string(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
