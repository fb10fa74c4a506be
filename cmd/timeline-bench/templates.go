package main

// Sentence templates. Slots: {A}/{B} the two main actors (full name at the
// first mention, surname after), {M} a third official, {CA}/{CB} their
// sides (countries, or companies in business stories), {CAPA}/{CAPB}
// capitals or short company names, {ADJA}/{ADJB} adjectives, {CITY} a
// venue, {CITYB} B's capital, {T} the story's topic, {Dp}/{Df} a past or
// future date phrase, {DabsF} an absolute future date, {TIME} a clock
// time, and the pools of words.go ({ACT}, {CL}, {Q}, ...). Every event
// template carries a trigger the extractor knows; filler carries none.

// eventKind is an event type of the extractor's vocabulary.
type eventKind int

const (
	evStatement eventKind = iota
	evMeeting
	evCall
	evWarning
	evVisit
	evAgreement
	evDemand
)

// kindWeights is how often each kind is written, in eventKind order.
var kindWeights = []int{30, 15, 12, 12, 10, 10, 11}

// templates holds past ([0]) and future ([1]) templates of one kind.
type templates [2][]string

var diplomacyEvents = map[eventKind]templates{
	evStatement: {{
		"{A} said {Dp} that {CL}.",
		"\"{Q},\" {A} told reporters {Dp}.",
		"{A} told reporters in {CITY} {Dp} that {CL}.",
		"In a statement {Dp}, the {ADJA} foreign ministry said {CL}.",
		"{A} wrote on social media {Dp} that {CL}.",
		"Speaking at a news conference in {CAPA} {Dp}, {A} said {CL}.",
		"A spokesperson for {A} said {Dp} that {CL}.",
		"{CAPB} said {Dp} that {CL}.",
	}, {
		"{A} is expected to set out the {ADJA} position on {T} in a speech {Df}.",
		"{A} will address parliament on {T} {Df}, aides said.",
	}},
	evMeeting: {{
		"{A} met {B} in {CITY} {Dp} for talks on {T}.",
		"Delegations from {CA} and {CB} held {NW} hours of talks in {CITY} {Dp}.",
		"Negotiators from {CA} and {CB} met in {CITY} {Dp} to discuss {T}.",
		"{A} and {B} held talks on {T} on the sidelines of {FORUM} {Dp}.",
		"Senior {ADJA} and {ADJB} officials held a round of talks on {T} {Dp}.",
	}, {
		"Talks between {CA} and {CB} on {T} are due to resume in {CITY} {Df}.",
		"{A} and {B} will meet in {CITY} {Df}, officials in {CAPA} said.",
		"{A} is scheduled to hold talks with {B} {Df} on {T}.",
		"{ADJA} and {ADJB} negotiators will meet again {Df} to discuss {T}.",
	}},
	evCall: {{
		"{A} spoke by phone with {B} {Dp}, according to a readout of the call.",
		"{A} and {B} held a phone call {Dp} to discuss {T}.",
		"In a telephone conversation {Dp}, {A} told {B} that {CL}.",
		"{A} called {B} {Dp} to discuss {T}.",
		"{A} and {B} spoke for about {N} minutes by phone {Dp}.",
		"{A} held a video call with {B} {Dp} on {T}.",
	}, {
		"{A} is expected to speak by phone with {B} {Df}, officials said.",
		"{A} will hold a phone call with {B} {Df}.",
		"{A} plans to call {B} {Df} to discuss {T}, an aide said.",
	}},
	evWarning: {{
		"{A} warned {Dp} that {CONSEQ}.",
		"{A} warned {B} {Dp} of \"{SEV}\" if {COND}.",
		"{CAPA} threatened {Dp} to {THREAT} unless {UNLESS}.",
		"{A} cautioned {Dp} that {CONSEQ}, in the sharpest warning yet.",
		"The {ADJA} foreign ministry warned {Dp} that {CONSEQ}.",
	}, {
		"{A} is expected to warn {B} {Df} that {CONSEQ}.",
	}},
	evVisit: {{
		"{A} visited {CITYB} {Dp} for talks on {T}.",
		"{A} arrived in {CITYB} {Dp} for a {NS}-day visit.",
		"{A} made an unannounced visit to {CB} {Dp}.",
		"During a visit to {CITYB} {Dp}, {A} laid a wreath and met {B}.",
	}, {
		"{A} will travel to {CITYB} {Df} for talks on {T}.",
		"{A} is due to visit {CB} {Df}, {ADJA} officials said.",
		"{A} plans to visit {CITYB} {Df}, the first such trip in {NW} years.",
	}},
	evAgreement: {{
		"{CA} and {CB} signed an agreement on {T} {Dp}.",
		"The two sides agreed {Dp} to {ACT}.",
		"{A} and {B} reached a deal on {T} {Dp}.",
		"{CA} agreed {Dp} to {ACT}, according to a joint statement.",
		"{ADJA} and {ADJB} officials initialled a draft accord on {T} {Dp}.",
	}, {
		"{CA} and {CB} are expected to sign a deal on {T} {Df}.",
		"The agreement on {T} is due to be signed in {CITY} {Df}.",
	}},
	evDemand: {{
		"{A} demanded {Dp} that {CB} {ACT}.",
		"{CAPA} called on {CB} {Dp} to {ACT}.",
		"{A} urged {B} {Dp} to {ACT}.",
		"{A} proposed {Dp} that talks on {T} resume {Df}.",
		"{CA} has asked {CB} to {ACT} by {DabsF}.",
		"{CAPA} demanded guarantees on {T} {Dp}.",
	}, {
		"{A} is expected to demand {Df} that {CB} {ACT}.",
	}},
}

