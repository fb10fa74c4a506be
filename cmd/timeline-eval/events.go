package main

// timeline-eval events: the MEANTIME statement scores of events.Extract
// (the scoring is timeline/events/score's ScoreMeantime).

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/timelinehq/timeline/timeline/events/score"
)

func init() { commands["events"] = runEvents }

// evDefaultCorpus is the gold folder, relative to the repository root.
const evDefaultCorpus = "../shared/corpora/meantime-dev"

// runEvents is `timeline-eval events`.
func runEvents(args []string) error { return evMain(args, os.Stdout, os.Stderr) }

func evMain(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("events", flag.ContinueOnError)
	fl.SetOutput(stderr)
	corpus := fl.String("corpora", "", "gold folder, searched recursively for events.jsonl (default "+evDefaultCorpus+" beside the repository root)")
	topic := fl.String("topic", "", "only documents whose topic matches this regexp")
	errPath := fl.String("errors", "", "write per-document misses, wrong dates and false alarms as JSONL")
	savePath := fl.String("save-pred", "", "write the predictions as PRED JSONL (score_events.py --pred)")
	typeList := fl.String("types", "statement", "comma-separated event types scored as statements")
	precision := fl.String("precision", "statements", "statements: a prediction is correct only on a gold statement mention; class: on any SPEECH_COGNITIVE mention")
	var minScore *float64
	fl.Func("min-score", "exit status 1 if statement_score is below `X`", func(s string) error {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		minScore = &x
		return nil
	})
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline-eval events [-corpora DIR] [-topic REGEX] [-errors FILE] [-save-pred FILE] [-min-score X] [-types LIST] [-precision statements|class]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return fmt.Errorf("unexpected argument %q", fl.Arg(0))
	}
	o := score.MeantimeOptions{Types: *typeList, Precision: *precision, Warnings: stderr}
	if *topic != "" {
		re, err := regexp.Compile(*topic)
		if err != nil {
			return fmt.Errorf("-topic: %w", err)
		}
		o.Topic = re
	}
	dir := *corpus
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, evDefaultCorpus)
	}
	res, err := score.ScoreMeantime(dir, o)
	if err != nil {
		return err
	}
	if *errPath != "" {
		if err := writeOutput(*errPath, res.WriteErrors); err != nil {
			return err
		}
	}
	if *savePath != "" {
		if err := writeOutput(*savePath, res.WritePreds); err != nil {
			return err
		}
	}
	res.WriteReport(stdout)
	if s := res.Score(); minScore != nil && s < *minScore {
		return fmt.Errorf("statement_score %.4f < required %.4f", s, *minScore)
	}
	return nil
}
