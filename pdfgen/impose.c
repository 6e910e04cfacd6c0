/*
 * The booklet's pages replayed into PDF documents (impose.h): one page
 * to a sheet for the booklet itself, two-up for saddle stitching.  For
 * booklet.c, through impose.h.
 */
#include "impose.h"

/*
 * Points a bookmark or a link shows above its target, so that a viewer
 * jumping there does not cut the heading's ascenders at its window's edge.
 */
#define DEST_ABOVE	6

double
impose_ta_left(const struct layout *l, size_t phys)
{
	return phys % 2 == 0 ? l->booklet.inner : l->booklet.outer;
}

/*
 * Draws operation o of a page whose lower left corner is at (ox, 0) and
 * whose type area's top left is at (tx, ttop).
 */
static int
replay_op(const struct layout *l, struct pdf *pdf, const struct op *o,
    double ox, double tx, double ttop)
{
	double x = (o->ta ? tx : ox) + o->x;
	double top = (o->ta ? ttop : l->page.height) - o->y;

	switch (o->kind) {
	case OP_TEXT:
		return text_draw(pdf, o->tb, x, top, o->first, o->n);
	case OP_RECT:
		if (o->bleed)
			return pdf_band(pdf, x, top - o->h, o->w, o->h,
			    &o->colour);
		return pdf_rect(pdf, x, top - o->h, o->w, o->h, &o->colour,
		    NULL, 0);
	case OP_LINE:
		return pdf_line(pdf, x, top, x + o->w, top - o->h, &o->colour,
		    o->lw);
	}
	return 0;
}

/* The bookmarks and links of page pg; its type area's top left at tx, ttop. */
static int
replay_marks(const struct book *bk, const struct layout *l, struct pdf *pdf,
    const struct page *pg, double tx, double ttop)
{
	size_t i;

	for (i = 0; i < pg->nmarks; i++)
		if (pdf_bookmark(pdf, -1, pg->marks[i].title, ttop -
		    pg->marks[i].y + DEST_ABOVE) == -1)
			return -1;
	for (i = 0; i < pg->nlinks; i++) {
		const struct link *lk = &pg->links[i];
		const struct anchor *a = &bk->anchors.v[lk->anchor];

		if (pdf_link(pdf, tx + lk->x, ttop - lk->y - lk->h, lk->w,
		    lk->h, (int)book_anchor_page(bk, a), l->page.height -
		    l->booklet.top - a->y + DEST_ABOVE) == -1)
			return -1;
	}
	return 0;
}

/*
 * Draws page phys with its lower left corner at (ox, 0) of the format.
 * screen adds bookmarks and links (the booklet itself, not the imposed
 * sheets).
 */
static int
replay(const struct book *bk, const struct layout *l, struct pdf *pdf,
    size_t phys, double ox, int screen)
{
	const struct page *pg = book_page(bk, phys);
	double tx = ox + impose_ta_left(l, phys), ttop = l->page.height -
	    l->booklet.top;
	size_t i;

	for (i = 0; i < pg->nops; i++)
		if (replay_op(l, pdf, &pg->ops[i], ox, tx, ttop) == -1)
			return -1;
	if (!screen)
		return 0;
	return replay_marks(bk, l, pdf, pg, tx, ttop);
}

/* Each page its own trimmed format, with the layout's bleed and marks. */
int
impose_pages(const struct book *bk, const struct layout *l, struct pdf *pdf)
{
	size_t i;

	for (i = 0; i < book_npages(bk); i++)
		if (pdf_page_add_trimmed(pdf, l->page.width, l->page.height,
		    l->page.bleed, l->page.crop_marks) == -1 ||
		    replay(bk, l, pdf, i, 0, 1) == -1)
			return -1;
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
 * middle reads 1, 2, ..., n.  A sheet is trimmed as one format of two
 * pages: bands bleed at its outer edges, not at the fold.
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
			if (pdf_page_add_trimmed(pdf, 2 * pw, ph,
			    l->page.bleed, l->page.crop_marks) == -1 ||
			    replay(bk, l, pdf, sides[s][0], 0, 0) == -1 ||
			    replay(bk, l, pdf, sides[s][1], pw, 0) == -1)
				return -1;
	}
	return 0;
}
