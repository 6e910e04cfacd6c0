/*
 * Renderer interface: the products pdfgen prints.
 *
 * Each product is one file (booklet.c, signs.c, badges.c) exporting one
 * function of type render_fn; the table in render.c names them, and the
 * command line looks products up there.  A renderer reads the programme and
 * a layout, draws through the page and text layer (pdf.h, text.h) and saves
 * atomically to path.  It returns 0, or -1 after reporting the problem;
 * on -1 nothing was written at path.
 *
 * For main.c and the renderers.
 */
#ifndef PDFGEN_RENDER_H
#define PDFGEN_RENDER_H

#include "diag.h"
#include "layout.h"
#include "programme.h"

/* Options from the command line; zero means the default. */
struct render_opts {
	int		 impose;	 /* booklet: also write the imposed sheets */
	int		 confirmed_only; /* badges: leave invited speakers out */
	int		 no_placeholders; /* badges: leave "N.N." out */
	int		 skip;		 /* badges: first N slots of sheet 1 are used */
	const char	*only;		 /* badges: "id,id,..." or names; NULL: all */
};

typedef int (*render_fn)(const struct programme *, const struct layout *,
    const struct render_opts *, struct diag *, const char *path);

struct renderer {
	const char	*name;		/* "booklet": writes DIR/booklet.pdf */
	const char	*layout;	/* default layout file name in layouts/ */
	render_fn	 render;
	enum layout_product product;	/* the layouts it can use */
};

/* The products in the order "all" renders them; ends with a NULL name. */
extern const struct renderer renderers[];

const struct renderer *renderer_find(const char *name);

#endif
