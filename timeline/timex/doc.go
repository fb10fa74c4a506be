// Package timex finds temporal expressions in English news text and
// normalizes them to TIMEX3 values resolved against a reference date,
// usually the article's publication date.
//
// [Tag] is the entry point. It works in three steps, one file each:
//
//   - scan.go splits the text into tokens (words, digit runs, single
//     punctuation) that keep their byte offsets; lexicon.go tells in one
//     map lookup what a word can be (a month, a weekday, a unit, a number,
//     a tense cue).
//   - tag.go tries a small set of rules at each token that can start an
//     expression and keeps the longest match: calendar dates, numeric
//     dates and years, relative dates ("last week"), fiscal quarters,
//     holidays, modified dates ("early December"), counted units ("two
//     hours", "three days ago"), clock times, sets and vague references.
//   - resolve.go turns what a rule read into a TIMEX3 value against the
//     reference date. Where the text leaves the year or the week open
//     ("Friday", "in January"), the tense of the clause decides: the
//     nearest cue word ("will", "due to", "said", "met", "-ed") sends the
//     date forward or back.
//
// The values follow the TimeML annotation guidelines as TimeBank applies
// them: "this week" is 2021-W52, "the third quarter" 2021-Q3, "early
// December" 2021-12 with mod START, "recently" PAST_REF, "for three days"
// the duration P3D (without "for"), "a year earlier" in an earnings report
// the quarter in focus a year before (but the year when the sentence
// reports nine months or a year), "Friday night" the day alone, "on
// Mondays" the set XXXX-WXX-1, "the quarter ended July 31" the quarter of
// its middle month (2021-Q2) and "the second quarter ended Oct. 31" the
// year of its end.
//
// A verb of saying gives a date its tense next to it ("said Friday"),
// when the date opens the sentence ("On Monday, the minister said she
// would...") or comes before "that" ("told reporters on Wednesday that");
// further off, the reported clause decides ("the ruling, which is
// expected Friday, they said" looks ahead), and a day in it counts from
// the day it was said ("said on Tuesday that the truce would start on
// Wednesday").
//
// Some expressions count from the story rather than the reference date:
// "the next day", "the previous year", "the year before", "that same
// day" from the last point the text named (a holiday included), and a
// clock time with no day of its own takes the day its sentence, or the
// story shortly before it, named ("On Monday ... By 8 p.m., the spire had
// fallen"). A year that opens a sentence ("In 2016,") sets the year of
// the months and days after it.
//
// Nothing in the package reads the clock: the reference date is always
// given, so output is deterministic.
package timex
