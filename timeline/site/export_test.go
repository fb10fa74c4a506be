package site

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"maps"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/timelinehq/timeline/timeline/events"
)

// The exports are read back with parsers that are not ours (golang-ical,
// encoding/csv, encoding/json against TimelineJS3's documented format), and
// what they read must agree with events.json: the same events, the same
// dates at the same precision, and links to the event pages that the
// build wrote.

const exportBase = "https://example.org/timeline/"

// exportSite is the fixture with events whose dates, titles and text test
// the exports' edges: zoned and floating times, a week, a quarter, a
// decade, a part of day, an approximate day, an undated event, titles
// that look like spreadsheet formulas, iCalendar's special characters and
// long non-ASCII text that must fold between characters.
func exportSite(t testing.TB, base string) Site {
	s := fixture(t)
	s.BaseURL = base
	s.Description = "Who said what, when; and who reported it."
	s.Exports = ExportNames() // every export, the asked-for ones too
	src := s.Events[2].Sources[0]
	long := events.Source{Article: "content/elsewhere.txt", Title: "Заявление МИД России, часть первая", URL: "https://example.org/ru/заявление",
		Published: "2021-12-31", Sentence: strings.Repeat("Министерство иностранных дел заявило, что диалог возможен; ", 4)}
	s.Events = append(slices.Clone(s.Events),
		events.Event{ID: "2021-12-30-call-biden-putin-a50799", Type: events.Call, Status: events.Occurred, Date: "2021-12-30T20:30Z",
			Title: "Biden and Putin speak for 50 minutes", Actors: []string{"Joe Biden", "Vladimir Putin"}, Sources: []events.Source{src}},
		events.Event{ID: "2021-12-31-statement-psaki", Type: events.Statement, Status: events.Occurred, Date: "2021-12-31T15:00-05:00",
			Title: `=HYPERLINK("http://x.example/") says Psaki, "calm"; no panic \ none`, Actors: []string{"Jen Psaki"}, Sources: []events.Source{src, long}},
		events.Event{ID: "2021-W52-meeting-nato", Type: events.Meeting, Status: events.Planned, Date: "2021-W52",
			Title: "-NATO allies meet", Actors: []string{"NATO"}, Place: "Brussels, Belgium"},
		events.Event{ID: "2022-Q1-visit-blinken", Type: events.Visit, Status: events.Planned, Date: "2022-Q1", Title: "+Blinken visits Kyiv"},
		events.Event{ID: "2021-12-20-warning-lavrov", Type: events.Warning, Status: events.Occurred, Date: "2021-12-20", Mod: "APPROX",
			Title: "@Лавров предупреждает Запад о последствиях расширения НАТО на восток", Actors: []string{"Сергей Лавров"}, Sources: []events.Source{long}},
		events.Event{ID: "2021-12-29TEV-demand-russia", Type: events.Demand, Status: events.Occurred, Date: "2021-12-29TEV", Title: "Russia demands guarantees"},
		events.Event{ID: "199X-agreement-start", Type: events.Agreement, Status: events.Occurred, Date: "199X", Title: "START is signed"},
		events.Event{ID: "past-statement-kremlin", Type: events.Statement, Status: events.Occurred, Date: "PAST_REF", Title: "The Kremlin said so before"},
		events.Event{ID: "2021-12-30-call-floating", Type: events.Call, Status: events.Occurred, Date: "2021-12-30T09:05:07", Title: "An early call"},
	)
	return s
}

// buildExports builds s and returns its files and the chronology its
// events.json holds.
func buildExports(t *testing.T, s Site) (map[string][]byte, []events.Event) {
	t.Helper()
	files := readTree(t, build(t, s, nil))
	var evs []events.Event
	if err := json.Unmarshal(files["events.json"], &evs); err != nil {
		t.Fatalf("events.json: %v", err)
	}
	if len(evs) != len(s.Events) {
		t.Fatalf("events.json has %d events, want %d", len(evs), len(s.Events))
	}
	return files, evs
}

