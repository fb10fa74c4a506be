package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that every error is an
// *Error, and that every span lies within Raw, copies it byte for byte
// and comes in order.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, path := range files {
		if strings.HasSuffix(path, ".golden") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, strings.HasSuffix(path, ".md"))
	}
	f.Add([]byte("\ufeff# T\r\n\r\n2021-12-30\r\n\r\n[a](b) &amp; \\* *c*\r\n"), true)
	f.Add([]byte("T\n\n2021-12-30\n\nabc def ghi jkl mno pqr stu\n\nvwx.\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		path := "fuzz.txt"
		if markdown {
			path = "fuzz.md"
		}
		a, err := Parse(path, data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			if e.Line < 1 {
				t.Fatalf("error %v has line %d", err, e.Line)
			}
			return
		}
		if a.Published.IsZero() {
			t.Fatal("no error and no date")
		}
		for bi, b := range a.Blocks {
			end, fend := 0, 0
			for si, s := range b.Spans {
				if s.Len <= 0 || s.Text < end || s.File < fend || s.File+s.Len > len(a.Raw) || s.Text+s.Len > len(b.Text) {
					t.Fatalf("block %d span %d %+v: empty, out of order or out of range", bi, si, s)
				}
				if b.Text[s.Text:s.Text+s.Len] != string(a.Raw[s.File:s.File+s.Len]) {
					t.Fatalf("block %d span %d %+v: %q != %q", bi, si, s, b.Text[s.Text:s.Text+s.Len], a.Raw[s.File:s.File+s.Len])
				}
				end, fend = s.Text+s.Len, s.File+s.Len
			}
			for i := 0; i <= len(b.Text); i++ {
				if o := b.FileOffset(i); o < 0 || o > len(a.Raw) {
					t.Fatalf("block %d: FileOffset(%d) = %d out of range", bi, i, o)
				}
				if o := b.FileEnd(i); o < 0 || o > len(a.Raw) {
					t.Fatalf("block %d: FileEnd(%d) = %d out of range", bi, i, o)
				}
			}
		}
	})
}
