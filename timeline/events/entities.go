package events

import (
	"sort"
	"strings"
)

// entity is a participant named in a sentence: a person, country,
// organisation, place or role ("a senior administration official").
type entity struct {
	name        string // canonical name
	kind        string
	first, last int // token range [first, last)
}

// people remembers who an article has named so far, so that short and
// role mentions ("Peskov", "the official", "his ministry") resolve.
type people struct {
	surnames  map[string]string // lower-case surname -> full name
	titles    map[string]string // full name -> title
	roles     map[string]string // role head noun -> the role's full name
	lastHuman string
}

func newPeople() *people {
	return &people{surnames: map[string]string{}, titles: map[string]string{}, roles: map[string]string{}}
}

var (
	titleWords = setOf("president", "vice", "prime", "minister", "secretary", "foreign", "deputy", "chancellor",
		"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general", "gen.", "senator", "sen.",
		"rep.", "governor", "gov.", "chairman", "chairwoman", "chair", "chief", "executive", "ceo", "cfo", "coo", "director",
		"mr.", "mrs.", "ms.", "dr.", "prof.", "king", "queen", "prince", "princess", "pope", "leader", "state", "defense",
		"defence", "interior", "finance", "treasury", "economy", "affairs", "national", "security", "adviser",
		"advisor", "head", "officer", "founder", "co-founder", "commander", "admiral", "colonel", "mayor", "judge",
		"justice", "speaker", "senior", "assistant", "undersecretary", "under", "premier", "emir", "sheikh", "crown",
		"first", "lady", "of", "for", "the", "and", "former", "acting", "interim", "sir", "lord", "chairperson",
		"vp", "svp", "evp", "marketing", "operations", "sales", "worldwide", "global", "analyst", "representative",
		"secretary-general", "vice-president", "vice-chairman", "presidents", "ministers", "secretaries", "leaders", "ambassadors", "envoys", "generals", "senators", "chancellors")
	orgHeads = setOf("ministry", "department", "council", "commission", "committee", "agency", "bank", "alliance",
		"organization", "organisation", "union", "party", "parliament", "congress", "senate", "court", "office",
		"administration", "government", "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.",
		"group", "airlines", "airways", "force", "forces", "army", "navy", "fund", "foundation", "institute",
		"university", "association", "federation", "forum", "house", "service", "board", "authority", "bureau",
		"network", "times", "post", "agency", "assembly", "duma", "cabinet", "kremlin", "systems", "motors", "airlines",
		"technologies", "electronics", "communications", "holdings", "partners", "co.", "industries", "commission", "palace")
	// roleNouns head a lower-case noun phrase that can speak or act.
	roleNouns = setOf("official", "officials", "spokesman", "spokeswoman", "spokesperson", "ministry", "government",
		"delegates", "delegation", "delegations", "diplomats", "diplomat", "sources", "source", "analyst", "analysts",
		"company", "leader", "leaders", "president", "minister", "envoy", "ambassador", "negotiators", "negotiator",
		"representatives", "counterpart", "counterparts", "administration", "authorities", "executives", "executive",
		"spokespeople", "lawmakers", "firm", "manufacturer", "carrier", "airline", "military", "embassy")
	// prepositions mark a name as an object, not a subject.
	prepositions = setOf("in", "at", "to", "with", "of", "for", "from", "by", "on", "about", "between", "against",
		"over", "into", "near", "toward", "towards", "across", "among", "via", "through", "like", "than")
	// capStop are words that are capitalised only because they open a
	// sentence or a heading; they never start a name.
	capStop = setOf("the", "a", "an", "in", "on", "at", "but", "and", "or", "his", "her", "their", "its", "our",
		"following", "ahead", "after", "before", "when", "while", "this", "that", "these", "those", "it", "he", "she",
		"they", "we", "i", "you", "some", "many", "as", "if", "since", "during", "for", "with", "by", "from", "to",
		"of", "what", "why", "how", "there", "then", "also", "however", "meanwhile", "both", "all", "one", "no",
		"not", "yet", "so", "according", "under", "among", "despite", "although", "though", "because", "earlier",
		"later", "last", "next", "today", "yesterday", "tomorrow", "tonight", "now", "here", "asked", "is", "are",
		"was", "were", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
		"february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
		"december", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "msk", "bst", "christmas", "easter", "our",
		"my", "your", "we", "us", "every", "each", "several", "other", "another", "such", "only", "even", "just",
		"instead", "still", "again", "once", "over", "about", "mr", "related", "original", "photo")
	nameJoiners = setOf("of", "for", "de", "von", "van", "al", "bin", "la", "le", "du", "der", "da", "di", "al-")
)

