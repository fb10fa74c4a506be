package main

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The synthetic corpus. Article i of a seed is a pure function of (seed,
// i): it draws only from its own random stream, and a syndicated copy
// regenerates the earlier article it copies. So a corpus is the same bytes
// on every run, and the first k articles are the same for every size.

// Publication dates are spread over these years.
var (
	firstDay = time.Date(2019, time.January, 1, 0, 0, 0, 0, time.UTC)
	dayCount = 6 * 365
)

const (
	dupPercent = 5    // share of syndicated copies
	dupWindow  = 40   // a copy copies one of the previous dupWindow articles
	minBody    = 4300 // body bytes, before header and footer
	maxBody    = 5300
)

// actor is a person or body that takes part in events.
type actor struct {
	Full  string // first mention: "Polish Foreign Minister Anna Kowalczyk"
	Short string // later mentions: "Kowalczyk"
}

type company struct {
	Name, Short, What string
	Country           int // index into countries
	CEO               actor
}

// cast is the fixed pool of recurring actors, the same for every seed.
type cast struct {
	officials [][]actor // by country index: leader first
	companies []company
}

var actors = newCast()

func newCast() *cast {
	r := newRNG(0x7131e11e)
	used := map[string]bool{}
	person := func() string {
		for {
			n := pick(r, firstNames) + " " + pick(r, lastNames)
			if !used[n] {
				used[n] = true
				return n
			}
		}
	}
	surname := func(n string) string { return n[strings.LastIndexByte(n, ' ')+1:] }
	c := &cast{}
	for _, k := range countries {
		var list []actor
		if l, ok := realLeaders[k.Name]; ok {
			list = append(list, actor{k.Adj + " " + l[0], l[1]})
		}
		roles := officialRoles
		if k.Name == "the United States" {
			roles = usRoles
		}
		for _, role := range roles {
			n := person()
			list = append(list, actor{k.Adj + " " + role + " " + n, surname(n)})
		}
		c.officials = append(c.officials, list)
	}
	usedCo := map[string]bool{}
	for len(c.companies) < 40 {
		p, s := pick(r, companyPrefixes), pick(r, companySectors)
		name := p + " " + s.suffix
		if usedCo[name] {
			continue
		}
		usedCo[name] = true
		n := person()
		c.companies = append(c.companies, company{
			Name: name, Short: p, What: s.what, Country: r.intn(len(countries)),
			CEO: actor{name + " chief executive " + n, surname(n)},
		})
	}
	return c
}

// story is one article before it is written out in a format.
type story struct {
	Index     int
	DupOf     int // the article this one syndicates, or -1
	Headline  string
	Published time.Time
	Authors   []string
	URL       string
	Tags      []string
	Credit    string // a photo credit line in plain text, or ""
	Related   string // a "Related article:" headline in plain text, or ""
	Paras     []para
	b         *builder // the cast and state the story was written with
}

type para struct {
	Heading   bool
	Sentences []string
}

// isDup reports whether article i of seed is a syndicated copy and of
// which earlier article. It is the first draw of the article's stream.
func isDup(seed uint64, i int) (int, bool) {
	r := newRNG(seed, uint64(i))
	if i < dupWindow || !r.chance(dupPercent) {
		return -1, false
	}
	return i - 1 - r.intn(dupWindow), true
}

// generate returns article i of seed.
func generate(seed uint64, i int) *story {
	if j, ok := isDup(seed, i); ok {
		s := generate(seed, j)
		r := newRNG(seed, uint64(i), 1)
		s.Index, s.DupOf = i, j
		orig := s.Headline
		for s.Headline == orig {
			s.Headline = s.b.headline(r)
		}
		s.Authors = []string{pick(r, agencies)}
		s.URL = fmt.Sprintf("%s/%s/%s", pick(r, outlets), s.Published.Format("2006/01/02"), slug(s.Headline))
		s.Credit, s.Related = "", ""
		return s
	}
	r := newRNG(seed, uint64(i))
	r.next() // in step with isDup, which draws first
	b := newBuilder(r, firstDay.AddDate(0, 0, r.intn(dayCount)))
	s := &story{Index: i, DupOf: -1, Published: b.pub, b: b}
	s.Headline = b.headline(r)
	s.Authors = []string{pick(r, reporters)}
	if r.chance(40) {
		if second := pick(r, reporters); second != s.Authors[0] {
			s.Authors = append(s.Authors, second)
		}
	}
	s.URL = fmt.Sprintf("%s/%s/%s", pick(r, outlets), b.pub.Format("2006/01/02"), slug(s.Headline))
	s.Tags = []string{strings.TrimPrefix(b.ca, "the "), strings.TrimPrefix(b.cb, "the "), "diplomacy"}
	if b.business {
		s.Tags[2] = "business"
	}
	if r.chance(30) {
		s.Credit = pick(r, credits)
	}
	if r.chance(40) {
		s.Related = b.headline(r)
	}
	s.Paras = b.body(r)
	return s
}

// edit changes one sentence of the story, as a reporter's correction
// would: the first sentence of the first ordinary paragraph in the second
// half becomes a new event sentence. Nothing else changes.
func (s *story) edit(seed uint64) {
	r := newRNG(seed, uint64(s.Index), 2)
	for i := len(s.Paras) / 2; i < len(s.Paras); i++ {
		if !s.Paras[i].Heading {
			old := s.Paras[i].Sentences[0]
			for s.Paras[i].Sentences[0] == old {
				s.Paras[i].Sentences[0] = s.b.quiet(r).event(r, evStatement, false)
			}
			return
		}
	}
}

// builder writes the sentences of one story with its cast.
type builder struct {
	r         *rng
	pub       time.Time
	business  bool
	a, b, m   actor
	ca, cb    string // the two sides: countries or companies
	capA      string
	capB      string
	adjA      string
	adjB      string
	cityA     string
	cityB     string
	what      string // a company's product, in business stories
	topic     string
	mentioned map[string]bool
	used      map[string]bool // filler templates written
}

func newBuilder(r *rng, pub time.Time) *builder {
	b := &builder{r: r, pub: pub, mentioned: map[string]bool{}, used: map[string]bool{}}
	b.business = r.chance(35)
	if b.business {
		x := pick(r, actors.companies)
		y := pick(r, actors.companies)
		for y.Short == x.Short {
			y = pick(r, actors.companies)
		}
		b.ca, b.cb, b.capA, b.capB = x.Name, y.Name, x.Short, y.Short
		b.a, b.b = x.CEO, y.CEO
		home := countries[x.Country]
		b.adjA, b.adjB = home.Adj, countries[y.Country].Adj
		b.cityA, b.cityB = home.Capital, countries[y.Country].Capital
		b.m = actors.officials[x.Country][len(actors.officials[x.Country])-2] // its trade minister
		b.what = x.What
		b.topic = pick(r, businessTopics)
		return b
	}
	ia := r.intn(len(countries))
	ib := r.intn(len(countries) - 1)
	if ib >= ia {
		ib++
	}
	ka, kb := countries[ia], countries[ib]
	b.ca, b.cb, b.capA, b.capB, b.adjA, b.adjB = ka.Name, kb.Name, ka.Capital, kb.Capital, ka.Adj, kb.Adj
	b.cityA, b.cityB = ka.Capital, kb.Capital
	oa, ob := actors.officials[ia], actors.officials[ib]
	// Leaders and foreign ministers carry most stories.
	b.a, b.b = oa[r.intn(3)], ob[r.intn(3)]
	b.m = pick(r, oa)
	b.topic = pick(r, diplomacyTopics)
	return b
}

// quiet returns a copy that names every actor by surname and changes no
// state of b, for a sentence written after the story.
func (b *builder) quiet(r *rng) *builder {
	c := *b
	c.r = r
	c.mentioned = map[string]bool{b.a.Full: true, b.b.Full: true, b.m.Full: true}
	c.used = map[string]bool{}
	return &c
}

func (b *builder) headline(r *rng) string {
	c := b.quiet(r)
	t := diplomacyHeadlines
	if b.business {
		t = businessHeadlines
	}
	return capitalize(c.fill(pick(r, t)))
}

// body writes the paragraphs: a lede with the main event, then events,
// quotes and context until the body is long enough.
func (b *builder) body(r *rng) []para {
	b.r = r
	target := r.between(minBody, maxBody)
	lede := []string{b.event(r, pick(r, []eventKind{evMeeting, evCall, evWarning, evAgreement, evVisit}), true)}
	if r.chance(60) {
		lede = append(lede, b.filler(r))
	}
	paras := []para{{Sentences: lede}}
	size := paraLen(paras[0])
	headingAt := -1
	if r.chance(70) {
		headingAt = target * r.between(35, 65) / 100
	}
	for size < target {
		var p para
		switch k := r.weighted([]int{30, 12, 58}); k {
		case 0:
			p.Sentences = []string{b.event(r, eventKind(r.weighted(kindWeights)), false)}
			if r.chance(40) {
				p.Sentences = append(p.Sentences, b.filler(r))
			}
		case 1:
			p.Sentences = []string{b.quote(r)}
		default:
			for n := r.between(2, 3); n > 0; n-- {
				p.Sentences = append(p.Sentences, b.filler(r))
			}
		}
		if headingAt >= 0 && size >= headingAt {
			paras = append(paras, para{Heading: true, Sentences: []string{pick(r, headings)}})
			headingAt = -1
		}
		paras = append(paras, p)
		size += paraLen(p)
	}
	return paras
}

func paraLen(p para) int {
	n := 2
	for _, s := range p.Sentences {
		n += len(s) + 1
	}
	return n
}

// event writes one event sentence of kind k; a lede's event is recent.
func (b *builder) event(r *rng, k eventKind, lede bool) string {
	t := diplomacyEvents
	if b.business {
		t = businessEvents
	}
	future := !lede && r.chance(25) && len(t[k][1]) > 0
	tense := 0
	if future {
		tense = 1
	}
	s := pick(r, t[k][tense])
	if lede {
		return capitalize(b.fillWith(r, s, map[string]string{"Dp": "on " + b.pub.AddDate(0, 0, -r.between(1, 3)).Weekday().String()}))
	}
	return capitalize(b.fill(s))
}

// filler writes a context sentence, trying not to repeat one the story
// already has.
func (b *builder) filler(r *rng) string {
	pool := diplomacyFiller
	if b.business {
		pool = businessFiller
	}
	var fresh []string
	for _, t := range pool {
		if !b.used[t] {
			fresh = append(fresh, t)
		}
	}
	if len(fresh) == 0 {
		clear(b.used)
		fresh = pool
	}
	t := pick(r, fresh)
	b.used[t] = true
	return capitalize(b.fill(t))
}

func (b *builder) quote(r *rng) string {
	q := quotes
	if b.business {
		q = businessQuotes
	}
	who := "{a}"
	if r.chance(40) {
		who = "{b}"
	}
	verb := pick(r, []string{"said", "added", "said in a statement", "told a news conference"})
	if r.chance(30) {
		return capitalize(b.fill(who + " " + verb + ": \"" + pick(r, q) + ".\""))
	}
	return b.fill("\"" + pick(r, q) + ",\" " + who + " " + verb + ".")
}

// fill replaces the slots of s.
func (b *builder) fill(s string) string { return b.fillWith(b.r, s, nil) }

func (b *builder) fillWith(r *rng, s string, fixed map[string]string) string {
	var out strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic("unclosed slot in " + s)
		}
		out.WriteString(s[:i])
		key := s[i+1 : i+j]
		if v, ok := fixed[key]; ok {
			out.WriteString(v)
		} else {
			out.WriteString(b.slot(r, key))
		}
		s = s[i+j+1:]
	}
}

