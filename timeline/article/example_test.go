package article_test

import (
	"fmt"
	"log"

	"github.com/timelinehq/timeline/timeline/article"
)

func ExampleParse() {
	src := []byte(`Biden, Putin Emphasize Diplomacy

By [Evan Gershkovich](#) and [Sebastian Smith](#)

December 30, 2021

kremlin.ru

Biden will stress in his call with

Putin that Washington is looking for a "diplomatic path."

Original url:

<https://example.org/biden-putin>
`)
	a, err := article.Parse("biden-putin.txt", src)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Author)
	fmt.Println(a.Published.Format("2006-01-02"), "from line", a.PublishedLine)
	fmt.Println(a.URL)
	for _, b := range a.Blocks {
		fmt.Printf("%s, line %d: %s\n", b.Kind, b.Line, b.Text)
		// Map a word of the text back to the file.
		i := len("Biden will stress in his call with ")
		start, end := b.FileOffset(i), b.FileEnd(i+len("Putin"))
		fmt.Printf("%q at bytes [%d,%d) of the file\n", src[start:end], start, end)
	}
	// Output:
	// Biden, Putin Emphasize Diplomacy
	// Evan Gershkovich and Sebastian Smith
	// 2021-12-30 from line 5
	// https://example.org/biden-putin
	// paragraph, line 9: Biden will stress in his call with Putin that Washington is looking for a "diplomatic path."
	// "Putin" at bytes [152,157) of the file
}

func ExampleError() {
	_, err := article.Parse("draft.md", []byte("---\ntitle: Draft\n---\nNo date yet.\n"))
	fmt.Println(err)
	// Output:
	// draft.md:1: no publication date; add a date line or date: in front matter
}
