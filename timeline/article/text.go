package article

import "bytes"

// rawBlock is a block before the header and footer rules have run.
type rawBlock struct {
	kind   BlockKind
	b      builder
	line   int
	lines  int      // source lines joined into it (plain text)
	links  []string // link destinations found in it
	h1     bool     // a level-1 Markdown heading
	single bool     // a plain-text line that stands alone (byline, footer)
	str    string   // b.text as a string, see text
}

// text returns the block's text, converted once: joining blocks only
// ever makes the text longer, so a change of length means a new text.
func (r *rawBlock) text() string {
	if len(r.str) != len(r.b.text) {
		r.str = string(r.b.text)
	}
	return r.str
}

// textBlocks splits plain text into paragraphs: runs of non-blank lines,
// each line trimmed, joined with a space. Bylines, date lines near the
// top and footer lines stand alone even without blank lines around them.
func textBlocks(data []byte, start int, li lineIndex) []*rawBlock {
	var (
		blocks   []*rawBlock
		cur      *rawBlock
		nonblank int
		lb       builder // the line, reused: most lines join a block
	)
	num := li.line(start)
	for off := start; off < len(data); num++ {
		end := len(data)
		next := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i
			next = end + 1
		}
		line := data[off:end]
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		lb.reset()
		links := addInline(&lb, line, off)
		off = next
		if len(lb.text) == 0 {
			cur = nil
			continue
		}
		nonblank++
		s := string(lb.text)
		_, footer := originalURL(s)
		single := footer || isRelated(s)
		if !single && nonblank <= 12 {
			_, isDate := parseDate(s)
			single = isDate || isByline(s)
		}
		if single || cur == nil || cur.single {
			cur = &rawBlock{kind: Paragraph, b: lb.clone(), line: num, lines: 1, links: links, single: single}
			blocks = append(blocks, cur)
			continue
		}
		cur.b.join(&lb)
		cur.lines++
		cur.links = append(cur.links, links...)
	}
	return blocks
}

// addInline appends one line of plain text to b, reading Markdown link
// syntax "[text](url)" as its text and dropping images "![alt](src)".
// It returns the link destinations.
func addInline(b *builder, line []byte, off int) []string {
	var links []string
	i := 0
	for i < len(line) {
		open := bytes.IndexByte(line[i:], '[')
		if open < 0 {
			break
		}
		open += i
		close := bytes.IndexByte(line[open+1:], ']')
		if close < 0 {
			break
		}
		close += open + 1
		if close+1 >= len(line) || line[close+1] != '(' {
			b.addRaw(line[i:close+1], off+i)
			i = close + 1
			continue
		}
		paren := bytes.IndexByte(line[close+2:], ')')
		if paren < 0 {
			break
		}
		paren += close + 2
		image := open > 0 && line[open-1] == '!'
		before := open
		if image {
			before--
		}
		b.addRaw(line[i:before], off+i)
		if !image {
			b.addRaw(line[open+1:close], off+open+1)
			links = append(links, string(line[close+2:paren]))
		}
		i = paren + 1
	}
	b.addRaw(line[i:], off+i)
	return links
}
