package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/timelinehq/timeline/timeline"
)

func init() {
	commands["extract"] = command{"print the events of articles", runExtract}
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", "[-json] FILE|DIR...", stderr)
	asJSON := fs.Bool("json", false, "print the events as a JSON array in the events.json format")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "timeline extract: name at least one article file or folder")
		fs.Usage()
		return errUsage
	}
	corpus, err := timeline.Load(ctx, stderr, paths...)
	if err != nil {
		return err
	}
	// The curation file of each folder named applies, as in build.
	var dirs []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			dirs = append(dirs, p)
		}
	}
	evs, _, err := corpus.Curated(stderr, dirs...)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if evs == nil {
			evs = []timeline.Event{}
		}
		return enc.Encode(evs)
	}
	for _, e := range evs {
		mod := ""
		if e.Mod != "" {
			mod = " (" + strings.ToLower(e.Mod) + ")"
		}
		fmt.Fprintf(stdout, "%-17s %-9s %-8s %s%s\n", e.Date, e.Type, e.Status, e.Title, mod)
		if len(e.Actors) > 0 {
			fmt.Fprintf(stdout, "%27s who: %s\n", "", strings.Join(e.Actors, "; "))
		}
		if e.Place != "" {
			fmt.Fprintf(stdout, "%27s where: %s\n", "", e.Place)
		}
		for _, s := range e.Sources {
			fmt.Fprintf(stdout, "%27s %s:%d-%d %q\n", "", s.Article, s.Start, s.End, s.Sentence)
		}
	}
	return nil
}
