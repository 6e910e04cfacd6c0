/*
 * The products pdfgen prints, one row each in the table of render.c.
 *
 * A row holds the whole product: the command's name, its line of help,
 * the kind of layout it draws with, its default layout and the styles it
 * looks up by name, the options only it takes, and its renderer.  The
 * command line, the help text and the layout loader read the table, so a
 * new product is one file (its renderer) and one row (with the renderer's
 * prototype below).
 *
 * A renderer reads the programme and a layout that layout_load() checked
 * against its row, draws through the page and text layer (pdf.h, text.h)
 * and saves to path with pdf_save().  It returns 0, or -1 after reporting
 * the problem.  main.c renders within one run of output.h, so the files of
 * all products asked for are renamed into place together, or none is.
 *
 * For main.c, the renderers and their tests.
 */
#ifndef PDFGEN_RENDER_H
#define PDFGEN_RENDER_H

#include <stddef.h>

#include "diag.h"
#include "layout.h"
#include "programme.h"

enum render_opt_type {
	RENDER_FLAG,		/* --impose */
	RENDER_NUMBER,		/* --skip N: a whole number from 0 to max */
	RENDER_TEXT,		/* --only LIST */
	RENDER_CHOICE		/* --content full|abstract|titles: one of arg */
};

/* An option of one or more products; a table of them ends in NULL name. */
struct render_option {
	const char	*name;		/* "skip": the option --skip */
	enum render_opt_type type;
	/* "N": the value in the help; flags NULL; choices "a|b|c" */
	const char	*arg;
	/* what it does, for --help; '\n' starts a new line */
	const char	*help;
	long		 max;		/* RENDER_NUMBER: the largest value */
};

#define RENDER_OPTS_MAX	32

/* The product options given on the command line, by name. */
struct render_opts {
	const char	*name[RENDER_OPTS_MAX];	/* not owned */
	const char	*value[RENDER_OPTS_MAX]; /* not owned; flags: "" */
	size_t		 n;
};

typedef int (*render_fn)(const struct programme *, const struct layout *,
    const struct render_opts *, struct diag *, const char *path);

/* The renderers (render_fn), one per product file. */

/*
 * booklet.c: a cover, an overview of the forums, one section per forum,
 * an index of speakers and notes pages up to a multiple of four pages;
 * with --impose also the pages two-up in saddle-stitch order.
 */
int	booklet_render(const struct programme *, const struct layout *,
	    const struct render_opts *, struct diag *, const char *path);

/*
 * signs.c: one sign per forum, in forum-number order, placed on sheets as
 * the layout's grid says (one A4 or A3 sheet per sign by default).  With
 * room-schedule set in the layout, each forum's sign shows the day of its
 * room instead, the forum itself emphasised.  With per="room-day" (unsaid:
 * for a programme without forum numbers), one sign per room and day that
 * lists its sessions, on as many sheets as they need.
 */
int	signs_render(const struct programme *, const struct layout *,
	    const struct render_opts *, struct diag *, const char *path);

/*
 * badges.c: one badge per person who speaks or moderates, N-up on sheets
 * as the layout's grid says, with optional duplex back sides.
 */
int	badges_render(const struct programme *, const struct layout *,
	    const struct render_opts *, struct diag *, const char *path);

/*
 * poster.c: each day's timetable on one large sheet (A2 by default),
 * on A1 or A0 when the day needs it, on several sheets only beyond A0.
 */
int	poster_render(const struct programme *, const struct layout *,
	    const struct render_opts *, struct diag *, const char *path);

struct product {
	const char	*name;		/* "booklet": writes DIR/booklet.pdf */
	const char	*help;		/* "the programme booklet" */
	enum layout_kind kind;		/* of the layouts it draws with */
	const char	*layout;	/* default layout file in layouts/ */
	/* the default for a programme without forum numbers (an import,
	   shaped by rooms and days); NULL: layout */
	const char	*layout_unnumbered;
	const char *const *styles;	/* looked up by name; NULL-terminated */
	const struct render_option *options;	/* only its own; may be NULL */
	render_fn	 render;
	int		 descriptions;	/* prints forums' paragraphs */
};

/* The products in the order "all" renders them; ends with a NULL name. */
extern const struct product products[];

const struct product *product_find(const char *name);

/* What layout_load() is to check a layout file for product p against. */
struct layout_spec product_layout_spec(const struct product *p);

/* Product p's option name, or NULL when p takes no such option. */
const struct render_option *product_option(const struct product *p,
	    const char *name);

/*
 * Records option name given with value (a flag: ""); a later value wins.
 * Returns 0, or -1 when more than RENDER_OPTS_MAX options are given.
 */
int	render_opts_set(struct render_opts *, const char *name,
	    const char *value);

/* The value of option name: flags 1 or 0, numbers 0 when not given. */
int	render_flag(const struct render_opts *, const char *name);
long	render_number(const struct render_opts *, const char *name);
const char *render_text(const struct render_opts *, const char *name);

#endif
