package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestBuildReadsTheConfigurationFile(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeFiles(t, site, map[string]string{"news/a.md": articleA})
	config := filepath.Join(site, "timeline.toml")

	for _, tc := range []struct {
		name, toml string
		args       []string
		wantOut    string // folder the site lands in, relative to dir
		wantTitle  string
		wantErr    string // a regexp stderr must match, with exit 1
	}{
		{
			name:    "settings take the flags' names, and paths are relative to the file",
			toml:    "title = \"Crisis chronology\"\ncontent = \"news\"\nout = \"web\"\nstrict = true\nfeed-limit = 1\n",
			wantOut: "site/web", wantTitle: "Crisis chronology",
		},
		{
			name:    "flags override the file",
			toml:    "title = \"From the file\"\ncontent = \"news\"\nout = \"web\"\n",
			args:    []string{"-title", "From the flag", "-out", filepath.Join(dir, "flagged")},
			wantOut: "flagged", wantTitle: "From the flag",
		},
		{
			name:    "an unknown setting names its line",
			toml:    "title = \"x\"\n\nbaseurl = \"https://example.org/\"\n",
			wantErr: `timeline\.toml:3: unknown setting "baseurl"`,
		},
		{
			name:    "a value of the wrong kind names its line",
			toml:    "content = \"news\"\nworkers = \"many\"\n",
			wantErr: `timeline\.toml:2: workers: `,
		},
		{
			name:    "broken TOML is an error naming the file",
			toml:    "title = \"unclosed\n",
			wantErr: `timeline\.toml: `,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(config, []byte(tc.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"build", "-config", config}, tc.args...)
			code, _, stderr := run(t, args...)
			if tc.wantErr != "" {
				if code != 1 || !regexp.MustCompile(tc.wantErr).MatchString(stderr) {
					t.Errorf("exit %d, stderr %q; want 1 and %s", code, stderr, tc.wantErr)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", code, stderr)
			}
			index, err := os.ReadFile(filepath.Join(dir, tc.wantOut, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(index), "<title>"+tc.wantTitle) {
				t.Errorf("index.html's title is not %q", tc.wantTitle)
			}
			feed, _ := os.ReadFile(filepath.Join(dir, tc.wantOut, "feed.xml"))
			limited := strings.Contains(tc.toml, "feed-limit = 1")
			if n := strings.Count(string(feed), "<entry>"); limited && n != 1 || !limited && n < 2 {
				t.Errorf("feed.xml has %d entries; want 1 with feed-limit = 1, and every event's without", n)
			}
		})
	}

	t.Run("a -config that does not exist is an error; the default file may be missing", func(t *testing.T) {
		code, _, stderr := run(t, "build", "-config", filepath.Join(dir, "nope.toml"), "-content", filepath.Join(site, "news"), "-out", filepath.Join(dir, "o"))
		if code != 1 || !strings.Contains(stderr, "nope.toml") {
			t.Errorf("exit %d, stderr %q; want 1 naming nope.toml", code, stderr)
		}
	})
}
