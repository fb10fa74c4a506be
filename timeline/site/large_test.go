package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

// metadataOnly returns s with its articles as a cache restores them: no
// Raw and no Blocks, but their Sum; LoadArticle gives the full ones back
// and counts the loads.
func metadataOnly(s Site, loads map[string]int, mu *sync.Mutex) Site {
	full := map[string]*article.Article{}
	var arts []*article.Article
	for i, a := range s.Articles {
		full[a.Path] = a
		arts = append(arts, &article.Article{Path: a.Path, Title: a.Title, Author: a.Author, URL: a.URL,
			Published: a.Published, Sum: fmt.Sprintf("%064x", i)})
	}
	s.Articles = arts
	s.LoadArticle = func(path string) (*article.Article, error) {
		mu.Lock()
		loads[path]++
		mu.Unlock()
		if a := full[path]; a != nil {
			return a, nil
		}
		return nil, errors.New("no such file")
	}
	return s
}

func TestLazyArticles(t *testing.T) {
	for _, tc := range []struct {
		name string
		site Site
	}{
		{"fixture", fixture(t)},
		{"synthetic", syntheticSite(200, 30)},
	} {
		t.Run(tc.name+": metadata and LoadArticle make the same site as full articles", func(t *testing.T) {
			loads := map[string]int{}
			var mu sync.Mutex
			want := readTree(t, build(t, tc.site, nil))
			got := readTree(t, build(t, metadataOnly(tc.site, loads, &mu), nil))
			if len(got) != len(want) {
				t.Errorf("%d files, want %d", len(got), len(want))
			}
			for name, data := range want {
				if !bytes.Equal(got[name], data) {
					t.Errorf("%s differs\n%s", name, firstDiff(got[name], data))
				}
			}
			for _, a := range tc.site.Articles {
				if loads[a.Path] != 1 {
					t.Errorf("%s loaded %d times, want once, for its page", a.Path, loads[a.Path])
				}
			}
		})
	}
	t.Run("a load error fails the build with the path", func(t *testing.T) {
		loads := map[string]int{}
		var mu sync.Mutex
		s := metadataOnly(fixture(t), loads, &mu)
		s.Articles[1].Path = "content/gone.md"
		err := buildSite(context.Background(), s, nil, filepath.Join(t.TempDir(), "public"))
		if err == nil || !strings.Contains(err.Error(), "load content/gone.md: no such file") {
			t.Errorf("err = %v", err)
		}
	})
}

// TestLargeSite builds 3,000 events over 600 articles, 700 of them in one
// month and one event citing 150 articles.
func TestLargeSite(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	s := syntheticSite(3000, 600)
	for i := 1000; i < 1700; i++ {
		s.Events[i].Date = "2023-06-15"
	}
	for i := range 150 {
		s.Events[5].Sources = append(s.Events[5].Sources, s.Events[i+100].Sources...)
	}
	s.FeedLimit = 25
	files := readTree(t, build(t, s, nil))
	t.Run("no page is over 1 MB", func(t *testing.T) {
		for name, data := range files {
			if len(data) > 1<<20 && strings.HasSuffix(name, ".html") {
				t.Errorf("%s has %d bytes", name, len(data))
			}
		}
	})
	t.Run("the index shows the periods and the latest events, not the chronology", func(t *testing.T) {
		index := string(files["index.html"])
		if n := strings.Count(index, `<li class="event`); n != latestEvents {
			t.Errorf("the index lists %d events, want %d", n, latestEvents)
		}
		june := 0
		for _, e := range s.Events {
			if strings.HasPrefix(string(e.Date), "2023-06") {
				june++
			}
		}
		want := fmt.Sprintf(`<a href="periods/2023-06.html">June 2023</a> <span class="n">%d events</span>`, june)
		if !strings.Contains(index, want) {
			t.Errorf("the index lacks %s", want)
		}
	})
	t.Run("a crowded month is paginated and every event is on one period page", func(t *testing.T) {
		seen := map[string]int{}
		re := regexp.MustCompile(`<li class="event[^"]*" id="([^"]*)"`)
		for name, data := range files {
			if !strings.HasPrefix(name, "periods/") {
				continue
			}
			m := re.FindAllStringSubmatch(string(data), -1)
			if len(m) > pageEvents {
				t.Errorf("%s lists %d events", name, len(m))
			}
			for _, id := range m {
				seen[id[1]]++
			}
		}
		for _, e := range s.Events {
			if seen[e.ID] != 1 {
				t.Errorf("%s is on %d period pages", e.ID, seen[e.ID])
			}
		}
		for _, name := range []string{"periods/2023-06.html", "periods/2023-06-p2.html", "periods/2023-06-p3.html"} {
			if _, ok := files[name]; !ok {
				t.Errorf("no %s", name)
			}
		}
	})
	t.Run("the feed holds the latest FeedLimit entries", func(t *testing.T) {
		if n := strings.Count(string(files["feed.xml"]), "<entry>"); n != 25 {
			t.Errorf("%d entries", n)
		}
	})
	t.Run("links resolve", func(t *testing.T) { checkLinks(t, files) })
}

func TestSameBytesWithAnyGOMAXPROCS(t *testing.T) {
	s := syntheticSite(300, 40)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := readTree(t, build(t, s, nil))
	runtime.GOMAXPROCS(8)
	many := readTree(t, build(t, s, nil))
	if len(one) != len(many) {
		t.Fatalf("%d and %d files", len(one), len(many))
	}
	for name, data := range one {
		if !bytes.Equal(data, many[name]) {
			t.Errorf("%s differs", name)
		}
	}
}

// TestDatePagesAreCutBySources gives one date events with many evidence
// sentences each (at 100,000 generated articles a half-year's page held
// 150 events and 3,663 sentences, 2.8 MB): its pages hold at most
// daySources sentences, an event with more is alone on its page, and
// every page stays under 1 MB.
func TestDatePagesAreCutBySources(t *testing.T) {
	src := events.Source{Article: "a.txt", Title: "A report", URL: "https://example.org/a", Published: "2023-07-01",
		Sentence: strings.Repeat("The minister said the talks on grain exports would go on. ", 6)}
	var evs []events.Event
	for i := range 40 {
		n := 120
		if i == 20 {
			n = daySources + 50 // alone on its page
		}
		e := events.Event{ID: fmt.Sprintf("2023-h2-statement-%d", i), Type: events.Statement, Status: events.Occurred,
			Date: "2023-H2", Title: fmt.Sprintf("Statement %d", i), Actors: []string{"Someone"}}
		for range n {
			e.Sources = append(e.Sources, src)
		}
		evs = append(evs, e)
	}
	v := newSiteView(Site{Events: evs}, "")
	if len(v.Days) != 1 {
		t.Fatalf("%d dates, want 1", len(v.Days))
	}
	d := v.Days[0]
	for n, page := range d.Pages {
		sources := 0
		for _, ev := range page {
			sources += len(ev.Sources)
		}
		if sources > daySources && len(page) > 1 {
			t.Errorf("page %d has %d events and %d sentences", n+1, len(page), sources)
		}
	}
	if len(d.Pages) < 40*120/daySources {
		t.Errorf("%d pages for %d sentences", len(d.Pages), 40*120+daySources)
	}
	files := readTree(t, build(t, Site{Events: evs}, nil))
	for name, data := range files {
		if strings.HasPrefix(name, "events/") && len(data) > 1<<20 {
			if !strings.Contains(string(data), "2023-h2-statement-20") || strings.Count(string(data), `class="event-page`) > 1 {
				t.Errorf("%s has %d bytes", name, len(data))
			}
		}
	}
}
