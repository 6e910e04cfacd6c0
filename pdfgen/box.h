/*
 * Drawing one layout box of a fixed-layout product (signs, badges): text
 * placed as the box's valign says and set as large as it fits, images
 * keeping their aspect ratio, QR codes, bands whose colour falls back
 * from the specific to the general, and finding a side's box by field.
 * Where each item sits on its sheet is the sheet engine's (sheet.h).
 *
 * Boxes are placed by their left edge bx and top btop in PDF points (the
 * item's corner plus the box's offsets, layout.h).  Every function draws
 * on the current page and returns 0, or -1 after reporting.
 *
 * For the renderers of signs and badges.
 */
#ifndef PDFGEN_BOX_H
#define PDFGEN_BOX_H

#include <stddef.h>

#include "layout.h"
#include "pdf.h"
#include "programme.h"
#include "text.h"

/* What the boxes of one item are drawn with. */
struct box_ctx {
	struct pdf	*pdf;
	const struct layout *l;
	const char	*lang;		/* of the item's texts */
	/* of the fixed words: the programme's on every product */
	const char	*words;
	/*
	 * Draws a block set for a box with its top-left corner at (x, top)
	 * and takes it over (badges keep their front's blocks for the back);
	 * NULL: box_runs() draws the block and frees it.
	 */
	int		(*draw_text)(void *arg, struct text_block *, double x,
			    double top);
	void		*arg;		/* for draw_text */
};

/* The fixed words for key (layout_label) in the language words. */
const char *box_label(const struct box_ctx *, const char *key);

/* " (angefragt)" after a speaker not yet confirmed; the caller frees it. */
char	*box_invited(const struct box_ctx *);

/* The side's first box showing field f, or NULL. */
const struct layout_box *box_find(const struct layout_side *,
	    enum layout_field f);

/* Where the top of a text th points high goes in box b, as valign says. */
double	box_text_top(const struct layout_box *b, double btop, double th);

/*
 * Sets the runs in box b as large as they fit (text_fit()); when even the
 * style's smallest size does not fit, they are shortened with a warning
 * naming src.
 */
int	box_runs(struct box_ctx *, const struct layout_box *b, double bx,
	    double btop, const struct text_run *runs, size_t nruns,
	    const struct text_src *src);

/* The text s (NULL: nothing) as one run, as box_runs(). */
int	box_text(struct box_ctx *, const struct layout_box *b, double bx,
	    double btop, const char *s, int nohyphen, const struct srcpos *pos,
	    const char *field);

/*
 * The image at path (NULL: nothing) centred in box b, as large as fits
 * in its own proportions; pos locates the reference for messages.
 */
int	box_image(struct box_ctx *, const struct layout_box *b, double bx,
	    double btop, const struct srcpos *pos, const char *path);

/* A QR code of text (NULL: nothing), as large as fits, centred in b. */
int	box_qr(struct box_ctx *, const struct layout_box *b, double bx,
	    double btop, const char *text);

/*
 * Box b filled as b->paint says (layout.h): for forum f's track or slot,
 * for category ("speaker"; NULL: the general colour "category"), or with
 * b->colour, running on into the bleed where it meets the trimmed edge.
 * Nothing when the layout has no such colour.
 */
int	box_band(struct box_ctx *, const struct layout_box *b, double bx,
	    double btop, const struct forum *f, const char *category);

/* What the boxes that show nothing of one person or forum draw from. */
struct box_item {
	const struct programme *p;
	/* the item's forum (bands: track, slot; event.date); may be NULL */
	const struct forum *forum;
	/* bands: "speaker"; NULL: the general colour "category" */
	const char	*category;
};

/*
 * Box b when it shows the event (event.title, event.date: the day of the
 * item's forum, or of the event when it has one day), fixed words or an
 * image, or is a band; other fields draw nothing here.
 */
int	box_other(struct box_ctx *, const struct layout_box *b, double bx,
	    double btop, const struct box_item *);

#endif