var businessEvents = map[eventKind]templates{
	evStatement: {{
		"{CA} said in a statement {Dp} that {BCL}.",
		"{A} told analysts {Dp} that {BCL}.",
		"\"{BQ},\" {A} told reporters {Dp}.",
		"A spokesperson for {CA} said {Dp} that {BCL}.",
		"{A} said in an interview {Dp} that {BCL}.",
		"{M} said {Dp} that the government was following {T} closely.",
	}, {
		"{CA} will report quarterly results {Df}.",
	}},
	evMeeting: {{
		"Executives from {CA} and {CB} met in {CITY} {Dp} to discuss {T}.",
		"{A} met {M} {Dp} to discuss {T}.",
		"Talks between {CA} and unions on {T} ended without agreement {Dp}.",
		"{A} and {B} held talks on {T} in {CITY} {Dp}.",
	}, {
		"{CA} and {CB} will resume talks on {T} {Df}.",
		"{A} is due to meet {M} {Df} to discuss {T}.",
	}},
	evCall: {{
		"{A} spoke by phone with {B} {Dp} about {T}, people familiar with the call said.",
		"{A} held a call with {M} {Dp} to discuss {T}.",
	}, {
		"{A} will host a conference call with analysts {Df}.",
		"{A} is expected to call {M} {Df} about {T}.",
	}},
	evWarning: {{
		"{CA} warned {Dp} that {BCONSEQ}.",
		"{M} warned {CA} {Dp} that {BTHREAT}.",
		"{A} warned {Dp} that {BCONSEQ}.",
		"{CB} threatened {Dp} to walk away from {T} unless {CA} improved its offer.",
	}, {
		"{CA} is expected to warn investors {Df} that {BCONSEQ}.",
	}},
	evVisit: {{
		"{M} visited the {CAPA} plant in {CITY} {Dp}.",
		"{A} travelled to {CITYB} {Dp} to meet {M}.",
		"{A} toured the {CAPB} factory in {CITYB} {Dp}.",
	}, {
		"{M} is due to visit the {CAPA} site in {CITY} {Df}.",
		"{A} will travel to {CITYB} {Df} to meet {B}.",
	}},
	evAgreement: {{
		"{CA} agreed {Dp} to buy {CB} for ${NB} billion.",
		"{CA} and {CB} signed a {NS}-year supply agreement {Dp}.",
		"{CA} reached a deal with unions {Dp} on {T}.",
		"{CA} and {CB} agreed {Dp} to form a joint venture.",
	}, {
		"{CA} and {CB} expect to sign the deal {Df}.",
		"{CA} and {CB} are due to sign a {NS}-year contract {Df}.",
	}},
	evDemand: {{
		"Unions demanded {Dp} that {CA} {BACT}.",
		"{M} called on {CA} {Dp} to {BACT}.",
		"Shareholders urged {CA} {Dp} to {BACT}.",
		"{CB} asked {CA} {Dp} to {BACT}.",
	}, {
		"Unions are expected to demand {Df} that {CA} {BACT}.",
	}},
}

