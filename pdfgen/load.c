/*
 * programme_load(): from a path to a checked programme, whatever the input
 * format.
 */
#include <stdlib.h>

#include "parse.h"
#include "util.h"
#include "xmlsrc.h"

static enum input_format
detect(const xmlNode *root)
{
	if (xml_is(root, NULL, "schedule"))
		return INPUT_SCHEDULE_XML;
	return INPUT_PROGRAMME;
}

struct programme *
programme_load(const char *path, enum input_format fmt, unsigned flags,
    struct diag *d)
{
	struct programme *prog = xcalloc(1, sizeof(*prog));
	struct xmlsrc x;
	unsigned before = d->nerrors;
	int rc;

	prog->file = xstrdup(path);
	if (xmlsrc_load(&x, prog->file, XMLSRC_MAX_BYTES, d) == -1) {
		xmlsrc_release(&x);
		programme_free(prog);
		return NULL;
	}
	if (fmt == INPUT_AUTO)
		fmt = detect(xmlDocGetRootElement(x.doc));
	if (fmt == INPUT_SCHEDULE_XML)
		rc = schedule_from_xml(prog, &x, flags, d);
	else
		rc = programme_from_xml(prog, &x, flags, d);
	xmlsrc_release(&x);
	if (rc == 0) {
		programme_sort_forums(prog);
		programme_check(prog, fmt == INPUT_PROGRAMME, d);
	}
	if (rc == -1 || d->nerrors > before) {
		programme_free(prog);
		return NULL;
	}
	return prog;
}
