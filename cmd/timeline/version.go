package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

func init() {
	commands["version"] = command{"print the program's version", runVersion}
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "", stderr)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "timeline version: unexpected argument %q\n", rest[0])
		return errUsage
	}
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok {
		version = info.Main.Version
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				version += " " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(stdout, "timeline %s\n", version)
	return nil
}