// checkPage checks that u, an event's page address in an export, is a
// page of the output (absolute under base, or relative to the root
// without one) that shows the event's title, at an id when it has a
// fragment.
func checkPage(t *testing.T, files map[string][]byte, base, u string, ev events.Event) {
	t.Helper()
	rel := u
	if base != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(u, base); !ok {
			t.Errorf("%s: page %q is not under the base URL %s", ev.ID, u, base)
			return
		}
	}
	file, frag, _ := strings.Cut(rel, "#")
	page, ok := files[file]
	if !ok {
		t.Errorf("%s: page %q: %s is not in the output", ev.ID, u, file)
		return
	}
	if frag != "" && !bytes.Contains(page, []byte(`id="`+frag+`"`)) {
		t.Errorf("%s: page %q: %s has no id %q", ev.ID, u, file, frag)
	}
	if !strings.Contains(html.UnescapeString(string(page)), ev.Title) {
		t.Errorf("%s: page %q does not show the title %q", ev.ID, u, ev.Title)
	}
}

// reTimex reads the dates the exports place on a calendar: a day with an
// optional clock time and zone, or a part of day.
var reTimex = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?|(MO|MI|AF|EV|NI)))?$`)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func TestICSExport(t *testing.T) {
	for _, base := range []string{exportBase, ""} {
		t.Run("base URL "+strconv.Quote(base), func(t *testing.T) {
			files, evs := buildExports(t, exportSite(t, base))
			data := files["events.ics"]
			t.Run("every line ends in CRLF and has at most 75 octets", func(t *testing.T) {
				if !bytes.HasSuffix(data, []byte("\r\n")) {
					t.Error("the file does not end in CRLF")
				}
				for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
					if len(line) > 75 || strings.ContainsAny(line, "\r\n") || !utf8.ValidString(line) {
						t.Errorf("line %d: %d octets, or a bare line break, or a split character: %q", i+1, len(line), line)
					}
				}
			})
			cal, err := ics.ParseCalendar(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("golang-ical: %v", err)
			}
			host := "timeline"
			if base != "" {
				host = "example.org"
			}
			vevents := map[string]*ics.VEvent{}
			for _, ve := range cal.Events() {
				uid := ve.GetProperty(ics.ComponentPropertyUniqueId).Value
				if vevents[uid] != nil {
					t.Errorf("UID %s twice", uid)
				}
				vevents[uid] = ve
				if _, err := ve.GetDtStampTime(); err != nil {
					t.Errorf("%s: DTSTAMP: %v", uid, err)
				}
			}
			want := 0
			for _, ev := range evs {
				m := reTimex.FindStringSubmatch(string(ev.Date))
				ve := vevents[ev.ID+"@"+host]
				if m == nil {
					if ve != nil {
						t.Errorf("%s (%s) is in the calendar: it has no day", ev.ID, ev.Date)
					}
					continue
				}
				want++
				if ve == nil {
					t.Errorf("%s (%s) is not in the calendar", ev.ID, ev.Date)
					continue
				}
				prop := func(p ics.ComponentProperty) string {
					if v := ve.GetProperty(p); v != nil {
						return v.Value
					}
					return ""
				}
				if got := prop(ics.ComponentPropertySummary); got != ev.Title {
					t.Errorf("%s: SUMMARY %q, want %q", ev.ID, got, ev.Title)
				}
				if got := prop(ics.ComponentPropertyLocation); got != ev.Place {
					t.Errorf("%s: LOCATION %q, want %q", ev.ID, got, ev.Place)
				}
				desc := prop(ics.ComponentPropertyDescription)
				for _, src := range ev.Sources {
					if !strings.Contains(desc, src.Sentence) || !strings.Contains(desc, src.URL) {
						t.Errorf("%s: DESCRIPTION lacks the evidence %q or its URL:\n%s", ev.ID, src.Sentence, desc)
					}
				}
				wantStatus := "CONFIRMED"
				if ev.Status == events.Planned {
					wantStatus = "TENTATIVE"
				}
				if got := prop(ics.ComponentPropertyStatus); got != wantStatus {
					t.Errorf("%s: STATUS %s, want %s", ev.ID, got, wantStatus)
				}
				if u := prop(ics.ComponentPropertyUrl); base != "" {
					checkPage(t, files, base, u, ev)
				} else if u != "" {
					t.Errorf("%s: URL %q without a base URL", ev.ID, u)
				}
				y, mo, d := atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3])
				dtstart := ve.GetProperty(ics.ComponentPropertyDtStart)
				switch {
				case m[4] == "": // a day, or a part of one: all day
					if got := dtstart.ICalParameters["VALUE"]; !slices.Equal(got, []string{"DATE"}) {
						t.Errorf("%s: DTSTART VALUE=%v, want DATE", ev.ID, got)
					}
					start, err := ve.GetAllDayStartAt()
					end, err2 := ve.GetAllDayEndAt()
					if err != nil || err2 != nil || start.Format("2006-01-02") != string(ev.Date[:10]) || !end.Equal(start.AddDate(0, 0, 1)) {
						t.Errorf("%s: all day from %v to %v (%v, %v), want %s for one day", ev.ID, start, end, err, err2, ev.Date)
					}
				case m[7] == "": // floating: the same clock time anywhere
					start, err := ve.GetStartAt()
					if err != nil || start.Location() != time.Local || start.Format("2006-01-02T15:04:05") != time.Date(y, mo, d, atoi(m[4]), atoi(m[5]), atoi(m[6]), 0, time.UTC).Format("2006-01-02T15:04:05") {
						t.Errorf("%s: DTSTART %s (%v), want the floating time %s", ev.ID, dtstart.Value, err, ev.Date)
					}
				default: // a moment
					loc := time.UTC
					if m[7] != "Z" {
						off := atoi(m[7][1:3])*3600 + atoi(m[7][4:6])*60
						if m[7][0] == '-' {
							off = -off
						}
						loc = time.FixedZone("", off)
					}
					start, err := ve.GetStartAt()
					if wantT := time.Date(y, mo, d, atoi(m[4]), atoi(m[5]), atoi(m[6]), 0, loc); err != nil || !start.Equal(wantT) {
						t.Errorf("%s: DTSTART %s (%v), want the moment %s", ev.ID, dtstart.Value, err, ev.Date)
					}
				}
			}
			if len(vevents) != want {
				t.Errorf("%d VEVENTs, want %d", len(vevents), want)
			}
		})
	}
}

func TestCSVExport(t *testing.T) {
	for _, base := range []string{exportBase, ""} {
		t.Run("base URL "+strconv.Quote(base), func(t *testing.T) {
			files, evs := buildExports(t, exportSite(t, base))
			data := files["events.csv"]
			if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
				t.Error("lines do not all end in CRLF")
			}
			r := csv.NewReader(bytes.NewReader(data))
			r.FieldsPerRecord = len(csvHeader)
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatalf("encoding/csv: %v", err)
			}
			if !slices.Equal(rows[0], []string{"id", "date", "mod", "type", "status", "title", "actors", "place", "sources", "first_source_url", "page_url"}) {
				t.Errorf("header %q", rows[0])
			}
			rows = rows[1:]
			if len(rows) != len(evs) {
				t.Fatalf("%d rows, want %d", len(rows), len(evs))
			}
			for i, ev := range evs {
				row := rows[i]
				for j, cell := range row {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Errorf("%s: column %s %q would run as a formula", ev.ID, csvHeader[j], cell)
					}
				}
				first := ""
				if len(ev.Sources) > 0 {
					first = ev.Sources[0].URL
				}
				want := []string{ev.ID, string(ev.Date), ev.Mod, string(ev.Type), string(ev.Status), ev.Title, strings.Join(ev.Actors, "; "), ev.Place,
					strconv.Itoa(len(ev.Sources)), first}
				for j, w := range want {
					if got := strings.TrimPrefix(row[j], "'"); got != w || row[j] != w && !strings.ContainsRune("=+-@", rune(w[0])) {
						t.Errorf("%s: column %s %q, want %q", ev.ID, csvHeader[j], row[j], w)
					}
				}
				checkPage(t, files, base, row[10], ev)
			}
		})
	}
}

// The TimelineJS3 JSON format, as its documentation (website/docs/
// json-format) and loader (src/js/core/TimelineConfig.js, src/js/date/
// TLDate.js) read it: the keys each object may have, and the date parts
// with their ranges. TimelineJS reads date parts with parseInt after
// checking them against /^-?\d*$/, so each must be an integer.
var (
	tlTopKeys   = []string{"events", "title", "eras", "scale"}
	tlSlideKeys = []string{"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
	tlTextKeys  = []string{"headline", "text"}
	tlDateParts = []struct {
		name     string
		min, max int
	}{{"year", -271820, 275759}, {"month", 1, 12}, {"day", 1, 31}, {"hour", 0, 23}, {"minute", 0, 59}, {"second", 0, 59}, {"millisecond", 0, 999}}
)

// checkKeys reports keys of obj that the format does not have.
func checkKeys(t *testing.T, where string, obj map[string]any, allowed []string) {
	t.Helper()
	for k := range obj {
		if !slices.Contains(allowed, k) {
			t.Errorf("%s: key %q is not in the TimelineJS3 format", where, k)
		}
	}
}

// tlDateOf checks a TimelineJS date object and returns its parts in
// order, up to the first that is missing.
func tlDateOf(t *testing.T, where string, v any) []int {
	t.Helper()
	obj, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s: start_date is %T, want an object", where, v)
		return nil
	}
	var allowed []string
	for _, p := range tlDateParts {
		allowed = append(allowed, p.name)
	}
	checkKeys(t, where, obj, append(allowed, "display_date", "format"))
	var parts []int
	for i, p := range tlDateParts {
		raw, ok := obj[p.name]
		if !ok {
			for _, later := range tlDateParts[i:] {
				if _, ok := obj[later.name]; ok {
					t.Errorf("%s: %s without %s", where, later.name, p.name)
				}
			}
			break
		}
		n, ok := raw.(float64)
		if !ok || n != float64(int(n)) || int(n) < p.min || int(n) > p.max {
			t.Errorf("%s: %s = %v, want an integer from %d to %d", where, p.name, raw, p.min, p.max)
		}
		parts = append(parts, int(n))
	}
	if len(parts) == 0 {
		t.Errorf("%s: a date needs a year", where)
	}
	return parts
}

func TestTimelineJSExport(t *testing.T) {
	for _, base := range []string{exportBase, ""} {
		t.Run("base URL "+strconv.Quote(base), func(t *testing.T) {
			s := exportSite(t, base)
			files, evs := buildExports(t, s)
			var doc map[string]any
			if err := json.Unmarshal(files["timelinejs.json"], &doc); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			checkKeys(t, "timelinejs.json", doc, tlTopKeys)
			if title, ok := doc["title"].(map[string]any); !ok {
				t.Error("no title slide")
			} else if text := title["text"].(map[string]any); html.UnescapeString(text["headline"].(string)) != s.Title || html.UnescapeString(text["text"].(string)) != s.Description {
				t.Errorf("title slide %v", text)
			}
			slides, ok := doc["events"].([]any)
			if !ok {
				t.Fatalf("events is %T, want a list", doc["events"])
			}
			byID := map[string]map[string]any{}
			for i, sl := range slides {
				slide, ok := sl.(map[string]any)
				where := "events[" + strconv.Itoa(i) + "]"
				if !ok {
					t.Errorf("%s is %T", where, sl)
					continue
				}
				checkKeys(t, where, slide, tlSlideKeys)
				text, _ := slide["text"].(map[string]any)
				checkKeys(t, where+".text", text, tlTextKeys)
				id, _ := slide["unique_id"].(string)
				if id == "" || byID[id] != nil {
					t.Errorf("%s: unique_id %q is empty or not unique", where, id)
				}
				byID[id] = slide
			}
			n := 0
			for _, ev := range evs {
				slide := byID[ev.ID]
				if ev.Date == "PAST_REF" {
					if slide != nil {
						t.Errorf("%s: an undated event is on the time axis", ev.ID)
					}
					continue
				}
				n++
				if slide == nil {
					t.Errorf("%s (%s) is not in timelinejs.json", ev.ID, ev.Date)
					continue
				}
				parts := tlDateOf(t, ev.ID, slide["start_date"])
				var want []int
				exact := ev.Mod == ""
				if m := reTimex.FindStringSubmatch(string(ev.Date)); m != nil {
					want = []int{atoi(m[1]), atoi(m[2]), atoi(m[3])}
					if m[4] != "" {
						want = append(want, atoi(m[4]), atoi(m[5]))
					}
					exact = exact && m[7] == "" && m[8] == ""
				} else {
					switch ev.Date {
					case "2021-12":
						want = []int{2021, 12}
					case "2021-W52": // the week starts on Monday 27 December
						want, exact = []int{2021, 12, 27}, false
					case "2022-Q1":
						want, exact = []int{2022, 1}, false
					case "199X":
						want, exact = []int{1990}, false
					default:
						t.Fatalf("%s: no expectation for %s", ev.ID, ev.Date)
					}
				}
				if !slices.Equal(parts, want) {
					t.Errorf("%s: start_date %v, want %v for %s", ev.ID, parts, want, ev.Date)
				}
				if display, _ := slide["display_date"].(string); exact != (display == "") {
					t.Errorf("%s: display_date %q for %s %s", ev.ID, display, ev.Date, ev.Mod)
				}
				text := slide["text"].(map[string]any)
				if html.UnescapeString(text["headline"].(string)) != ev.Title {
					t.Errorf("%s: headline %q, want %q", ev.ID, text["headline"], ev.Title)
				}
				if slide["group"] != typeLabel(string(ev.Type)) {
					t.Errorf("%s: group %q, want %q", ev.ID, slide["group"], typeLabel(string(ev.Type)))
				}
				body := html.UnescapeString(text["text"].(string))
				for _, src := range ev.Sources {
					if !strings.Contains(body, src.Sentence) {
						t.Errorf("%s: text lacks the evidence %q", ev.ID, src.Sentence)
					}
				}
				hrefs := regexp.MustCompile(`href='([^']*)'`).FindAllStringSubmatch(text["text"].(string), -1)
				if len(hrefs) == 0 {
					t.Errorf("%s: text has no link", ev.ID)
					continue
				}
				checkPage(t, files, base, html.UnescapeString(hrefs[len(hrefs)-1][1]), ev)
			}
			if len(slides) != n {
				t.Errorf("%d slides, want %d", len(slides), n)
			}
		})
	}
}

