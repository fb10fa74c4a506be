package events

import "strings"

// Kind is what an actor is: a person, a country or an organisation. It is
// an element of the JSON event format's "actor_kinds".
type Kind string

// Actor kinds. An actor the text does not say enough about has the kind "".
const (
	Person       Kind = "person"
	Country      Kind = "country"
	Organisation Kind = "organisation"
)

// Label is k as the site shows it: "Person", "Country", "Organisation";
// "" for an unknown kind.
func (k Kind) Label() string {
	switch k {
	case Person:
		return "Person"
	case Country:
		return "Country"
	case Organisation:
		return "Organisation"
	}
	return ""
}

// KindOf returns the kind of e's actor name, or "" when it is not known
// (or name is not one of e's actors).
func (e *Event) KindOf(name string) Kind {
	if len(e.ActorKinds) != len(e.Actors) {
		return ""
	}
	for i, a := range e.Actors {
		if a == name {
			return e.ActorKinds[i]
		}
	}
	return ""
}

// KindsFor returns the kinds of names as kindOf gives them, parallel to
// names, or nil when none is known: the ActorKinds of an event with those
// actors.
func KindsFor(names []string, kindOf func(name string) Kind) []Kind {
	var out []Kind
	for i, n := range names {
		k := kindOf(n)
		if k != "" && out == nil {
			out = make([]Kind, len(names))
		}
		if out != nil {
			out[i] = k
		}
	}
	return out
}

// kindOf is the actor kind of an entity found in a sentence: the alias
// table's kind for its name ("Russian officials" speak for Russia, a
// country; "European" ones for the European Union, an organisation), else
// the kind the name's shape gives. A role is a person, or an organisation
// when its head is one ("the ministry"); so is a lone capitalised role
// noun, which the name reader takes for an organisation ("Analysts said").
func (al *Aliases) kindOf(e entity) Kind {
	words := tokenize(nil, e.name, span{0, len(e.name)}, false)
	if a, ok := al.byName[aliasKey(words)]; ok && a.kind != kindAdjective && a.kind != kindPlace {
		e.kind = a.kind
	}
	if e.kind == kindOrg && len(words) == 1 && roleNouns[words[0].lower] {
		e.kind = kindRole
	}
	switch e.kind {
	case kindPerson:
		return Person
	case kindCountry:
		return Country
	case kindOrg:
		return Organisation
	case kindRole:
		head := e.name
		if i := strings.LastIndexByte(head, ' '); i >= 0 {
			head = head[i+1:]
		}
		if head = strings.ToLower(head); orgHeads[head] || bodyRoles[head] {
			return Organisation
		}
		return Person
	}
	return "" // places and nationalities are no actors
}

// bodyRoles are role nouns that name a body, not a person: "the company".
var bodyRoles = setOf("company", "firm", "manufacturer", "carrier", "airline", "military", "embassy",
	"government", "administration", "ministry", "authorities", "delegation", "delegations")