func (b *builder) mention(a actor) string {
	if b.mentioned[a.Full] {
		return a.Short
	}
	b.mentioned[a.Full] = true
	return a.Full
}

func (b *builder) slot(r *rng, key string) string {
	sub := func(pool []string) string { return b.fillWith(r, pick(r, pool), nil) }
	switch key {
	case "A":
		return b.mention(b.a)
	case "B":
		return b.mention(b.b)
	case "M":
		return b.mention(b.m)
	case "a":
		return b.a.Short
	case "b":
		return b.b.Short
	case "CA":
		return b.ca
	case "CB":
		return b.cb
	case "CAPA":
		return b.capA
	case "CAPB":
		return b.capB
	case "ADJA":
		return b.adjA
	case "ADJB":
		return b.adjB
	case "CITYA":
		return b.cityA
	case "CITYB":
		return b.cityB
	case "CITY":
		if r.chance(50) {
			return pick(r, venues)
		}
		return pick(r, []string{b.cityA, b.cityB})
	case "T":
		if r.chance(80) {
			return b.topic
		}
		if b.business {
			return pick(r, businessTopics)
		}
		return pick(r, diplomacyTopics)
	case "T2": // another topic than the story's
		t := b.topic
		for t == b.topic {
			if b.business {
				t = pick(r, businessTopics)
			} else {
				t = pick(r, diplomacyTopics)
			}
		}
		return t
	case "WHAT":
		return b.what
	case "Dp":
		return b.past(r)
	case "Df":
		return b.future(r)
	case "DabsF":
		return monthDay(b.pub, b.pub.AddDate(0, 0, r.between(10, 80)))
	case "TIME":
		return clock(r)
	case "FORUM":
		return pick(r, forums)
	case "TONE":
		return pick(r, tones)
	case "CL":
		return sub(clauses)
	case "ACT":
		return sub(actions)
	case "COND":
		return sub(conditions)
	case "UNLESS":
		return sub(unlessConds)
	case "CONSEQ":
		return sub(consequences)
	case "THREAT":
		return sub(threats)
	case "SEV":
		return sub(severe)
	case "GOODS":
		return pick(r, goods)
	case "MOOD":
		return pick(r, moods)
	case "CRIT":
		return pick(r, criticisms)
	case "FIELDS":
		return pick(r, fields)
	case "TECH":
		return pick(r, techIssues)
	case "LINKS":
		return pick(r, links)
	case "COMPET":
		return pick(r, compet)
	case "CUSTOMERS":
		return pick(r, customers)
	case "Q":
		return sub(quotes)
	case "BCL":
		return sub(businessClauses)
	case "BACT":
		return sub(businessActions)
	case "BCONSEQ":
		return sub(businessConsequences)
	case "BTHREAT":
		return sub(businessThreats)
	case "BQ":
		return sub(businessQuotes)
	case "N":
		return fmt.Sprint(r.between(2, 90))
	case "NS":
		return pick(r, []string{"two", "three", "five", "ten"})
	case "NW":
		return pick(r, []string{"two", "three", "four", "six", "eight", "several"})
	case "NB":
		return fmt.Sprintf("%d.%d", r.between(1, 40), r.intn(10))
	case "P":
		return fmt.Sprintf("%d.%d", r.between(1, 12), r.intn(10))
	case "YEAR":
		return fmt.Sprint(r.between(1995, b.pub.Year()-1))
	}
	panic("unknown slot {" + key + "}")
}

