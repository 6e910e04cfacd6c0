/*
 * Implementation of xmlsrc.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "util.h"
#include "xmlsrc.h"

struct errctx {
	struct xmlsrc	*x;
	struct diag	*d;
};

/* Removes "{namespace}" prefixes that libxml2 puts before element names. */
static void
strip_namespaces(char *s)
{
	char *o = s, *close;

	while (*s != '\0') {
		if (*s == '{' && (close = strchr(s, '}')) != NULL &&
		    memchr(s, ' ', (size_t)(close - s)) == NULL) {
			s = close + 1;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
}

/*
 * Rewrites libxml2's schema messages ("Element 'x': This element is not
 * expected. Expected is ( title ).") into plain words for the people who
 * edit programmes.  Returns a new string.
 */
static int
listlen(const char *list)
{
	const char *end = strstr(list, " )");

	return end ? (int)(end - list) : (int)strlen(list);
}

static char *
plain_schema_message(const char *msg)
{
	static const char unexpected[] = "This element is not expected.";
	static const char missing[] = "Missing child element(s).";
	static const char expected[] = " Expected is ";
	/* The schema's type "text": a token of at least one character. */
	static const char short_[] = ": [facet 'minLength'] The value ";
	static const char empty[] = "has a length of '0';";
	const char *name, *rest, *list, *e;
	int namelen;

	if (strncmp(msg, "Element '", 9) != 0 ||
	    (rest = strchr(msg + 9, '\'')) == NULL)
		return xstrdup(msg);
	name = msg + 9;
	namelen = (int)(rest - name);
	rest++;
	if ((e = strstr(rest, short_)) != NULL && strstr(e, empty) != NULL)
		return xasprintf("<%.*s>%.*s is empty or only white space",
		    namelen, name, (int)(e - rest), rest);
	if (strncmp(rest, ": ", 2) != 0)	/* ", attribute 'x': ..." */
		return xasprintf("<%.*s>%s", namelen, name, rest);
	rest += 2;
	list = strstr(rest, expected);
	list = list ? list + sizeof(expected) - 1 : NULL;
	if (list != NULL && strncmp(list, "one of ", 7) == 0)
		list += 7;
	if (list != NULL && strncmp(list, "( ", 2) == 0)
		list += 2;	/* "( a, b )." -> "a, b" (the tail is cut below) */
	if (strncmp(rest, unexpected, sizeof(unexpected) - 1) == 0)
		return list ? xasprintf("unexpected element <%.*s> here; "
		    "expected %.*s", namelen, name, listlen(list), list) :
		    xasprintf("unexpected element <%.*s> here", namelen, name);
	if (strncmp(rest, missing, sizeof(missing) - 1) == 0 && list)
		return xasprintf("<%.*s> lacks a required element: %.*s",
		    namelen, name, listlen(list), list);
	return xasprintf("<%.*s>: %s", namelen, name, rest);
}

static void
on_xml_error(void *arg, xmlErrorPtr e)
{
	struct errctx *c = arg;
	struct srcpos pos = { c->x->path, 0, 0 };
	char *msg, *nl;

	if (e->node != NULL && e->domain == XML_FROM_SCHEMASV)
		xmlsrc_pos(c->x, e->node, &pos);
	else {
		pos.line = e->line > 0 ? (unsigned)e->line : 0;
		pos.col = e->int2 > 0 ? (unsigned)e->int2 : 0;
	}
	if (e->code == XML_ERR_INVALID_CHAR ||
	    e->code == XML_ERR_INVALID_ENCODING)
		msg = xstrdup("invalid UTF-8: save the file as UTF-8");
	else
		msg = xstrdup(e->message ? e->message : "malformed XML");
	/* Only the first line; libxml2 adds byte dumps after it. */
	if ((nl = strchr(msg, '\n')) != NULL)
		*nl = '\0';
	strip_namespaces(msg);
	if (e->domain == XML_FROM_SCHEMASV) {
		nl = plain_schema_message(msg);
		free(msg);
		msg = nl;
	}
	if (*msg != '\0' && msg[1] != '\0' && msg[0] >= 'A' && msg[0] <= 'Z' &&
	    !(msg[1] >= 'A' && msg[1] <= 'Z'))
		msg[0] = (char)(msg[0] - 'A' + 'a');
	nl = msg + strlen(msg);
	while (nl > msg && (nl[-1] == '.' || nl[-1] == ' '))
		*--nl = '\0';
	if (e->level == XML_ERR_WARNING)
		diag_warning(c->d, &pos, "%s", msg);
	else
		diag_error(c->d, &pos, "%s", msg);
	free(msg);
}

/*
 * A DOCTYPE is where entities come from: refuse the document the moment
 * the parser meets one, before any declaration inside it is read.
 */
static void
on_doctype(void *arg, const xmlChar *name, const xmlChar *extid,
    const xmlChar *sysid)
{
	xmlParserCtxtPtr ctxt = arg;
	struct errctx *c = ctxt->_private;
	struct srcpos pos = { c->x->path, 0, 0 };

	(void)name;
	(void)extid;
	(void)sysid;
	if (ctxt->input != NULL)
		pos.line = (unsigned)ctxt->input->line;
	diag_error(c->d, &pos, "document type declarations (<!DOCTYPE ...>) "
	    "are not allowed: they can hide entities");
	xmlStopParser(ctxt);
}

static int
read_file(struct xmlsrc *x, size_t max, struct diag *d)
{
	struct srcpos pos = { x->path, 0, 0 };
	struct stat st;
	FILE *f;
	size_t n;

	if ((f = fopen(x->path, "rb")) == NULL)
		return diag_error(d, &pos, "cannot open: %s", strerror(errno));
	if (fstat(fileno(f), &st) == -1 || S_ISDIR(st.st_mode)) {
		fclose(f);
		return diag_error(d, &pos, "is a directory, not an XML file");
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		fclose(f);
		return diag_error(d, &pos, "file is larger than the limit of "
		    "%zu MiB", max >> 20);
	}
	x->text = xmalloc(max + 2);
	n = fread(x->text, 1, max + 1, f);
	if (ferror(f)) {
		fclose(f);
		return diag_error(d, &pos, "cannot read: %s", strerror(errno));
	}
	fclose(f);
	if (n > max)
		return diag_error(d, &pos, "file is larger than the limit of "
		    "%zu MiB", max >> 20);
	x->text[n] = '\0';
	x->len = n;
	return 0;
}

/*
 * Each element records where its start tag ends (the parser stands on its
 * '>' now) as a byte offset + 1 in its _private: xmlsrc_pos() finds the
 * tag from there, however long the line and however many diagnostics.
 */
static void
on_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr ctxt = ctx;
	long at;

	xmlSAX2StartElementNs(ctx, name, prefix, uri, nns, ns, nattrs,
	    ndefaulted, attrs);
	if (ctxt->node != NULL && (at = xmlByteConsumed(ctxt)) >= 0)
		ctxt->node->_private = (void *)(uintptr_t)(at + 1);
}

int
xmlsrc_load(struct xmlsrc *x, const char *path, size_t max, struct diag *d)
{
	struct errctx c = { x, d };
	struct srcpos pos = { path, 0, 0 };
	xmlParserCtxtPtr ctxt;
	size_t i;
	unsigned before = d->nerrors;

	memset(x, 0, sizeof(*x));
	x->path = path;
	if (read_file(x, max, d) == -1)
		return -1;
	for (i = 0; i < x->len; i++)
		if (x->text[i] != ' ' && x->text[i] != '\t' &&
		    x->text[i] != '\n' && x->text[i] != '\r')
			break;
	if (i == x->len)
		return diag_error(d, &pos, "file is empty");
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		return diag_error(d, &pos, "out of memory");
	ctxt->_private = &c;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->startElementNs = on_start;
	xmlSetStructuredErrorFunc(&c, on_xml_error);
	x->doc = xmlCtxtReadMemory(ctxt, x->text, (int)x->len, path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	if (x->doc != NULL && (d->nerrors > before || x->doc->intSubset ||
	    x->doc->extSubset)) {
		xmlFreeDoc(x->doc);
		x->doc = NULL;
	}
	if (x->doc == NULL) {
		if (d->nerrors == before)
			diag_error(d, &pos, "not a well-formed XML document");
		return -1;
	}
	return 0;
}

/*
 * The built-in schemas, compiled once for the process: "all" reads a
 * layout per product, and compiling the layout schema took most of
 * reading one.  A compiled schema is only read by validation.
 */
static struct compiled {
	const char	*xsd;
	xmlSchemaPtr	 schema;
} *compiled;
static size_t ncompiled;

static void
compiled_free(void)
{
	while (ncompiled > 0)
		xmlSchemaFree(compiled[--ncompiled].schema);
	free(compiled);
	compiled = NULL;
}

/* The schema of xsd, compiled on first use; NULL if it does not compile. */
static xmlSchemaPtr
schema_for(const char *xsd, size_t xsdlen)
{
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	size_t i;

	for (i = 0; i < ncompiled; i++)
		if (compiled[i].xsd == xsd)
			return compiled[i].schema;
	pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)xsdlen);
	schema = pctxt ? xmlSchemaParse(pctxt) : NULL;
	xmlSchemaFreeParserCtxt(pctxt);
	if (schema == NULL)
		return NULL;
	if (ncompiled == 0)
		atexit(compiled_free);
	compiled = xreallocarray(compiled, ncompiled + 1, sizeof(*compiled));
	compiled[ncompiled++] = (struct compiled){ xsd, schema };
	return schema;
}

