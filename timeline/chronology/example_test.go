package chronology_test

import (
	"fmt"

	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
)

func ExampleMerge() {
	// An article of December 29th announces the call for the next day.
	before := []events.Event{{
		Type: events.Call, Status: events.Planned, Date: "2021-12-30",
		Title:   "Joe Biden and Vladimir Putin to hold a phone call",
		Actors:  []string{"Joe Biden", "Vladimir Putin"},
		Sources: []events.Source{{Article: "content/preview.txt", Published: "2021-12-29", Start: 120, End: 240}},
	}}
	// An article of December 31st reports it, with the time, and what the
	// Kremlin said afterwards.
	after := []events.Event{
		{
			Type: events.Statement, Status: events.Occurred, Date: "2021-12-31",
			Title:   "Yuri Ushakov says the call was frank",
			Actors:  []string{"Yuri Ushakov"},
			Sources: []events.Source{{Article: "content/report.md", Published: "2021-12-31", Start: 800, End: 900}},
		},
		{
			Type: events.Call, Status: events.Occurred, Date: "2021-12-30T20:35",
			Title:   "Joe Biden and Vladimir Putin hold a phone call",
			Actors:  []string{"Vladimir Putin", "Joe Biden"},
			Sources: []events.Source{{Article: "content/report.md", Published: "2021-12-31", Start: 0, End: 150}},
		},
	}
	for _, e := range chronology.Merge(after, before) {
		fmt.Printf("%-33s %-16s %-8s cited %dx, first by %s\n", e.ID, e.Date, e.Status, len(e.Sources), e.Sources[0].Article)
	}
	// Output:
	// 2021-12-30-call-putin-biden       2021-12-30T20:35 occurred cited 2x, first by content/preview.txt
	// 2021-12-31-statement-ushakov      2021-12-31       occurred cited 1x, first by content/report.md
}
