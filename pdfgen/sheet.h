/*
 * The sheet engine: puts the items of a product (door signs, badges) on
 * the sheets that go through the printer, as the layout's grid says.
 *
 * Items fill the places of a sheet row by row from the top left: columns
 * x rows of the item's size with the grid's gaps, centred on the sheet or
 * where the grid says, shifted by the printer offsets.  The first places
 * of the first sheet may be used already (--skip).  A product whose items
 * have a back side gets a back sheet after each front; its places are
 * mirrored so that each back lies behind its front when the sheet is
 * turned over the long or the short edge, and shifted by the back
 * offsets.  Fronts get cut marks on the margins when the grid asks.  The
 * file is written only when nothing went wrong: with --strict, not after
 * a warning either.
 *
 * The product supplies what differs: one callback that draws one side of
 * one item into its place.
 *
 * For the renderers of item layouts (LAYOUT_ITEMS: signs.c, badges.c).
 */
#ifndef PDFGEN_SHEET_H
#define PDFGEN_SHEET_H

#include <stddef.h>

#include "layout.h"
#include "pdf.h"

struct sheets {
	struct pdf	*pdf;		/* the document drawn into */
	const struct layout *l;		/* of kind LAYOUT_ITEMS */
	size_t		 nitems;
	size_t		 skip;		/* places of the first sheet in use */
	/*
	 * Draws side (the front, or with back set the back) of item i with
	 * the item's top-left corner at (ix, itop); 0, or -1 after
	 * reporting.
	 */
	int		(*draw)(void *arg, size_t i,
			    const struct layout_side *side, int back,
			    double ix, double itop);
	/* After each sheet, front and back, of items first..first+n-1. */
	void		(*done)(void *arg, size_t first, size_t n);
	void		*arg;		/* for draw, done and what */
	/*
	 * Item i for a message, "the sign 'Forum 3: Cloud'" (the caller
	 * frees it), and in *pos where the input has it.
	 */
	char		*(*what)(void *arg, size_t i, const struct srcpos **pos);
	/* What to do when the items need more pages than a PDF holds. */
	const char	*advice;
};

/* How many items one sheet holds. */
size_t	sheet_places(const struct layout *);

/*
 * The top-left corner (ix, itop) in PDF points of the item in place
 * (0: top left, row by row) of a front or (back set) back sheet, printer
 * offsets applied.
 */
void	sheet_place(const struct layout *, size_t place, int back, double *ix,
	    double *itop);

/*
 * Draws every item on as many sheets as they need and saves the document
 * to path unless an error (with --strict, a warning) was reported while
 * drawing.  Items that need more than PDF_MAX_PAGES pages are refused
 * before any is drawn, at the first item past the limit.  Returns 0, or -1 after reporting; the caller frees the
 * document.
 */
int	sheet_render(const struct sheets *, const char *path);

#endif
