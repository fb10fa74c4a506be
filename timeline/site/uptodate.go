package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/templates"
)

// A build that knows what its chronology was made from (Site.Inputs) can
// skip the whole render when nothing changed: Build records a fingerprint
// of the inputs, the templates and the settings beside the manifest, and
// UpToDate compares it and checks that the output still holds exactly the
// files, sizes and times that the manifest says. An unchanged rebuild then
// costs reading the articles and one lstat a file.

// fingerprint digests everything the site's files are made from when
// s.Inputs stands for the events and articles: every other setting of s
// (so that a setting added to Site is never forgotten here), the base URL
// as the build uses it, and the templates and program through seed.
func fingerprint(seed Key, s Site, baseURL string) Key {
	s.Events, s.Articles, s.BaseURL = nil, nil, baseURL
	var e enc
	e.reset()
	e.str("timeline/site fingerprint v2")
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() == reflect.Func { // LoadArticle: how, not what
			continue
		}
		switch x := f.Interface().(type) {
		case *Memo: // how, not what: a memo makes the same bytes
			continue
		case *time.Location: // no exported fields: its name says which
			e.str(v.Type().Field(i).Name)
			e.flag(x != nil)
			e.str(zoneName(x))
		case []string: // nil may mean something else than empty (Exports)
			e.str(v.Type().Field(i).Name)
			e.flag(x == nil)
			e.value(f)
		default:
			e.str(v.Type().Field(i).Name)
			e.value(f)
		}
	}
	return e.sum(seed)
}

func buildPath(stateDir, out string) string { return manifestPath(stateDir, out) + ".build" }

// saveBuild records the fingerprint of the build that just wrote out, how
// many events it had and a digest of the manifest it left (nil when it
// could not save one), which ties the record to that manifest: a build
// killed after it saved a new manifest leaves a record that no longer
// matches. Without a fingerprint or a manifest it removes the record.
func saveBuild(stateDir, out string, fp Key, events int, manifest []byte) {
	if stateDir == "" {
		return
	}
	name := buildPath(stateDir, out)
	if fp == (Key{}) || manifest == nil {
		os.Remove(name)
		return
	}
	text := buildRecord(fp, events, manifest)
	if old, err := os.ReadFile(name); err == nil && string(old) == text {
		return
	}
	tmp, err := os.CreateTemp(stateDir, ".build-*")
	if err != nil {
		return
	}
	_, err = tmp.WriteString(text)
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	if err != nil || os.Rename(tmp.Name(), name) != nil {
		os.Remove(tmp.Name())
	}
}

// UpToDate reports whether building s into outDir would change nothing:
// s.Inputs is set and, with the templates tmpl and s's settings, equals
// those of the last build into outDir, and outDir holds exactly the files
// that build left, with their sizes and times. It then returns the
// number of files and events that build had. s.Events and s.Articles are
// not read, so a caller can ask before it merges.
func UpToDate(ctx context.Context, s Site, tmpl fs.FS, outDir string, opt Options) (files, events int, ok bool) {
	if s.Inputs == "" || opt.StateDir == "" {
		return 0, 0, false
	}
	if tmpl == nil {
		tmpl = templates.FS
	}
	baseURL, err := normalizeBaseURL(s.BaseURL)
	if err != nil {
		return 0, 0, false
	}
	seed, err := seedKey(tmpl, s.Version)
	if err != nil {
		return 0, 0, false
	}
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return 0, 0, false
	}
	record, err1 := os.ReadFile(buildPath(opt.StateDir, abs))
	manifest, err2 := os.ReadFile(manifestPath(opt.StateDir, abs))
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	f := strings.Fields(string(record))
	if len(f) != 3 {
		return 0, 0, false
	}
	events, err = strconv.Atoi(f[1])
	if err != nil || string(record) != buildRecord(fingerprint(seed, s, baseURL), events, manifest) {
		return 0, 0, false
	}
	// Nothing a killed build left beside the output, which the next build
	// must finish or remove.
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(abs), tempPrefix(filepath.Base(abs))+"*")); len(left) > 0 {
		return 0, 0, false
	}
	want := loadManifest(opt.StateDir, abs)
	if len(want) == 0 {
		return 0, 0, false
	}
	seen := 0
	err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(abs, p)
		st, ok := want[filepath.ToSlash(rel)]
		if !ok {
			return errChanged
		}
		info, err := d.Info()
		if err != nil || !info.Mode().IsRegular() || info.Size() != st.size || info.ModTime().UnixNano() != st.mtime {
			return errChanged
		}
		seen++
		return nil
	})
	if err != nil || seen != len(want) {
		return 0, 0, false
	}
	return seen, events, true
}

var errChanged = errors.New("the output changed")

// buildRecord is the text of a build's record.
func buildRecord(fp Key, events int, manifest []byte) string {
	m := sha256.Sum256(manifest)
	return hex.EncodeToString(fp[:]) + " " + strconv.Itoa(events) + " " + hex.EncodeToString(m[:]) + "\n"
}
