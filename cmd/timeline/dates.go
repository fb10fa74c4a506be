package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

func init() {
	commands["dates"] = command{"list the temporal expressions of a file", runDates}
}

// runDates prints the temporal expressions of a file's raw bytes, resolved
// against -ref or, without it, against the article's publication date.
func runDates(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("dates", "[-ref YYYY-MM-DD] [-json] FILE|-", stderr)
	refFlag := fs.String("ref", "", "reference `date` (YYYY-MM-DD); default: the article's own date")
	asJSON := fs.Bool("json", false, "print a JSON array of {text, start, end, type, value, mod}")
	files, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage
	}
	var ref time.Time
	if *refFlag != "" {
		t, err := time.Parse("2006-01-02", *refFlag)
		if err != nil {
			fmt.Fprintf(stderr, "timeline dates: -ref %q: want a date like 2021-12-30\n", *refFlag)
			return errUsage
		}
		ref = t
	}

	path := files[0]
	var data []byte
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	var tx []timex.Timex
	if ref.IsZero() {
		// The article as extraction reads it: its title and body tagged
		// as one text, with offsets into the file.
		a, err := article.Parse(path, data)
		if err != nil {
			return fmt.Errorf("%w (give -ref YYYY-MM-DD)", err) // Parse fails without a date
		}
		ref = a.Published
		tx = events.Dates(a)
	} else {
		tx = timex.Tag(string(data), ref)
	}
	if *asJSON {
		if tx == nil {
			tx = []timex.Timex{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(tx)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "START\tEND\tTYPE\tVALUE\tMOD\tTEXT\n")
	for _, t := range tx {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\n", t.Start, t.End, t.Type, t.Value, t.Mod, oneLine(t.Text))
	}
	fmt.Fprintf(tw, "\n%d expressions, reference date %s\n", len(tx), ref.Format("2006-01-02"))
	return tw.Flush()
}

// oneLine folds the line breaks of an expression so the table stays aligned.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
