package events

import "strings"

// trigger is a word that can name an event of some type.
type trigger struct {
	typ   Type
	lemma string
	noun  bool // the form is a noun ("talks", "statement"); ambiguous forms are decided in context
	verb  bool // the form is a verb
}

// lexicon maps a lower-case word form to the event it can name; the
// words are the descriptor table's (Descriptors).
var lexicon = buildLexicon()

func buildLexicon() map[string]trigger {
	lex := map[string]trigger{}
	for _, d := range Descriptors {
		for _, entry := range d.Verbs {
			lemma, forms, _ := strings.Cut(entry, ":")
			for _, f := range inflect(lemma, forms) {
				lex[f] = trigger{typ: d.Type, lemma: lemma, verb: true}
			}
		}
	}
	for _, d := range Descriptors {
		typ := d.Type
		for _, n := range d.Nouns {
			t, ok := lex[n]
			if ok && t.typ == typ {
				t.noun = true
			} else {
				t = trigger{typ: typ, lemma: strings.TrimSuffix(n, "s"), noun: true}
			}
			lex[n] = t
		}
	}
	return lex
}

// inflect returns the forms of a regular verb, or the forms given.
func inflect(lemma, forms string) []string {
	if forms != "" {
		return strings.Split(forms, ",")
	}
	stem := strings.TrimSuffix(lemma, "e")
	third := lemma + "s"
	if strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") {
		third = lemma + "es"
	}
	return []string{lemma, third, stem + "ed", stem + "ing"}
}

// Words that change what a trigger means.
var (
	negators       = setOf("not", "n't", "never", "no", "without", "nor")
	hypotheticals  = setOf("would", "could", "might", "may", "should", "if", "unless", "whether", "possible", "potential", "prepared", "ready", "willing", "want", "wants", "wanted", "hope", "hopes", "hoped", "seek", "seeks", "sought", "refused", "declined", "failed", "reluctant", "proposed", "possibility", "any", "cannot", "can't")
	habituals      = setOf("repeatedly", "often", "always", "routinely", "frequently", "regularly", "usually", "constantly", "long")
	determiners    = setOf("a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "whose", "'s", "any", "each", "every", "another", "some", "no")
	phoneWords     = setOf("phone", "telephone", "telephoned", "phoned", "video", "videolink", "video-link", "videoconference", "phone-call", "secure")
	pressAudiences = setOf("reporters", "journalists", "press", "media", "lawmakers", "parliament", "congress", "audience", "crowd", "conference", "summit", "rally", "nation", "assembly", "students", "delegates", "investors", "analysts", "viewers", "forum", "event")
)

// lightVerbs govern a noun trigger or merely place its event in time
// ("holds talks", "the call will begin at 20:30"), so a temporal
// expression attached to them dates the event the noun names.
var lightVerbs = setOf("is", "are", "was", "were", "be", "been", "being", "will", "would", "has", "have", "had",
	"begin", "begins", "began", "start", "starts", "started", "end", "ends", "ended", "take", "takes", "took", "taken",
	"place", "hold", "holds", "held", "holding", "have", "had", "make", "makes", "made", "issue", "issued", "issues",
	"deliver", "delivered", "give", "gave", "given", "send", "sent", "present", "presented", "presenting", "put",
	"host", "hosted", "attend", "attended", "join", "joined", "open", "opened", "convene", "convened", "resume", "resumed",
	"happen", "happened", "occur", "occurred", "last", "lasted", "scheduled", "set", "due", "planned", "expected", "come", "comes", "came")

// commonVerbs are frequent verb forms that are not triggers; they mark
// clause heads so that dates attach to them rather than to a trigger.
var commonVerbs = setOf("is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
	"would", "can", "could", "may", "might", "must", "shall", "should", "comes", "goes", "went", "gone", "takes", "took",
	"makes", "made", "gets", "got", "gives", "gave", "expects", "wants", "seeks", "considers", "remains", "remained",
	"believes", "thinks", "thought", "knows", "knew", "sees", "saw", "seen", "brings", "brought", "leads", "led",
	"plans", "hopes", "becomes", "became", "keeps", "kept", "begins", "began", "fought", "won", "lost", "left", "fell",
	"rose", "grew", "grown", "built", "sold", "bought", "paid", "held", "holds", "sent", "set", "put", "run", "ran",
	"begun", "done", "given", "taken", "written", "known", "shown", "chosen", "driven", "fallen", "flown", "broken",
	"spent", "met", "won", "hit", "cut", "struck", "found", "became", "began", "flew", "drove", "wrote", "chose")
