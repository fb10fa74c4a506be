package score

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/internal/testshared"
)

var refScorer = filepath.Join("..", "..", "..", "..", "shared", "eval", "score_timex.py")

// goldTree writes files (path → content) under a new folder.
func goldTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pyLoadGold runs score_timex.load_gold on dir: [corpus, doc, path] per
// record, or the message it exits with.
func pyLoadGold(t *testing.T, dir string) (recs [][3]string, exit string) {
	t.Helper()
	testshared.Need(t, refScorer)
	py := testshared.NeedTool(t, "python3")
	script := `import json, sys
sys.path.insert(0, sys.argv[1])
import score_timex as s
try:
    print(json.dumps([[r["corpus"], r["doc"], r["path"]] for r in s.load_gold(sys.argv[2])]))
except SystemExit as e:
    print(json.dumps(str(e)))`
	out, err := exec.Command(py, "-c", script, filepath.Dir(refScorer), dir).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	if json.Unmarshal(out, &recs) != nil {
		if err := json.Unmarshal(out, &exit); err != nil {
			t.Fatalf("python printed %s", out)
		}
	}
	return recs, exit
}

func TestLoadGoldAgreesWithPython(t *testing.T) {
	dir := goldTree(t, map[string]string{
		"gold.jsonl":         `{"doc":"top","dct":"2020-01-01"}` + "\r\n\r\n" + `{"doc":"abs","file":"/elsewhere/a.txt","corpus":"z"}`,
		"b/gold.jsonl":       " \x1c" + `{"doc":"b2"}` + "\r" + `{"doc":"b1","file":"x/b1.txt"}` + "\n",
		"a/gold.jsonl":       `{"doc":"a1","corpus":"b"}` + "\n",
		"a/orig/gold.jsonl":  `{"doc":"orig"}` + "\n",
		".hidden/gold.jsonl": `{"doc":"hidden"}` + "\n",
		"a/c/events.jsonl":   `{"doc":"other"}` + "\n",
	})
	docs, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]string
	for _, d := range docs {
		got = append(got, [3]string{d.Corpus, d.Doc, d.Path})
	}
	if len(got) != 5 {
		t.Errorf("LoadGold read %d records, want 5: %v", len(got), got)
	}
	want, exit := pyLoadGold(t, dir)
	if exit != "" {
		t.Fatalf("load_gold exits: %s", exit)
	}
	if g, w := jsonString(got), jsonString(want); g != w {
		t.Errorf("LoadGold:\n%s\nload_gold:\n%s", g, w)
	}
}

func TestLoadGoldReportsDuplicatesInWalkOrder(t *testing.T) {
	// os.walk reads a folder's gold.jsonl before its subfolder "a".
	dir := goldTree(t, map[string]string{
		"gold.jsonl":   `{"doc":"x"}` + "\n",
		"a/gold.jsonl": `{"doc":"x"}` + "\n",
	})
	_, err := LoadGold(dir)
	if err == nil {
		t.Fatal("a duplicate doc id was accepted")
	}
	want := `duplicate doc id "x" in ` + filepath.Join(dir, "gold.jsonl") + " and " + filepath.Join(dir, "a", "gold.jsonl")
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if _, exit := pyLoadGold(t, dir); !strings.HasPrefix(exit, `duplicate doc id 'x' in `+filepath.Join(dir, "gold.jsonl")+" and") {
		t.Errorf("load_gold exits with %q", exit)
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestReadGoldSkipsOnlyWhatItIsTold(t *testing.T) {
	dir := goldTree(t, map[string]string{
		"t/orig/g.jsonl": `{"doc":"o"}` + "\n",
		"t/g.jsonl":      `{"doc":"t"}` + "\n",
		".h/g.jsonl":     `{"doc":"h"}` + "\n",
	})
	type rec struct{ Doc string }
	for _, tc := range []struct {
		skip []string
		want string
	}{{nil, "o t"}, {[]string{"orig"}, "t"}} {
		recs, err := ReadGold(dir, "g.jsonl", tc.skip, func(r *rec, folder string) (string, string, error) {
			return r.Doc, "", nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range recs {
			got = append(got, r.Doc)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("skip %v: %v, want %s", tc.skip, got, tc.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	type n = json.Number
	for _, tc := range []struct {
		start, end any
		ok         bool
	}{
		{n("0"), n("3"), true},
		{n("0"), n("10"), true},
		{n("-0"), n("1"), true},
		{n("0"), n("11"), false},
		{n("-1"), n("3"), false},
		{n("3"), n("3"), false},
		{n("1.0"), n("3"), false},
		{n("1e0"), n("3"), false},
		{n("0"), n("99999999999999999999999"), false},
		{"0", n("3"), false},
		{true, n("3"), false},
		{nil, n("3"), false},
		{0, 3, false}, // only decoded JSON numbers
	} {
		if _, _, ok := Offsets(tc.start, tc.end, 10); ok != tc.ok {
			t.Errorf("Offsets(%#v, %#v, 10) ok = %v, want %v", tc.start, tc.end, ok, tc.ok)
		}
	}
}
