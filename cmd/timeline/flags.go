package main

import (
	"flag"

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
