package site

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timelinehq/timeline/internal/testshared"
)

// timelineJSDist is the dist folder of TimelineJS3 (npm's
// @knight-lab/timelinejs), a test-only tool: .ci/run installs it into a
// scratch folder and sets the variable.
const timelineJSDist = "TIMELINE_TIMELINEJS"

// timelineJSEmbed is a page that embeds TimelineJS as a newsroom's page
// would and gives it the site's timelinejs.json; it reports what
// TimelineJS made of it in window.result.
const timelineJSEmbed = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
</head><body>
<div id="embed" style="width: 960px; height: 600px"></div>
<script>
window.problems = [];
window.addEventListener('error', e => problems.push(String(e.message)));
fetch('/site/timelinejs.json').then(r => r.json()).then(data => {
  const tl = new TL.Timeline('embed', data);
  setTimeout(() => {
    const c = tl.config || {};
    window.result = {
      errors: c.getErrors ? c.getErrors() : ['no configuration'],
      events: (c.events || []).length,
      dated: (c.events || []).filter(e => e.start_date && e.start_date.data && e.start_date.data.year).length,
      ids: (c.events || []).map(e => e.unique_id),
      title: !!c.title,
      slides: document.querySelectorAll('.tl-slide').length,
      problems: window.problems,
    };
  }, 500);
}).catch(e => { window.result = {errors: [String(e)], events: -1, ids: [], problems: window.problems}; });
</script>
</body></html>`

// TestBrowserTimelineJSLoadsTheExport gives timelinejs.json to
// TimelineJS3 itself in headless Chromium: it must take every event, with
// its date and ID, and report no error.
func TestBrowserTimelineJSLoadsTheExport(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dist := os.Getenv(timelineJSDist)
	if dist == "" {
		if testshared.InCI() {
			t.Fatalf("$%s must name TimelineJS3's dist folder in CI", timelineJSDist)
		}
		t.Skipf("$%s is not set: no TimelineJS (npm install @knight-lab/timelinejs, and set it to node_modules/@knight-lab/timelinejs/dist)", timelineJSDist)
	}
	s := fixture(t)
	s.BaseURL = "https://example.org/timeline/"
	s.Exports = []string{"timelinejs"}
	out := build(t, s, nil)
	var export struct {
		Events []struct {
			UniqueID string `json:"unique_id"`
		} `json:"events"`
	}
	data, err := os.ReadFile(filepath.Join(out, "timelinejs.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &export); err != nil || len(export.Events) == 0 {
		t.Fatalf("timelinejs.json: %v, %d events", err, len(export.Events))
	}

	mux := http.NewServeMux()
	mux.Handle("/tl/", http.StripPrefix("/tl/", http.FileServer(http.Dir(dist))))
	mux.Handle("/site/", http.StripPrefix("/site/", http.FileServer(http.Dir(out))))
	mux.HandleFunc("/embed.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(timelineJSEmbed))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx, cancel := chromedp.NewContext(newBrowser(t))
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/embed.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.result !== undefined`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("TimelineJS did not load the export: %v", err)
	}
	var got struct {
		Errors   []string
		Events   int
		Dated    int
		IDs      []string
		Title    bool
		Slides   int
		Problems []string
	}
	raw := eval[string](t, ctx, `JSON.stringify(window.result)`)
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("result %s: %v", raw, err)
	}
	if len(got.Errors) > 0 || len(got.Problems) > 0 {
		t.Errorf("TimelineJS reports %q, and the page %q", got.Errors, got.Problems)
	}
	if got.Events != len(export.Events) || got.Dated != got.Events {
		t.Errorf("TimelineJS took %d events, %d of them dated; the export has %d", got.Events, got.Dated, len(export.Events))
	}
	want := map[string]bool{}
	for _, e := range export.Events {
		want[e.UniqueID] = true
	}
	for _, id := range got.IDs {
		if !want[id] {
			t.Errorf("TimelineJS shows an event %q the export does not have", id)
		}
	}
	if !got.Title || got.Slides < len(export.Events) {
		t.Errorf("title slide %v, %d slides for %d events", got.Title, got.Slides, len(export.Events))
	}
}
