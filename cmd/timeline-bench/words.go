package main

// The vocabulary of the synthetic corpus. The tables are data so the text
// can grow more varied without touching the generator; their order is part
// of the output, so append rather than reorder when adding rows.

// country is a state that takes part in stories, named as the shipped
// alias table names it (timeline/events/aliases.txt) so actors fold.
type country struct {
	Name    string // as written mid-sentence: "the United States"
	Capital string // metonymy: "Washington said"
	Adj     string // "U.S.", "Polish"
}

var countries = []country{
	{"Russia", "Moscow", "Russian"},
	{"the United States", "Washington", "U.S."},
	{"Ukraine", "Kyiv", "Ukrainian"},
	{"Britain", "London", "British"},
	{"France", "Paris", "French"},
	{"Germany", "Berlin", "German"},
	{"China", "Beijing", "Chinese"},
	{"Japan", "Tokyo", "Japanese"},
	{"India", "New Delhi", "Indian"},
	{"Turkey", "Ankara", "Turkish"},
	{"Poland", "Warsaw", "Polish"},
	{"Italy", "Rome", "Italian"},
	{"Spain", "Madrid", "Spanish"},
	{"Canada", "Ottawa", "Canadian"},
	{"Australia", "Canberra", "Australian"},
	{"South Korea", "Seoul", "South Korean"},
	{"Qatar", "Doha", "Qatari"},
	{"Saudi Arabia", "Riyadh", "Saudi"},
	{"Egypt", "Cairo", "Egyptian"},
	{"Brazil", "Brasilia", "Brazilian"},
	{"Mexico", "Mexico City", "Mexican"},
	{"Sweden", "Stockholm", "Swedish"},
	{"Finland", "Helsinki", "Finnish"},
	{"Norway", "Oslo", "Norwegian"},
	{"Austria", "Vienna", "Austrian"},
	{"Switzerland", "Bern", "Swiss"},
	{"the Netherlands", "The Hague", "Dutch"},
	{"Belgium", "Brussels", "Belgian"},
	{"Kazakhstan", "Astana", "Kazakh"},
	{"Georgia", "Tbilisi", "Georgian"},
	{"Israel", "Jerusalem", "Israeli"},
	{"Pakistan", "Islamabad", "Pakistani"},
}

// realLeaders are the people the shipped alias table knows, by country.
var realLeaders = map[string][2]string{
	"Russia":            {"President Vladimir Putin", "Putin"},
	"the United States": {"President Joe Biden", "Biden"},
	"Ukraine":           {"President Volodymyr Zelensky", "Zelensky"},
}

// Invented people: names are drawn from these lists by a fixed generator,
// so the same officials recur across articles and seeds.
var (
	firstNames = []string{
		"Anna", "Marek", "Sofia", "Tomas", "Elena", "Jonas", "Ingrid", "Paolo",
		"Aiko", "Rahul", "Leyla", "Omar", "Clara", "Henrik", "Mei", "Daniel",
		"Nadia", "Victor", "Greta", "Kenji", "Lucia", "Emre", "Farah", "Pieter",
		"Olga", "Mateo", "Sara", "Ruben", "Hana", "Lars", "Amira", "Felix",
		"Irina", "Diego", "Maren", "Yusuf", "Camille", "Stefan", "Noor", "Aleksander",
	}
	lastNames = []string{
		"Kowalczyk", "Lindqvist", "Moreau", "Brandt", "Okafor", "Tanaka", "Rossi",
		"Varga", "Petrov", "Haddad", "Novak", "Castellanos", "Eriksen", "Yilmaz",
		"Dumont", "Kaminski", "Sato", "Bianchi", "Holm", "Mendes", "Richter",
		"Ivanova", "Kapoor", "Salazar", "Visser", "Marsh", "Demir", "Laine",
		"Stavros", "Quinn", "Abbas", "Falk", "Moreno", "Hartmann", "Ueda", "Sorensen",
		"Vance", "Nakamura", "Delacroix", "Wren",
	}
	// Roles of the invented officials each country has, leader first and
	// the trade minister second to last (business stories need one).
	officialRoles = []string{"Prime Minister", "Foreign Minister", "Trade Minister", "Defence Minister"}
	usRoles       = []string{"National Security Adviser", "Secretary of State", "Commerce Secretary", "Defense Secretary"}
	reporters     = []string{
		"Martin Hale", "Irina Sokolova", "Clara Vance", "Tom Ashby", "Priya Natarajan",
		"Lukas Weber", "Sofia Marchetti", "Daniel Okoro", "Hannah Leclerc", "Yuki Mori",
		"Ben Carver", "Elif Aksoy", "Jorge Ruiz", "Maja Nilsen", "Owen Pryce",
	}
)

// Invented companies: prefix × sector, each with a home country and a
// chief executive from the invented names.
var (
	companyPrefixes = []string{
		"Northwind", "Baltica", "Helios", "Tessaro", "Aurum", "Kestrel", "Meridian",
		"Polaris", "Vantage", "Corvid", "Solenne", "Ardent", "Lumeo", "Granite Bay",
		"Caspian", "Orsa", "Veltra", "Halden",
	}
	companySectors = []struct{ suffix, what string }{
		{"Energy", "gas"}, {"Shipping", "container freight"}, {"Semiconductor", "chips"},
		{"Motors", "electric vehicles"}, {"Mining", "copper"}, {"Aerospace", "aircraft parts"},
		{"Telecom", "mobile networks"}, {"Pharma", "vaccines"}, {"Foods", "grain"},
		{"Logistics", "warehousing"}, {"Steel", "steel"}, {"Batteries", "battery cells"},
	}
)

