package article

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	goodText = "Biden and Putin talk\n\nDecember 30, 2021\n\nJoe Biden called Vladimir Putin on Thursday. The two spoke for an hour.\n"
	goodMD   = "---\ntitle: Biden and Putin talk\ndate: 2021-12-30\n---\n\nJoe Biden called Vladimir Putin on Thursday.\n"
)

// TestHostileFilesAreRefusedAtTheirLine checks that what is no article's
// text is an *Error that names the line of the problem.
func TestHostileFilesAreRefusedAtTheirLine(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0x7f, 0}, 200)...)
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i*i*31)
	}
	deepQuote := goodText + "\n" + strings.Repeat(">", 10000) + " deep\n"
	deepList := goodText + "\n"
	for i := range 200 {
		deepList += strings.Repeat("  ", i) + "- item\n"
	}
	tests := []struct {
		name, path string
		data       []byte
		want       string // the error starts with this
	}{
		{"an empty file is not an article", "a.txt", nil, "a.txt:1: empty file, not an article"},
		{"a file of white space is not an article", "a.md", []byte(" \n\r\n\t\n"), "a.md:1: empty file, not an article"},
		{"a byte order mark alone is not an article", "a.md", []byte("\ufeff\n"), "a.md:1: empty file, not an article"},
		{"a PNG named .md is a binary file", "a.md", png, "a.md:1: binary file, not an article"},
		{"random bytes named .txt are a binary file", "a.txt", random, "a.txt:1: binary file, not an article"},
		{"a PDF is a binary file", "a.txt", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "a.txt:1: binary file, not an article"},
		{"UTF-16 says to save as UTF-8", "a.txt", []byte("\xff\xfeT\x00i\x00t\x00l\x00e\x00"), "a.txt:1: UTF-16 text; save the file as UTF-8"},
		{"a NUL byte is refused at its line", "a.txt", []byte(strings.Replace(goodText, "an hour", "an\x00hour", 1)), "a.txt:5: NUL byte in the text"},
		{"invalid UTF-8 is refused at the line of its first bad byte", "a.txt", []byte(strings.Replace(goodText, "Putin on", "Put\xefn on", 1)), "a.txt:5: invalid UTF-8 (byte 0xEF)"},
		{"invalid UTF-8 after lone CR line ends counts those lines", "a.txt", []byte(strings.ReplaceAll(strings.Replace(goodText, "Putin on", "Put\xe9n on", 1), "\n", "\r")), "a.txt:5: invalid UTF-8 (byte 0xE9)"},
		{"invalid UTF-8 in front matter is refused too", "a.md", []byte(strings.Replace(goodMD, "Putin talk", "Putin t\xc3lk", 1)), "a.md:2: invalid UTF-8"},
		{"a file over the size limit is refused", "a.txt", append([]byte(goodText), bytes.Repeat([]byte("a "), MaxSize/2)...), "a.txt:1: the file is 1.0 MB, over the 1 MB limit"},
		{"block quotes 10,000 deep are refused at their line", "a.md", []byte(deepQuote), "a.md:7: block quotes or lists nested more than 64 levels deep"},
		{"lists 200 deep are refused at the first line too deep", "a.md", []byte(deepList), "a.md:135: block quotes or lists nested more than 64 levels deep"},
		{"a line of list markers is refused", "a.md", []byte(goodMD + strings.Repeat("- ", 10000) + "x\n"), "a.md:7: block quotes or lists nested"},
		{"thousands of open links are refused", "a.md", []byte(goodMD + strings.Repeat("[a](b", 20000) + "\n"), "a.md:7: too many Markdown links left open"},
		{"front matter title that is a mapping is refused at its key", "a.md", []byte("---\ndate: 2021-12-30\ntitle: {a: b}\n---\nText.\n"), "a.md:3: front matter title should be text, not a mapping"},
		{"front matter title that is a list is refused", "a.md", []byte("---\ntitle: [a, b]\ndate: 2021-12-30\n---\nText.\n"), "a.md:2: front matter title should be text, not a list"},
		{"front matter date that is a list is refused", "a.md", []byte("---\ntitle: T\ndate: [1,2]\n---\nText.\n"), "a.md:3: front matter date \"[1 2]\" is not a date"},
		{"front matter tags that are a number are refused", "a.md", []byte("---\ntitle: T\ndate: 2021-12-30\ntags: 5\n---\nText.\n"), "a.md:4: front matter tags should be a list, not 5; write it like tags: [\"russia\", \"ukraine\"]"},
		{"front matter draft that is not true or false is refused", "a.md", []byte("---\ntitle: T\ndate: 2021-12-30\ndraft: \"yes\"\n---\nText.\n"), "a.md:4: front matter draft should be true or false, not \"yes\""},
		{"front matter url that is a mapping is refused", "a.md", []byte("---\ntitle: T\ndate: 2021-12-30\nurl: {href: x}\n---\nText.\n"), "a.md:4: front matter url should be text, not a mapping"},
		{"front matter author that is a mapping is refused", "a.md", []byte("---\ntitle: T\ndate: 2021-12-30\nauthor: {name: x}\n---\nText.\n"), "a.md:4: front matter author should be a name or a list of names"},
		{"TOML front matter of the wrong type shows TOML", "a.md", []byte("+++\ntitle = \"T\"\ndate = 2021-12-30\ndraft = \"maybe\"\n+++\nText.\n"), "a.md:4: front matter draft should be true or false, not \"maybe\"; write it like draft = true"},
		{"invalid TOML is refused at its line", "a.md", []byte("+++\ntitle = \"T\"\ndate = = 2021\n+++\nText.\n"), "a.md:3: bad TOML front matter"},
		{"invalid YAML is refused at its line", "a.md", []byte("---\ntitle: T\ndate: 2021-12-30\ntags: [a, b\n---\nText.\n"), "a.md:4: bad YAML front matter"},
		{"YAML nested 10,000 deep is refused quickly", "a.md", []byte("---\ntitle: " + strings.Repeat("[", 10000) + "\n---\nText.\n"), "a.md:2: bad YAML front matter"},
		{"TOML nested 10,000 deep is refused quickly", "a.md", []byte("+++\ntitle = " + strings.Repeat("[", 10000) + "\n+++\nText.\n"), "a.md:2: bad TOML front matter"},
		{"a YAML alias bomb is refused", "a.md", []byte(yamlBomb), "a.md:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse(tt.path, tt.data)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 {
				t.Fatalf("err = %v, want an *Error with a line", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q,\nwant it to start with %q", err, tt.want)
			}
		})
	}
}

