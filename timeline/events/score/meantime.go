// The MEANTIME statement scores of events.Extract, computed in-process
// exactly as ../shared/eval/score_events.py computes them (moved here from
// cmd/timeline-eval, which keeps only its flags). The scoring half
// (evLoadGold … evWriteReport) takes gold documents and predictions as
// decoded JSON and knows nothing of the extractor, so the tests can feed it
// the same predictions they give the Python scorer.

package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/events"
	tscore "github.com/timelinehq/timeline/timeline/timex/score"
)

// evMaxSentencesPerSource: a usable source overlaps at most this many gold
// sentences (evidence is a sentence, not a paragraph or the article).
const evMaxSentencesPerSource = 3

// evExtract runs the article reader and the extractor on one document and
// returns its events as `timeline extract -json` would print them. Any
// failure, a panic included, fails the document, as a failing command does
// for score_events.py.
func evExtract(path string, data []byte) (p *evDocPred, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = &evDocPred{Failed: true}, fmt.Errorf("panic: %v", r)
		}
	}()
	a, err := article.Parse(path, data)
	if err != nil {
		return &evDocPred{Failed: true}, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // as Python writes the strings back
	if err := enc.Encode(events.Extract(a)); err != nil {
		return &evDocPred{Failed: true}, fmt.Errorf("encode events: %w", err)
	}
	return evDecodePred(bytes.TrimSpace(buf.Bytes()))
}

// ------------------------------------------------------------------ gold

// evDoc is one line of events.jsonl, with the fields the scorer reads.
type evDoc struct {
	Doc        string        `json:"doc"`
	File       string        `json:"file"`
	Topic      *string       `json:"topic"`
	DCT        string        `json:"dct"`
	ScopeEnd   int           `json:"scope_end"`
	Sentences  [][2]int      `json:"sentences"`
	Statements []evStatement `json:"statements"`
	Events     []evMention   `json:"events"`

	path  string // the text file: the events.jsonl folder joined with File
	topic string // Topic, or the base name of the events.jsonl folder
}

// evStatement is a gold statement.
type evStatement struct {
	ID         string   `json:"id"`
	Triggers   [][2]int `json:"triggers"`
	Trigger    string   `json:"trigger"`
	Date       *string  `json:"date"`
	DateSource *string  `json:"date_source"`
	InScope    bool     `json:"in_scope"`
	Scored     bool     `json:"scored"`
}

// evMention is a gold event mention of any class.
type evMention struct {
	Class     string `json:"class"`
	TrigStart int    `json:"trig_start"`
	TrigEnd   int    `json:"trig_end"`
	Statement bool   `json:"statement"`
}

// evLoadGold reads every events.jsonl under dir (hidden folders skipped),
// sorted by topic, then document id, like score_events.load_gold.
func evLoadGold(dir string) ([]*evDoc, error) {
	docs, err := tscore.ReadGold(dir, "events.jsonl", nil, func(d *evDoc, folder string) (string, string, error) {
		if d.Doc == "" {
			return "", "", errors.New(`no "doc"`)
		}
		d.path = tscore.GoldText(folder, d.File, d.Doc)
		if d.Topic != nil {
			d.topic = *d.Topic
		} else if abs, err := filepath.Abs(folder); err == nil {
			d.topic = filepath.Base(abs)
		}
		return d.Doc, d.topic, nil
	})
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	return docs, nil
}

func evFilterTopic(docs []*evDoc, re *regexp.Regexp) []*evDoc {
	var out []*evDoc
	for _, d := range docs {
		if re.MatchString(d.topic) {
			out = append(out, d)
		}
	}
	return out
}

// evReadTexts reads the text file of every document, by document id.
func evReadTexts(docs []*evDoc) (map[string][]byte, error) {
	texts := make(map[string][]byte, len(docs))
	for _, d := range docs {
		b, err := os.ReadFile(d.path)
		if err != nil {
			return nil, err
		}
		texts[d.Doc] = b
	}
	return texts, nil
}

// ------------------------------------------------------------------ predictions

// evDocPred is the output of the extractor for one document.
type evDocPred struct {
	Items  []any           // its JSON array, decoded with numbers as json.Number
	Raw    json.RawMessage // the array as produced, for -save-pred
	Failed bool            // the document could not be processed: no predictions
}

