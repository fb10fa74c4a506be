package site

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
)

func FuzzParseWhen(f *testing.F) {
	for _, v := range []string{"2021-12-30T20:30", "2021-12", "2021-W52", "2021", "2021-SU", "199", "PAST_REF", "2021-12-30TEV+01:00", "",
		"2021-12-30T25:99", "2021-W53", "2020-W53-WE", "2021-12-30T20:30:59.5-0530", "0000-12", "2021-12-30T23:59Z"} {
		f.Add(v, "")
		f.Add(v, "START")
	}
	f.Fuzz(func(t *testing.T, value, mod string) {
		w := makeWhen(value, mod) // the parser, not the memo: fuzzing would fill it
		if w.Long == "" || w.Short == "" || w.Group == "" {
			t.Errorf("parseWhen(%q, %q) = %+v: an empty label", value, mod, w)
		}
		if (w.Key == "") != (w.Group == "Undated") {
			t.Errorf("parseWhen(%q, %q) = %+v: key and group disagree", value, mod, w)
		}
		if w.Datetime != "" && !validHTMLDatetime(w.Datetime) {
			t.Errorf("parseWhen(%q, %q).Datetime = %q: not a valid HTML datetime", value, mod, w.Datetime)
		}
	})
}

// validHTMLDatetime reports whether s is one of the forms of the HTML
// datetime attribute that a date can take: a year, month, date, week,
// local date and time, or global date and time (the HTML Living Standard,
// "common microsyntaxes: dates and times"). It is written from the
// standard, apart from the code under test.
func validHTMLDatetime(s string) bool {
	num := func(s string, lo, hi int) bool {
		n, err := strconv.Atoi(s)
		return err == nil && !strings.HasPrefix(s, "+") && !strings.HasPrefix(s, "-") && n >= lo && n <= hi
	}
	leap := func(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
	m := regexp.MustCompile(`^(\d{4,})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?)?|-W(\d{2}))?$`).FindStringSubmatch(s)
	if m == nil {
		return false
	}
	year, _ := strconv.Atoi(m[1])
	if year < 1 {
		return false
	}
	if m[8] != "" { // a week: 53 weeks when the year starts on a Thursday, or a Wednesday in a leap year
		jan1 := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC).Weekday()
		weeks := 52
		if jan1 == time.Thursday || jan1 == time.Wednesday && leap(year) {
			weeks = 53
		}
		return num(m[8], 1, weeks)
	}
	if m[2] == "" {
		return true
	}
	if !num(m[2], 1, 12) {
		return false
	}
	if m[3] == "" {
		return true
	}
	month, _ := strconv.Atoi(m[2])
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if m[2] == "02" && leap(year) {
		days = 29
	}
	if !num(m[3], 1, days) {
		return false
	}
	if m[4] == "" {
		return m[7] == "" // no zone without a time
	}
	if !num(m[4], 0, 23) || !num(m[5], 0, 59) || m[6] != "" && !num(m[6], 0, 59) {
		return false
	}
	if z := strings.ReplaceAll(m[7], ":", ""); len(z) == 5 {
		return num(z[1:3], 0, 23) && num(z[3:], 0, 59)
	}
	return true
}

func TestValidHTMLDatetime(t *testing.T) {
	for s, want := range map[string]bool{
		"2021": true, "0000": false, "2021-12": true, "2021-13": false, "2021-12-30": true, "2021-02-29": false, "2020-02-29": true,
		"2021-12-30T20:30": true, "2021-12-30T20:30:15.123": true, "2021-12-30T20:30Z": true, "2021-12-30T20:30+01:00": true,
		"2021-12-30T24:00": false, "2021-12-30T20:30+01": false, "2021-12-30+01:00": false, "2021-12-30TEV": false,
		"2020-W53": true, "2021-W53": false, "2021-W52": true, "2015-W53": true, "2021-W00": false,
	} {
		if got := validHTMLDatetime(s); got != want {
			t.Errorf("validHTMLDatetime(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzMarks checks that marking any byte ranges of a paragraph keeps its
// text whole, in order, and gives every range an id: a mark where it
// shows, an anchor at the top where it does not.
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
		av := v.Articles[0].view()
		av.render(v.Articles[0], a)
		var text strings.Builder
		ids := map[string]bool{}
		for _, id := range av.Unplaced {
			ids[id] = true
		}
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

// FuzzEventsJSON checks that events.json spells any strings as
// encoding/json does.
func FuzzEventsJSON(f *testing.F) {
	f.Add("Joe Biden", "said \"no\"", "\u2028\xff<&>")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		evs := []events.Event{{ID: a, Title: b, Actors: []string{c, a}, Place: c,
			Sources: []events.Source{{Article: b, Sentence: c, URL: a, Start: len(a), End: len(b)}}}}
		got, err := eventsJSON(evs)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceEventsJSON(t, evs); !bytes.Equal(got, want) {
			t.Errorf("differs from encoding/json\n%s", firstDiff(got, want))
		}
	})
}

// FuzzExportEscapes checks the exports' hand-written escapes against
// the standard library's: jsonString against encoding/json without HTML
// escaping, appendHTML against html.EscapeString, each the same for a
// string and its bytes.
func FuzzExportEscapes(f *testing.F) {
	for _, s := range []string{"", "plain", `say "no" \ now`, "\u2028\u2029\xff\xfe<&>'\"", "\x00\x01\b\f\n\r\t\x1f\x7f", "Genève “quoted”", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		w := bytes.TrimSuffix(want.Bytes(), []byte("\n"))
		if got := jsonString(nil, s); !bytes.Equal(got, w) {
			t.Errorf("jsonString(%q) = %s, want %s", s, got, w)
		}
		if got := jsonString(nil, []byte(s)); !bytes.Equal(got, w) {
			t.Errorf("jsonString([]byte(%q)) = %s, want %s", s, got, w)
		}
		if got, want := string(appendHTML(nil, s)), html.EscapeString(s); got != want {
			t.Errorf("appendHTML(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendHTML([]byte("x"), []byte(s))), "x"+html.EscapeString(s); got != want {
			t.Errorf("appendHTML(x, []byte(%q)) = %q, want %q", s, got, want)
		}
		if got, want := string(appendICSText(nil, []byte(s))), icsEscape(s); got != want {
			t.Errorf("appendICSText([]byte(%q)) = %q, want %q", s, got, want)
		}
	})
}
