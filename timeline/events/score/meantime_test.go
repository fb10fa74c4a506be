package score

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/internal/testshared"
	tscore "github.com/timelinehq/timeline/timeline/timex/score"
)

// The gold corpus and the reference scorer, beside the repository as in CI.
var (
	evCorpusDir = filepath.Join("..", "..", "..", "..", "shared", "corpora", "meantime-dev")
	evScorer    = filepath.Join("..", "..", "..", "..", "shared", "eval", "score_events.py")
)

func TestEvDateMatch(t *testing.T) {
	for _, tc := range []struct {
		name, gold string
		pred       any
		want       bool
	}{
		{"same day", "2009-06-01", "2009-06-01", true},
		{"another day", "2009-06-01", "2009-06-02", false},
		{"a time on the gold day", "2009-06-01", "2009-06-01T16:00", true},
		{"a time with seconds and zone on the gold day", "2009-06-01", " 2009-06-01T16:00:59.5+02:00 ", true},
		{"a time matches a gold time without its seconds", "2009-06-01T16:00", "2009-06-01T16:00:30Z", true},
		{"another time", "2009-06-01T16:00", "2009-06-01T17:00", false},
		{"a day within the gold month", "2009-06", "2009-06-17", true},
		{"a month for a gold day", "2009-06-01", "2009-06", false},
		{"a day within the gold year", "2009", "2009-12-31", true},
		{"a longer year is no year", "2009", "20090", false},
		{"a day in the gold ISO week", "2009-W23", "2009-06-01", true},
		{"the Sunday ending the gold ISO week", "2009-W23", "2009-06-07", true},
		{"the Monday after the gold ISO week", "2009-W23", "2009-06-08", false},
		{"ISO week year differs from calendar year", "2009-W53", "2010-01-03", true},
		{"a weekday of the gold ISO week as TIMEX3", "2009-W23", "2009-W23-3", true},
		{"a weekend day for a gold weekend", "2009-W23-WE", "2009-06-06", true},
		{"a weekday for a gold weekend", "2009-W23-WE", "2009-06-05", false},
		{"an impossible day is no day", "2009-W23", "2009-02-30", false},
		{"a day in the gold quarter", "2009-Q2", "2009-06-30", true},
		{"a month in the gold quarter", "2009-Q2", "2009-04", true},
		{"a day in another quarter", "2009-Q2", "2009-07-01", false},
		{"the gold quarter in another year", "2009-Q2", "2010-05-01", false},
		{"month 00 is in no quarter (floor division)", "2009-Q1", "2009-00-01", false},
		{"a day in the gold half year", "2009-H2", "2009-07-01", true},
		{"a day in the other half year", "2009-H2", "2009-06-30", false},
		{"no gold date", "", "2009-06-01", false},
		{"no predicted date", "2009-06-01", "", false},
		{"a predicted date that is not a string", "2009", json.Number("2009"), false},
		{"a predicted null", "2009", nil, false},
		{"non-ASCII digits are digits, as in Python", "2009-W23", "٢٠٠٩-٠٦-٠١", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := evDateMatch(tc.gold, tc.pred); got != tc.want {
				t.Errorf("evDateMatch(%q, %#v) = %v, want %v", tc.gold, tc.pred, got, tc.want)
			}
		})
	}
}

func TestEvMaxMatchingCountsDuplicatesOnce(t *testing.T) {
	// Predictions 0 and 1 both overlap only mention 0; 2 can take 0 or 1.
	size, partner := evMaxMatching([][]int{{0}, {0}, {0, 1}}, 2)
	if size != 2 || fmt.Sprint(partner) != "[0 -1 1]" {
		t.Errorf("got %d %v, want 2 [0 -1 1]", size, partner)
	}
}

func FuzzEvDateMatch(f *testing.F) {
	for _, s := range []string{"2009-06-01", "2009-W23-WE", "2009-Q2", "2009-06-01T16:00:00Z", "٢٠٠٩-٠٦"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, gold, pred string) {
		if evDateMatch(gold, pred) && (gold == "" || pred == "") {
			t.Errorf("evDateMatch(%q, %q) matched an empty date", gold, pred)
		}
	})
}

// ------------------------------------------------------------------ baselines