int
xmlsrc_validate(struct xmlsrc *x, const char *xsd, size_t xsdlen,
    struct diag *d)
{
	struct errctx c = { x, d };
	xmlSchemaValidCtxtPtr vctxt;
	xmlSchemaPtr schema;
	int rc;

	if ((schema = schema_for(xsd, xsdlen)) == NULL)
		return diag_error(d, NULL, "internal error: the built-in schema "
		    "does not compile");
	vctxt = xmlSchemaNewValidCtxt(schema);
	xmlSchemaSetValidStructuredErrors(vctxt, on_xml_error, &c);
	rc = xmlSchemaValidateDoc(vctxt, x->doc);
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc < 0)
		return diag_error(d, NULL, "internal error in schema validation");
	return rc == 0 ? 0 : -1;
}

static void
index_lines(struct xmlsrc *x)
{
	size_t i, n = 1;

	for (i = 0; i < x->len; i++)
		if (x->text[i] == '\n')
			n++;
	x->lines = xcalloc(n, sizeof(*x->lines));
	x->nlines = 0;
	x->lines[x->nlines++] = 0;
	for (i = 0; i < x->len; i++)
		if (x->text[i] == '\n')
			x->lines[x->nlines++] = i + 1;
}

/*
 * The position of element n from the end of its start tag recorded by
 * on_start(): the '<' before it (no '<' stands inside a tag), when the
 * name follows it there.  -1 when there is none (a file re-encoded by
 * libxml2, whose offsets are not those of x->text).
 */
