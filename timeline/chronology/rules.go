package chronology

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/timex"
)

// The rules below decide, with alike, whether two reports are one event.
// The indexed merge and the quadratic reference in the tests both call
// them, so the two cannot drift apart.

// datesFit reports whether two reports' dates can name the same time:
//
//   - equal, or one refines the other (a month and a day in it, a week and
//     a day in it, a day and a time on it) — and where the coarser one has
//     a mod, the finer one lies in that part: "early December" (2021-12,
//     START) holds the 1st to the 10th, "mid-December" the 11th to the
//     20th, "late December" the 21st to the end;
//   - a clock time and the day before or after it, when some time zone
//     (UTC−12 to UTC+14) puts that time on that day: "20:30 GMT on 30
//     December" is the 31st in Vladivostok.
func datesFit(a, b *events.Event) bool {
	if a.Date.Compatible(b.Date) {
		if a.Date.Narrower(b.Date) {
			a, b = b, a // a the coarser
		}
		return inPart(string(a.Date), a.Mod, string(b.Date))
	}
	return zonesExplain(string(a.Date), string(b.Date)) || zonesExplain(string(b.Date), string(a.Date))
}

// inPart reports whether the finer value fine lies in the part of the
// month coarse that mod names; true for any other mod or precision.
func inPart(coarse, mod, fine string) bool {
	if timex.Precision(coarse) != "month" || len(fine) < 10 || fine[:7] != coarse {
		return true
	}
	day := int(fine[8]-'0')*10 + int(fine[9]-'0')
	switch strings.ToUpper(mod) {
	case "START":
		return day <= 10
	case "MID":
		return day >= 11 && day <= 20
	case "END":
		return day >= 21
	}
	return true
}

// zonesExplain reports whether t, a clock time, falls on day in some time
// zone, day being the day before or after its own.
func zonesExplain(t, day string) bool {
	if timex.Precision(t) != "time" || timex.Precision(day) != "day" || len(t) < 16 || t[10] != 'T' {
		return false
	}
	at, err := time.Parse("2006-01-02T15:04", t[:16])
	if err != nil {
		return false
	}
	if zone := t[16:]; zone != "" && zone != "Z" {
		z, err := time.Parse("-07:00", zone)
		if err != nil {
			if z, err = time.Parse("-0700", zone); err != nil {
				return false
			}
		}
		_, off := z.Zone()
		at = at.Add(-time.Duration(off) * time.Second) // to UTC
	}
	d, err := time.Parse("2006-01-02", day)
	own, err2 := time.Parse("2006-01-02", t[:10])
	if err != nil || err2 != nil || d.Sub(own) != 24*time.Hour && own.Sub(d) != 24*time.Hour {
		return false // only the day before or after the one written
	}
	// [d, d+24h) meets [at−12h, at+14h]
	return at.Add(14*time.Hour).Compare(d) >= 0 && at.Add(-12*time.Hour).Before(d.Add(24*time.Hour))
}

// conflictDays is how far apart, in days, two readings of one event's
// day may be.
const conflictDays = 1

// conflicting reports whether a and b are one event whose sources
// disagree on the day: both dated to a day, at most conflictDays apart,
// with the same parties, no different places, and saying it in the same
// words (see similar). Without the wording two days are two events.
func conflicting(a, b *events.Event) bool {
	if a.Date.Precision() != "day" || b.Date.Precision() != "day" || a.Date == b.Date {
		return false
	}
	da, errA := time.Parse("2006-01-02", string(a.Date))
	db, errB := time.Parse("2006-01-02", string(b.Date))
	if errA != nil || errB != nil || max(da.Sub(db), db.Sub(da)) > conflictDays*24*time.Hour {
		return false
	}
	if len(a.Actors) == 0 || !sameSet(a.Actors, b.Actors) || a.Place != "" && b.Place != "" && a.Place != b.Place {
		return false
	}
	return saySame(a, b)
}

// sameSet reports whether two lists hold the same names, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// saySame reports whether some evidence sentence of a and some of b say
// the same thing (see similar).
func saySame(a, b *events.Event) bool {
	for i := range a.Sources {
		for j := range b.Sources {
			if similar(a.Sources[i].Sentence, b.Sources[j].Sentence) {
				return true
			}
		}
	}
	return false
}

// shareSentence reports whether a and b have an evidence sentence with
// the same text: the same wire story under two names.
func shareSentence(a, b *events.Event) bool {
	for i := range a.Sources {
		for j := range b.Sources {
			if s := a.Sources[i].Sentence; s != "" && s == b.Sources[j].Sentence {
				return true
			}
		}
	}
	return false
}

// similar reports whether two sentences say the same thing: the same
// text; a quotation of at least four words that both hold; or wording
// that is clearly alike — at least four content words in common and at
// least 60% of all their content words shared. Numbers, months and
// weekdays are not content words, so two reports that differ only in the
// date they give are alike.
func similar(a, b string) bool {
	if a == b {
		return a != ""
	}
	qa := quotations(a)
	if len(qa) > 0 {
		for _, q := range quotations(b) {
			if slices.Contains(qa, q) {
				return true
			}
		}
	}
	wa, wb := contentWords(a), contentWords(b)
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	union := len(wa) + len(wb) - common
	return common >= 4 && 10*common >= 6*union
}

// quotations returns the quoted passages of s of at least four words,
// lower-cased with spaces collapsed.
func quotations(s string) []string {
	var out []string
	for _, pair := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		rest := s
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			q := strings.Fields(strings.ToLower(strings.TrimFunc(rest[:j], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })))
			if len(q) >= 4 {
				out = append(out, strings.Join(q, " "))
			}
			rest = rest[j+len(pair[1]):]
		}
	}
	return out
}

// contentWords returns the lower-cased words of s that carry meaning:
// letters only, not the commonest function words, months or weekdays.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		w = strings.Trim(w, "'")
		if len(w) < 2 || stopWords[w] {
			continue
		}
		out[strings.TrimSuffix(w, "'s")] = true
	}
	return out
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but of in on at to for from by with as is was were be been are
		it its he she they them his her their this that these those which who whom had has have will would
		said says say told on upon after before about into than then there also not no
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow`) {
		m[w] = true
	}
	return m
}()