// findEntities finds the entities of a sentence. skip marks tokens that
// belong to temporal expressions, which are never names.
func findEntities(toks []token, skip []bool, al *Aliases, pp *people) []entity {
	var out []entity
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word || t.quoted || skip[i] {
			i++
			continue
		}
		if t.upper && !capStop[t.lower] {
			j := i + 1
			for j < len(toks) && toks[j].word && !toks[j].quoted && !skip[j] {
				if toks[j].upper && !capStop[toks[j].lower] {
					j++
					continue
				}
				if nameJoiners[toks[j].lower] && j+1 < len(toks) && toks[j+1].upper && !capStop[toks[j+1].lower] && j > i {
					j++
					continue
				}
				break
			}
			// A long name with lower-case words in it: "Organization for
			// Security and Co-operation in Europe".
			if a, n := al.match(toks, i); n > j-i && a.kind != kindAdjective {
				out = append(out, entity{name: a.name, kind: a.kind, first: i, last: i + n})
				i += n
				continue
			}
			out = append(out, chunkEntities(toks, i, j, al, pp)...)
			i = j
			continue
		}
		if roleNouns[t.lower] {
			if e, ok := roleEntity(toks, i, al, pp); ok {
				out = append(out, e)
			}
		}
		i++
	}
	// A role phrase can reach back over a name just read ("Russian
	// delegates"); keep entities ordered and apart.
	sort.SliceStable(out, func(a, b int) bool { return out[a].first < out[b].first })
	kept := out[:0]
	for _, e := range out {
		if len(kept) > 0 && e.first < kept[len(kept)-1].last {
			if e.last-e.first > kept[len(kept)-1].last-kept[len(kept)-1].first {
				kept[len(kept)-1] = e
			}
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// chunkEntities reads a run of capitalised words toks[i:j].
func chunkEntities(toks []token, i, j int, al *Aliases, pp *people) []entity {
	// The whole run, or a leading part of it, may be a known name.
	if a, n := al.match(toks[:j], i); n > 0 {
		switch {
		case n == j-i && a.kind == kindAdjective:
			if j < len(toks) && roleNouns[toks[j].lower] && !(j+1 < len(toks) && toks[j+1].upper) {
				// "the Russian leader": the Russian named before with such a title.
				if leaderRoles[toks[j].lower] && i > 0 && toks[i-1].lower == "the" {
					if name := pp.byTitle(joinTokens(toks[i:j]), toks[j].lower); name != "" {
						return []entity{{name: name, kind: kindPerson, first: i, last: j + 1}}
					}
				}
				// "Russian delegates": the nationality speaks through its role noun.
				return []entity{{name: a.name, kind: kindCountry, first: i, last: j + 1}}
			}
			return nil
		case n == j-i:
			e := entity{name: a.name, kind: a.kind, first: i, last: j}
			if a.kind == kindPerson {
				pp.remember(e.name, "")
			}
			return []entity{e}
		case !titleWords[toks[i+n].lower] && a.kind != kindAdjective && !orgHeads[toks[j-1].lower] && startsName(al, toks[:j], i+n):
			// "NATO Secretary General ..." is a title and "Élysée Palace" one
			// name; "Moscow Kremlin"-style runs of two names are two entities.
			rest := chunkEntities(toks, i+n, j, al, pp)
			return append([]entity{{name: a.name, kind: a.kind, first: i, last: i + n}}, rest...)
		}
	}
	text := joinTokens(toks[i:j])
	// Organisations: a head word such as Ministry, or an acronym.
	for k := j - 1; k >= i; k-- {
		if orgHeads[toks[k].lower] {
			if k == j-1 {
				return []entity{{name: strings.TrimPrefix(text, "The "), kind: kindOrg, first: i, last: j}}
			}
			break
		}
	}
	// A person: the words after the last title word.
	k := j
	for k > i && !titleWords[toks[k-1].lower] && !isAdjectiveAlias(al, toks[k-1]) {
		k--
	}
	if k == j {
		// Only titles: "President", "Foreign Minister".
		return []entity{{name: text, kind: kindRole, first: i, last: j}}
	}
	title := ""
	if k > i {
		title = joinTokens(toks[i:k])
	}
	nameToks := toks[k:j]
	if a, n := al.match(nameToks, 0); n == len(nameToks) && a.kind != kindAdjective {
		if a.kind == kindPerson {
			pp.remember(a.name, title)
		}
		return []entity{{name: a.name, kind: a.kind, first: i, last: j}}
	}
	name := joinTokens(nameToks)
	if len(nameToks) == 1 {
		// An adjective before a common noun: "Congressional investigators".
		if title == "" && j < len(toks) && toks[j].word && !toks[j].upper && looksAdjective(nameToks[0].lower) {
			return nil
		}
		if isAcronym(name) && title == "" {
			return []entity{{name: name, kind: kindOrg, first: i, last: j}}
		}
		if full, ok := pp.surnames[nameToks[0].lower]; ok {
			return []entity{{name: full, kind: kindPerson, first: i, last: j}}
		}
		if full, ok := al.bySurname[nameToks[0].lower]; ok {
			pp.remember(full, title)
			return []entity{{name: full, kind: kindPerson, first: i, last: j}}
		}
		if title == "" {
			// An unknown single name: a company ("Boeing said") or a
			// person named once. Treat it as an organisation-like actor.
			kind := kindOrg
			if i > 0 && (toks[i-1].lower == "in" || toks[i-1].lower == "at") {
				kind = kindPlace
			}
			return []entity{{name: name, kind: kind, first: i, last: j}}
		}
	}
	pp.remember(name, title)
	return []entity{{name: name, kind: kindPerson, first: i, last: j}}
}

func isAdjectiveAlias(al *Aliases, t token) bool {
	a, ok := al.byName[t.lower]
	return ok && a.kind == kindAdjective || t.lower == "u.s."
}

// startsName reports whether toks[i:] opens with a known name or is a
// name of two or more words ("Washington Joe Biden").
func startsName(al *Aliases, toks []token, i int) bool {
	if _, n := al.match(toks, i); n > 0 {
		return true
	}
	return len(toks)-i >= 2
}

func looksAdjective(w string) bool {
	for _, suf := range []string{"al", "ian", "ese", "ish", "ic", "ary", "ive", "ern"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r == '.' || r == '&' || r == '-') {
			return false
		}
	}
	return true
}

// roleEntity reads a lower-case role noun phrase ending at toks[i]:
// "a senior administration official", "His ministry", "Russian delegates".
func roleEntity(toks []token, i int, al *Aliases, pp *people) (entity, bool) {
	head := toks[i].lower
	// A role followed by a name is a title: "spokesman Dmitry Peskov".
	if i+1 < len(toks) && toks[i+1].upper && toks[i+1].word && !capStop[toks[i+1].lower] {
		return entity{}, false
	}
	k := i
	for k > 0 && toks[k-1].word && !toks[k-1].upper && !determiners[toks[k-1].lower] &&
		!prepositions[toks[k-1].lower] && !commonVerbs[toks[k-1].lower] && lexicon[toks[k-1].lower].typ == "" && i-k < 3 {
		k--
	}
	if k > 0 {
		if a, ok := al.byName[toks[k-1].lower]; ok && a.kind == kindAdjective {
			return entity{name: a.name, kind: kindCountry, first: k - 1, last: i + 1}, true
		}
		if toks[k-1].upper && !capStop[toks[k-1].lower] {
			return entity{}, false // part of a name chunk's phrase: "State Department spokesman"
		}
	}
	det := ""
	if k > 0 {
		det = toks[k-1].lower
	}
	name := joinTokens(toks[k : i+1])
	switch {
	case (det == "his" || det == "her") && (head == "ministry" || head == "government" || head == "administration"):
		// "His ministry": the ministry of the minister named last.
		if t := pp.titles[pp.lastHuman]; strings.Contains(t, "Minister") {
			return entity{name: strings.Replace(t, "Minister", "Ministry", 1), kind: kindOrg, first: k - 1, last: i + 1}, true
		}
	case det == "the" || det == "this" || det == "that":
		if full, ok := pp.roles[head]; ok {
			return entity{name: full, kind: kindRole, first: k - 1, last: i + 1}, true
		}
	}
	if (det == "his" || det == "her") && pp.lastHuman != "" && (head == "spokesman" || head == "spokeswoman" || head == "spokesperson") {
		// "his spokesman said": the spokesman of the person named last.
		return entity{name: pp.lastHuman + "'s " + head, kind: kindRole, first: k - 1, last: i + 1}, true
	}
	if det == "his" || det == "her" || det == "its" || det == "their" {
		return entity{}, false
	}
	if name == head && (det == "the" || det == "") && (head == "president" || head == "minister" || head == "leader") {
		return entity{}, false
	}
	pp.roles[head] = name
	first := k
	if det != "" {
		first = k - 1
	}
	return entity{name: name, kind: kindRole, first: first, last: i + 1}, true
}

// leaderRoles are role nouns that name one person, whom an earlier title
// identifies: "the Russian leader" after "Russian President Vladimir Putin".
var leaderRoles = setOf("leader", "president", "minister", "spokesman", "spokeswoman", "chancellor", "premier", "envoy", "ambassador")

// byTitle returns the person named so far whose title has the nationality
// and fits the role, when exactly one does.
func (pp *people) byTitle(nationality, role string) string {
	found := ""
	for name, title := range pp.titles {
		t := strings.ToLower(title)
		if !strings.Contains(t, strings.ToLower(nationality)) {
			continue
		}
		if !strings.Contains(t, role) && !(role == "leader" && (strings.Contains(t, "president") || strings.Contains(t, "prime minister") || strings.Contains(t, "chancellor"))) {
			continue
		}
		if found != "" && found != name {
			return "" // ambiguous
		}
		found = name
	}
	return found
}

func (pp *people) remember(name, title string) {
	if name == "" {
		return
	}
	parts := strings.Fields(name)
	if len(parts) > 1 {
		pp.surnames[strings.ToLower(parts[len(parts)-1])] = name
	}
	if title != "" {
		pp.titles[name] = title
	}
	pp.lastHuman = name
}

// joinTokens writes tokens back as text, without a space before
// punctuation and possessives.
func joinTokens(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.word && t.text != "'s" && t.text != "\u2019s" {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}
