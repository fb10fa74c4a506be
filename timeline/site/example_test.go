package site_test

import (
	"context"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/site"
)

func ExampleBuild() {
	raw := "Joe Biden and Vladimir Putin will speak by phone on Thursday.\n"
	a := &article.Article{
		Path:      "content/call.txt",
		Title:     "Biden and Putin to talk",
		Published: time.Date(2021, 12, 30, 0, 0, 0, 0, time.UTC),
		Raw:       []byte(raw),
		Blocks: []article.Block{{
			Kind: article.Paragraph, Text: raw[:len(raw)-1],
			Spans: []article.Span{{Text: 0, File: 0, Len: len(raw) - 1}},
		}},
	}
	s := site.Site{
		Title: "Ukraine crisis",
		Events: []events.Event{{
			ID: "2021-12-30-call-biden-putin", Type: events.Call, Status: events.Planned,
			Date: "2021-12-30", Title: "Joe Biden and Vladimir Putin hold a phone call",
			Actors: []string{"Joe Biden", "Vladimir Putin"},
			Sources: []events.Source{{Article: a.Path, Title: a.Title, Published: "2021-12-30",
				Sentence: raw[:len(raw)-1], Start: 0, End: len(raw) - 1}},
		}},
		Articles: []*article.Article{a},
	}

	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	tmpl, err := site.Templates("") // or a folder of your own templates
	if err != nil {
		log.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := site.Build(context.Background(), s, tmpl, out, site.Options{}); err != nil {
		log.Fatal(err)
	}
	err = fs.WalkDir(os.DirFS(out), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name == "search" { // the search index: many small files
			fmt.Println("search/...")
			return fs.SkipDir
		}
		if !d.IsDir() {
			fmt.Println(name)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// .timeline-output
	// 404.html
	// actors/index.html
	// actors/joe-biden.html
	// actors/vladimir-putin.html
	// articles/call.html
	// assets/favicon.svg
	// assets/style.css
	// assets/timeline.js
	// events/2021-12-30.html
	// events.csv
	// events.json
	// feed.xml
	// index.html
	// periods/2021-12.html
	// search/...
	// search.html
	// types/call.html
	// types/index.html
}
