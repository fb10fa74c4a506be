package timex

// The rules of clock times, zones and the day a time belongs to.

import (
	"time"
)

// clock: times of day: "20:30 GMT", "3 p.m. EST", "noon", "10 o'clock".
func (p *parser) clock(i int) match {
	if i >= len(p.toks) {
		return match{}
	}
	w := p.low(i)
	if w == "noon" || w == "midnight" || w == "midday" {
		v := "T12:00"
		if w == "midnight" {
			v = "T24:00" // the end of the day, but "just after midnight" is early in it
			if p.is(i-1, "after") {
				v = "T00:00"
			}
		}
		// "High Noon" is a film: a clock word alone needs a preposition.
		if !p.is(i-1, "at", "by", "before", "after", "until", "till", "around", "about", "past", "from", "since", "to") &&
			!p.dayAfter(i, i+1).ok() && !(p.is(i+1, "on") && p.dayAfter(i, i+2).ok()) {
			return match{}
		}
		m := p.clockDay(i, i+1, v, "")
		if v == "T24:00" && m.val == fmtDay(p.ref)+v && p.tense(i, i+1) == past {
			// "the crash happened shortly before midnight": the midnight
			// that ended the day before
			d := p.ref.AddDate(0, 0, -1)
			m.val = fmtDay(d) + v
			if !m.day.IsZero() {
				m.day = d
			}
		}
		return m
	}
	t := &p.toks[i]
	if t.kind == kDigit && t.e-t.s == 4 && (zones[p.low(i+1)] || p.is(i+1, "local") && p.is(i+2, "time")) &&
		t.num/100 <= 24 && t.num%100 <= 59 && !p.is(i-1, "(") {
		// wire style "0900 GMT", "kicks off at 1500 GMT on Saturday",
		// "about 1500 local time" (but not the gloss of "10:35 a.m. (0735
		// GMT)")
		h, mi, end := t.num/100, t.num%100, i+2
		zone := p.low(i + 1)
		if p.is(i+1, "local") {
			end, zone = i+3, ""
		}
		return p.clockDay(i, end, "T"+pad2(h)+":"+pad2(mi), zone)
	}
	if t.kind != kDigit || t.e-t.s > 2 || t.num > 24 {
		return match{}
	}
	if i > 0 && !t.sp && p.is(i-1, ",", ".", ":", "$", "/", "-") {
		return match{}
	}
	h, mi := t.num, 0
	j := i + 1
	hasMin := false
	if p.glued(j) && p.is(j, ":", ".") && p.glued(j+1) && j+1 < len(p.toks) && p.toks[j+1].kind == kDigit && p.toks[j+1].e-p.toks[j+1].s == 2 {
		if p.is(j, ".") && !p.isAmPm(j+2) {
			return match{}
		}
		mi = p.toks[j+1].num
		if mi > 59 {
			return match{}
		}
		j += 2
		hasMin = true
		if p.glued(j) && p.is(j, ":") && p.glued(j+1) && j+1 < len(p.toks) && p.toks[j+1].kind == kDigit {
			j += 2
		}
	}
	ctx := false
	if k := p.ampm(j); k > j {
		if h == 0 || h > 12 {
			return match{}
		}
		pm := p.low(j)[0] == 'p'
		if pm && h < 12 {
			h += 12
		}
		if !pm && h == 12 {
			h = 0
		}
		j, ctx = k, true
	} else if p.is(j, "o") && p.is(j+1, "'") && p.is(j+2, "clock") {
		j, ctx = j+3, true
	}
	zone := ""
	if zones[p.low(j)] && (hasMin || ctx) {
		zone = p.low(j)
		j++
		ctx = true
	} else if p.is(j, "local") && p.is(j+1, "time") && (hasMin || ctx) {
		j += 2
	}
	if !hasMin && !ctx {
		return match{}
	}
	if !ctx && !p.is(i-1, "at", "by", "around", "about", "from", "until", "till", "before", "after", "to", "approximately") &&
		!p.dayAfter(i, j).ok() && !(p.is(j, "on") && p.dayAfter(i, j+1).ok()) {
		return match{} // but "bids are due 17:00 Friday"
	}
	return p.clockDay(i, j, "T"+pad2(h)+":"+pad2(mi), zone)
}