// evGold loads the corpus and its texts, or skips (fails under CI=true).
func evGold(t *testing.T) ([]*evDoc, map[string][]byte) {
	t.Helper()
	testshared.Need(t, evCorpusDir)
	docs, err := evLoadGold(evCorpusDir)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := evReadTexts(docs)
	if err != nil {
		t.Fatal(err)
	}
	return docs, texts
}

// evBaseline builds the predictions of a baseline: for every document, the
// events that make returns.
func evBaseline(t *testing.T, docs []*evDoc, texts map[string][]byte, make func(d *evDoc, text []byte) []any) map[string]*evDocPred {
	t.Helper()
	preds := map[string]*evDocPred{}
	for _, d := range docs {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(make(d, texts[d.Doc])); err != nil {
			t.Fatal(err)
		}
		p, err := evDecodePred(bytes.TrimSpace(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		preds[d.Doc] = p
	}
	return preds
}

func evEvent(typ any, d *evDoc, start, end int, date any) map[string]any {
	return map[string]any{"type": typ, "date": date, "title": "t",
		"sources": []any{map[string]any{"article": "content/" + d.File, "start": start, "end": end}}}
}

// Baselines from the corpus README, built from the gold sentences.
var evBaselines = []struct {
	name, summary string // summary: the README's reference line
	make          func(d *evDoc, text []byte) []any
}{
	{"perfect", "statement_score=1.0000 recall=1.0000 precision=1.0000 date_acc=1.0000 n_gold=112 f1=1.0000 n_pred=62 failed_docs=0",
		func(d *evDoc, text []byte) []any {
			var out []any
			for _, g := range d.Statements {
				if g.Scored {
					for _, s := range d.Sentences {
						if tscore.Overlaps(s[0], s[1], g.Triggers[0][0], g.Triggers[0][1]) {
							out = append(out, evEvent("statement", d, s[0], s[1], *g.Date))
							break
						}
					}
				}
			}
			return out
		}},
	{"naive", "statement_score=0.3077 recall=0.2768 precision=1.0000 date_acc=0.7097 n_gold=112 f1=0.4336 n_pred=16 failed_docs=0",
		func(d *evDoc, text []byte) []any {
			var out []any
			for _, s := range d.Sentences {
				if strings.Contains(string(text[s[0]:s[1]]), " said") {
					out = append(out, evEvent("statement", d, s[0], s[1], d.DCT))
				}
			}
			return out
		}},
	// The README gives statement_score=0.2343 precision=0.1962 f1=0.3280
	// n_pred=367 for this baseline: the same 72 correct predictions among 8
	// more, so it was built on a finer sentence split than the gold one;
	// score_events.py gives the figures below on the gold sentences.
	{"every sentence", "statement_score=0.2386 recall=1.0000 precision=0.2006 date_acc=0.7143 n_gold=112 f1=0.3341 n_pred=359 failed_docs=0",
		func(d *evDoc, text []byte) []any {
			var out []any
			for _, s := range d.Sentences {
				out = append(out, evEvent("statement", d, s[0], s[1], d.DCT))
			}
			return out
		}},
	{"adversarial", "", evAdversarial},
}

// evAdversarial exercises every rule of the scorer: duplicates, types in
// other cases and of other kinds, invalid, oversized and foreign sources,
// sources after the annotated part, events without sources, and dates at
// every precision, with seconds and zones, or not strings at all.
func evAdversarial(d *evDoc, text []byte) []any {
	var out []any
	dates := []any{d.DCT, d.DCT + "T10:00:00Z", d.DCT[:7], d.DCT[:4], "2009-W23", nil, json.Number("7"), "", "2008-Q1"}
	types := []any{"statement", " Statement", "warning", "call", nil, true, json.Number("3")}
	for i, s := range d.Sentences {
		date := dates[i%len(dates)]
		typ := types[i%len(types)]
		out = append(out, evEvent(typ, d, s[0], s[1], date))
		if i%2 == 0 {
			out = append(out, map[string]any{"type": typ, "date": date})
		}
		if i%3 == 0 { // a duplicate, and a source spanning more sentences
			out = append(out, evEvent("statement", d, s[0], s[1], d.DCT))
			if i+3 < len(d.Sentences) {
				out = append(out, evEvent("statement", d, s[0], d.Sentences[i+3][1], d.DCT))
				out = append(out, evEvent("statement", d, s[0], d.Sentences[i+2][1], d.DCT))
			}
		}
		if i%5 == 0 { // several sources, some unusable
			out = append(out, map[string]any{"type": "statement", "date": d.DCT, "title": nil,
				"sources": []any{
					map[string]any{"article": "other.txt", "start": s[0], "end": s[1]},
					map[string]any{"start": s[0], "end": json.Number(fmt.Sprint(s[1]) + ".0")},
					map[string]any{"start": -1, "end": s[1]},
					map[string]any{"start": s[1], "end": s[0]},
					map[string]any{"start": s[0], "end": len(text) + 1},
					"not a source",
					map[string]any{"article": "", "start": s[0] + 1, "end": s[0] + 2},
				}})
		}
		if i%7 == 0 {
			out = append(out, map[string]any{"type": "statement", "sources": "abc"},
				map[string]any{"type": "statement", "sources": map[string]any{"a": 1}}, "not an event")
		}
	}
	for _, g := range d.Statements { // the gold date on a trigger-sized source
		if g.Date != nil && len(g.Triggers) > 0 {
			out = append(out, evEvent("statement", d, g.Triggers[0][0], g.Triggers[0][1], *g.Date))
		}
	}
	return out
}

func TestEvBaselinesMatchReadme(t *testing.T) {
	docs, texts := evGold(t)
	cfg := evConfig{Types: evParseTypes("statement"), Precision: "statements"}
	for _, b := range evBaselines {
		if b.summary == "" {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			res := evScore(docs, texts, evBaseline(t, docs, texts, b.make), cfg)
			if got := res.Total.evMetrics().evSummary(res.Total); got != b.summary {
				t.Errorf("got  %s\nwant %s", got, b.summary)
			}
		})
	}
}

// ------------------------------------------------------------------ agreement with score_events.py

// evPython runs the reference scorer, or skips (fails under CI=true) when
// python3 or ../shared is missing.
func evPython(t *testing.T, args ...string) string {
	t.Helper()
	py := testshared.NeedTool(t, "python3")
	testshared.Need(t, evScorer)
	var stderr bytes.Buffer
	cmd := exec.Command(py, append([]string{evScorer}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score_events.py %v: %v\n%s", args, err, stderr.String())
	}
	return string(out)
}

func evWriteTemp(t *testing.T, name string, write func(w *bufio.Writer) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if err := write(w); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func evReadFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// evAgree scores preds with evScore and with score_events.py --pred and
// requires the same report, byte for byte, and the same -errors and
// -save-pred files.
func evAgree(t *testing.T, corpus string, docs []*evDoc, texts map[string][]byte, preds map[string]*evDocPred, flags ...string) {
	t.Helper()
	cfg := evConfig{Types: evParseTypes("statement"), Precision: "statements"}
	var topic string
	for i := 0; i+1 < len(flags); i += 2 {
		switch flags[i] {
		case "--types":
			cfg.Types = evParseTypes(flags[i+1])
		case "--precision":
			cfg.Precision = flags[i+1]
		case "--topic":
			topic = flags[i+1]
		}
	}
	if topic != "" {
		var kept []*evDoc
		for _, d := range docs {
			if strings.Contains(d.topic, topic) {
				kept = append(kept, d)
			}
		}
		docs = kept
	}
	res := evScore(docs, texts, preds, cfg)
	var report bytes.Buffer
	res.evWriteReport(&report, cfg, "")
	predPath := evWriteTemp(t, "pred.jsonl", func(w *bufio.Writer) error { return res.evWritePreds(w) })
	errPath := evWriteTemp(t, "errors.jsonl", func(w *bufio.Writer) error { return res.evWriteErrors(w) })

	dir := t.TempDir()
	pyErr, pySave := filepath.Join(dir, "errors.jsonl"), filepath.Join(dir, "save.jsonl")
	got := evPython(t, append([]string{corpus, "--pred", predPath, "--errors", pyErr, "--save-pred", pySave}, flags...)...)
	if report.String() != got {
		t.Errorf("report differs\nGo:\n%s\nscore_events.py:\n%s", report.String(), got)
	}
	evSameLines(t, "-errors", evReadFile(t, errPath), evReadFile(t, pyErr))
	evSameLines(t, "-save-pred", evReadFile(t, predPath), evReadFile(t, pySave))
}

func evSameLines(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("%s line %d differs\nGo:     %.600s\nPython: %.600s", what, i+1, gl, wl)
			return
		}
	}
}

func TestEvAgreesWithScoreEventsPy(t *testing.T) {
	docs, texts := evGold(t)
	for _, b := range evBaselines {
		preds := evBaseline(t, docs, texts, b.make)
		for _, flags := range [][]string{
			nil,
			{"--precision", "class"},
			{"--types", "Statement, warning,,call"},
			{"--topic", "apple"},
			{"--types", "statement,true,3"},
		} {
			t.Run(strings.Join(append([]string{b.name}, flags...), " "), func(t *testing.T) {
				evAgree(t, evCorpusDir, docs, texts, preds, flags...)
			})
		}
	}
}

// TestEvAgreesOnDatePrecisions scores a synthetic corpus whose gold dates
// are weeks, weekends, quarters, halves, months, years and times, in a
// folder without "topic" and "file" fields, with both scorers.
func TestEvAgreesOnDatePrecisions(t *testing.T) {
	corpus := t.TempDir()
	golds := []string{"2009-W23", "2009-W23-WE", "2009-Q2", "2009-H1", "2009-06", "2009", "2009-06-01T16:00", "2009-06-01"}
	preds := []string{"2009-06-03", "2009-06-06", "2009-05", "2009-07-01", "2009-06-30T10:00:00+02:00",
		"2009-W23", "2009-06-01T16:00:42Z", "2009-06-01T17:00", "2009-W23-3", "2009-Q2", "", "2009-00-15"}
	dir := filepath.Join(corpus, "synthetic")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var gold bytes.Buffer
	for i, g := range golds {
		doc := fmt.Sprintf("d%d", i)
		sentence := "Officials said it. "
		text := "Headline\n\nJune 01, 2009\n\n" + strings.Repeat(sentence, len(preds))
		if err := os.WriteFile(filepath.Join(dir, doc+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		rec := map[string]any{"doc": doc, "dct": "2009-06-01", "scope_end": len(text)}
		sents := [][2]int{{0, 8}, {10, 23}}
		var stmts, mentions []any
		for j := range preds {
			s0 := 25 + j*len(sentence)
			sents = append(sents, [2]int{s0, s0 + len(sentence) - 1})
			trig := [2]int{s0 + 10, s0 + 14}
			stmts = append(stmts, map[string]any{"id": fmt.Sprintf("s%d", j), "triggers": [][2]int{trig},
				"trigger": "said", "date": g, "date_source": "tlink", "in_scope": j%2 == 0, "scored": true})
			mentions = append(mentions, map[string]any{"class": "SPEECH_COGNITIVE",
				"trig_start": trig[0], "trig_end": trig[1], "statement": true})
		}
		rec["sentences"], rec["statements"], rec["events"] = sents, stmts, mentions
		b, _ := json.Marshal(rec)
		gold.Write(append(b, '\n'))
	}
	if err := os.WriteFile(filepath.Join(dir, "events.jsonl"), gold.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := evLoadGold(corpus)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := evReadTexts(docs)
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].topic != "synthetic" {
		t.Errorf("topic %q, want the folder name synthetic", docs[0].topic)
	}
	p := evBaseline(t, docs, texts, func(d *evDoc, text []byte) []any {
		var out []any
		for j, s := range d.Sentences[2:] {
			out = append(out, evEvent("statement", d, s[0], s[1], preds[j]))
		}
		return out
	})
	evAgree(t, corpus, docs, texts, p)
}

// TestEvDateMatchAgreesWithPython compares evDateMatch and evSnippet with
// score_events.date_match and snippet on many inputs.
func TestEvDateMatchAgreesWithPython(t *testing.T) {
	golds := []string{"2009-06-01", "2009-06", "2009", "2009-06-01T16:00", "2009-W23", "2009-W23-WE", "2009-W53",
		"2009-Q2", "2009-Q1", "2009-H1", "2009-H2", "2009-H3", "", "2009-W23-3"}
	preds := []string{"2009-06-01", "2009-06-07", "2009-06-06", "2010-01-03", "2009-06-01T16:00:00", "2009-06-01T16:00Z",
		"2009-06-01T16:00+0200", "2009-06-01T16:00:00.123-05:00", "2009-06-01T16", "2009-06", "2009-00-01",
		"2009-13-01", "2009-02-29", "2008-02-29", "0000-01-01", "2009-W23", "2009-W23-WE", "2009-W23-3",
		"2009-Q2", "20090601", " 2009-06-01\n", "2009-06-01TMO", "٢٠٠٩-٠٦-٠١", "２００９-０６-０１", "2009-06-01T16:00T17:00", ""}
	var cases [][2]string
	for _, g := range golds {
		for _, p := range preds {
			cases = append(cases, [2]string{g, p})
		}
	}
	snippets := [][]byte{[]byte("plain"), []byte("caf\xc3\xa9"), {0xe2, 0x82}, {0xe2, 0x82, 'x'}, {0xed, 0xa0, 0x80},
		{0xf0, 0x9f, 0x98}, {0xf4, 0x90, 0x80, 0x80}, {0xc0, 0xaf}, {0xff, 'a', 0x80}, bytes.Repeat([]byte("é"), 400)}
	in, _ := json.Marshal(map[string]any{"dates": cases, "snippets": snippets})
	script := `import base64, json, sys
sys.path.insert(0, sys.argv[1])
import score_events as s
d = json.load(sys.stdin)
print(json.dumps({"dates": [s.date_match(g, p) for g, p in d["dates"]],
    "snippets": [s.snippet(base64.b64decode(b), 0, len(base64.b64decode(b))) for b in d["snippets"]]}))`
	py := testshared.NeedTool(t, "python3")
	testshared.Need(t, evScorer)
	cmd := exec.Command(py, "-c", script, filepath.Dir(evScorer))
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var want struct {
		Dates    []bool
		Snippets []string
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if got := evDateMatch(c[0], c[1]); got != want.Dates[i] {
			t.Errorf("evDateMatch(%q, %q) = %v, date_match says %v", c[0], c[1], got, want.Dates[i])
		}
	}
	for i, b := range snippets {
		if got := evSnippet(b, 0, len(b)); got != want.Snippets[i] {
			t.Errorf("evSnippet(%q) = %q, snippet says %q", b, got, want.Snippets[i])
		}
	}
}

// TestMeantimeSavesWhatItScores scores the corpus with the extractor as it
// is today; rescoring its predictions with score_events.py gives the same
// figures and errors (failed documents save as no events, so only
// failed_docs may differ).
func TestMeantimeSavesWhatItScores(t *testing.T) {
	testshared.Need(t, evCorpusDir)
	dir := t.TempDir()
	save, errs := filepath.Join(dir, "pred.jsonl"), filepath.Join(dir, "errors.jsonl")
	res, err := ScoreMeantime(evCorpusDir, MeantimeOptions{Types: "statement", Precision: "statements"})
	if err != nil {
		t.Fatal(err)
	}
	for f, write := range map[string]func(io.Writer) error{save: res.WritePreds, errs: res.WriteErrors} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var report bytes.Buffer
	res.WriteReport(&report)
	lines := strings.Split(strings.TrimSpace(report.String()), "\n")
	got := lines[len(lines)-1]
	pyErrs := filepath.Join(dir, "py-errors.jsonl")
	pyOut := strings.Split(strings.TrimSpace(evPython(t, evCorpusDir, "--pred", save, "--errors", pyErrs)), "\n")
	want := pyOut[len(pyOut)-1]
	cut := func(s string) string { return s[:strings.Index(s, " failed_docs=")] }
	if !strings.HasPrefix(got, "statement_score=") || cut(got) != cut(want) {
		t.Errorf("summary\nGo:     %s\nPython: %s", got, want)
	}
	evSameLines(t, "-errors", evReadFile(t, errs), evReadFile(t, pyErrs))
}

func TestScoreMeantimeRejectsABadPrecision(t *testing.T) {
	if _, err := ScoreMeantime(evCorpusDir, MeantimeOptions{Precision: "loose"}); err == nil {
		t.Error("precision loose accepted")
	}
}
