/*
 * Fuzz target: the programme parser (input/programme.xsd), through
 * programme_load() as the command line calls it, then the writer of
 * pdfgen convert and the name helpers on whatever it accepted.
 */
#include "fuzz.h"
#include "parse.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT INPUT_PROGRAMME
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct programme *p;
	struct diag d;
	size_t i;

	if (null == NULL)
		null = fopen("/dev/null", "w");
	fuzz_diag(&d);
	if ((p = programme_load(fuzz_path(data, size), FUZZ_FORMAT, 0,
	    &d)) == NULL)
		return 0;
	/* A returned programme means no error was reported. */
	if (d.nerrors != 0)
		abort();
	programme_write_xml(p, null);
	for (i = 0; i < p->npeople; i++) {
		free(person_name(&p->people[i]));
		free(person_full_name(&p->people[i]));
	}
	programme_free(p);
	return 0;
}
