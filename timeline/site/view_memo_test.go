package site

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// TestSameEventSeesEveryField changes each field of an event in turn:
// sameEvent must tell every change, or a preview would copy a stale view.
func TestSameEventSeesEveryField(t *testing.T) {
	base := events.Event{ID: "a", Type: events.Call, Status: events.Occurred, Date: "2021-12-30", Mod: "START",
		Title: "Talks", Actors: []string{"Biden", "Putin"}, ActorKinds: []events.Kind{"person", "person"}, Place: "Kyiv",
		Sources:   []events.Source{{Article: "a.txt", Title: "T", URL: "u", Published: "2021-12-30", Sentence: "S.", Start: 1, End: 3}},
		Conflicts: []events.Reading{{Date: "2021-12-31", Mod: "", Articles: []string{"b.txt"}}},
		Curated:   []string{"title"}, Pinned: false}
	rt := reflect.TypeOf(base)
	for i := range rt.NumField() {
		changed := base
		changed.Actors = slices.Clone(base.Actors)
		changed.ActorKinds = slices.Clone(base.ActorKinds)
		changed.Sources = slices.Clone(base.Sources)
		changed.Conflicts = []events.Reading{{Date: base.Conflicts[0].Date, Articles: slices.Clone(base.Conflicts[0].Articles)}}
		changed.Curated = slices.Clone(base.Curated)
		if !sameEvent(&base, &changed) {
			t.Fatalf("an equal copy is not the same")
		}
		f := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Slice:
			switch x := f.Addr().Interface().(type) {
			case *[]string:
				(*x)[0] += "x"
			case *[]events.Kind:
				(*x)[0] += "x"
			case *[]events.Source:
				(*x)[0].End++
			case *[]events.Reading:
				(*x)[0].Articles[0] += "x"
			default:
				t.Fatalf("field %s: no change for %T", rt.Field(i).Name, x)
			}
		default:
			t.Fatalf("field %s: no change for its kind %s", rt.Field(i).Name, f.Kind())
		}
		if sameEvent(&base, &changed) {
			t.Errorf("sameEvent misses a change of %s", rt.Field(i).Name)
		}
	}
}

// TestViewMemoTakesTheSameViews builds the views of a site again and
// again with one Memo, as a preview does: every view must be a fresh
// build's, and the views of events and articles that did not change must
// be taken from the last build.
func TestViewMemoTakesTheSameViews(t *testing.T) {
	base := syntheticSite(300, 30)
	// The sources of article 3 give no title: their views take the
	// article's.
	for i, e := range base.Events {
		base.Events[i].Sources = slices.Clone(e.Sources)
		for j := range e.Sources {
			if e.Sources[j].Article == base.Articles[3].Path {
				base.Events[i].Sources[j].Title = ""
			}
		}
	}
	memo := new(Memo)
	check := func(name string, s Site, wantCopied func(n int) bool) {
		t.Helper()
		fresh := newSiteView(s, "")
		s.Memo = memo
		memoed := newSiteView(s, "")
		if len(fresh.Events) != len(memoed.Events) {
			t.Fatalf("%s: %d views, want %d", name, len(memoed.Events), len(fresh.Events))
		}
		for i := range fresh.Events {
			if !reflect.DeepEqual(fresh.Events[i], memoed.Events[i]) {
				t.Fatalf("%s: the view of %s is not a fresh build's:\n%+v\nwant\n%+v", name, fresh.Events[i].ID, *memoed.Events[i], *fresh.Events[i])
			}
		}
		if !wantCopied(memo.views.hits) {
			t.Errorf("%s: %d views of %d taken", name, memo.views.hits, len(s.Events))
		}
	}
	n := len(base.Events)
	check("a first build", base, func(c int) bool { return c == 0 })
	check("the same site", base, func(c int) bool { return c == n })

	edited := base
	edited.Events = slices.Clone(base.Events)
	edited.Events[7].Title += " (corrected)"
	check("one event retitled", edited, func(c int) bool { return c == n-1 })

	// An article's new title reaches every event that cites it.
	retitled := edited
	retitled.Articles = slices.Clone(edited.Articles)
	a := *retitled.Articles[3]
	a.Title = "A new headline"
	retitled.Articles[3] = &a
	citing := 0
	for _, e := range retitled.Events {
		if slices.ContainsFunc(e.Sources, func(src events.Source) bool { return src.Article == a.Path }) {
			citing++
		}
	}
	if citing == 0 {
		t.Fatal("no event cites the article")
	}
	check("an article retitled", retitled, func(c int) bool { return c == n-citing })

	// An event added moves the others' places, not their views; the
	// placing still gives each its file and period.
	added := retitled
	added.Events = slices.Insert(slices.Clone(retitled.Events), 10, events.Event{ID: "added", Type: events.Call,
		Status: events.Occurred, Date: retitled.Events[10].Date, Title: "An added call", Sources: retitled.Events[10].Sources})
	check("an event added", added, func(c int) bool { return c == n })

	// Events that take others' places: an actor whose name sorts first
	// takes the page of "Official 3", so the events of Official 3 link to
	// another; an event in February with the ID of the one after it makes
	// that one's file "<ID>-2"; a page's worth of events on 1 January
	// moves the month's others to its later pages. Their views are
	// taken, and placed again.
	placed := added
	placed.Events = slices.Clone(added.Events)
	placed.Events[0].Actors = []string{"OFFICIAL 3"}
	twin := placed.Events[41]
	if !strings.HasPrefix(string(twin.Date), "2021-02") {
		t.Fatalf("the twin is of %s, not of an event in February", twin.Date)
	}
	twin.Title = "A twin"
	placed.Events = slices.Insert(placed.Events, 41, twin)
	var first []events.Event
	for i := range pageEvents {
		e := placed.Events[0]
		e.ID, e.Title = fmt.Sprintf("x%03d", i), fmt.Sprintf("New year %d", i)
		first = append(first, e)
	}
	placed.Events = slices.Insert(placed.Events, 1, first...)
	check("events placed elsewhere", placed, func(c int) bool { return c == n })

	// Another time zone shows clock times otherwise: nothing is taken.
	zoned := placed
	zoned.TimeZone = time.FixedZone("UTC+3", 3*3600)
	check("another time zone", zoned, func(c int) bool { return c == 0 })

	// An article gone: its events' sources lose their links.
	gone := zoned
	gone.Articles = slices.DeleteFunc(slices.Clone(zoned.Articles), func(x *article.Article) bool { return x.Path == a.Path })
	// Nor are the twins': an ID used twice is not looked up.
	uncopied := 0
	for _, e := range gone.Events {
		if e.ID == twin.ID || slices.ContainsFunc(e.Sources, func(src events.Source) bool { return src.Article == a.Path }) {
			uncopied++
		}
	}
	check("an article gone", gone, func(c int) bool { return c == len(gone.Events)-uncopied })
	check("the same site again", gone, func(c int) bool { return c == len(gone.Events)-2 }) // but the twins

	// An event twice, as it was: one of the two takes its view, the
	// other gets its own, since each is placed apart.
	again := gone
	dup := gone.Events[5]
	if dup.ID == twin.ID {
		t.Fatal("the event put twice is a twin already")
	}
	again.Events = slices.Insert(slices.Clone(gone.Events), 5, dup)
	check("an event twice", again, func(c int) bool { return c == len(gone.Events)-2 })
}