// evDecodePred decodes a JSON array of events as score_events.py's
// json.loads would see it.
func evDecodePred(raw []byte) (*evDocPred, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return &evDocPred{Failed: true}, fmt.Errorf("invalid JSON: %w", err)
	}
	items, ok := v.([]any)
	if !ok && v != nil {
		return &evDocPred{Failed: true}, errors.New("JSON is not an array")
	}
	return &evDocPred{Items: items, Raw: raw}, nil
}

// evParseTypes parses -types as score_events.py parses --types.
func evParseTypes(list string) map[string]bool {
	types := map[string]bool{}
	for _, t := range strings.Split(list, ",") {
		if t = tscore.PyStrip(t); t != "" {
			types[strings.ToLower(t)] = true
		}
	}
	return types
}

// evPyStr is Python's str(v or "") for a decoded JSON value: falsy values
// give "", strings themselves, true "True", numbers their Python repr.
// Lists and objects never name a type and give "".
func evPyStr(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		if v {
			return "True"
		}
	case json.Number:
		if i, ok := evPyInt(v); ok {
			if i.Sign() != 0 {
				return i.String()
			}
		} else if f, err := v.Float64(); err == nil && f != 0 {
			return evPyFloatRepr(f)
		}
	}
	return ""
}

// evPyInt returns the integer a JSON number is when Python's json module
// reads it as an int (no fraction, no exponent).
func evPyInt(n json.Number) (*big.Int, bool) {
	if strings.ContainsAny(string(n), ".eE") {
		return nil, false
	}
	return new(big.Int).SetString(string(n), 10)
}

