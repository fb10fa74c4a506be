package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/internal/testshared"
)

// thursday is the reference date: Thursday 30 December 2021.
var thursday = time.Date(2021, 12, 30, 0, 0, 0, 0, time.UTC)

type want struct{ text, typ, value, mod string }

func TestTag(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want // the expressions expected, in order (nil: none)
	}{
		// the examples, reference Thursday 2021-12-30
		{"a weekday in a report is the most recent one, today included", "their phone call Thursday",
			[]want{{"Thursday", Date, "2021-12-30", ""}}},
		{"a month after a future verb is the coming one", "They will hold talks in Geneva in January.",
			[]want{{"January", Date, "2022-01", ""}}},
		{"next month is the month after the reference", "The talks start next month.",
			[]want{{"next month", Date, "2022-01", ""}}},
		{"early December is December with mod START", "The build-up began in early December.",
			[]want{{"early December", Date, "2021-12", "START"}}},
		{"a weekday after a past verb is the one before", "They spoke on Wednesday.",
			[]want{{"Wednesday", Date, "2021-12-29", ""}}},
		{"earlier this month is the month, as TimeBank values it", "He warned earlier this month.",
			[]want{{"earlier this month", Date, "2021-12", "START"}}},
		{"a clock time with a zone takes the reference day", "The call began at 20:30 GMT.",
			[]want{{"20:30 GMT", Time, "2021-12-30T20:30Z", ""}}},
		{"since a year marks only the year", "the worst crisis since 2014",
			[]want{{"2014", Date, "2014", ""}}},
		{"numbers with thousands separators are not dates", "100,000 forces and 13,000 lives", nil},
		{"a bare clock time needs time context", "The score was 20:30 in the end.", nil},

		// absolute dates
		{"month abbreviation and day", "on Dec. 30 the talks",
			[]want{{"Dec. 30", Date, "2021-12-30", ""}}},
		{"day month year", "on 30 December 2021,",
			[]want{{"30 December 2021", Date, "2021-12-30", ""}}},
		{"US numeric date", "filed 12/30/2021 in court",
			[]want{{"12/30/2021", Date, "2021-12-30", ""}}},
		{"ISO date", "dated 2021-12-30.",
			[]want{{"2021-12-30", Date, "2021-12-30", ""}}},
		{"ISO date and time", "at 2021-12-30T20:30Z", []want{{"2021-12-30T20:30Z", Time, "2021-12-30T20:30Z", ""}}},
		{"a first in years is a stretch of the past, not a future year", "It was the first visit in three years.",
			[]want{{"three years", Duration, "P3Y", ""}}},
		{"a record in years too", "The yen will hit its weakest level in seven years.",
			[]want{{"seven years", Duration, "P7Y", ""}}},
		{"a plan in years is the year then", "The plant will open in three years.",
			[]want{{"three years", Date, "2024", ""}}},
		{"ISO date and time with an offset", "at 2021-12-30T15:00-05:00.", []want{{"2021-12-30T15:00-05:00", Time, "2021-12-30T15:00-05:00", ""}}},
		{"ISO date and local time", "at 2021-12-30T20:30.", []want{{"2021-12-30T20:30", Time, "2021-12-30T20:30", ""}}},
		{"Eastern time in summer is daylight time", "at 9 a.m. ET on July 4, 2022", []want{{"9 a.m. ET", Time, "2022-07-04T09:00-04:00", ""}, {"July 4, 2022", Date, "2022-07-04", ""}}},
		{"local time keeps no zone", "at 0900 local time on Monday", []want{{"0900 local time", Time, "2021-12-27T09:00", ""}, {"Monday", Date, "2021-12-27", ""}}},
		{"month and year", "in December 2021 the",
			[]want{{"December 2021", Date, "2021-12", ""}}},
		{"a weekday before a full date belongs to it", "Thursday, Dec. 30, 2021",
			[]want{{"Thursday, Dec. 30, 2021", Date, "2021-12-30", ""}}},
		{"a full stop after a date is not part of it", "It ends on Jan. 14. Then",
			[]want{{"Jan. 14", Date, "2022-01-14", ""}}},
		{"the modal may is not a month", "Russia may invade.", nil},

		// relative dates
		{"yesterday", "said yesterday", []want{{"yesterday", Date, "2021-12-29", ""}}},
		{"tomorrow", "meets tomorrow", []want{{"tomorrow", Date, "2021-12-31", ""}}},
		{"tonight is the night of the reference", "speaks tonight", []want{{"tonight", Time, "2021-12-30TNI", ""}}},
		{"last year", "rose last year", []want{{"last year", Date, "2020", ""}}},
		{"this week is an ISO week", "met this week", []want{{"this week", Date, "2021-W52", ""}}},
		{"next Friday", "will meet next Friday", []want{{"next Friday", Date, "2021-12-31", ""}}},
		{"last Monday", "met last Monday", []want{{"last Monday", Date, "2021-12-27", ""}}},
		{"a future verb sends a weekday forward", "They will meet on Friday.",
			[]want{{"Friday", Date, "2021-12-31", ""}}},
		{"days ago is a day", "three days ago", []want{{"three days ago", Date, "2021-12-27", ""}}},
		{"years ago is a year", "two years ago", []want{{"two years ago", Date, "2019", ""}}},
		{"or so ago is ago, approximately", "Then, a week or so ago, he chose",
			[]want{{"a week or so ago", Date, "2021-W51", "APPROX"}}},
		{"the noun plans says nothing of tense", "On Friday, when she set aside vacation plans for the trip, he went.",
			[]want{{"Friday", Date, "2021-12-24", ""}}},
		{"ahead of another event sets no tense, nor does a second predicate",
			"Biden spoke with the leaders on Monday ahead of the call and was due to brief them again afterward.",
			[]want{{"Monday", Date, "2021-12-27", ""}}},
		{"the last of a series is an order, not a past", "The OSCE is due to meet on Friday, in the last of three rounds.",
			[]want{{"Friday", Date, "2021-12-31", ""}}},
		{"the year and a year are one date", "The year 1989 was pivotal.", []want{{"The year 1989", Date, "1989", ""}}},
		{"the year after a year names it again", "since 2014, the year Russia annexed Crimea",
			[]want{{"2014", Date, "2014", ""}, {"the year", Date, "2014", ""}}},
		// tense in modern wire copy, reference Thursday 2021-12-30
		{"forecast looks ahead", "Heavy snow is forecast on Saturday.", []want{{"Saturday", Date, "2022-01-01", ""}}},
		{"a modal looks ahead", "The Fed may raise rates in June.", []want{{"June", Date, "2022-06", ""}}},
		{"a bare verb after could takes the modal's tense", "The storm could hit on Saturday.",
			[]want{{"Saturday", Date, "2022-01-01", ""}}},
		{"likely to looks ahead", "The storm is likely to hit on Saturday.", []want{{"Saturday", Date, "2022-01-01", ""}}},
		{"could be located is a past ability", "He could be located Wednesday in Havana.",
			[]want{{"Wednesday", Date, "2021-12-29", ""}}},
		{"what a thing is is still to come", "The deadline is 5 p.m. on Friday.",
			[]want{{"5 p.m.", Time, "2021-12-31T17:00", ""}, {"Friday", Date, "2021-12-31", ""}}},
		{"the present of a schedule looks ahead", "Voting ends Monday.", []want{{"Monday", Date, "2022-01-03", ""}}},
		{"a weekday's subject of a future sentence", "Sunday's vote will be close.", []want{{"Sunday", Date, "2022-01-02", ""}}},
		{"ahead of a weekday's event", "Ahead of Sunday's election, candidates are holding rallies.",
			[]want{{"Sunday", Date, "2022-01-02", ""}}},
		{"a weekday's event is otherwise past", "before Friday's purchases the share is far below",
			[]want{{"Friday", Date, "2021-12-24", ""}}},
		{"postponed to a weekday looks ahead", "The hearing has been postponed to Friday.",
			[]want{{"Friday", Date, "2021-12-31", ""}}},
		{"until today's weekday is the next one", "The court has adjourned the case until Thursday.",
			[]want{{"Thursday", Date, "2022-01-06", ""}}},
		{"will before a day already past this year is next year's", "The court will rule on Dec. 20.",
			[]want{{"Dec. 20", Date, "2022-12-20", ""}}},
		{"a past verb right before a day to come this year is last year's", "Shares rose after the March 10 event.",
			[]want{{"March 10", Date, "2021-03-10", ""}}},
		{"has set a deadline looks at the nearest", "It has set Jan. 10 as the deadline.",
			[]want{{"Jan. 10", Date, "2022-01-10", ""}}},
		{"extended to a date looks ahead", "The offer was extended to Jan. 16.", []want{{"Jan. 16", Date, "2022-01-16", ""}}},
		{"a range of months runs forward", "Fighting intensified from November to January.",
			[]want{{"November", Date, "2020-11", ""}, {"January", Date, "2021-01", ""}}},
		{"a range of months ahead", "The festival will run from March to May.",
			[]want{{"March", Date, "2022-03", ""}, {"May", Date, "2022-05", ""}}},
		{"to after a weekday is no range of months", "a revision Friday to December's figures",
			[]want{{"Friday", Date, "2021-12-24", ""}, {"December", Date, "2021-12", ""}}},
		{"a wire time with a zone", "Brent crude rose 1% by 0945 GMT on Wednesday.",
			[]want{{"0945 GMT", Time, "2021-12-29T09:45Z", ""}, {"Wednesday", Date, "2021-12-29", ""}}},
		{"a time before on and a day takes the day", "The deadline expires at 23:59 on Sunday.",
			[]want{{"23:59", Time, "2022-01-02T23:59", ""}, {"Sunday", Date, "2022-01-02", ""}}},
		{"midnight before on and a day takes the day", "The meeting ended at midnight on Tuesday.",
			[]want{{"midnight", Time, "2021-12-28T24:00", ""}, {"Tuesday", Date, "2021-12-28", ""}}},
		{"after midnight is the start of the day", "She died early Sunday, shortly after midnight.",
			[]want{{"early Sunday", Date, "2021-12-26", "START"}, {"midnight", Time, "2021-12-26T00:00", ""}}},
		{"a clock time takes the day the story is on", "The fire broke out on Monday. By 8 p.m., the spire had fallen.",
			[]want{{"Monday", Date, "2021-12-27", ""}, {"8 p.m.", Time, "2021-12-27T20:00", ""}}},
		{"a past clock time does not take a future day", "He will be sworn in on January 20. She called him at 2:30 a.m.",
			[]want{{"January 20", Date, "2022-01-20", ""}, {"2:30 a.m", Time, "2021-12-30T02:30", ""}}},
		{"a holiday near the reference is that one", "Sales beat last year's record, with New Year's Day still to come.",
			[]want{{"last year", Date, "2020", ""}, {"New Year's Day", Date, "2022-01-01", ""}}},
		{"around a time is approximate", "The attack came at around 11 p.m. on Monday.",
			[]want{{"around 11 p.m.", Time, "2021-12-27T23:00", "APPROX"}, {"Monday", Date, "2021-12-27", ""}}},
		{"a sentence's full stop after am is not the time's", "The fire started at 9am.",
			[]want{{"9am", Time, "2021-12-30T09:00", ""}}},
		{"a sentence's full stop after p.m. is shared", "The fire started at 10 p.m. The police came.",
			[]want{{"10 p.m", Time, "2021-12-30T22:00", ""}}},
		{"a wire time glossed in parentheses is not marked again", "at about 10:35 a.m. (0735 GMT) Friday",
			[]want{{"about 10:35 a.m.", Time, "2021-12-24T10:35", "APPROX"}, {"Friday", Date, "2021-12-24", ""}}},
		// counted from what the text named
		{"the previous year is the one before the year named", "Elections were held in 2019. The previous year, it boomed.",
			[]want{{"2019", Date, "2019", ""}, {"The previous year", Date, "2018", ""}}},
		{"the previous month is the one before the month named", "It happened in June 2020. The previous month, they threatened.",
			[]want{{"June 2020", Date, "2020-06", ""}, {"The previous month", Date, "2020-05", ""}}},
		{"the previous weekend is the one before the day named", "The match ended on Saturday. The previous weekend, they lost.",
			[]want{{"Saturday", Date, "2021-12-25", ""}, {"The previous weekend", Date, "2021-W50-WE", ""}}},
		{"the year before is the year before the one named", "The firm was sold in 2018. The year before, it lost money.",
			[]want{{"2018", Date, "2018", ""}, {"The year before", Date, "2017", ""}}},
		{"the day before is the day before the one named", "Officials met on Dec. 10. The day before, rebels shelled the city.",
			[]want{{"Dec. 10", Date, "2021-12-10", ""}, {"The day before", Date, "2021-12-09", ""}}},
		{"a year earlier counts from a past year just named", "Elections were held in 2019. A year earlier, it boomed.",
			[]want{{"2019", Date, "2019", ""}, {"A year earlier", Date, "2018", ""}}},
		{"the day before an event is not anaphoric", "He left the day before the election.", nil},

		{"that same day is the day named", "The strike began on Monday. That same day, police arrived.",
			[]want{{"Monday", Date, "2021-12-27", ""}, {"That same day", Date, "2021-12-27", ""}}},
		{"late on a weekday is its end", "Talks ended late on Tuesday.", []want{{"late on Tuesday", Date, "2021-12-28", "END"}}},
		{"early on alone is no date", "Early on, he said no.", nil},

		// durations, sets and periods
		{"a quarter of a century", "It has existed for a quarter of a century.", []want{{"a quarter of a century", Duration, "P25Y", ""}}},
		{"half a century is fifty years", "for half a century", []want{{"half a century", Duration, "P50Y", ""}}},
		{"last after to is a verb", "The trial is expected to last six weeks.", []want{{"six weeks", Duration, "P6W", ""}}},
		{"twice a week is one set", "Flights will operate twice a week.", []want{{"twice a week", Set, "P1W", ""}}},
		{"annually is a set", "The report is published annually.", []want{{"annually", Set, "P1Y", ""}}},
		{"annually after a percentage is a rate", "Sales rose 8.5% annually.", nil},
		{"every summer is a set", "The festival takes place every summer.", []want{{"every summer", Set, "XXXX-SU", ""}}},
		{"the early 20th century", "built in the early 20th century", []want{{"early 20th century", Date, "19", "START"}}},
		{"end-2025 is the end of 2025", "The firm aims to list by end-2025.", []want{{"end-2025", Date, "2025", "END"}}},
		{"the 1800s are a century", "The tradition dates from the 1800s.", []want{{"the 1800s", Date, "18", ""}}},
		{"the 2000s are a decade", "in the 2000s", []want{{"the 2000s", Date, "200", ""}}},

		// names and numbers that are not dates
		{"a month that is a first name", "April Smith, a spokeswoman, declined to comment.", nil},
		{"a month before a name after in is the month", "In April Microsoft said it would.", []want{{"April", Date, "2021-04", ""}}},
		{"a release is not a half year", "support for Windows 11 version 21H2", nil},
		{"a year after a label is a number", "He was sentenced under Section 1983 of the code.", nil},
		{"a year before a count noun is a number", "Police said 1999 people were arrested.", nil},
		{"the fall in prices is a drop", "The fall in prices worried investors.", nil},
		{"a season in a name", "The Summer Olympics will be held in Los Angeles.", nil},
		{"a weekday in a name", "The Wednesday Club met in secret.", nil},
		{"a holiday in a name", "Good Friday Agreement talks stalled.", nil},
		{"Black Friday follows Thanksgiving", "Black Friday sales disappointed retailers.",
			[]want{{"Black Friday", Date, "2021-11-26", ""}}},
		{"a weekday after on and a time agrees with it", "He must ask for a delay by 11 p.m. on Saturday if no deal is approved.",
			[]want{{"11 p.m.", Time, "2022-01-01T23:00", ""}, {"Saturday", Date, "2022-01-01", ""}}},
		{"a date opening the sentence is the verb of saying's", "On Monday, the minister said she would meet them.",
			[]want{{"Monday", Date, "2021-12-27", ""}}},
		{"a date before that is the verb of saying's", "He told reporters on Wednesday that he would resign.",
			[]want{{"Wednesday", Date, "2021-12-29", ""}}},
		{"head of is a noun", "On Wednesday, Ricardo Alarcon, head of the assembly, said the homes were no place for him.",
			[]want{{"Wednesday", Date, "2021-12-29", ""}}},
		{"days later sets no tense", "His body was handed over to his mother on Saturday, eight days later.",
			[]want{{"Saturday", Date, "2021-12-25", ""}, {"eight days", Duration, "P8D", ""}}},
		{"by a month opening a past sentence", "By March, much of the world was in lockdown.",
			[]want{{"March", Date, "2021-03", ""}}},
		{"a weekday's event after will", "The winner will receive the trophy after Saturday's game.",
			[]want{{"Saturday", Date, "2022-01-01", ""}}},
		{"a plural subject's schedule looks ahead", "They face Milan on Wednesday.", []want{{"Wednesday", Date, "2022-01-05", ""}}},
		{"would after a day said counts from that day", "The army said on Monday that the truce would start on Wednesday.",
			[]want{{"Monday", Date, "2021-12-27", ""}, {"Wednesday", Date, "2021-12-29", ""}}},
		{"postponed to today is today", "The game was postponed to Thursday.",
			[]want{{"Thursday", Date, "2021-12-30", ""}}},
		{"a list of days in one month", "The talks will be held on March 25, 27 and 29.",
			[]want{{"March 25", Date, "2022-03-25", ""}, {"27", Date, "2022-03-27", ""}, {"29", Date, "2022-03-29", ""}}},
		{"a number after a date and a comma is no day", "On Dec. 3, 5 people died.", []want{{"Dec. 3", Date, "2021-12-03", ""}}},
		{"the first day of a past range", "It took place between 3 and 9 May.",
			[]want{{"3", Date, "2021-05-03", ""}, {"9 May", Date, "2021-05-09", ""}}},
		{"the second of two days follows the first", "Talks were held on Oct. 3 and Jan. 21.",
			[]want{{"Oct. 3", Date, "2021-10-03", ""}, {"Jan. 21", Date, "2022-01-21", ""}}},
		{"a day and next year", "The tournament kicks off on Nov. 21 next year.",
			[]want{{"Nov. 21 next year", Date, "2022-11-21", ""}}},
		{"the 3rd of a month after a past verb", "Previous sessions took place on the 3rd of March.",
			[]want{{"3rd of March", Date, "2021-03-03", ""}}},
		{"a year opening the sentence sets its months", "In 2016, the city flooded in January.",
			[]want{{"2016", Date, "2016", ""}, {"January", Date, "2016-01", ""}}},
		{"last year opening the sentence sets its months", "Last year, the city recorded its coldest January.",
			[]want{{"Last year", Date, "2020", ""}, {"January", Date, "2020-01", ""}}},
		{"a year inside the sentence does not", "Under a program approved in 1987, it bought shares through Sept. 29.",
			[]want{{"1987", Date, "1987", ""}, {"Sept. 29", Date, "2021-09-29", ""}}},
		{"two months and a year", "in November and December 2019",
			[]want{{"November", Date, "2019-11", ""}, {"December 2019", Date, "2019-12", ""}}},
		{"the previous evening is the evening before the day named", "The match ended on Tuesday. The previous evening, fans gathered.",
			[]want{{"Tuesday", Date, "2021-12-28", ""}, {"The previous evening", Time, "2021-12-27TEV", ""}}},
		{"the night before is the night before the day named", "He died on Sunday. The night before, he had dined.",
			[]want{{"Sunday", Date, "2021-12-26", ""}, {"The night before", Time, "2021-12-25TNI", ""}}},
		{"a quarter after a verb", "The company expects Q2 growth to slow.", []want{{"Q2", Date, "2022-Q2", ""}}},
		{"the quarter just ended is still this year's", "The company expects Q3 earnings to fall.", []want{{"Q3", Date, "2021-Q3", ""}}},
		{"hours and minutes are one duration", "He finished in four hours and 57 minutes.",
			[]want{{"four hours and 57 minutes", Duration, "PT4H57M", ""}}},
		{"days and hours are one duration", "It lasted three days and 12 hours.",
			[]want{{"three days and 12 hours", Duration, "P3DT12H", ""}}},
		{"a larger unit after a smaller one is another expression", "for 10 years and 100 people",
			[]want{{"10 years", Duration, "P10Y", ""}}},
		{"a European date with dots", "They met on 18.03.2021 in Bern.", []want{{"18.03.2021", Date, "2021-03-18", ""}}},
		{"a release number with dots is no date", "Version 1.2.2021 is out.", nil},
		{"set for looks ahead", "Sentencing was set for March 11.", []want{{"March 11", Date, "2022-03-11", ""}}},
		{"a relative clause's comma ends its tense", "Italy, who won the title in July, face a playoff in March.",
			[]want{{"July", Date, "2021-07", ""}, {"March", Date, "2022-03", ""}}},
		{"an infinitive's date is not the plan's past", "Parliament had been due to sit again on January 14.",
			[]want{{"January 14", Date, "2022-01-14", ""}}},
		{"a verb right before the date is its own", "The season that ends on Friday was the best.",
			[]want{{"Friday", Date, "2021-12-31", ""}}},
		{"a time before the following day takes it but is marked alone", "It began at 0001 GMT on 20 January and ends at 2359 GMT the following day.",
			[]want{{"0001 GMT", Time, "2022-01-20T00:01Z", ""}, {"20 January", Date, "2022-01-20", ""},
				{"2359 GMT", Time, "2022-01-21T23:59Z", ""}, {"the following day", Date, "2022-01-21", ""}}},
		{"a time after a comma and on", "US markets will close early, at 1 p.m. ET, on Friday.",
			[]want{{"1 p.m. ET", Time, "2021-12-31T13:00-05:00", ""}, {"Friday", Date, "2021-12-31", ""}}},
		{"a time on a holiday", "The strike ends at 11.59pm on New Year's Eve.",
			[]want{{"11.59pm", Time, "2021-12-31T23:59", ""}, {"New Year's Eve", Date, "2021-12-31", ""}}},
		{"a holiday anchors the story's clock times", "The quake struck on Christmas Day. It hit at 4.10pm local time.",
			[]want{{"Christmas Day", Date, "2021-12-25", ""}, {"4.10pm local time", Time, "2021-12-25T16:10", ""}}},
		{"until in a past that lasted", "The final session began on Tuesday evening and ran until 3 a.m. on Wednesday.",
			[]want{{"Tuesday evening", Time, "2021-12-28TEV", ""}, {"3 a.m.", Time, "2021-12-29T03:00", ""}, {"Wednesday", Date, "2021-12-29", ""}}},
		{"until a time on today's weekday is today", "The warning covers the period until noon on Thursday.",
			[]want{{"noon", Time, "2021-12-30T12:00", ""}, {"Thursday", Date, "2021-12-30", ""}}},
		{"and ends a clause that set the tense", "He conceded on Wednesday afternoon and said he would help.",
			[]want{{"Wednesday afternoon", Time, "2021-12-29TAF", ""}}},
		{"if ends a clause that set the tense", "Oil could reach $150 by the summer if exports were disrupted.",
			[]want{{"the summer", Date, "2022-SU", ""}}},
		{"going on sale is no plan", "Tickets sold out within minutes of going on sale in June.",
			[]want{{"minutes", Duration, "PTXM", ""}, {"June", Date, "2021-06", ""}}},
		{"a wire time in local time", "The summit ends with a news conference at about 1500 local time on Friday.",
			[]want{{"about 1500 local time", Time, "2021-12-31T15:00", "APPROX"}, {"Friday", Date, "2021-12-31", ""}}},
		{"by a holiday looks ahead", "He wanted a government in place by Easter.", []want{{"Easter", Date, "2022-04-17", ""}}},
		{"a holiday's week", "The strike rolls on into Christmas week.", []want{{"Christmas week", Date, "2021-W51", ""}}},
		{"take months is a duration", "Forming a coalition could take months.", []want{{"months", Duration, "PXM", ""}}},
		{"the following weekday is the one after the day named", "They travel on Sunday and host Wexford the following Saturday.",
			[]want{{"Sunday", Date, "2022-01-02", ""}, {"the following Saturday", Date, "2022-01-08", ""}}},
		{"plural present of a vote", "Germans vote on Sunday in a snap election.", []want{{"Sunday", Date, "2022-01-02", ""}}},
		{"must looks ahead", "Any request must be filed by 5 p.m. on Monday, the clerk said.",
			[]want{{"5 p.m.", Time, "2022-01-03T17:00", ""}, {"Monday", Date, "2022-01-03", ""}}},
		{"would before a bare verb looks ahead", "The cold would last through the weekend.", []want{{"the weekend", Date, "2021-W52-WE", ""}}},
		{"told to travel looks ahead", "Passengers have been told to travel only if necessary from Tuesday to Saturday.",
			[]want{{"Tuesday", Date, "2022-01-04", ""}, {"Saturday", Date, "2022-01-08", ""}}},
		{"a fiscal year in two digits", "Revenue for FY22 rose.", []want{{"FY22", Date, "2022", ""}}},
		{"a tournament named for a year", "Italy won Euro 2020.", nil},
		{"a day in the lead's past is the story's, for its clock times",
			"Police are hunting men who stole watches in Mayfair on Tuesday afternoon. They smashed a window at about 3.40pm.",
			[]want{{"Tuesday afternoon", Time, "2021-12-28TAF", ""}, {"about 3.40pm", Time, "2021-12-28T15:40", "APPROX"}}},
		{"a day that is background leaves clock times on the reference day",
			"Stocks are climbing as shares recover from a sell-off that began on Tuesday. At 12:30 p.m., the index was up.",
			[]want{{"Tuesday", Date, "2021-12-28", ""}, {"12:30 p.m.", Time, "2021-12-30T12:30", ""}}},
		{"a day in the past perfect is background", "The agency had warned on Monday of delays. Flights were late as of 2 p.m.",
			[]want{{"Monday", Date, "2021-12-27", ""}, {"2 p.m", Time, "2021-12-30T14:00", ""}}},
		{"a holiday from the table", "Veterans will march on Remembrance Sunday.", []want{{"Remembrance Sunday", Date, "2022-11-13", ""}}},
		{"a holiday counted from Easter", "Ash Wednesday marks the start of Lent.", []want{{"Ash Wednesday", Date, "2022-03-02", ""}}},
		{"Boxing Day", "Boxing Day sales began.", []want{{"Boxing Day", Date, "2021-12-26", ""}}},
		{"the Chinese New Year is not January 1", "Chinese New Year falls on 1 February.", []want{{"1 February", Date, "2022-02-01", ""}}},
		{"through a weekday in the present looks ahead", "The strike continues through Saturday.", []want{{"Saturday", Date, "2022-01-01", ""}}},
		{"through a weekday in the past", "Talks continued through Monday.", []want{{"Monday", Date, "2021-12-27", ""}}},
		{"a present passive of a schedule looks ahead", "The festival is held in June.", []want{{"June", Date, "2022-06", ""}}},
		{"a time last night", "He was arrested at 11pm last night.", []want{{"11pm last night", Time, "2021-12-29T23:00", ""}}},
		{"noon before on and a day", "The deadline is noon on Friday.",
			[]want{{"noon", Time, "2021-12-31T12:00", ""}, {"Friday", Date, "2021-12-31", ""}}},
		{"a bare clock time before a day", "Bids are due 17:00 Friday.", []want{{"17:00 Friday", Time, "2021-12-31T17:00", ""}}},
		{"midnight in the past ended the day before", "The crash happened shortly before midnight.",
			[]want{{"midnight", Time, "2021-12-29T24:00", ""}}},
		{"a hyphenated fraction", "It took two-and-a-half years.", []want{{"two-and-a-half years", Duration, "P2Y6M", ""}}},
		{"the final quarter of a year", "in the final quarter of 2019", []want{{"the final quarter of 2019", Date, "2019-Q4", ""}}},
		{"the back half of the year", "in the back half of the year", []want{{"the back half of the year", Date, "2021-H2", ""}}},
		{"a quarter and an apostrophe year", "Q3'20 sales rose.", []want{{"Q3'20", Date, "2020-Q3", ""}}},
		{"a season and an apostrophe year", "They toured in summer '98.", []want{{"summer '98", Date, "1998-SU", ""}}},
		{"a month and an apostrophe year", "It opened in Jan '19.", []want{{"Jan '19", Date, "2019-01", ""}}},
		{"a two-digit fiscal year before a full stop", "Profit fell in FY20.", []want{{"FY20", Date, "2020", ""}}},
		{"the year to a month is a year's span", "Prices fell in the year to February.",
			[]want{{"the year", Duration, "P1Y", ""}, {"February", Date, "2021-02", ""}}},
		{"a label before a year", "see page 2021 and Flight BA2020", nil},
		{"a phone number is no year", "Call 0800 123 2020 now.", []want{{"now", Date, "PRESENT_REF", ""}}},
		{"9/11 is a day", "after 9/11 airports changed", []want{{"9/11", Date, "2001-09-11", ""}}},
		{"every other week", "They meet every other week.", []want{{"every other week", Set, "P2W", ""}}},
		{"every weekend", "He visits every weekend.", []want{{"every weekend", Set, "XXXX-WXX-WE", ""}}},
		{"three times a day", "Take it three times a day.", []want{{"three times a day", Set, "P1D", ""}}},
		{"an ordinal word of a month", "The talks resume on the third of March.", []want{{"third of March", Date, "2022-03-03", ""}}},
		{"a compound ordinal word of a month", "on the twenty-first of June", []want{{"twenty-first of June", Date, "2022-06-21", ""}}},
		{"a fraction of a month is no day", "a third of March's sales", []want{{"March", Date, "2021-03", ""}}},
		{"the verb plans looks ahead", "On Friday, the company plans to sign.",
			[]want{{"Friday", Date, "2021-12-31", ""}}},
		{"the end of the month", "by the end of the month",
			[]want{{"the end of the month", Date, "2021-12", "END"}}},
		{"later this year", "due later this year", []want{{"later this year", Date, "2021", "END"}}},
		{"a season with this", "this summer", []want{{"this summer", Date, "2021-SU", ""}}},
		{"a quarter in a report is the latest such quarter", "profit in the third quarter rose",
			[]want{{"the third quarter", Date, "2021-Q3", ""}}},
		{"a half", "in the first half of 2021", []want{{"the first half of 2021", Date, "2021-H1", ""}}},
		{"Q3 with a year", "results for Q3 2021", []want{{"Q3 2021", Date, "2021-Q3", ""}}},
		{"a fiscal year abbreviation", "in FY2021", []want{{"FY2021", Date, "2021", ""}}},
		{"a two-digit decade", "in the 90s", []want{{"the 90s", Date, "199", ""}}},
		{"a season after a preposition", "Talks will resume in spring.", []want{{"spring", Date, "2022-SP", ""}}},
		{"a past verb before the day sends a day-month date back", "The truce, agreed on 5 January, held.",
			[]want{{"5 January", Date, "2021-01-05", ""}}},
		{"a decade", "in the 1990s", []want{{"the 1990s", Date, "199", ""}}},
		{"Christmas", "before Christmas", []want{{"Christmas", Date, "2021-12-25", ""}}},
		{"New Year's Day", "on New Year's Day", []want{{"New Year's Day", Date, "2022-01-01", ""}}},
		{"New Year's alone", "home for the New Year's holiday", []want{{"New Year's", Date, "2022-01-01", ""}}},
		{"a season needs a year after of", "since the fall of the Berlin Wall", nil},
		{"the fall of a year", "in the fall of 1998", []want{{"the fall of 1998", Date, "1998-FA", ""}}},
		{"a count after than is not a year", "more than 2000 people", nil},

		// times
		{"p.m. with a zone", "at 3 p.m. EST", []want{{"3 p.m. EST", Time, "2021-12-30T15:00-05:00", ""}}},
		{"noon", "by noon", []want{{"noon", Time, "2021-12-30T12:00", ""}}},
		{"a weekday with a part of day", "Thursday evening", []want{{"Thursday evening", Time, "2021-12-30TEV", ""}}},

		// durations, sets, ranges, vague references
		{"a duration in words", "talked for two hours", []want{{"two hours", Duration, "PT2H", ""}}},
		{"for three days", "stayed for three days", []want{{"three days", Duration, "P3D", ""}}},
		{"the past N years", "over the past three years", []want{{"the past three years", Duration, "P3Y", ""}}},
		{"a hyphenated duration", "a 10-year plan", []want{{"10-year", Duration, "P10Y", ""}}},
		{"every week is a set", "meets every week", []want{{"every week", Set, "P1W", ""}}},
		{"a rate after an amount is not marked, as in TimeBank", "$5 million a year", nil},
		{"an age is not a duration", "Mr. Smith, 52 years old, said", nil},
		{"a year range gives both years", "between 2019 and 2021",
			[]want{{"2019", Date, "2019", ""}, {"2021", Date, "2021", ""}}},
		{"a day range gives each day its month", "from 10 to 12 January",
			[]want{{"10", Date, "2022-01-10", ""}, {"12 January", Date, "2022-01-12", ""}}},
		{"recently is PAST_REF", "recently said", []want{{"recently", Date, "PAST_REF", ""}}},
		{"an approximator is the mod, not the span", "for about five hours", []want{{"five hours", Duration, "PT5H", "APPROX"}}},
		{"half units become the smaller unit", "for 2 1/2 years", []want{{"2 1/2 years", Duration, "P2Y6M", ""}}},
		{"decades-long", "a decades-long dispute", []want{{"decades-long", Duration, "PXY", ""}}},
		{"the quarter ended a month is the quarter of its middle month", "profit for the quarter ended Sept. 30",
			[]want{{"the quarter", Date, "2021-Q3", ""}, {"Sept. 30", Date, "2021-09-30", ""}}},
		{"a quarter ended July 31 ran from May, mostly Q2", "In the quarter ended July 31, sales rose.",
			[]want{{"the quarter", Date, "2021-Q2", ""}, {"July 31", Date, "2021-07-31", ""}}},
		{"a fiscal quarter takes the year of its end", "the second quarter ended Dec. 31 brought a loss",
			[]want{{"the second quarter", Date, "2020-Q2", ""}, {"Dec. 31", Date, "2020-12-31", ""}}},
		{"a year earlier in an earnings report is the quarter a year before", "Third-quarter profit rose from a year earlier.",
			[]want{{"Third-quarter", Date, "2021-Q3", ""}, {"a year earlier", Date, "2020-Q3", ""}}},
		{"the week of a date", "a hearing the week of March 6", []want{{"the week of March 6", Date, "2022-W09", ""}}},
		{"a plan in the past perfect is past", "The offer had been due to expire Friday.",
			[]want{{"Friday", Date, "2021-12-24", ""}}},
		{"a time takes the day after it", "the deadline is 9 a.m. Tuesday", []want{{"9 a.m. Tuesday", Time, "2022-01-04T09:00", ""}}},
		{"in N years in a plan is a date", "The bonds will be redeemed in five years.", []want{{"five years", Date, "2026", ""}}},
		{"the past year is the year before", "over the past year", []want{{"the past year", Date, "2020", ""}}},
		{"now is PRESENT_REF", "is now", []want{{"now", Date, "PRESENT_REF", ""}}},
		{"soon in a plan is FUTURE_REF", "They will meet soon.", []want{{"soon", Date, "FUTURE_REF", ""}}},
		{"as soon as is a conjunction", "as soon as they arrive", nil},

		// tense, parts of day, lists and sets
		{"a verb of saying far off leaves the tense to the reported clause", "The ruling is expected on Friday, officials in the capital said.",
			[]want{{"Friday", Date, "2021-12-31", ""}}},
		{"until sets a deadline ahead even after a past verb", "They postponed the vote until Tuesday.",
			[]want{{"Tuesday", Date, "2022-01-04", ""}}},
		{"until at the start of a past clause looks back", "Until Tuesday, they had not called him a suspect.",
			[]want{{"Tuesday", Date, "2021-12-28", ""}}},
		{"were planning looks ahead", "Protesters were planning a march on Saturday.",
			[]want{{"Saturday", Date, "2022-01-01", ""}}},
		{"a weekday night is valued as the day", "The attack came Monday night.",
			[]want{{"Monday night", Date, "2021-12-27", ""}}},
		{"plural weekdays are sets", "Flights leave on Mondays and Tuesday nights.",
			[]want{{"Mondays", Set, "XXXX-WXX-1", ""}, {"Tuesday nights", Set, "XXXX-WXX-2TNI", ""}}},
		{"the second day of a list takes the month of the first", "the summit on April 24 and 25",
			[]want{{"April 24", Date, "2022-04-24", ""}, {"25", Date, "2022-04-25", ""}}},
		{"a weekday after a parenthesis dates the time but is marked alone", "The blast occurred at 10:35 a.m. (0735 GMT) Wednesday.",
			[]want{{"10:35 a.m.", Time, "2021-12-29T10:35", ""}, {"Wednesday", Date, "2021-12-29", ""}}},
		{"mid-afternoon yesterday", "at mid-afternoon yesterday", []want{{"mid-afternoon yesterday", Time, "2021-12-29TAF", "MID"}}},
		{"vague futures", "in the near future and at a later date",
			[]want{{"the near future", Date, "FUTURE_REF", ""}, {"a later date", Date, "FUTURE_REF", ""}}},
		{"this past spring is the last spring", "scrapped this past spring", []want{{"this past spring", Date, "2021-SP", ""}}},
		{"Election Day", "He will campaign until Election Day.", []want{{"Election Day", Date, "2022-11-08", ""}}},
		{"Easter week", "as Easter week began", []want{{"Easter week", Date, "2021-W13", ""}}},
		{"current before a noun is PRESENT_REF", "the current crisis", []want{{"current", Date, "PRESENT_REF", ""}}},
		{"current account is no timex", "the current account deficit", nil},
		{"the current fiscal year", "sales in the current fiscal year", []want{{"the current fiscal year", Date, "2021", ""}}},
		{"number words with a space", "in the last twenty four hours", []want{{"the last twenty four hours", Duration, "PT24H", ""}}},
		{"two thousand years is a duration", "for more than two thousand years", []want{{"more than two thousand years", Duration, "P2000Y", "MORE_THAN"}}},
		{"more before the unit", "for two more weeks", []want{{"two more weeks", Duration, "P2W", ""}}},
		{"a couple of units after a lead", "over the next couple of years", []want{{"the next couple of years", Duration, "P2Y", ""}}},
		{"trading days are days", "Eight trading days after the plunge", []want{{"Eight trading days", Duration, "P8D", ""}}},
		{"for a while is an unknown duration", "they will live without it for a while.", []want{{"a while", Duration, "PXX", ""}}},
		{"a while ago is not a duration", "Once in a while it rained.", nil},
		{"the adjective recent alone is left out", "the recent collapse of the junk-bond market", nil},
		{"a capitalized Today after a name is a title", "He told USA Today. This is VOA Today.", nil},
		{"one day after a modal is some day to come", "Islam will one day be the second largest religion",
			[]want{{"one day", Date, "FUTURE_REF", ""}}},
		{"the latest fiscal year is the last complete one", "sales in the latest fiscal year",
			[]want{{"the latest fiscal year", Date, "2020", ""}}},
		{"a passive after will looks ahead", "Collins will be named commander of the space shuttle for a mission in March.",
			[]want{{"March", Date, "2022-03", ""}}},
		{"day-long", "a day-long meeting", []want{{"day-long", Duration, "P1D", ""}}},
		{"the weeks ahead", "in the weeks ahead", []want{{"the weeks ahead", Duration, "PXW", ""}}},
		{"a rate after a counted noun is not marked", "four flights a week", nil},
		{"a four-digit clock time is no year", "at midnight (2200 GMT)", []want{{"midnight", Time, "2021-12-30T24:00", ""}}},
		{"a quoted title is no date", `said on ABC's "This Week," that`, nil},
		{"last year in a comparison is the quarter in focus a year before",
			"Third-quarter net was $5 million, compared with $3 million last year.",
			[]want{{"Third-quarter", Date, "2021-Q3", ""}, {"last year", Date, "2020-Q3", ""}}},
		{"a year-ago comparison of nine months is the year",
			"Third-quarter profit rose. For the nine months, net was $5.2 million, up from $4.1 million a year earlier.",
			[]want{{"Third-quarter", Date, "2021-Q3", ""}, {"the nine months", Duration, "P9M", ""}, {"a year earlier", Date, "2020", ""}}},
		{"the last half of a year", "earnings for the last half of 1989", []want{{"the last half of 1989", Date, "1989-H2", ""}}},
		{"the first two quarters of a year are its first half", "through the first two quarters of 1990",
			[]want{{"the first two quarters of 1990", Date, "1990-H1", ""}}},
		{"the n-th weekday of a month", "The season will start on the first Monday of May.",
			[]want{{"the first Monday of May", Date, "2022-05-02", ""}}},
		{"earlier in the week", "Earlier in the week, talks stalled.", []want{{"Earlier in the week", Date, "2021-W52", "START"}}},
		{"later before a weekday is no plan", "Later Monday, he left.", []want{{"Monday", Date, "2021-12-27", ""}}},
		{"a season with a year", "in spring 2014", []want{{"spring 2014", Date, "2014-SP", ""}}},
		{"that week is the week of the last day named", "He arrived on March 3, 2020. Later that week, he resigned.",
			[]want{{"March 3, 2020", Date, "2020-03-03", ""}, {"that week", Date, "2020-W10", ""}}},
		{"a present of schedule looks ahead", "The two-day summit opens Friday.", []want{{"two-day", Duration, "P2D", ""}, {"Friday", Date, "2021-12-31", ""}}},
		{"the previous weekday is the one before the last day named", "Shares closed lower Tuesday, down 4.5% from the previous Tuesday.",
			[]want{{"Tuesday", Date, "2021-12-28", ""}, {"the previous Tuesday", Date, "2021-12-21", ""}}},
		{"the day before a day", "He returned the day before yesterday.", []want{{"day before yesterday", Date, "2021-12-28", ""}}},
		{"next to is a place, not a plan", "A bomb ripped through a building next to the embassy Wednesday morning.",
			[]want{{"Wednesday morning", Time, "2021-12-29TMO", ""}}},
		{"due to a cause is no plan", "Flights were cancelled Wednesday due to the storm.", []want{{"Wednesday", Date, "2021-12-29", ""}}},
		{"the same period last year", "Third-quarter sales fell from the same period last year.",
			[]want{{"Third-quarter", Date, "2021-Q3", ""}, {"the same period last year", Date, "2020-Q3", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Tag(tc.text, thursday)
			var gw []want
			for _, x := range got {
				gw = append(gw, want{x.Text, x.Type, string(x.Value), x.Mod})
			}
			if len(gw) != len(tc.want) {
				t.Fatalf("Tag(%q) = %v, want %v", tc.text, gw, tc.want)
			}
			for i := range gw {
				if gw[i] != tc.want[i] {
					t.Errorf("Tag(%q)[%d] = %v, want %v", tc.text, i, gw[i], tc.want[i])
				}
			}
			// Rules look back a few words: every tail of the text, cut at
			// a word, must tag without a panic and with sound offsets.
			for i := range tc.text {
				if i == 0 || tc.text[i-1] == ' ' {
					checkInvariants(t, tc.text[i:], Tag(tc.text[i:], thursday))
				}
			}
		})
	}
}

