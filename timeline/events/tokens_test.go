package events

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
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
			for _, tok := range tokenize(nil, tt.text, span{0, len(tt.text)}, false) {
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
		for _, tok := range tokenize(nil, text, span{0, len(text)}, false) {
			if tok.quoted {
				quoted = append(quoted, tok.text)
			}
		}
		if want := []string{"talks", "matter"}; !reflect.DeepEqual(quoted, want) {
			t.Errorf("quoted = %q, want %q", quoted, want)
		}
	})
}

// FuzzTokenize checks that every token is the text at its offsets, in
// order and inside the span, and that a word's lower case is
// strings.ToLower of it.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"The U.S. said no.", "Putin's initiative", "ex-Soviet 100,000 at 20:30.",
		"İstanbul ẞtraße ΣΊΣΥΦΟΣ", "Ünal met KELVIN \u212a", "bad \xff byte", `Peskov said "talks matter" today.`} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if start < 0 || end > len(text) || start > end {
			start, end = 0, len(text)
		}
		// Sentences start and end between characters.
		for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
			start--
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		last := start
		for _, tok := range tokenize(nil, text, span{start, end}, false) {
			if tok.start < last || tok.end > end || text[tok.start:tok.end] != tok.text {
				t.Fatalf("token %q at [%d,%d) after %d in %q [%d,%d)", tok.text, tok.start, tok.end, last, text, start, end)
			}
			last = tok.end
			want := tok.text
			if tok.word {
				want = strings.ToLower(tok.text)
			}
			if tok.lower != want {
				t.Fatalf("token %q: lower %q, want %q", tok.text, tok.lower, want)
			}
		}
	})
}
