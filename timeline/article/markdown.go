package article

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser is safe for concurrent use: each Parse call gets its own context.
var mdParser parser.Parser = goldmark.DefaultParser()

// markdownBlocks parses the Markdown body data[start:] into blocks whose
// spans point into the whole of data.
func markdownBlocks(data []byte, start int, li lineIndex) []*rawBlock {
	w := &mdWalker{src: data[start:], base: start, li: li}
	doc := mdParser.Parse(text.NewReader(w.src))
	w.block(doc, Paragraph)
	return w.blocks
}

type mdWalker struct {
	src    []byte // the Markdown body
	base   int    // offset of src in the file
	li     lineIndex
	blocks []*rawBlock
}

// block walks the block-level children of n; paragraphs become blocks of
// the given kind. Code, HTML and thematic breaks are dropped.
func (w *mdWalker) block(n ast.Node, kind BlockKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			w.leaf(c, Heading, c.Level == 1)
		case *ast.Paragraph, *ast.TextBlock:
			w.leaf(c, kind, false)
		case *ast.Blockquote:
			w.block(c, Quote)
		case *ast.List:
			w.block(c, kind)
		case *ast.ListItem:
			w.block(c, ListItem)
		}
	}
}

func (w *mdWalker) leaf(n ast.Node, kind BlockKind, h1 bool) {
	rb := &rawBlock{kind: kind, h1: h1, lines: n.Lines().Len()}
	w.inline(n, rb)
	if len(rb.b.text) == 0 && len(rb.links) == 0 {
		return
	}
	off := rb.b.firstFile()
	if off < 0 {
		off = w.base
		if n.Lines().Len() > 0 {
			off += n.Lines().At(0).Start
		}
	}
	rb.line = w.li.line(off)
	w.blocks = append(w.blocks, rb)
}

// inline appends the text of n's inline children: link text is kept,
// link destinations are remembered, images and raw HTML are dropped.
func (w *mdWalker) inline(n ast.Node, rb *rawBlock) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			if c.IsRaw() {
				rb.b.addRaw(w.src[seg.Start:seg.Stop], w.base+seg.Start)
			} else {
				w.addEscaped(&rb.b, seg.Start, seg.Stop)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				rb.b.sep()
			}
		case *ast.String:
			rb.b.addText(string(c.Value))
		case *ast.Link:
			rb.links = append(rb.links, string(c.Destination))
			w.inline(c, rb)
		case *ast.AutoLink:
			rb.links = append(rb.links, string(c.URL(w.src)))
		case *ast.Image, *ast.RawHTML:
		default:
			w.inline(c, rb)
		}
	}
}

// addEscaped appends src[start:stop], dropping the backslash of escaped
// punctuation and decoding entity references. Decoded characters are not
// in the file as such, so they belong to no span.
func (w *mdWalker) addEscaped(b *builder, start, stop int) {
	s := w.src
	from := start
	for i := start; i < stop; {
		switch c := s[i]; {
		case c == '\\' && i+1 < stop && isASCIIPunct(s[i+1]):
			b.addRaw(s[from:i], w.base+from)
			from = i + 1
			i += 2
			continue
		case c == '&':
			if n := entityLen(s[i:stop]); n > 0 {
				ref := string(s[i : i+n])
				if dec := html.UnescapeString(ref); dec != ref {
					b.addRaw(s[from:i], w.base+from)
					b.addText(dec)
					i += n
					from = i
					continue
				}
			}
		}
		i++
	}
	b.addRaw(s[from:stop], w.base+from)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// entityLen returns the length of the entity reference at the start of s
// ("&amp;", "&#39;", "&#x2019;"), or 0.
func entityLen(s []byte) int {
	// The longest entity name is 31 bytes: look no further, or a line
	// of "&a&a&a..." takes quadratic time.
	end := bytes.IndexByte(s[:min(len(s), 34)], ';')
	if end < 2 || end > 33 {
		return 0
	}
	body := s[1:end]
	if body[0] == '#' {
		digits := body[1:]
		hex := len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X')
		if hex {
			digits = digits[1:]
		}
		if len(digits) == 0 || len(digits) > 7 {
			return 0
		}
		for _, c := range digits {
			ok := c >= '0' && c <= '9' || hex && (c|0x20 >= 'a' && c|0x20 <= 'f')
			if !ok {
				return 0
			}
		}
		return end + 1
	}
	for _, c := range body {
		if !(c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9') {
			return 0
		}
	}
	return end + 1
}
