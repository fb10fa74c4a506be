package chronology_test

import (
	"github.com/timelinehq/timeline/timeline/timex"
	"reflect"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
)

// curationChronology is a small merged chronology: a call on a day that
// an earlier report knew only to the month, a meeting reported by two
// articles and a statement.
func curationChronology() []events.Event {
	return chronology.Merge(
		[]events.Event{ev(call, "2021-12", occurred, "a.txt", "2021-12-02", 0, "Joe Biden", "Vladimir Putin")},
		[]events.Event{
			ev(call, "2021-12-07", occurred, "b.txt", "2021-12-08", 0, "Joe Biden", "Vladimir Putin"),
			ev(meeting, "2022-01-10", occurred, "b.txt", "2021-12-08", 100, "Wendy Sherman", "Sergei Ryabkov"),
		},
		[]events.Event{
			ev(meeting, "2022-01-10", occurred, "c.txt", "2022-01-10", 0, "Wendy Sherman"),
			ev(statement, "2022-01-10", occurred, "c.txt", "2022-01-10", 100, "Sergei Ryabkov"),
		},
	)
}

func curate(t *testing.T, toml string, list []events.Event) ([]events.Event, []string) {
	t.Helper()
	c, probs := chronology.ParseCuration("content/curation.toml", []byte(toml))
	out, more := chronology.Curate(list, c)
	var msgs []string
	for _, p := range append(probs, more...) {
		msgs = append(msgs, p.String())
	}
	return out, msgs
}

