// Package timeline turns a folder of news articles into a chronology of the
// events they report and publishes it as a static site.
//
// The work flows one way through the packages below it:
//
//	article    reads files: front matter, plain-text headers, text blocks with byte offsets
//	timex      finds temporal expressions and resolves them against the publication date
//	events     finds the events of one article, with actors, dates and evidence
//	chronology merges the events of all articles, orders them and gives them IDs
//	site       renders pages, feeds and assets, and writes the output atomically
//
// This package holds the domain types those packages share and Build,
// which runs the whole path.
package timeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/chronology"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/site"
)

// The domain types, defined where they are made.
type (
	Article = article.Article
	Event   = events.Event
	Source  = events.Source
)

// AliasFile is the name of the optional alias table in a content folder:
// lines of "Canonical name | kind | alias, alias" that add to the aliases
// that ship with the program.
const AliasFile = "aliases.txt"

// Defaults for Config.
const (
	DefaultContentDir = "content"
	DefaultOutDir     = "public"
	DefaultTitle      = "Timeline"
)

// Config says what to build and where.
type Config struct {
	ContentDir   string    // the articles; default "content"
	OutDir       string    // the site; default "public"
	BaseURL      string    // optional absolute URL the site is published at
	TemplatesDir string    // optional folder whose files override the default templates
	Title        string    // site title; default "Timeline"
	Warnings     io.Writer // where "path:line: message" warnings go; nil discards them
}

// Result says what a build made.
type Result struct {
	Articles int // articles read into the timeline
	Skipped  int // articles left out with a warning
	Events   int
}

// Build reads every article under cfg.ContentDir, extracts and merges their
// events and writes the site to cfg.OutDir. An article without a
// publication date is reported as a warning and left out; any other
// problem with the content fails the build and leaves OutDir as it was.
func Build(ctx context.Context, cfg Config) (Result, error) {
	if cfg.ContentDir == "" {
		cfg.ContentDir = DefaultContentDir
	}
	if cfg.OutDir == "" {
		cfg.OutDir = DefaultOutDir
	}
	if cfg.Title == "" {
		cfg.Title = DefaultTitle
	}
	tmpl, err := site.Templates(cfg.TemplatesDir)
	if err != nil {
		return Result{}, err
	}
	corpus, err := Load(ctx, cfg.Warnings, cfg.ContentDir)
	if err != nil {
		return Result{}, err
	}
	evs := corpus.Events()
	s := site.Site{Title: cfg.Title, BaseURL: cfg.BaseURL, Events: evs, Articles: corpus.Articles}
	if _, err := site.Build(ctx, s, tmpl, cfg.OutDir, site.Options{}); err != nil {
		return Result{}, err
	}
	return Result{Articles: len(corpus.Articles), Skipped: corpus.Skipped, Events: len(evs)}, nil
}

// Corpus is a set of articles read from disk with the alias table that
// goes with them.
type Corpus struct {
	Articles []*Article
	Aliases  *events.Aliases
	Skipped  int // articles left out for want of a publication date
}

// Load reads the articles at paths: files, or folders searched for .md,
// .markdown and .txt files (skipping hidden ones and the alias file). A
// folder's aliases.txt extends the default alias table. Articles without
// a publication date are reported to warnings and left out; other
// problems are returned together, one "path:line: message" per line.
func Load(ctx context.Context, warnings io.Writer, paths ...string) (*Corpus, error) {
	if warnings == nil {
		warnings = io.Discard
	}
	c := &Corpus{Aliases: events.DefaultAliases()}
	var files, dirs []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file or folder", p)
		}
		if err != nil {
			return nil, err // *PathError names the path
		}
		if !info.IsDir() {
			files = append(files, p)
			dirs = append(dirs, filepath.Dir(p))
			continue
		}
		found, err := articleFiles(p)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
		dirs = append(dirs, p)
	}
	// The alias table of each folder named, or holding a file named.
	for _, dir := range uniqueClean(dirs) {
		al, err := readAliases(filepath.Join(dir, AliasFile))
		if err != nil {
			return nil, err
		}
		if al != nil {
			c.Aliases = c.Aliases.With(al)
		}
	}
	files = uniqueClean(files) // a file given with its folder is read once
	var problems []string
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := article.Read(f)
		var aerr *article.Error
		switch {
		case err == nil:
			c.Articles = append(c.Articles, a)
		case errors.As(err, &aerr) && aerr.NoDate():
			fmt.Fprintln(warnings, err)
			c.Skipped++
		default:
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return c, nil
}

// Events extracts the events of every article and merges them into one
// ordered chronology with IDs. Draft articles are left out.
func (c *Corpus) Events() []Event {
	x := events.Extractor{Aliases: c.Aliases}
	var lists [][]Event
	for _, a := range c.Articles {
		if a.Draft {
			continue
		}
		lists = append(lists, x.Extract(a))
	}
	return chronology.Merge(lists...)
}

// articleFiles lists the article files under dir in a stable order.
func articleFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || name == AliasFile || strings.HasPrefix(strings.ToUpper(name), "README") {
			return nil
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".md", ".markdown", ".txt":
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	sort.Strings(files)
	return files, nil
}

// uniqueClean returns the cleaned paths without repeats, in order.
func uniqueClean(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		if c := filepath.Clean(p); !seen[c] {
			seen[c] = true
			out = append(out, p)
		}
	}
	return out
}

func readAliases(path string) (*events.Aliases, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return events.ParseAliases(f, path)
}
