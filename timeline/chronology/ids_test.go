package chronology

import (
	"bytes"
	"fmt"
	"github.com/timelinehq/timeline/timeline/timex"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/internal/testshared"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

func TestBaseIsTheOldID(t *testing.T) {
	var all []events.Event
	add := func(lists [][]events.Event) {
		for _, l := range lists {
			all = append(all, l...)
		}
	}
	add(extractDir(t, "../../content"))
	if _, err := os.Stat(meantime); err == nil || testshared.InCI() {
		add(extractDir(t, meantime))
	}
	for seed := range uint64(50) {
		add(randomLists(seed))
	}
	add(newsLists(100, 3))
	odd := []string{"İNDIA", "UNİTED States", "Ministry of ſtates", "José Manuel Albarés", "Zbigniew O'Rau", "\xff\xfe Bad", "  ", "-", "Kelvin \u212a", "NATO-Russia Council", "A B C D"}
	for _, a := range odd {
		all = append(all, events.Event{Type: events.Call, Date: "2021-12-30", Actors: []string{a}}, events.Event{Type: events.Call, Place: a})
	}
	var sl slugger
	for _, e := range all {
		if got, want := base(&e, &sl), refBase(e); got != want {
			t.Errorf("base of %+v = %q, want %q", e, got, want)
		}
	}
}

func TestUnsharedIDsAreTheOldIDs(t *testing.T) {
	inputs := map[string][][]events.Event{
		"the sample":         extractDir(t, "../../content"),
		"generated news":     newsLists(2000, 4),
		"random lists 0-199": nil,
	}
	for seed := range uint64(200) {
		inputs["random lists 0-199"] = append(inputs["random lists 0-199"], randomLists(seed)...)
	}
	if _, err := os.Stat(meantime); err == nil || testshared.InCI() {
		inputs["MEANTIME"] = extractDir(t, meantime)
	}
	for name, lists := range inputs {
		t.Run("an event of "+name+" whose base no other shares keeps its old ID", func(t *testing.T) {
			got := Merge(lists...)
			old := copyLists([][]events.Event{got})[0]
			refAssignIDs(old)
			count := map[string]int{}
			var sl slugger
			for _, e := range got {
				count[base(&e, &sl)]++
			}
			n := 0
			for i, e := range got {
				if count[base(&e, &sl)] == 1 {
					n++
					if e.ID != old[i].ID {
						t.Errorf("%s was %s", e.ID, old[i].ID)
					}
				}
			}
			if n == 0 {
				t.Error("no event with a base of its own")
			}
		})
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Genève", "José Manuel Albarés", "Zbigniew O'Rau", "İstanbul", "\xff-x", "--a--", "ÀÉÎÕÜ ÿ", "Straße", "2021-W52-WE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slug(s), refSlug(s); got != want {
			t.Errorf("Slug(%q) = %q, want %q", s, got, want)
		}
	})
}

// byAnchor maps each event's ID to its earliest source's article and
// sentence, which say which event it is across builds.
func byAnchor(list []events.Event) map[string]string {
	out := map[string]string{}
	for _, e := range list {
		a := anchor(&e)
		out[a.Article+"\n"+a.Sentence] = e.ID
	}
	return out
}

// subset fails unless every event of before has the same ID in after.
func subset(t *testing.T, before, after map[string]string) {
	t.Helper()
	n := 0
	for k, id := range before {
		if after[k] != id {
			t.Errorf("the event anchored at %q was %s, now %q", k, id, after[k])
			if n++; n == 10 {
				return
			}
		}
	}
}

