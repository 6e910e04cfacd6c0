/*
 * HTML and Markdown to paragraphs (see markup.h).  Both parsers give a
 * tree; one walker per tree feeds an emitter that collects the text of
 * the paragraph being built, with PARA_BOLD_ON/OFF around strong text,
 * and hands each finished paragraph to forum_add_paragraph().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>
#include <libxml/HTMLparser.h>

#include "markup.h"
#include "util.h"

/*
 * A soft line break of Markdown.  pretalx prints every newline as a line
 * break, so one ends the paragraph, unless the text looks hard-wrapped:
 * the line before does not end a sentence and the next goes on in lower
 * case (soft_breaks()).
 */
#define SOFT_BREAK	'\x03'

/* The paragraph being built. */
struct emit {
	struct forum	*f;
	struct buf	 text;
	enum para_kind	 kind;
	char		 marker[8];
	int		 bold;		/* strong elements open */
	int		 cells;		/* table cells so far in this row */
};

static void
emit_text(struct emit *e, const char *s, size_t len)
{
	buf_add(&e->text, s, len);
}

static void
emit_bold(struct emit *e, int on)
{
	if (on && e->bold++ == 0)
		buf_addc(&e->text, PARA_BOLD_ON);
	else if (!on && e->bold > 0 && --e->bold == 0)
		buf_addc(&e->text, PARA_BOLD_OFF);
}

/* Whether the marked text s has no text: only marks and white space. */
static int
is_empty(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(" \t\n\r\x01\x02\x03", s[i]))
			return 0;
	return 1;
}

/* The last character of s before i that is text, or 0. */
static char
last_char(const char *s, size_t i)
{
	while (i > 0 && strchr(" \t\n\r\x01\x02\x03", s[i - 1]))
		i--;
	return i > 0 ? s[i - 1] : 0;
}

static char
next_char(const char *s)
{
	while (*s != '\0' && strchr(" \t\n\r\x01\x02\x03", *s))
		s++;
	return *s;
}

/*
 * Ends the paragraph being built: it is split at soft breaks that end a
 * line (see SOFT_BREAK), a bold part going on across the split; a list
 * item's marker goes with the first part.
 */
static void
flush(struct emit *e)
{
	struct buf part = { NULL, 0, 0 };
	char *s = buf_take(&e->text), *p, *q;
	int first = 1, open = 0;
	enum para_kind kind = e->kind;

	for (p = q = s; ; p++) {
		if (*p != SOFT_BREAK && *p != '\0')
			continue;
		if (*p == SOFT_BREAK && !strchr(".:!?;", last_char(s,
		    (size_t)(p - s))) && next_char(p + 1) >= 'a' &&
		    next_char(p + 1) <= 'z') {
			*p = ' ';		/* hard-wrapped: goes on */
			continue;
		}
		buf_adds(&part, open ? "\x01" : "");
		buf_add(&part, q, (size_t)(p - q));
		for (; q < p; q++)
			if (*q == PARA_BOLD_ON || *q == PARA_BOLD_OFF)
				open = *q == PARA_BOLD_ON;
		if (!is_empty(part.data, part.len)) {
			forum_add_paragraph(e->f, kind, first ? e->marker :
			    NULL, part.data, 1);
			first = 0;
			if (kind == PARA_ITEM)
				kind = PARA_PLAIN;
		}
		part.len = 0;
		if (*p == '\0')
			break;
		q = p + 1;
	}
	buf_release(&part);
	free(s);
	buf_adds(&e->text, "");
	/* A strong element open across a paragraph end goes on after it. */
	if (e->bold > 0)
		buf_addc(&e->text, PARA_BOLD_ON);
}

/* Ends the paragraph; the next one is of the given kind. */
static void
start(struct emit *e, enum para_kind kind, const char *marker)
{
	flush(e);
	e->kind = kind;
	snprintf(e->marker, sizeof(e->marker), "%s", marker ? marker : "");
}

/* --- HTML ------------------------------------------------------------- */

static int
is_name(const xmlNode *n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)*names) == 0)
			return 1;
	return 0;
}