static int
pos_recorded(const struct xmlsrc *x, const xmlNode *n, struct srcpos *pos)
{
	size_t end = (size_t)(uintptr_t)n->_private, lt, at, lo, hi, len;

	if (end == 0 || --end > x->len)
		return -1;
	for (lt = end; lt > 0 && x->text[lt - 1] != '<'; lt--)
		;
	if (lt-- == 0)
		return -1;
	at = lt + 1;
	if (n->ns != NULL && n->ns->prefix != NULL) {
		len = strlen((const char *)n->ns->prefix);
		if (strncmp(x->text + at, (const char *)n->ns->prefix,
		    len) != 0 || x->text[at + len] != ':')
			return -1;
		at += len + 1;
	}
	len = strlen((const char *)n->name);
	if (strncmp(x->text + at, (const char *)n->name, len) != 0)
		return -1;
	/* The last line starting at or before the '<'. */
	lo = 0;
	hi = x->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->lines[mid] <= lt)
			lo = mid;
		else
			hi = mid;
	}
	pos->line = (unsigned)(lo + 1);
	pos->col = (unsigned)(lt - x->lines[lo]) + 1;
	return 0;
}

/*
 * libxml2 keeps only line numbers for nodes.  The column is where the
 * element's start tag stands on that line: the k-th "<name" there, k being
 * the number of earlier siblings of the same name on the same line.
 */
