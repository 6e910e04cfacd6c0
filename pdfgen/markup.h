/*
 * Markup in imported text: the HTML or Markdown that schedule exports
 * carry in abstracts and descriptions, read with the libraries made for
 * it (libxml2's HTML parser, cmark) into the model's paragraphs: list
 * items keep their marker, headings become run-in headings, strong text
 * stays bold, table rows become plain lines, everything else its text.
 *
 * For the parsers (schedule_xml.c) and their tests.
 */
#ifndef PDFGEN_MARKUP_H
#define PDFGEN_MARKUP_H

#include "programme.h"

/*
 * Appends the paragraphs of text to f.  Text with HTML block elements
 * (<p>, <br>, <ul>, <table>...) is read as HTML, other text as Markdown
 * (CommonMark, with pipe tables and pretalx's habit of a line break for
 * every newline).  text must be valid UTF-8 without control characters.
 */
void	markup_paragraphs(struct forum *f, const char *text);

/*
 * The plain text of a one-line text that may hold HTML ("<em>Rust</em>
 * &amp; C"): tags dropped, entities decoded, white space collapsed.
 * Text without '<' and '&' comes back as it is.  Returns a new string,
 * NULL when nothing is left.
 */
char	*markup_plain(const char *text);

#endif
