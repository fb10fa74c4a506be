package site

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/timex"
)

// The search index: a small inverted index over the events' titles,
// actors, places and evidence sentences, written as static files under
// search/ that the search page's script loads as it needs them. An event
// is its number in the chronology's order, so that a date range is a
// range of numbers and every list of events is sorted.
//
//	search/meta.js        the facets (types, actors), the term shards there are, the stop words
//	search/t/<prefix>.js  the terms that start with <prefix>, each with its events
//	search/d/<n>.js       events n×docChunk ... as a result list shows them
//	search/f/type-<slug>.js, search/f/actor-<slug>.js   a facet's events
//	search/sources.js     every article with its events (loaded for the source filter)
//	search/dates.js       the date span of every run of events (loaded for a date range)
//
// Lists of events are delta-encoded ([3, 1, 4] is events 3, 4 and 8).
// Every file is a script that calls timelineSearch(name, data), rather
// than JSON, so that the search works on a site opened from disk, where a
// browser refuses to fetch files. A term shard holds the terms of a
// prefix of two letters, or of three or four where two would make it
// larger than shardBytes, so a query loads a few small files and never
// the whole index. Every file's key is its bytes: an unchanged rebuild
// writes none of them.

const (
	searchDir  = "search"
	docChunk   = 100      // events a file of search/d holds
	shardBytes = 48 << 10 // a term shard larger than this is split by a longer prefix
	maxPrefix  = 4        // runes: no shard is split further
	searchCall = "timelineSearch"
)

// stopWords are too common to be worth an entry; the script drops them
// from a query too.
var stopWords = []string{"a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
	"have", "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "said", "says", "she", "that", "the",
	"their", "they", "this", "to", "was", "were", "which", "will", "with", "would"}

// foldFrom and foldTo fold accented letters as the script does.
const foldFrom, foldTo = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"

var foldMap = func() map[rune]rune {
	m := map[rune]rune{}
	to := []rune(foldTo)
	for i, r := range []rune(foldFrom) {
		m[r] = to[i]
	}
	return m
}()

// searchTokens calls f with every word of s as the index keeps it: lower
// case, accents of foldFrom folded, split at anything but letters and
// numbers, at least two letters long and not a stop word.
func searchTokens(s string, f func(string)) {
	var b []byte
	flush := func() {
		if utf8.RuneCount(b) >= 2 {
			if w := string(b); !isStopWord(w) {
				f(w)
			}
		}
		b = b[:0]
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			flush()
			continue
		}
		r = unicode.ToLower(r)
		if to, ok := foldMap[r]; ok {
			r = to
		}
		b = utf8.AppendRune(b, r)
	}
	flush()
}

// eventTerms calls f with the words of ev's title, actors, place and
// evidence, as the index keeps them.
func eventTerms(ev *eventView, f func(string)) {
	searchTokens(ev.Title, f)
	for _, a := range ev.Actors {
		searchTokens(a, f)
	}
	searchTokens(ev.Place, f)
	for _, s := range ev.Sources {
		searchTokens(s.Sentence, f)
	}
}

func isStopWord(w string) bool {
	_, ok := slices.BinarySearch(stopWords, w)
	return ok
}

// shardName is the file name of the term prefix p: letters a to z and
// digits as they are, any other rune as _<hex>_, so that one name is a
// prefix of another exactly when its prefix is.
func shardName(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}

