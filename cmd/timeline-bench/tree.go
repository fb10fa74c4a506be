package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// markerFile is the file by which timeline recognises a folder it wrote;
// its content may name the build, so only its presence is compared.
const markerFile = ".timeline-output"

// treeStats sums up an output folder.
type treeStats struct {
	Files, HTML     int
	Bytes           int64
	Largest         string // relative path of the largest file
	LargestSize     int64
	LargestHTML     string
	LargestHTMLSize int64
}

func statTree(root string) (treeStats, error) {
	var st treeStats
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		size := info.Size()
		st.Files++
		st.Bytes += size
		if size > st.LargestSize {
			st.Largest, st.LargestSize = filepath.ToSlash(rel), size
		}
		if strings.HasSuffix(rel, ".html") {
			st.HTML++
			if size > st.LargestHTMLSize {
				st.LargestHTML, st.LargestHTMLSize = filepath.ToSlash(rel), size
			}
		}
		return nil
	})
	return st, err
}

// diffTrees lists how the files under b differ from those under a: files
// only one side has and files whose bytes differ, in path order. The
// marker file's content is not compared, only its presence.
func diffTrees(a, b string) ([]string, error) {
	fa, err := listFiles(a)
	if err != nil {
		return nil, err
	}
	fb, err := listFiles(b)
	if err != nil {
		return nil, err
	}
	var diffs []string
	for _, rel := range fa {
		if !contains(fb, rel) {
			diffs = append(diffs, "only in "+a+": "+rel)
			continue
		}
		if rel == markerFile {
			continue
		}
		da, err := os.ReadFile(filepath.Join(a, rel))
		if err != nil {
			return nil, err
		}
		db, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(da, db) {
			diffs = append(diffs, fmt.Sprintf("differs: %s (%d vs %d bytes)", rel, len(da), len(db)))
		}
	}
	for _, rel := range fb {
		if !contains(fa, rel) {
			diffs = append(diffs, "only in "+b+": "+rel)
		}
	}
	return diffs, nil
}

// listFiles returns the sorted slash paths of the files under root.
func listFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(files)
	return files, err
}

// contains reports whether the sorted list holds s.
func contains(sorted []string, s string) bool {
	i := sort.SearchStrings(sorted, s)
	return i < len(sorted) && sorted[i] == s
}
