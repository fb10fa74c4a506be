package main

import (
	"strings"
	"testing"
)

func TestHasFlag(t *testing.T) {
	// The usage text timeline build prints today, and with the flags the
	// bench looks for.
	const today = `usage: timeline build [-content DIR] [-out DIR] [-base-url URL] [-templates DIR] [-title TEXT]
  -base-url string
    	the absolute URL the site will be published at, for the feed
  -content string
    	the folder of articles to read (default "content")
  -title string
    	the site's title (default "Timeline")
`
	const later = today + `  -cache string
    	the folder of cached per-article results
  -quiet
    	print no progress
`
	tests := []struct {
		usage, name string
		want        bool
	}{
		{today, "content", true},
		{today, "title", true},
		{today, "cache", false},
		{today, "quiet", false},
		{later, "cache", true},
		{later, "quiet", true},
		{later, "cach", false},
		{`usage: timeline build [-cache DIR]`, "cache", false}, // the synopsis is no flag list
	}
	for _, tt := range tests {
		if got := hasFlag([]byte(tt.usage), tt.name); got != tt.want {
			t.Errorf("hasFlag(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestBuildArgs(t *testing.T) {
	tests := []struct {
		flags buildFlags
		want  string
	}{
		{buildFlags{}, "-content c -out o"},
		{buildFlags{cache: true}, "-content c -out o -cache k"},
		{buildFlags{cache: true, quiet: true}, "-content c -out o -cache k -quiet"},
	}
	for _, tt := range tests {
		if got := strings.Join(tt.flags.args("c", "o", "k"), " "); got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.flags, got, tt.want)
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		vs   []float64
		want string
	}{
		{nil, ""},
		{[]float64{1.234}, "1.23 s"},
		{[]float64{2, 1.5, 3}, "1.50–3.00 s"},
		{[]float64{1.001, 1.002}, "1.00 s"}, // equal when printed
	}
	for _, tt := range tests {
		if got := span(tt.vs, "%.2f s"); got != tt.want {
			t.Errorf("span(%v) = %q, want %q", tt.vs, got, tt.want)
		}
	}
}
