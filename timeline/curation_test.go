package timeline_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// TestCurationBuild builds the sample content, whose curation.toml pins,
// corrects, hides, merges and adds events, through the cache and the
// incremental writer.
func TestCurationBuild(t *testing.T) {
	content := copyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := filepath.Join(t.TempDir(), "cache")
	var warnings bytes.Buffer
	build := func(t *testing.T, strict bool) (timeline.Result, error) {
		t.Helper()
		warnings.Reset()
		return timeline.Build(context.Background(), timeline.Config{ContentDir: content, OutDir: out, CacheDir: cache, Warnings: &warnings, Strict: strict})
	}
	find := func(evs []timeline.Event, id string) *timeline.Event {
		for i := range evs {
			if evs[i].ID == id {
				return &evs[i]
			}
		}
		return nil
	}
	if _, err := build(t, true); err != nil {
		t.Fatalf("the sample's curation does not build strictly: %v\n%s", err, warnings.String())
	}
	t.Run("the sample's curation shows in events.json", func(t *testing.T) {
		evs := readEvents(t, out)
		call := find(evs, "2021-12-30-call-biden-putin")
		if call == nil || !call.Pinned || call.Date != "2021-12-30T20:35" || strings.Join(call.Curated, ",") != "date,title" {
			t.Errorf("the corrected, pinned call: %+v", call)
		}
		if find(evs, "2021-12-07-statement") != nil {
			t.Error("the hidden statement is listed")
		}
		if find(evs, "2021-06-meeting-geneva") != nil || find(evs, "2021-06-meeting-biden-putin") == nil {
			t.Error("the Geneva summit is not merged into one event")
		}
		if e := find(evs, "2022-01-19-visit-blinken"); e == nil || strings.Join(e.Curated, ",") != "added" {
			t.Errorf("the added visit: %+v", e)
		}
	})
	t.Run("an unchanged rebuild writes no files", func(t *testing.T) {
		res, err := build(t, false)
		if err != nil || res.Written != 0 || res.Removed != 0 {
			t.Errorf("wrote %d and removed %d files (err %v)", res.Written, res.Removed, err)
		}
	})
	path := filepath.Join(content, timeline.CurationFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("editing curation.toml changes events.json and the pages it reaches, and extracts nothing again", func(t *testing.T) {
		edited := strings.Replace(string(data), `id = "2021-12-07-statement"`, `id = "2021-12-07-statement-analysts"`, 1)
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := build(t, false)
		if err != nil {
			t.Fatal(err)
		}
		evs := readEvents(t, out)
		if find(evs, "2021-12-07-statement") == nil || find(evs, "2021-12-07-statement-analysts") != nil {
			t.Error("events.json does not follow the edited curation file")
		}
		if res.Written == 0 || res.Cached != res.Articles {
			t.Errorf("wrote %d files, %d of %d articles from the cache", res.Written, res.Cached, res.Articles)
		}
		if page, err := os.ReadFile(filepath.Join(out, "events", "2021-12-07.html")); err != nil || !strings.Contains(string(page), `id="2021-12-07-statement"`) {
			t.Errorf("the event no longer hidden is not on its date's page: %v", err)
		}
	})
	t.Run("a stale ID is a warning with its line and the build goes on", func(t *testing.T) {
		stale := string(data) + "\n[[event]]\nid = \"2020-01-01-call-nobody\"\npin = true\n"
		if err := os.WriteFile(path, []byte(stale), 0o644); err != nil {
			t.Fatal(err)
		}
		line := strings.Count(string(data), "\n") + 2
		if _, err := build(t, false); err != nil {
			t.Fatal(err)
		}
		want := path + ":" + strconv.Itoa(line) + ": no event has the ID 2020-01-01-call-nobody"
		if !strings.Contains(warnings.String(), want) {
			t.Errorf("warnings:\n%s\nwant %q", warnings.String(), want)
		}
		before, _ := os.ReadFile(filepath.Join(out, "events.json"))
		if _, err := build(t, true); !errors.Is(err, timeline.ErrCuration) {
			t.Errorf("a strict build gave %v, want ErrCuration", err)
		}
		if after, _ := os.ReadFile(filepath.Join(out, "events.json")); !bytes.Equal(before, after) {
			t.Error("the failed strict build changed the output")
		}
	})
}

// TestFrontMatterHide checks that an article's hide-events takes its
// sentences out of an event, and an event only it reports out of the
// chronology.
func TestFrontMatterHide(t *testing.T) {
	content := copyContent(t)
	os.Remove(filepath.Join(content, timeline.CurationFile))
	path := filepath.Join(content, "2021-12-07-biden-putin-video-call.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "author: Clara Vance\n", "author: Clara Vance\nhide-events: [2021-12-07-statement-analysts, 2021-12-07-call-biden-putin]\n", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	var warnings bytes.Buffer
	corpus, err := timeline.Load(context.Background(), &warnings, content)
	if err != nil {
		t.Fatal(err)
	}
	evs, problems, err := corpus.Curated(&warnings, content)
	if err != nil || problems != 0 {
		t.Fatalf("%d problems, err %v:\n%s", problems, err, warnings.String())
	}
	for _, e := range evs {
		if e.ID == "2021-12-07-statement-analysts" {
			t.Error("the hidden statement is listed")
		}
		if e.ID == "2021-12-07-call-biden-putin" {
			for _, s := range e.Sources {
				if s.Article == path {
					t.Errorf("the call still cites %s", path)
				}
			}
			if len(e.Sources) == 0 || strings.Join(e.Curated, ",") != "sources" {
				t.Errorf("the call should keep its other sources, marked: %+v", e)
			}
		}
	}
}
