/*
 * Speaker badges: one badge per person who speaks or moderates, N-up on
 * sheets as the layout's grid says, with optional duplex back sides.
 *
 * For render.c.
 */
#ifndef PDFGEN_BADGES_H
#define PDFGEN_BADGES_H

#include "render.h"

/* A render_fn (render.h): writes the badges to path. */
int	badges_render(const struct programme *, const struct layout *,
	    const struct render_opts *, struct diag *, const char *path);

#endif
