package chronology_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
)

// withKinds sets an event's actor kinds, parallel to its actors.
func withKinds(e events.Event, kinds ...events.Kind) events.Event {
	e.ActorKinds = kinds
	return e
}

func TestActorKinds(t *testing.T) {
	const person, country, org = events.Person, events.Country, events.Organisation
	t.Run("an ID names a person by surname and an organisation or a country whole", func(t *testing.T) {
		out := chronology.Merge([]events.Event{
			withKinds(ev(meeting, "2022-01-17", occurred, "a.txt", "2022-01-17", 0, "Vardhan Steel Ltd", "Joe Biden", "United States"), org, person, country),
		})
		if want := "2022-01-17-meeting-vardhan-steel-ltd-biden-united-states"; out[0].ID != want {
			t.Errorf("ID %s, want %s", out[0].ID, want)
		}
	})
	t.Run("an actor of unknown kind is named by its last word, or whole when its name is long", func(t *testing.T) {
		out := chronology.Merge([]events.Event{ev(meeting, "2022-01-17", occurred, "a.txt", "2022-01-17", 0, "Vardhan Steel Ltd", "Mohammed bin Salman Al Saud")})
		if want := "2022-01-17-meeting-ltd-mohammed-bin-salman-al-saud"; out[0].ID != want {
			t.Errorf("ID %s, want %s", out[0].ID, want)
		}
	})
	t.Run("a merged event keeps each actor's kind, parallel to its actors", func(t *testing.T) {
		out := chronology.Merge(
			[]events.Event{withKinds(ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"), person)},
			[]events.Event{withKinds(ev(call, "2021-12-30", occurred, "b.txt", "2021-12-31", 0, "Vladimir Putin", "Joe Biden", "Russia"), person, "", country)},
		)
		if len(out) != 1 {
			t.Fatalf("%d events, want one", len(out))
		}
		if want := []events.Kind{person, person, country}; !slices.Equal(out[0].ActorKinds, want) || len(out[0].Actors) != 3 {
			t.Errorf("actors %q with kinds %q, want kinds %q", out[0].Actors, out[0].ActorKinds, want)
		}
	})
	t.Run("an actor whose sources do not say its kind takes the kind other events give its name", func(t *testing.T) {
		out := chronology.Merge(
			[]events.Event{withKinds(ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Globex Corp"), org)},
			[]events.Event{ev(visit, "2022-02-01", occurred, "b.txt", "2022-02-01", 0, "Globex Corp")},
		)
		for _, e := range out {
			if e.KindOf("Globex Corp") != org {
				t.Errorf("%s: Globex Corp is %q, want an organisation", e.ID, e.KindOf("Globex Corp"))
			}
		}
		// The ID is made from the event's own kinds, so that it does not
		// depend on other articles.
		if e := byID(out, "2022-02-01-visit-corp"); e == nil {
			t.Errorf("the visit's ID is not made from its own kinds: %v", summaries(out))
		}
	})
	t.Run("a curation entry that names an ID made before kinds finds the event, and says so", func(t *testing.T) {
		list := chronology.Merge([]events.Event{
			withKinds(ev(events.Agreement, "2022-01-17", occurred, "a.txt", "2022-01-17", 0, "Vardhan Steel Ltd"), org),
		})
		out, probs := curate(t, "[[event]]\nid = \"2022-01-17-agreement-ltd\"\npin = true\n", list)
		if len(out) != 1 || !out[0].Pinned || len(probs) != 1 || !strings.Contains(probs[0], "is now 2022-01-17-agreement-vardhan-steel-ltd") {
			t.Errorf("old ID not found as it should be: %v, problems %q", summaries(out), probs)
		}
	})
	t.Run("actors an editor sets keep the kinds of the names kept and take the chronology's for others", func(t *testing.T) {
		list := chronology.Merge(
			[]events.Event{withKinds(ev(call, "2021-12-30", occurred, "a.txt", "2021-12-30", 0, "Joe Biden"), person)},
			[]events.Event{withKinds(ev(visit, "2022-02-01", occurred, "b.txt", "2022-02-01", 0, "Russia"), country)},
		)
		toml := "[[event]]\nid = \"2021-12-30-call-biden\"\nactors = [\"Russia\", \"Joe Biden\", \"Olaf Scholz\"]\n" +
			"[[add]]\ndate = \"2022-03-01\"\ntype = \"visit\"\ntitle = \"A visit\"\nactors = [\"Joe Biden\"]\n"
		out, probs := curate(t, toml, list)
		if e := byID(out, "2021-12-30-call-biden"); e == nil || !slices.Equal(e.ActorKinds, []events.Kind{country, person, ""}) {
			t.Errorf("edited event: %+v, problems %q", e, probs)
		}
		if e := byID(out, "2022-03-01-visit-biden"); e == nil || !slices.Equal(e.ActorKinds, []events.Kind{person}) {
			t.Errorf("added event: %+v, problems %q", e, probs)
		}
	})
}
