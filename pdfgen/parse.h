/*
 * Parser interface: from a file to a struct programme.
 *
 * programme_load() reads any supported input: it loads the XML safely
 * (xmlsrc.h), picks the format from the root element (or takes the one
 * named), hands the document to that format's parser and runs the checks
 * of programme_check().  Each format parser fills a fresh programme and
 * reports every problem it finds.
 *
 * For main.c, the parsers and their tests; renderers never include it.
 */
#ifndef PDFGEN_PARSE_H
#define PDFGEN_PARSE_H

#include <stdio.h>

#include "diag.h"
#include "programme.h"

/* xmlsrc.h, for the parsers only: main.c sees no libxml2. */
struct xmlsrc;

#define PROGRAMME_NS "urn:pdfgen:programme:1"

enum input_format {
	INPUT_AUTO,		/* decide by the root element */
	INPUT_PROGRAMME,	/* our own format, input/programme.xsd */
	INPUT_SCHEDULE_XML,	/* frab / pretalx schedule.xml */
	INPUT__MAX
};

/*
 * What a caller leaves out of the model.  LOAD_NO_DESCRIPTIONS: forums get
 * no paragraphs, for products that print none (badges, the poster): the
 * HTML and Markdown of an export's abstracts are neither parsed nor
 * checked for characters no font has.  Errors in the input are reported
 * all the same.
 */
#define LOAD_NO_DESCRIPTIONS	0x1

/*
 * Reads path in the given format.  Returns the programme (the caller frees
 * it with programme_free), or NULL after reporting every problem to d.
 * A programme is returned only when no error was reported.
 */
struct programme *programme_load(const char *path, enum input_format,
	    unsigned flags, struct diag *d);

/*
 * The format parsers; x is loaded, prog->file is set by the caller.  They
 * return 0 when they built a model, even if they reported errors in it
 * (programme_load then still runs the checks, so that every problem is
 * reported at once), and -1 when the document was unusable.
 */
int	programme_from_xml(struct programme *prog, struct xmlsrc *x,
	    unsigned flags, struct diag *d);
int	schedule_from_xml(struct programme *prog, struct xmlsrc *x,
	    unsigned flags, struct diag *d);

/* Writes prog in our own format (pdfgen convert).  Returns 0 or -1. */
int	programme_write_xml(const struct programme *prog, FILE *out);

#endif