// yamlBomb expands to 9^7 strings if the decoder lets it.
const yamlBomb = `---
title: T
date: 2021-12-30
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
---
Text.
`

// TestOddLineEndsAreReadWithExactOffsets checks that a byte order mark,
// CRLF and lone CR line ends are read as the same article, with spans
// that copy the original bytes and lines counted as an editor counts them.
func TestOddLineEndsAreReadWithExactOffsets(t *testing.T) {
	for _, base := range []struct{ path, data string }{{"a.txt", goodText}, {"a.md", goodMD}} {
		want, err := Parse(base.path, []byte(base.data))
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string]string{
			"a byte order mark":         "\ufeff" + base.data,
			"CRLF line ends":            strings.ReplaceAll(base.data, "\n", "\r\n"),
			"lone CR line ends":         strings.ReplaceAll(base.data, "\n", "\r"),
			"a byte order mark and CRs": "\ufeff" + strings.ReplaceAll(base.data, "\n", "\r"),
		} {
			t.Run(base.path+" with "+name+" reads the same", func(t *testing.T) {
				a, err := Parse(base.path, []byte(data))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a.Raw, []byte(data)) {
					t.Error("Raw is not the file's bytes")
				}
				checkSpans(t, a)
				if a.Title != want.Title || !a.Published.Equal(want.Published) || a.PublishedLine != want.PublishedLine {
					t.Errorf("title %q date %v line %d, want %q %v %d", a.Title, a.Published, a.PublishedLine, want.Title, want.Published, want.PublishedLine)
				}
				if g, w := strings.Join(blockTexts(a), "|"), strings.Join(blockTexts(want), "|"); g != w {
					t.Errorf("blocks %q, want %q", g, w)
				}
				for _, b := range a.Blocks {
					s := strings.Index(data, "Joe Biden")
					if strings.HasPrefix(b.Text, "Joe Biden") && b.FileOffset(0) != s {
						t.Errorf("the lead starts at %d in the file, want %d", b.FileOffset(0), s)
					}
				}
			})
		}
	}
}

