package article

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/frontmatter"
)

// frontMatter is the YAML or TOML block at the top of a Markdown file.
type frontMatter struct {
	path      string
	present   bool
	toml      bool
	line      int // line of the opening delimiter
	bodyStart int // offset of the Markdown body in the file
	head      []byte
	headStart int // offset of head in the file
	li        lineIndex
	m         map[string]any
	close     string // the closing delimiter
	unclosed  bool   // opened but never closed
}

// parseFrontMatter finds and decodes the front matter of data, which
// starts at offset start (after a byte order mark).
func parseFrontMatter(path string, data []byte, start int, li lineIndex) (*frontMatter, error) {
	fm := &frontMatter{path: path, bodyStart: start, li: li, line: 1, close: "---"}
	off := start
	var delim []byte
	for off < len(data) {
		end := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		delim = bytes.TrimSpace(data[off:end])
		if len(delim) > 0 {
			break
		}
		off = end
	}
	switch string(delim) {
	case "---", "---yaml":
	case "+++", "---toml":
		fm.toml = true
	default:
		return fm, nil
	}
	fm.present = true
	fm.line = li.line(off)
	if string(delim) == "+++" {
		fm.close = "+++"
	}
	var m map[string]any
	rest, err := frontmatter.Parse(bytes.NewReader(data[start:]), &m)
	if err != nil {
		return nil, fm.syntaxError(err)
	}
	if len(rest) == len(data)-start {
		fm.unclosed = true
		return fm, nil
	}
	fm.bodyStart = len(data) - len(rest)
	fm.headStart = off
	fm.head = data[off:fm.bodyStart]
	fm.m = normalizeMap(m)
	return fm, nil
}

// syntaxError turns a YAML or TOML error into an *Error at the line of
// the file where the decoder stopped.
func (fm *frontMatter) syntaxError(err error) *Error {
	msg := err.Error()
	line := fm.line
	lang, delim := "YAML", "---"
	if fm.toml {
		lang, delim = "TOML", "+++"
	}
	// yaml.v2: "yaml: line 3: mapping values are not allowed in this context"
	// BurntSushi/toml: "Near line 3 (last key parsed 'x'): expected ..."
	if i := strings.Index(msg, "line "); i >= 0 {
		j := i + len("line ")
		k := j
		for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
			k++
		}
		if n, err := strconv.Atoi(msg[j:k]); err == nil && n > 0 {
			line = fm.line + n
			rest := strings.TrimLeft(msg[k:], ": ")
			if strings.HasPrefix(rest, "(") {
				if p := strings.Index(rest, "):"); p >= 0 {
					rest = strings.TrimSpace(rest[p+2:])
				}
			}
			if rest != "" {
				msg = rest
			}
		}
	}
	if strings.Contains(msg, "cannot unmarshal") {
		return &Error{Path: fm.path, Line: line,
			Msg: fmt.Sprintf("bad %s front matter: write one key: value per line between the %s lines", lang, delim)}
	}
	msg = strings.TrimSuffix(strings.TrimPrefix(msg, "yaml: "), ".")
	return &Error{Path: fm.path, Line: line,
		Msg: fmt.Sprintf("bad %s front matter: %s; fix it or quote the value between the %s lines", lang, msg, delim)}
}

// normalizeMap turns YAML's map[any]any into map[string]any, recursively.
func normalizeMap(m map[string]any) map[string]any {
	for k, v := range m {
		m[k] = normalizeValue(v)
	}
	return m
}

func normalizeValue(v any) any {
	switch v := v.(type) {
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[fmt.Sprint(k)] = normalizeValue(e)
		}
		return out
	case map[string]any:
		return normalizeMap(v)
	case []any:
		for i, e := range v {
			v[i] = normalizeValue(e)
		}
		return v
	}
	return v
}

// get looks a key up case-insensitively, as Hugo does.
func (fm *frontMatter) get(keys ...string) (string, any, bool) {
	for _, key := range keys {
		if v, ok := fm.m[key]; ok {
			return key, v, true
		}
		// In sorted order, so that "Title" and "TITLE" choose the same way every run.
		for _, k := range slices.Sorted(maps.Keys(fm.m)) {
			if strings.EqualFold(k, key) {
				return k, fm.m[k], true
			}
		}
	}
	return "", nil, false
}

