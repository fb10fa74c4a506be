package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	text := "Biden and Putin will hold talks in Geneva in January.\nTheir call Thursday began at 20:30 GMT."
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	type item struct {
		Text, Type, Value, Mod string
		Start, End             int
	}
	for _, args := range [][]string{
		{"dates", "-ref", "2021-12-30", "-json", path},
		{"dates", path, "-ref", "2021-12-30", "-json"}, // flags after the file name
		{"dates", "-json", path, "-ref", "2021-12-30"},
	} {
		t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := Run(context.Background(), args, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			var got []item
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("output is not a JSON array: %v\n%s", err, out.String())
			}
			want := []item{
				{"January", "DATE", "2022-01", "", 45, 52},
				{"Thursday", "DATE", "2021-12-30", "", 65, 73},
				{"20:30 GMT", "TIME", "2021-12-30T20:30Z", "", 83, 92},
			}
			if len(got) != len(want) {
				t.Fatalf("got %+v, want %+v", got, want)
			}
			for i := range want {
				if got[i] != want[i] || text[got[i].Start:got[i].End] != got[i].Text {
					t.Errorf("item %d = %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
	t.Run("a table without -json", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := Run(context.Background(), []string{"dates", "-ref", "2021-12-30", path}, &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if !strings.Contains(out.String(), "2021-12-30T20:30") || !strings.HasPrefix(out.String(), "START") {
			t.Errorf("table:\n%s", out.String())
		}
	})
	t.Run("a bad -ref is a usage error", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := Run(context.Background(), []string{"dates", "-ref", "2021-13-40", "-json", path}, &out, &errb); code != 2 {
			t.Fatalf("exit %d, want 2", code)
		}
		if !strings.Contains(errb.String(), "-ref") {
			t.Errorf("stderr %q does not name -ref", errb.String())
		}
	})
	t.Run("no file is a usage error", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := Run(context.Background(), []string{"dates", "-json"}, &out, &errb); code != 2 {
			t.Fatalf("exit %d, want 2", code)
		}
	})
}
