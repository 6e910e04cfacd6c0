/*
 * The booklet's pages replayed into PDF documents (impose.h): one page
 * to a sheet for the booklet itself, two-up for saddle stitching.  For
 * booklet.c, through impose.h.
 */
#include <math.h>

#include "impose.h"

#define CROP_LEN	PDF_MM(5)	/* crop marks: length */
#define CROP_MIN_OFFSET	PDF_MM(3)	/* and least distance from the trim */

double
impose_ta_left(const struct layout *l, size_t phys)
{
	return phys % 2 == 0 ? l->booklet.inner : l->booklet.outer;
}

/*
 * Draws operation o of a page whose trimmed lower left corner is at
 * (ox, oy) and whose type area's top left is at (tx, ttop); bleed is how
 * far bands run past the trim.
 */
static int
replay_op(const struct layout *l, struct pdf *pdf, const struct op *o,
    double ox, double oy, double tx, double ttop, double bleed)
{
	double pw = l->page.width, ph = l->page.height;
	double x = (o->ta ? tx : ox) + o->x;
	double top = (o->ta ? ttop : oy + ph) - o->y;
	double w = o->w, h = o->h;

	switch (o->kind) {
	case OP_TEXT:
		return text_draw(pdf, o->tb, x, top, o->first, o->n, NULL);
	case OP_RECT:
		if (o->bleed && bleed > 0) {
			if (x <= ox + FLOW_EPS)
				x -= bleed, w += bleed;
			if (x + w >= ox + pw - FLOW_EPS)
				w += bleed;
			if (top >= oy + ph - FLOW_EPS)
				top += bleed, h += bleed;
			if (top - h <= oy + FLOW_EPS)
				h += bleed;
		}
		return pdf_rect(pdf, x, top - h, w, h, &o->colour, NULL, 0);
	case OP_LINE:
		return pdf_line(pdf, x, top, x + w, top - h, &o->colour,
		    o->lw);
	}
	return 0;
}

/* The bookmarks and links of page pg; its type area's top left at tx, ttop. */
static int
replay_marks(const struct book *bk, const struct layout *l, struct pdf *pdf,
    const struct page *pg, double oy, double tx, double ttop)
{
	size_t i;

	for (i = 0; i < pg->nmarks; i++)
		if (pdf_bookmark(pdf, -1, pg->marks[i].title, ttop -
		    pg->marks[i].y + 6) == -1)
			return -1;
	for (i = 0; i < pg->nlinks; i++) {
		const struct link *lk = &pg->links[i];
		const struct anchor *a = &bk->anchors.v[lk->anchor];

		if (pdf_link(pdf, tx + lk->x, ttop - lk->y - lk->h, lk->w,
		    lk->h, (int)book_anchor_page(bk, a), oy +
		    l->page.height - l->booklet.top - a->y + 6) == -1)
			return -1;
	}
	return 0;
}

/*
 * Draws page phys with the trimmed page's lower left corner at (ox, oy);
 * bleed is how far bands run past the trim.  screen adds bookmarks and
 * links (the booklet itself, not the imposed sheets).
 */
static int
replay(const struct book *bk, const struct layout *l, struct pdf *pdf,
    size_t phys, double ox, double oy, double bleed, int screen)
{
	const struct page *pg = book_page(bk, phys);
	double tx = ox + impose_ta_left(l, phys), ttop = oy + l->page.height -
	    l->booklet.top;
	size_t i;

	for (i = 0; i < pg->nops; i++)
		if (replay_op(l, pdf, &pg->ops[i], ox, oy, tx, ttop,
		    bleed) == -1)
			return -1;
	if (!screen)
		return 0;
	return replay_marks(bk, l, pdf, pg, oy, tx, ttop);
}

/* Space round the trimmed page for bleed and crop marks. */
static double
slug(const struct layout *l, double *mark_offset)
{
	double bleed = l->page.bleed;

	*mark_offset = fmax(bleed, CROP_MIN_OFFSET);
	if (l->page.crop_marks)
		return *mark_offset + CROP_LEN + PDF_MM(1);
	return bleed;
}

int
impose_pages(const struct book *bk, const struct layout *l, struct pdf *pdf)
{
	double pw = l->page.width, ph = l->page.height;
	double off, s = slug(l, &off), bleed = l->page.bleed;
	size_t i;

	for (i = 0; i < book_npages(bk); i++) {
		if (pdf_page_add(pdf, pw + 2 * s, ph + 2 * s) == -1)
			return -1;
		if (s > 0 && (pdf_page_box(pdf, PDF_TRIMBOX, s, s, pw,
		    ph) == -1 || (bleed > 0 && pdf_page_box(pdf,
		    PDF_BLEEDBOX, s - bleed, s - bleed, pw + 2 * bleed,
		    ph + 2 * bleed) == -1)))
			return -1;
		if (replay(bk, l, pdf, i, s, s, bleed, 1) == -1)
			return -1;
		if (l->page.crop_marks && pdf_crop_marks(pdf, s, s, pw, ph,
		    off, CROP_LEN) == -1)
			return -1;
	}
	/* Labels as printed: roman for the front matter, then 1, 2, ... */
	if (pdf_page_label(pdf, 0, PDF_LABEL_ROMAN, 1, NULL) == -1 ||
	    pdf_page_label(pdf, (int)bk->front.n, PDF_LABEL_DECIMAL, 1,
	    NULL) == -1)
		return -1;
	return 0;
}

/*
 * Saddle stitch: sheet k's front carries pages n-1-2k (left) and 2k
 * (right), its back 2k+1 and n-2-2k, so that the stack folded in the
 * middle reads 1, 2, ..., n.
 */
int
impose_saddle_stitch(const struct book *bk, const struct layout *l,
    struct pdf *pdf)
{
	double pw = l->page.width, ph = l->page.height;
	size_t n = book_npages(bk), k;

	for (k = 0; k < n / 4; k++) {
		size_t sides[2][2] = { { n - 1 - 2 * k, 2 * k },
			{ 2 * k + 1, n - 2 - 2 * k } };
		int s;

		for (s = 0; s < 2; s++)
			if (pdf_page_add(pdf, 2 * pw, ph) == -1 ||
			    replay(bk, l, pdf, sides[s][0], 0, 0, 0, 0) ==
			    -1 || replay(bk, l, pdf, sides[s][1], pw, 0, 0,
			    0) == -1)
				return -1;
	}
	return 0;
}
