package timeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/internal/testshared"
	"github.com/timelinehq/timeline/timeline"
)

const (
	seedArticle = "../content/2021-12-30-biden-putin-call.txt"
	seedGold    = "../../shared/acceptance/seed-events.json"
	seedScorer  = "../../shared/acceptance/score_seed.py"
)

// seedItem is one entry of shared/acceptance/seed-events.json.
type seedItem struct {
	Name         string   `json:"name"`
	Types        []string `json:"types"`
	DatePrefix   *string  `json:"date_prefix"`
	DateIs       []string `json:"date_is"`
	ActorsAll    []string `json:"actors_all"`
	ActorsAny    []string `json:"actors_any"`
	Place        string   `json:"place"`
	Unique       bool     `json:"unique"`
	MinSentences int      `json:"min_sentences"`
}

// matches follows score_seed.py's matches().
func (it seedItem) matches(e timeline.Event) bool {
	typeOK := false
	for _, t := range it.Types {
		typeOK = typeOK || strings.ToLower(string(e.Type)) == t
	}
	if !typeOK {
		return false
	}
	switch {
	case it.DatePrefix != nil:
		if !strings.HasPrefix(string(e.Date), *it.DatePrefix) {
			return false
		}
	case it.DateIs != nil:
		ok := false
		for _, v := range it.DateIs {
			ok = ok || string(e.Date) == v || strings.HasPrefix(string(e.Date), v+"T")
		}
		if !ok {
			return false
		}
	}
	has := func(name string) bool {
		for _, a := range e.Actors {
			if strings.Contains(strings.ToLower(a), strings.ToLower(name)) {
				return true
			}
		}
		return false
	}
	for _, n := range it.ActorsAll {
		if !has(n) {
			return false
		}
	}
	if len(it.ActorsAny) > 0 {
		ok := false
		for _, n := range it.ActorsAny {
			ok = ok || has(n)
		}
		if !ok {
			return false
		}
	}
	if it.Place != "" && !strings.Contains(strings.ToLower(e.Place+" "+e.Title), strings.ToLower(it.Place)) {
		return false
	}
	return true
}

