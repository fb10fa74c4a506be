// Package score computes the TempEval-3 measures of a temporal tagger
// exactly as ../shared/eval/score_timex.py defines them: strict and relaxed
// span P/R/F1, type and value accuracy over relaxed matches, and value F1 =
// relaxed F1 × value accuracy. It is a development aid; the timeline program
// never imports it.
package score

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Span is a gold or predicted temporal expression.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod"`
	TID   string `json:"tid,omitempty"`
}

// Doc is one line of a gold.jsonl file.
type Doc struct {
	Doc     string `json:"doc"`
	File    string `json:"file"`
	DCT     string `json:"dct"`
	Corpus  string `json:"corpus"`
	Timexes []Span `json:"timexes"`
	Ignore  []Span `json:"ignore"`
	Path    string `json:"-"` // absolute path of the text file
}

// LoadGold reads every gold.jsonl under dir (skipping folders named orig and
// hidden ones), sorted by corpus then doc id, as score_timex.load_gold does.
func LoadGold(dir string) ([]Doc, error) {
	recs, err := ReadGold(dir, "gold.jsonl", []string{"orig"}, func(d *Doc, folder string) (string, string, error) {
		d.Path, _ = filepath.Abs(GoldText(folder, d.File, d.Doc))
		if d.Corpus == "" {
			d.Corpus = filepath.Base(folder)
		}
		return d.Doc, d.Corpus, nil
	})
	if err != nil {
		return nil, err
	}
	docs := make([]Doc, len(recs))
	for i, d := range recs {
		docs[i] = *d
	}
	return docs, nil
}

// Counts are the micro-average counters of one document or a sum of them.
type Counts struct {
	Docs, Gold, Pred, Strict, Relaxed, Type, Value, VM, Dropped, Failed int
	// Canon counts matches whose values agree in Canonical form: a
	// diagnostic the reference scorer does not have.
	Canon int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Docs += o.Docs
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Strict += o.Strict
	c.Relaxed += o.Relaxed
	c.Type += o.Type
	c.Value += o.Value
	c.VM += o.VM
	c.Canon += o.Canon
	c.Dropped += o.Dropped
	c.Failed += o.Failed
}

// Error is one disagreement with the gold, in the reference scorer's
// --errors format.
type Error struct {
	Kind string `json:"kind"` // match, miss or false
	Gold *Span  `json:"gold,omitempty"`
	Pred *Span  `json:"pred,omitempty"`
}

func overlaps(a, b Span) bool { return Overlaps(a.Start, a.End, b.Start, b.End) }

