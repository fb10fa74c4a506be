package chronology

import (
	"fmt"
	"github.com/timelinehq/timeline/timeline/timex"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/events"
)

// TestMergeRules runs each merge rule on small articles in
// testdata/rules: one folder a rule, read and extracted as the build
// does, merged by Merge and by the reference.
func TestMergeRules(t *testing.T) {
	tests := []struct {
		name, dir string
		want      []string    // "DATE TYPE who;who article,article" of the events that rule is about
		only      events.Type // the type to look at; "" for all
	}{
		{
			name: "an early-December mention folds into the day a finer source gives, and takes that day",
			dir:  "fold", only: events.Warning,
			want: []string{"2021-12-07 warning Joe Biden;Vladimir Putin b-day.txt,a-early.txt"},
		},
		{
			name: "two calls between the same people on different days stay two events",
			dir:  "apart", only: events.Call,
			want: []string{
				"2021-12-07 call Joe Biden;Vladimir Putin a-first.txt",
				"2021-12-30 call Joe Biden;Vladimir Putin b-second.txt",
			},
		},
		{
			name: "statements by one speaker on one day merge on a shared quotation and not otherwise",
			dir:  "statements", only: events.Statement,
			want: []string{
				"2021-12-30 statement Dmitry Peskov a.txt,b.txt",
				"2021-12-30 statement Dmitry Peskov c.txt",
			},
		},
		{
			name: "a syndicated copy never double-counts: each event lists both sources",
			dir:  "syndicated",
			want: []string{
				"2019-07 meeting  a-wire.txt,b-copy.txt",
				"2022-01-12 meeting Jens Stoltenberg;Alexander Grushko a-wire.txt,b-copy.txt",
				"2022-01-12 statement Jens Stoltenberg a-wire.txt,b-copy.txt",
			},
		},
		{
			name: "sources that disagree on the day make one event that keeps both readings",
			dir:  "conflict",
			want: []string{"2022-01-10 meeting Wendy Sherman;Sergei Ryabkov a.txt,b.txt [2022-01-11 b.txt]"},
		},
		{
			name: "a month-only event sorts as the month: before the days of that month",
			dir:  "order",
			want: []string{
				"2021-12 demand Russia;NATO a.txt",
				"2021-12-01 meeting Joe Biden;Olaf Scholz a.txt",
				"2021-12-03 visit Boris Johnson;Ukraine a.txt",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lists := extractDir(t, filepath.Join("testdata", "rules", tt.dir))
			got := Merge(lists...)
			if want := referenceMerge(lists...); !reflect.DeepEqual(got, want) {
				t.Errorf("Merge and the reference differ:\n got  %+v\n want %+v", got, want)
			}
			var lines []string
			for _, e := range got {
				if tt.only == "" || e.Type == tt.only {
					lines = append(lines, ruleSummary(e))
				}
			}
			if !reflect.DeepEqual(lines, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(lines, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func ruleSummary(e events.Event) string {
	var arts []string
	for _, s := range e.Sources {
		if a := filepath.Base(s.Article); len(arts) == 0 || arts[len(arts)-1] != a {
			arts = append(arts, a)
		}
	}
	s := fmt.Sprintf("%s %s %s %s", e.Date, e.Type, strings.Join(e.Actors, ";"), strings.Join(arts, ","))
	for _, r := range e.Conflicts {
		var ra []string
		for _, a := range r.Articles {
			ra = append(ra, filepath.Base(a))
		}
		s += fmt.Sprintf(" [%s %s]", r.Date, strings.Join(ra, ","))
	}
	return s
}

func TestSimilar(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"the same sentence", "Putin said the West must act.", "Putin said the West must act.", true},
		{"a shared quotation of four words or more", `Peskov said Moscow is "in the mood for a conversation."`, `"In the mood for a conversation," the Kremlin said.`, true},
		{"a short shared quotation is not enough", `Peskov said it was "very good".`, `Lavrov called the talks "very good" and long.`, false},
		{"wording that differs only in the date", "Sherman and Ryabkov held talks in Geneva on January 10.", "Sherman and Ryabkov held talks in Geneva on January 11.", true},
		{"different things said", "Peskov said the call was Putin's initiative.", "Peskov said Moscow expected no breakthrough in Geneva.", false},
		{"empty sentences say nothing", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := similar(tt.a, tt.b); got != tt.want {
				t.Errorf("similar(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestDatesFit(t *testing.T) {
	tests := []struct {
		name       string
		a, amod, b string
		want       bool
	}{
		{name: "early December holds the 7th", a: "2021-12", amod: "START", b: "2021-12-07", want: true},
		{name: "early December does not hold the 20th", a: "2021-12", amod: "START", b: "2021-12-20"},
		{name: "mid-December holds the 15th", a: "2021-12", amod: "MID", b: "2021-12-15", want: true},
		{name: "late December holds the 30th at 20:30", a: "2021-12", amod: "END", b: "2021-12-30T20:30", want: true},
		{name: "late December does not hold the 3rd", a: "2021-12", amod: "END", b: "2021-12-03"},
		{name: "a week holds a day in it", a: "2021-W49", b: "2021-12-07", want: true},
		{name: "20:30 GMT on the 30th is the 31st east of UTC+3:30", a: "2021-12-30T20:30Z", b: "2021-12-31", want: true},
		{name: "03:00 GMT on the 31st is the 30th in the Americas", a: "2021-12-31T03:00", b: "2021-12-30", want: true},
		{name: "09:00 GMT on the 30th is the 31st in no time zone", a: "2021-12-30T09:00", b: "2021-12-31"},
		{name: "a time zone never explains two days", a: "2021-12-30T20:30", b: "2022-01-01"},
		{name: "two days are no fit", a: "2021-12-07", b: "2021-12-08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := events.Event{Date: timex.Value(tt.a), Mod: tt.amod}
			b := events.Event{Date: timex.Value(tt.b)}
			if got := datesFit(&a, &b); got != tt.want {
				t.Errorf("datesFit(%s %s, %s) = %v, want %v", tt.a, tt.amod, tt.b, got, tt.want)
			}
			if got := datesFit(&b, &a); got != tt.want {
				t.Errorf("datesFit(%s, %s %s) = %v, want %v (not symmetric)", tt.b, tt.a, tt.amod, got, tt.want)
			}
		})
	}
}