static const char *const html_blocks[] = {
	"address", "article", "aside", "blockquote", "center", "dd", "div",
	"dl", "dt", "figcaption", "figure", "footer", "header", "hr", "main",
	"nav", "p", "pre", "section", "table", "thead", "tbody", "tfoot",
	NULL
};
static const char *const html_skipped[] = {
	"script", "style", "head", "title", "template", "noscript", NULL
};
static const char *const html_strong[] = { "b", "strong", NULL };
static const char *const html_headings[] = {
	"h1", "h2", "h3", "h4", "h5", "h6", NULL
};

static void html_walk(struct emit *, xmlNode *, int ordered, int *number);

/* An element of HTML: what it means for the paragraphs. */
static void
html_element(struct emit *e, xmlNode *n, int ordered, int *number)
{
	char marker[8];
	int count = 1;

	if (is_name(n, html_skipped))
		return;
	if (xmlStrcasecmp(n->name, (const xmlChar *)"br") == 0) {
		start(e, PARA_PLAIN, NULL);
		return;
	}
	if (is_name(n, html_headings)) {
		start(e, PARA_HEADING, NULL);
		html_walk(e, n->children, 0, NULL);
		start(e, PARA_PLAIN, NULL);
		return;
	}
	if (xmlStrcasecmp(n->name, (const xmlChar *)"ul") == 0 ||
	    xmlStrcasecmp(n->name, (const xmlChar *)"ol") == 0) {
		start(e, PARA_PLAIN, NULL);
		html_walk(e, n->children, n->name[0] == 'o' ||
		    n->name[0] == 'O', &count);
		start(e, PARA_PLAIN, NULL);
		return;
	}
	if (xmlStrcasecmp(n->name, (const xmlChar *)"li") == 0) {
		if (ordered && number != NULL)
			snprintf(marker, sizeof(marker), "%d.", (*number)++ %
			    10000);
		start(e, PARA_ITEM, ordered ? marker : "\xE2\x80\xA2");
		html_walk(e, n->children, 0, NULL);
		start(e, PARA_PLAIN, NULL);
		return;
	}
	if (xmlStrcasecmp(n->name, (const xmlChar *)"tr") == 0) {
		/* A row of a table: one plain line, cells apart. */
		start(e, PARA_PLAIN, NULL);
		e->cells = 0;
		html_walk(e, n->children, 0, NULL);
		start(e, PARA_PLAIN, NULL);
		return;
	}
	if (xmlStrcasecmp(n->name, (const xmlChar *)"td") == 0 ||
	    xmlStrcasecmp(n->name, (const xmlChar *)"th") == 0) {
		if (e->cells++ > 0)
			emit_text(e, " \xC2\xB7 ", 4);
		html_walk(e, n->children, 0, NULL);
		return;
	}
	if (is_name(n, html_blocks)) {
		start(e, PARA_PLAIN, NULL);
		html_walk(e, n->children, 0, NULL);
		start(e, PARA_PLAIN, NULL);
		return;
	}
	if (is_name(n, html_strong)) {
		emit_bold(e, 1);
		html_walk(e, n->children, 0, NULL);
		emit_bold(e, 0);
		return;
	}
	/* a, em, span, code, ...: their text. */
	html_walk(e, n->children, 0, NULL);
}

static void
html_walk(struct emit *e, xmlNode *n, int ordered, int *number)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			emit_text(e, (const char *)n->content,
			    strlen((const char *)n->content));
		else if (n->type == XML_ELEMENT_NODE)
			html_element(e, n, ordered, number);
	}
}

/*
 * Parses HTML with libxml2's HTML parser: no network, no messages (the
 * text is what it is), no entities but HTML's own.
 */
static xmlDoc *
html_parse(const char *text)
{
	int len = strlen(text) > (size_t)1 << 30 ? 1 << 30 :
	    (int)strlen(text);

	return htmlReadMemory(text, len, NULL, "UTF-8", HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS);
}

static void
html_paragraphs(struct emit *e, const char *text)
{
	xmlDoc *doc = html_parse(text);

	if (doc == NULL)
		return;
	html_walk(e, xmlDocGetRootElement(doc), 0, NULL);
	xmlFreeDoc(doc);
	start(e, PARA_PLAIN, NULL);
}

