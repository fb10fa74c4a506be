// Command timeline-eval scores timeline's taggers on the evaluation corpora
// in ../shared/corpora, with the same measures as the reference scorers in
// ../shared/eval. It is a development tool, not part of the product.
//
//	timeline-eval timex  [-corpora DIR] ...   TempEval-3 scores of the date tagger
//	timeline-eval events [-corpora DIR] ...   MEANTIME statement scores of extraction
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
)

// commands holds the subcommands; each file registers its own in init.
var commands = map[string]func(args []string) error{}

func main() {
	if len(os.Args) < 2 || commands[os.Args[1]] == nil {
		names := make([]string, 0, len(commands))
		for n := range commands {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "usage: timeline-eval %v [flags]\n", names)
		os.Exit(2)
	}
	if err := commands[os.Args[1]](os.Args[2:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return // the flags were printed
		}
		fmt.Fprintf(os.Stderr, "timeline-eval %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