// Business pools, beside the diplomatic ones of words.go.
var (
	businessClauses = []string{
		"demand for {WHAT} remained strong", "the deal would create {N} jobs",
		"costs had risen by {P} percent", "it would keep its plant in {CITYA} open",
		"the merger would be completed {Df}", "{CB} had underestimated the market",
		"talks on {T} were at an early stage", "it saw no need to raise its offer",
	}
	businessActions = []string{
		"raise its offer", "keep the plant open", "cut prices", "delay job cuts",
		"invest in {CITYA}", "publish its plans on {T}", "pay higher wages", "drop the bid",
	}
	businessConsequences = []string{
		"profits would fall this year", "shortages of {WHAT} could last into next year",
		"the deal could cost {N} jobs", "prices for {WHAT} could rise by {P} percent",
	}
	businessThreats = []string{
		"it faced fines if it ignored emissions rules", "its export licences could be revoked",
		"the takeover could be blocked", "state support would be withdrawn",
	}
	businessQuotes = []string{
		"This deal makes us stronger", "We are not in a hurry", "The numbers speak for themselves",
		"Our customers come first", "We expect a difficult year", "There is no plan B",
		"We will keep investing in {CITYA}", "The price has to be right", "Nobody is talking about closures",
		"Demand for {WHAT} will come back", "We are open to offers, but not at any price",
		"The next {NS} quarters will be tough",
	}
)

