package site

import (
	"context"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/events"
)

func TestFeedLinks(t *testing.T) {
	t.Run("relative without a base URL", func(t *testing.T) {
		feed := string(readTree(t, build(t, fixture(t), nil))["feed.xml"])
		if !strings.Contains(feed, `<link href="events/2021-12-30.html#2021-12-30-call-biden-putin" rel="alternate" type="text/html">`) {
			t.Errorf("feed.xml:\n%s", feed)
		}
	})
	t.Run("absolute with a base URL", func(t *testing.T) {
		s := fixture(t)
		s.BaseURL = "https://example.org/news/timeline"
		files := readTree(t, build(t, s, nil))
		feed := string(files["feed.xml"])
		for _, want := range []string{
			`<link href="https://example.org/news/timeline/feed.xml" rel="self" type="application/atom+xml">`,
			`<id>https://example.org/news/timeline/events/2021-12-30.html#2021-12-30-call-biden-putin</id>`,
		} {
			if !strings.Contains(feed, want) {
				t.Errorf("feed.xml lacks %s", want)
			}
		}
		if !strings.Contains(string(files["index.html"]), `<link rel="canonical" href="https://example.org/news/timeline/index.html">`) {
			t.Error("index.html has no canonical link")
		}
	})
	t.Run("a relative base URL is refused", func(t *testing.T) {
		s := fixture(t)
		s.BaseURL = "news/timeline"
		err := buildSite(context.Background(), s, nil, filepath.Join(t.TempDir(), "out"))
		if err == nil || !strings.Contains(err.Error(), "not an absolute URL") {
			t.Errorf("err = %v", err)
		}
	})
}

// reportedEvents are events in chronology order whose latest sources
// were published in another order: dated events first, then ones without
// a calendar date, which reversing the chronology would put on top.
func reportedEvents() []events.Event {
	src := func(published string) []events.Source {
		return []events.Source{{Article: "a.txt", Published: published}}
	}
	return []events.Event{
		{ID: "a", Date: "2021-12-01", Sources: src("2021-12-02")},
		{ID: "b", Date: "2021-12-20", Sources: src("2022-01-05")},
		{ID: "c", Date: "2021-12-30", Sources: src("2021-12-30")},
		{ID: "d", Date: "2021-12-31", Sources: src("2021-12-30")},
		{ID: "e", Date: "199", Sources: src("2021-11-01")},
		{ID: "f", Date: "PAST_REF"},
	}
}

// feedOf is the feed of evs with limit entries, read back, and its
// entries' event IDs.
func feedOf(t *testing.T, evs []events.Event, limit int) (atomFeed, []string) {
	t.Helper()
	data, err := feed(newSiteView(Site{Events: evs}, ""), limit)
	if err != nil {
		t.Fatal(err)
	}
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range f.Entries {
		ids = append(ids, strings.TrimPrefix(e.ID, "urn:timeline:event:"))
	}
	return f, ids
}

func TestFeedNewestFirst(t *testing.T) {
	f, got := feedOf(t, reportedEvents(), 0)
	if want := []string{"b", "c", "d", "a", "e", "f"}; !slices.Equal(got, want) {
		t.Errorf("entries %v, want %v (latest reported first, ties in chronology order)", got, want)
	}
	if f.Updated != "2022-01-05T00:00:00Z" {
		t.Errorf("feed updated %s, want the latest entry's 2022-01-05T00:00:00Z", f.Updated)
	}
}

func TestFeedLimit(t *testing.T) {
	evs := reportedEvents()[:5]
	for _, tc := range []struct {
		limit int
		want  []string
	}{
		{2, []string{"b", "c"}},
		{3, []string{"b", "c", "d"}},
		{-1, []string{"b", "c", "d", "a", "e"}},
		{0, []string{"b", "c", "d", "a", "e"}}, // the default, 50
	} {
		t.Run(fmt.Sprintf("a limit of %d keeps the latest reported", tc.limit), func(t *testing.T) {
			if _, got := feedOf(t, evs, tc.limit); !slices.Equal(got, tc.want) {
				t.Errorf("entries %v, want %v", got, tc.want)
			}
		})
	}
}
