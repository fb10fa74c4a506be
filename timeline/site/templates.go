package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/timelinehq/timeline/templates"
)

// The page templates. Files whose names start with "_" are partials,
// parsed together with every page.
const (
	indexPage      = "index.html"
	dayPageTmpl    = "day.html"
	articlePage    = "article.html"
	periodPageTmpl = "period.html"
	notFoundPage   = "404.html"
	actorPageTmpl  = "actor.html"
	typePageTmpl   = "type.html"
	groupsPageTmpl = "groups.html"
	searchPageTmpl = "search.html"

	assetsDir = "assets" // copied to the output's assets/
	staticDir = "static" // copied to the output's root
)

// Templates returns the embedded default templates and assets, overlaid
// file by file by the files in dir: dir/index.html replaces the default
// index.html, dir/assets/style.css the default stylesheet, and files that
// only dir has are added. With dir == "" it returns the defaults.
func Templates(dir string) (fs.FS, error) {
	if dir == "" {
		return templates.FS, nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("templates: %s is not a folder", dir)
	}
	return &overlay{dir: dir, top: os.DirFS(dir), base: templates.FS}, nil
}

// overlay is a file system whose files come from top when top has them
// and from base otherwise; folders list the files of both.
type overlay struct {
	dir       string // top's folder on disk, for error messages
	top, base fs.FS
}

func (o *overlay) Open(name string) (fs.File, error) {
	if info, err := fs.Stat(o.top, name); err == nil && !info.IsDir() {
		return o.top.Open(name)
	}
	if f, err := o.base.Open(name); err == nil {
		return f, nil
	}
	return o.top.Open(name) // a folder only top has, or the error
}

func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, errTop := fs.ReadDir(o.top, name)
	base, errBase := fs.ReadDir(o.base, name)
	if errTop != nil && errBase != nil {
		return nil, errTop
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(top, base...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// origin names the file name of fsys in messages: the path on disk for a
// user's template, the bare name for a default.
func origin(fsys fs.FS, name string) string {
	if o, ok := fsys.(*overlay); ok {
		if info, err := fs.Stat(o.top, name); err == nil && !info.IsDir() {
			return filepath.Join(o.dir, filepath.FromSlash(name))
		}
	}
	return name
}

// pages holds one parsed template set per page template, keyed by the page
// file name; name maps the page to its template name (its origin), and
// seeds to the seed of its pages' keys: the program and the templates the
// page executes (see templateSums), so that editing day.html renders the
// date pages again and no other.
type pages struct {
	sets  map[string]*template.Template
	name  map[string]string
	seeds map[string]Key
}

// renderFunc is the templates' render function for the set t: it executes
// the template name with data and returns its HTML. For an entry or a
// groupEntry it keeps the HTML in frags, when there are frags, and returns
// it again for the same event's entry at the same root executed by the
// same templates (sums, of t: see templateSums), in this build or a later
// one (see fragments). Templates that are the defaults of
// nativeFragments are written by Go (see nativeFor).
func renderFunc(t *template.Template, sums map[string]Key, frags *fragments) func(string, any) (template.HTML, error) {
	native := nativeFor(sums)
	return func(name string, data any) (template.HTML, error) {
		k, ok := fragmentOf(sums[name], data)
		ok = ok && frags != nil
		if ok {
			if h, found := frags.get(k); found {
				return h, nil
			}
		}
		h, done := template.HTML(""), false
		if f := native[name]; f != nil {
			h, done = f(data)
		}
		if !done {
			var b strings.Builder
			if err := t.ExecuteTemplate(&b, name, data); err != nil {
				return "", err
			}
			h = template.HTML(b.String())
		}
		if ok {
			frags.put(k, h)
		}
		return h, nil
	}
}

// parseTemplates parses every page template of fsys with the partials, for
// the program version. Templates are named by their origin, so that
// html/template's errors read "template: path/to/index.html:12: ...".
func parseTemplates(fsys fs.FS, version string, frags *fragments) (*pages, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	base := template.New("").Funcs(funcs)
	for _, e := range entries {
		if e.IsDir() || !strings.HasPrefix(e.Name(), "_") || path.Ext(e.Name()) != ".html" {
			continue
		}
		if err := parseFile(base, fsys, e.Name()); err != nil {
			return nil, err
		}
	}
	p := &pages{sets: map[string]*template.Template{}, name: map[string]string{}, seeds: map[string]Key{}}
	program := programSeed(version)
	for _, page := range []string{indexPage, periodPageTmpl, dayPageTmpl, articlePage, actorPageTmpl, typePageTmpl, groupsPageTmpl, searchPageTmpl, notFoundPage} {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseFile(t, fsys, page); err != nil {
			return nil, err
		}
		sums := templateSums(t)
		t.Funcs(template.FuncMap{"render": renderFunc(t, sums, frags)})
		p.sets[page] = t
		p.name[page] = origin(fsys, page)
		var e enc
		e.reset()
		e.key(sums[p.name[page]])
		p.seeds[page] = e.sum(program)
	}
	return p, nil
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("templates: %s is missing", name)
		}
		return fmt.Errorf("templates: %w", err)
	}
	if _, err := t.New(origin(fsys, name)).Parse(string(data)); err != nil {
		return err // "template: name:line: message"
	}
	return nil
}

