/*
 * fontconfig's answers to font lookups, written down by the build
 * (tests/mkfonts.c) for the families every run may ask for, and compiled
 * in (fontdata.c).  Reading fontconfig's configuration, some fifty files,
 * costs a run more than drawing the example programme's badges; the
 * answers written down are used instead while everything fontconfig read
 * to give them is as it was then: the environment variables it reads, the
 * configuration files and their folders, the font folders, the files it
 * would read if they appeared, and the font files answered.  Anything
 * changed, and fontconfig is asked.  Nothing is written at run time.
 *
 * For font.c, which keeps the answers of a run, and tests/mkfonts.c.
 */
#ifndef PDFGEN_FONTANSWERS_H
#define PDFGEN_FONTANSWERS_H

#include <stddef.h>
#include <stdio.h>

#include "style.h"

/* What fontconfig answered for a family, weight and slant. */
struct font_answer {
	char		*family;
	enum font_weight weight;
	enum font_slant	 slant;
	char		*path;		/* NULL: why says why not */
	int		 index;
	char		*why;
};

/* The answers the build wrote down (fontdata.c); empty when building. */
struct font_answers_blob {
	const char	*start;
	const char	*end;
};
extern const struct font_answers_blob font_answers_built_in;

/*
 * Writes a[0..n) and what they depend on to fp; fontconfig must have read
 * its configuration (it answered).  -1 when a family, path or reason has
 * a tab or a line break, which the format cannot hold, or fp fails.
 */
int	font_answers_write(FILE *fp, const struct font_answer *a, size_t n);

/*
 * The answers in text[0..len) (font_answers_write()'s), when the
 * environment and every file they depend on are as they were; sets *n
 * (0 and NULL otherwise, and for text that is not such a list).
 */
struct font_answer *font_answers_read(const char *text, size_t len,
	    size_t *n);

/* Frees the strings of a[0..n) and the array. */
void	font_answers_free(struct font_answer *a, size_t n);

#endif
