package site

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

func FuzzParseWhen(f *testing.F) {
	for _, v := range []string{"2021-12-30T20:30", "2021-12", "2021-W52", "2021", "2021-SU", "199", "PAST_REF", "2021-12-30TEV+01:00", ""} {
		f.Add(v, "")
		f.Add(v, "START")
	}
	f.Fuzz(func(t *testing.T, value, mod string) {
		w := parseWhen(value, mod)
		if w.Long == "" || w.Short == "" || w.Group == "" {
			t.Errorf("parseWhen(%q, %q) = %+v: an empty label", value, mod, w)
		}
		if (w.Key == "") != (w.Group == "Undated") {
			t.Errorf("parseWhen(%q, %q) = %+v: key and group disagree", value, mod, w)
		}
	})
}

// FuzzMarks checks that marking any byte ranges of a paragraph keeps its
// text whole, in order, and gives every range that shows an id.
func FuzzMarks(f *testing.F) {
	f.Add("Biden will stress in his call\nwith Putin that talks ¿matter?", 3, 20, 10, 40)
	f.Add("one\ntwo\nthree", 0, 13, 4, 7)
	f.Fuzz(func(t *testing.T, raw string, s1, e1, s2, e2 int) {
		if !utf8.ValidString(raw) || strings.Contains(raw, "\n\n") || strings.TrimSpace(raw) != raw || raw == "" {
			t.Skip()
		}
		blocks := splitBlocks([]byte(raw), 0)
		if len(blocks) != 1 {
			t.Skip()
		}
		a := &article.Article{Path: "a.txt", Title: "A", Raw: []byte(raw), Blocks: blocks}
		var srcs []events.Source
		for _, r := range [][2]int{{s1, e1}, {s2, e2}} {
			srcs = append(srcs, events.Source{Article: "a.txt", Start: r[0], End: r[1]})
		}
		v := newSiteView(Site{Events: []events.Event{{ID: "e", Sources: srcs}}, Articles: []*article.Article{a}}, "")
		av := v.Articles[0]
		var text strings.Builder
		ids := map[string]bool{}
		for _, seg := range av.Blocks[0].Segments {
			text.WriteString(seg.Text)
			if seg.ID != "" {
				ids[seg.ID] = true
			}
			for _, id := range seg.Anchors {
				ids[id] = true
			}
		}
		if text.String() != blocks[0].Text {
			t.Fatalf("segments spell %q, want %q", text.String(), blocks[0].Text)
		}
		for _, sv := range v.Events[0].Sources {
			if _, frag, ok := strings.Cut(sv.Href, "#"); ok && !ids[frag] {
				t.Errorf("source %d-%d links to #%s, which is not in the page", sv.Start, sv.End, frag)
			}
		}
	})
}