/* Whether text has HTML that makes paragraphs: then it is HTML. */
static int
has_html_blocks(const char *text)
{
	static const char *const tags[] = {
		"p", "br", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4",
		"h5", "h6", "table", "tr", "blockquote", "pre", NULL
	};
	const char *p, *const *t;
	size_t n;

	for (p = strchr(text, '<'); p != NULL; p = strchr(p + 1, '<'))
		for (t = tags; *t != NULL; t++) {
			n = strlen(*t);
			if (strncasecmp(p + 1, *t, n) == 0 &&
			    strchr(" \t\n/>", p[1 + n]) != NULL)
				return 1;
		}
	return 0;
}

/* --- Markdown --------------------------------------------------------- */

static int
is_delim_row(const char *s, size_t len)
{
	size_t i, dashes = 0;
	int pipe = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '-')
			dashes++;
		else if (s[i] == '|')
			pipe = 1;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return pipe && dashes >= 3;
}

/*
 * Pipe tables ("| a | b |" over "|---|---|"), which CommonMark does not
 * know, as plain lines: the delimiter row dropped, each row a paragraph
 * of its cells apart.  Other text is copied as it is.
 */
static char *
untable(const char *text)
{
	struct buf out = { NULL, 0, 0 };
	const char *line, *end, *c, *next;
	int in_table = 0, cells;

	buf_adds(&out, "");
	for (line = text; *line != '\0'; line = next) {
		end = strchr(line, '\n');
		next = end ? end + 1 : line + strlen(line);
		if (end == NULL)
			end = next;
		/* A table starts at a row whose next line is the delimiter. */
		if (!in_table && memchr(line, '|', (size_t)(end - line)) &&
		    *next != '\0') {
			const char *e2 = strchr(next, '\n');

			in_table = is_delim_row(next, e2 ? (size_t)(e2 - next) :
			    strlen(next));
		}
		if (!in_table || memchr(line, '|', (size_t)(end - line)) ==
		    NULL) {
			in_table = 0;
			buf_add(&out, line, (size_t)(next - line));
			continue;
		}
		if (is_delim_row(line, (size_t)(end - line)))
			continue;
		buf_adds(&out, "\n");
		cells = 0;
		for (c = line; c < end; ) {
			const char *bar = memchr(c, '|', (size_t)(end - c));
			const char *ce = bar ? bar : end, *cs = c;

			while (cs < ce && (*cs == ' ' || *cs == '\t'))
				cs++;
			while (ce > cs && (ce[-1] == ' ' || ce[-1] == '\t'))
				ce--;
			if (ce > cs) {
				if (cells++ > 0)
					buf_adds(&out, " \xC2\xB7 ");
				buf_add(&out, cs, (size_t)(ce - cs));
			}
			c = bar ? bar + 1 : end;
		}
		buf_adds(&out, "\n\n");
	}
	return buf_take(&out);
}

/* Inline HTML in Markdown: <b>, <strong> and <br> mean something. */
static void
md_inline_html(struct emit *e, const char *lit)
{
	char name[16];
	size_t i = 0;
	int close = lit[1] == '/';

	for (lit += 1 + close; i + 1 < sizeof(name) &&
	    ((*lit >= 'a' && *lit <= 'z') || (*lit >= 'A' && *lit <= 'Z') ||
	    (*lit >= '0' && *lit <= '9')); lit++)
		name[i++] = (char)(*lit | 0x20);
	name[i] = '\0';
	if (strcmp(name, "b") == 0 || strcmp(name, "strong") == 0)
		emit_bold(e, !close);
	else if (strcmp(name, "br") == 0)
		start(e, PARA_PLAIN, NULL);
}

/* The marker of a list item: "•", or its number and delimiter. */
static void
md_marker(cmark_node *item, char marker[8])
{
	cmark_node *list = cmark_node_parent(item), *n;
	int k = 0;

	if (list == NULL || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) {
		snprintf(marker, 8, "\xE2\x80\xA2");
		return;
	}
	for (n = cmark_node_first_child(list); n != NULL && n != item;
	    n = cmark_node_next(n))
		k++;
	snprintf(marker, 8, "%d%c", (cmark_node_get_list_start(list) + k) %
	    10000, cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ?
	    ')' : '.');
}

