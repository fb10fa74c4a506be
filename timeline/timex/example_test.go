package timex_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline/timex"
)

func ExampleTag() {
	published := time.Date(2021, 12, 30, 0, 0, 0, 0, time.UTC) // a Thursday
	text := "Biden and Putin spoke on Wednesday and will hold talks in Geneva in January. " +
		"Their phone call Thursday began at 20:30 GMT and lasted almost an hour."
	for _, t := range timex.Tag(text, published) {
		line := fmt.Sprintf("%q %s %s %s", t.Text, t.Type, t.Value, t.Mod)
		fmt.Println(strings.TrimSpace(line))
	}
	// Output:
	// "Wednesday" DATE 2021-12-29
	// "January" DATE 2022-01
	// "Thursday" DATE 2021-12-30
	// "20:30 GMT" TIME 2021-12-30T20:30Z
	// "almost an hour" DURATION PT1H LESS_THAN
}

func ExamplePrecision() {
	for _, v := range []string{"2021-12-30", "2021-12", "2021-W52", "P3D", "PAST_REF"} {
		fmt.Println(v, timex.Precision(v))
	}
	// Output:
	// 2021-12-30 day
	// 2021-12 month
	// 2021-W52 week
	// P3D duration
	// PAST_REF vague
}