func TestTimelineJSInTheDisplayZone(t *testing.T) {
	s := exportSite(t, "")
	s.TimeZone, _ = time.LoadLocation("Europe/Moscow")
	v := newSiteView(s, "")
	for i, ev := range v.Events {
		if ev.ID != "2021-12-31-statement-psaki" {
			continue
		}
		// 15:00 at UTC-5 is 20:00 UTC, 23:00 in Moscow.
		d, ok := timelineJSDate(string(s.Events[i].Date), ev, &s)
		if !ok || !slices.Equal(d.parts, []int{2021, 12, 31, 23, 0}) || d.display != "Friday 31 December 2021, 23:00 MSK" {
			t.Errorf("got %+v, want 23:00 on 31 December, shown with MSK", d)
		}
		return
	}
	t.Fatal("no event")
}

func TestExportsChosenByName(t *testing.T) {
	for _, tc := range []struct {
		exports []string
		want    []string
	}{
		{nil, []string{"events.csv", "events.json", "feed.xml"}},
		{[]string{}, []string{"events.json", "feed.xml"}},
		{[]string{"csv"}, []string{"events.csv", "events.json", "feed.xml"}},
		{[]string{"ics", "timelinejs", "json"}, []string{"events.ics", "events.json", "feed.xml", "timelinejs.json"}},
	} {
		t.Run(strings.Join(tc.exports, ","), func(t *testing.T) {
			s := fixture(t)
			s.Exports = tc.exports
			files := readTree(t, build(t, s, nil))
			var got []string
			for _, name := range slices.Sorted(maps.Keys(files)) {
				if !strings.Contains(name, "/") && (strings.HasPrefix(name, "events.") || name == "feed.xml" || name == "timelinejs.json") {
					got = append(got, name)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("wrote %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("an unknown name fails the build and names the exports", func(t *testing.T) {
		s := fixture(t)
		s.Exports = []string{"ical"}
		err := buildSite(context.Background(), s, nil, filepath.Join(t.TempDir(), "public"))
		if err == nil || !strings.Contains(err.Error(), `"ical"`) || !strings.Contains(err.Error(), "csv, ics, timelinejs") {
			t.Errorf("err = %v", err)
		}
	})
}

// TestExportsAreKept checks that the exports take part in the incremental
// writer: a rebuild of the same chronology neither makes nor writes any of
// them, and a change to anything they show makes them all again.
func TestExportsAreKept(t *testing.T) {
	s := exportSite(t, exportBase)
	xs, err := exportsOf(&s)
	if err != nil {
		t.Fatal(err)
	}
	write := func(s Site, kept map[string]Key) map[string]Key {
		k := &keeper{kept: kept, written: map[string]Key{}}
		if err := writeExports(context.Background(), k, newSiteView(s, exportBase), &s, xs); err != nil {
			t.Fatal(err)
		}
		return k.written
	}
	first := write(s, map[string]Key{})
	if len(first) != 5 {
		t.Fatalf("a first build wrote %v, want the five exports", slices.Sorted(maps.Keys(first)))
	}
	if again := write(s, first); len(again) != 0 {
		t.Errorf("an unchanged rebuild made %v, want nothing", slices.Sorted(maps.Keys(again)))
	}
	edit := s
	edit.Events = slices.Clone(s.Events)
	edit.Events[3].Sources = slices.Clone(edit.Events[3].Sources)
	edit.Events[3].Sources[0].URL += "?corrected"
	if got := write(edit, first); len(got) != 5 {
		t.Errorf("a changed source URL made %v again, want all five", slices.Sorted(maps.Keys(got)))
	}

	t.Run("an unchanged build writes no file", func(t *testing.T) {
		parent := t.TempDir()
		out, state := filepath.Join(parent, "public"), filepath.Join(parent, "state")
		for i, want := range []int{-1, 0} {
			st, err := Build(context.Background(), s, nil, out, Options{StateDir: state})
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 && st.Written != want {
				t.Errorf("rebuild wrote %d files, want %d", st.Written, want)
			}
		}
	})
}

// TestExportDigestCoversEveryField changes, one at a time, every field of
// an event and of a source (found by reflection, so a field added to
// events.Event later is tested too) and every setting an export reads,
// and checks that the digest that keeps exports changes.
func TestExportDigestCoversEveryField(t *testing.T) {
	base := exportSite(t, exportBase)
	digest := func(s Site) Key {
		b, _ := normalizeBaseURL(s.BaseURL)
		return exportDigest(newSiteView(s, b), &s)
	}
	d0 := digest(base)
	if digest(base) != d0 {
		t.Fatal("the digest of the same site differs")
	}
	changed := func(name string, edit func(s *Site)) {
		s := base
		s.Events = slices.Clone(base.Events)
		for i := range s.Events {
			s.Events[i].Actors = slices.Clone(s.Events[i].Actors)
			s.Events[i].Sources = slices.Clone(s.Events[i].Sources)
		}
		edit(&s)
		if digest(s) == d0 {
			t.Errorf("changing %s leaves the exports' digest as it was", name)
		}
	}
	mutate := func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.String {
				v.Set(reflect.Append(v, reflect.ValueOf("x").Convert(v.Type().Elem())))
			} else {
				v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
			}
		default:
			t.Fatalf("no way to change a %s", v.Kind())
		}
	}
	evType := reflect.TypeFor[events.Event]()
	for i := range evType.NumField() {
		f := evType.Field(i)
		if f.Name == "Sources" {
			continue
		}
		changed("Event."+f.Name, func(s *Site) { mutate(reflect.ValueOf(&s.Events[3]).Elem().Field(i)) })
	}
	srcType := reflect.TypeFor[events.Source]()
	for i := range srcType.NumField() {
		changed("Source."+srcType.Field(i).Name, func(s *Site) { mutate(reflect.ValueOf(&s.Events[3].Sources[1]).Elem().Field(i)) })
	}
	changed("a source more", func(s *Site) { s.Events[0].Sources = append(s.Events[0].Sources, s.Events[1].Sources[0]) })
	changed("Title", func(s *Site) { s.Title = "Other" })
	changed("BaseURL", func(s *Site) { s.BaseURL = "https://example.com/" })
	changed("Description", func(s *Site) { s.Description = "Other" })
	changed("Language", func(s *Site) { s.Language = "de" })
	changed("TimeZone", func(s *Site) { s.TimeZone = time.UTC })
	changed("FeedLimit", func(s *Site) { s.FeedLimit = 3 })
	changed("Version", func(s *Site) { s.Version = "v2" })
	changed("the order of events", func(s *Site) { s.Events[0], s.Events[1] = s.Events[1], s.Events[0] })
}

func TestICSLines(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"a short line stays whole", "SUMMARY:Call", "SUMMARY:Call\r\n"},
		{"a long line folds at 75 octets, then 74 after the space", "X:" + strings.Repeat("a", 160),
			"X:" + strings.Repeat("a", 73) + "\r\n " + strings.Repeat("a", 74) + "\r\n " + strings.Repeat("a", 13) + "\r\n"},
		{"a fold never splits a character", "X:" + strings.Repeat("a", 72) + "ж",
			"X:" + strings.Repeat("a", 72) + "\r\n ж\r\n"},
		{"bytes that are no UTF-8 still fold, and end", "X:" + strings.Repeat("\x80", 80),
			"X:" + strings.Repeat("\x80", 69) + "\r\n " + strings.Repeat("\x80", 11) + "\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c icsWriter
			c.line(tc.in)
			if got := string(c.b); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{`a, b; c\d`, `a\, b\; c\\d`},
		{"line\r\nbreak\nand\rmore", `line\nbreak\nand\nmore`},
		{"bell\a and tab\t", "bell and tab"},
	} {
		if got := icsEscape(tc.in); got != tc.want {
			t.Errorf("icsEscape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCSVNeutralizesFormulas(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"a=1", "a=1"}, {"", ""}, {"2021-12-30", "2021-12-30"},
	} {
		if got := neutralize(tc.in); got != tc.want {
			t.Errorf("neutralize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseWhenIn(t *testing.T) {
	moscow, _ := time.LoadLocation("Europe/Moscow")
	ny, _ := time.LoadLocation("America/New_York")
	kolkata, _ := time.LoadLocation("Asia/Kolkata")
	for _, tc := range []struct {
		name          string
		value         string
		loc           *time.Location
		long, key, dt string
	}{
		{"no display zone: as the text gives it", "2021-12-30T20:30Z", nil, "Thursday 30 December 2021, 20:30 UTC", "2021-12", "2021-12-30T20:30Z"},
		{"a UTC time in Moscow", "2021-12-30T20:30Z", moscow, "Thursday 30 December 2021, 23:30 MSK", "2021-12", "2021-12-30T23:30+03:00"},
		{"a time that is the next day, and month, there", "2021-12-31T22:00-05:00", moscow, "Saturday 1 January 2022, 06:00 MSK", "2022-01", "2022-01-01T06:00+03:00"},
		{"a zone named by its offset keeps the offset", "2021-12-30T20:30Z", kolkata, "Friday 31 December 2021, 02:00 IST", "2021-12", "2021-12-31T02:00+05:30"},
		{"a floating time stays", "2021-12-30T20:30", ny, "Thursday 30 December 2021, 20:30", "2021-12", "2021-12-30T20:30"},
		{"a day stays", "2021-12-30", ny, "Thursday 30 December 2021", "2021-12", "2021-12-30"},
		{"a mod stays", "2021-12-30T20:30Z", ny, "around Thursday 30 December 2021, 15:30 EST", "2021-12", "2021-12-30T15:30-05:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mod := ""
			if strings.HasPrefix(tc.long, "around") {
				mod = "APPROX"
			}
			w := parseWhenIn(tc.value, mod, tc.loc)
			if w.Long != tc.long || w.Key != tc.key || w.Datetime != tc.dt {
				t.Errorf("got %q %q %q, want %q %q %q", w.Long, w.Key, w.Datetime, tc.long, tc.key, tc.dt)
			}
		})
	}
}

// BenchmarkExports makes each export of 20,000 events, and the digest that
// lets a rebuild keep them all.
func BenchmarkExports(b *testing.B) {
	s := syntheticSite(20000, 2000)
	s.BaseURL = exportBase
	s.Exports = ExportNames() // every export, the asked-for ones too
	v := newSiteView(s, exportBase)
	xs, err := exportsOf(&s)
	if err != nil {
		b.Fatal(err)
	}
	for _, x := range xs {
		b.Run(x.Name(), func(b *testing.B) {
			size := 0
			b.ReportAllocs()
			for b.Loop() {
				data, err := x.Make(v, &s)
				if err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			b.SetBytes(int64(size))
		})
	}
	b.Run("digest", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			exportDigest(v, &s)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(v.Events)), "ns/event")
	})
}

// eventsJSON is events.json for the chronology evs, as a build makes it.
func eventsJSON(evs []events.Event) ([]byte, error) {
	s := Site{Events: evs}
	return jsonExport{}.Make(newSiteView(s, ""), &s)
}
