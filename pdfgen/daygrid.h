/*
 * The day grid: one day of the programme as a timetable, the way a
 * visitor reads it on the wall or in the booklet.  Rooms across, time
 * down; each session a cell as long as it lasts, in its track's colour,
 * with its title (fitted, shortened with "…" where it must be) and, where
 * the cell has room, its time, a reference (a page number) and its
 * speakers.  Sessions that overlap in one room sit side by side.  A day
 * with many rooms and few times (twelve forums at 14:00) is set
 * transposed, rooms down and time across, when that takes fewer pages.
 *
 * The grid fills a box of any size (an A5 type area, an A0 poster) and
 * says how many pages of that box it needs: rooms that do not fit across
 * continue on further pages by room group, with their headers repeated;
 * a day too long for one page continues by time, every page with its
 * own time axis.  Every session of the day is on exactly one page.  It
 * draws through a sink of callbacks, so the booklet records pages for
 * its page flow while a poster draws at once.
 *
 * Coordinates are points from the box's top-left corner, x to the right
 * and y downwards.
 *
 * For the renderers of the booklet and the poster.
 */
#ifndef PDFGEN_DAYGRID_H
#define PDFGEN_DAYGRID_H

#include <stddef.h>

#include "layout.h"
#include "pdf.h"
#include "programme.h"
#include "text.h"

struct daygrid_styles {
	const struct text_style *heading;	/* the day, the part */
	const struct text_style *room;		/* room names */
	const struct text_style *time;		/* the time axis */
	/* session titles, set from size down to min_size (bold) */
	const struct text_style *title;
	/* time, reference and speakers in a cell */
	const struct text_style *text;
};

/* Where the grid draws; every callback returns 0, or -1 after reporting. */
struct daygrid_sink {
	void		*arg;
	/* page part (0-based) of nparts of the day begins */
	int		(*page)(void *arg, int part, int nparts);
	int		(*rect)(void *arg, double x, double y, double w,
			    double h, const struct colour *fill);
	/* a line from (x, y) to (x + w, y + h) */
	int		(*line)(void *arg, double x, double y, double w,
			    double h, const struct colour *, double lw);
	/* draws tb with its top-left corner at (x, y) and takes it over */
	int		(*text)(void *arg, struct text_block *tb, double x,
			    double y);
	/* the cell of session f (a link target); NULL: not told */
	int		(*cell)(void *arg, const struct forum *f, double x,
			    double y, double w, double h);
	/*
	 * The reference printed in f's cell ("S. 26"), which the caller
	 * frees; NULL for the callback or its result: none.
	 */
	char		*(*ref)(void *arg, const struct forum *f);
};

struct daygrid;

/*
 * The dates on which sessions take place, in order: *dates points into
 * the programme's slots; the caller frees the array.  Returns how many.
 */
size_t	daygrid_dates(const struct programme *, const char ***dates);

/*
 * The grid's lines: the layout's colour "rule", else 40% grey (RGB 0.6).
 * The booklet draws its other rules in it too.  (Behind the room names:
 * "grid-head", else 8% grey.)
 */
struct colour daygrid_rule(const struct layout *);

/*
 * Plans the grid of date's sessions for pages of w x h points, headed
 * heading (the day, say).  Labels come from l in lang ("part", "no-room").
 * Returns NULL after reporting a font problem.
 */
struct daygrid *daygrid_new(struct pdf *, const struct programme *,
	    const struct layout *l, const char *lang,
	    const struct daygrid_styles *, const char *date,
	    const char *heading, double w, double h);

/* The number of pages the day takes (0: it has no sessions). */
int	daygrid_npages(const struct daygrid *);

/* Draws every page into the sink; 0, or -1 after reporting. */
int	daygrid_draw(const struct daygrid *, const struct daygrid_sink *);

void	daygrid_free(struct daygrid *);

#endif