// evPyFloatRepr is Python's repr of a float.
func evPyFloatRepr(f float64) string {
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	if e < -4 || e >= 16 {
		if len(exp) == 2 { // e+5 → e+05
			exp = exp[:1] + "0" + exp[1:]
		}
		return mant + "e" + exp
	}
	s = strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// ------------------------------------------------------------------ dates

var (
	evTimeTailRE = regexp.MustCompile(`(T\p{Nd}{2}:\p{Nd}{2})(:\p{Nd}{2}(\.\p{Nd}+)?)?(Z|[+-]\p{Nd}{2}:?\p{Nd}{2})?$`)
	evDayRE      = regexp.MustCompile(`^(\p{Nd}{4})-(\p{Nd}{2})-(\p{Nd}{2})(?:$|T)`)
	evWeekRE     = regexp.MustCompile(`^(\p{Nd}{4})-W(\p{Nd}{2})(-WE)?$`)
	evQuarterRE  = regexp.MustCompile(`^(\p{Nd}{4})-([QH])([1-4])$`)
	evMonthRE    = regexp.MustCompile(`^(\p{Nd}{4})-(\p{Nd}{2})(?:$|-)`)
)

// evNormPredDate drops seconds and zone from a predicted date; anything but
// a string gives "".
func evNormPredDate(v any) string {
	s, _ := v.(string)
	return evTimeTailRE.ReplaceAllString(tscore.PyStrip(s), "$1")
}

// evAtoi is Python's int() of a run of Unicode decimal digits.
func evAtoi(s string) int {
	n := 0
	for _, r := range s {
		n = 10*n + evDigit(r)
	}
	return n
}

// evDigit is the value of a Unicode decimal digit: every range of the Nd
// table is a run of whole 0..9 sequences.
func evDigit(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// evAsDay is the calendar day a value starts with, if it is a valid one.
func evAsDay(v string) (time.Time, bool) {
	m := evDayRE.FindStringSubmatch(v)
	if m == nil {
		return time.Time{}, false
	}
	y, mo, d := evAtoi(m[1]), evAtoi(m[2]), evAtoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if y < 1 || mo < 1 || mo > 12 || t.Day() != d || t.Month() != time.Month(mo) {
		return time.Time{}, false
	}
	return t, true
}

// evFloorDiv is Python's // on ints.
func evFloorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// evDateMatch reports whether pred equals gold at gold's precision:
// "2009-06-01T16:00" matches "2009-06-01" and "2009-06"; "2009-06" does not
// match "2009-06-01"; a day matches the ISO week ("2009-W23"; "-WE" only on
// its weekend) and the quarter or half ("2009-Q2", "2009-H1") it lies in.
// Seconds and zone of pred are ignored; an empty gold matches nothing.
func evDateMatch(gold string, pred any) bool {
	p := evNormPredDate(pred)
	if gold == "" || p == "" {
		return false
	}
	if p == gold {
		return true
	}
	if m := evWeekRE.FindStringSubmatch(gold); m != nil {
		weekend := m[3] != ""
		if strings.HasPrefix(p, gold+"-") && !weekend {
			return true
		}
		d, ok := evAsDay(p)
		if !ok {
			return false
		}
		y, w := d.ISOWeek()
		wd := d.Weekday()
		return y == evAtoi(m[1]) && w == evAtoi(m[2]) && (!weekend || wd == time.Saturday || wd == time.Sunday)
	}
	if m := evQuarterRE.FindStringSubmatch(gold); m != nil {
		mm := evMonthRE.FindStringSubmatch(p)
		if mm == nil || mm[1] != m[1] {
			return false
		}
		size := 3
		if m[2] == "H" {
			size = 6
		}
		return evFloorDiv(evAtoi(mm[2])-1, size)+1 == evAtoi(m[3])
	}
	return strings.HasPrefix(p, gold+"-") || strings.HasPrefix(p, gold+"T")
}

// ------------------------------------------------------------------ scoring

// evConfig holds what is scored.
type evConfig struct {
	Types     map[string]bool // event types scored as statements (lower case)
	Precision string          // "statements" or "class"
}

// evCounts are the counts score_events.py adds up per topic and overall.
type evCounts struct {
	Docs, NGold, Found, DateOK, NGoldFull, FoundFull int
	NPredAll, NPred, TP, TPStrict, Unjudged, Failed  int
	BadSrc, BigSrc, OtherArticle                     int
}

func (a *evCounts) add(b evCounts) {
	a.Docs += b.Docs
	a.NGold += b.NGold
	a.Found += b.Found
	a.DateOK += b.DateOK
	a.NGoldFull += b.NGoldFull
	a.FoundFull += b.FoundFull
	a.NPredAll += b.NPredAll
	a.NPred += b.NPred
	a.TP += b.TP
	a.TPStrict += b.TPStrict
	a.Unjudged += b.Unjudged
	a.Failed += b.Failed
	a.BadSrc += b.BadSrc
	a.BigSrc += b.BigSrc
	a.OtherArticle += b.OtherArticle
}

// evMetricsT are the measures derived from evCounts.
type evMetricsT struct {
	Recall, Precision, F1, DateAcc, Score        float64
	RecallFull, RecallLater, PrecisionDiagnostic float64
}

func evRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c evCounts) evMetrics() evMetricsT {
	m := evMetricsT{
		Recall:              evRatio(c.Found, c.NGold),
		Precision:           evRatio(c.TP, c.NPred),
		DateAcc:             evRatio(c.DateOK, c.Found),
		RecallFull:          evRatio(c.FoundFull, c.NGoldFull),
		RecallLater:         evRatio(c.Found-c.FoundFull, c.NGold-c.NGoldFull),
		PrecisionDiagnostic: evRatio(c.TPStrict, c.NPred),
	}
	if m.Precision+m.Recall != 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	m.Score = m.F1 * m.DateAcc
	return m
}

// evPred is a predicted event of a scored type with its usable sources.
type evPred struct {
	ev   map[string]any
	srcs [][2]int
}

// evPyBase is Python's os.path.basename.
func evPyBase(p string) string { return p[strings.LastIndex(p, "/")+1:] }

// evNormalise keeps the events of a scored type, each with its usable
// sources, and counts the sources it drops (score_events.normalise_events).
func evNormalise(items []any, d *evDoc, nbytes int, types map[string]bool) ([]evPred, evCounts) {
	var st evCounts
	var out []evPred
	base := evPyBase(d.path)
	for _, it := range items {
		ev, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if !types[strings.ToLower(tscore.PyStrip(evPyStr(ev["type"])))] {
			continue
		}
		var srcs []any
		switch s := ev["sources"].(type) {
		case []any:
			srcs = s
		case map[string]any: // Python iterates its keys: no source is a dict
			srcs = make([]any, len(s))
		case string:
			srcs = make([]any, utf8.RuneCountInString(s))
		}
		p := evPred{ev: ev}
		for _, s := range srcs {
			src, ok := s.(map[string]any)
			if !ok {
				st.BadSrc++
				continue
			}
			if art, ok := src["article"].(string); ok && art != "" && evPyBase(art) != base {
				st.OtherArticle++
				continue
			}
			a, b, ok := tscore.Offsets(src["start"], src["end"], nbytes)
			if !ok {
				st.BadSrc++
				continue
			}
			n := 0
			for _, s := range d.Sentences {
				if tscore.Overlaps(a, b, s[0], s[1]) {
					n++
				}
			}
			if n > evMaxSentencesPerSource {
				st.BigSrc++
				continue
			}
			p.srcs = append(p.srcs, [2]int{a, b})
		}
		out = append(out, p)
	}
	return out, st
}

// evMaxMatching is Kuhn's algorithm in score_events.py's order:
// adj[i] lists the right nodes of left node i; it returns the matching size
// and, per left node, its partner or -1.
func evMaxMatching(adj [][]int, nRight int) (int, []int) {
	matchR := make([]int, nRight)
	for j := range matchR {
		matchR[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range adj[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if matchR[j] < 0 || try(matchR[j], seen) {
				matchR[j] = i
				return true
			}
		}
		return false
	}
	size := 0
	for i := range adj {
		if try(i, make([]bool, nRight)) {
			size++
		}
	}
	partner := make([]int, len(adj))
	for i := range partner {
		partner[i] = -1
	}
	for j, i := range matchR {
		if i >= 0 {
			partner[i] = j
		}
	}
	return size, partner
}

// The kinds of -errors records, with score_events.py's keys in its order.
type evMiss struct {
	Kind      string   `json:"kind"`
	Statement string   `json:"statement"`
	Trigger   string   `json:"trigger"`
	Triggers  [][2]int `json:"triggers"`
	GoldDate  *string  `json:"gold_date"`
	Text      string   `json:"text"`
}

type evWrongDate struct {
	Kind       string   `json:"kind"`
	Statement  string   `json:"statement"`
	Trigger    string   `json:"trigger"`
	Triggers   [][2]int `json:"triggers"`
	GoldDate   *string  `json:"gold_date"`
	PredDates  []any    `json:"pred_dates"`
	DateSource *string  `json:"date_source"`
	Text       string   `json:"text"`
}

type evFalseAlarm struct {
	Kind    string   `json:"kind"`
	Why     string   `json:"why"`
	Title   any      `json:"title"`
	Date    any      `json:"date"`
	Sources [][2]int `json:"sources"`
	Text    string   `json:"text"`
}

func evDeref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// evScoreDoc scores the predictions of one document (score_events.score_doc):
// recall and dates over its scored gold statements, precision by maximum
// matching against the SPEECH_COGNITIVE mentions (TP) and against the gold
// statement mentions (TPStrict). It returns the errors as -errors records.
func evScoreDoc(d *evDoc, preds []evPred, data []byte) (evCounts, []any) {
	c := evCounts{Docs: 1, NPredAll: len(preds)}
	var errs []any
	for _, g := range d.Statements {
		if !g.Scored {
			continue
		}
		c.NGold++
		if g.InScope {
			c.NGoldFull++
		}
		var dates []any
		for _, p := range preds {
			if evSourcesOverlap(p.srcs, g.Triggers) {
				dates = append(dates, p.ev["date"])
			}
		}
		if dates == nil {
			errs = append(errs, evMiss{"miss", g.ID, g.Trigger, g.Triggers, g.Date, evSentenceOf(d, data, g.Triggers)})
			continue
		}
		c.Found++
		if g.InScope {
			c.FoundFull++
		}
		ok := false
		for _, v := range dates {
			ok = ok || evDateMatch(evDeref(g.Date), v)
		}
		if ok {
			c.DateOK++
		} else {
			errs = append(errs, evWrongDate{"date", g.ID, g.Trigger, g.Triggers, g.Date, dates, g.DateSource, evSentenceOf(d, data, g.Triggers)})
		}
	}

	var sc, st [][2]int
	for _, m := range d.Events {
		if m.Class == "SPEECH_COGNITIVE" {
			sc = append(sc, [2]int{m.TrigStart, m.TrigEnd})
		}
		if m.Statement {
			st = append(st, [2]int{m.TrigStart, m.TrigEnd})
		}
	}
	var judged []evPred
	var adj, adjSt [][]int
	for _, p := range preds {
		var inside [][2]int
		for _, s := range p.srcs {
			if s[0] < d.ScopeEnd {
				inside = append(inside, s)
			}
		}
		if p.srcs != nil && inside == nil {
			c.Unjudged++
			continue
		}
		judged = append(judged, p)
		adj = append(adj, evAdjacent(inside, sc))
		adjSt = append(adjSt, evAdjacent(inside, st))
	}
	size, partner := evMaxMatching(adj, len(sc))
	c.NPred = len(judged)
	c.TP = size
	c.TPStrict, _ = evMaxMatching(adjSt, len(st))
	for k, p := range judged {
		if partner[k] >= 0 {
			continue
		}
		why, text := "no usable source", ""
		if p.srcs != nil {
			why = "no SPEECH_COGNITIVE mention"
			if adj[k] != nil {
				why = "duplicate (its mentions serve other predictions)"
			}
			text = evSnippet(data, p.srcs[0][0], p.srcs[0][1])
		}
		srcs := append([][2]int{}, p.srcs...)
		errs = append(errs, evFalseAlarm{"false", why, p.ev["title"], p.ev["date"], srcs, text})
	}
	return c, errs
}

func evSourcesOverlap(srcs, spans [][2]int) bool {
	for _, s := range srcs {
		for _, t := range spans {
			if tscore.Overlaps(s[0], s[1], t[0], t[1]) {
				return true
			}
		}
	}
	return false
}

// evAdjacent lists the indexes of the mentions that some source overlaps.
func evAdjacent(srcs, mentions [][2]int) []int {
	var js []int
	for j, m := range mentions {
		if evSourcesOverlap(srcs, [][2]int{m}) {
			js = append(js, j)
		}
	}
	return js
}

// evSentenceOf is the text of the first gold sentence overlapping the first
// of spans.
func evSentenceOf(d *evDoc, data []byte, spans [][2]int) string {
	if len(spans) == 0 {
		return ""
	}
	for _, s := range d.Sentences {
		if tscore.Overlaps(s[0], s[1], spans[0][0], spans[0][1]) {
			return evSnippet(data, s[0], s[1])
		}
	}
	return ""
}

// evSnippet is data[a:b] decoded as Python's decode("utf-8", "replace"),
// cut to 300 characters.
func evSnippet(data []byte, a, b int) string {
	a, b = max(0, min(a, len(data))), max(0, min(b, len(data)))
	if a >= b {
		return ""
	}
	var sb strings.Builder
	s := data[a:b]
	for n := 0; len(s) > 0 && n < 300; n++ {
		r, size := utf8.DecodeRune(s)
		if r == utf8.RuneError && size <= 1 {
			size = evInvalidLen(s)
		}
		sb.WriteRune(r)
		s = s[size:]
	}
	return sb.String()
}

// evInvalidLen is the length of the maximal subpart of an ill-formed UTF-8
// sequence at the start of b, which Python replaces with one U+FFFD.
func evInvalidLen(b []byte) int {
	c := b[0]
	need, lo, hi := 0, byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c == 0xED:
		need, hi = 2, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		need = 2
	case c == 0xF0:
		need, lo = 3, 0x90
	case c == 0xF4:
		need, hi = 3, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	default:
		return 1
	}
	i := 1
	for ; i <= need && i < len(b); i++ {
		l, h := byte(0x80), byte(0xBF)
		if i == 1 {
			l, h = lo, hi
		}
		if b[i] < l || b[i] > h {
			break
		}
	}
	return i
}

// evDocResult is the score of one document.
type evDocResult struct {
	Doc    *evDoc
	Counts evCounts
	Errors []any // evMiss, evWrongDate and evFalseAlarm records
	Pred   *evDocPred
}

// evResult is the score of a run: per document, per topic and overall.
type evResult struct {
	Docs   []evDocResult
	Topics []string // sorted
	ByTop  map[string]evCounts
	Total  evCounts
}

// evScore scores the predictions of every document (a missing entry means
// no predictions) as score_events.py's main does.
func evScore(docs []*evDoc, texts map[string][]byte, preds map[string]*evDocPred, cfg evConfig) *evResult {
	res := &evResult{ByTop: map[string]evCounts{}}
	for _, d := range docs {
		p := preds[d.Doc]
		if p == nil {
			p = &evDocPred{}
		}
		norm, st := evNormalise(p.Items, d, len(texts[d.Doc]), cfg.Types)
		c, errs := evScoreDoc(d, norm, texts[d.Doc])
		if cfg.Precision == "statements" {
			c.TP, c.TPStrict = c.TPStrict, c.TP
		}
		c.BadSrc, c.BigSrc, c.OtherArticle = st.BadSrc, st.BigSrc, st.OtherArticle
		if p.Failed {
			c.Failed = 1
		}
		t, ok := res.ByTop[d.topic]
		if !ok {
			res.Topics = append(res.Topics, d.topic)
		}
		t.add(c)
		res.ByTop[d.topic] = t
		res.Total.add(c)
		res.Docs = append(res.Docs, evDocResult{Doc: d, Counts: c, Errors: errs, Pred: p})
	}
	sort.Strings(res.Topics)
	return res
}

// evWriteReport prints the table and summary of score_events.py; timing,
// when not empty, is the line it prints after running a command.
func (r *evResult) evWriteReport(w io.Writer, cfg evConfig, timing string) {
	hdr := fmt.Sprintf("%-10s %4s %5s %5s %6s | %5s %4s %6s | %6s %6s | %7s %6s | %4s",
		"topic", "docs", "gold", "found", "recall", "pred", "tp", "prec", "F1",
		"date", "score", "R_full", "fail")
	line := strings.Repeat("-", len(hdr))
	fmt.Fprintf(w, "%s\n%s\n", hdr, line)
	row := func(name string, c evCounts) {
		m := c.evMetrics()
		if rs := []rune(name); len(rs) > 10 {
			name = string(rs[:10])
		}
		fmt.Fprintf(w, "%-10s %4d %5d %5d %6.4f | %5d %4d %6.4f | %6.4f %6.4f | %7.4f %6.4f | %4d\n",
			name, c.Docs, c.NGold, c.Found, m.Recall, c.NPred, c.TP,
			m.Precision, m.F1, m.DateAcc, m.Score, m.RecallFull, c.Failed)
	}
	for _, t := range r.Topics {
		row(t, r.ByTop[t])
	}
	fmt.Fprintln(w, line)
	row("OVERALL", r.Total)

	c, m := r.Total, r.Total.evMetrics()
	fmt.Fprintf(w, "recall %.4f on the fully annotated sentences (%d gold), %.4f on later sentences (%d gold)\n",
		m.RecallFull, c.NGoldFull, m.RecallLater, c.NGold-c.NGoldFull)
	types := make([]string, 0, len(cfg.Types))
	for t := range cfg.Types {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(w, "%d predicted %s event(s): %d judged, %d not judged (sources only after the annotated part)\n",
		c.NPredAll, strings.Join(types, "/"), c.NPred, c.Unjudged)
	other := "all SPEECH_COGNITIVE mentions"
	if cfg.Precision == "class" {
		other = "only gold statement mentions (not the whole class)"
	}
	fmt.Fprintf(w, "diagnostic: precision %.4f if %s count\n", m.PrecisionDiagnostic, other)
	if c.BadSrc+c.BigSrc+c.OtherArticle > 0 {
		fmt.Fprintf(w, "sources ignored: %d invalid offsets, %d spanning > %d sentences, %d of other articles\n",
			c.BadSrc, c.BigSrc, evMaxSentencesPerSource, c.OtherArticle)
	}
	if timing != "" {
		fmt.Fprintln(w, timing)
	}
	fmt.Fprintln(w, m.evSummary(c))
}

// evSummary is score_events.py's last line.
func (m evMetricsT) evSummary(c evCounts) string {
	return fmt.Sprintf("statement_score=%.4f recall=%.4f precision=%.4f date_acc=%.4f n_gold=%d f1=%.4f n_pred=%d failed_docs=%d",
		m.Score, m.Recall, m.Precision, m.DateAcc, c.NGold, m.F1, c.NPred, c.Failed)
}

// evWriteErrors writes the -errors JSONL: one line per document with errors.
func (r *evResult) evWriteErrors(w io.Writer) error {
	for _, d := range r.Docs {
		if len(d.Errors) == 0 {
			continue
		}
		rec := struct {
			Doc    string `json:"doc"`
			Topic  string `json:"topic"`
			DCT    string `json:"dct"`
			Errors []any  `json:"errors"`
		}{d.Doc.Doc, d.Doc.topic, d.Doc.DCT, d.Errors}
		if err := evWriteJSONLine(w, rec); err != nil {
			return err
		}
	}
	return nil
}

// evWritePreds writes the -save-pred JSONL, {"doc", "events"} per document,
// which score_events.py --pred reads.
func (r *evResult) evWritePreds(w io.Writer) error {
	for _, d := range r.Docs {
		raw := d.Pred.Raw
		if len(d.Pred.Items) == 0 {
			raw = json.RawMessage("[]")
		}
		rec := struct {
			Doc    string          `json:"doc"`
			Events json.RawMessage `json:"events"`
		}{d.Doc.Doc, raw}
		if err := evWriteJSONLine(w, rec); err != nil {
			return err
		}
	}
	return nil
}

// evWriteJSONLine writes v as one line the way Python's json.dumps(v,
// ensure_ascii=False) does: ", " and ": " separators, no HTML escaping,
// U+2028 and U+2029 unescaped.
func evWriteJSONLine(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	out := make([]byte, 0, len(b)+len(b)/8+1)
	in := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case in && c == '\\':
			if u := string(b[i+1 : min(i+6, len(b))]); u == "u2028" || u == "u2029" {
				r := rune(0x2028)
				if u == "u2029" {
					r = 0x2029
				}
				out = utf8.AppendRune(out, r)
				i += 5
				continue
			}
			out = append(out, c, b[i+1])
			i++
			continue
		case c == '"':
			in = !in
		case !in && (c == ',' || c == ':'):
			out = append(out, c, ' ')
			continue
		}
		out = append(out, c)
	}
	out = append(out, '\n')
	_, err := w.Write(out)
	return err
}