// runePrefix is the first n runes of s.
func runePrefix(s string, n int) string {
	i := 0
	for range n {
		if i >= len(s) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// deltas delta-encodes the increasing list of numbers ns.
func deltas(ns []int) []int {
	out := make([]int, len(ns))
	prev := 0
	for i, n := range ns {
		out[i] = n - prev
		prev = n
	}
	return out
}

// searchFile is one file of the index.
type searchFile struct {
	name string // relative to the site's root
	data []byte
}

// searchFiles makes the files of the search index of v.
func searchFiles(v *siteView) ([]searchFile, error) {
	var files []searchFile
	add := func(name string, data any) error {
		js, err := json.Marshal(data)
		if err != nil {
			return fmt.Errorf("search index %s: %w", name, err)
		}
		b := make([]byte, 0, len(js)+len(name)+len(searchCall)+8)
		b = append(b, searchCall+"("...)
		b = strconv.AppendQuote(b, name)
		b = append(b, ',')
		b = append(b, js...)
		b = append(b, ");\n"...)
		files = append(files, searchFile{name: searchDir + "/" + name + ".js", data: b})
		return nil
	}

	number := make(map[*eventView]int, len(v.Events))
	for i, ev := range v.Events {
		number[ev] = i
	}
	// Postings: every term and the events that have it, in order.
	postings := map[string][]int{}
	for i, ev := range v.Events {
		eventTerms(ev, func(w string) {
			if p := postings[w]; len(p) == 0 || p[len(p)-1] != i {
				postings[w] = append(p, i)
			}
		})
	}
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	shards := shardTerms(terms, postings, 2)
	var names []string
	for _, sh := range shards {
		m := make(map[string][]int, len(sh.terms))
		for _, t := range sh.terms {
			m[t] = deltas(postings[t])
		}
		name := shardName(sh.prefix)
		names = append(names, name)
		if err := add("t/"+name, m); err != nil {
			return nil, err
		}
	}

	// The events as a result list shows them.
	actorNumber := make(map[string]int, len(v.Actors))
	for i, g := range v.Actors {
		actorNumber[g.Name] = i
	}
	typeNumber := make(map[string]int, len(v.Types))
	for i, g := range v.Types {
		typeNumber[g.Name] = i
	}
	for from := 0; from < len(v.Events); from += docChunk {
		var docs [][]any
		for _, ev := range v.Events[from:min(from+docChunk, len(v.Events))] {
			actors := make([]int, 0, len(ev.ActorLinks))
			for _, l := range ev.ActorLinks {
				actors = append(actors, actorNumber[l.Label])
			}
			planned := 0
			if ev.Planned {
				planned = 1
			}
			docs = append(docs, []any{ev.Path, ev.Title, typeNumber[ev.Type], ev.When.Long, planned, actors, ev.Place})
		}
		if err := add("d/"+strconv.Itoa(from/docChunk), docs); err != nil {
			return nil, err
		}
	}

	// Facets.
	meta := searchMeta{V: 1, Count: len(v.Events), Chunk: docChunk, Shards: names, Stop: stopWords}
	for _, g := range v.Types {
		meta.Types = append(meta.Types, [3]string{g.Name, g.Label, g.Slug})
		if err := add("f/type-"+g.Slug, deltas(numbers(g.Events, number))); err != nil {
			return nil, err
		}
	}
	for _, g := range v.Actors {
		meta.Actors = append(meta.Actors, [2]string{g.Name, g.Slug})
		if err := add("f/actor-"+g.Slug, deltas(numbers(g.Events, number))); err != nil {
			return nil, err
		}
	}
	if err := add("meta", meta); err != nil {
		return nil, err
	}
	var sources [][]any
	for _, ai := range v.Articles {
		if len(ai.events) == 0 {
			continue
		}
		sources = append(sources, []any{ai.Slug, ai.a.Title, ai.PublishedISO, deltas(numbers(ai.events, number))})
	}
	if err := add("sources", sources); err != nil {
		return nil, err
	}
	if err := add("dates", dateRuns(v.Events)); err != nil {
		return nil, err
	}
	return files, nil
}

// searchPage is the search page's data: the types, for its form to work
// without the index.
type searchPage struct {
	Types []facet // .Value, .Label, .Class
}

// searchJob is the search page, and searchData its data.
func searchJob() pageJob { return pageJob{tmpl: searchPageTmpl, path: "search.html", search: true} }

func (v *siteView) searchData() *searchPage {
	sp := &searchPage{}
	for _, g := range v.Types {
		sp.Types = append(sp.Types, facet{Value: g.Name, Label: g.Label, Class: g.Class})
	}
	return sp
}

// searchMeta is search/meta.js.
type searchMeta struct {
	V      int         `json:"v"`
	Count  int         `json:"count"`  // events
	Chunk  int         `json:"chunk"`  // events a file of search/d holds
	Types  [][3]string `json:"types"`  // value, label, slug
	Actors [][2]string `json:"actors"` // name, slug
	Shards []string    `json:"shards"` // the files of search/t
	Stop   []string    `json:"stop"`
}

// numbers is the sorted numbers of evs.
func numbers(evs []*eventView, number map[*eventView]int) []int {
	out := make([]int, len(evs))
	for i, ev := range evs {
		out[i] = number[ev]
	}
	slices.Sort(out)
	return out
}

// shard is the terms of one file of search/t.
type shard struct {
	prefix string
	terms  []string
}

// shardTerms groups the sorted terms by their first n runes, splitting a
// group larger than shardBytes by a longer prefix; the terms no longer
// than the prefix stay in a shard of their own.
func shardTerms(terms []string, postings map[string][]int, n int) []shard {
	var out []shard
	for len(terms) > 0 {
		p := runePrefix(terms[0], n)
		end := 1
		for end < len(terms) && runePrefix(terms[end], n) == p {
			end++
		}
		group := terms[:end]
		terms = terms[end:]
		size := 0
		for _, t := range group {
			size += len(t) + 4
			for _, d := range deltas(postings[t]) {
				size += len(strconv.Itoa(d)) + 1
			}
		}
		if size <= shardBytes || n >= maxPrefix || len(group) == 1 {
			out = append(out, shard{prefix: p, terms: group})
			continue
		}
		var short, long []string
		for _, t := range group {
			if utf8.RuneCountInString(t) <= n {
				short = append(short, t)
			} else {
				long = append(long, t)
			}
		}
		if len(short) > 0 {
			out = append(out, shard{prefix: p, terms: short})
		}
		out = append(out, shardTerms(long, postings, n+1)...)
	}
	return out
}

// dateRuns is search/dates.js: for every run of events with the same date
// value, the first and last day it may mean ("" for an undated one) and
// the run's length.
func dateRuns(evs []*eventView) [][3]any {
	var runs [][3]any
	for i := 0; i < len(evs); {
		j := i + 1
		for j < len(evs) && evs[j].Date == evs[i].Date {
			j++
		}
		from, to := "", ""
		if start, end, ok := timex.Span(evs[i].Date); ok {
			from, to = start.Format("2006-01-02"), end.Add(-time.Nanosecond).Format("2006-01-02")
		}
		runs = append(runs, [3]any{from, to, j - i})
		i = j
	}
	return runs
}
