package timex

// lexEntry is what the rules know about a word. One map lookup per word
// token gives all of it.
type lexEntry struct {
	month   int    // 1-12 for month names and abbreviations
	abbr    bool   // a month abbreviation ("Dec", "Sept")
	weekday int    // 1 (Sunday) .. 7 (Saturday)
	num     int    // cardinal number words: one=1, ..., ninety=90
	ord     int    // ordinal number words: first=1, ...
	unit    string // Y, M, W, D, H, MIN, S, DE (decade), CE (century), Q, WE (weekend)
	plural  bool   // the unit in the plural
	season  string // SP, SU, FA, WI
	part    string // part of day: MO, AF, EV, NI
	cue     int    // tense cue: +1 future, -1 past
	vague   string // PRESENT_REF, PAST_REF, FUTURE_REF for words that are timexes alone
	set     string // adverbs of frequency: daily → P1D
	trig    bool   // a rule may start at this word
}

var lexicon = map[string]*lexEntry{}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, m := range months {
		lexicon[m] = &lexEntry{month: i + 1}
	}
	for abbr, m := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		lexicon[abbr] = &lexEntry{month: m, abbr: true}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, d := range days {
		lexicon[d] = &lexEntry{weekday: i + 1}
		lexicon[d+"s"] = &lexEntry{weekday: i + 1, plural: true} // "on Mondays": a set
	}
	for abbr, d := range map[string]int{"sun": 1, "mon": 2, "tue": 3, "tues": 3, "wed": 4, "thu": 5, "thur": 5, "thurs": 5, "fri": 6, "sat": 7} {
		if _, taken := lexicon[abbr]; !taken {
			lexicon[abbr] = &lexEntry{weekday: d, abbr: true}
		}
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	for i, n := range nums {
		lexicon[n] = &lexEntry{num: i}
	}
	for n, v := range map[string]int{"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
		"seventies": 70, "eighties": 80, "nineties": 90} {
		lexicon[n] = &lexEntry{num: v}
	}
	for n, v := range map[string]int{"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12} {
		lexicon[n] = &lexEntry{num: v}
	}
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth"}
	for i, o := range ords[1:] {
		lexicon[o] = &lexEntry{ord: i + 1}
	}
	units := map[string]string{"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H",
		"minute": "MIN", "second": "S", "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE",
		"fortnight": "FN"}
	for w, u := range units {
		if e, ok := lexicon[w]; ok { // "second" is also an ordinal
			e.unit = u
		} else {
			lexicon[w] = &lexEntry{unit: u}
		}
		pl := w + "s"
		if w == "century" {
			pl = "centuries"
		}
		lexicon[pl] = &lexEntry{unit: u, plural: true}
	}
	lexicon["yr"] = &lexEntry{unit: "Y"}
	lexicon["yrs"] = &lexEntry{unit: "Y", plural: true}
	lexicon["min"] = &lexEntry{unit: "MIN"}
	lexicon["mins"] = &lexEntry{unit: "MIN", plural: true}
	for w, s := range map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"} {
		lexicon[w] = &lexEntry{season: s}
	}
	for w, p := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"} {
		lexicon[w] = &lexEntry{part: p}
		lexicon[w+"s"] = &lexEntry{part: p, plural: true}
	}
	// TimeBank marks these far more often than "previously" or
	// "formerly", which it mostly leaves out ("soon" only in a plan).
	for w, v := range map[string]string{"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
		"nowadays": "PRESENT_REF",
		"recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "soon": "FUTURE_REF"} {
		lexicon[w] = &lexEntry{vague: v}
	}
	for w, v := range map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M",
		"hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "fortnightly": "P2W", "annually": "P1Y", "yearly": "P1Y"} {
		lexicon[w] = &lexEntry{set: v}
	}
	// Tense cues: the nearest one to an expression decides how an
	// underspecified date ("Friday", "in January") is resolved.
	for _, w := range []string{"will", "ll", "shall", "going", "next", "upcoming", "coming", "scheduled",
		"expected", "expects", "expect", "plans", "plan", "planned", "planning", "due", "ahead", "would",
		"intends", "intend", "aims", "hopes", "starting", "tomorrow", "later", "soon",
		"forecast", "forecasts", "predict", "predicts", "might", "should", "likely", "slated",
		// the present tense of a schedule: "the summit opens Friday"
		"meets", "begins", "starts", "opens", "resumes", "visits", "travels", "returns", "arrives", "expires",
		"meet", "begin", "resume", "visit", "arrive", "reopen", "reopens", "plays", "faces", "heads", "ends",
		"kicks", "closes", "hosts", "takes",
		// ... and its plural: "they face Milan on Wednesday"
		"face", "play", "head", "host", "start", "vote", "gather", "opening"} {
		setCue(w, +1)
	}
	for _, w := range []string{"said", "was", "were", "had", "did", "ago", "last", "earlier", "told",
		"met", "spoke", "held", "made", "took", "came", "went", "began", "announced", "reported",
		"yesterday", "since", "been", "has", "have", "sold", "rose", "fell", "won", "lost", "left",
		"paid", "got", "gave", "saw", "ran", "struck", "hit", "killed", "died", "closed", "ended", "says",
		"brought", "bought", "sought", "thought", "taught", "fought", "caught", "became", "grew", "knew",
		"led", "meant", "sent", "spent", "stood", "wrote", "built", "felt", "found", "kept",
		"fled", "shot", "broke", "chose", "drew", "drove", "flew", "forgot", "heard", "hid",
		"rang", "rode", "sang", "sank", "shook", "stole", "swore", "threw", "understood", "woke",
		"wore", "withdrew", "arrived"} {
		setCue(w, -1)
	}
}

func setCue(w string, cue int) {
	if e, ok := lexicon[w]; ok {
		e.cue = cue
		return
	}
	lexicon[w] = &lexEntry{cue: cue}
}

// pastTense reports whether a word not in the lexicon looks like a regular
// past-tense verb ("talked", "agreed").
func pastTense(w string) bool {
	if len(w) < 5 || w[len(w)-2:] != "ed" {
		return false
	}
	switch w {
	case "need", "speed", "proceed", "succeed", "exceed", "indeed", "breed", "seed", "feed", "bleed", "freed", "shed", "hundred", "bed", "red", "united", "limited", "based", "related", "listed", "interested":
		return false
	}
	return true
}
