// Package article reads news articles from disk: Markdown with YAML or TOML
// front matter, and plain text in the newsroom shape of the seed article
// (title, byline, date line, photo credits, "Original url:" footer).
//
// The body becomes a list of text blocks. Every block keeps a map from its
// text back to byte offsets in the original file, so that evidence found in
// the text can point at the exact bytes a reader wrote: for every span s of
// a block b,
//
//	b.Text[s.Text:s.Text+s.Len] == string(a.Raw[s.File:s.File+s.Len])
//
// Text the parser adds (the space that joins two lines, an entity it
// decodes) belongs to no span; [Block.FileOffset] and [Block.FileEnd] map any
// offset of the text, spans or not, to the file.
//
// # Plain text
//
// Files with any extension but .md and .markdown are plain text, read as
// paragraphs separated by blank lines. From the top:
//
//   - the first line is the title, unless it is a byline, a date or a long
//     sentence ending in a full stop;
//   - a byline starts with "By "; link syntax "[Name](#)" reads as Name;
//   - a date line is a date and nothing else: "December 30, 2021",
//     "Dec. 30, 2021", "Thursday, 30 December 2021", "2021-12-30";
//   - photo credits ("kremlin.ru", "Photo: ...", "Name/AFP") and a short
//     caption between the date line and the lead are dropped.
//
// In the body, "Related article:" lines are dropped, "Original url:" (with
// the URL on the same or the next line) sets the URL, a short line without
// terminal punctuation between paragraphs is a Heading, and a paragraph
// that stops mid-sentence (a lower-case word or a comma, more than six
// words) is joined to the next: the blank line was a mistake.
//
// # Markdown
//
// Markdown is parsed with goldmark. Front matter sets title, date (or
// publishDate), url, author (or authors), tags and draft; every key is
// kept in Params. Without a title in front matter a leading level-1
// heading is the title. Headings, paragraphs, block quotes and list items
// become blocks; link text is kept, and images, code blocks, raw HTML and
// link destinations are dropped. The plain-text rules for byline, date
// line, credits and footers apply to the paragraphs at the top and bottom.
//
// # What is no article
//
// Parse refuses, with an *Error at the line of the problem, what is not
// an article's text: an empty file, a binary file (an image, a PDF,
// random bytes), UTF-16, a NUL byte, invalid UTF-8, a file over
// [MaxSize], Markdown nested deeper than [MaxNesting] or with thousands
// of links left open (which goldmark takes minutes over), front matter
// that is not YAML or TOML, values of the wrong kind (title: {a: b},
// tags: 5, draft: "yes") and a url that is no web address. A byte order
// mark and CRLF or lone CR line ends are read, with offsets into the
// file's own bytes. [ReadFile] reads only regular files up to MaxSize.
//
// # Dates
//
// The publication date is the reference for every relative date in the
// article, so it is never guessed: without a date line or a date in front
// matter, Parse returns an *Error that says where to add one.
package article
