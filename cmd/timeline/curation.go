package main

import (
	"context"
	"fmt"
	"io"

	"github.com/timelinehq/timeline/timeline"
)

func init() {
	commands["curation"] = command{"check the curation file against the articles", runCuration}
}

// runCuration runs "curation check": it reads the articles (through the
// build's cache) and the content folder's curation.toml, prints every
// entry that does not apply as written and fails if there is one.
func runCuration(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("curation check", "[-content DIR] [-cache DIR] [-no-cache]", stderr)
	cfg := timeline.Config{}
	applyConfigFile := siteFlags(fs, &cfg)
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprintln(stderr, "timeline curation: the subcommand is check")
		fs.Usage()
		return errUsage
	}
	rest, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "timeline curation check: unexpected argument %q\n", rest[0])
		fs.Usage()
		return errUsage
	}
	if _, err := applyConfigFile(); err != nil {
		return err
	}
	l := timeline.Loader{Warnings: stderr, Workers: cfg.Workers}
	if !cfg.NoCache {
		l.CacheDir = cfg.CacheDir
	}
	corpus, err := l.Load(ctx, cfg.ContentDir)
	if err != nil {
		return err
	}
	evs, problems, err := corpus.Curated(stderr, cfg.ContentDir)
	if err != nil {
		return err
	}
	if problems > 0 {
		return fmt.Errorf("%d %s: %w", problems, plural(problems, "problem", "problems"), timeline.ErrCuration)
	}
	fmt.Fprintf(stdout, "curation of %s: every entry applies (%d events)\n", cfg.ContentDir, len(evs))
	return nil
}
