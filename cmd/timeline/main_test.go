package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

const seedArticle = "../../content/2021-12-30-biden-putin-call.txt"

// TestMain keeps the tests' build caches out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "timeline-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the command line and returns its exit status and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFiles writes name → content under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	articleA = `---
title: "Biden and Putin hold a phone call"
date: 2021-12-30
url: https://example.org/news/a
---

U.S. President Joe Biden and Russian President Vladimir Putin held a phone call on Thursday.

The two leaders will meet again in January, the Kremlin said.
`
	articleB = `Putin tells Biden sanctions would be a colossal mistake

December 31, 2021

Russian President Vladimir Putin warned U.S. President Joe Biden in a phone call on Thursday that new sanctions would be a colossal mistake.
`
	// brokenYAML has an unclosed flow sequence on line 4.
	brokenYAML = `---
title: "A broken article"
date: 2022-01-10
tags: [Russia, NATO
---

Wendy Sherman met Sergei Ryabkov in Geneva on Monday.
`
	noDate = `An article nobody dated

Joe Biden called Vladimir Putin on Thursday.
`
)

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no arguments print the usage and exit 2", nil, 2, "usage: timeline <command>"},
		{"an unknown command prints the usage and exits 2", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"help prints the usage and exits 0", []string{"help"}, 0, "usage: timeline <command>"},
		{"the usage lists every command", nil, 2, "build"},
		{"an unknown flag exits 2", []string{"build", "-nope"}, 2, "flag provided but not defined"},
		{"a stray argument to build exits 2", []string{"build", "extra"}, 2, `unexpected argument "extra"`},
		{"extract without paths exits 2", []string{"extract", "-json"}, 2, "name at least one article"},
		{"extract of a missing file exits 1", []string{"extract", "-json", "no-such-file.txt"}, 1, "no-such-file.txt"},
		{"dates without a file exits 2", []string{"dates", "-json"}, 2, "usage: timeline dates"},
		{"dates with a bad -ref exits 2", []string{"dates", "-ref", "bad", "-json", seedArticle}, 2, `-ref "bad"`},
		{"dates with a bad -ref and no file exits 2", []string{"dates", "-ref", "bad"}, 2, "usage: timeline dates"},
		{"an unknown flag to dates exits 2", []string{"dates", "-nope", seedArticle}, 2, "flag provided but not defined"},
		{"a command's -h prints its flags and exits 0", []string{"build", "-h"}, 0, "-content"},
		{"version takes no arguments", []string{"version", "extra"}, 2, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr does not mention %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}

func TestRunDatesReadsStdin(t *testing.T) {
	stdin = strings.NewReader("They met on Monday.")
	defer func() { stdin = os.Stdin }()
	code, out, stderr := run(t, "dates", "-ref", "2021-12-30", "-json", "-")
	if code != 0 || !strings.Contains(out, `"value": "2021-12-27"`) {
		t.Errorf("exit %d, stdout %s, stderr %s; want Monday as 2021-12-27", code, out, stderr)
	}
}

func TestRunVersion(t *testing.T) {
	code, stdout, stderr := run(t, "version")
	if code != 0 || !strings.HasPrefix(stdout, "timeline ") {
		t.Errorf("version: exit %d, stdout %q, stderr %q; want 0 and \"timeline ...\"", code, stdout, stderr)
	}
}

func TestRunBuild(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeFiles(t, content, map[string]string{"a.md": articleA, "b.txt": articleB})

	t.Run("build writes the site and says what it built", func(t *testing.T) {
		code, stdout, stderr := run(t, "build", "-content", content, "-out", out)
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		if !strings.HasPrefix(stdout, "built "+out) || !strings.Contains(stdout, "from 2 articles") {
			t.Errorf("stdout = %q, want \"built %s: N events from 2 articles\"", stdout, out)
		}
		if stderr != "" {
			t.Errorf("unexpected stderr:\n%s", stderr)
		}
		if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
			t.Error(err)
		}
		evs := readEvents(t, filepath.Join(out, "events.json"))
		if len(evs) == 0 {
			t.Fatal("events.json has no events")
		}
		arts := map[string]bool{}
		for _, e := range evs {
			for _, s := range e.Sources {
				arts[filepath.Base(s.Article)] = true
			}
		}
		if !arts["a.md"] || !arts["b.txt"] {
			t.Errorf("events.json cites %v, want both a.md and b.txt", arts)
		}
	})

	t.Run("a broken front matter costs only its article", func(t *testing.T) {
		writeFiles(t, content, map[string]string{"bad.md": brokenYAML})
		defer os.Remove(filepath.Join(content, "bad.md"))
		code, stdout, stderr := run(t, "build", "-content", content, "-out", out)
		if code != 0 {
			t.Errorf("exit %d, want 0; stderr:\n%s", code, stderr)
		}
		if !regexp.MustCompile(`bad\.md:\d+: `).MatchString(stderr) {
			t.Errorf("stderr does not locate the problem as bad.md:LINE:\n%s", stderr)
		}
		if !regexp.MustCompile(`(?m)^left out 1 file: .*bad\.md$`).MatchString(stderr) {
			t.Errorf("stderr lacks the summary line \"left out 1 file: .../bad.md\":\n%s", stderr)
		}
		if !strings.Contains(stdout, "from 2 articles") || !strings.Contains(stdout, "1 left out") {
			t.Errorf("stdout = %q, want 2 articles and 1 left out", stdout)
		}
	})

	t.Run("with -strict a broken front matter fails the build and leaves the site as it was", func(t *testing.T) {
		before := snapshot(t, dir)
		writeFiles(t, content, map[string]string{"bad.md": brokenYAML})
		defer os.Remove(filepath.Join(content, "bad.md"))
		code, stdout, stderr := run(t, "build", "-strict", "-content", content, "-out", out)
		if code != 1 {
			t.Errorf("exit %d, want 1; stdout %q", code, stdout)
		}
		if !regexp.MustCompile(`bad\.md:\d+: `).MatchString(stderr) {
			t.Errorf("stderr does not locate the problem as bad.md:LINE:\n%s", stderr)
		}
		if strings.Contains(stdout, "built") {
			t.Errorf("stdout claims a build: %q", stdout)
		}
		delete(before, filepath.Join("content", "bad.md"))
		after := snapshot(t, dir)
		delete(after, filepath.Join("content", "bad.md"))
		if !equalSnapshots(before, after) {
			t.Errorf("the failed build changed the output folder:\n before %v\n after  %v", keys(before), keys(after))
		}
	})

	t.Run("an article without a date is left out with a warning", func(t *testing.T) {
		writeFiles(t, content, map[string]string{"nodate.txt": noDate})
		defer os.Remove(filepath.Join(content, "nodate.txt"))
		code, stdout, stderr := run(t, "build", "-content", content, "-out", out)
		if code != 0 {
			t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
		}
		if !regexp.MustCompile(`nodate\.txt:\d+: no publication date`).MatchString(stderr) {
			t.Errorf("stderr lacks \"nodate.txt:LINE: no publication date\":\n%s", stderr)
		}
		if !strings.Contains(stdout, "from 2 articles") || !strings.Contains(stdout, "1 left out") {
			t.Errorf("stdout = %q, want 2 articles and 1 left out", stdout)
		}
		for _, e := range readEvents(t, filepath.Join(out, "events.json")) {
			for _, s := range e.Sources {
				if filepath.Base(s.Article) == "nodate.txt" {
					t.Errorf("event %s cites the undated article", e.ID)
				}
			}
		}
	})
}

// snapshot maps every file under dir (relative path) to its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func equalSnapshots(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// event is the contract format of extract -json and events.json.
type event struct {
	ID     string   `json:"id"`
	Type   string   `json:"type"`
	Status string   `json:"status"`
	Date   string   `json:"date"`
	Mod    string   `json:"mod"`
	Title  string   `json:"title"`
	Actors []string `json:"actors"`
	// ActorKinds is optional: parallel to Actors when present.
	ActorKinds []string `json:"actor_kinds"`
	Place      string   `json:"place"`
	Sources    []source `json:"sources"`
}

type source struct {
	Article   string `json:"article"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Sentence  string `json:"sentence"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

func readEvents(t *testing.T, path string) []event {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return decodeEvents(t, data)
}

// decodeEvents decodes a JSON array of events, failing on a missing or
// unknown field.
func decodeEvents(t *testing.T, data []byte) []event {
	t.Helper()
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("not a JSON array of objects: %v\n%.300s", err, data)
	}
	eventKeys := []string{"id", "type", "status", "date", "mod", "title", "actors", "place", "sources"}
	sourceKeys := []string{"article", "title", "url", "published", "sentence", "start", "end"}
	for i, e := range raw {
		keys := eventKeys
		if kinds, ok := e["actor_kinds"]; ok {
			// Optional, and parallel to the actors: "person", "country",
			// "organisation" or "" for each.
			keys = append(slices.Clone(eventKeys), "actor_kinds")
			var ks, as []string
			if json.Unmarshal(kinds, &ks) != nil || json.Unmarshal(e["actors"], &as) != nil || len(ks) != len(as) {
				t.Errorf("event %d: actor_kinds %s is not a list parallel to actors %s", i, kinds, e["actors"])
			}
			for _, k := range ks {
				if !slices.Contains([]string{"person", "country", "organisation", ""}, k) {
					t.Errorf("event %d: actor kind %q", i, k)
				}
			}
		}
		checkKeys(t, "event", i, e, keys)
		var srcs []map[string]json.RawMessage
		if err := json.Unmarshal(e["sources"], &srcs); err != nil {
			t.Fatalf("event %d: sources: %v", i, err)
		}
		for _, s := range srcs {
			checkKeys(t, "source", i, s, sourceKeys)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var evs []event
	if err := dec.Decode(&evs); err != nil {
		t.Fatalf("decode events: %v", err)
	}
	return evs
}

func checkKeys(t *testing.T, what string, i int, obj map[string]json.RawMessage, want []string) {
	t.Helper()
	for _, k := range want {
		if _, ok := obj[k]; !ok {
			t.Errorf("%s of event %d has no %q field", what, i, k)
		}
	}
	if len(obj) != len(want) {
		t.Errorf("%s of event %d has fields %v, want exactly %v", what, i, obj, want)
	}
}

func TestRunExtract(t *testing.T) {
	raw, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	code, flagFirst, stderr := run(t, "extract", "-json", seedArticle)
	if code != 0 {
		t.Fatalf("extract -json FILE: exit %d; stderr:\n%s", code, stderr)
	}
	evs := decodeEvents(t, []byte(flagFirst))

	t.Run("extract -json prints the events in the contract format", func(t *testing.T) {
		types := map[string]bool{"call": true, "meeting": true, "statement": true, "warning": true,
			"visit": true, "agreement": true, "demand": true}
		for _, e := range evs {
			if e.ID == "" || !types[e.Type] || (e.Status != "occurred" && e.Status != "planned") || len(e.Sources) == 0 {
				t.Errorf("malformed event %+v", e)
			}
			for _, s := range e.Sources {
				if s.Article != seedArticle || s.Published != "2021-12-30" || s.URL == "" || s.Title == "" {
					t.Errorf("event %s: source %+v does not describe the article", e.ID, s)
				}
				if s.Start < 0 || s.End > len(raw) || s.Start >= s.End {
					t.Errorf("event %s: source offsets [%d,%d) outside the file (%d bytes)", e.ID, s.Start, s.End, len(raw))
					continue
				}
				if got := strings.Join(strings.Fields(string(raw[s.Start:s.End])), " "); got != s.Sentence {
					t.Errorf("event %s: the file's bytes [%d,%d) are %q, not the sentence %q", e.ID, s.Start, s.End, got, s.Sentence)
				}
			}
		}
	})

	t.Run("extract finds the Biden-Putin call of December 30th", func(t *testing.T) {
		found := false
		for _, e := range evs {
			if e.Type == "call" && strings.HasPrefix(e.Date, "2021-12-30") &&
				slices.Contains(e.Actors, "Joe Biden") && slices.Contains(e.Actors, "Vladimir Putin") {
				found = true
			}
		}
		if !found {
			t.Errorf("no call between Joe Biden and Vladimir Putin on 2021-12-30 in:\n%s", flagFirst)
		}
	})

	t.Run("extract FILE -json with the flag after the file works the same", func(t *testing.T) {
		code, flagLast, stderr := run(t, "extract", seedArticle, "-json")
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		if flagLast != flagFirst {
			t.Errorf("extract FILE -json differs from extract -json FILE:\n%s", flagLast)
		}
	})

	t.Run("extract without -json prints a readable table", func(t *testing.T) {
		code, stdout, _ := run(t, "extract", seedArticle)
		if code != 0 || strings.HasPrefix(stdout, "[") || !strings.Contains(stdout, "Joe Biden") {
			t.Errorf("exit %d; stdout:\n%s", code, stdout)
		}
	})
}

func TestRunDates(t *testing.T) {
	raw, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "dates", "-ref", "2021-12-30", "-json", seedArticle)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var tx []struct {
		Text  string `json:"text"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Type  string `json:"type"`
		Value string `json:"value"`
		Mod   string `json:"mod"`
	}
	if err := json.Unmarshal([]byte(stdout), &tx); err != nil {
		t.Fatalf("not a JSON array: %v\n%.300s", err, stdout)
	}

	t.Run("dates -json gives each expression's text, offsets, type and value", func(t *testing.T) {
		if len(tx) == 0 {
			t.Fatal("no temporal expressions")
		}
		for _, x := range tx {
			if x.Start < 0 || x.End > len(raw) || x.Start >= x.End {
				t.Errorf("%+v: offsets outside the file (%d bytes)", x, len(raw))
				continue
			}
			if got := string(raw[x.Start:x.End]); got != x.Text {
				t.Errorf("input[%d:%d] = %q, want the text %q", x.Start, x.End, got, x.Text)
			}
			if !slices.Contains([]string{"DATE", "TIME", "DURATION", "SET"}, x.Type) || x.Value == "" {
				t.Errorf("%+v: bad type or empty value", x)
			}
		}
	})

	t.Run("dates resolves the dateline and the weekday against -ref", func(t *testing.T) {
		want := map[string]string{"December 30, 2021": "2021-12-30", "Thursday": "2021-12-30"}
		for _, x := range tx {
			if v, ok := want[x.Text]; ok && v == x.Value {
				delete(want, x.Text)
			}
		}
		if len(want) > 0 {
			t.Errorf("missing %v in:\n%s", want, stdout)
		}
	})

	t.Run("dates without -ref reads the article as extraction does", func(t *testing.T) {
		code, own, stderr := run(t, "dates", "-json", seedArticle)
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		var got []timex.Timex
		if err := json.Unmarshal([]byte(own), &got); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(seedArticle)
		a, err := article.Parse(seedArticle, data)
		if err != nil {
			t.Fatal(err)
		}
		if want := events.Dates(a); !reflect.DeepEqual(got, want) {
			t.Errorf("dates without -ref:\n%+v\nwant events.Dates:\n%+v", got, want)
		}
		for _, x := range got {
			if x.Text == "December 30, 2021" {
				t.Errorf("the date line is the article's date, not an expression of its text: %+v", x)
			}
			if string(data[x.Start:x.End]) != x.Text {
				t.Errorf("%+v: the offsets hold %q", x, data[x.Start:x.End])
			}
		}
		if len(got) == 0 {
			t.Error("no expressions")
		}
	})
}