var funcs = template.FuncMap{
	// join joins strings with sep.
	"join": strings.Join,
	// render executes a template of the set and returns its HTML: see
	// renderFunc, which parseTemplates binds to each set.
	"render": func(string, any) (template.HTML, error) { return "", errors.New("render: not bound to a template set") },
}

// templateSums digests, for every template of t, the templates executing
// it may execute: itself, the templates it includes and those its render
// calls name, each by its parse tree, before html/template adds its
// escapers. Two templates with equal digests write the same bytes for the
// same data, whatever page set they belong to: a page's key and an
// entry's fragment take the digest, so that a template edit renders again
// only the pages and entries that execute what changed.
func templateSums(t *template.Template) map[string]Key {
	// Each template's own digest and the templates it calls, once.
	type node struct {
		own    Key
		callee []string
		every  bool // a render call whose name is not a constant
	}
	nodes := map[string]*node{}
	for _, x := range t.Templates() {
		if x.Tree == nil || x.Tree.Root == nil {
			continue
		}
		n := &node{}
		calls(x.Tree.Root, func(name string) { n.callee = append(n.callee, name) }, func() { n.every = true })
		var e enc
		e.reset()
		e.str(x.Tree.Root.String())
		n.own = e.sum(Key{})
		nodes[x.Name()] = n
	}
	sums := make(map[string]Key, len(nodes))
	for name := range nodes {
		reach := map[string]bool{}
		every := false
		var visit func(name string)
		visit = func(name string) {
			if reach[name] {
				return
			}
			reach[name] = true
			if n := nodes[name]; n != nil {
				every = every || n.every
				for _, c := range n.callee {
					visit(c)
				}
			}
		}
		visit(name)
		if every {
			for n := range nodes {
				reach[n] = true
			}
		}
		var e enc
		e.reset()
		e.str(name)
		for _, r := range slices.Sorted(maps.Keys(reach)) {
			e.str(r)
			n := nodes[r]
			e.flag(n != nil) // not defined: executing it fails
			if n != nil {
				e.key(n.own)
			}
		}
		sums[name] = e.sum(Key{})
	}
	return sums
}

// calls calls visit with the name of every template node n includes and
// every constant name it passes to render, and dynamic for a render call
// whose name is not a constant.
func calls(n parse.Node, visit func(string), dynamic func()) {
	var pipe func(p *parse.PipeNode)
	arg := func(a parse.Node) {
		switch a := a.(type) {
		case *parse.PipeNode:
			pipe(a)
		case *parse.ChainNode:
			if p, ok := a.Node.(*parse.PipeNode); ok {
				pipe(p)
			}
		}
	}
	pipe = func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		for _, c := range p.Cmds {
			if len(c.Args) > 0 {
				if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "render" {
					if len(c.Args) > 1 {
						if s, ok := c.Args[1].(*parse.StringNode); ok {
							visit(s.Text)
						} else {
							dynamic()
						}
					} else {
						dynamic() // its name comes down the pipeline
					}
				}
			}
			for _, a := range c.Args {
				arg(a)
			}
		}
	}
	branch := func(b *parse.BranchNode) {
		pipe(b.Pipe)
		calls(b.List, visit, dynamic)
		calls(b.ElseList, visit, dynamic)
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, x := range n.Nodes {
			calls(x, visit, dynamic)
		}
	case *parse.ActionNode:
		pipe(n.Pipe)
	case *parse.IfNode:
		branch(&n.BranchNode)
	case *parse.RangeNode:
		branch(&n.BranchNode)
	case *parse.WithNode:
		branch(&n.BranchNode)
	case *parse.TemplateNode:
		visit(n.Name)
		pipe(n.Pipe)
	}
}
