package main

import (
	"flag"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // -timezone works on machines without a zone database

	"github.com/timelinehq/timeline/timeline"
)

// siteFlags adds the flags that say what site to make, shared by build
// and serve, to fs, with -config for the configuration file that can set
// them too. Call the returned func after parsing the command line: it
// applies the configuration file to the flags the command line left.
func siteFlags(fs *flag.FlagSet, cfg *timeline.Config) (applyConfigFile func() (path string, err error)) {
	config := fs.String("config", configFile, "the site configuration `file`; its settings are the flags' names, and flags override them")
	fs.StringVar(&cfg.ContentDir, "content", timeline.DefaultContentDir, "the folder of articles to read")
	fs.StringVar(&cfg.OutDir, "out", timeline.DefaultOutDir, "the folder to write the site to")
	fs.StringVar(&cfg.BaseURL, "base-url", "", "the absolute URL the site will be published at, for the feed")
	fs.StringVar(&cfg.TemplatesDir, "templates", "", "a folder of templates that override the defaults file by file")
	fs.StringVar(&cfg.Title, "title", timeline.DefaultTitle, "the site's title")
	fs.IntVar(&cfg.FeedLimit, "feed-limit", 50, "entries in feed.xml, the latest reported first (0 or less: every event)")
	fs.StringVar(&cfg.Description, "description", "", "one sentence about the site, for search engines, the feed and the exports")
	cfg.Language = "en"
	fs.Func("lang", "the pages' language, a BCP 47 tag such as en, de or pt-BR (default en)", func(s string) error {
		if !reLang.MatchString(s) {
			return fmt.Errorf("%q is not a language tag such as en, de or pt-BR", s)
		}
		cfg.Language = s
		return nil
	})
	fs.Func("timezone", "the time `zone` to show clock times in, such as Europe/Berlin or UTC (default: as each article gives them)", func(s string) error {
		loc, err := loadZone(s)
		cfg.TimeZone = loc
		return err
	})
	fs.Func("exports", "the exports to write, comma-separated, from "+strings.Join(timeline.ExportNames(), ",")+
		" (default csv; \"\" for none; events.json and feed.xml are always written)", func(s string) error {
		names, err := parseExports(s)
		cfg.Exports = names
		return err
	})
	fs.StringVar(&cfg.CacheDir, "cache", timeline.DefaultCacheDir(), "the folder of the build cache (safe to delete)")
	fs.BoolVar(&cfg.NoCache, "no-cache", false, "read and extract every article afresh, and keep no cache")
	fs.IntVar(&cfg.Workers, "workers", 0, "articles to read and extract at once (default: one per core)")
	fs.BoolVar(&cfg.Strict, "strict", false, "fail, leaving the site as it was, when an article has to be left out")
	settable := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) { settable[f.Name] = f.Name != "config" })
	return func() (string, error) {
		explicit := false
		fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "config" })
		err := applyConfig(fs, *config, explicit, settable)
		if cfg.FeedLimit <= 0 {
			cfg.FeedLimit = -1 // every event: the library reads 0 as its default
		}
		return *config, err
	}
}

// reLang is the shape of a BCP 47 language tag: "en", "de", "pt-BR", "zh-Hant-TW".
var reLang = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// loadZone is the IANA time zone name; "" means none. "Local" is refused:
// the output would depend on the machine that builds it.
func loadZone(name string) (*time.Location, error) {
	if name == "" {
		return nil, nil
	}
	if name == "Local" {
		return nil, fmt.Errorf("give a zone name such as Europe/Berlin, America/New_York or UTC, not Local")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: give a name such as Europe/Berlin, America/New_York or UTC", name)
	}
	return loc, nil
}

// parseExports reads a comma-separated list of export names; "" is none.
// "json" and "atom", which are always written, are accepted.
func parseExports(list string) ([]string, error) {
	names := []string{}
	known := append(timeline.ExportNames(), "json", "atom")
	for _, n := range strings.Split(list, ",") {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		if n == "all" {
			names = append(names, timeline.ExportNames()...)
			continue
		}
		if !slices.Contains(known, n) {
			return nil, fmt.Errorf("unknown export %q; the exports are %s", n, strings.Join(timeline.ExportNames(), ", "))
		}
		names = append(names, n)
	}
	return names, nil
}
