package timeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/timelinehq/timeline/timeline/chronology"
)

// CurationFile is the name of the optional curation file in a content
// folder: an editor's corrections to the chronology, by event ID (see
// chronology.ParseCuration). It is not an article and not part of any
// article's cached result: it applies after the merge, on every build.
const CurationFile = "curation.toml"

// ErrCuration is what a strict build, or a curation check, fails with
// when a curation entry could not be applied as written.
var ErrCuration = errors.New("curation entries need attention (see above)")

// Curated merges the corpus's events (as Events does) and applies the
// curation files of dirs — each folder's curation.toml, in order — and
// the hide-events of the articles' front matter. Every entry that cannot
// be applied, or applies only through an old ID, is written to warnings as
// "path:line: message" and counted in problems; the rest apply. Only an
// unreadable curation file is an error.
func (c *Corpus) Curated(warnings io.Writer, dirs ...string) (evs []Event, problems int, err error) {
	if warnings == nil {
		warnings = io.Discard
	}
	evs = c.Events()
	cur := &chronology.Curation{}
	for _, a := range c.Articles {
		if len(a.Hide) > 0 && !a.Draft {
			cur.Hides = append(cur.Hides, chronology.HideInArt{Article: a.Path, Line: a.HideLine, IDs: a.Hide})
		}
	}
	var files []*chronology.Curation
	for _, dir := range uniqueClean(dirs) {
		path := filepath.Join(dir, CurationFile)
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, problems, fmt.Errorf("read %s: %w", path, err)
		}
		f, probs := chronology.ParseCuration(path, data)
		for _, p := range probs {
			fmt.Fprintln(warnings, p)
		}
		problems += len(probs)
		files = append(files, f)
	}
	if len(cur.Hides) > 0 {
		files = append([]*chronology.Curation{cur}, files...)
	}
	for _, f := range files {
		var probs []chronology.Problem
		evs, probs = chronology.Curate(evs, f)
		for _, p := range probs {
			fmt.Fprintln(warnings, p)
		}
		problems += len(probs)
	}
	return evs, problems, nil
}

// curates reports whether the corpus's events get curated: a curation
// file in one of dirs, or an article that hides events.
func (c *Corpus) curates(dirs ...string) bool {
	for _, a := range c.Articles {
		if len(a.Hide) > 0 {
			return true
		}
	}
	for _, dir := range uniqueClean(dirs) {
		if _, err := os.Lstat(filepath.Join(dir, CurationFile)); !errors.Is(err, fs.ErrNotExist) {
			return true
		}
	}
	return false
}
