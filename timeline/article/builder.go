package article

// builder accumulates the plain text of one block together with the spans
// that map it back to the file. Every byte it copies from the file goes
// through put, so a span can never disagree with the bytes it points at.
type builder struct {
	text    []byte
	spans   []Span
	space   bool // a space is due before the next text
	spaceAt int  // the file offset of that space, or -1 if the reader adds it
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// sep asks for a single space before the next text (a line break, a tab,
// a run of spaces). The space belongs to no span.
func (b *builder) sep() {
	if len(b.text) > 0 {
		b.space = true
		b.spaceAt = -1
	}
}

func (b *builder) flush() {
	if b.space {
		b.space = false
		if b.spaceAt >= 0 {
			b.put(' ', b.spaceAt)
		} else {
			b.text = append(b.text, ' ')
		}
	}
}

// put appends the byte c found at offset f of the file.
func (b *builder) put(c byte, f int) {
	b.flush()
	if n := len(b.spans); n > 0 {
		s := &b.spans[n-1]
		if s.Text+s.Len == len(b.text) && s.File+s.Len == f {
			s.Len++
			b.text = append(b.text, c)
			return
		}
	}
	b.spans = append(b.spans, Span{Text: len(b.text), File: f, Len: 1})
	b.text = append(b.text, c)
}

// addRaw appends src, which sits at offset off of the file, folding runs
// of white space into one space. A lone space between two words is copied
// (and stays inside the span); any other white space becomes a space the
// reader added. White space at the start or end of a block is dropped.
func (b *builder) addRaw(src []byte, off int) {
	for i := 0; i < len(src); {
		c := src[i]
		if isSpaceByte(c) {
			j := i + 1
			for j < len(src) && isSpaceByte(src[j]) {
				j++
			}
			if len(b.text) > 0 {
				if j-i == 1 && c == ' ' && !b.space {
					b.space = true
					b.spaceAt = off + i
				} else {
					b.sep()
				}
			}
			i = j
			continue
		}
		// A run of other bytes: the first goes through put, which
		// places a pending space and starts or extends a span; the rest
		// extend that span as put would, a byte at a time, at once.
		j := i + 1
		for j < len(src) && !isSpaceByte(src[j]) {
			j++
		}
		b.put(c, off+i)
		b.spans[len(b.spans)-1].Len += j - i - 1
		b.text = append(b.text, src[i+1:j]...)
		i = j
	}
}

// addText appends text that is not in the file byte for byte (a decoded
// entity); it belongs to no span.
func (b *builder) addText(s string) {
	allSpace := true
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			allSpace = false
			break
		}
	}
	if allSpace {
		if s != "" {
			b.sep()
		}
		return
	}
	b.flush()
	b.text = append(b.text, s...)
}

// join appends o after a space.
func (b *builder) join(o *builder) {
	if len(o.text) == 0 {
		return
	}
	b.sep()
	b.flush()
	base := len(b.text)
	b.text = append(b.text, o.text...)
	for _, s := range o.spans {
		s.Text += base
		b.spans = append(b.spans, s)
	}
}

// reset empties b for a new line, keeping its buffers.
func (b *builder) reset() {
	*b = builder{text: b.text[:0], spans: b.spans[:0]}
}

// clone is a copy of b that shares no buffer with it, with room for a
// line or two more.
func (b *builder) clone() builder {
	c := *b
	c.text = append(make([]byte, 0, 2*len(b.text)), b.text...)
	c.spans = append(make([]Span, 0, 2*len(b.spans)), b.spans...)
	return c
}

// firstFile is the file offset of the block's first copied byte, or -1.
func (b *builder) firstFile() int {
	if len(b.spans) == 0 {
		return -1
	}
	return b.spans[0].File
}