// checkInvariants fails t unless tx are well-formed expressions of text.
func checkInvariants(t testing.TB, text string, tx []Timex) {
	// The boundaries a UTF-8 decoder sees (an invalid byte is one rune).
	bounds := make([]bool, len(text)+1)
	for i := range text {
		bounds[i] = true
	}
	bounds[len(text)] = true
	prev := 0
	for i, x := range tx {
		if x.Start < prev || x.Start >= x.End || x.End > len(text) {
			t.Fatalf("timex %d %+v: bad offsets (previous end %d, len %d)", i, x, prev, len(text))
		}
		if !bounds[x.Start] || !bounds[x.End] {
			t.Fatalf("timex %d %+v: offsets split a UTF-8 sequence", i, x)
		}
		if x.Text != text[x.Start:x.End] {
			t.Fatalf("timex %d: Text %q != input %q", i, x.Text, text[x.Start:x.End])
		}
		switch x.Type {
		case Date, Time, Duration, Set:
		default:
			t.Fatalf("timex %d: type %q", i, x.Type)
		}
		if x.Value == "" {
			t.Fatalf("timex %d %+v: empty value", i, x)
		}
		prev = x.End
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"", "their phone call Thursday", "Dec. 30, 2021 at 20:30 GMT", "12/30/2021",
		"from 10 to 12 January", "the past three years", "100,000 forces", "a year ago", "mid-1990s",
		"the third quarter of 1990", "’90s", "2021-12-30", "3 p.m. EST Thursday", "\xff\xfe May 5",
		"Christmas Eve", "twenty-five years", "two and a half years ago", "at 9 a.m. 5 January",
		"Q3 2021", "the 90s", "that day", "the following month", "until 9 a.m. EST Tuesday",
		"The year 1989 was pivotal.", "Twice a week", "A year earlier", "The day before, it rained.",
		"Black Friday", "0900 GMT on Sunday", "at 9am.", "April Smith", "Section 1983"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		ref := thursday.AddDate(0, 0, int(days%200000))
		checkInvariants(t, s, Tag(s, ref))
	})
}

