package events

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a period before a capital ends a sentence", "He left. She stayed.", []string{"He left.", "She stayed."}},
		{"titles and initials do not end sentences", "Mr. J. R. Smith met Gen. Lee.", []string{"Mr. J. R. Smith met Gen. Lee."}},
		{"U.S. before a name goes on", "The U.S. Congress met. It voted.", []string{"The U.S. Congress met.", "It voted."}},
		{"U.S. before a sentence starter ends the sentence", "Russia said no to the U.S. The talks ended.", []string{"Russia said no to the U.S.", "The talks ended."}},
		{"a month abbreviation before a day goes on", "They met on Dec. 30 in Geneva.", []string{"They met on Dec. 30 in Geneva."}},
		{"decimals and hyphenated words do not split", "Prices rose 2.5 percent in the U.S.-led bloc.", []string{"Prices rose 2.5 percent in the U.S.-led bloc."}},
		{"a closing quote stays with its sentence", `"We will go." He left.`, []string{`"We will go."`, "He left."}},
		{"a quoted question inside a sentence goes on", `"Really?" she asked.`, []string{`"Really?" she asked.`}},
		{"a lowercase word after a period goes on", "It was 3 p.m. when he left.", []string{"It was 3 p.m. when he left."}},
		{"p.m. before a sentence starter ends the sentence", "It begins at 3 p.m. The call is private.", []string{"It begins at 3 p.m.", "The call is private."}},
		{"surrounding space is trimmed", "  One.  Two.  ", []string{"One.", "Two."}},
		{"text without terminal punctuation is one sentence", "Conversational mood", []string{"Conversational mood"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.text) {
				got = append(got, tt.text[s.start:s.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