func byID(list []events.Event, id string) *events.Event {
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

func TestCurate(t *testing.T) {
	base := curationChronology()
	var ids []string
	for _, e := range base {
		ids = append(ids, e.ID)
	}
	if want := []string{"2021-12-07-call-biden-putin", "2022-01-10-meeting-sherman-ryabkov", "2022-01-10-statement-ryabkov"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("the chronology to curate has IDs %q, want %q", ids, want)
	}
	t.Run("hide removes the event", func(t *testing.T) {
		out, probs := curate(t, "[[event]]\nid = \"2022-01-10-statement-ryabkov\"\nhide = true\n", base)
		if len(out) != 2 || byID(out, "2022-01-10-statement-ryabkov") != nil || len(probs) > 0 {
			t.Errorf("got %d events, problems %q", len(out), probs)
		}
	})
	t.Run("corrected fields replace the machine's and are listed in curated", func(t *testing.T) {
		out, probs := curate(t, `[[event]]
id = "2021-12-07-call-biden-putin"
type = "meeting"
date = "2021-12-08"
mod = "approx"
title = "Biden and Putin meet"
actors = ["Joe Biden"]
place = "Geneva"
status = "planned"
`, base)
		e := byID(out, "2021-12-07-call-biden-putin")
		if e == nil || len(probs) > 0 {
			t.Fatalf("the ID changed with the date, or problems: %q", probs)
		}
		got := []any{e.Type, e.Date, e.Mod, e.Title, e.Actors, e.Place, e.Status, e.Curated}
		want := []any{events.Meeting, timex.Value("2021-12-08"), "APPROX", "Biden and Putin meet", []string{"Joe Biden"}, "Geneva", events.Planned,
			[]string{"actors", "date", "mod", "place", "status", "title", "type"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("a corrected date moves the event in the order", func(t *testing.T) {
		out, _ := curate(t, "[[event]]\nid = \"2021-12-07-call-biden-putin\"\ndate = \"2022-02\"\n", base)
		if out[len(out)-1].ID != "2021-12-07-call-biden-putin" {
			t.Errorf("the event moved to February is not last: %v", summaries(out))
		}
	})
	t.Run("pin marks a key moment", func(t *testing.T) {
		out, _ := curate(t, "[[event]]\nid = \"2022-01-10-statement-ryabkov\"\npin = true\n", base)
		if e := byID(out, "2022-01-10-statement-ryabkov"); e == nil || !e.Pinned || e.Curated != nil {
			t.Errorf("got %+v", e)
		}
	})
	t.Run("merge joins the later events into the first, which keeps its ID", func(t *testing.T) {
		out, probs := curate(t, "[[merge]]\nids = [\"2022-01-10-meeting-sherman-ryabkov\", \"2022-01-10-statement-ryabkov\"]\n", base)
		e := byID(out, "2022-01-10-meeting-sherman-ryabkov")
		if len(out) != 2 || e == nil || len(e.Sources) != 3 || !reflect.DeepEqual(e.Curated, []string{"merged"}) || len(probs) > 0 {
			t.Errorf("got %v, problems %q", summaries(out), probs)
		}
	})
	t.Run("an entry for an event merged away finds the event it joined", func(t *testing.T) {
		out, probs := curate(t, "[[merge]]\nids = [\"2022-01-10-meeting-sherman-ryabkov\", \"2022-01-10-statement-ryabkov\"]\n[[event]]\nid = \"2022-01-10-statement-ryabkov\"\npin = true\n", base)
		if e := byID(out, "2022-01-10-meeting-sherman-ryabkov"); e == nil || !e.Pinned || len(probs) > 0 {
			t.Errorf("got %+v, problems %q", e, probs)
		}
	})
	t.Run("split moves one article's sentences into an event of their own", func(t *testing.T) {
		out, probs := curate(t, "[[split]]\nid = \"2022-01-10-meeting-sherman-ryabkov\"\narticles = [\"c.txt\"]\n", base)
		if len(out) != 4 || len(probs) > 0 {
			t.Fatalf("got %v, problems %q", summaries(out), probs)
		}
		e := byID(out, "2022-01-10-meeting-sherman-ryabkov")
		var split *events.Event
		for i := range out {
			if strings.HasPrefix(out[i].ID, "2022-01-10-meeting-sherman-ryabkov-") {
				split = &out[i]
			}
		}
		if e == nil || split == nil || summary(*e) != "2022-01-10 meeting occurred b.txt" || summary(*split) != "2022-01-10 meeting occurred c.txt" ||
			!reflect.DeepEqual(split.Curated, []string{"split"}) {
			t.Errorf("got %v", summaries(out))
		}
	})
	t.Run("add makes an event with its source URL and quote", func(t *testing.T) {
		out, probs := curate(t, `[[add]]
date = "2022-01-19"
type = "visit"
title = "Antony Blinken visits Kyiv"
actors = ["Antony Blinken"]
place = "Kyiv"
url = "https://example.org/blinken"
quote = "Blinken arrived in Kyiv."
pin = true
`, base)
		e := byID(out, "2022-01-19-visit-blinken")
		if e == nil || len(probs) > 0 {
			t.Fatalf("no event 2022-01-19-visit-blinken in %v; problems %q", summaries(out), probs)
		}
		if e.Status != "occurred" || !e.Pinned || len(e.Sources) != 1 || e.Sources[0].URL != "https://example.org/blinken" ||
			e.Sources[0].Sentence != "Blinken arrived in Kyiv." || !reflect.DeepEqual(e.Curated, []string{"added"}) || out[len(out)-1].ID != e.ID {
			t.Errorf("got %+v", *e)
		}
	})
	t.Run("an article's front matter hides what it reports", func(t *testing.T) {
		c := &chronology.Curation{Hides: []chronology.HideInArt{
			{Article: "content/c.txt", Line: 5, IDs: []string{"2022-01-10-meeting-sherman-ryabkov", "2022-01-10-statement-ryabkov"}},
		}}
		out, probs := chronology.Curate(base, c)
		e := byID(out, "2022-01-10-meeting-sherman-ryabkov")
		if len(out) != 2 || e == nil || summary(*e) != "2022-01-10 meeting occurred b.txt" || len(probs) > 0 {
			t.Errorf("got %v, problems %v", summaries(out), probs)
		}
	})
	t.Run("a stale ID is reported with its line and the rest still applies", func(t *testing.T) {
		out, probs := curate(t, "[[event]]\nid = \"2020-01-01-call-nobody\"\nhide = true\n\n[[event]]\nid = \"2022-01-10-statement-ryabkov\"\nhide = true\n", base)
		if len(out) != 2 || len(probs) != 1 || !strings.HasPrefix(probs[0], "content/curation.toml:1: no event has the ID 2020-01-01-call-nobody") {
			t.Errorf("got %v, problems %q", summaries(out), probs)
		}
	})
	t.Run("the old month ID of an event a day report narrowed still applies, and is reported", func(t *testing.T) {
		out, probs := curate(t, "[[event]]\nid = \"2021-12-call-biden-putin\"\npin = true\n", base)
		if e := byID(out, "2021-12-07-call-biden-putin"); e == nil || !e.Pinned {
			t.Errorf("the entry did not apply: %+v", e)
		}
		if len(probs) != 1 || !strings.Contains(probs[0], "2021-12-call-biden-putin is now 2021-12-07-call-biden-putin") {
			t.Errorf("problems %q", probs)
		}
	})
	t.Run("invalid fields are reported at their lines and the entry is left out", func(t *testing.T) {
		out, probs := curate(t, `[[event]]
id = "2022-01-10-statement-ryabkov"
type = "phonecall"
date = "December 7"
mod = "sometime"
status = "maybe"
actors = "Joe Biden"
hide = "yes"
colour = "red"

[[add]]
title = "No date"
type = "visit"

[[merge]]
ids = ["2022-01-10-statement-ryabkov"]
`, base)
		want := []string{
			`content/curation.toml:3: type "phonecall" is not one of`,
			`content/curation.toml:4: date "December 7" is not a TIMEX3 date`,
			`content/curation.toml:5: mod "SOMETIME" is not one of`,
			`content/curation.toml:6: status "maybe" is neither occurred nor planned`,
			`content/curation.toml:7: actors must be a list of text`,
			`content/curation.toml:8: hide must be true or false`,
			`content/curation.toml:9: unknown field "colour" in [[event]]`,
			`content/curation.toml:11: [[add]] needs a date, a type and a title`,
			`content/curation.toml:15: [[merge]] needs ids = [...] with two events or more`,
		}
		if len(probs) != len(want) {
			t.Fatalf("got problems\n  %s", strings.Join(probs, "\n  "))
		}
		for i := range want {
			if !strings.HasPrefix(probs[i], want[i]) {
				t.Errorf("problem %d = %q, want it to start %q", i, probs[i], want[i])
			}
		}
		if len(out) != 3 {
			t.Errorf("an invalid entry applied: %v", summaries(out))
		}
	})
	t.Run("a file that is not TOML is one problem and changes nothing", func(t *testing.T) {
		out, probs := curate(t, "[[event]\nid = \n", base)
		if len(probs) != 1 || !strings.Contains(probs[0], "not valid TOML") || !reflect.DeepEqual(out, base) {
			t.Errorf("problems %q", probs)
		}
	})
	t.Run("curating does not modify its input", func(t *testing.T) {
		before := curationChronology()
		curate(t, "[[event]]\nid = \"2021-12-07-call-biden-putin\"\nactors = [\"X\"]\n[[merge]]\nids = [\"2022-01-10-meeting-sherman-ryabkov\", \"2022-01-10-statement-ryabkov\"]\n", base)
		if !reflect.DeepEqual(base, before) {
			t.Error("Curate modified its input")
		}
	})
}
