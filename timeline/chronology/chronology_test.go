package chronology_test

import (
	"fmt"
	"github.com/timelinehq/timeline/timeline/timex"
	"reflect"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
)

// ev builds an event reported by one sentence of one article. The
// sentence's offsets come from at, so events of one article stay distinct.
func ev(typ events.Type, date string, status events.Status, article, published string, at int, actors ...string) events.Event {
	return events.Event{
		Type:   typ,
		Status: status,
		Date:   timex.Value(date),
		Title:  string(typ) + " " + strings.Join(actors, ", "),
		Actors: actors,
		Sources: []events.Source{{
			Article:   article,
			Title:     "Headline of " + article,
			Published: published,
			Sentence:  "A sentence of " + article + ".",
			Start:     at,
			End:       at + 20,
		}},
	}
}

// summary describes a merged event as "DATE TYPE STATUS article,article".
func summary(e events.Event) string {
	var arts []string
	for _, s := range e.Sources {
		arts = append(arts, s.Article)
	}
	return fmt.Sprintf("%s %s %s %s", e.Date, e.Type, e.Status, strings.Join(arts, ","))
}

func summaries(list []events.Event) []string {
	var out []string
	for _, e := range list {
		out = append(out, summary(e))
	}
	return out
}

const (
	call      = events.Call
	meeting   = events.Meeting
	statement = events.Statement
	occurred  = events.Occurred
	planned   = events.Planned
)