func TestIDsAreStable(t *testing.T) {
	seed := "../../content/2021-12-30-biden-putin-call.txt"
	t.Run("the seed's call keeps the contract ID", func(t *testing.T) {
		a, err := article.Read(seed)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range Merge(events.Extract(a)) {
			found = found || e.ID == "2021-12-30-call-biden-putin" && e.Type == events.Call
		}
		if !found {
			t.Error("no call 2021-12-30-call-biden-putin in the seed")
		}
	})
	t.Run("blank lines added between paragraphs move offsets but keep IDs", func(t *testing.T) {
		paths, _ := filepath.Glob("../../content/*.*")
		hashed := 0
		for _, p := range paths {
			if ext := filepath.Ext(p); ext != ".md" && ext != ".txt" {
				continue // curation.toml
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a, err := article.Parse(p, data)
			if err != nil {
				t.Fatal(err)
			}
			b, err := article.Parse(p, bytes.ReplaceAll(data, []byte("\n\n"), []byte("\n\n\n")))
			if err != nil {
				t.Fatal(err)
			}
			before, after := Merge(events.Extract(a)), Merge(events.Extract(b))
			if len(after) != len(before) {
				t.Fatalf("%s: %d events before, %d after", p, len(before), len(after))
			}
			if len(before) > 0 && before[len(before)-1].Sources[0].Start == after[len(after)-1].Sources[0].Start {
				t.Fatalf("%s: the edit moved no offset", p)
			}
			if !reflect.DeepEqual(ids(before), ids(after)) {
				t.Errorf("%s: IDs changed:\n before %q\n after  %q", p, ids(before), ids(after))
			}
			for _, id := range ids(before) {
				if len(id) > 7 && id[len(id)-7] == '-' && isHex(id[len(id)-6:]) {
					hashed++
				}
			}
		}
		if hashed == 0 {
			t.Error("no hashed ID in the sample: the test shows nothing")
		}
	})
	t.Run("adding the MEANTIME corpus changes no ID of the sample's events", func(t *testing.T) {
		testshared.Need(t, meantime)
		sample := extractDir(t, "../../content")
		subset(t, byAnchor(Merge(sample...)), byAnchor(Merge(append(sample, extractDir(t, meantime)...)...)))
	})
	t.Run("the content folder's name changes no ID", func(t *testing.T) {
		lists := newsLists(200, 5)
		moved := copyLists(lists)
		for _, l := range moved {
			for i := range l {
				for j := range l[i].Sources {
					l[i].Sources[j].Article = "/srv/archive/" + l[i].Sources[j].Article
				}
			}
		}
		if a, b := ids(Merge(lists...)), ids(Merge(moved...)); !reflect.DeepEqual(a, b) {
			t.Error("IDs depend on the folder")
		}
	})
	t.Run("an unrelated article changes no existing ID", func(t *testing.T) {
		lists := newsLists(1000, 9)
		var extra []events.Event
		for k := range 10 {
			e := events.Event{Type: events.Call, Status: events.Occurred, Date: timex.Value(fmt.Sprintf("2021-06-%02dT10:%02d", 1+k, k)), Actors: []string{fmt.Sprintf("Newcomer %d", k)}}
			e.Sources = []events.Source{{Article: "news/00500-extra.md", Published: "2021-06-15", Sentence: fmt.Sprintf("Newcomer %d called.", k), Start: 100 * k}}
			extra = append(extra, e)
		}
		more := append(append(append([][]events.Event{}, lists[:500]...), extra), lists[500:]...)
		subset(t, byAnchor(Merge(lists...)), byAnchor(Merge(more...)))
	})
	t.Run("unrelated articles in any order get the same IDs", func(t *testing.T) {
		// Every article reports a statement that day by another Smith:
		// one base, one title, no merges; the order of the lists was all
		// that told them apart.
		var lists [][]events.Event
		for a := range 30 {
			path := fmt.Sprintf("%02d.txt", a)
			lists = append(lists, []events.Event{{
				Type: events.Statement, Status: events.Occurred, Date: "2021-12-30", Title: "A Smith speaks",
				Actors:  []string{fmt.Sprintf("Person%d Smith", a)},
				Sources: []events.Source{{Article: path, Published: fmt.Sprintf("2021-12-%02d", 30-a%3), Sentence: "Smith spoke.", Start: 10 * a}},
			}})
		}
		want := byAnchor(Merge(lists...))
		if len(want) != 30 {
			t.Fatalf("%d events, want 30", len(want))
		}
		r := rand.New(rand.NewPCG(1, 2))
		for range 20 {
			r.Shuffle(len(lists), func(i, j int) { lists[i], lists[j] = lists[j], lists[i] })
			if got := byAnchor(Merge(lists...)); !reflect.DeepEqual(got, want) {
				t.Fatalf("IDs depend on the order of lists:\n got  %v\n want %v", got, want)
			}
		}
	})
}

func isHex(s string) bool {
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

func ids(list []events.Event) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.ID)
	}
	return out
}
