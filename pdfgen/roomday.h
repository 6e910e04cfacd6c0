/*
 * A room's day as a readable list for a door sign: one row per session,
 * its time in a column of its own, then its title in bold followed by
 * its speakers (and its track, where asked), every row at one size: the largest of the style's range
 * at which the rows fit the box, in one column or two side by side.  At
 * the smallest size a row longer than the style's max-lines (3 when it
 * has none) is shortened with "…", speakers first.
 *
 * A row may be marked (the sign's own session: a bar beside it) or muted
 * (the other sessions of the day, in the layout's colour "muted"), and a
 * row may stand for sessions left out ("…").
 *
 * Boxes are placed by their left edge x and top in PDF points.
 *
 * For signs.c.
 */
#ifndef PDFGEN_ROOMDAY_H
#define PDFGEN_ROOMDAY_H

#include <stddef.h>

#include "layout.h"
#include "pdf.h"
#include "programme.h"
#include "text.h"

struct roomday_row {
	const struct forum *f;		/* NULL: "…", sessions left out */
	int		 mark;		/* the sign's own: a bar beside it */
	int		 mute;		/* in the colour "muted" */
	int		 names;		/* with its speakers */
	int		 number;	/* "Forum 3 · " before the title */
	int		 track;		/* " · Track" after it all, in italics */
};

/* What the rows are set with. */
struct roomday {
	struct pdf	*pdf;
	const struct layout *l;
	const char	*lang;		/* of the labels and hyphenation */
	const struct text_style *st;	/* with its range of sizes */
};

struct roomday_fit {
	double		 size;		/* points */
	int		 columns;	/* 1 or 2 */
};

/*
 * Whether rows[0..n) fit w x h at some size of the style's range: sets
 * *fit to the largest such size (one column where two give no larger
 * size).  Returns 1 when they fit, 0 when not even at the smallest size,
 * -1 after reporting a font problem.
 */
int	roomday_fit(const struct roomday *, const struct roomday_row *rows,
	    size_t n, double w, double h, struct roomday_fit *fit);

/* Draws the rows as fit says into the box at x, top, w x h. */
int	roomday_draw(const struct roomday *, const struct roomday_row *rows,
	    size_t n, double x, double top, double w, double h,
	    const struct roomday_fit *fit);

#endif
