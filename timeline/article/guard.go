package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"
)

// MaxSize is the largest article file read, in bytes. The longest news
// articles run to some tens of kilobytes (the longest of the dev corpora
// is 11 kB); a file a hundred times that is a dump or a data file, and
// reading it would hold up the whole build.
const MaxSize = 1 << 20

// MaxNesting is the deepest nesting of Markdown block quotes and lists
// read. goldmark takes time that grows with the square of the nesting,
// and no article nests more than a few levels.
const MaxNesting = 64

// ReadFile reads the article file at path as Parse wants it: only a
// regular file (not a folder, a device or a pipe, which could block or
// never end), and no more than MaxSize bytes of it. Its errors are
// *Error at line 1.
func ReadFile(path string) ([]byte, error) {
	// Stat before Open: opening a pipe blocks until someone writes to it.
	if info, err := os.Stat(path); err != nil {
		return nil, &Error{Path: path, Line: 1, Msg: "cannot read the file: " + pathErr(err).Error()}
	} else if !info.Mode().IsRegular() {
		return nil, &Error{Path: path, Line: 1, Msg: "not a regular file, not an article"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Line: 1, Msg: "cannot read the file: " + pathErr(err).Error()}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Line: 1, Msg: "cannot read the file: " + pathErr(err).Error()}
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{Path: path, Line: 1, Msg: "not a regular file, not an article"}
	}
	if info.Size() > MaxSize {
		return nil, tooBig(path, info.Size())
	}
	// The file may grow between Stat and Read. The buffer has room for
	// the size and a last read that finds the end.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxSize+1)); err != nil {
		return nil, &Error{Path: path, Line: 1, Msg: "cannot read the file: " + pathErr(err).Error()}
	}
	data := buf.Bytes()
	if len(data) > MaxSize {
		return nil, tooBig(path, int64(len(data)))
	}
	return data, nil
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooBig(path string, size int64) *Error {
	return &Error{Path: path, Line: 1, Msg: fmt.Sprintf(
		"the file is %.1f MB, over the %d MB limit for one article; split it, or move it out of the content folder",
		float64(size)/1e6, MaxSize>>20)}
}

// binaryMagic are the openings of common binary files that end up among
// articles: images, PDFs, archives, office documents.
var binaryMagic = [][]byte{
	[]byte("\x89PNG"), []byte("\xff\xd8\xff"), []byte("GIF8"), []byte("%PDF-"),
	[]byte("PK\x03\x04"), []byte("\x1f\x8b"), []byte("\xd0\xcf\x11\xe0"), []byte("\x7fELF"),
}

// checkBytes refuses what is not an article's text: an empty file, a
// binary file, UTF-16, and text with NUL bytes or invalid UTF-8, which
// would reach the page and the evidence offsets in pieces. The error is at
// the line of the first bad byte. start is the offset after a byte order
// mark.
func checkBytes(path string, data []byte, start int) error {
	if len(data) > MaxSize {
		return tooBig(path, int64(len(data)))
	}
	if len(bytes.TrimSpace(data[start:])) == 0 {
		return &Error{Path: path, Line: 1, Msg: "empty file, not an article"}
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return &Error{Path: path, Line: 1, Msg: "UTF-16 text; save the file as UTF-8"}
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return &Error{Path: path, Line: 1, Msg: "binary file, not an article"}
		}
	}
	if looksBinary(data) {
		return &Error{Path: path, Line: 1, Msg: "binary file, not an article"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &Error{Path: path, Line: lineAt(data, i),
			Msg: "NUL byte in the text: the file is damaged or not plain text; remove it"}
	}
	if i := invalidUTF8(data); i >= 0 {
		return &Error{Path: path, Line: lineAt(data, i),
			Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02X): save the file as UTF-8", data[i])}
	}
	return nil
}

// looksBinary reports whether more than one in ten of the first 8 kB of
// data are control characters (NUL among them) or not UTF-8. A text
// with a stray NUL or a Latin-1 letter is not binary: it gets an error
// at the line of that byte.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 && len(head)-i >= utf8.UTFMax {
			bad++ // a rune cut at the end of head is no evidence
		}
		i += n
	}
	return bad*10 > len(head)
}

// invalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// lineAt is the 1-based line of offset i of data, counting LF, CRLF and
// a lone CR as line ends.
func lineAt(data []byte, i int) int {
	n := 1 + bytes.Count(data[:i], []byte("\n"))
	for j := 0; j < i; j++ {
		if data[j] == '\r' && (j+1 >= len(data) || data[j+1] != '\n') {
			n++
		}
	}
	return n
}

// normalizeCR returns data with every lone CR (an old Mac line end)
// turned into LF, so that the readers, which split lines at LF, see
// the lines a reader sees. The byte count stays the same, so every offset
// into the result is an offset into data; line ends are never in a span,
// so spans still copy data byte for byte. data itself is returned when it
// has no lone CR.
func normalizeCR(data []byte) []byte {
	var out []byte
	for i := bytes.IndexByte(data, '\r'); i >= 0 && i < len(data); {
		if i+1 >= len(data) || data[i+1] != '\n' {
			if out == nil {
				out = bytes.Clone(data)
			}
			out[i] = '\n'
		}
		j := bytes.IndexByte(data[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if out == nil {
		return data
	}
	return out
}

// checkMarkdown refuses Markdown that goldmark would take minutes over:
// block quotes and lists nested deeper than MaxNesting, and link
// destinations left open ("[a](b[a](b...") that goldmark rescans to the
// end of the line for every one. Both scans are linear. src is the body,
// at offset base of data.
func checkMarkdown(path string, data []byte, base int) error {
	src := data[base:]
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i
		}
		if nestingOf(src[off:end]) > MaxNesting {
			return &Error{Path: path, Line: lineAt(data, base+off), Msg: fmt.Sprintf(
				"block quotes or lists nested more than %d levels deep; this is not an article's text", MaxNesting)}
		}
		off = end + 1
	}
	// The bytes goldmark reads past each "](" looking for the end of a
	// link destination: up to white space or ")" (or ">" after "<").
	// A real article's links cost their URLs' length; the budget is
	// generous.
	budget := 8*len(src) + 64<<10
	stop := len(src) // the next white space or ')' at or after i, scanning back
	stopAngle := len(src)
	for i := len(src) - 1; i >= 0; i-- {
		switch c := src[i]; {
		case isSpaceByte(c) || c == ')':
			stop = i
			if c == '\n' {
				stopAngle = i
			}
		case c == '>':
			stopAngle = i
		case c == '(' && i > 0 && src[i-1] == ']':
			cost := stop - i
			if i+1 < len(src) && src[i+1] == '<' {
				cost += stopAngle - i
			}
			if budget -= cost; budget < 0 {
				return &Error{Path: path, Line: lineAt(data, base+i), Msg: "too many Markdown links left open (\"[text](\" without \")\"); this is not an article's text"}
			}
		}
	}
	return nil
}

// nestingOf counts the block quote and list markers that open line, and
// a level for every four columns of indentation among them.
func nestingOf(line []byte) int {
	depth, cols := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
			return depth + cols/4
		default:
			return depth + cols/4
		}
	}
	return depth + cols/4
}