// Filler: context without triggers, to give articles their length and
// their share of sentences no event comes from.
var (
	diplomacyFiller = []string{
		"Trade between {CA} and {CB} was worth about ${NB} billion last year, according to official figures.",
		"The dispute over {T} has dragged on for {NW} years and has outlasted several governments on both sides.",
		"{CA} is one of the largest trading partners of {CB}, and companies on both sides have lobbied for calm.",
		"The relationship between {CAPA} and {CAPB} is {MOOD}, with regular contacts at the working level.",
		"Hopes of a quick breakthrough on {T} are low in {CAPB}, given the gaps that remain.",
		"Earlier rounds in {CITY} produced little beyond a promise to keep the channel open.",
		"Critics in {CAPA} consider the approach to {T} too {CRIT}.",
		"The {ADJA} economy grew {P} percent in the last quarter, slower than forecast, as exports weakened.",
		"Relations between the two countries have been strained since {YEAR}, when a row over {T2} broke out.",
		"Prices for {GOODS} have risen sharply in recent months, adding to pressure on household budgets.",
		"The border region is home to about {N},000 people, many of whom depend on cross-border trade.",
		"Both {CA} and {CB} face elections within {NS} years, which limits the room for concessions on {T}.",
		"Any final settlement on {T} is likely to take {NW} years or more, with setbacks along the way.",
		"The question of {T} has become a test of the relationship between the two capitals.",
		"Opposition parties in {CB} consider the government's line on {T} too {CRIT}.",
		"The economic stakes are higher for {CB} than for {CA}, by most estimates.",
		"A previous framework on {T2} expired without being renewed, leaving a gap in the rules.",
		"Public opinion in {CA} is divided, with polls showing a narrow majority in favour of a compromise.",
		"Neighbours of {CB} are watching closely, fearful of being drawn into the dispute over {T}.",
		"Business groups want both governments to keep politics apart from trade in {GOODS}.",
		"The {ADJB} parliament must approve any treaty, and several committees have raised objections.",
		"Shipping through the region has slowed, and insurers have raised premiums for vessels carrying {GOODS}.",
		"Progress on {T2} and on {T} is linked, and movement on one could unlock the other.",
		"{CA} and {CB} share a long history of cooperation in {FIELDS}.",
		"Families in {CB} have borne much of the cost of the dispute, with {GOODS} prices up {P} percent.",
		"More than {N} officials from {CA} took part in the preparatory work in {CITY}.",
		"The {ADJA} embassy in {CITYB} has been operating with reduced staff for more than a year.",
		"Tourism between the two countries has fallen by about {P} percent compared with earlier years.",
		"The personal rapport between {a} and {b} has been {MOOD}, by all accounts.",
		"Technical issues such as {TECH} remain unresolved.",
		"The {ADJA} currency has lost about {P} percent of its value against the dollar this year.",
		"{CB} imports most of its {GOODS} by sea, through a handful of ports.",
		"The {ADJB} government has held a narrow majority in parliament since {YEAR}.",
		"A joint commission on {T2} has not met for more than a year.",
		"Defence spending in {CA} has risen for {NW} years in a row.",
		"Around {N},000 {ADJB} citizens live and work in {CA}.",
		"The last full treaty between {CA} and {CB} dates from {YEAR}.",
		"Energy links between {CA} and {CB} include {LINKS}.",
		"The {ADJA} fleet has stepped up patrols in waters near {CB} since {YEAR}.",
		"Inflation in {CB} stood at {P} percent in the latest monthly figures.",
		"Students from {CB} make up one of the largest foreign groups at {ADJA} universities.",
		"Aid flows to the region have fallen by about {P} percent since {YEAR}.",
		"The region's ports handle roughly a fifth of the world's trade in {GOODS}.",
		"Much of the groundwork on {T} is done by small teams of experts in {CITY}, away from the cameras.",
		"Airlines flying to {CITYB} have rerouted flights, adding up to {NS} hours to some journeys.",
		"A network of smaller agreements on {T2} still governs day-to-day cooperation.",
		"The {ADJA} foreign service has doubled its staff working on {T} since {YEAR}.",
		"Several multinational companies have moved regional offices out of {CITYB}.",
		"The {ADJA} and {ADJB} economies are closely tied, with supply chains for {GOODS} that cross borders many times.",
		"Food prices in {CB} have climbed for {NW} straight months, led by {GOODS}.",
		"The population of {CB} is younger than that of {CA}, with a median age under 35.",
		"Satellite images show new construction near the {ADJB} border since {YEAR}.",
		"Remittances from workers in {CA} make up about {P} percent of household income in parts of {CB}.",
		"Energy prices in {CA} remain well above their levels of {YEAR}.",
		"{CAPA} and {CAPB} have a long record of signing agreements on {T2} and then disputing their meaning.",
	}
	businessFiller = []string{
		"Shares of {CA} rose {P} percent in early trading, giving the company a market value of about ${NB} billion.",
		"{CA} employs about {N},000 people worldwide, most of them in its home market.",
		"Revenue at {CB} fell {P} percent in the last quarter as demand for {WHAT} cooled.",
		"The market for {WHAT} has grown quickly over the past decade, drawing in new competitors.",
		"More consolidation in the {WHAT} business is likely as smaller players struggle with rising costs.",
		"The company was founded in {CITYA} in {YEAR} and went public more than a decade later.",
		"{CA} and {CB} have both struggled with higher energy costs and a shortage of skilled workers.",
		"The plant in {CITY} makes about {P}0 percent of the output of {CA} and is its largest single site.",
		"Competition from {COMPET} makers has squeezed margins in {WHAT} by about {P} percentage points.",
		"Investors in {CA} want higher dividends and a clearer strategy for growth in {CITYB}.",
		"Credit rating agencies have placed {CB} on watch pending the outcome of the negotiations over {T}.",
		"The largest shareholder of {CA}, a pension fund, holds about {P} percent of the shares.",
		"The {WHAT} sector received state support in {YEAR}, and some of those loans are still outstanding.",
		"Prices for {WHAT} have swung by as much as {P} percent in a month since {YEAR}.",
		"Environmental groups in {CITYA} oppose the plans of {CA} for new capacity.",
		"Customers of {CB} include {CUSTOMERS}.",
		"Debt at the group has risen to about ${NB} billion after a series of acquisitions.",
		"{CA} has closed {NS} smaller sites since {YEAR} to cut costs.",
		"Labour costs account for about {P} percent of the expenses of {CB}, according to its annual report.",
		"Several rival bidders had looked at {CB} but walked away over the price.",
		"{CB} has been loss-making for {NW} of the past ten years.",
		"The group's order book stood at about ${NB} billion at the end of the last quarter.",
		"Its shares have lost about {P} percent of their value since {YEAR}.",
		"About {P} percent of the sales of {CB} come from outside its home market.",
		"The {WHAT} industry in {CITYA} depends heavily on imported {GOODS}.",
		"A new chief financial officer joined {CA} in {YEAR}.",
		"The {ADJA} government holds a small stake in {CA}.",
		"Output at the {CITY} site fell by about {P} percent in the last year.",
		"{CA} and {CB} use the same suppliers for {NS} key components.",
		"Freight costs for {WHAT} have doubled since {YEAR}.",
		"{CA} spends about {P} percent of its revenue on research into {WHAT}.",
		"{CA} has around {N} sites in Europe and Asia.",
		"Bonds of {CA} trade at a discount of about {P} points to those of larger rivals.",
		"The pension deficit of {CB} is about ${NB} billion, one of the largest in the sector.",
		"Automation has cut the number of workers needed at the {CITY} plant by about {P} percent.",
		"Demand for {WHAT} in {CITYB} tends to rise in the second half of the year.",
		"The firm's headquarters moved to {CITYA} in {YEAR}.",
		"Smaller suppliers around {CITY} rely on the plant of {CA} for most of their orders.",
		"Regulators in {CITYA} and {CITYB} must approve any combination of {CA} and {CB}.",
		"Long-term contracts cover about {P}0 percent of the expected sales of {CA}.",
	}
	// Headlines: a different one for each syndicated copy.
	diplomacyHeadlines = []string{
		"{CA} and {CB} hold talks on {T}",
		"{ADJA} and {ADJB} officials meet in {CITY} over {T}",
		"{a} warns {CB} over {T}",
		"{CA}, {CB} agree to {ACT}",
		"{a} to visit {CITYB} as dispute over {T} drags on",
		"{CAPA} presses {CAPB} on {T}",
		"{a} and {b} speak by phone ahead of talks on {T}",
		"{CA} signals openness to a deal on {T}",
		"No breakthrough as {ADJA} and {ADJB} diplomats discuss {T}",
		"{CAPA} and {CAPB} trade warnings over {T}",
	}
	businessHeadlines = []string{
		"{CA} and {CB} in talks over {T}",
		"{CA} agrees ${NB} billion deal with {CB}",
		"{a} says {CA} will not {BACT}",
		"Unions warn {CA} over {T}",
		"{CA} shares jump after deal with {CB}",
		"{CA} and {CB} near agreement on {T}",
		"Government presses {CA} on {T}",
	}
)
