package events

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"dotted abbreviations keep their periods", "The U.S. said no.", []string{"The", "U.S.", "said", "no", "."}},
		{"possessives split off", "Putin's initiative", []string{"Putin", "'s", "initiative"}},
		{"hyphens and numbers stay whole", "ex-Soviet 100,000 at 20:30.", []string{"ex-Soviet", "100,000", "at", "20:30", "."}},
		{"a comma after a word is its own token", "Biden, who", []string{"Biden", ",", "who"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range tokenize(tt.text, span{0, len(tt.text)}, false) {
				got = append(got, tok.text)
				if tt.text[tok.start:tok.end] != tok.text {
					t.Errorf("token %q has offsets [%d,%d) of %q", tok.text, tok.start, tok.end, tt.text[tok.start:tok.end])
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("words inside quotation marks are marked quoted", func(t *testing.T) {
		text := `Peskov said "talks matter" today.`
		var quoted []string
		for _, tok := range tokenize(text, span{0, len(text)}, false) {
			if tok.quoted {
				quoted = append(quoted, tok.text)
			}
		}
		if want := []string{"talks", "matter"}; !reflect.DeepEqual(quoted, want) {
			t.Errorf("quoted = %q, want %q", quoted, want)
		}
	})
}
