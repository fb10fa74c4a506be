package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// corpusStats says what writeCorpus wrote.
type corpusStats struct {
	Articles, Markdown, Dups int
	Bytes                    int64 // of the article files
}

// writeCorpus writes articles 0..n-1 of seed into dir, and when hugoDir
// is not empty the same articles as a Hugo site there. Both folders must
// be empty or missing, so a stale article can never slip into a run.
func writeCorpus(ctx context.Context, seed uint64, n int, dir, hugoDir string) (corpusStats, error) {
	var st corpusStats
	if err := emptyDir(dir); err != nil {
		return st, err
	}
	hugoContent := ""
	if hugoDir != "" {
		if err := writeHugoSite(hugoDir); err != nil {
			return st, err
		}
		hugoContent = filepath.Join(hugoDir, "content")
	}
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		s := generate(seed, i)
		data := s.render()
		if err := os.WriteFile(filepath.Join(dir, s.fileName()), data, 0o644); err != nil {
			return st, err
		}
		st.Articles++
		st.Bytes += int64(len(data))
		if isMarkdown(i) {
			st.Markdown++
		}
		if s.DupOf >= 0 {
			st.Dups++
		}
		if hugoContent != "" {
			name := s.fileName()
			name = name[:len(name)-len(filepath.Ext(name))] + ".md"
			if err := os.WriteFile(filepath.Join(hugoContent, name), s.hugo(), 0o644); err != nil {
				return st, err
			}
		}
	}
	return st, nil
}

// emptyDir makes dir if it is missing and refuses one that holds files.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty; give an empty or new folder", dir)
	}
	return nil
}

// editArticle rewrites article i of seed in dir with one sentence changed
// and returns its path.
func editArticle(seed uint64, i int, dir string) (string, error) {
	s := generate(seed, i)
	s.edit(seed)
	path := filepath.Join(dir, s.fileName())
	return path, os.WriteFile(path, s.render(), 0o644)
}

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("gen", "gen -n N [-seed S] -out DIR [-hugo DIR]", stderr)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "the corpus seed; the same seed and n give the same bytes")
	out := fs.String("out", "", "the folder to write the articles to (empty or new)")
	hugo := fs.String("hugo", "", "also write the same articles as a Hugo site to this folder (empty or new)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 || *n < 0 {
		fs.Usage()
		return errUsage
	}
	st, err := writeCorpus(ctx, *seed, *n, *out, *hugo)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d articles (%d Markdown, %d syndicated copies), %d bytes, to %s\n",
		st.Articles, st.Markdown, st.Dups, st.Bytes, *out)
	if *hugo != "" {
		fmt.Fprintf(stdout, "wrote the Hugo site to %s\n", *hugo)
	}
	return nil
}