// clockDay dates the time of day clock (T09:00) read over tokens [i, j):
// by a day right after it ("5 p.m. EST, Nov. 6", "at 23:59 on Sunday"),
// else the day the sentence last named or the reference date. The time
// keeps the zone the text names, as ISO 8601 writes it ("20:30 GMT" is
// T20:30Z, "3 p.m. EST" T15:00-05:00); without one it is local time.
func (p *parser) clockDay(i, j int, clock, zone string) match {
	end, d := j, p.dayFor(i)
	own := true // the day is the time's, not marked on its own after it
	if m := p.dayAfter(i, j); m.ok() {
		end, d = m.end, m.day
		if p.is(p.opt(j, ","), "(", "the") {
			// "10:35 a.m. (0735 GMT) Friday", "2359 GMT the following
			// day": the day dates the time but is marked on its own.
			end, own = j, false
		}
	} else if k := p.opt(j, ","); p.is(k, "on") {
		if m := p.dayAfter(i, k+1); m.ok() {
			// "at 23:59 on Sunday", "at 1 p.m. ET, on Wednesday": Sunday's,
			// the day marked on its own
			d, own = m.day, false
			p.onDay, p.onDayAt = m.day, k+1
		}
	}
	m := match{start: i, end: end, typ: Time, val: fmtDay(d) + clock + zoneOffset(zone, d)}
	if own {
		m.day = d // later "the next day" counts from it
	}
	if p.is(i-1, "around", "about", "approximately", "roughly") {
		m.start, m.mod = i-1, "APPROX" // TimeBank keeps "around" in a time's span
	}
	return m
}

// zoneOffsets are the zones a clock time may name, as ISO 8601 offsets.
// "ET" is US Eastern time, standard or daylight by the day (zoneOffset).
var zoneOffsets = map[string]string{"gmt": "Z", "utc": "Z", "est": "-05:00", "edt": "-04:00",
	"cst": "-06:00", "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
	"bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "jst": "+09:00", "ist": "+05:30", "msk": "+03:00",
	"et": ""}

var zones = func() map[string]bool {
	m := map[string]bool{}
	for z := range zoneOffsets {
		m[z] = true
	}
	return m
}()

// zoneOffset is the ISO 8601 offset of zone on day d, or "" for local time.
func zoneOffset(zone string, d time.Time) string {
	if zone != "et" {
		return zoneOffsets[zone]
	}
	if usDaylight(d) {
		return "-04:00"
	}
	return "-05:00"
}

// usDaylight reports whether day d is in US daylight saving time: from
// the second Sunday of March to the first Sunday of November (the rule
// since 2007).
func usDaylight(d time.Time) bool {
	y := d.Year()
	start := nthWeekday(y, 3, int(time.Sunday), 2)
	end := nthWeekday(y, 11, int(time.Sunday), 1)
	return !d.Before(start) && d.Before(end)
}

func (p *parser) isAmPm(j int) bool { return p.ampm(j) > j }

// ampm reads "am", "pm", "a.m." or "p.m." at j and returns the index after it.
func (p *parser) ampm(j int) int {
	switch p.low(j) {
	case "am", "pm":
		return j + 1 // "9am." ends a sentence: the full stop is not the time's
	case "a", "p":
		if p.is(j+1, ".") && p.glued(j+1) && p.is(j+2, "m") && p.glued(j+2) {
			if n := j + 4; p.is(j+3, ".") && (n >= len(p.toks) || p.toks[n].nl ||
				p.toks[n].cap && p.toks[n].kind == kWord && p.lex(n) == nil && !zones[p.low(n)]) {
				return j + 3 // "at 10 p.m. The": one full stop for both
			}
			return p.opt(j+3, ".")
		}
	}
	return j
}

// dayFor is the day a time of day at token i belongs to: the last day
// named in the same sentence, else the story's day if one was named
// shortly before (see background), else the reference date.
func (p *parser) dayFor(i int) time.Time {
	if !p.sentDay.IsZero() && p.sentDayI <= i && i-p.sentDayI <= 60 && p.inSentence(p.sentDayI, i) {
		return p.sentDay
	}
	// "...on Monday. By 8 p.m., the spire had collapsed": the story's day
	if !p.storyDay.IsZero() && p.storyDayI <= i && i-p.storyDayI <= storyWindow &&
		!(p.storyDay.After(p.ref) && p.tense(i, i+1) == past) {
		return p.storyDay
	}
	return p.ref
}

// background reports whether the day named at token i is background to
// the story rather than its day: told relative to another event ("a
// sell-off that began on Tuesday", "since Monday", "two days after Easter
// Sunday"), in the past perfect ("had warned on Monday"), or not in the
// past at all in a sentence told in the present ("Commuters are crawling
// along icy highways ... the second storm this week"). "Police are hunting
// men who stole watches on Tuesday" names the story's day.
func (p *parser) background(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6 && !p.boundary(k); k-- {
		if p.is(k, "after", "since", "before", "following", "ahead", "until", "than", "began", "started") {
			return true
		}
	}
	// the nearest tense cue before the day in its sentence
	for k := i - 1; k >= 0 && !p.boundary(k); k-- {
		if c := p.cue(k); c == past {
			return p.is(k, "had") || p.is(k-1, "had") // "had warned on Monday"
		} else if c != unknown {
			break
		}
	}
	a, b := i, i
	for a > 0 && !p.boundary(a-1) {
		a--
	}
	for b < len(p.toks) && !p.boundary(b) {
		b++
	}
	for k := a; k < b; k++ {
		if p.is(k, "is", "are", "am", "has", "have") {
			return true
		}
	}
	return false
}

// storyWindow is how many tokens after a day a clock time without one
// still belongs to it.
const storyWindow = 60
