package site

import (
	"cmp"
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
// search/ that the search page's script loads as it needs them.
//
//	search/meta.js        the facets (types, actors), the term shards and result files there are, the stop words
//	search/t/<prefix>.js  the terms that start with <prefix>, each with its events
//	search/d/<n>.js       the events from number n on, as a result list shows them
//	search/f/type-<slug>.js, search/f/actor-<slug>.js   a facet's events
//	search/sources.js     every article with its events (loaded for the source filter)
//	search/dates.js       the numbers and date span of every run of events with one date (loaded for a date range)
//
// An event is a number (see searchNumbers) that grows with its date and
// does not depend on the other events, but for a few of the same day: a
// new event leaves every other number as it was, so an edit rewrites
// only the files that hold the events and words it changed. Every list
// of events is sorted by number, which is the chronology's order, and
// delta-encoded ([3, 1, 4] is events 3, 4 and 8).
//
// Every file is a script that calls timelineSearch(name, data), rather
// than JSON, so that the search works on a site opened from disk, where a
// browser refuses to fetch files. A term shard holds the terms of a
// prefix of two letters, or of three or four where two would make it
// larger than shardBytes, so a query loads a few small files and never
// the whole index. Every file's key is its bytes: an unchanged rebuild
// writes none of them.

const (
	searchDir  = "search"
	docChunk   = 100          // events a file of search/d holds on average
	maxChunk   = 2 * docChunk // and at most
	shardBytes = 48 << 10     // a term shard larger than this is split by a longer prefix
	maxPrefix  = 8            // runes: no shard is split further
	searchCall = "timelineSearch"
)

// stopWords are too common to be worth an entry; the script drops them
// from a query too.
var stopWords = []string{"a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
	"have", "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "said", "says", "she", "that", "the",
	"their", "they", "this", "to", "was", "were", "which", "will", "with", "would"}

var stopSet, stopLen = func() (map[string]bool, int) {
	m := make(map[string]bool, len(stopWords))
	n := 0
	for _, w := range stopWords {
		m[w] = true
		n = max(n, len(w))
	}
	return m, n
}()

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

// asciiWord maps an ASCII byte to itself in lower case when it is a
// letter or digit, else to 0.
var asciiWord = func() (t [128]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

// searchTokens calls f with every word of s as the index keeps it: lower
// case, accents of foldFrom folded, split at anything but letters and
// numbers, at least two letters long and not a stop word. The bytes f
// gets are only good until it returns.
func searchTokens(s string, buf []byte, f func([]byte)) []byte {
	b := buf[:0]
	runes := 0
	flush := func() {
		if runes >= 2 && (len(b) > stopLen || !stopSet[string(b)]) {
			f(b)
		}
		b = b[:0]
		runes = 0
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if w := asciiWord[c]; w != 0 {
				b = append(b, w)
				runes++
			} else {
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			flush()
			continue
		}
		r = unicode.ToLower(r)
		if to, ok := foldMap[r]; ok {
			r = to
		}
		b = utf8.AppendRune(b, r)
		runes++
	}
	flush()
	return b
}

// eventWords calls f with every word of ev's title, actors, place and
// evidence, as the index keeps them; buf is scratch space, returned for
// the next call.
func eventWords(ev *eventView, buf []byte, f func([]byte)) []byte {
	buf = searchTokens(ev.Title, buf, f)
	for _, a := range ev.Actors {
		buf = searchTokens(a, buf, f)
	}
	buf = searchTokens(ev.Place, buf, f)
	for _, s := range ev.Sources {
		buf = searchTokens(s.Sentence, buf, f)
	}
	return buf
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

// appendDeltas appends the increasing numbers ns, delta-encoded, as a JSON
// array.
func appendDeltas(b []byte, ns []int64) []byte {
	b = append(b, '[')
	prev := int64(0)
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, n-prev, 10)
		prev = n
	}
	return append(b, ']')
}

// digits is how many bytes n takes in decimal.
func digits(n int64) int {
	d := 1
	if n < 0 {
		d++
		n = -n
	}
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

// writeSearchIndex writes the files of the search index of v.
func writeSearchIndex(w *writer, v *siteView, memo *Memo) error {
	return searchFiles(v, memo, w.plan, w.write)
}

// searchFile makes the files of the index one at a time, each in the
// same buffer, and gives each to emit: the index of 80,000 events is
// 20 MB, which need not be held at once.
type searchFile struct {
	b    []byte
	name string
	emit func(name string, data []byte) error // data is only good until it returns
	err  error
}

// start begins the file called name; its JSON follows in f.b.
func (f *searchFile) start(name string) {
	f.name = name
	f.b = append(f.b[:0], searchCall+"("...)
	f.b = strconv.AppendQuote(f.b, name)
	f.b = append(f.b, ',')
}

// end ends the file and emits it, unless an emit failed before.
func (f *searchFile) end() {
	f.b = append(f.b, ");\n"...)
	if f.err == nil {
		f.err = f.emit(searchDir+"/"+f.name+".js", f.b)
	}
}

// searchFiles makes the files of the search index of v and gives each,
// by its path from the site's root, to emit, after telling plan, when not
// nil, how many there are (for the progress line). With a memo, the words
// and the result entry of an event come from the build before when its
// digest is the same; the bytes are the same either way.
func searchFiles(v *siteView, memo *Memo, plan func(files int), emit func(name string, data []byte) error) error {
	var sm *searchMemo
	if memo != nil {
		sm = &memo.search
	}
	pieces, dict := sm.pieces(v)
	nb := searchNumbers(v)
	order, nums := nb.order, nb.nums
	f := &searchFile{emit: emit}
	var all []int32 // the postings, below
	if sm != nil {
		f.b, all = sm.buf, sm.posts
		defer func() { sm.buf, sm.posts = f.b, all }()
	}

	// Postings: every term and the events that have it, by number,
	// counted first so that they share one array.
	start := make([]int32, len(dict.names)+1)
	for _, p := range pieces {
		for _, id := range p.terms {
			start[id+1]++
		}
	}
	for id := range dict.names {
		start[id+1] += start[id]
	}
	if n := int(start[len(dict.names)]); cap(all) >= n {
		all = all[:n] // every element is set below
	} else {
		all = make([]int32, n)
	}
	fill := slices.Clone(start)
	for k, i := range order {
		for _, id := range pieces[i].terms {
			all[fill[id]] = int32(k)
			fill[id]++
		}
	}
	live := dict.sorted(func(id int32) bool { return start[id+1] > start[id] })
	terms := make([]termPosts, len(live))
	for i, id := range live {
		terms[i] = termPosts{name: dict.names[id], post: all[start[id]:start[id+1]]}
	}
	if sm != nil {
		sm.words.compact(sm.entries)
	}
	shards := shardTerms(terms, nums, 2)
	// The events of each file of search/d (below) start at one of starts.
	var starts []int
	for from := 0; from < len(order); {
		starts = append(starts, from)
		to := from + 1
		for to < len(order) && to-from < maxChunk && !chunkStart(nb.hash[to]) {
			to++
		}
		from = to
	}
	if plan != nil {
		plan(len(shards) + len(starts) + len(v.Types) + len(v.Actors) + 3) // and meta, sources, dates
	}
	names := make([]string, 0, len(shards))
	var ns []int64
	for _, sh := range shards {
		name := shardName(sh.prefix)
		names = append(names, name)
		f.start("t/" + name)
		f.b = append(f.b, '{')
		for j, t := range sh.terms {
			if j > 0 {
				f.b = append(f.b, ',')
			}
			f.b = jsonString(f.b, t.name)
			f.b = append(f.b, ':')
			ns = ns[:0]
			for _, k := range t.post {
				ns = append(ns, nums[k])
			}
			f.b = appendDeltas(f.b, ns)
		}
		f.b = append(f.b, '}')
		f.end()
	}

	// The events as a result list shows them, in files that start at an
	// event chosen by its ID alone (see chunkStart), so that a new event
	// changes the file it falls in and no other.
	types := searchTypeIDs(v.Types)
	actors := searchActorIDs(v.Actors)
	actorID := make(map[string]int, len(v.Actors))
	for i, g := range v.Actors {
		actorID[g.Name] = actors[i]
	}
	typeID := make(map[string]int, len(v.Types))
	for i, g := range v.Types {
		typeID[g.Name] = types[i]
	}
	var chunks []int64
	for c, from := range starts {
		to := len(order)
		if c+1 < len(starts) {
			to = starts[c+1]
		}
		chunks = append(chunks, nums[from])
		f.start("d/" + strconv.FormatInt(nums[from], 10))
		b := append(f.b, '[')
		b = appendDeltas(b, relative(ns[:0], nums[from:to], nums[from]))
		var when []byte
		for k := from; k < to; k++ {
			ev, p := v.Events[order[k]], pieces[order[k]]
			b = append(b, ",["...)
			b = append(b, p.pathTitle...)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(typeID[ev.Type]), 10)
			if string(p.when) == string(when) {
				b = append(b, ",0"...) // as the event before
			} else {
				b = append(b, ',')
				b = append(b, p.when...)
				when = p.when
			}
			if ev.Planned {
				b = append(b, ",1,["...)
			} else {
				b = append(b, ",0,["...)
			}
			for j, l := range ev.ActorLinks {
				if j > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendInt(b, int64(actorID[l.Label]), 10)
			}
			b = append(b, "],"...)
			b = append(b, p.place...)
			b = append(b, ']')
		}
		f.b = append(b, ']')
		f.end()
	}

	// Facets: the events of each type, each actor and each article, in
	// the order of their numbers.
	typeEvents := make([][]int64, len(v.Types))
	actorEvents := make([][]int64, len(v.Actors))
	articleEvents := make([][]int64, len(v.Articles))
	articleAt := make(map[*articleRef]int, len(v.Articles))
	for i, ai := range v.Articles {
		articleAt[ai.ref] = i
	}
	typeAt := make(map[string]int, len(v.Types))
	for i, g := range v.Types {
		typeAt[g.Name] = i
	}
	actorAt := make(map[string]int, len(v.Actors))
	for i, g := range v.Actors {
		actorAt[g.Name] = i
	}
	for k, i := range order {
		ev, n := v.Events[i], nums[k]
		t := typeAt[ev.Type]
		typeEvents[t] = append(typeEvents[t], n)
		for _, l := range ev.ActorLinks {
			a := actorAt[l.Label]
			actorEvents[a] = append(actorEvents[a], n)
		}
		for _, src := range ev.Sources {
			if src.Article == nil {
				continue
			}
			a := articleAt[src.Article]
			if l := articleEvents[a]; len(l) == 0 || l[len(l)-1] != n {
				articleEvents[a] = append(l, n)
			}
		}
	}
	meta := []byte(`{"v":2,"count":`)
	meta = strconv.AppendInt(meta, int64(len(v.Events)), 10)
	meta = append(meta, `,"chunks":`...)
	meta = appendDeltas(meta, chunks)
	meta = append(meta, `,"types":[`...)
	for i, g := range v.Types {
		if i > 0 {
			meta = append(meta, ',')
		}
		meta = appendTuple(meta, types[i], g.Name, g.Label, g.Slug)
		f.start("f/type-" + g.Slug)
		f.b = appendDeltas(f.b, typeEvents[i])
		f.end()
	}
	meta = append(meta, `],"actors":[`...)
	for i, g := range v.Actors {
		if i > 0 {
			meta = append(meta, ',')
		}
		meta = appendTuple(meta, actors[i], g.Name, g.Slug)
		f.start("f/actor-" + g.Slug)
		f.b = appendDeltas(f.b, actorEvents[i])
		f.end()
	}
	meta = append(meta, `],"shards":`...)
	meta = appendStrings(meta, names)
	meta = append(meta, `,"stop":`...)
	meta = appendStrings(meta, stopWords)
	meta = append(meta, '}')
	f.start("meta")
	f.b = append(f.b, meta...)
	f.end()

	f.start("sources")
	b := append(f.b, '[')
	first := true
	for i, ai := range v.Articles {
		if len(articleEvents[i]) == 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '[')
		b = jsonString(b, ai.Slug)
		b = append(b, ',')
		b = jsonString(b, ai.a.Title)
		b = append(b, ',')
		b = jsonString(b, ai.PublishedISO)
		b = append(b, ',')
		b = appendDeltas(b, articleEvents[i])
		b = append(b, ']')
	}
	f.b = append(b, ']')
	f.end()
	f.start("dates")
	f.b = append(f.b, dateRuns(nb)...)
	f.end()
	return f.err
}