// ScoreDoc scores the valid predictions of one document. With useIgnore,
// predictions that overlap an ignore span and no gold timex are dropped.
func ScoreDoc(d Doc, preds []Span, useIgnore bool) (Counts, []Error) {
	gold := d.Timexes
	dropped := 0
	if useIgnore && len(d.Ignore) > 0 {
		kept := preds[:0:0]
		for _, p := range preds {
			if anyOverlap(p, d.Ignore) && !anyOverlap(p, gold) {
				dropped++
			} else {
				kept = append(kept, p)
			}
		}
		preds = kept
	}

	// strict: one-to-one identical spans
	pool := map[[2]int]int{}
	for _, p := range preds {
		pool[[2]int{p.Start, p.End}]++
	}
	strict := 0
	for _, g := range gold {
		k := [2]int{g.Start, g.End}
		if pool[k] > 0 {
			pool[k]--
			strict++
		}
	}

	// relaxed: one-to-one greedy over overlapping pairs, exact spans first,
	// then the largest overlap, then the smallest boundary difference.
	type cand struct{ inexact, negOv, diff, gi, pi int }
	var cands []cand
	for gi, g := range gold {
		for pi, p := range preds {
			if !overlaps(g, p) {
				continue
			}
			ov := min(g.End, p.End) - max(g.Start, p.Start)
			inexact := 1
			if g.Start == p.Start && g.End == p.End {
				inexact = 0
			}
			cands = append(cands, cand{inexact, -ov, abs(g.Start-p.Start) + abs(g.End-p.End), gi, pi})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.inexact != b.inexact {
			return a.inexact < b.inexact
		}
		if a.negOv != b.negOv {
			return a.negOv < b.negOv
		}
		if a.diff != b.diff {
			return a.diff < b.diff
		}
		if a.gi != b.gi {
			return a.gi < b.gi
		}
		return a.pi < b.pi
	})
	gu, pu := map[int]bool{}, map[int]bool{}
	var pairs [][2]int
	for _, c := range cands {
		if gu[c.gi] || pu[c.pi] {
			continue
		}
		gu[c.gi], pu[c.pi] = true, true
		pairs = append(pairs, [2]int{c.gi, c.pi})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})

	c := Counts{Docs: 1, Gold: len(gold), Pred: len(preds), Strict: strict, Relaxed: len(pairs), Dropped: dropped}
	var errs []Error
	for _, pr := range pairs {
		g, p := gold[pr[0]], preds[pr[1]]
		tOK := PyStrip(g.Type) == PyStrip(p.Type)
		vOK := PyStrip(g.Value) == PyStrip(p.Value)
		pm := PyStrip(p.Mod)
		mOK := pm == "" || pm == PyStrip(g.Mod)
		c.Type += b2i(tOK)
		c.Value += b2i(vOK)
		c.VM += b2i(vOK && mOK)
		c.Canon += b2i(vOK || Canonical(PyStrip(g.Value)) == Canonical(PyStrip(p.Value)))
		if !(tOK && vOK && mOK && g.Start == p.Start && g.End == p.End) {
			errs = append(errs, Error{Kind: "match", Gold: &g, Pred: &p})
		}
	}
	for gi := range gold {
		if !gu[gi] {
			g := gold[gi]
			errs = append(errs, Error{Kind: "miss", Gold: &g})
		}
	}
	for pi := range preds {
		if !pu[pi] {
			p := preds[pi]
			errs = append(errs, Error{Kind: "false", Pred: &p})
		}
	}
	return c, errs
}

// Canonical writes a TIMEX3 value in the one form the guidelines give
// it, undoing spellings found in the gold files that name the same time:
// an unpadded week ("2000-W7" is 2000-W07), unknown parts after a known
// year or month ("1949-XX" and "1994-XX-XX" are the year, "1998-10-XX"
// the month), a decade or century padded with X ("198X" is 198, "19XX"
// is 19) and an hour without minutes ("T17" is T17:00).
func Canonical(v string) string {
	v = unpaddedWeek.ReplaceAllString(v, "${1}0$2")
	v = unknownTail.ReplaceAllString(v, "$1")
	v = paddedEra.ReplaceAllString(v, "$1")
	return bareHour.ReplaceAllString(v, "${1}:00$2")
}

var (
	unpaddedWeek = regexp.MustCompile(`^(\d{4}-W)(\d(?:$|-))`)
	unknownTail  = regexp.MustCompile(`^(\d{4}(?:-\d\d)?)(?:-XX)+$`)
	paddedEra    = regexp.MustCompile(`^(\d{2}(?:\d?))X+$`)
	bareHour     = regexp.MustCompile(`(T\d\d)($|[Z+-])`)
)

