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
