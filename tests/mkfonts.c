/*
 * Build tool: asks fontconfig for the families a run may ask for (the
 * fallbacks every chain gets, the default among them) in each weight and
 * slant, and writes the answers and what they depend on
 * (fontanswers.h), for pdfgen/fontdata.c to compile in.
 *
 *   build/mkfonts OUT
 */
#include <stdio.h>
#include <stdlib.h>

#include "font.h"
#include "fontanswers.h"
#include "internal.h"

/* font.c reads these; what is built here has none yet. */
const struct font_answers_blob font_answers_built_in;

int
main(int argc, char *argv[])
{
	static const char *const families[] = FONT_FALLBACKS;
	struct font_answer a[FONT_NFALLBACKS * WEIGHT__MAX * SLANT__MAX];
	size_t n = 0, i, len = 0;
	int w, s, rc = 0;
	char *text = NULL;
	FILE *f, *mem;

	if (argc != 2) {
		fputs("usage: mkfonts OUT\n", stderr);
		return 2;
	}
	for (i = 0; i < FONT_NFALLBACKS; i++)
		for (w = 0; w < WEIGHT__MAX; w++)
			for (s = 0; s < SLANT__MAX; s++, n++) {
				a[n].family = (char *)families[i];
				a[n].weight = (enum font_weight)w;
				a[n].slant = (enum font_slant)s;
				a[n].index = 0;
				a[n].path = font_ask_fontconfig(families[i],
				    a[n].weight, a[n].slant, &a[n].index,
				    &a[n].why);
			}
	/* Nothing written down is better than a list that cannot be read. */
	if ((mem = open_memstream(&text, &len)) == NULL ||
	    font_answers_write(mem, a, n) == -1 || fclose(mem) != 0) {
		fprintf(stderr, "mkfonts: the answers cannot be written "
		    "down; pdfgen will ask fontconfig\n");
		len = 0;
	}
	if ((f = fopen(argv[1], "w")) == NULL ||
	    fwrite(text != NULL ? text : "", 1, len, f) != len ||
	    fclose(f) != 0) {
		perror(argv[1]);
		rc = 1;
	}
	free(text);
	for (i = 0; i < n; i++) {
		free(a[i].path);
		free(a[i].why);
	}
	return rc;
}