func anyOverlap(p Span, spans []Span) bool {
	for _, s := range spans {
		if overlaps(p, s) {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Metrics are the derived measures of some Counts.
type Metrics struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	TypeAcc, ValueAcc, VMAcc      float64
	ValueF1                       float64
	CanonAcc, CanonF1             float64 // value accuracy and F1 in Canonical form
}

// Compute derives the measures, with the reference scorer's conventions for
// empty sets (no gold and no predictions score 1).
func (c Counts) Compute() Metrics {
	empty := c.Gold == 0 && c.Pred == 0
	prf := func(m int) (p, r, f float64) {
		if c.Pred > 0 {
			p = float64(m) / float64(c.Pred)
		}
		if c.Gold > 0 {
			r = float64(m) / float64(c.Gold)
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		if empty {
			p, r, f = 1, 1, 1
		}
		return
	}
	var m Metrics
	m.StrictP, m.StrictR, m.StrictF1 = prf(c.Strict)
	m.RelaxedP, m.RelaxedR, m.RelaxedF1 = prf(c.Relaxed)
	if n := float64(c.Relaxed); n > 0 {
		m.TypeAcc = float64(c.Type) / n
		m.ValueAcc = float64(c.Value) / n
		m.VMAcc = float64(c.VM) / n
		m.CanonAcc = float64(c.Canon) / n
	}
	if empty {
		m.TypeAcc, m.ValueAcc, m.VMAcc, m.CanonAcc = 1, 1, 1, 1
	}
	m.ValueF1 = m.RelaxedF1 * m.ValueAcc
	m.CanonF1 = m.RelaxedF1 * m.CanonAcc
	return m
}

// Row is one line of the result table.
type Row struct {
	Name string
	Counts
}

// Rows orders per-corpus counts as the reference scorer prints them: each
// corpus, then "family-*" sums of corpora sharing a prefix before "-",
// then OVERALL.
func Rows(perCorpus map[string]Counts) []Row {
	names := make([]string, 0, len(perCorpus))
	for k := range perCorpus {
		names = append(names, k)
	}
	sort.Strings(names)
	var rows []Row
	var total Counts
	fams := map[string][]Counts{}
	for _, k := range names {
		rows = append(rows, Row{k, perCorpus[k]})
		total.Add(perCorpus[k])
		fam := strings.SplitN(k, "-", 2)[0]
		fams[fam] = append(fams[fam], perCorpus[k])
	}
	famNames := make([]string, 0, len(fams))
	for f := range fams {
		famNames = append(famNames, f)
	}
	sort.Strings(famNames)
	for _, f := range famNames {
		if cs := fams[f]; len(cs) > 1 {
			var agg Counts
			for _, c := range cs {
				agg.Add(c)
			}
			rows = append(rows, Row{f + "-*", agg})
		}
	}
	return append(rows, Row{"OVERALL", total})
}

// PrintTable writes rows in the reference scorer's layout.
func PrintTable(w io.Writer, rows []Row) {
	hdr := fmt.Sprintf("%-18s %5s %6s %6s | %6s %6s %6s | %6s %6s %6s | %6s %6s %6s | %7s %4s",
		"corpus", "docs", "gold", "pred", "str_P", "str_R", "str_F1", "rel_P", "rel_R",
		"rel_F1", "type", "value", "vm", "val_F1", "fail")
	fmt.Fprintln(w, hdr)
	fmt.Fprintln(w, strings.Repeat("-", len(hdr)))
	for _, r := range rows {
		if r.Name == "OVERALL" {
			fmt.Fprintln(w, strings.Repeat("-", len(hdr)))
		}
		m := r.Compute()
		name := r.Name
		if len(name) > 18 {
			name = name[:18]
		}
		fmt.Fprintf(w, "%-18s %5d %6d %6d | %6.4f %6.4f %6.4f | %6.4f %6.4f %6.4f | %6.4f %6.4f %6.4f | %7.4f %4d\n",
			name, r.Docs, r.Gold, r.Pred, m.StrictP, m.StrictR, m.StrictF1, m.RelaxedP, m.RelaxedR,
			m.RelaxedF1, m.TypeAcc, m.ValueAcc, m.VMAcc, m.ValueF1, r.Failed)
	}
}

// Summary is the reference scorer's last line; failed_docs is total.Failed.
func Summary(total Counts) string {
	m := total.Compute()
	return fmt.Sprintf("value_f1=%.4f relaxed_f1=%.4f strict_f1=%.4f n_gold=%d n_pred=%d type_acc=%.4f value_acc=%.4f failed_docs=%d",
		m.ValueF1, m.RelaxedF1, m.StrictF1, total.Gold, total.Pred, m.TypeAcc, m.ValueAcc, total.Failed)
}

// Normalize keeps the predictions with valid offsets into a text of nbytes
// bytes and returns how many items were invalid (they count as unmatched
// predictions, as in the reference scorer).
func Normalize(items []json.RawMessage, nbytes int) (good []Span, bad int) {
	for _, raw := range items {
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if dec.Decode(&m) != nil || m == nil {
			bad++
			continue
		}
		s, e, ok := Offsets(m["start"], m["end"], nbytes)
		if !ok {
			bad++
			continue
		}
		str := func(k string) string { v, _ := m[k].(string); return v }
		good = append(good, Span{Start: s, End: e, Text: str("text"), Type: str("type"), Value: str("value"), Mod: str("mod")})
	}
	return good, bad
}