// past is a date phrase before the publication date, in the forms news
// uses: weekdays of the last week, vague periods, absolute days.
func (b *builder) past(r *rng) string {
	switch r.weighted([]int{35, 25, 25, 5, 10}) {
	case 0:
		return "on " + b.pub.AddDate(0, 0, -r.between(1, 6)).Weekday().String()
	case 1:
		return pick(r, []string{"earlier this week", "last week", "last month", "earlier this month", "two weeks ago", "last year", "in recent days"})
	case 2:
		return "on " + monthDay(b.pub, b.pub.AddDate(0, 0, -r.between(7, 120)))
	case 3:
		d := b.pub.AddDate(0, 0, -r.between(30, 200))
		in := "in " + pick(r, []string{"early ", "mid-", "late "}) + d.Month().String()
		if d.Year() != b.pub.Year() {
			in += " " + fmt.Sprint(d.Year())
		}
		return in
	default:
		return "on " + b.pub.AddDate(0, 0, -r.between(1, 6)).Weekday().String() + " " + pick(r, []string{"morning", "evening", "night"})
	}
}

func (b *builder) future(r *rng) string {
	switch r.weighted([]int{35, 30, 25, 10}) {
	case 0:
		return "on " + b.pub.AddDate(0, 0, r.between(1, 6)).Weekday().String()
	case 1:
		return pick(r, []string{"next week", "next month", "later this month", "later this year", "early next year", "in the coming days"})
	case 2:
		return "on " + monthDay(b.pub, b.pub.AddDate(0, 0, r.between(7, 90)))
	default:
		return "on " + b.pub.AddDate(0, 0, r.between(1, 6)).Weekday().String() + " at " + clock(r)
	}
}

// monthDay writes d as "March 4", with the year when it is not pub's.
func monthDay(pub, d time.Time) string {
	if d.Year() != pub.Year() {
		return d.Format("January 2, 2006")
	}
	return d.Format("January 2")
}

func clock(r *rng) string {
	if r.chance(50) {
		return fmt.Sprintf("%02d:%02d GMT", r.between(6, 21), 15*r.intn(4))
	}
	h := r.between(1, 11)
	return fmt.Sprintf("%d %s local time", h, pick(r, []string{"a.m.", "p.m."}))
}

func capitalize(s string) string {
	i := 0
	if strings.HasPrefix(s, "\"") {
		i = 1
	}
	c, n := utf8.DecodeRuneInString(s[i:])
	return s[:i] + string(unicode.ToUpper(c)) + s[i+n:]
}

// slug is the file-name form of a headline.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return b.String()
}
