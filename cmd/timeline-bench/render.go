package main

import (
	"fmt"
	"strings"
)

// Even articles are Markdown, odd ones plain text: exactly half and half
// at every even size, and both formats all through the corpus.
func isMarkdown(i int) bool { return i%2 == 0 }

// fileName is the article's name in the content folder. The index comes
// first, zero-padded, so names sort in generation order at any size.
func (s *story) fileName() string {
	ext := ".txt"
	if isMarkdown(s.Index) {
		ext = ".md"
	}
	return fmt.Sprintf("%06d-%s%s", s.Index, slug(s.Headline), ext)
}

// render writes the story in its format.
func (s *story) render() []byte {
	if isMarkdown(s.Index) {
		return s.markdown()
	}
	return s.text()
}

// markdown writes YAML front matter and a Markdown body wrapped at 78
// columns, as the sample content is.
func (s *story) markdown() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(s.Headline))
	fmt.Fprintf(&b, "date: %s\n", s.Published.Format("2006-01-02"))
	fmt.Fprintf(&b, "url: %s\n", s.URL)
	fmt.Fprintf(&b, "author: %s\n", strings.Join(s.Authors, " and "))
	if len(s.Tags) > 0 {
		fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(s.Tags, ", "))
	}
	b.WriteString("---\n\n")
	s.markdownBody(&b)
	return []byte(b.String())
}

func (s *story) markdownBody(b *strings.Builder) {
	for i, p := range s.Paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p.Heading {
			b.WriteString("## " + p.Sentences[0] + "\n")
			continue
		}
		wrap(b, strings.Join(p.Sentences, " "), 78)
	}
}

// text writes the plain-text shape of the seed article: title, byline,
// date line, an optional photo credit, paragraphs, the url footer.
func (s *story) text() []byte {
	var b strings.Builder
	b.WriteString(s.Headline + "\n\n")
	var by []string
	for _, a := range s.Authors {
		if s.DupOf < 0 && s.Index%3 == 0 {
			a = "[" + a + "](#)" // the seed's linked byline
		}
		by = append(by, a)
	}
	b.WriteString("By " + strings.Join(by, " and ") + "\n\n")
	if s.Index%4 == 1 {
		b.WriteString(s.Published.Format("2 January 2006") + "\n\n")
	} else {
		b.WriteString(s.Published.Format("January 2, 2006") + "\n\n")
	}
	if s.Credit != "" {
		b.WriteString("\n\n" + s.Credit + "\n\n")
	}
	for i, p := range s.Paras {
		b.WriteString(strings.Join(p.Sentences, " ") + "\n\n")
		if s.Related != "" && i == len(s.Paras)/3 && !p.Heading {
			b.WriteString("Related article: [" + s.Related + "](#)\n\n")
		}
	}
	b.WriteString("Original url:\n\n<" + s.URL + ">\n")
	return []byte(b.String())
}

// hugo writes the story as Hugo content: the same body as the Markdown
// article, and front matter Hugo reads without taking over its URLs
// ("url" would set the page's path, so the source link is a parameter).
func (s *story) hugo() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(s.Headline))
	fmt.Fprintf(&b, "date: %s\n", s.Published.Format("2006-01-02"))
	fmt.Fprintf(&b, "author: %s\n", yamlString(strings.Join(s.Authors, " and ")))
	fmt.Fprintf(&b, "source_url: %s\n", s.URL)
	if len(s.Tags) > 0 {
		fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(s.Tags, ", "))
	}
	b.WriteString("---\n\n")
	s.markdownBody(&b)
	return []byte(b.String())
}

// yamlString quotes s as a YAML double-quoted scalar.
func yamlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// wrap writes text in lines of at most width bytes, never starting a line
// with a word Markdown would read as block syntax ("1.", "-", "#", ">").
func wrap(b *strings.Builder, text string, width int) {
	line := 0
	for i, w := range strings.Fields(text) {
		if i > 0 {
			if line+1+len(w) > width && !blockStart(w) {
				b.WriteByte('\n')
				line = 0
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
	b.WriteByte('\n')
}

func blockStart(w string) bool {
	if strings.ContainsAny(w[:1], "-+*#>=|`~") {
		return true
	}
	d := strings.TrimLeft(w, "0123456789")
	return len(d) < len(w) && (d == "." || d == ")")
}
