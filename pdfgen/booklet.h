/*
 * The programme booklet: a cover, an overview of the forums, one section
 * per forum, an index of speakers and notes pages up to a multiple of four
 * pages; with --impose also the pages two-up in saddle-stitch order.
 *
 * For render.c.
 */
#ifndef PDFGEN_BOOKLET_H
#define PDFGEN_BOOKLET_H

#include "render.h"

/*
 * A render_fn (render.h): writes the booklet to path and, when
 * opts->impose is set, the imposed sheets to booklet-imposed.pdf in the
 * same folder.
 */
int	booklet_render(const struct programme *, const struct layout *,
	    const struct render_opts *, struct diag *, const char *path);

#endif
