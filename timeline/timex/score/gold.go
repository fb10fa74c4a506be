package score

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// This file holds what the reference scorers of ../shared/eval share: how
// load_gold reads a gold folder, the overlap of two spans and the check of
// predicted offsets. The timex scorer (this package) and the events scorer
// (cmd/timeline-eval) both use it.

// ReadGold reads a gold folder as the reference scorers' load_gold do.
// It reads every file called name under dir, in os.walk's order (a
// folder's file before its subfolders, subfolders sorted), entering
// neither hidden folders, nor those called one of skip, nor symbolic links
// to folders. Each non-blank line, stripped as Python strips it, is decoded
// as JSON into a new T and handed to prepare with the folder of its file;
// prepare fills in defaults and returns the record's doc id and group
// (corpus, topic). Doc ids must be unique; the records come sorted by
// group, then doc id.
func ReadGold[T any](dir, name string, skip []string, prepare func(rec *T, folder string) (doc, group string, err error)) ([]*T, error) {
	type keyed struct {
		rec        *T
		doc, group string
	}
	var recs []keyed
	seen := map[string]string{}
	err := walkGold(dir, name, skip, func(path string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range pyLines(string(data)) {
			if line = PyStrip(line); line == "" {
				continue
			}
			rec := new(T)
			if err := json.Unmarshal([]byte(line), rec); err != nil {
				return fmt.Errorf("%s:%d: %w", path, i+1, err)
			}
			doc, group, err := prepare(rec, filepath.Dir(path))
			if err != nil {
				return fmt.Errorf("%s:%d: %w", path, i+1, err)
			}
			if prev, ok := seen[doc]; ok {
				return fmt.Errorf("duplicate doc id %q in %s and %s", doc, prev, path)
			}
			seen[doc] = path
			recs = append(recs, keyed{rec, doc, group})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(recs, func(i, j int) bool {
		if recs[i].group != recs[j].group {
			return recs[i].group < recs[j].group
		}
		return recs[i].doc < recs[j].doc
	})
	out := make([]*T, len(recs))
	for i, r := range recs {
		out[i] = r.rec
	}
	return out, nil
}

// GoldText is the text file of a gold record, as load_gold computes it:
// os.path.join(folder, file or doc + ".txt"), so an absolute file stands
// as it is.
func GoldText(folder, file, doc string) string {
	if file == "" {
		file = doc + ".txt"
	}
	if filepath.IsAbs(file) {
		return file
	}
	return filepath.Join(folder, file)
}

// walkGold calls read for the file called name in folder, if there is
// one, then walks the subfolders that os.walk would enter, in order.
func walkGold(folder, name string, skip []string, read func(path string) error) error {
	ents, err := os.ReadDir(folder) // sorted by name, as os.walk's sorted(dirs)
	if err != nil {
		return err
	}
	var subs []string
	found := false
	for _, e := range ents {
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(folder, e.Name())); err == nil && fi.IsDir() {
				continue // among os.walk's folders, but not entered
			}
		}
		switch {
		case isDir:
			if !strings.HasPrefix(e.Name(), ".") && !contains(skip, e.Name()) {
				subs = append(subs, e.Name())
			}
		case e.Name() == name:
			found = true
		}
	}
	if found {
		if err := read(filepath.Join(folder, name)); err != nil {
			return err
		}
	}
	for _, s := range subs {
		if err := walkGold(filepath.Join(folder, s), name, skip, read); err != nil {
			return err
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pyLines splits text into lines as iterating over a file Python opened
// in text mode does: "\n", "\r\n" and "\r" all end a line.
func pyLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
}

// PyStrip is Python's str.strip(): Unicode white space and the
// information separators U+001C..U+001F, which Go's unicode.IsSpace omits.
func PyStrip(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) })
}

// Overlaps reports whether the spans [a0, a1) and [b0, b1) share a byte,
// the overlaps of both reference scorers.
func Overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// Offsets checks a predicted span as both reference scorers do: start and
// end must be JSON integers (Python's type(x) is int: no floats, no bools,
// no strings; numbers decoded as json.Number) with 0 <= start < end <= n.
func Offsets(start, end any, n int) (int, int, bool) {
	s, ok1 := jsonInt(start)
	e, ok2 := jsonInt(end)
	if !ok1 || !ok2 || !(0 <= s && s < e && e <= int64(n)) {
		return 0, 0, false
	}
	return int(s), int(e), true
}

// jsonInt is the value of a JSON number Python's json reads as an int (no
// fraction, no exponent) that fits in an int64; a larger int lies outside
// any text, like a non-integer.
func jsonInt(v any) (int64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	return i, err == nil
}