// keyLine is the line of the file where key is set, or the opening line.
func (fm *frontMatter) keyLine(key string) int {
	off := 0
	for off < len(fm.head) {
		end := len(fm.head)
		if i := bytes.IndexByte(fm.head[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		line := bytes.TrimSpace(fm.head[off:end])
		if len(line) > len(key) && strings.EqualFold(string(line[:len(key)]), key) {
			rest := bytes.TrimLeft(line[len(key):], " \t\"'")
			if len(rest) > 0 && (rest[0] == ':' || rest[0] == '=') {
				return fm.li.line(fm.headStart + off)
			}
		}
		off = end
	}
	return fm.line
}

// apply sets the article fields the front matter names.
func (fm *frontMatter) apply(a *Article) error {
	if !fm.present {
		return nil
	}
	a.Params = fm.m
	if k, v, ok := fm.get("title"); ok {
		if !isScalar(v) {
			return fm.typeError(k, v, "text", `"The headline"`)
		}
		a.Title = strings.TrimSpace(toString(v))
	}
	if k, v, ok := fm.get("date", "publishDate", "published", "pubdate"); ok {
		var t time.Time
		switch v := v.(type) {
		case time.Time:
			t, ok = midnight(v), true
		default:
			t, ok = parseDate(toString(v))
		}
		if !ok {
			return &Error{Path: fm.path, Line: fm.keyLine(k),
				Msg: fmt.Sprintf("front matter %s %q is not a date; write it like 2021-12-30 or December 30, 2021", k, toString(v))}
		}
		a.setDate(t, fm.keyLine(k))
	}
	if k, v, ok := fm.get("url", "original_url", "originalURL"); ok {
		if _, isText := v.(string); !isText && v != nil {
			return fm.typeError(k, v, "text", `"https://example.org/news/story"`)
		}
		a.URL = strings.TrimSpace(toString(v))
		if !SafeURL(a.URL) {
			return &Error{Path: fm.path, Line: fm.keyLine(k),
				Msg: fmt.Sprintf("front matter %s %q is not a web address; write it like %s", k, a.URL, "https://example.org/news/story")}
		}
	}
	if k, v, ok := fm.get("author", "authors"); ok {
		if !isScalar(v) && !isScalarList(v) {
			return fm.typeError(k, v, "a name or a list of names", `"Jane Doe"`)
		}
		a.Author = strings.Join(toStrings(v), " and ")
	}
	if k, v, ok := fm.get("tags"); ok {
		// A lone number or date is a slip, not a tag list.
		if _, isText := v.(string); !isText && !isScalarList(v) && v != nil {
			return fm.typeError(k, v, "a list", `["russia", "ukraine"]`)
		}
		a.Tags = toStrings(v)
	}
	if k, v, ok := fm.get("hide-events", "hide_events"); ok {
		if _, isText := v.(string); !isText && !isScalarList(v) && v != nil {
			return fm.typeError(k, v, "a list of event IDs", `["2021-12-07-statement-analysts"]`)
		}
		a.Hide, a.HideLine = toStrings(v), fm.keyLine(k)
	}
	if k, v, ok := fm.get("draft"); ok {
		// A draft read as not a draft would be published: anything but
		// true or false is an error.
		switch v := v.(type) {
		case bool:
			a.Draft = v
		default:
			d, err := strconv.ParseBool(toString(v))
			if err != nil {
				return fm.typeError(k, v, "true or false", "true")
			}
			a.Draft = d
		}
	}
	return nil
}

// typeError says that front matter key holds a value of the wrong kind,
// with an example of the right kind in the front matter's own language.
func (fm *frontMatter) typeError(key string, v any, want, example string) *Error {
	sep := ": "
	if fm.toml {
		sep = " = "
	}
	return &Error{Path: fm.path, Line: fm.keyLine(key),
		Msg: fmt.Sprintf("front matter %s should be %s, not %s; write it like %s%s%s", key, want, describe(v), key, sep, example)}
}

// describe names a decoded front matter value for a message.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("%q", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	case time.Time:
		return "a date"
	case bool, int, int64, uint64, float64:
		return fmt.Sprintf("%v", v)
	}
	return fmt.Sprintf("%T", v)
}

// isScalar reports whether v is one value: text, a number, a date or a
// boolean, not a list or a mapping.
func isScalar(v any) bool {
	switch v.(type) {
	case []any, map[string]any, map[any]any:
		return false
	}
	return true
}

func isScalarList(v any) bool {
	l, ok := v.([]any)
	if !ok {
		return false
	}
	for _, e := range l {
		if !isScalar(e) {
			return false
		}
	}
	return true
}

func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// toStrings reads a list, or a comma-separated string, as strings.
func toStrings(v any) []string {
	var out []string
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if s := strings.TrimSpace(toString(e)); s != "" {
				out = append(out, s)
			}
		}
	default:
		for s := range strings.SplitSeq(toString(v), ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
