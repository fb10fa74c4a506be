// Command timeline-bench generates a deterministic synthetic news corpus
// and measures timeline's build on it side by side with Hugo's.
//
//	timeline-bench gen -n 10000 -seed 1 -out DIR [-hugo DIR]
//	timeline-bench run [-sizes 1000,10000] [-runs N] [-seed S] [-timeline BIN] [-hugo BIN] [-work DIR] [-full-only]
//
// It is a development tool: Hugo is installed into the work folder for
// the comparison and is never a dependency of the project.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// errUsage reports a usage error whose message was already printed.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(Run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// Run runs the command line args and returns the exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	commands := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"gen": runGen,
		"run": runBench,
	}
	if len(args) == 0 || commands[args[0]] == nil {
		fmt.Fprintln(stderr, "usage: timeline-bench gen -n N [-seed S] -out DIR [-hugo DIR]")
		fmt.Fprintln(stderr, "       timeline-bench run [-sizes 1000,10000] [-runs N] [-seed S] [-timeline BIN] [-hugo BIN] [-work DIR] [-full-only]")
		return 2
	}
	err := commands[args[0]](ctx, args[1:], stdout, stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "timeline-bench %s: %v\n", args[0], err)
	return 1
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: timeline-bench %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}