void
xmlsrc_pos(struct xmlsrc *x, const xmlNode *n, struct srcpos *pos)
{
	const xmlNode *s;
	const char *line, *end, *p;
	char tag[256];
	size_t taglen;
	long ln;
	int k = 0;

	pos->file = x->path;
	pos->line = 0;
	pos->col = 0;
	if (n == NULL)
		return;
	if (n->type == XML_ATTRIBUTE_NODE || n->type == XML_TEXT_NODE)
		n = n->parent;
	if (n == NULL || (ln = xmlGetLineNo(n)) <= 0)
		return;
	pos->line = (unsigned)ln;
	if (x->lines == NULL)
		index_lines(x);
	if ((size_t)ln > x->nlines || n->type != XML_ELEMENT_NODE)
		return;
	if (pos_recorded(x, n, pos) == 0)
		return;
	/* Siblings come in document order: stop at the first on an earlier line. */
	for (s = n->prev; s != NULL; s = s->prev) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		if (xmlGetLineNo(s) != ln)
			break;
		if (xmlStrEqual(s->name, n->name))
			k++;
	}
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(tag, sizeof(tag), "<%s:%s", n->ns->prefix, n->name);
	else
		snprintf(tag, sizeof(tag), "<%s", n->name);
	taglen = strlen(tag);
	line = x->text + x->lines[ln - 1];
	end = (size_t)ln < x->nlines ? x->text + x->lines[ln] : x->text + x->len;
	for (p = line; p + taglen <= end; p++) {
		if (strncmp(p, tag, taglen) != 0 || (p + taglen < end &&
		    strchr(" \t\r\n/>", p[taglen]) == NULL))
			continue;
		if (k-- == 0) {
			pos->col = (unsigned)(p - line) + 1;
			return;
		}
	}
	/*
	 * libxml2 gives the line where a start tag ends: a tag that spans
	 * lines begins at the nearest "<name" before this line, with no '>'
	 * in between.
	 */
	for (p = line; p > x->text && p[-1] != '>'; p--) {
		if (strncmp(p - 1, tag, taglen) != 0 ||
		    strchr(" \t\r\n", p[taglen - 1]) == NULL)
			continue;
		while (ln > 1 && x->text + x->lines[ln - 1] > p - 1)
			ln--;
		pos->line = (unsigned)ln;
		pos->col = (unsigned)(p - 1 - (x->text + x->lines[ln - 1])) + 1;
		return;
	}
}

/*
 * The position of attribute name of element n: libxml2 keeps only the
 * element's line, xmlsrc_pos() finds its start tag, and the attribute is
 * found by reading on through the tag (values may hold '>' in quotes).
 * Falls back to the element's position.
 */
void
xmlsrc_attr_pos(struct xmlsrc *x, const xmlNode *n, const char *name,
    struct srcpos *pos)
{
	const char *p, *end;
	size_t len;
	unsigned line, col;
	char quote = 0;

	xmlsrc_pos(x, n, pos);
	if (name == NULL || pos->line == 0 || pos->col == 0)
		return;
	len = strlen(name);
	p = x->text + x->lines[pos->line - 1] + pos->col - 1;
	end = x->text + x->len;
	line = pos->line;
	col = pos->col;
	for (; p < end; p++, col++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '>')
			return;
		else if (isspace((unsigned char)p[-1]) &&
		    (size_t)(end - p) > len && strncmp(p, name, len) == 0 &&
		    (p[len] == '=' || isspace((unsigned char)p[len]))) {
			pos->line = line;
			pos->col = col;
			return;
		}
		if (*p == '\n') {
			line++;
			col = 0;
		}
	}
}

void
xmlsrc_release(struct xmlsrc *x)
{
	if (x->doc != NULL)
		xmlFreeDoc(x->doc);
	free(x->text);
	free(x->lines);
	memset(x, 0, sizeof(*x));
}

int
xml_is(const xmlNode *n, const char *ns, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE ||
	    !xmlStrEqual(n->name, (const xmlChar *)name))
		return 0;
	if (ns == NULL)
		return n->ns == NULL;
	return n->ns != NULL && xmlStrEqual(n->ns->href, (const xmlChar *)ns);
}

xmlNode *
xml_first(const xmlNode *n)
{
	xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNode *
xml_next(const xmlNode *n)
{
	for (n = n->next; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return (xmlNode *)n;
	return NULL;
}

xmlNode *
xml_child(const xmlNode *n, const char *ns, const char *name)
{
	xmlNode *c;

	for (c = n ? xml_first(n) : NULL; c != NULL; c = xml_next(c))
		if (xml_is(c, ns, name))
			return c;
	return NULL;
}

size_t
xml_count(const xmlNode *n)
{
	xmlNode *c;
	size_t k = 0;

	for (c = n ? xml_first(n) : NULL; c != NULL; c = xml_next(c))
		k++;
	return k;
}

void
collapse_space(char *s)
{
	char *start = s, *o = s;
	int space = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space && o != start)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
}

static char *
collapsed(xmlChar *raw)
{
	char *s;

	if (raw == NULL)
		return NULL;
	s = xstrdup((const char *)raw);
	xmlFree(raw);
	collapse_space(s);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

char *
xml_text(const xmlNode *n)
{
	return n ? collapsed(xmlNodeGetContent(n)) : NULL;
}

char *
xml_attr(const xmlNode *n, const char *name)
{
	return collapsed(xmlGetProp(n, (const xmlChar *)name));
}
