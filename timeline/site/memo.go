package site

import (
	"html/template"
	"sync"
)

// Memo keeps, between the builds that share it, the pieces of the output
// that were made from one event alone, by the event's digest (see
// eventDigest): a preview's rebuild after one article changed then makes
// again only the pieces of the events that changed. A build that does not
// share a Memo makes every piece, as a first build must.
//
// Its zero value is empty and ready. Builds that share a Memo may not run
// at the same time; a preview's rebuilds never do.
type Memo struct {
	views       viewMemo       // each event's view and the event it was made from
	facets      facetMemo      // the type and actor counts of each group's and list's events
	entries     entryMemo      // the entries of each actor's and type's page
	articleKeys articleKeyMemo // the key of each article page, by what it is made from
	fragments   fragments
	exports     exportMemos // the exports' pieces: see export_memo.go
	search      searchMemo  // the search index's words and result entries: see search_memo.go

	output outputMemo     // the files the last build left in the output folder
	tidy   sync.WaitGroup // what a build left to do after it: see Options.later
}

// Wait waits until what the builds sharing m left to do after them is
// done: removing the old bytes of the files they replaced, and saving the
// manifest of the output and the build's record. A build through m waits
// for it first; a program that exits after a build waits for it too, or
// leaves a folder that the next build removes and a manifest that makes
// it render more.
func (m *Memo) Wait() { m.tidy.Wait() }

// fragments is the HTML of the events' entries that the templates'
// render function made (an entry of a period page, a compact line of an
// actor's page), by the templates that made it, root and event digest. A
// page that renders again because one of its 300 events changed then
// executes the template of that one entry, and an edit of a template that
// entries do not execute (the layout, a page's own template) makes none
// again. The HTML depends only on the program (seed), those templates, the
// root and the entry, which its event's digest covers; fragments not used
// by a build are dropped at its end, so the memo holds at most the entries
// of one site.
type fragments struct {
	mu   sync.Mutex
	seed Key // the program the HTML was made with
	used map[fragmentKey]bool
	html map[fragmentKey]template.HTML
	hits int // for the tests
}

type fragmentKey struct {
	tmpl       Key    // the templates executed: see templateSums
	root       string // the entry's root
	dir, group string // the page of a groupEntry: "actors" or "types", and the actor or type
	event      Key
}

// fragmentOf is the key of the HTML that the templates summed as tmpl
// make of data, when data is an entry or a groupEntry.
func fragmentOf(tmpl Key, data any) (fragmentKey, bool) {
	switch x := data.(type) {
	case entry:
		if x.ev != nil {
			return fragmentKey{tmpl, x.Root, "", "", x.digest}, true
		}
	case groupEntry:
		if x.ev != nil {
			return fragmentKey{tmpl, x.Root, x.group.dir, x.group.Name, x.digest}, true
		}
	}
	return fragmentKey{}, false
}

// start begins a build by the program seed.
func (f *fragments) start(seed Key) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seed != seed || f.html == nil {
		f.seed, f.html = seed, map[fragmentKey]template.HTML{}
	}
	f.used = map[fragmentKey]bool{}
}

// end drops the fragments the build did not use.
func (f *fragments) end() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k := range f.html {
		if !f.used[k] {
			delete(f.html, k)
		}
	}
	f.used = nil
}

func (f *fragments) get(k fragmentKey) (template.HTML, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.html[k]
	if ok {
		f.used[k] = true
		f.hits++
	}
	return h, ok
}

func (f *fragments) put(k fragmentKey, h template.HTML) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.html[k], f.used[k] = h, true
}
