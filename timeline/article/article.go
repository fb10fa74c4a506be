package article

import (
	"fmt"
	"sort"
	"time"
)

// Format is the kind of file an article was read from.
type Format string

const (
	Markdown Format = "markdown"
	Text     Format = "text"
)

// Article is one news article as read from a file.
type Article struct {
	Path          string         // the path the article was read from, as given
	Format        Format         // Markdown or Text
	Title         string         // headline
	Author        string         // byline without "By", or front matter author
	URL           string         // original URL, if known
	Published     time.Time      // publication date at midnight UTC; the reference for relative dates
	PublishedLine int            // 1-based line the publication date was read from (0 if none)
	Tags          []string       // front matter tags
	Draft         bool           // front matter draft: drafts are read but not published
	Hide          []string       // front matter hide-events: IDs of events this article's sentences must not support
	HideLine      int            // 1-based line of hide-events (0 if none)
	Params        map[string]any // every front matter key, known or not
	Blocks        []Block        // the body in reading order; never title, byline, date or URL
	Dateline      *Dateline      // a wire story's dateline, which opens Blocks[0]; nil if none
	Raw           []byte         // the file's bytes, exactly as on disk; nil in an article restored from the cache
	Sum           string         // hex SHA-256 of the file's bytes: what the article's cached results and pages are keyed by

	// TitleBlock is the title as it stands in the body of the file, as a
	// Heading with spans, for evidence found in a headline. It is the
	// zero Block when the title came from front matter.
	TitleBlock Block
}

// BlockKind says what a block of body text is.
type BlockKind string

const (
	Paragraph BlockKind = "paragraph"
	Heading   BlockKind = "heading"
	Quote     BlockKind = "quote"
	ListItem  BlockKind = "item"
)

// Block is a run of body text: a paragraph, a subheading, a quotation or a
// list item. Text holds plain text with markup removed and line breaks
// folded to spaces; Spans map it back into the file.
type Block struct {
	Kind  BlockKind
	Text  string
	Line  int    // 1-based line in the file where the block starts
	Spans []Span // ordered by Text and by File offset; they cover Text except added spaces and decoded entities
}

// Span says that Text[Text:Text+Len] of a block came from
// Raw[File:File+Len] of its article, byte for byte.
type Span struct {
	Text, File, Len int
}

// FileOffset maps a byte offset in b.Text (0 <= i <= len(b.Text)) to a
// byte offset in the article's file. Offsets that fall in text the reader
// added (a space joining two lines, a decoded entity) map to the end of
// the span before; offsets before the first span map to its start.
// At a boundary where one span ends and the next begins, FileOffset maps
// to the start of the next: use it for the start of a range and FileEnd
// for its end.
func (b Block) FileOffset(i int) int {
	// The last span that starts at or before i.
	k := sort.Search(len(b.Spans), func(k int) bool { return b.Spans[k].Text > i }) - 1
	return b.fileOffset(k, i)
}

// FileEnd maps an exclusive end offset in b.Text to the exclusive end
// offset in the file: like FileOffset, but at a boundary between two spans
// it maps to the end of the first, so that [FileOffset(s), FileEnd(e))
// covers exactly the bytes of Text[s:e] and no markup after them.
func (b Block) FileEnd(i int) int {
	// The last span that starts before i.
	k := sort.Search(len(b.Spans), func(k int) bool { return b.Spans[k].Text >= i }) - 1
	return b.fileOffset(k, i)
}

func (b Block) fileOffset(k, i int) int {
	if len(b.Spans) == 0 {
		return 0
	}
	if k < 0 {
		return b.Spans[0].File
	}
	s := b.Spans[k]
	if d := i - s.Text; d <= s.Len {
		return s.File + d
	}
	return s.File + s.Len
}

// Error is a problem with an article's content, located in its file.
// It prints as "path:line: message" so editors can jump to it.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}