// TestBigInputsTakeLinearTime reads Markdown and text at the size limit
// in the shapes that make Markdown parsers slow; each must take seconds at
// most, not minutes.
func TestBigInputsTakeLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	head := "Title\n\nDecember 30, 2021\n\n"
	fill := func(unit string) string {
		return head + strings.Repeat(unit, (MaxSize-len(head))/len(unit))
	}
	for _, tt := range []struct{ name, path, data string }{
		{"a megabyte of words on one line", "a.md", fill("Biden said talks ")},
		{"a megabyte of words in plain text", "a.txt", fill("Biden said talks ")},
		{"a megabyte of entities", "a.md", fill("&a")},
		{"a megabyte of brackets", "a.md", fill("[")},
		{"a megabyte of emphasis", "a.md", fill("*a")},
		{"a megabyte of code spans", "a.md", fill("`a")},
		{"a megabyte of short lines", "a.txt", fill("a\n")},
	} {
		t.Run(tt.name+" reads in seconds", func(t *testing.T) {
			start := time.Now()
			Parse(tt.path, []byte(tt.data))
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

// TestReadFileRefusesWhatIsNoRegularFile checks ReadFile on what can sit
// among the articles: a folder, a pipe that never ends, a device that
// never ends, a symlink loop, a dangling link and a file over the limit.
func TestReadFileRefusesWhatIsNoRegularFile(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	os.WriteFile(p("good.txt"), []byte(goodText), 0o644)
	os.Mkdir(p("folder.md"), 0o755)
	os.Symlink("loop.md", p("loop.md"))
	os.Symlink("nowhere.md", p("dangling.md"))
	os.Symlink("/dev/zero", p("zero.md"))
	os.WriteFile(p("big.txt"), bytes.Repeat([]byte("a"), MaxSize+1), 0o644)
	if err := syscall.Mkfifo(p("fifo.md"), 0o644); err != nil {
		t.Log(err)
	}
	tests := []struct{ name, file, want string }{
		{"a folder is not an article", "folder.md", ":1: not a regular file"},
		{"a symlink loop cannot be read", "loop.md", ":1: cannot read the file: too many levels of symbolic links"},
		{"a dangling symlink cannot be read", "dangling.md", ":1: cannot read the file: no such file or directory"},
		{"a device that never ends is not read", "zero.md", ":1: not a regular file"},
		{"a pipe is not read", "fifo.md", ":1: not a regular file"},
		{"a file over the limit is not read", "big.txt", ":1: the file is 1.0 MB, over the 1 MB limit"},
	}
	if os.Geteuid() != 0 {
		os.WriteFile(p("secret.md"), []byte(goodMD), 0o000)
		tests = append(tests, struct{ name, file, want string }{"an unreadable file cannot be read", "secret.md", ":1: cannot read the file: permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFile(p(tt.file))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if want := p(tt.file) + tt.want; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("err = %q, want it to start with %q", err, want)
			}
		})
	}
	t.Run("Read refuses a pipe without waiting for a writer", func(t *testing.T) {
		if _, err := Read(p("fifo.md")); err == nil || !strings.Contains(err.Error(), ":1: not a regular file") {
			t.Errorf("Read = %v, want \"not a regular file\"", err)
		}
	})
	t.Run("a regular file is read whole", func(t *testing.T) {
		data, err := ReadFile(p("good.txt"))
		if err != nil || string(data) != goodText {
			t.Errorf("ReadFile = %q, %v", data, err)
		}
	})
}

func TestSafeURL(t *testing.T) {
	for _, tt := range []struct {
		url  string
		safe bool
	}{
		{"", true},
		{"https://example.org/news/x", true},
		{"HTTP://example.org", true},
		{"www.example.org/news/x", true},
		{"/news/x", true},
		{"news/x?a=b:c", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"javascript://%0aalert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox", false},
		{"&#106;avascript:alert(1)", false},
		{"file:///etc/passwd", false},
	} {
		t.Run(tt.url, func(t *testing.T) {
			if got := SafeURL(tt.url); got != tt.safe {
				t.Errorf("SafeURL(%q) = %v, want %v", tt.url, got, tt.safe)
			}
		})
	}
}

func TestUnsafeURLsAreNotRead(t *testing.T) {
	t.Run("a javascript: URL in front matter is an error at its key", func(t *testing.T) {
		_, err := Parse("a.md", []byte("---\ntitle: T\ndate: 2021-12-30\nurl: \"javascript:alert(1)\"\n---\nText.\n"))
		if err == nil || !strings.HasPrefix(err.Error(), `a.md:4: front matter url "javascript:alert(1)" is not a web address`) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("a data: URL after Original url: is not the article's URL", func(t *testing.T) {
		a, err := Parse("a.txt", []byte(goodText+"\nOriginal url:\n\ndata://text/html,alert(1)\n"))
		if err != nil {
			t.Fatal(err)
		}
		if a.URL != "" {
			t.Errorf("URL = %q", a.URL)
		}
	})
}
