/*
 * Putting the booklet's pages (flow.h) on paper: each page on a sheet of
 * its own with bleed, trim and crop marks, bookmarks and links; or, for
 * saddle stitching, two pages to a sheet side in folding order.  Both
 * replay the same operations, so the two documents match page for page
 * (libharu 2.3.0 cannot place one PDF page on another).
 *
 * For booklet.c.
 */
#ifndef PDFGEN_IMPOSE_H
#define PDFGEN_IMPOSE_H

#include <stddef.h>

#include "flow.h"
#include "layout.h"
#include "pdf.h"

/*
 * Left edge of the type area of page phys (counted from 0), in points
 * from the trimmed page's left edge: pages 1, 3, ... have the binding on
 * the left.
 */
double	impose_ta_left(const struct layout *, size_t phys);

/*
 * Adds every page of bk to pdf, one to a sheet, with the page labels as
 * printed (roman for the front matter); returns 0, or -1 after reporting.
 */
int	impose_pages(const struct book *bk, const struct layout *,
	    struct pdf *);

/*
 * Adds the pages of bk two-up, in the order that reads 1, 2, ... n when
 * the stack is folded in the middle; n is a multiple of four.  Returns 0,
 * or -1 after reporting.
 */
int	impose_saddle_stitch(const struct book *bk, const struct layout *,
	    struct pdf *);

#endif
