package events

import (
	"strings"
	"unicode/utf8"
)

// Type is the kind of an event: "call", "meeting", ... It is the
// "type" of the JSON event format.
type Type string

// Event types. Each has one row in the descriptor table (Descriptors).
const (
	Call      Type = "call"
	Meeting   Type = "meeting"
	Statement Type = "statement"
	Warning   Type = "warning"
	Visit     Type = "visit"
	Agreement Type = "agreement"
	Demand    Type = "demand"
)

// Status says whether an event happened or is yet to happen. It is the
// "status" of the JSON event format.
type Status string

// Event statuses.
const (
	Occurred Status = "occurred"
	Planned  Status = "planned"
)

// Descriptor is everything the program knows about one event type, in one
// row: the words that name it, how its title is written, and how the site
// labels it. Adding a type is adding a row (and its tests).
type Descriptor struct {
	Type  Type
	Label string // as a badge, a filter and a heading show it: "Call"

	// Verbs name the event as a verb: "lemma" for a regular verb, or
	// "lemma:form1,form2,..." with every form spelled out.
	Verbs []string
	// Nouns name the event as a noun, singular and plural spelled out.
	Nouns []string
	// Speech marks an event that is said (statements, warnings,
	// demands): it has no place of its own, and a verb that tells it
	// without a date tells it on the day of the news.
	Speech bool
	// Trip marks an event that goes somewhere (visits): the place is the
	// verb's object or follows "to" ("visited Kyiv", "travelled to
	// Geneva"), not only "in" or "at".
	Trip bool

	// title writes the event's headline from what was found, without
	// its place; see title.
	title func(t titleParts) string
}

// titleParts are what a title is made of.
type titleParts struct {
	who    string // the actors as a list: "Joe Biden and Vladimir Putin"; "" for none
	actors []string
	plural bool // who takes a plural verb
	gist   string
	// gistVerb is the verb that introduces the gist in a title: "say".
	gistVerb string
	medium   string // "video" for a video call
	noun     string // the lemma of the event's first trigger
}

// verb is one or many as the subject is singular or plural.
func (t titleParts) verb(one, many string) string {
	if t.plural {
		return many
	}
	return one
}

