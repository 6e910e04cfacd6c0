/*
 * Safe loading of untrusted XML files with libxml2, shared by every parser
 * (programme, layout, schedule.xml).
 *
 * The file is read whole (with a size limit) and parsed without entity
 * substitution, DTD loading, network access or XInclude; a document that
 * has a DOCTYPE is refused outright, before any entity is looked at.  Every
 * libxml2 message is reported through diag as FILE:LINE:COL.
 *
 * For parsers only; renderers never see XML.
 */
#ifndef PDFGEN_XMLSRC_H
#define PDFGEN_XMLSRC_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

#define XMLSRC_MAX_BYTES ((size_t)64 << 20)	/* 64 MiB */

struct xmlsrc {
	const char	*path;		/* not owned; srcpos.file points here */
	char		*text;		/* the file's bytes */
	size_t		 len;
	size_t		*lines;		/* offsets of line starts, built on demand */
	size_t		 nlines;
	xmlDoc		*doc;
};

/*
 * Reads and parses path (at most max bytes).  path must outlive x.
 * Returns 0, or -1 after reporting why not; release x either way.
 */
int	xmlsrc_load(struct xmlsrc *x, const char *path, size_t max,
	    struct diag *d);

/*
 * Validates the document against an XML Schema given as text.  Reports
 * every violation; returns 0 when valid, -1 otherwise.
 */
int	xmlsrc_validate(struct xmlsrc *x, const char *xsd, size_t xsdlen,
	    struct diag *d);

/* The position of an element (or of an attribute's element) in the file. */
void	xmlsrc_pos(struct xmlsrc *x, const xmlNode *n, struct srcpos *pos);

/*
 * The position of attribute name of element n; the element's position
 * when the attribute cannot be found.
 */
void	xmlsrc_attr_pos(struct xmlsrc *x, const xmlNode *n, const char *name,
	    struct srcpos *pos);

void	xmlsrc_release(struct xmlsrc *x);

/* Nonzero if n is an element named name in namespace ns (NULL: none). */
int	xml_is(const xmlNode *n, const char *ns, const char *name);

/* The first child element of n, and the next element after n. */
xmlNode	*xml_first(const xmlNode *n);
xmlNode	*xml_next(const xmlNode *n);

/* The first child element of n named name in namespace ns, or NULL. */
xmlNode	*xml_child(const xmlNode *n, const char *ns, const char *name);

/* The number of child elements of n (NULL: 0). */
size_t	xml_count(const xmlNode *n);

/*
 * The text of an element, or the value of an attribute, with white space
 * collapsed; NULL when absent or only white space.  The caller frees it.
 */
char	*xml_text(const xmlNode *n);
char	*xml_attr(const xmlNode *n, const char *name);

/* Collapses runs of white space in s to single spaces and trims; in place. */
void	collapse_space(char *s);

#endif