static void
md_node(struct emit *e, cmark_node *n, cmark_event_type ev)
{
	const char *lit = cmark_node_get_literal(n);
	char marker[8];

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		/* The first paragraph of a list item is the item. */
		if (ev == CMARK_EVENT_EXIT || e->kind != PARA_ITEM ||
		    e->text.len > 0)
			start(e, ev == CMARK_EVENT_EXIT ? PARA_PLAIN : e->kind,
			    ev == CMARK_EVENT_EXIT ? NULL : e->marker);
		break;
	case CMARK_NODE_ITEM:
		if (ev == CMARK_EVENT_ENTER) {
			md_marker(n, marker);
			start(e, PARA_ITEM, marker);
		} else
			start(e, PARA_PLAIN, NULL);
		break;
	case CMARK_NODE_HEADING:
		start(e, ev == CMARK_EVENT_ENTER ? PARA_HEADING : PARA_PLAIN,
		    NULL);
		break;
	case CMARK_NODE_CODE_BLOCK:
		/* Code as it is, a line a paragraph. */
		start(e, PARA_PLAIN, NULL);
		for (; lit != NULL && *lit != '\0'; lit += strcspn(lit,
		    "\n") + (lit[strcspn(lit, "\n")] != '\0')) {
			emit_text(e, lit, strcspn(lit, "\n"));
			start(e, PARA_PLAIN, NULL);
		}
		break;
	case CMARK_NODE_HTML_BLOCK:
		start(e, PARA_PLAIN, NULL);
		if (lit != NULL)
			html_paragraphs(e, lit);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_THEMATIC_BREAK:
		start(e, PARA_PLAIN, NULL);
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		if (lit != NULL)
			emit_text(e, lit, strlen(lit));
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_addc(&e->text, SOFT_BREAK);
		break;
	case CMARK_NODE_LINEBREAK:
		start(e, PARA_PLAIN, NULL);
		break;
	case CMARK_NODE_HTML_INLINE:
		if (lit != NULL && lit[0] == '<')
			md_inline_html(e, lit);
		break;
	case CMARK_NODE_STRONG:
		emit_bold(e, ev == CMARK_EVENT_ENTER);
		break;
	default:	/* emphasis, links, images: their text */
		break;
	}
}

static void
md_paragraphs(struct emit *e, const char *text)
{
	char *plain = untable(text);
	cmark_node *doc = cmark_parse_document(plain, strlen(plain),
	    CMARK_OPT_DEFAULT);
	cmark_iter *it;
	cmark_event_type ev;

	free(plain);
	if (doc == NULL)
		return;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		md_node(e, cmark_iter_get_node(it), ev);
	cmark_iter_free(it);
	cmark_node_free(doc);
	start(e, PARA_PLAIN, NULL);
}

/* --- the interface ---------------------------------------------------- */

void
markup_paragraphs(struct forum *f, const char *text)
{
	struct emit e;

	memset(&e, 0, sizeof(e));
	e.f = f;
	buf_adds(&e.text, "");
	if (has_html_blocks(text))
		html_paragraphs(&e, text);
	else
		md_paragraphs(&e, text);
	buf_release(&e.text);
}

char *
markup_plain(const char *text)
{
	struct forum f;
	struct emit e;
	char *s;
	size_t i;

	if (strchr(text, '<') == NULL && strchr(text, '&') == NULL)
		return xstrdup(text);
	memset(&f, 0, sizeof(f));
	memset(&e, 0, sizeof(e));
	e.f = &f;
	buf_adds(&e.text, "");
	html_paragraphs(&e, text);
	buf_release(&e.text);
	/* One line: whatever the markup made paragraphs of, joined. */
	{
		struct buf b = { NULL, 0, 0 };

		for (i = 0; i < f.nparagraphs; i++) {
			buf_add_item(&b, i, " ", f.paragraphs[i].text);
			free(f.paragraphs[i].text);
			free(f.paragraphs[i].bold);
		}
		free(f.paragraphs);
		s = b.len > 0 ? buf_take(&b) : NULL;
	}
	return s;
}
