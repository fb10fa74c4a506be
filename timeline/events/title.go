package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// title writes a short headline for an event from what was found:
// "Joe Biden and Vladimir Putin hold a phone call". The words are the
// type's descriptor's (Descriptors); the place follows them.
func title(e *draft) string {
	t := titleParts{
		who:      nameList(e.actors),
		actors:   e.actors,
		plural:   len(e.actors) > 1 || len(e.actors) == 1 && isPluralRole(e.actors[0]),
		gist:     e.gist,
		gistVerb: e.gistVerb,
		medium:   e.medium,
		noun:     e.nounLemma,
	}
	s := upperFirst(string(e.typ))
	if d, ok := descriptorOf[e.typ]; ok {
		s = d.title(t)
	}
	if e.place != "" && e.typ != Statement { // what was said has no place
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
