package events

import (
	"strings"
	"testing"
)

func TestDescriptors(t *testing.T) {
	seen := map[Type]bool{}
	for _, d := range Descriptors {
		t.Run(string(d.Type), func(t *testing.T) {
			if d.Type == "" || seen[d.Type] {
				t.Fatalf("type %q is empty or has two rows", d.Type)
			}
			seen[d.Type] = true
			if d.Label == "" || d.Type.Label() != d.Label {
				t.Errorf("label %q, Type.Label %q", d.Label, d.Type.Label())
			}
			if len(d.Verbs)+len(d.Nouns) == 0 || d.title == nil {
				t.Fatalf("a row needs trigger words and a title")
			}
			// Every word of the row names the row's type, unless another
			// row's noun takes the form ("talks" is a meeting, "talk" a
			// statement's verb).
			for _, n := range d.Nouns {
				if tr := lexicon[n]; tr.typ != d.Type || !tr.noun {
					t.Errorf("noun %q names %q (noun %v)", n, tr.typ, tr.noun)
				}
			}
			for _, v := range d.Verbs {
				lemma, forms, _ := strings.Cut(v, ":")
				for _, f := range inflect(lemma, forms) {
					if tr := lexicon[f]; tr.typ != d.Type && !tr.noun {
						t.Errorf("verb form %q names %q", f, tr.typ)
					}
				}
			}
			for _, actors := range [][]string{nil, {"Joe Biden"}, {"Joe Biden", "Vladimir Putin"}} {
				e := &draft{typ: d.Type, actors: actors, place: "Geneva"}
				got := title(e)
				if got == "" || got[0] < 'A' || got[0] > 'Z' {
					t.Errorf("title of %q: %q, want a capitalised headline", actors, got)
				}
				if len(actors) > 0 && !strings.HasPrefix(got, actors[0]) {
					t.Errorf("title of %q: %q, want it to open with the first actor", actors, got)
				}
				if d.Type != Statement && !strings.HasSuffix(got, " in Geneva") {
					t.Errorf("title of %q: %q, want the place at the end", actors, got)
				}
			}
		})
	}
}

func TestTypeLabel(t *testing.T) {
	for typ, want := range map[Type]string{Call: "Call", Demand: "Demand", "hearing": "Hearing", "": "Event", "économie": "Économie"} {
		if got := typ.Label(); got != want {
			t.Errorf("Type(%q).Label() = %q, want %q", typ, got, want)
		}
	}
	if Type("hearing").Known() || !Agreement.Known() {
		t.Errorf("Known: only the descriptor table's types are known")
	}
}

func TestTitles(t *testing.T) {
	tests := []struct {
		name string
		e    draft
		want string
	}{
		{"a video call says so", draft{typ: Call, medium: "video", actors: []string{"Joe Biden", "Vladimir Putin"}}, "Joe Biden and Vladimir Putin hold a video call"},
		{"a call with no one named is held", draft{typ: Call}, "Phone call held"},
		{"a summit is a summit", draft{typ: Meeting, nounLemma: "summit", actors: []string{"NATO"}, place: "Madrid"}, "NATO holds a summit in Madrid"},
		{"a statement tells its gist, and no place", draft{typ: Statement, actors: []string{"Officials"}, gistVerb: "say", gist: "talks went well", place: "Geneva"}, "Officials say talks went well"},
		{"a warning names whom it warns", draft{typ: Warning, actors: []string{"Joe Biden", "Vladimir Putin"}, gist: "of sanctions"}, "Joe Biden warns Vladimir Putin of sanctions"},
		{"an unknown type is its name", draft{typ: "hearing", place: "Paris"}, "Hearing in Paris"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := title(&tt.e); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestActorKinds(t *testing.T) {
	tests := []struct {
		name, body string
		want       map[string]Kind
	}{
		{"a known person and a country from the alias table",
			"Joe Biden and Vladimir Putin spoke by phone on Tuesday. Russia warned Ukraine on Tuesday.",
			map[string]Kind{"Joe Biden": Person, "Vladimir Putin": Person, "Russia": Country, "Ukraine": Country}},
		{"an organisation by its head word, and a person by a title",
			"The Federal Trade Commission met Chief Executive Jane Doe on Tuesday.",
			map[string]Kind{"Federal Trade Commission": Organisation, "Jane Doe": Person}},
		{"a nationality speaks for its country, or its union",
			"European officials met Russian delegates on Tuesday.",
			map[string]Kind{"European Union": Organisation, "Russia": Country}},
		{"a role is a person, and a lone role noun that opens a sentence is no organisation",
			"Officials said on Tuesday that talks would go on.",
			map[string]Kind{"Officials": Person}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]Kind{}
			for _, e := range Extract(parse(t, tt.body)) {
				if len(e.ActorKinds) != len(e.Actors) {
					t.Fatalf("%s: actors %q with kinds %q: not parallel", e.Type, e.Actors, e.ActorKinds)
				}
				for i, a := range e.Actors {
					got[a] = e.ActorKinds[i]
				}
			}
			for name, want := range tt.want {
				if got[name] != want {
					t.Errorf("%s is %q, want %q (all: %v)", name, got[name], want, got)
				}
			}
		})
	}
}
