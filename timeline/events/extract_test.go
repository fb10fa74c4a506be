package events

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/article"
)

// parse reads body as a plain-text article published on Thursday 30
// December 2021, the seed article's date.
func parse(t testing.TB, body string) *article.Article {
	t.Helper()
	a, err := article.Parse("test.txt", []byte("Test article\n\nDecember 30, 2021\n\n"+body+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestExtractRules(t *testing.T) {
	type want struct {
		typ       Type
		status    Status
		date, mod string
		actors    []string
		place     string
	}
	tests := []struct {
		name string
		body string
		want []want
	}{
		{"a phone call in the past takes the weekday before the publication date",
			"Joe Biden and Vladimir Putin spoke by phone on Tuesday.",
			[]want{{Call, Occurred, "2021-12-28", "", []string{"Joe Biden", "Vladimir Putin"}, ""}}},
		{"a future meeting takes the next weekday and its place",
			"Antony Blinken will meet Sergei Lavrov in Geneva on Friday.",
			[]want{{Meeting, Planned, "2021-12-31", "", []string{"Antony Blinken", "Sergei Lavrov"}, "Geneva"}}},
		{"early December keeps month precision with mod START",
			"Biden warned Putin in early December of severe consequences.",
			[]want{{Warning, Occurred, "2021-12", "START", []string{"Joe Biden", "Vladimir Putin"}, ""}}},
		{"a reporting verb without a date takes the publication date",
			"Kremlin spokesman Dmitry Peskov told reporters that Moscow was ready.",
			[]want{{Statement, Occurred, "2021-12-30", "", []string{"Dmitry Peskov"}, ""}}},
		{"a capital speaks for its country",
			"Moscow said it would not back down.",
			[]want{{Statement, Occurred, "2021-12-30", "", []string{"Russia"}, ""}}},
		{"spelling variants fold to one name",
			"Ukrainian President Volodymyr Zelenskiy said on Wednesday that help was coming.",
			[]want{{Statement, Occurred, "2021-12-29", "", []string{"Volodymyr Zelensky"}, ""}}},
		{"a negated statement is no event", "Peskov did not comment on the report.", nil},
		{"a hypothetical meeting is no event", "Russia denied that it plans to meet NATO officials.",
			[]want{{Statement, Occurred, "2021-12-30", "", []string{"Russia"}, ""}}},
		{"a conditional response is no event", "Washington is prepared to respond if Moscow threatens Kyiv.", nil},
		{"a future statement is what a coming event will carry, not an event", "Biden will tell Putin that the West is united.", nil},
		{"naming something is not a phone call", "The United States called the proposals non-starters.", nil},
		{"calling for something is a demand",
			"NATO on Monday called for an immediate withdrawal.",
			[]want{{Demand, Occurred, "2021-12-27", "", []string{"NATO"}, ""}}},
		{"an event noun governed by a light verb takes the verb's date",
			"Moscow earlier this month presented sweeping security demands.",
			[]want{{Demand, Occurred, "2021-12", "START", []string{"Russia"}, ""}}},
		{"a month ahead is in the next year",
			"The two sides will hold talks in Geneva in January.",
			[]want{{Meeting, Planned, "2022-01", "", []string{}, "Geneva"}}},
		{"words inside a quotation are not events",
			`"Only through talks can we solve this," Peskov said.`,
			[]want{{Statement, Occurred, "2021-12-30", "", []string{"Peskov"}, ""}}},
		{"a statement noun with no one speaking is no event", "The report was published.", nil},
		{"a role with a nationality resolves to the person with that title",
			"Russian President Vladimir Putin spoke on Monday. The Russian leader said on Tuesday that talks were useful.",
			[]want{{Statement, Occurred, "2021-12-27", "", []string{"Vladimir Putin"}, ""}, {Statement, Occurred, "2021-12-28", "", []string{"Vladimir Putin"}, ""}}},
		{"a passive reporting verb of a thing is no statement", "The new jet was revealed in January.", nil},
		{"adding a thing is no remark", "The phone is smaller, adding video playback to its features.", nil},
		{"a quotation running over sentences hides its words, not the verb after it",
			`"We will talk. We will meet," said Peskov.`,
			[]want{{Statement, Occurred, "2021-12-30", "", []string{"Peskov"}, ""}}},
		{"an inch mark opens no quotation", `The phone has a 5" screen. Apple said on Monday that sales were strong.`,
			[]want{{Statement, Occurred, "2021-12-27", "", []string{"Apple"}, ""}}},
		{"a call on a day is a call, not a demand", "Biden and Putin held a call on Monday.",
			[]want{{Call, Occurred, "2021-12-27", "", []string{"Joe Biden", "Vladimir Putin"}, ""}}},
		{"a phone call to someone is a call", "Biden made a phone call to Putin on Tuesday.",
			[]want{{Call, Occurred, "2021-12-28", "", []string{"Joe Biden", "Vladimir Putin"}, ""}}},
		{"after a week, the month is not known", "NATO and Russia held talks last week. Following the talks, Biden met Putin.",
			[]want{{Meeting, Occurred, "2021-W51", "", []string{"NATO", "Russia"}, ""}}},
		{"a known name before an unknown word is one name", "The Elysee Palace said on Monday that talks would go on.",
			[]want{{Statement, Occurred, "2021-12-27", "", []string{"Elysee Palace"}, ""}}},
		{"his spokesman without a name is the spokesman of the person named last",
			"Putin spoke to reporters on Monday. His spokesman said on Tuesday that no talks were planned.",
			[]want{{Statement, Occurred, "2021-12-27", "", []string{"Vladimir Putin"}, ""}, {Statement, Occurred, "2021-12-28", "", []string{"Vladimir Putin's spokesman"}, ""}}},
		{"an undated past event in the lead is part of the news the lead dates",
			"NATO said on Thursday that the risk was high. Zbigniew Rau opened a meeting of the OSCE Permanent Council in Vienna.",
			[]want{{Statement, Occurred, "2021-12-30", "", []string{"NATO"}, ""}, {Meeting, Occurred, "2021-12-30", "", []string{"Zbigniew Rau", "OSCE Permanent Council"}, "Vienna"}}},
		{"an undated event that is not a statement is left out", "Putin and Biden met in Geneva.", nil},
		{"words said in a document are said when it came out", "NATO warned in a letter sent on Monday that the risk was high.",
			[]want{{Warning, Occurred, "2021-12-27", "", []string{"NATO"}, ""}}},
		{"a date between calling and what was called for", "NATO called on Monday for more troops.",
			[]want{{Demand, Occurred, "2021-12-27", "", []string{"NATO"}, ""}}},
		{"the negotiating table names no talks", "NATO called on Monday for more troops. Biden called earlier this week on both sides to find a way to the negotiating table.",
			[]want{{Demand, Occurred, "2021-12-27", "", []string{"NATO"}, ""}, {Demand, Occurred, "2021-W52", "START", []string{"Joe Biden"}, ""}}},
		{"flying somewhere is a visit", "Biden flew to Geneva on Monday.",
			[]want{{Visit, Occurred, "2021-12-27", "", []string{"Joe Biden"}, "Geneva"}}},
		{"flying over or higher is no visit", "The jet flew over Geneva on Monday. Shares flew higher on Monday.", nil},
		{"what a speaker goes on to say is said on the same occasion",
			"NATO warned on Monday that the risk was high. It called for more troops.",
			[]want{{Warning, Occurred, "2021-12-27", "", []string{"NATO"}, ""}, {Demand, Occurred, "2021-12-27", "", []string{"NATO"}, ""}}},
		{"a demand told with a verb and no date is dated as a statement is",
			"NATO said on Thursday that the risk was high. Later in the text, NATO urged Russia to withdraw.",
			[]want{{Statement, Occurred, "2021-12-30", "", []string{"NATO"}, ""}, {Demand, Occurred, "2021-12-30", "", []string{"NATO", "Russia"}, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, e := range Extract(parse(t, tt.body)) {
				got = append(got, want{e.Type, e.Status, string(e.Date), e.Mod, e.Actors, e.Place})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Extract(%q)\n got %+v\nwant %+v", tt.body, got, tt.want)
			}
		})
	}
}

func TestRepeatedMentionsBecomeOneEvent(t *testing.T) {
	a := parse(t, "Biden and Putin will hold a phone call on Thursday.\n\n"+
		"The call, which will begin at 20:30 GMT, comes ahead of talks in January.\n\n"+
		"Kremlin spokesman Dmitry Peskov told reporters the call was Putin's idea. \"We are ready,\" Peskov said.")
	var calls, peskov []Event
	for _, e := range Extract(a) {
		switch {
		case e.Type == Call:
			calls = append(calls, e)
		case e.Type == Statement && len(e.Actors) > 0 && e.Actors[0] == "Dmitry Peskov":
			peskov = append(peskov, e)
		}
	}
	if len(calls) != 1 || len(calls[0].Sources) != 3 || calls[0].Date != "2021-12-30T20:30Z" {
		t.Errorf("calls = %+v, want one call at 2021-12-30T20:30Z with three sources", calls)
	}
	if len(peskov) != 1 || len(peskov[0].Sources) != 2 {
		t.Errorf("Peskov's statements = %+v, want one with two sources", peskov)
	}
}

func TestSourcesPointAtTheSentenceInTheFile(t *testing.T) {
	a := parse(t, "Biden, who is at home, will stress in his call with\n\nPutin that the path is open, an official told reporters.")
	evs := Extract(a)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for _, e := range evs {
		for _, s := range e.Sources {
			raw := string(a.Raw[s.Start:s.End])
			if !strings.HasPrefix(raw, "Biden, who") || !strings.HasSuffix(raw, "told reporters.") {
				t.Errorf("%s source [%d,%d) = %q, want the whole sentence across the blank line", e.Type, s.Start, s.End, raw)
			}
		}
	}
}

func TestAliasesFromContent(t *testing.T) {
	extra, err := ParseAliases(strings.NewReader("European Commission | org | Brussels, the Commission\n"), "aliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	x := Extractor{Aliases: DefaultAliases().With(extra)}
	evs := x.Extract(parse(t, "Brussels said on Tuesday that sanctions were ready."))
	if len(evs) != 1 || !reflect.DeepEqual(evs[0].Actors, []string{"European Commission"}) {
		t.Errorf("events = %+v, want one statement by the European Commission", evs)
	}
	for _, bad := range []string{"Russia | country\n", "X | planet | Y\n", " | org | Y\n"} {
		if _, err := ParseAliases(strings.NewReader(bad), "aliases.txt"); err == nil || !strings.HasPrefix(err.Error(), "aliases.txt:1: ") {
			t.Errorf("ParseAliases(%q) error = %v, want aliases.txt:1: ...", bad, err)
		}
	}
}

func TestMarkdownSourcesEndAtTheSentence(t *testing.T) {
	raw := "---\ntitle: T\ndate: 2021-12-30\n---\n**Biden met Putin in Geneva on Monday.** Then Peskov told reporters the talks were good.\n"
	a, err := article.Parse("t.md", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Extract(a) {
		for _, s := range e.Sources {
			if got := raw[s.Start:s.End]; strings.HasSuffix(got, "*") || strings.HasPrefix(got, "*") {
				t.Errorf("%s source %q takes in markup", e.Type, got)
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Biden and Putin spoke by phone on Tuesday. \"We agree,\" Peskov said.")
	f.Add("The call, which will begin at 20:30 GMT, comes ahead of talks in Geneva in January.")
	f.Add("Following the Geneva talks, Russian delegates will meet NATO ahead of a meeting of the OSCE.")
	f.Add("U.S.-Russia talks\u2014\"said\" \u201cthe call\u201d Zelenskiy's 'message' Mr. J. R. Smith warned.")
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		a, err := article.Parse("fuzz.txt", []byte("Title\n\nDecember 30, 2021\n\n"+body))
		if err != nil {
			return
		}
		for _, e := range Extract(a) {
			if e.Date == "" || len(e.Sources) == 0 {
				t.Fatalf("event without date or sources: %+v", e)
			}
			for _, s := range e.Sources {
				if s.Start < 0 || s.Start >= s.End || s.End > len(a.Raw) {
					t.Fatalf("source [%d,%d) outside the file of %d bytes", s.Start, s.End, len(a.Raw))
				}
			}
		}
	})
}

func TestADatelineIsNoOnesActor(t *testing.T) {
	data := "Ecuador opens talks with dockworkers\n\nMay 5, 2025\n\nQUITO, May 4 (Reuters) - The labour minister met dockworkers' leaders on Sunday.\n"
	a, err := article.Parse("wire.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	evs := Extract(a)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for _, e := range evs {
		for _, who := range e.Actors {
			if strings.EqualFold(who, "Quito") {
				t.Errorf("the dateline's city is an actor of %+v", e)
			}
		}
		for _, s := range e.Sources {
			if strings.Contains(s.Sentence, "QUITO") || string(a.Raw[s.Start:s.End]) != s.Sentence {
				t.Errorf("evidence %q at [%d,%d) is not the sentence after the dateline", s.Sentence, s.Start, s.End)
			}
		}
	}
}
