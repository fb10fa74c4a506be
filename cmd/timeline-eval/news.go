package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/events/score"
)

func init() {
	commands["news"] = func(args []string) error { return newsMain(args, os.Stdout, os.Stderr) }
}

// newsMain is `timeline-eval news`: the events of each story of a news set
// (eval/news/dev by default), extracted as `timeline extract` does, scored
// against the set's gold events.
func newsMain(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("news", flag.ContinueOnError)
	fl.SetOutput(stderr)
	set := fl.String("set", "", "the set's folder, holding gold.jsonl and the stories (default eval/news/dev in the repository)")
	verbose := fl.Bool("v", false, "list each story's missed events, wrong dates and false alarms")
	var minScore *float64
	fl.Func("min-score", "exit status 1 if F1 × date accuracy is below `X`", func(s string) error {
		x, err := strconv.ParseFloat(s, 64)
		minScore = &x
		return err
	})
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	dir := *set
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, "eval", "news", "dev")
	}
	stories, err := score.LoadSet(dir)
	if err != nil {
		return err
	}
	if len(stories) == 0 {
		return fmt.Errorf("no stories in %s", dir)
	}
	counts := make([]score.Counts, len(stories))
	var total score.Counts
	for i, s := range stories {
		pred, err := extractFile(s.Path)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", s.File, err)
		}
		c, matches, missed, alarms := score.ScoreStory(s, pred)
		counts[i] = c
		total.Add(c)
		if *verbose {
			reportStory(stdout, s, matches, missed, alarms)
		}
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "\tstories\tgold\tpredicted\tP\tR\tF1\tdate acc\tstatus acc\tF1 × date\t")
	row := func(name string, n int, c score.Counts) {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, n, c.Gold, c.Predicted,
			c.Precision(), c.Recall(), c.F1(), c.DateAccuracy(), ratio(c.StatusRight, c.Matched), c.Score())
	}
	for _, by := range []func(score.Story) string{
		func(s score.Story) string { return "kind " + s.Kind },
		func(s score.Story) string { return "format " + s.Format },
	} {
		keys, sums := score.ByKey(stories, counts, by)
		for _, k := range keys {
			row(k, sums[k].Stories, sums[k])
		}
	}
	row("all", total.Stories, total)
	w.Flush()
	if minScore != nil && total.Score() < *minScore {
		return fmt.Errorf("F1 × date accuracy %.4f < required %.4f", total.Score(), *minScore)
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// extractFile is `timeline extract FILE`: the article's events, merged.
func extractFile(path string) (evs []events.Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			evs, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	c, err := timeline.Load(context.Background(), io.Discard, path)
	if err != nil {
		return nil, err
	}
	if len(c.LeftOut) > 0 {
		return nil, errors.New("left out: the article could not be read")
	}
	return c.Events(), nil
}

func reportStory(w io.Writer, s score.Story, matches []score.Match, missed []*score.GoldEvent, alarms []*events.Event) {
	fmt.Fprintf(w, "== %s (%s, %s)\n", s.File, s.Kind, s.Format)
	for _, m := range matches {
		if m.Gold.Date != nil && (*m.Gold.Date != string(m.Pred.Date) || m.Gold.Mod != m.Pred.Mod) {
			fmt.Fprintf(w, "  date  %s %q: gold %s%s, got %s%s\n", m.Gold.Type, m.Gold.Trigger, *m.Gold.Date, modSuffix(m.Gold.Mod), m.Pred.Date, modSuffix(m.Pred.Mod))
		}
	}
	for _, g := range missed {
		d := "undated"
		if g.Date != nil {
			d = *g.Date
		}
		fmt.Fprintf(w, "  miss  %s %s %q %v\n", g.Type, d, g.Trigger, g.Actors)
	}
	for _, p := range alarms {
		fmt.Fprintf(w, "  false %s %s %q\n", p.Type, p.Date, p.Title)
	}
}

func modSuffix(mod string) string {
	if mod == "" {
		return ""
	}
	return " " + mod
}
