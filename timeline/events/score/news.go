// Package score measures event extraction against gold event sets. It is
// a development aid; the timeline program never imports it.
//
// The news sets (eval/news: stories of many kinds, labelled blind) are
// scored here: a predicted event matches a gold event of the same story
// when they have the same type and one of the prediction's evidence
// sentences overlaps one of the gold evidence sentences; matching is one
// to one and as large as possible. Precision, recall and F1 count
// matches; date accuracy is the share of matched events with a gold date
// whose predicted date is the same TIMEX3 value (and mod); the set's score
// is F1 × date accuracy.
package score

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/timelinehq/timeline/timeline/events"
)

// Story is one line of a news set's gold.jsonl.
type Story struct {
	File      string        `json:"file"`
	Kind      string        `json:"kind"`
	Format    string        `json:"format"`
	Published string        `json:"published"`
	Events    []GoldEvent   `json:"events"`
	Dateline  *GoldDateline `json:"dateline"`
	Path      string        `json:"-"` // the story's file on disk
}

// GoldDateline is a wire story's dateline, when it has one.
type GoldDateline struct {
	Place  string `json:"place"`
	Date   string `json:"date"`
	Agency string `json:"agency"`
}

// GoldEvent is one labelled event.
type GoldEvent struct {
	Type     events.Type   `json:"type"`
	Status   events.Status `json:"status"`
	Date     *string       `json:"date"`
	Mod      string        `json:"mod"`
	Actors   []string      `json:"actors"`
	Place    string        `json:"place"`
	Trigger  string        `json:"trigger"`
	Evidence []Evidence    `json:"evidence"`
}

// Evidence is a sentence of a story, by its byte offsets [Start, End).
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// LoadSet reads dir/gold.jsonl.
func LoadSet(dir string) ([]Story, error) {
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readSet(f, dir)
}

func readSet(r io.Reader, dir string) ([]Story, error) {
	var set []Story
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var s Story
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("gold.jsonl:%d: %w", line, err)
		}
		s.Path = filepath.Join(dir, s.File)
		set = append(set, s)
	}
	return set, sc.Err()
}

// Counts are what scoring stories adds up.
type Counts struct {
	Stories                  int
	Gold, Predicted, Matched int
	Dated                    int // matched events whose gold event has a date
	DateRight                int // of those, with the same value and mod
	StatusRight              int // matched events with the gold status
	ActorsRight              int // matched events that name a gold actor, or both none
}

// Add adds b to c.
func (c *Counts) Add(b Counts) {
	c.Stories += b.Stories
	c.Gold += b.Gold
	c.Predicted += b.Predicted
	c.Matched += b.Matched
	c.Dated += b.Dated
	c.DateRight += b.DateRight
	c.StatusRight += b.StatusRight
	c.ActorsRight += b.ActorsRight
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Precision, Recall, F1, DateAccuracy and Score are the set's measures.
func (c Counts) Precision() float64 { return ratio(c.Matched, c.Predicted) }
func (c Counts) Recall() float64    { return ratio(c.Matched, c.Gold) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (c Counts) DateAccuracy() float64 { return ratio(c.DateRight, c.Dated) }
func (c Counts) Score() float64        { return c.F1() * c.DateAccuracy() }

// Match pairs a prediction with the gold event it matched.
type Match struct {
	Gold *GoldEvent
	Pred *events.Event
}

// ScoreStory scores the events predicted for s. It returns the counts,
// the matched pairs, and the gold events and predictions left unmatched.
func ScoreStory(s Story, pred []events.Event) (Counts, []Match, []*GoldEvent, []*events.Event) {
	c := Counts{Stories: 1, Gold: len(s.Events), Predicted: len(pred)}
	adj := make([][]int, len(pred))
	for i := range pred {
		for j := range s.Events {
			if pred[i].Type == s.Events[j].Type && overlaps(pred[i].Sources, s.Events[j].Evidence) {
				adj[i] = append(adj[i], j)
			}
		}
	}
	_, pairOf := evMaxMatching(adj, len(s.Events))
	var matches []Match
	matchedGold := make([]bool, len(s.Events))
	var lonePred []*events.Event
	for i := range pred {
		j := pairOf[i]
		if j < 0 {
			lonePred = append(lonePred, &pred[i])
			continue
		}
		g := &s.Events[j]
		matchedGold[j] = true
		matches = append(matches, Match{g, &pred[i]})
		c.Matched++
		if g.Date != nil {
			c.Dated++
			if *g.Date == string(pred[i].Date) && g.Mod == pred[i].Mod {
				c.DateRight++
			}
		}
		if g.Status == pred[i].Status {
			c.StatusRight++
		}
		if sharesActor(g.Actors, pred[i].Actors) {
			c.ActorsRight++
		}
	}
	var loneGold []*GoldEvent
	for j := range s.Events {
		if !matchedGold[j] {
			loneGold = append(loneGold, &s.Events[j])
		}
	}
	return c, matches, loneGold, lonePred
}

// overlaps reports whether a source sentence shares a byte with an
// evidence sentence.
func overlaps(srcs []events.Source, ev []Evidence) bool {
	for _, s := range srcs {
		for _, e := range ev {
			if s.Start < e.End && e.Start < s.End {
				return true
			}
		}
	}
	return false
}

// sharesActor reports whether the lists share a name, or are both empty.
func sharesActor(gold, pred []string) bool {
	if len(gold) == 0 && len(pred) == 0 {
		return true
	}
	for _, g := range gold {
		for _, p := range pred {
			if g == p {
				return true
			}
		}
	}
	return false
}

// ByKey adds counts up under a key of each story (its kind, its format).
func ByKey(set []Story, counts []Counts, key func(Story) string) (keys []string, sums map[string]Counts) {
	sums = map[string]Counts{}
	for i, s := range set {
		k := key(s)
		if _, ok := sums[k]; !ok {
			keys = append(keys, k)
		}
		c := sums[k]
		c.Add(counts[i])
		sums[k] = c
	}
	sort.Strings(keys)
	return keys, sums
}