func TestSeedAcceptance(t *testing.T) {
	testshared.Need(t, seedGold)
	var gold struct {
		Required  []seedItem `json:"required"`
		Forbidden []string   `json:"forbidden_date_prefixes"`
		Range     [2]string  `json:"date_range"`
		Min       int        `json:"events_min"`
		Max       int        `json:"events_max"`
	}
	data, err := os.ReadFile(seedGold)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	corpus, err := timeline.Load(context.Background(), nil, seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	evs := corpus.Events()
	for _, it := range gold.Required {
		t.Run(it.Name, func(t *testing.T) {
			var hits []timeline.Event
			for _, e := range evs {
				if it.matches(e) {
					hits = append(hits, e)
				}
			}
			if len(hits) == 0 {
				t.Fatalf("no event matches")
			}
			if it.Unique && len(hits) != 1 {
				t.Errorf("%d events match, want exactly 1", len(hits))
			}
			if it.MinSentences > 0 {
				most := 0
				for _, e := range hits {
					most = max(most, len(e.Sources))
				}
				if most < it.MinSentences {
					t.Errorf("cites %d sentences, want >= %d", most, it.MinSentences)
				}
			}
		})
	}
	for _, e := range evs {
		for _, p := range gold.Forbidden {
			if strings.HasPrefix(string(e.Date), p) {
				t.Errorf("event %s has forbidden date %s", e.ID, e.Date)
			}
		}
		if d := string(e.Date[:min(len(e.Date), len(gold.Range[1]))]); d < gold.Range[0] || d > gold.Range[1] {
			t.Errorf("event %s date %s outside %v", e.ID, e.Date, gold.Range)
		}
	}
	if len(evs) < gold.Min || len(evs) > gold.Max {
		t.Errorf("%d events, want %d..%d", len(evs), gold.Min, gold.Max)
	}

	// The reference scorer must agree.
	python := testshared.NeedTool(t, "python3")
	out := filepath.Join(t.TempDir(), "seed.json")
	js, _ := json.Marshal(evs)
	if err := os.WriteFile(out, js, 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := exec.Command(python, seedScorer, out).CombinedOutput(); err != nil {
		t.Errorf("score_seed.py: %v\n%s", err, res)
	}
}

func TestBuildSampleContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	var warnings strings.Builder
	res, err := timeline.Build(context.Background(), timeline.Config{ContentDir: "../content", OutDir: out, Warnings: &warnings})
	if err != nil {
		t.Fatal(err)
	}
	if warnings.Len() > 0 {
		t.Errorf("sample content has warnings:\n%s", warnings.String())
	}
	if res.Articles < 4 {
		t.Errorf("read %d articles, want the seed and at least three more", res.Articles)
	}
	data, err := os.ReadFile(filepath.Join(out, "events.json"))
	if err != nil {
		t.Fatal(err)
	}
	var evs []timeline.Event
	if err := json.Unmarshal(data, &evs); err != nil {
		t.Fatal(err)
	}
	if len(evs) != res.Events {
		t.Errorf("events.json has %d events, Build reported %d", len(evs), res.Events)
	}
	var seedCall *timeline.Event
	articles := map[string]bool{}
	for i, e := range evs {
		if e.Type == "call" && strings.HasPrefix(string(e.Date), "2021-12-30") {
			seedCall = &evs[i]
		}
		if len(e.Sources) > 1 {
			for _, s := range e.Sources {
				articles[s.Article] = true
			}
		}
	}
	if seedCall == nil {
		t.Fatal("events.json lacks the seed's Biden-Putin call of 2021-12-30")
	}
	if page, err := os.ReadFile(filepath.Join(out, "events", "2021-12-30.html")); err != nil {
		t.Errorf("no page for the seed call's date: %v", err)
	} else if !bytes.Contains(page, []byte(`id="`+seedCall.ID+`"`)) {
		t.Errorf("the page of 2021-12-30 does not show the seed call %s", seedCall.ID)
	}
	if len(articles) < 2 {
		t.Errorf("no event cites more than one article; the sample should show merging")
	}
}

func TestLoadReportsMissingDateAndLeavesTheArticleOut(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Talks end\n\nJanuary 10, 2022\n\nRyabkov told reporters on Monday that the talks were difficult.\n")
	write("nodate.md", "---\ntitle: No date\n---\nSomebody said something.\n")
	write("aliases.txt", "Sergei Ryabkov | person | Ryabkov, S. Ryabkov\n")
	write(".hidden.txt", "not an article")
	var warnings strings.Builder
	c, err := timeline.Load(context.Background(), &warnings, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || len(c.LeftOut) != 1 {
		t.Fatalf("read %d articles, skipped %d; want 1 and 1", len(c.Articles), len(c.LeftOut))
	}
	if w := warnings.String(); !strings.Contains(w, "nodate.md:") || !strings.Contains(w, "no publication date") {
		t.Errorf("warning = %q, want nodate.md:LINE: no publication date ...", w)
	}
	evs := c.Events()
	if len(evs) != 1 || evs[0].Actors[0] != "Sergei Ryabkov" {
		t.Errorf("events = %+v, want one statement by Sergei Ryabkov (from the content's aliases)", evs)
	}

	// A file named alone still gets its folder's aliases; named twice, it is read once.
	good := filepath.Join(dir, "good.txt")
	c, err = timeline.Load(context.Background(), nil, good, dir+"/./good.txt")
	if err != nil {
		t.Fatal(err)
	}
	if evs := c.Events(); len(c.Articles) != 1 || len(evs) != 1 || evs[0].Actors[0] != "Sergei Ryabkov" {
		t.Errorf("loading the file: %d articles, events %+v; want one article and Sergei Ryabkov", len(c.Articles), evs)
	}
}

func TestLoadLeavesOutABrokenArticleAndReadsTheRest(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bad.md":   "---\ntitle: [unclosed\ndate: 2022-01-10\n---\nText.\n",
		"good.txt": "Talks end\n\nJanuary 10, 2022\n\nRyabkov told reporters on Monday that the talks were difficult.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var warnings strings.Builder
	c, err := timeline.Load(context.Background(), &warnings, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`bad\.md:\d+: `).MatchString(warnings.String()) {
		t.Errorf("warnings = %q, want one naming bad.md:LINE", warnings.String())
	}
	if len(c.Articles) != 1 || len(c.LeftOut) != 1 || filepath.Base(c.LeftOut[0]) != "bad.md" {
		t.Errorf("read %d articles, left out %q; want good.txt read and bad.md left out", len(c.Articles), c.LeftOut)
	}
	if len(c.Events()) == 0 {
		t.Error("no events from good.txt")
	}
}
