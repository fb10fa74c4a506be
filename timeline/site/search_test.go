package site

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

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
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			searchTokens(tc.text, func(w string) { got = append(got, w) })
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

// TestSearchIndex builds a site whose index needs longer prefixes and
// looks words up as the script does: every event is found by every word of
// its title, actors, place and evidence, and by nothing else.
func TestSearchIndex(t *testing.T) {
	s := syntheticSite(3000, 300)
	s.Events[7].Place = "Genève"
	s.Events[8].Actors = append(s.Events[8].Actors, "Володимир Зеленський")
	files := readTree(t, build(t, s, nil))
	v := newSiteView(s, "")
	var meta searchMeta
	decodeSearch(t, files, "meta", &meta)
	if meta.Count != len(s.Events) || meta.Chunk != docChunk {
		t.Errorf("meta: %d events in chunks of %d", meta.Count, meta.Chunk)
	}
	shards := map[string]map[string][]int{}
	for _, name := range meta.Shards {
		m := map[string][]int{}
		decodeSearch(t, files, "t/"+name, &m)
		shards[name] = m
		size := len(files["search/t/"+name+".js"])
		if size > 2*shardBytes && len(m) > 1 && len(name) < maxPrefix {
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
	lookup := func(word string) []int {
		var out []int
		for _, name := range meta.Shards {
			if strings.HasPrefix(shardName(word), name) {
				out = append(out, undelta(shards[name][word])...)
			}
		}
		return out
	}
	want := map[string][]int{}
	for i, ev := range v.Events {
		eventTerms(ev, func(w string) {
			if l := want[w]; len(l) == 0 || l[len(l)-1] != i {
				want[w] = append(l, i)
			}
		})
	}
	for w, evs := range want {
		if got := lookup(w); !slices.Equal(got, evs) {
			t.Errorf("%q finds %d events, want %d", w, len(got), len(evs))
		}
	}
	for _, w := range []string{"geneve", "зеленський", "paragraph", "official"} {
		if len(lookup(w)) == 0 {
			t.Errorf("%q finds nothing", w)
		}
	}

	t.Run("result chunks hold every event at its number, with its permalink", func(t *testing.T) {
		for i, ev := range v.Events {
			if i%docChunk == 0 {
				var docs [][]any
				decodeSearch(t, files, fmt.Sprintf("d/%d", i/docChunk), &docs)
				if docs[0][0] != ev.Path || docs[0][1] != ev.Title {
					t.Errorf("event %d is %v, want %s", i, docs[0][:2], ev.Path)
				}
			}
		}
	})
	t.Run("facets and dates cover every event", func(t *testing.T) {
		n := 0
		for _, typ := range meta.Types {
			var d []int
			decodeSearch(t, files, "f/type-"+typ[2], &d)
			n += len(d)
		}
		if n != len(s.Events) {
			t.Errorf("the types' lists hold %d events, want %d", n, len(s.Events))
		}
		var runs [][3]any
		decodeSearch(t, files, "dates", &runs)
		n = 0
		for _, r := range runs {
			n += int(r[2].(float64))
			if r[0].(string) > r[1].(string) {
				t.Errorf("run %v ends before it starts", r)
			}
		}
		if n != len(s.Events) {
			t.Errorf("the date runs hold %d events, want %d", n, len(s.Events))
		}
	})
	t.Run("a change to one event keeps the files it is not in", func(t *testing.T) {
		s2 := s
		s2.Events = slices.Clone(s.Events)
		s2.Events[2500].Title = "Event 2500 renamed zyzzyva"
		files2 := readTree(t, build(t, s2, nil))
		var changed []string
		for name, data := range files2 {
			if strings.HasPrefix(name, "search/") && string(files[name]) != string(data) {
				changed = append(changed, name)
			}
		}
		slices.Sort(changed)
		if want := []string{"search/d/25.js", "search/meta.js", "search/t/re.js", "search/t/zy.js"}; !slices.Equal(changed, want) {
			t.Errorf("changed %v, want %v", changed, want)
		}
	})
}

func undelta(d []int) []int {
	out := make([]int, len(d))
	n := 0
	for i, x := range d {
		n += x
		out[i] = n
	}
	return out
}

func TestSearchSkipsNothingOfAnEvent(t *testing.T) {
	s := Site{Events: []events.Event{{ID: "a", Type: "call", Date: "2021-12-30", Title: "Talks", Place: "Kyiv",
		Actors: []string{"Olaf Scholz"}, Sources: []events.Source{{Article: "x.txt", Sentence: "Scholz phoned Macron."}}}}}
	files, err := searchFiles(newSiteView(s, ""))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		all.Write(f.data)
	}
	for _, w := range []string{`"talks"`, `"kyiv"`, `"olaf"`, `"scholz"`, `"phoned"`, `"macron"`} {
		if !strings.Contains(all.String(), w) {
			t.Errorf("the index lacks %s", w)
		}
	}
}
