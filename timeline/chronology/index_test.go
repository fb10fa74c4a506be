package chronology

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/timex"
)

// TestLookInCoversCompatible checks the index against timex.Compatible
// itself, so that a change there cannot make the index miss a match: for
// every pair of values it accepts, the look-up plan of one finds the other.
func TestLookInCoversCompatible(t *testing.T) {
	var values []string
	for y := 2020; y <= 2022; y++ {
		values = append(values, fmt.Sprint(y), fmt.Sprintf("%d-H1", y), fmt.Sprintf("%d-H2", y))
		for _, p := range []string{"Q1", "Q2", "Q3", "Q4", "SP", "SU", "FA", "WI"} {
			values = append(values, fmt.Sprintf("%d-%s", y, p))
		}
		for m := 1; m <= 12; m++ {
			values = append(values, fmt.Sprintf("%d-%02d", y, m))
		}
		for _, w := range []int{1, 2, 5, 9, 13, 14, 22, 26, 27, 35, 39, 40, 48, 52, 53} {
			for _, s := range []string{"", "-WE", "-1", "-5", "-7", "-X"} {
				values = append(values, fmt.Sprintf("%d-W%02d%s", y, w, s))
			}
		}
	}
	for _, span := range [][2]string{{"2020-02-24", "2020-03-03"}, {"2020-12-25", "2021-01-06"}, {"2021-05-28", "2021-06-03"}, {"2021-12-25", "2022-01-06"}} {
		from, _ := time.Parse("2006-01-02", span[0])
		to, _ := time.Parse("2006-01-02", span[1])
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			day := d.Format("2006-01-02")
			values = append(values, day, day+"T09:30", day+"TMO", day+"TEV")
		}
	}
	values = append(values, "", "PAST_REF", "FUTURE_REF", "XXXX-WXX-6", "P3D", "20", "202", "2021-12-30T20:30:15", "T20:30", "-01")
	for _, a := range values {
		at, under := lookIn(a)
		for _, b := range values {
			if !timex.Compatible(a, b) {
				continue
			}
			found := slices.Contains(at, b)
			for _, r := range refined(b) {
				found = found || slices.Contains(under, r)
			}
			if !found {
				t.Errorf("the look-up for %q misses %q, which timex.Compatible accepts", a, b)
			}
		}
	}
}