// corpusTexts reads the dev corpora texts beside the repository.
func corpusTexts(tb testing.TB) []string {
	testshared.Need(tb, "../../../shared/corpora/timex-dev")
	files, _ := filepath.Glob("../../../shared/corpora/timex-dev/*/*.txt")
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func TestCorpusInvariants(t *testing.T) {
	for _, s := range corpusTexts(t) {
		checkInvariants(t, s, Tag(s, thursday))
	}
}

func BenchmarkTag(b *testing.B) {
	texts := corpusTexts(b)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			Tag(s, thursday)
		}
	}
}

func TestPrecision(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"2021", "year"}, {"2021-12", "month"}, {"2021-12-30", "day"}, {"2021-W52", "week"},
		{"2021-12-30T20:30Z", "time"}, {"2021-12-30TEV", "time"}, {"2021-Q3", "quarter"},
		{"2021-SU", "season"}, {"2021-H1", "half"}, {"199", "decade"}, {"20", "century"},
		{"P3D", "duration"}, {"PAST_REF", "vague"}, {"XXXX-WXX-1", "set"}, {"2021-W52-WE", "week"},
		{"", ""}, {"garbage", ""},
	} {
		if got := Precision(tc.value); got != tc.want {
			t.Errorf("Precision(%q) = %q, want %q", tc.value, got, tc.want)
		}
	}
	_ = strings.TrimSpace
}