func TestMerge(t *testing.T) {
	tests := []struct {
		name  string
		lists [][]events.Event
		want  []string
	}{
		{
			name: "the same call reported by two articles becomes one event citing both",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden", "Vladimir Putin")},
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Vladimir Putin")},
			},
			want: []string{"2021-12-30 call occurred a.txt,b.txt"},
		},
		{
			name: "a month and a day of that month merge and the day is kept",
			lists: [][]events.Event{
				{ev(meeting, "2022-01", planned, "a.txt", "2021-12-28", 0, "Wendy Sherman")},
				{ev(meeting, "2022-01-10", occurred, "b.txt", "2022-01-10", 0, "Wendy Sherman")},
			},
			want: []string{"2022-01-10 meeting occurred a.txt,b.txt"},
		},
		{
			name: "a day and its month merge and the day is kept whichever comes first",
			lists: [][]events.Event{
				{ev(meeting, "2022-01-10", occurred, "b.txt", "2022-01-10", 0, "Wendy Sherman")},
				{ev(meeting, "2022-01", planned, "a.txt", "2021-12-28", 0, "Wendy Sherman")},
			},
			want: []string{"2022-01-10 meeting occurred a.txt,b.txt"},
		},
		{
			name: "a year and a day of that year merge and the day is kept",
			lists: [][]events.Event{
				{ev(meeting, "2022", planned, "a.txt", "2021-12-01", 0, "Wendy Sherman")},
				{ev(meeting, "2022-01-10", occurred, "b.txt", "2022-01-10", 0, "Wendy Sherman")},
			},
			want: []string{"2022-01-10 meeting occurred a.txt,b.txt"},
		},
		{
			name: "a day inside an ISO week merges with the week and the day is kept",
			lists: [][]events.Event{
				{ev(call, "2021-W52", planned, "a.txt", "2021-12-20", 0, "Joe Biden")},
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden")},
			},
			want: []string{"2021-12-30 call occurred a.txt,b.txt"},
		},
		{
			name: "a week and a day inside it merge whichever comes first",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden")},
				{ev(call, "2021-W52", planned, "a.txt", "2021-12-20", 0, "Joe Biden")},
			},
			want: []string{"2021-12-30 call occurred a.txt,b.txt"},
		},
		{
			name: "a day of a week-end merges with the week-end and the day is kept",
			lists: [][]events.Event{
				{ev(call, "2022-01-01", occurred, "b.txt", "2022-01-02", 0, "Joe Biden")},
				{ev(call, "2021-W52-WE", planned, "a.txt", "2021-12-28", 0, "Joe Biden")},
			},
			want: []string{"2022-01-01 call occurred a.txt,b.txt"},
		},
		{
			name: "a week-end and a day of it merge and the day is kept",
			lists: [][]events.Event{
				{ev(call, "2021-W52-WE", planned, "a.txt", "2021-12-28", 0, "Joe Biden")},
				{ev(call, "2022-01-01", occurred, "b.txt", "2022-01-02", 0, "Joe Biden")},
			},
			want: []string{"2022-01-01 call occurred a.txt,b.txt"},
		},
		{
			name: "a time of day merges with its day and the time is kept",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", planned, "a.txt", "2021-12-29", 0, "Joe Biden")},
				{ev(call, "2021-12-30T20:30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden")},
			},
			want: []string{"2021-12-30T20:30 call occurred a.txt,b.txt"},
		},
		{
			name: "an event with no parties merges with one on the same day",
			lists: [][]events.Event{
				{ev(call, "2021-12-07", occurred, "a.txt", "2021-12-07", 0, "Joe Biden", "Vladimir Putin")},
				{ev(call, "2021-12-07", occurred, "b.txt", "2022-01-10", 0)},
			},
			want: []string{"2021-12-07 call occurred a.txt,b.txt"},
		},
		{
			name: "an event with no parties does not merge with one on another day",
			lists: [][]events.Event{
				{ev(call, "2021-12-07", occurred, "a.txt", "2021-12-07", 0, "Joe Biden")},
				{ev(call, "2021-12-08", occurred, "b.txt", "2022-01-10", 0)},
			},
			want: []string{"2021-12-07 call occurred a.txt", "2021-12-08 call occurred b.txt"},
		},
		{
			name: "a season is no week: winter does not merge with a day in it",
			lists: [][]events.Event{
				{ev(call, "2021-WI", planned, "a.txt", "2021-11-20", 0, "Joe Biden")},
				{ev(call, "2021-12-22", occurred, "b.txt", "2021-12-22", 0, "Joe Biden")},
			},
			want: []string{
				"2021-WI call planned a.txt",
				"2021-12-22 call occurred b.txt",
			},
		},
		{
			name: "a weekday outside the week does not merge with it",
			lists: [][]events.Event{
				{ev(call, "2021-W52", planned, "a.txt", "2021-12-20", 0, "Joe Biden")},
				{ev(call, "2022-01-03", occurred, "b.txt", "2022-01-03", 0, "Joe Biden")},
			},
			want: []string{
				"2021-W52 call planned a.txt",
				"2022-01-03 call occurred b.txt",
			},
		},
		{
			name: "a weekday does not merge with the week-end of its week",
			lists: [][]events.Event{
				{ev(call, "2021-W52-WE", planned, "a.txt", "2021-12-20", 0, "Joe Biden")},
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden")},
			},
			want: []string{
				"2021-12-30 call occurred b.txt",
				"2021-W52-WE call planned a.txt",
			},
		},
		{
			name: "different days are different events",
			lists: [][]events.Event{
				{ev(meeting, "2022-01-10", occurred, "a.txt", "2022-01-10", 0, "Wendy Sherman")},
				{ev(meeting, "2022-01-12", occurred, "b.txt", "2022-01-12", 0, "Wendy Sherman")},
			},
			want: []string{
				"2022-01-10 meeting occurred a.txt",
				"2022-01-12 meeting occurred b.txt",
			},
		},
		{
			name: "different types are different events",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden")},
				{ev(meeting, "2021-12-30", occurred, "b.txt", "2021-12-30", 0, "Joe Biden")},
			},
			want: []string{
				"2021-12-30 call occurred a.txt",
				"2021-12-30 meeting occurred b.txt",
			},
		},
		{
			name: "events without a shared actor are different events",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden")},
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-30", 0, "Olaf Scholz")},
			},
			want: []string{
				"2021-12-30 call occurred a.txt",
				"2021-12-30 call occurred b.txt",
			},
		},
		{
			name: "without actors on one side the same place merges",
			lists: [][]events.Event{
				{withPlace(ev(meeting, "2022-01-10", occurred, "a.txt", "2022-01-10", 0, "Wendy Sherman"), "Geneva")},
				{withPlace(ev(meeting, "2022-01-10", occurred, "b.txt", "2022-01-11", 0), "Geneva")},
			},
			want: []string{"2022-01-10 meeting occurred a.txt,b.txt"},
		},
		{
			name: "different parties in one place on one day are one event",
			lists: [][]events.Event{
				{withPlace(ev(meeting, "2022-01-13", planned, "a.txt", "2022-01-10", 0, "OSCE"), "Vienna")},
				{withPlace(ev(meeting, "2022-01-13", occurred, "b.txt", "2022-01-13", 0, "Zbigniew Rau"), "Vienna")},
			},
			want: []string{"2022-01-13 meeting occurred a.txt,b.txt"},
		},
		{
			name: "different parties in one place on different days are two events",
			lists: [][]events.Event{
				{withPlace(ev(meeting, "2022-01-12", occurred, "a.txt", "2022-01-12", 0, "NATO"), "Brussels")},
				{withPlace(ev(meeting, "2022-01-13", occurred, "b.txt", "2022-01-13", 0, "OSCE"), "Brussels")},
			},
			want: []string{"2022-01-12 meeting occurred a.txt", "2022-01-13 meeting occurred b.txt"},
		},
		{
			name: "two merged events that turn out to be one merge too",
			lists: [][]events.Event{
				{ev(meeting, "2022-01-12", planned, "a.txt", "2021-12-30", 0, "Russia", "NATO")},
				{ev(meeting, "2022-01-12", occurred, "b.txt", "2022-01-10", 0, "NATO-Russia Council")},
				{ev(meeting, "2022-01-12", occurred, "c.txt", "2022-01-13", 0, "Russia", "NATO-Russia Council")},
			},
			want: []string{"2022-01-12 meeting occurred a.txt,b.txt,c.txt"},
		},
		{
			name: "occurred wins over planned",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", planned, "a.txt", "2021-12-29", 0, "Joe Biden")},
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden")},
			},
			want: []string{"2021-12-30 call occurred a.txt,b.txt"},
		},
		{
			name: "occurred stays when a later report still calls it planned",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden")},
				{ev(call, "2021-12-30", planned, "a.txt", "2021-12-29", 0, "Joe Biden")},
			},
			want: []string{"2021-12-30 call occurred a.txt,b.txt"},
		},
		{
			name: "sources are sorted by publication date, not by input order",
			lists: [][]events.Event{
				{ev(call, "2021-12-30", occurred, "z-late.txt", "2022-01-02", 0, "Joe Biden")},
				{ev(call, "2021-12-30", planned, "y-early.txt", "2021-12-28", 0, "Joe Biden")},
				{ev(call, "2021-12-30", occurred, "x-middle.txt", "2021-12-31", 0, "Joe Biden")},
			},
			want: []string{"2021-12-30 call occurred y-early.txt,x-middle.txt,z-late.txt"},
		},
		{
			name: "events of one article are never merged with each other",
			lists: [][]events.Event{{
				ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"),
				ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 100, "Joe Biden"),
			}},
			want: []string{
				"2021-12-30 call occurred a.txt",
				"2021-12-30 call occurred a.txt",
			},
		},
		{
			name: "another article's report joins only one of two events one article told apart",
			lists: [][]events.Event{
				{
					ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"),
					ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 100, "Joe Biden"),
				},
				{ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden")},
			},
			want: []string{
				"2021-12-30 call occurred a.txt,b.txt",
				"2021-12-30 call occurred a.txt",
			},
		},
		{
			name: "statements merge for the same first speaker on the same day saying the same thing",
			lists: [][]events.Event{
				{withSentence(ev(statement, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Dmitry Peskov", "Joe Biden"), `Peskov said Moscow is "in the mood for a conversation" with Washington.`)},
				{withSentence(ev(statement, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Dmitry Peskov"), `The Kremlin is "in the mood for a conversation", Peskov told reporters.`)},
			},
			want: []string{"2021-12-30 statement occurred a.txt,b.txt"},
		},
		{
			name: "statements by the same speaker on the same day saying different things stay apart",
			lists: [][]events.Event{
				{withSentence(ev(statement, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Dmitry Peskov"), "Peskov said the call was Putin's initiative.")},
				{withSentence(ev(statement, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Dmitry Peskov"), "Peskov said Moscow expected no breakthrough in Geneva.")},
			},
			want: []string{"2021-12-30 statement occurred a.txt", "2021-12-30 statement occurred b.txt"},
		},
		{
			name: "statements by different first speakers stay apart even with a shared actor",
			lists: [][]events.Event{
				{ev(statement, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Dmitry Peskov", "Joe Biden")},
				{ev(statement, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Joe Biden", "Dmitry Peskov")},
			},
			want: []string{
				"2021-12-30 statement occurred a.txt",
				"2021-12-30 statement occurred b.txt",
			},
		},
		{
			name: "statements on a month and a day of it stay apart",
			lists: [][]events.Event{
				{ev(statement, "2021-12", occurred, "a.txt", "2021-12-30", 0, "Dmitry Peskov")},
				{ev(statement, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Dmitry Peskov")},
			},
			want: []string{
				"2021-12 statement occurred a.txt",
				"2021-12-30 statement occurred b.txt",
			},
		},
		{
			name: "statements without a speaker never merge",
			lists: [][]events.Event{
				{withPlace(ev(statement, "2021-12-30", occurred, "a.txt", "2021-12-30", 0), "Moscow")},
				{withPlace(ev(statement, "2021-12-30", occurred, "b.txt", "2021-12-31", 0), "Moscow")},
			},
			want: []string{
				"2021-12-30 statement occurred a.txt",
				"2021-12-30 statement occurred b.txt",
			},
		},
		{
			name:  "no events make no chronology",
			lists: [][]events.Event{nil, {}},
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaries(chronology.Merge(tt.lists...))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Merge:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

func withSentence(e events.Event, sentence string) events.Event {
	e.Sources[0].Sentence = sentence
	return e
}

func withPlace(e events.Event, place string) events.Event {
	e.Place = place
	return e
}

func TestMergeOrder(t *testing.T) {
	tests := []struct {
		name  string
		dates []string // the input, one event each
		want  []string // the dates in chronology order
	}{
		{
			name:  "events are ordered by date",
			dates: []string{"2022-01-12", "2021-12-07", "2022-01-10"},
			want:  []string{"2021-12-07", "2022-01-10", "2022-01-12"},
		},
		{
			name:  "a month comes before the days of that month",
			dates: []string{"2021-12-30", "2021-12-01", "2021-12"},
			want:  []string{"2021-12", "2021-12-01", "2021-12-30"},
		},
		{
			name:  "a year comes before its months and a quarter before its days",
			dates: []string{"2021-10-01", "2021-Q4", "2021-01", "2021"},
			want:  []string{"2021", "2021-01", "2021-Q4", "2021-10-01"},
		},
		{
			name:  "a week comes before its first day and after the day before it",
			dates: []string{"2021-12-27", "2021-W52", "2021-12-26"},
			want:  []string{"2021-12-26", "2021-W52", "2021-12-27"},
		},
		{
			name:  "time of day orders events within a day, after the day itself",
			dates: []string{"2021-12-30T20:30", "2021-12-30T09:05", "2021-12-30", "2021-12-31"},
			want:  []string{"2021-12-30", "2021-12-30T09:05", "2021-12-30T20:30", "2021-12-31"},
		},
		{
			name:  "undated and unparseable values come last",
			dates: []string{"", "PAST_REF", "2022-01-10", "XXXX-WXX-6", "2021"},
			want:  []string{"2021", "2022-01-10", "", "PAST_REF", "XXXX-WXX-6"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var list []events.Event
			for i, d := range tt.dates {
				// One article, so nothing merges; titles order the undated.
				e := ev(call, d, occurred, "a.txt", "2022-01-13", 100*i, "Joe Biden")
				e.Title = fmt.Sprintf("event %d", i)
				list = append(list, e)
			}
			var got []string
			for _, e := range chronology.Merge(list) {
				got = append(got, string(e.Date))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("order:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

func TestMergeIDs(t *testing.T) {
	tests := []struct {
		name string
		list []events.Event
		want []string
	}{
		{
			name: "an ID is the date, the type and the surnames",
			list: []events.Event{ev(call, "2021-12-30T20:30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden", "Vladimir Putin")},
			want: []string{"2021-12-30-call-biden-putin"},
		},
		{
			name: "an organisation and a country keep their whole names",
			list: []events.Event{withKinds(ev(meeting, "2022-01-12", occurred, "a.txt", "2022-01-12", 0, "NATO-Russia Council", "United States"), events.Organisation, events.Country)},
			want: []string{"2022-01-12-meeting-nato-russia-council-united-states"},
		},
		{
			name: "at most three parties are named",
			list: []events.Event{ev(meeting, "2022-01", planned, "a.txt", "2021-12-30", 0, "Joe Biden", "Vladimir Putin", "Olaf Scholz", "Emmanuel Macron")},
			want: []string{"2022-01-meeting-biden-putin-scholz"},
		},
		{
			name: "without actors the place names the event",
			list: []events.Event{withPlace(ev(meeting, "2022-01-10", occurred, "a.txt", "2022-01-10", 0), "Genève")},
			want: []string{"2022-01-10-meeting-geneve"},
		},
		{
			name: "accents are folded and punctuation becomes single hyphens",
			list: []events.Event{ev(statement, "2022-01-13", occurred, "a.txt", "2022-01-13", 0, "José Manuel Albarés", "Zbigniew O'Rau")},
			want: []string{"2022-01-13-statement-albares-o-rau"},
		},
		{
			name: "an undated event is named undated",
			list: []events.Event{ev(warning, "", occurred, "a.txt", "2022-01-13", 0, "Joe Biden")},
			want: []string{"undated-warning-biden"},
		},
		{
			name: "a week or a week-end keeps its whole value",
			list: []events.Event{
				ev(visit, "2021-W52", planned, "a.txt", "2021-12-20", 0, "Antony Blinken"),
				ev(visit, "2021-W52-WE", planned, "a.txt", "2021-12-20", 100, "Antony Blinken"),
			},
			want: []string{"2021-w52-visit-blinken", "2021-w52-we-visit-blinken"},
		},
		{
			name: "events that share a base are told apart by a hash of their article and sentence",
			list: []events.Event{
				said(ev(call, "2021-12-30T09:00", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"), "Biden called at nine."),
				said(ev(call, "2021-12-30T20:30", occurred, "a.txt", "2021-12-30", 100, "Joe Biden"), "Biden called again at 20:30."),
			},
			want: []string{"2021-12-30-call-biden-6889c8", "2021-12-30-call-biden"},
		},
		{
			name: "of events that share a base the earliest published keeps it",
			list: []events.Event{
				ev(call, "2021-12-30T09:00", occurred, "a.txt", "2021-12-31", 0, "Joe Biden"),
				ev(call, "2021-12-30T20:30", occurred, "b.txt", "2021-12-30", 0, "Joe Biden"),
			},
			want: []string{"2021-12-30-call-biden-1d4021", "2021-12-30-call-biden"},
		},
		{
			name: "events told in one sentence stay unique",
			list: []events.Event{
				ev(call, "2021-12-30T09:00", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"),
				ev(call, "2021-12-30T12:00", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"),
				ev(call, "2021-12-30T20:30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"),
			},
			want: []string{"2021-12-30-call-biden", "2021-12-30-call-biden-1d4021", "2021-12-30-call-biden-1d4021-2"},
		},
		{
			name: "two anchors whose hashes collide still get unique IDs",
			list: []events.Event{
				said(ev(call, "2021-12-30T08:00", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"), "A call."),
				// Both sentences hash to fdd51b.
				said(ev(call, "2021-12-30T09:00", occurred, "a.txt", "2021-12-30", 100, "Joe Biden"), "Biden spoke with Putin, statement 448."),
				said(ev(call, "2021-12-30T10:00", occurred, "a.txt", "2021-12-30", 200, "Joe Biden"), "Biden spoke with Putin, statement 6318."),
			},
			want: []string{"2021-12-30-call-biden", "2021-12-30-call-biden-fdd51b", "2021-12-30-call-biden-fdd51b-2"},
		},
		{
			name: "a natural ID that looks like a hashed one keeps it",
			list: []events.Event{
				said(ev(call, "2021-12-30T09:00", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"), "A call."),
				ev(call, "2021-12-30T20:30", occurred, "a.txt", "2021-12-30", 100, "Joe Biden"),
				withPlace(ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 200), "Biden 1d4021"),
			},
			want: []string{"2021-12-30-call-biden-1d4021", "2021-12-30-call-biden", "2021-12-30-call-biden-1d4021-2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(chronology.Merge(tt.list))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("IDs:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

const (
	warning = events.Warning
	visit   = events.Visit
)

// said sets the evidence sentence of a one-source event.
func said(e events.Event, sentence string) events.Event {
	e.Sources[0].Sentence = sentence
	return e
}

func ids(list []events.Event) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.ID)
	}
	return out
}

func TestMergeIDsAreStable(t *testing.T) {
	a := []events.Event{
		ev(call, "2021-12-30T20:30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden", "Vladimir Putin"),
		ev(statement, "2021-12-30", occurred, "a.txt", "2021-12-30", 100, "Dmitry Peskov"),
	}
	b := []events.Event{
		ev(meeting, "2022-01-10", planned, "b.txt", "2021-12-31", 0, "Wendy Sherman", "Sergei Ryabkov"),
		ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 100, "Joe Biden"),
	}
	first := ids(chronology.Merge(a, b))
	t.Run("the same articles give the same IDs on every run", func(t *testing.T) {
		for range 5 {
			if got := ids(chronology.Merge(a, b)); !reflect.DeepEqual(got, first) {
				t.Fatalf("IDs changed between runs:\n got  %q\n want %q", got, first)
			}
		}
	})
	t.Run("reading the articles in another order gives the same IDs", func(t *testing.T) {
		if got := ids(chronology.Merge(b, a)); !reflect.DeepEqual(got, first) {
			t.Errorf("IDs depend on input order:\n got  %q\n want %q", got, first)
		}
	})
	t.Run("a later report of another event with the same base leaves existing IDs alone", func(t *testing.T) {
		// An earlier time of day sorted first and once took the base.
		c := []events.Event{said(ev(call, "2021-12-30T09:00", occurred, "c.txt", "2022-01-02", 0, "Joe Biden", "Vladimir Putin"), "Biden and Putin spoke in the morning too.")}
		got := ids(chronology.Merge(a, b, c))
		want := []string{"2021-12-30-statement-peskov", "2021-12-30-call-biden-putin-a50799", "2021-12-30-call-biden-putin", "2022-01-10-meeting-sherman-ryabkov"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("IDs:\n got  %q\n want %q", got, want)
		}
	})
	t.Run("a new article about a later event leaves earlier IDs alone", func(t *testing.T) {
		c := []events.Event{ev(meeting, "2022-01-13", occurred, "c.txt", "2022-01-13", 0, "Michael Carpenter")}
		got := ids(chronology.Merge(a, b, c))
		if !reflect.DeepEqual(got[:len(first)], first) {
			t.Errorf("IDs changed:\n got  %q\n want %q", got, first)
		}
	})
}

func TestMergeDoesNotModifyItsInput(t *testing.T) {
	a := []events.Event{ev(call, "2021-12-30", planned, "a.txt", "2021-12-29", 0, "Joe Biden")}
	b := []events.Event{ev(call, "2021-12-30T20:30", occurred, "b.txt", "2021-12-31", 0, "Vladimir Putin", "Joe Biden")}
	// Spare capacity would let a careless append write into the caller's arrays.
	a[0].Actors = append(make([]string, 0, 8), a[0].Actors...)
	a[0].Sources = append(make([]events.Source, 0, 8), a[0].Sources...)
	before := deepCopy(a, b)
	out := chronology.Merge(a, b)
	if len(out) != 1 {
		t.Fatalf("Merge made %d events, want 1", len(out))
	}
	out[0].Actors[0] = "changed"
	out[0].Sources[0].Article = "changed"
	if after := deepCopy(a, b); !reflect.DeepEqual(after, before) {
		t.Errorf("Merge modified its input:\n got  %+v\n want %+v", after, before)
	}
	if full := a[0].Actors[:cap(a[0].Actors)]; full[1] != "" {
		t.Errorf("Merge appended into the caller's actors: %q", full)
	}
}

func deepCopy(lists ...[]events.Event) [][]events.Event {
	var out [][]events.Event
	for _, l := range lists {
		var c []events.Event
		for _, e := range l {
			e.Actors = append([]string(nil), e.Actors...)
			e.Sources = append([]events.Source(nil), e.Sources...)
			c = append(c, e)
		}
		out = append(out, c)
	}
	return out
}

// BenchmarkMerge merges 3,000 statements from 300 articles, none the
// same: once the worst case of a pairwise search, now one look-up each.
func BenchmarkMerge(b *testing.B) {
	var lists [][]events.Event
	for a := 0; a < 300; a++ {
		var list []events.Event
		for k := 0; k < 10; k++ {
			date := fmt.Sprintf("2021-%02d-%02d", 1+k%12, 1+a%28)
			list = append(list, ev(statement, date, occurred, fmt.Sprintf("a%d.txt", a), date, 0, fmt.Sprintf("Person %d", a*10+k)))
		}
		lists = append(lists, list)
	}
	b.ReportAllocs()
	for b.Loop() {
		chronology.Merge(lists...)
	}
	b.ReportMetric(3000*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
