package main

import (
	"context"
	"fmt"
	"io"

	"github.com/timelinehq/timeline/timeline"
)

func init() {
	commands["build"] = command{"build the site from the articles in a folder", runBuild}
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", "[-content DIR] [-out DIR] [-base-url URL] [-templates DIR] [-title TEXT]", stderr)
	cfg := timeline.Config{Warnings: stderr}
	siteFlags(fs, &cfg)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "timeline build: unexpected argument %q\n", rest[0])
		fs.Usage()
		return errUsage
	}
	res, err := timeline.Build(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %s: %d events from %d articles", cfg.OutDir, res.Events, res.Articles)
	if res.Skipped > 0 {
		fmt.Fprintf(stdout, " (%d left out, see above)", res.Skipped)
	}
	fmt.Fprintln(stdout)
	return nil
}
