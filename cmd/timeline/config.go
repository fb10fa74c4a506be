package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// ConfigFile is the site configuration read by build and serve when no
// -config is given: timeline.toml in the current folder, if there is one.
const configFile = "timeline.toml"

// pathSettings are the settings whose values are paths: relative ones are
// relative to the configuration file's folder.
var pathSettings = map[string]bool{"content": true, "out": true, "templates": true, "cache": true}

// listSettings are the settings that take a list: exports = ["ics", "csv"]
// sets -exports ics,csv (a comma-separated string works too).
var listSettings = map[string]bool{"exports": true}

// settingAliases are names a setting may also have in the file, for the
// flag it sets: language = "de" is -lang de.
var settingAliases = map[string]string{"language": "lang"}

// applyConfig sets, from the configuration file at path, every site flag of
// fs that the command line did not set: a setting's key is the flag's name
// ("title", "base-url", "cache", ...). An unknown key or a value of the
// wrong kind is an error naming the file and line. With explicit false a
// missing file is no error.
func applyConfig(fs *flag.FlagSet, path string, explicit bool, settable map[string]bool) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && !explicit {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, unwrapPathErr(err))
	}
	var settings map[string]any
	if _, err := toml.Decode(string(data), &settings); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, name := range keys {
		line := keyLine(data, name)
		key := name
		if alias, ok := settingAliases[name]; ok {
			key = alias
		}
		if !settable[key] || fs.Lookup(key) == nil {
			return fmt.Errorf("%s:%d: unknown setting %q; the settings are %s", path, line, name, settingNames(settable))
		}
		var text string
		switch v := settings[name].(type) {
		case string:
			text = v
			if pathSettings[key] && v != "" && !filepath.IsAbs(v) {
				text = filepath.Join(filepath.Dir(path), v)
			}
		case bool, int64, float64:
			text = fmt.Sprint(v)
		case []any:
			if !listSettings[key] {
				return fmt.Errorf("%s:%d: %s must be a string, a number or true/false, not a list", path, line, name)
			}
			items := make([]string, len(v))
			for i, item := range v {
				s, ok := item.(string)
				if !ok {
					return fmt.Errorf("%s:%d: %s must be a list of strings", path, line, name)
				}
				items[i] = s
			}
			text = strings.Join(items, ",")
		default:
			return fmt.Errorf("%s:%d: %s must be a string, a number or true/false", path, line, key)
		}
		if set[key] {
			continue // the command line wins
		}
		if err := fs.Set(key, text); err != nil {
			return fmt.Errorf("%s:%d: %s: %v", path, line, name, err)
		}
	}
	return nil
}

// keyLine is the 1-based line where key is set in a TOML file, or 1.
func keyLine(data []byte, key string) int {
	re := regexp.MustCompile(`(?m)^[ \t]*"?` + regexp.QuoteMeta(key) + `"?[ \t]*=`)
	loc := re.FindIndex(data)
	if loc == nil {
		return 1
	}
	return 1 + strings.Count(string(data[:loc[0]]), "\n")
}

func settingNames(settable map[string]bool) string {
	names := make([]string, 0, len(settable))
	for k := range settable {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