// Descriptors is the descriptor table, in the order the site lists the
// types.
var Descriptors = []Descriptor{
	{
		Type: Call, Label: "Call",
		Verbs: []string{"phone:phoned,phoning", "telephone:telephoned,telephoning", "call:called,calling"},
		Nouns: []string{"call", "calls", "phone-call", "videoconference", "video-conference", "teleconference"},
		title: func(t titleParts) string {
			kind := "a phone call"
			if t.medium == "video" {
				kind = "a video call"
			}
			if t.who == "" {
				return upperFirst(strings.TrimPrefix(kind, "a ")) + " held"
			}
			return t.who + " " + t.verb("holds ", "hold ") + kind
		},
	},
	{
		Type: Meeting, Label: "Meeting",
		Verbs: []string{"meet:meet,meets,met", "negotiate", "confer:conferred,conferring"},
		Nouns: []string{"talks", "meeting", "meetings", "negotiations", "summit", "summits", "conference", "consultations", "session", "hearing", "hearings", "discussions"},
		title: func(t titleParts) string {
			noun := "talks"
			switch t.noun {
			case "summit":
				noun = "a summit"
			case "meeting", "meet", "confer", "session":
				noun = "a meeting"
			}
			if t.who == "" {
				return upperFirst(noun)
			}
			return t.who + " " + t.verb("holds ", "hold ") + noun
		},
	},
	{
		Type: Statement, Label: "Statement", Speech: true,
		Verbs: []string{"say:say,says,said,saying", "tell:tell,tells,told,telling", "announce", "confirm", "deny:deny,denies,denied,denying",
			"claim", "explain", "declare", "note:noted,noting", "mention", "stress:stressed,stressing", "emphasize", "emphasise",
			"insist", "argue", "assert", "allege", "admit:admitted,admitting,admits", "acknowledge", "concede", "reveal",
			"disclose", "reply:replied,replies,replying", "respond", "remark", "comment", "testify:testified,testifies",
			"tweet", "write:wrote", "reiterate", "repeat", "proclaim", "affirm", "predict", "describe", "praise", "criticize",
			"criticise", "dismiss:dismissed,dismissing", "complain", "apologize", "apologise", "retort", "report",
			"state:stated,stating", "add:added,adds,adding", "answer", "observe", "brief:briefed,briefing", "inform",
			"address:addressed,addressing", "speak:speak,speaks,spoke,spoken,speaking", "talk:talk,talked,talking"},
		Nouns: []string{"statement", "statements", "announcement", "announcements", "speech", "speeches", "remarks",
			"comment", "comments", "declaration", "interview", "interviews", "testimony", "message", "messages",
			"briefing", "briefings", "tweet", "tweets", "communique", "communiqué", "report", "reports", "claim", "claims"},
		title: func(t titleParts) string {
			switch {
			case t.who == "" && t.gist != "":
				return "Statement: " + t.gist
			case t.who == "":
				return "Statement"
			case t.gist != "":
				return t.who + " " + present(t.gistVerb, t.plural) + " " + t.gist
			}
			return t.who + " " + t.verb("makes a statement", "make a statement")
		},
	},
	{
		Type: Warning, Label: "Warning", Speech: true,
		Verbs: []string{"warn", "threaten", "caution:cautioned,cautioning,cautions"},
		Nouns: []string{"warning", "warnings", "ultimatum"},
		title: func(t titleParts) string {
			s := strings.TrimSpace(first(t.actors) + " warns " + strings.Join(rest(t.actors), " and "))
			if t.who == "" {
				s = "Warning"
			}
			if t.gist != "" {
				s += " " + t.gist
			}
			return s
		},
	},
	{
		Type: Visit, Label: "Visit", Trip: true,
		Verbs: []string{"visit", "travel:traveled,travelled,travelling,traveling", "fly:flew,flies,flying,flown", "tour:toured,touring,tours"},
		Nouns: []string{"visit", "visits", "trip", "tour"},
		title: func(t titleParts) string {
			if t.who == "" {
				return "Visit"
			}
			return t.who + " " + t.verb("visits", "visit")
		},
	},
	{
		Type: Agreement, Label: "Agreement",
		Verbs: []string{"agree:agree,agrees,agreed,agreeing", "sign:signed,signing", "ratify:ratified,ratifies", "settle:settled,settles,settling"},
		Nouns: []string{"agreement", "agreements", "deal", "accord", "accords", "treaty", "pact", "memorandum", "settlement", "contract", "merger"},
		title: func(t titleParts) string {
			if t.who == "" {
				return "Agreement reached"
			}
			return t.who + " " + t.verb("reaches an agreement", "reach an agreement")
		},
	},
	{
		Type: Demand, Label: "Demand", Speech: true,
		Verbs: []string{"demand", "request", "propose", "urge", "ask:asked,asks,asking", "appeal:appealed,appealing,appeals"},
		Nouns: []string{"demand", "demands", "request", "requests", "proposal", "proposals", "appeal", "appeals", "offer", "offers", "bid", "bids"},
		title: func(t titleParts) string {
			if t.who == "" {
				return "Demands"
			}
			return t.who + " " + t.verb("makes demands", "make demands")
		},
	},
}

// descriptorOf maps a type to its row.
var descriptorOf = func() map[Type]*Descriptor {
	m := make(map[Type]*Descriptor, len(Descriptors))
	for i := range Descriptors {
		m[Descriptors[i].Type] = &Descriptors[i]
	}
	return m
}()

// Types returns the known event types, in the descriptor table's order.
func Types() []Type {
	out := make([]Type, len(Descriptors))
	for i, d := range Descriptors {
		out[i] = d.Type
	}
	return out
}

// Describe returns the descriptor of t, or false for a type the program
// does not know.
func Describe(t Type) (Descriptor, bool) {
	d, ok := descriptorOf[t]
	if !ok {
		return Descriptor{}, false
	}
	return *d, true
}

// Known reports whether t is one of the types of the descriptor table.
func (t Type) Known() bool {
	_, ok := descriptorOf[t]
	return ok
}

// Label is t as the site shows it: the descriptor's label ("Call"), an
// unknown type with a capital, and "Event" for none.
func (t Type) Label() string {
	if d, ok := descriptorOf[t]; ok {
		return d.Label
	}
	if t == "" {
		return "Event"
	}
	r, n := utf8.DecodeRuneInString(string(t))
	return strings.ToUpper(string(r)) + string(t[n:])
}

// speechAct reports whether events of typ are said: statements, warnings
// and demands.
func speechAct(typ Type) bool {
	d, ok := descriptorOf[typ]
	return ok && d.Speech
}

// trip reports whether events of typ go somewhere: visits.
func trip(typ Type) bool {
	d, ok := descriptorOf[typ]
	return ok && d.Trip
}
