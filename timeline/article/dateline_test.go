package article

import (
	"testing"
	"time"
)

func TestDateline(t *testing.T) {
	pub := time.Date(2025, 5, 5, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, text string
		want       *Dateline
	}{
		{"city, day and agency", "QUITO, May 4 (Reuters) - Ecuador's government began talks.",
			&Dateline{Place: "Quito", Date: "2025-05-04", Agency: "Reuters", Len: len("QUITO, May 4 (Reuters) - ")}},
		{"two words and an agency, an em dash", "NEW YORK (AP) — Globex agreed to merge.",
			&Dateline{Place: "New York", Agency: "AP", Len: len("NEW YORK (AP) — ")}},
		{"an abbreviated month", "MOSCOW, Dec. 30 (AP) -- Talks began.",
			&Dateline{Place: "Moscow", Date: "2024-12-30", Agency: "AP", Len: len("MOSCOW, Dec. 30 (AP) -- ")}},
		{"day before month, no agency", "LONDON, 2 May - Shares fell.",
			&Dateline{Place: "London", Date: "2025-05-02", Len: len("LONDON, 2 May - ")}},
		{"a city and its country", "BASEL, Switzerland, March 15 (Reuters) - The Council voted.",
			&Dateline{Place: "Basel", Date: "2025-03-15", Agency: "Reuters", Len: len("BASEL, Switzerland, March 15 (Reuters) - ")}},
		{"a city and its state", "SAN JOSE, Calif. (Reuters) - Shares fell.",
			&Dateline{Place: "San Jose", Agency: "Reuters", Len: len("SAN JOSE, Calif. (Reuters) - ")}},
		{"a city alone", "WASHINGTON - The White House said.",
			&Dateline{Place: "Washington", Len: len("WASHINGTON - ")}},
		{"two capitals and a dash are a topic, not a place", "US - China talks resumed.", nil},
		{"a sentence that starts with an acronym", "NATO said on Monday it would meet.", nil},
		{"capitals without a dash", "BREAKING NEWS: talks collapse.", nil},
		{"a dash with nothing after it", "WASHINGTON - ", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &Article{Published: pub, Blocks: []Block{{Kind: Paragraph, Text: tc.text}}}
			a.readDateline()
			got := a.Dateline
			if (got == nil) != (tc.want == nil) || got != nil && *got != *tc.want {
				t.Errorf("Dateline = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestADatelineIsReadFromAWireStory(t *testing.T) {
	data := "Ecuador opens talks with dockworkers\n\nMay 5, 2025\n\nQUITO, May 4 (Reuters) - Ecuador's government began talks on Tuesday with dockworkers' leaders.\n\n" +
		"(Reporting by Jane Doe; Editing by John Roe)\n"
	a, err := Parse("wire.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if a.Dateline == nil || a.Dateline.Place != "Quito" || a.Dateline.Date != "2025-05-04" {
		t.Fatalf("Dateline = %+v", a.Dateline)
	}
	if len(a.Blocks) != 1 {
		t.Errorf("blocks %+v: the closing credits are not body text", a.Blocks)
	}
	// The text keeps the dateline: readers skip Len bytes of it.
	if b := a.Blocks[0]; b.Text[:a.Dateline.Len] != "QUITO, May 4 (Reuters) - " {
		t.Errorf("first block %q", b.Text)
	}
}
