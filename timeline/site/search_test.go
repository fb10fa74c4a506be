package site

import (
	"encoding/json"
	"fmt"
	"github.com/timelinehq/timeline/timeline/timex"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/events"
)

func TestSearchTokens(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Joe Biden and Vladimir Putin hold a phone call", []string{"joe", "biden", "vladimir", "putin", "hold", "phone", "call"}},
		{"Talks in Genève, 10 January: Putin's 2nd call", []string{"talks", "geneve", "10", "january", "putin", "2nd", "call"}},
		{"Зеленський і Erdoğan", []string{"зеленський", "erdoğan"}},
		{"U.S. officials said a", []string{"officials"}},
		{"ǅemal ΣΟΦΊΑ", []string{"ǆemal", "σοφία"}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			searchTokens(tc.text, nil, func(w []byte) { got = append(got, string(w)) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if !slices.IsSorted(stopWords) {
		t.Error("stopWords is not sorted")
	}
}

func TestShardNames(t *testing.T) {
	for p, want := range map[string]string{"pu": "pu", "20": "20", "зе": "_437__435_", "erdoğ": "erdo_11f_"} {
		if got := shardName(p); got != want {
			t.Errorf("shardName(%q) = %q, want %q", p, got, want)
		}
	}
}

// decodeSearch reads a file of the search index back into v.
func decodeSearch(t *testing.T, files map[string][]byte, name string, v any) {
	t.Helper()
	data, ok := files["search/"+name+".js"]
	if !ok {
		t.Fatalf("no search/%s.js", name)
	}
	head := fmt.Sprintf("%s(%q,", searchCall, name)
	s := string(data)
	if !strings.HasPrefix(s, head) || !strings.HasSuffix(s, ");\n") {
		t.Fatalf("search/%s.js: %.40q is no call of %s", name, s, searchCall)
	}
	if err := json.Unmarshal([]byte(s[len(head):len(s)-3]), v); err != nil {
		t.Fatalf("search/%s.js: %v", name, err)
	}
}

// searchMeta is search/meta.js, as a test reads it.
type searchMeta struct {
	V      int      `json:"v"`
	Count  int      `json:"count"`
	Chunks []int64  `json:"chunks"` // delta-encoded
	Types  [][4]any `json:"types"`  // value, label, slug, number
	Actors [][3]any `json:"actors"` // name, slug, number
	Shards []string `json:"shards"`
	Stop   []string `json:"stop"`
}

// searchIndex reads the index in files back as the script does.
type searchIndex struct {
	t      *testing.T
	files  map[string][]byte
	meta   searchMeta
	shards map[string]map[string][]int64
	chunks []int64
}

func readSearchIndex(t *testing.T, files map[string][]byte) *searchIndex {
	t.Helper()
	x := &searchIndex{t: t, files: files, shards: map[string]map[string][]int64{}}
	decodeSearch(t, files, "meta", &x.meta)
	for _, name := range x.meta.Shards {
		m := map[string][]int64{}
		decodeSearch(t, files, "t/"+name, &m)
		x.shards[name] = m
	}
	x.chunks = undelta(x.meta.Chunks)
	return x
}

// lookup is the events with the word w itself.
func (x *searchIndex) lookup(w string) []int64 {
	var out []int64
	for _, name := range x.meta.Shards {
		if strings.HasPrefix(shardName(w), name) {
			out = append(out, undelta(x.shards[name][w])...)
		}
	}
	return out
}

// doc is the result entry of event n, with the date of the entry before
// where it leaves it out, and the name of its file.
func (x *searchIndex) doc(n int64) ([]any, string) {
	x.t.Helper()
	i, found := slices.BinarySearch(x.chunks, n)
	if !found {
		i--
	}
	if i < 0 {
		x.t.Fatalf("no result file holds event %d", n)
	}
	name := fmt.Sprintf("d/%d", x.chunks[i])
	var data []json.RawMessage
	decodeSearch(x.t, x.files, name, &data)
	var nums []int64
	if err := json.Unmarshal(data[0], &nums); err != nil {
		x.t.Fatal(err)
	}
	at, when := x.chunks[i], any("")
	for j, d := range undelta(nums) {
		var doc []any
		if err := json.Unmarshal(data[j+1], &doc); err != nil {
			x.t.Fatal(err)
		}
		if doc[3] == float64(0) {
			doc[3] = when
		}
		when = doc[3]
		if at+d == n {
			return doc, name
		}
	}
	x.t.Fatalf("%s does not hold event %d", name, n)
	return nil, ""
}

// TestSearchIndex builds a site whose index needs longer prefixes and
// looks words up as the script does: every event is found by every word of
// its title, actors, place and evidence, and by nothing else.
func TestSearchIndex(t *testing.T) {
	s := syntheticSite(3000, 300)
	s.Events[7].Place = "Genève"
	s.Events[8].Actors = append(s.Events[8].Actors, "Володимир Зеленський")
	files := readTree(t, build(t, s, nil))
	v := newSiteView(s, "")
	x := readSearchIndex(t, files)
	meta := x.meta
	if meta.Count != len(s.Events) {
		t.Errorf("meta: %d events", meta.Count)
	}
	for name, m := range x.shards {
		size := len(files["search/t/"+name+".js"])
		if size > shardBytes+64 && len(m) > 1 && utf8.RuneCountInString(name) < maxPrefix {
			t.Errorf("shard %s has %d bytes", name, size)
		}
		for term := range m {
			if !strings.HasPrefix(shardName(term), name) {
				t.Errorf("shard %s holds %q", name, term)
			}
		}
	}
	if !slices.ContainsFunc(meta.Shards, func(s string) bool { return len(s) > 2 }) {
		t.Error("no shard was split by a longer prefix")
	}
	nb := searchNumbers(v)
	order, nums := nb.order, nb.nums
	if !slices.IsSorted(nums) || len(slices.Compact(slices.Clone(nums))) != len(nums) {
		t.Fatal("the numbers do not grow")
	}
	number := map[*eventView]int64{}
	for k, i := range order {
		number[v.Events[i]] = nums[k]
	}
	want := map[string][]int64{}
	for k, i := range order {
		for _, w := range eventTerms(v.Events[i]) {
			want[w] = append(want[w], nums[k])
		}
	}
	for w, evs := range want {
		if got := x.lookup(w); !slices.Equal(got, evs) {
			t.Errorf("%q finds %d events, want %d", w, len(got), len(evs))
		}
	}
	for _, w := range []string{"geneve", "зеленський", "paragraph", "official"} {
		if len(x.lookup(w)) == 0 {
			t.Errorf("%q finds nothing", w)
		}
	}

	t.Run("numbers follow the chronology's dates and types", func(t *testing.T) {
		for k := 1; k < len(order); k++ {
			a, b := &v.source[order[k-1]], &v.source[order[k]]
			wa, wb := roomOf(string(a.Date)), roomOf(string(b.Date))
			if wa.dated && wb.dated && (wa.start > wb.start || wa.start == wb.start && (wa.end < wb.end || wa.end == wb.end && a.Type > b.Type)) {
				t.Fatalf("%s (%s) is before %s (%s)", a.ID, a.Date, b.ID, b.Date)
			}
		}
	})
	t.Run("result files hold every event at its number, with its permalink", func(t *testing.T) {
		for _, ev := range v.Events {
			doc, _ := x.doc(number[ev])
			if doc[0] != ev.Path || doc[1] != ev.Title || doc[3] != ev.When.Long {
				t.Errorf("event %d is %v, want %s, %s", number[ev], doc[:4], ev.Path, ev.When.Long)
			}
		}
	})
	t.Run("facets and dates cover every event", func(t *testing.T) {
		var all []int64
		for _, typ := range meta.Types {
			var d []int64
			decodeSearch(t, files, "f/type-"+typ[2].(string), &d)
			all = append(all, undelta(d)...)
		}
		slices.Sort(all)
		if !slices.Equal(all, nums) {
			t.Errorf("the types' lists hold %d events, want %d", len(all), len(nums))
		}
		var runs [][4]any
		decodeSearch(t, files, "dates", &runs)
		n, k := int64(0), 0
		for _, r := range runs {
			first := n + int64(r[2].(float64))
			n = first + int64(r[3].(float64))
			if r[0].(string) > r[1].(string) {
				t.Errorf("run %v ends before it starts", r)
			}
			for ; k < len(nums) && nums[k] <= n; k++ {
				ev := v.Events[order[k]]
				if nums[k] < first {
					t.Fatalf("event %d (%s) is in no run", nums[k], ev.ID)
				}
				start, end, _ := timex.Span(ev.Date)
				if start.Format("2006-01-02") != r[0] || end.Add(-1).Format("2006-01-02") != r[1] {
					t.Errorf("event %d (%s) is in the run %v", nums[k], ev.Date, r)
				}
			}
		}
		if k != len(nums) {
			t.Errorf("the date runs hold %d events, want %d", k, len(nums))
		}
	})
	t.Run("a change to one event keeps the files it is not in", func(t *testing.T) {
		s2 := s
		s2.Events = slices.Clone(s.Events)
		s2.Events[2500].Title = "Event 2500 renamed zyzzyva"
		files2 := readTree(t, build(t, s2, nil))
		_, chunk := x.doc(number[v.Events[2500]])
		if got, want := changedSearchFiles(files, files2), []string{"search/" + chunk + ".js", "search/meta.js", "search/t/re.js", "search/t/zy.js"}; !slices.Equal(got, want) {
			t.Errorf("changed %v, want %v", got, want)
		}
	})
}

// changedSearchFiles is the files of search/ that are in one of a and b
// and not the same in the other, sorted.
func changedSearchFiles(a, b map[string][]byte) []string {
	var changed []string
	for name, data := range b {
		if old, ok := a[name]; strings.HasPrefix(name, "search/") && (!ok || string(old) != string(data)) {
			changed = append(changed, name)
		}
	}
	for name := range a {
		if _, ok := b[name]; strings.HasPrefix(name, "search/") && !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed
}

// TestSearchIndexAddOneEvent adds one event in the middle of a chronology:
// only the files that hold it or its words change, and the index finds it.
func TestSearchIndexAddOneEvent(t *testing.T) {
	s := syntheticSite(3000, 300)
	day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range s.Events { // 20 a day, as a busy chronology has
		s.Events[i].Date = timex.Value(day.AddDate(0, 0, i/20).Format("2006-01-02"))
	}
	files := readTree(t, build(t, s, nil))
	added := s.Events[1510]
	added.ID, added.Type, added.Title = "added", events.Warning, "Official 3 warns of a quokka"
	added.Sources = added.Sources[:1]
	s2 := s
	s2.Events = slices.Insert(slices.Clone(s.Events), 1511, added)
	files2 := readTree(t, build(t, s2, nil))

	v := newSiteView(s2, "")
	var ev *eventView
	for _, e := range v.Events {
		if e.ID == "added" {
			ev = e
		}
	}
	shards := map[string]bool{}
	x := readSearchIndex(t, files2)
	for _, w := range eventTerms(ev) {
		for _, name := range x.meta.Shards {
			if strings.HasPrefix(shardName(w), name) {
				shards[name] = true
			}
		}
	}
	// Its shards, its result file (or two, if it starts one), its type
	// and actor, meta.js, sources.js, dates.js.
	limit := len(shards) + 2 + 1 + len(ev.Actors) + 3
	changed := changedSearchFiles(files, files2)
	t.Logf("%d files of %d changed (%d shards hold its %d words): %v", len(changed), len(files2), len(shards), len(eventTerms(ev)), changed)
	if len(changed) > limit {
		t.Errorf("%d files changed, want at most %d", len(changed), limit)
	}
	for _, name := range changed {
		if strings.HasPrefix(name, "search/t/") && !shards[strings.TrimSuffix(strings.TrimPrefix(name, "search/t/"), ".js")] {
			t.Errorf("%s changed, which holds none of its words", name)
		}
	}
	found := x.lookup("quokka")
	if len(found) != 1 {
		t.Fatalf("quokka finds %v", found)
	}
	if doc, _ := x.doc(found[0]); doc[0] != ev.Path || doc[1] != ev.Title {
		t.Errorf("quokka finds %v, want %s", doc[:2], ev.Path)
	}
}

// TestSearchMemo builds the index again and again with one memo: the bytes
// are those of a build without it, and the memo keeps only the events of
// the last build.
func TestSearchMemo(t *testing.T) {
	s := syntheticSite(400, 40)
	memo := new(Memo)
	for i := range 40 {
		s.Events = slices.Clone(s.Events)
		e := &s.Events[(i*37)%len(s.Events)]
		e.Title += fmt.Sprintf(" rebuild %d", i)
		if i >= 30 { // many new words, which the memo must forget again
			for j := range s.Events[:300] {
				s.Events[j].Place = fmt.Sprintf("place%dx%d placey%dx%d placez%dx%d", i, j, i, j, i, j)
			}
		}
		if i%3 == 0 {
			s.Events = append(s.Events, events.Event{ID: fmt.Sprintf("new%d", i), Type: events.Call, Date: "2021-03-04", Title: "Added call"})
		}
		if i%5 == 0 {
			s.Events = slices.Delete(s.Events, 5, 7)
		}
		v := newSiteView(s, "")
		with, without := indexFiles(t, v, memo), indexFiles(t, newSiteView(s, ""), nil)
		if !slices.Equal(with, without) {
			t.Fatalf("build %d: the index with a memo is not the one without", i)
		}
		digests := map[Key]bool{}
		for _, ev := range v.Events {
			digests[ev.digest] = true
		}
		if len(memo.search.entries) != len(digests) {
			t.Fatalf("build %d: the memo holds %d entries for %d events", i, len(memo.search.entries), len(digests))
		}
		words := map[string]bool{}
		for _, ev := range v.Events {
			p := memo.search.entries[ev.digest]
			var got []string
			for _, id := range p.terms {
				got = append(got, memo.search.words.names[id])
			}
			if want := eventTerms(ev); !slices.Equal(got, want) {
				t.Fatalf("build %d: the memo has the words %q for %s, want %q", i, got, ev.ID, want)
			}
			for _, w := range got {
				words[w] = true
			}
		}
		if i == 39 {
			t.Logf("%d words in use, %d numbered", len(words), len(memo.search.words.names))
		}
		if n := len(memo.search.words.names); n > 2*len(words)+4096 {
			t.Fatalf("build %d: the memo numbers %d words, %d of them in use", i, n, len(words))
		}
	}
}

// indexFile is a file of the search index, by its path.
type indexFile struct{ name, data string }

// indexFiles is every file of v's search index, in the order made; the
// count planned must be the count made.
func indexFiles(t testing.TB, v *siteView, memo *Memo) []indexFile {
	t.Helper()
	var files []indexFile
	planned := -1
	if err := searchFiles(v, memo, func(n int) { planned = n }, func(name string, data []byte) error {
		files = append(files, indexFile{name, string(data)})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if planned != len(files) {
		t.Fatalf("planned %d files of the index and made %d", planned, len(files))
	}
	return files
}

func undelta(d []int64) []int64 {
	out := make([]int64, len(d))
	n := int64(0)
	for i, x := range d {
		n += x
		out[i] = n
	}
	return out
}

func TestSearchSkipsNothingOfAnEvent(t *testing.T) {
	s := Site{Events: []events.Event{{ID: "a", Type: "call", Date: "2021-12-30", Title: "Talks", Place: "Kyiv",
		Actors: []string{"Olaf Scholz"}, Sources: []events.Source{{Article: "x.txt", Sentence: "Scholz phoned Macron."}}}}}
	var all strings.Builder
	for _, f := range indexFiles(t, newSiteView(s, ""), nil) {
		all.WriteString(f.data)
	}
	for _, w := range []string{`"talks"`, `"kyiv"`, `"olaf"`, `"scholz"`, `"phoned"`, `"macron"`} {
		if !strings.Contains(all.String(), w) {
			t.Errorf("the index lacks %s", w)
		}
	}
}

// eventTerms is the words of ev as the index keeps them, each once, in
// the order they first come: what the index's pieces must hold.
func eventTerms(ev *eventView) []string {
	var terms []string
	eventWords(ev, nil, func(w []byte) {
		if !slices.Contains(terms, string(w)) {
			terms = append(terms, string(w))
		}
	})
	return terms
}