func TestAnaphora(t *testing.T) {
	for _, tc := range []struct{ name, text, last, value string }{
		{"that day is the last day named", "He arrived on March 3, 2020. That day he spoke.", "That day", "2020-03-03"},
		{"the next day follows it", "He arrived on March 3, 2020. He left the next day.", "the next day", "2020-03-04"},
		{"the following year follows the last year named", "The plant opened in 1995 and closed the following year.", "the following year", "1996"},
		{"the following month follows the last month named", "Talks began in April 2019 and ended the following month.", "the following month", "2019-05"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Tag(tc.text, thursday)
			if len(got) == 0 || got[len(got)-1].Text != tc.last || string(got[len(got)-1].Value) != tc.value {
				t.Errorf("Tag(%q) = %+v, want last %q = %s", tc.text, got, tc.last, tc.value)
			}
		})
	}
}

// TestClockDays dates the clock times of testdata/clock (which day a time
// with no date of its own belongs to) and fails if fewer come out right
// than the tagger reaches now: 25/25 story, 18/25 publication-day and
// 5/10 mixed cases.
func TestClockDays(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "clock", "cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	right, total := map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c struct {
			ID, DCT, Text, Clock, Day, Kind string
			Occurrence                      int
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		ref, err := time.Parse("2006-01-02", c.DCT)
		if err != nil {
			t.Fatal(err)
		}
		start, from := -1, 0
		for n := 0; n < max(c.Occurrence, 1); n++ {
			k := strings.Index(c.Text[from:], c.Clock)
			if k < 0 {
				t.Fatalf("%s: %q not in the text", c.ID, c.Clock)
			}
			start, from = from+k, from+k+1
		}
		end := start + len(c.Clock)
		got := ""
		for _, x := range Tag(c.Text, ref) {
			if x.Start < end && start < x.End && len(x.Value) >= 10 {
				got = string(x.Value[:10])
				break
			}
		}
		total[c.Kind]++
		if got == c.Day {
			right[c.Kind]++
		} else {
			t.Logf("%s (%s): %q on %s, want %s", c.ID, c.Kind, c.Clock, got, c.Day)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for kind, floor := range map[string]int{"story": 25, "dct": 18, "mixed": 5} {
		t.Logf("%s: %d/%d right", kind, right[kind], total[kind])
		if right[kind] < floor {
			t.Errorf("%s: %d/%d clock times on the right day, want at least %d", kind, right[kind], total[kind], floor)
		}
	}
}

func TestTagBlocksCarriesTheStoryAcrossBlocks(t *testing.T) {
	ref := time.Date(2021, 12, 30, 0, 0, 0, 0, time.UTC)
	texts := []string{"The storm hit the coast on Monday.", "By 8 p.m., the spire had collapsed."}
	got := TagBlocks(texts, ref)
	if len(got) != 2 || len(got[1]) != 1 {
		t.Fatalf("TagBlocks = %+v", got)
	}
	x := got[1][0]
	if texts[1][x.Start:x.End] != x.Text {
		t.Errorf("offsets %+v are not into the second text", x)
	}
	if x.Value != "2021-12-27T20:00" {
		t.Errorf("8 p.m. after a paragraph about Monday = %s, want Monday's 2021-12-27T20:00", x.Value)
	}
	if alone := Tag(texts[1], ref); len(alone) != 1 || alone[0].Value != "2021-12-30T20:00" {
		t.Errorf("tagged alone %+v: want the reference day", alone)
	}
}
