/*
 * Door signs: one sign per forum, in forum-number order, placed on sheets
 * as the layout's grid says (one A4 or A3 sheet per sign by default).
 * With room-schedule set in the layout, each forum's sign shows the day
 * of its room instead, the forum itself emphasised.
 *
 * For render.c.
 */
#ifndef PDFGEN_SIGNS_H
#define PDFGEN_SIGNS_H

#include "render.h"

/* A render_fn (render.h): writes the door signs to path. */
int	signs_render(const struct programme *, const struct layout *,
	    const struct render_opts *, struct diag *, const char *path);

#endif
