/*
 * Build tool: writes the hyphenation automaton of a language, built from
 * the installed patterns, for pdfgen/hyphdata.c to compile in.
 *
 *   build/mkhyph LANG OUT    (LANG: de or en)
 *
 * Without the patterns OUT is empty: pdfgen then loads them, if they are
 * installed later, at run time.
 */
#include <stdio.h>
#include <string.h>

#include "hyphenate.h"
#include "util.h"

/* hyphenate.c reads these; what is built here has none yet. */
const struct hyph_blob hyph_blobs[2];

int
main(int argc, char *argv[])
{
	struct buf b = { 0 };
	FILE *f;

	if (argc != 3) {
		fputs("usage: mkhyph de|en OUT\n", stderr);
		return 2;
	}
	if (hyph_build(argv[1], &b) == -1)
		fprintf(stderr, "mkhyph: no patterns for '%s'; none built in\n",
		    argv[1]);
	/* What pdfgen trusts when it loads it: every move and the checksum. */
	else if (hyph_check_built(argv[1], b.data, b.len) == -1) {
		fprintf(stderr, "mkhyph: the automaton built for '%s' does "
		    "not check\n", argv[1]);
		return 1;
	}
	if ((f = fopen(argv[2], "wb")) == NULL ||
	    fwrite(b.data != NULL ? b.data : "", 1, b.len, f) != b.len ||
	    fclose(f) != 0) {
		perror(argv[2]);
		return 1;
	}
	buf_release(&b);
	return 0;
}