var (
	diplomacyTopics = []string{
		"energy security", "grain exports", "a ceasefire", "prisoner exchanges", "arms control",
		"visa rules", "fishing rights", "border crossings", "nuclear safety", "climate finance",
		"a gas pipeline", "sanctions relief", "refugee returns", "a free trade agreement",
		"maritime security", "cyber security", "rare earth supplies", "airspace rights",
		"water sharing", "customs checks", "troop deployments", "a missile defence shield",
		"debt relief", "election monitoring",
	}
	businessTopics = []string{
		"a proposed merger", "a long-term supply contract", "a joint venture", "plant closures",
		"steel tariffs", "export licences", "a takeover bid", "licensing fees", "wage talks",
		"a new battery plant", "port investment", "emissions rules", "a pricing dispute",
		"job cuts", "a share buyback",
	}
	venues = []string{
		"Geneva", "Vienna", "Brussels", "Istanbul", "Doha", "Helsinki", "Oslo",
		"Singapore", "Davos", "Riyadh", "Astana", "Rome",
	}
	forums = []string{
		"the G20 summit", "the United Nations General Assembly", "a NATO summit",
		"the OSCE ministerial meeting", "the World Economic Forum", "an EU summit",
		"a regional security conference", "the Munich Security Conference",
	}
	outlets = []string{
		"https://example.org/news", "https://example.com/world", "https://ledger.example.net/politics",
		"https://wire.example.org/stories", "https://dailypost.example/business",
	}
	credits = []string{"Reuters", "AFP", "kremlin.ru", "Photo: Pool", "EPA", "AP Photo"}
	// Agencies that syndicate a story under another byline.
	agencies = []string{"Staff and wire reports", "Agence France-Presse", "Reuters staff", "Wire services"}
)

// Clause and phrase pools. Slots in braces are filled by the generator:
// {CA}/{CB} countries or companies, {T} topic, {ACT} an action, and so on.
var (
	tones   = []string{"constructive", "frank", "difficult", "productive", "useful", "tense", "businesslike", "long and detailed"}
	clauses = []string{
		"the talks had been {TONE}",
		"{CA} was ready to {ACT}",
		"there was no alternative to dialogue on {T}",
		"sanctions would stay in place unless {UNLESS}",
		"both sides wanted to avoid an escalation",
		"progress on {T} was possible before the end of the year",
		"{CB} had not yet responded to the proposal",
		"more work was needed on {T}",
		"the two sides remained far apart on {T}",
		"the offer on {T} was \"a serious one\"",
		"it expected {CB} to {ACT}",
		"the proposal on {T} deserved careful study",
	}
	actions = []string{
		"reopen border crossings", "extend the grain deal", "release detained journalists",
		"lift restrictions on {GOODS} exports", "withdraw troops from the border", "cut tariffs on steel",
		"resume direct flights", "share data on {T}", "open a new round of talks",
		"restore full diplomatic ties", "drop its objections to {T}", "freeze the new tariffs",
	}
	// conditions follow "if"; unlessConds follow "unless".
	conditions = []string{
		"troops are not pulled back", "the talks fail", "the deal is not honoured",
		"the restrictions remain", "the border stays closed", "the tariffs take effect",
	}
	unlessConds = []string{
		"troops are pulled back", "the restrictions are lifted", "the border is reopened",
		"the tariffs are dropped", "the detained citizens are released",
	}
	consequences = []string{
		"any attack would be met with a firm response", "further sanctions were being prepared",
		"the talks could collapse", "prices for {GOODS} could rise sharply",
		"{CA} would retaliate against new tariffs", "the region risked a new crisis",
	}
	threats = []string{"expel diplomats", "impose new tariffs", "cut gas supplies", "suspend the talks", "recall its ambassador", "block the deal"}
	severe  = []string{"severe consequences", "a firm response", "serious damage to relations", "costly measures"}
	goods   = []string{"grain", "gas", "fertiliser", "steel", "timber", "chips", "oil", "nickel"}
	quotes  = []string{
		"We are ready to talk, but not at any price",
		"Nobody wants a trade war",
		"This is a step in the right direction",
		"The door to diplomacy remains open",
		"We expect concrete steps, not words",
		"Our position has not changed",
		"There will be no deal without guarantees",
		"We have made real progress on {T}",
		"Patience is running out",
		"The ball is now in their court",
		"We will not be rushed into a bad agreement",
		"Dialogue is the only way forward on {T}",
		"We have shown flexibility on {T}; now it is {CAPB}'s turn",
		"Nothing is agreed until everything is agreed",
		"We did not come to {CITY} to sign a blank cheque",
		"There is still time, but not much",
		"Our partners in {CAPB} know our red lines",
		"The next {NS} weeks will be decisive",
		"We want results, not photo opportunities",
		"Trust has to be earned, and {T} is where it starts",
	}
	// Small pools that vary the context sentences.
	moods      = []string{"tense but workable", "cool but correct", "strained", "cordial", "businesslike", "uneasy"}
	criticisms = []string{"timid", "slow", "naive", "costly", "vague", "risky"}
	fields     = []string{"science and education", "culture and sport", "energy research", "health care", "space research", "farming"}
	techIssues = []string{"inspection rules and deadlines", "customs codes", "the sequencing of steps", "data sharing", "verification", "the legal form of any deal"}
	links      = []string{"a pipeline and two power lines", "a single gas pipeline", "three power lines", "an undersea cable", "a rail link for fuel"}
	compet     = []string{"Asian", "American", "Chinese", "European", "Korean", "low-cost"}
	customers  = []string{"carmakers and utilities", "several government agencies", "airlines", "hospitals and clinics", "farm cooperatives", "telecom operators"}
	headings   = []string{
		"Next steps", "Trade at stake", "A long dispute", "Market reaction", "Security concerns",
		"Mixed signals", "What comes next", "Pressure from allies", "Talks stall", "Background",
	}
)
