package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// articleClock has a call at a clock time with a zone: 20:30 GMT is 23:30
// in Moscow.
const articleClock = `---
title: "Biden and Putin to talk"
date: 2021-12-30
url: https://example.org/news/clock
---

U.S. President Joe Biden and Russian President Vladimir Putin will hold a phone call at 20:30 GMT on Thursday, the White House said.
`

func TestSiteSettings(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "news")
	writeFiles(t, content, map[string]string{"a.md": articleA, "clock.md": articleClock})
	config := filepath.Join(dir, "timeline.toml")
	for _, tc := range []struct {
		name, toml string
		args       []string
		want       []string // regexps that index.html, the event pages and feed.xml must match
		files      []string // exports that must be written
		noFiles    []string // and those that must not
		wantErr    string   // a regexp stderr must match, with exit 1
	}{
		{
			name:  "the defaults: English, clock times as the text gives them, the default exports",
			want:  []string{`<html lang="en">`, `20:30 UTC`},
			files: []string{"events.json", "feed.xml", "events.csv", "404.html"}, noFiles: []string{"events.ics", "timelinejs.json"},
		},
		{
			name:  "description, language, time zone and exports from the file",
			toml:  "description = \"Who said what, when.\"\nlanguage = \"en-GB\"\ntimezone = \"Europe/Moscow\"\nexports = [\"csv\"]\n",
			want:  []string{`<html lang="en-GB">`, `<meta name="description" content="Who said what, when.">`, `23:30 MSK`},
			files: []string{"events.json", "feed.xml", "events.csv"}, noFiles: []string{"events.ics", "timelinejs.json"},
		},
		{
			name:  "flags override the file",
			toml:  "lang = \"de\"\nexports = \"csv\"\ntimezone = \"Europe/Moscow\"\n",
			args:  []string{"-lang", "fr", "-exports", "ics,timelinejs", "-timezone", "America/New_York"},
			want:  []string{`<html lang="fr">`, `15:30 EST`},
			files: []string{"events.ics", "timelinejs.json"}, noFiles: []string{"events.csv"},
		},
		{
			name:    "no exports",
			args:    []string{"-exports", ""},
			files:   []string{"events.json", "feed.xml"},
			noFiles: []string{"events.ics", "events.csv", "timelinejs.json"},
		},
		{
			name:    "an unknown time zone names its line",
			toml:    "title = \"x\"\ntimezone = \"Mars/Olympus\"\n",
			wantErr: `timeline\.toml:2: timezone: unknown time zone "Mars/Olympus"`,
		},
		{
			name:    "an unknown export names its line and the exports",
			toml:    "exports = [\"ics\", \"pdf\"]\n",
			wantErr: `timeline\.toml:1: exports: unknown export "pdf"; the exports are csv, ics, timelinejs`,
		},
		{
			name:    "a list where one value belongs names its line",
			toml:    "\ntitle = [\"a\", \"b\"]\n",
			wantErr: `timeline\.toml:2: title must be a string`,
		},
		{
			name:    "a bad language tag",
			args:    []string{"-lang", "English (UK)"},
			wantErr: `not a language tag`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(config, []byte(tc.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			args := append([]string{"build", "-config", config, "-content", content, "-out", out, "-no-cache"}, tc.args...)
			code, _, stderr := run(t, args...)
			if tc.wantErr != "" {
				if code == 0 || !regexp.MustCompile(tc.wantErr).MatchString(stderr) {
					t.Errorf("exit %d, stderr %q; want a failure and %s", code, stderr, tc.wantErr)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", code, stderr)
			}
			var text strings.Builder
			pages, _ := filepath.Glob(filepath.Join(out, "events", "*.html"))
			for _, p := range append(pages, filepath.Join(out, "index.html"), filepath.Join(out, "feed.xml")) {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				text.Write(data)
			}
			for _, w := range tc.want {
				if !regexp.MustCompile(w).MatchString(text.String()) {
					t.Errorf("the pages do not match %s", w)
				}
			}
			for _, f := range tc.files {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Errorf("%s: %v", f, err)
				}
			}
			for _, f := range tc.noFiles {
				if _, err := os.Stat(filepath.Join(out, f)); err == nil {
					t.Errorf("%s is written", f)
				}
			}
		})
	}
}
