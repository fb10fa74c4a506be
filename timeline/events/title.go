package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// title writes a short headline for an event from what was found:
// "Joe Biden and Vladimir Putin hold a phone call".
func title(e *draft) string {
	who := nameList(e.actors)
	plural := len(e.actors) > 1 || len(e.actors) == 1 && isPluralRole(e.actors[0])
	verb := func(one, many string) string {
		if plural {
			return many
		}
		return one
	}
	var s string
	switch e.typ {
	case Call:
		kind := "a phone call"
		if e.medium == "video" {
			kind = "a video call"
		}
		if who == "" {
			s = upperFirst(strings.TrimPrefix(kind, "a ")) + " held"
		} else {
			s = who + " " + verb("holds ", "hold ") + kind
		}
	case Meeting:
		noun := "talks"
		switch e.nounLemma {
		case "summit":
			noun = "a summit"
		case "meeting", "meet", "confer", "session":
			noun = "a meeting"
		}
		if who == "" {
			s = upperFirst(noun)
		} else {
			s = who + " " + verb("holds ", "hold ") + noun
		}
	case Statement:
		if who == "" {
			if e.gist != "" {
				return "Statement: " + e.gist
			}
			return "Statement"
		}
		if e.gist != "" {
			return upperFirst(who + " " + present(e.gistVerb, plural) + " " + e.gist)
		}
		s = who + " " + verb("makes a statement", "make a statement")
	case Warning:
		s = strings.TrimSpace(first(e.actors) + " warns " + strings.Join(rest(e.actors), " and "))
		if who == "" {
			s = "Warning"
		}
		if e.gist != "" {
			s += " " + e.gist
		}
	case Demand:
		if who == "" {
			s = "Demands"
		} else {
			s = who + " " + verb("makes demands", "make demands")
		}
	case Visit:
		s = who + " " + verb("visits", "visit")
		if who == "" {
			s = "Visit"
		}
	case Agreement:
		if who == "" {
			s = "Agreement reached"
		} else {
			s = who + " " + verb("reaches an agreement", "reach an agreement")
		}
	default:
		s = upperFirst(e.typ)
	}
	if e.place != "" && e.typ != Statement {
		s += " in " + e.place
	}
	return upperFirst(s) // "Senior administration official says ..."
}

// present writes a verb in the present tense for a singular or plural subject.
func present(lemma string, plural bool) string {
	switch {
	case plural:
		return lemma
	case lemma == "say":
		return "says"
	case strings.HasSuffix(lemma, "y") && !strings.HasSuffix(lemma, "ay") && !strings.HasSuffix(lemma, "ey"):
		return lemma[:len(lemma)-1] + "ies"
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z"):
		return lemma + "es"
	}
	return lemma + "s"
}

// isPluralRole reports whether a name is a plural role: "Officials", "Analysts".
func isPluralRole(name string) bool {
	w := strings.ToLower(name)
	return !strings.Contains(w, " ") && strings.HasSuffix(w, "s") && roleNouns[w]
}

func nameList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func first(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

func rest(names []string) []string {
	if len(names) < 2 {
		return nil
	}
	return names[1:]
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
