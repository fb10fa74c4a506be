package events_test

import (
	"fmt"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

func ExampleExtract() {
	text := "Leaders hold call\n\nDecember 30, 2021\n\n" +
		"Joe Biden and Vladimir Putin will speak by phone on Thursday at 20:30 GMT, the White House said.\n\n" +
		"Kremlin spokesman Dmitry Peskov told reporters that the call was Putin's initiative.\n"
	a, err := article.Parse("call.txt", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events.Extract(a) {
		fmt.Printf("%s %s %s: %s %q\n", e.Date, e.Type, e.Status, e.Title, e.Actors)
	}
	// Output:
	// 2021-12-30T20:30Z call planned: Joe Biden and Vladimir Putin hold a phone call ["Joe Biden" "Vladimir Putin"]
	// 2021-12-30 statement occurred: United States makes a statement ["United States"]
	// 2021-12-30 statement occurred: Dmitry Peskov says the call was Putin's initiative ["Dmitry Peskov"]
}

// The descriptor table holds each event type's words and label; the site
// lists the types in its order.
func ExampleDescriptors() {
	for _, d := range events.Descriptors {
		fmt.Printf("%-9s %-9s %s\n", d.Type, d.Label, d.Nouns[0])
	}
	// Output:
	// call      Call      call
	// meeting   Meeting   talks
	// statement Statement statement
	// warning   Warning   warning
	// visit     Visit     visit
	// agreement Agreement agreement
	// demand    Demand    demand
}

// Each actor has its kind, parallel to the actors.
func ExampleEvent_KindOf() {
	a, err := article.Parse("call.txt", []byte("Call\n\nDecember 30, 2021\n\nRussia and Joe Biden spoke by phone on Tuesday.\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events.Extract(a) {
		for _, name := range e.Actors {
			fmt.Printf("%s: %s\n", name, e.KindOf(name).Label())
		}
	}
	// Output:
	// Russia: Country
	// Joe Biden: Person
}