// appendTuple appends the JSON array of strs and then n.
func appendTuple(b []byte, n int, strs ...string) []byte {
	b = append(b, '[')
	for _, s := range strs {
		b = jsonString(b, s)
		b = append(b, ',')
	}
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, ']')
}

// appendStrings appends strs as a JSON array.
func appendStrings(b []byte, strs []string) []byte {
	b = append(b, '[')
	for i, s := range strs {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonString(b, s)
	}
	return append(b, ']')
}

// relative is ns less base, appended to out.
func relative(out, ns []int64, base int64) []int64 {
	for _, n := range ns {
		out = append(out, n-base)
	}
	return out
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

// termPosts is a term and its events, as indexes into the numbers.
type termPosts struct {
	name string
	post []int32
}

// shard is the terms of one file of search/t.
type shard struct {
	prefix string
	terms  []termPosts
}

// shardTerms groups the terms, sorted by name, by their first n runes,
// splitting a group larger than shardBytes by a longer prefix; the terms
// no longer than the prefix stay in a shard of their own.
func shardTerms(terms []termPosts, nums []int64, n int) []shard {
	var out []shard
	for len(terms) > 0 {
		p := runePrefix(terms[0].name, n)
		end := 1
		for end < len(terms) && strings.HasPrefix(terms[end].name, p) && runePrefix(terms[end].name, n) == p {
			end++
		}
		group := terms[:end]
		terms = terms[end:]
		size := 0
		for _, t := range group {
			size += len(t.name) + 4
			prev := int64(0)
			for _, k := range t.post {
				size += digits(nums[k]-prev) + 1
				prev = nums[k]
			}
			if size > shardBytes {
				break
			}
		}
		if size <= shardBytes || n >= maxPrefix || len(group) == 1 {
			out = append(out, shard{prefix: p, terms: group})
			continue
		}
		var short, long []termPosts
		for _, t := range group {
			if utf8.RuneCountInString(t.name) <= n {
				short = append(short, t)
			} else {
				long = append(long, t)
			}
		}
		if len(short) > 0 {
			out = append(out, shard{prefix: p, terms: short})
		}
		out = append(out, shardTerms(long, nums, n+1)...)
	}
	return out
}

// dateRuns is search/dates.js: for every run of events (by number) that
// a date range takes or leaves together, the first and last day they may
// mean ("" for undated ones), and the numbers of its first and last event,
// the first as a delta from the last of the run before, the last as a
// delta from the first.
func dateRuns(nb numbering) []byte {
	days := make([][2]string, len(nb.rooms))
	for i, r := range nb.rooms {
		if r.dated {
			days[i] = [2]string{time.Unix(r.start, 0).UTC().Format("2006-01-02"), time.Unix(r.end-1, 0).UTC().Format("2006-01-02")}
		}
	}
	b := []byte{'['}
	prev := int64(0)
	for k := 0; k < len(nb.nums); {
		s := days[nb.room[k]]
		j := k + 1
		for j < len(nb.nums) && days[nb.room[j]] == s {
			j++
		}
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = jsonString(b, s[0])
		b = append(b, ',')
		b = jsonString(b, s[1])
		b = append(b, ',')
		b = strconv.AppendInt(b, nb.nums[k]-prev, 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, nb.nums[j-1]-nb.nums[k], 10)
		b = append(b, ']')
		prev = nb.nums[j-1]
		k = j
	}
	return append(b, ']')
}

// Event numbers. An event's number is its place in a number line where
// every month and every day has room of its own, so that it depends on
// the event's date, type and ID, not on what else is in the chronology:
//
//	month  [head: spans of a month or more that start with it | day 1 | day 2 | ... | day 31]
//	head   [longer than a month (years, quarters, seasons) | months]
//	day    [longer spans that start that day (weeks) | the day | clock times, by time of day]
//
// Within each part, every type has a share in the order of type names
// (the chronology's order within a date), and an event takes the place
// its ID's hash gives in its type's share. Numbers follow the chronology's
// order of dates and types; events of one date and type come in the order
// of their IDs' hashes, not of their titles. Where two events want the
// same place, or a part is full, the later one takes the next free
// number, so numbers always grow; only then can a new event move others,
// and only the few it pushes. Undated events come after all others.
const (
	dayRoom      = 512                         // numbers a day has
	dayWeeks     = 64                          // of which the spans longer than a day that start that day, then the day's own events
	dayTimes     = 448                         // up to here; clock times from here on
	monthHead    = 1024                        // the numbers before a month's first day
	monthLong    = 512                         // of which the spans longer than a month, then the months
	monthRoom    = monthHead + 31*dayRoom      // numbers a month has
	undatedRoom  = 1 << 24                     // numbers the undated events have
	numberOrigin = 1970                        // the year of month 0
	undatedMonth = (10000 - numberOrigin) * 12 // where the undated events start
)

// typeShares is the share of a part's room each known type has, by type
// name in the order of the chronology: statements are the most common.
var typeShares = []typeShare{{"agreement", 2}, {"call", 2}, {"demand", 2}, {"meeting", 3}, {"statement", 8}, {"visit", 2}, {"warning", 3}}

type typeShare struct {
	name   string
	weight int
}

// typeRoom is where type t's share of a room of n numbers starts and ends.
// A type not in typeShares starts where the next known type does, and has
// no room: its events take the next free numbers.
func typeRoom(t string, n int64) (int64, int64) {
	total, before := 0, 0
	for _, s := range typeShares {
		total += s.weight
	}
	for _, s := range typeShares {
		switch c := strings.Compare(s.name, t); {
		case c < 0:
			before += s.weight
		case c == 0:
			return n * int64(before) / int64(total), n * int64(before+s.weight) / int64(total)
		default:
			at := n * int64(before) / int64(total)
			return at, at
		}
	}
	return n, n
}

// idHash is the 64-bit FNV-1a hash of an event's ID: where it sits in its
// room, and whether a result file starts with it.
func idHash(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}

// chunkStart tells whether a file of search/d starts with the event whose
// ID has the hash h: one event in docChunk does.
func chunkStart(h uint64) bool {
	return (h>>40)%docChunk == 0
}

// dateRoom is where a date value's events go: the start of the room, its
// size, and the span, for the order.
type dateRoom struct {
	start, end int64 // the span, in Unix seconds; 0, 0 when undated
	dated      bool
	at, size   int64 // the room; size 0 is a fixed place (a clock time)
}

func roomOf(date string) dateRoom {
	start, end, ok := timex.Span(date)
	if !ok {
		return dateRoom{at: undatedMonth * monthRoom, size: undatedRoom}
	}
	r := dateRoom{start: start.Unix(), end: end.Unix(), dated: true}
	y, m, d := start.Date()
	month := int64(y-numberOrigin)*12 + int64(m) - 1
	day := month*monthRoom + monthHead + int64(d-1)*dayRoom
	width := end.Sub(start)
	midnight := start.Hour() == 0 && start.Minute() == 0 && start.Second() == 0 && start.Nanosecond() == 0
	switch {
	case midnight && d == 1 && width > 31*24*time.Hour:
		r.at, r.size = month*monthRoom, monthLong
	case midnight && d == 1 && width >= 28*24*time.Hour:
		r.at, r.size = month*monthRoom+monthLong, monthHead-monthLong
	case midnight && width > 24*time.Hour:
		r.at, r.size = day, dayWeeks
	case midnight && width == 24*time.Hour:
		r.at, r.size = day+dayWeeks, dayTimes-dayWeeks
	default: // a clock time, or a part of a day: by time of day
		secs := int64(start.Hour()*3600 + start.Minute()*60 + start.Second())
		r.at = day + dayTimes + secs*(dayRoom-dayTimes)/86400
	}
	return r
}

// numbering is the events of a chronology in the order of their numbers.
type numbering struct {
	order []int      // the index in v.Events of the k-th event
	nums  []int64    // its number
	hash  []uint64   // its ID's hash
	room  []int32    // its date's room, in rooms
	rooms []dateRoom // the rooms of the chronology's dates
}

// searchNumbers orders the events of v for the index and numbers them.
func searchNumbers(v *siteView) numbering {
	// The rooms and types there are, ranked in their order, so that the
	// events sort by numbers alone.
	var rooms []dateRoom
	roomAt := map[string]int32{}
	typeAt := map[string]int32{}
	var typeNames []string
	type item struct {
		room, typ int32 // ranks, once ranked
		at        int32 // the room, in rooms
		ideal     int64 // the number it wants
		hash      uint64
		i         int32
	}
	items := make([]item, len(v.Events))
	for i, ev := range v.Events {
		r, ok := roomAt[ev.Date]
		if !ok {
			r = int32(len(rooms))
			rooms = append(rooms, roomOf(ev.Date))
			roomAt[ev.Date] = r
		}
		t, ok := typeAt[ev.Type]
		if !ok {
			t = int32(len(typeNames))
			typeNames = append(typeNames, ev.Type)
			typeAt[ev.Type] = t
		}
		items[i] = item{room: r, typ: t, at: r, hash: idHash(ev.ID), i: int32(i)}
	}
	roomRank := rank(len(rooms), func(a, b int) int {
		ra, rb := &rooms[a], &rooms[b]
		if ra.dated != rb.dated {
			if ra.dated {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(ra.start, rb.start), cmp.Compare(rb.end, ra.end), cmp.Compare(ra.at, rb.at))
	})
	typeRank := rank(len(typeNames), func(a, b int) int { return strings.Compare(typeNames[a], typeNames[b]) })
	for i := range items {
		it := &items[i]
		r := &rooms[it.room]
		it.ideal = r.at
		if r.size > 0 {
			lo, hi := typeRoom(typeNames[it.typ], r.size)
			it.ideal += lo
			if hi > lo {
				it.ideal += int64(it.hash % uint64(hi-lo))
			}
		}
		it.room, it.typ = roomRank[it.room], typeRank[it.typ]
	}
	// The chronology is in this order already but within a date and type.
	slices.SortFunc(items, func(a, b item) int {
		switch {
		case a.room != b.room:
			return cmp.Compare(a.room, b.room)
		case a.typ != b.typ:
			return cmp.Compare(a.typ, b.typ)
		case a.ideal != b.ideal:
			return cmp.Compare(a.ideal, b.ideal)
		case a.hash != b.hash:
			return cmp.Compare(a.hash, b.hash)
		}
		return cmp.Or(strings.Compare(v.Events[a.i].ID, v.Events[b.i].ID), cmp.Compare(a.i, b.i))
	})
	nb := numbering{order: make([]int, len(items)), nums: make([]int64, len(items)), hash: make([]uint64, len(items)),
		room: make([]int32, len(items)), rooms: rooms}
	var prev int64
	for k, it := range items {
		n := it.ideal
		if k > 0 && n <= prev {
			n = prev + 1
		}
		nb.order[k], nb.nums[k], nb.hash[k], nb.room[k] = int(it.i), n, it.hash, it.at
		prev = n
	}
	return nb
}

// rank is the place of each of n things in the order of compare; things
// that compare equal share one.
func rank(n int, compare func(a, b int) int) []int32 {
	byOrder := make([]int, n)
	for i := range byOrder {
		byOrder[i] = i
	}
	slices.SortFunc(byOrder, compare)
	ranks := make([]int32, n)
	r := int32(0)
	for k, i := range byOrder {
		if k > 0 && compare(byOrder[k-1], i) != 0 {
			r++
		}
		ranks[i] = r
	}
	return ranks
}

// searchTypeIDs is the number of each type of types in the result files: a
// known type's place in typeShares, the others after them by name, so that
// a type that comes or goes changes no other's number.
func searchTypeIDs(types []*groupView) []int {
	ids := make([]int, len(types))
	known := func(t string) int {
		return slices.IndexFunc(typeShares, func(s typeShare) bool { return s.name == t })
	}
	var other []string
	for _, g := range types {
		if known(g.Name) < 0 {
			other = append(other, g.Name)
		}
	}
	slices.Sort(other)
	for i, g := range types {
		if j := known(g.Name); j >= 0 {
			ids[i] = j
		} else {
			j, _ := slices.BinarySearch(other, g.Name)
			ids[i] = len(typeShares) + j
		}
	}
	return ids
}

// searchActorIDs is the number of each actor of actors in the result
// files: a hash of its name in a room of 16 numbers an actor (a power of
// two), the next free number when it is taken by an actor before it by
// name. An actor that comes or goes changes no other's number, but for
// the rare one it collided with, and all of them when the room doubles.
func searchActorIDs(actors []*groupView) []int {
	room := uint64(256)
	for room < 16*uint64(len(actors)) {
		room *= 2
	}
	taken := make(map[uint64]bool, len(actors))
	ids := make([]int, len(actors))
	for i, g := range actors { // by name
		n := idHash(g.Name) % room
		for taken[n] {
			n = (n + 1) % room
		}
		taken[n] = true
		ids[i] = int(n)
	}
	return ids
}
