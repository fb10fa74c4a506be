package site

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timelinehq/timeline/templates"
)

func TestUpToDate(t *testing.T) {
	base := fixture(t)
	base.Inputs = "inputs-1"
	type setup struct {
		out, state string
		s          Site
	}
	built := func(t *testing.T) setup {
		t.Helper()
		dir := t.TempDir()
		su := setup{out: filepath.Join(dir, "public"), state: filepath.Join(dir, "state"), s: base}
		for range 2 { // the first build is fresh, the second in place
			if _, err := Build(context.Background(), base, nil, su.out, Options{StateDir: su.state}); err != nil {
				t.Fatal(err)
			}
		}
		return su
	}
	upToDate := func(su setup, tmpl *fstest.MapFS) bool {
		if tmpl != nil {
			_, _, ok := UpToDate(context.Background(), su.s, tmpl, su.out, Options{StateDir: su.state})
			return ok
		}
		_, _, ok := UpToDate(context.Background(), su.s, nil, su.out, Options{StateDir: su.state})
		return ok
	}

	t.Run("after a build with the same inputs and settings", func(t *testing.T) {
		su := built(t)
		files, events, ok := UpToDate(context.Background(), su.s, nil, su.out, Options{StateDir: su.state})
		if !ok {
			t.Fatal("not up to date")
		}
		if events != len(base.Events) || files != len(readTree(t, su.out)) {
			t.Errorf("files %d, events %d; want %d and %d", files, events, len(readTree(t, su.out)), len(base.Events))
		}
	})
	t.Run("after a preview's builds", func(t *testing.T) {
		// A preview saves the manifest and the record after a build
		// returns: the record must be of the manifest saved, not of the
		// one on disk when the build returned.
		dir := t.TempDir()
		su := setup{out: filepath.Join(dir, "public"), state: filepath.Join(dir, "state"), s: base}
		s := base
		s.Memo = new(Memo)
		for i := range 2 {
			if i == 1 {
				s.Title = "Another" // the second build changes the manifest
			}
			if _, err := Build(context.Background(), s, nil, su.out, Options{StateDir: su.state}); err != nil {
				t.Fatal(err)
			}
		}
		s.Memo.Wait()
		su.s = s
		su.s.Memo = nil
		if !upToDate(su, nil) {
			t.Error("not up to date")
		}
	})
	for name, change := range map[string]func(t *testing.T, su *setup){
		"other inputs":       func(_ *testing.T, su *setup) { su.s.Inputs = "inputs-2" },
		"no inputs":          func(_ *testing.T, su *setup) { su.s.Inputs = "" },
		"another title":      func(_ *testing.T, su *setup) { su.s.Title = "Other" },
		"another base URL":   func(_ *testing.T, su *setup) { su.s.BaseURL = "https://example.org/x/" },
		"another feed limit": func(_ *testing.T, su *setup) { su.s.FeedLimit = 2 },
		"another program":    func(_ *testing.T, su *setup) { su.s.Version = "v2" },
		"no state folder":    func(_ *testing.T, su *setup) { su.state = "" },
		"a page edited by hand": func(t *testing.T, su *setup) {
			writeFiles(t, su.out, map[string]string{"index.html": "mine"})
		},
		"a page deleted": func(t *testing.T, su *setup) { os.Remove(filepath.Join(su.out, "feed.xml")) },
		"a file added":   func(t *testing.T, su *setup) { writeFiles(t, su.out, map[string]string{"extra.html": "x"}) },
		"a build without inputs since": func(t *testing.T, su *setup) {
			s := su.s
			s.Inputs = ""
			if _, err := Build(context.Background(), s, nil, su.out, Options{StateDir: su.state}); err != nil {
				t.Fatal(err)
			}
		},
		"a manifest another build left": func(t *testing.T, su *setup) {
			// A build killed after it saved its manifest and before its
			// record: the record no longer matches the manifest.
			m := manifestPath(su.state, absPath(t, su.out))
			data, _ := os.ReadFile(m)
			os.WriteFile(m, append(data, "# another build\n"...), 0o644)
		},
		"a staging folder beside the output": func(t *testing.T, su *setup) {
			os.Mkdir(filepath.Join(filepath.Dir(su.out), tempPrefix("public")+"123"), 0o755)
		},
	} {
		t.Run(name, func(t *testing.T) {
			su := built(t)
			change(t, &su)
			if upToDate(su, nil) {
				t.Error("up to date")
			}
		})
	}
	t.Run("other templates", func(t *testing.T) {
		su := built(t)
		tmpl := fstest.MapFS{}
		for _, name := range []string{"index.html"} {
			data, _ := templates.FS.ReadFile(name)
			tmpl[name] = &fstest.MapFile{Data: append(data, "\n"...)}
		}
		if upToDate(su, &tmpl) {
			t.Error("up to date")
		}
	})
}

func absPath(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestEverySettingChangesTheFingerprint sets each field of Site in turn:
// every one but the events, the articles, the article loader and the memo must
// change the fingerprint, so that a setting added later is never left out.
func TestEverySettingChangesTheFingerprint(t *testing.T) {
	var seed Key
	zero := fingerprint(seed, Site{}, "")
	typ := reflect.TypeFor[Site]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		var s Site
		v := reflect.ValueOf(&s).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Int, reflect.Int64:
			v.SetInt(7)
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		case reflect.Pointer:
			switch v.Type() {
			case reflect.TypeFor[*time.Location]():
				v.Set(reflect.ValueOf(time.UTC))
			case reflect.TypeFor[*Memo]():
				v.Set(reflect.ValueOf(new(Memo)))
			default:
				t.Fatalf("Site.%s is a %s: teach this test to set it", f.Name, v.Type())
			}
		case reflect.Func:
			continue
		default:
			t.Fatalf("Site.%s is a %s: teach this test to set it", f.Name, v.Kind())
		}
		changed := fingerprint(seed, s, s.BaseURL) != zero
		if want := f.Name != "Events" && f.Name != "Articles" && f.Name != "Memo"; changed != want {
			t.Errorf("Site.%s changes the fingerprint: %v, want %v", f.Name, changed, want)
		}
	}
}

// TestSettingsThatReflectionCannotSee checks the settings whose values the
// reflection of TestEverySettingChangesTheFingerprint does not tell apart:
// a time zone, which has no exported fields, and a nil list of exports
// (all of them) against an empty one (none).
func TestSettingsThatReflectionCannotSee(t *testing.T) {
	var seed Key
	moscow, _ := time.LoadLocation("Europe/Moscow")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	if fingerprint(seed, Site{TimeZone: moscow}, "") == fingerprint(seed, Site{TimeZone: tokyo}, "") {
		t.Error("two time zones have the same fingerprint")
	}
	if fingerprint(seed, Site{Exports: nil}, "") == fingerprint(seed, Site{Exports: []string{}}, "") {
		t.Error("every export and none have the same fingerprint")
	}
}