// MeantimeOptions say what ScoreMeantime scores.
type MeantimeOptions struct {
	Topic     *regexp.Regexp // only documents whose topic matches; nil: all
	Types     string         // comma-separated event types scored as statements
	Precision string         // "statements" or "class" (see the events command)
	Warnings  io.Writer      // documents that fail to extract; nil discards
}

// MeantimeResult is a scored MEANTIME run.
type MeantimeResult struct {
	r      *evResult
	cfg    evConfig
	timing string
}

// ScoreMeantime extracts the events of every gold document under dir
// (events.jsonl files) and scores them as score_events.py does.
func ScoreMeantime(dir string, o MeantimeOptions) (*MeantimeResult, error) {
	if o.Precision != "statements" && o.Precision != "class" {
		return nil, fmt.Errorf("-precision %q: want statements or class", o.Precision)
	}
	warnings := o.Warnings
	if warnings == nil {
		warnings = io.Discard
	}
	cfg := evConfig{Types: evParseTypes(o.Types), Precision: o.Precision}
	docs, err := evLoadGold(dir)
	if err != nil {
		return nil, err
	}
	if o.Topic != nil {
		docs = evFilterTopic(docs, o.Topic)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no gold documents found in %s", dir)
	}
	texts, err := evReadTexts(docs)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	preds := make(map[string]*evDocPred, len(docs))
	for _, d := range docs {
		p, err := evExtract(d.path, texts[d.Doc])
		if err != nil {
			fmt.Fprintf(warnings, "FAILED %s (%s): %v\n", d.Doc, d.topic, err)
		}
		preds[d.Doc] = p
	}
	elapsed := time.Since(start)
	res := evScore(docs, texts, preds, cfg)
	timing := fmt.Sprintf("(%d documents in %.1fs, %d failed)", len(docs), elapsed.Seconds(), res.Total.Failed)
	return &MeantimeResult{r: res, cfg: cfg, timing: timing}, nil
}

// WriteReport writes the reference scorer's table and summary line.
func (m *MeantimeResult) WriteReport(w io.Writer) { m.r.evWriteReport(w, m.cfg, m.timing) }

// WriteErrors writes each document's misses, wrong dates and false alarms
// as JSON lines.
func (m *MeantimeResult) WriteErrors(w io.Writer) error { return m.r.evWriteErrors(w) }

// WritePreds writes the predictions as score_events.py's --pred reads them.
func (m *MeantimeResult) WritePreds(w io.Writer) error { return m.r.evWritePreds(w) }

// Score is the statement score: F1 × date accuracy.
func (m *MeantimeResult) Score() float64 { return m.r.Total.evMetrics().Score }
