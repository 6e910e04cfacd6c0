/*
 * The sheet engine (sheet.h): places on a sheet, fronts and mirrored
 * backs, cut marks, and the gate before saving.
 */
#include <stdlib.h>

#include "sheet.h"

/* Cut marks start MARK_OFFSET from the grid, at most MARK_LEN long. */
#define MARK_OFFSET	PDF_MM(2)
#define MARK_LEN	PDF_MM(5)
#define MARK_MIN	PDF_MM(1.5)	/* shorter marks are left out */
#define MARK_WIDTH	0.3		/* points */

/* Registration black: cut marks must show on every separation. */
static const struct colour registration = { COLOUR_CMYK, { 1, 1, 1, 1 } };

size_t
sheet_places(const struct layout *l)
{
	return (size_t)l->grid.columns * (size_t)l->grid.rows;
}

void
sheet_place(const struct layout *l, size_t place, int back, double *ix,
    double *itop)
{
	const struct layout_grid *g = &l->grid;
	double ox = g->offset_x, oy = g->offset_y, x, y;
	int col = (int)(place % (size_t)g->columns);
	int row = (int)(place / (size_t)g->columns);

	if (back) {
		ox += g->back_offset_x;
		oy += g->back_offset_y;
	}
	/* Distances from the sheet's top left, before any mirroring. */
	x = g->x + col * (l->item.width + g->gap_x);
	y = g->y + row * (l->item.height + g->gap_y);
	/* Duplex printing turns the sheet: each back lies behind its front. */
	if (back && g->duplex == DUPLEX_LONG_EDGE)
		x = l->page.width - x - l->item.width;
	else if (back && g->duplex == DUPLEX_SHORT_EDGE)
		y = l->page.height - y - l->item.height;
	*ix = x + ox;
	*itop = l->page.height - y - oy;
}

/*
 * Cut marks on the sheet margins, in line with every edge of the grid's
 * columns and rows, so that none falls on an item.
 */
static int
cut_marks(struct pdf *pdf, const struct layout *l)
{
	const struct layout_grid *g = &l->grid;
	double pw = l->page.width, ph = l->page.height;
	double left = g->x + g->offset_x, top = g->y + g->offset_y;
	double right = left + g->columns * l->item.width +
	    (g->columns - 1) * g->gap_x;
	double bottom = top + g->rows * l->item.height +
	    (g->rows - 1) * g->gap_y;
	double e, len;
	int i, k, rc = 0;

	/* Edges as distances from the top left; gaps of 0 share an edge. */
	for (i = 0; i < g->columns; i++)
		for (k = 0; k < 2; k++) {
			if (k == 0 && i > 0 && g->gap_x <= 0)
				continue;
			e = left + i * (l->item.width + g->gap_x) +
			    k * l->item.width;
			len = top - MARK_OFFSET - l->page.margin_top;
			len = len > MARK_LEN ? MARK_LEN : len;
			if (len >= MARK_MIN && pdf_line(pdf, e, ph - top +
			    MARK_OFFSET, e, ph - top + MARK_OFFSET + len,
			    &registration, MARK_WIDTH) == -1)
				rc = -1;
			len = ph - bottom - MARK_OFFSET - l->page.margin_bottom;
			len = len > MARK_LEN ? MARK_LEN : len;
			if (len >= MARK_MIN && pdf_line(pdf, e, ph - bottom -
			    MARK_OFFSET, e, ph - bottom - MARK_OFFSET - len,
			    &registration, MARK_WIDTH) == -1)
				rc = -1;
		}
	for (i = 0; i < g->rows; i++)
		for (k = 0; k < 2; k++) {
			if (k == 0 && i > 0 && g->gap_y <= 0)
				continue;
			e = ph - (top + i * (l->item.height + g->gap_y) +
			    k * l->item.height);
			len = left - MARK_OFFSET - l->page.margin_left;
			len = len > MARK_LEN ? MARK_LEN : len;
			if (len >= MARK_MIN && pdf_line(pdf, left -
			    MARK_OFFSET, e, left - MARK_OFFSET - len, e,
			    &registration, MARK_WIDTH) == -1)
				rc = -1;
			len = pw - right - MARK_OFFSET - l->page.margin_right;
			len = len > MARK_LEN ? MARK_LEN : len;
			if (len >= MARK_MIN && pdf_line(pdf, right +
			    MARK_OFFSET, e, right + MARK_OFFSET + len, e,
			    &registration, MARK_WIDTH) == -1)
				rc = -1;
		}
	return rc;
}

/*
 * One sheet: items first..first+n-1 in the places from place0 on, the
 * front or (back set) the back side.
 */
static int
sheet(const struct sheets *s, size_t first, size_t n, size_t place0,
    const struct layout_side *side, int back)
{
	const struct layout *l = s->l;
	double ix, itop;
	size_t i;
	int rc = 0;

	if (pdf_page_add_trimmed(s->pdf, l->page.width, l->page.height,
	    l->page.bleed, l->page.crop_marks) == -1)
		return -1;
	if (!back && l->grid.cut_marks && cut_marks(s->pdf, l) == -1)
		rc = -1;
	for (i = 0; i < n; i++) {
		sheet_place(l, place0 + i, back, &ix, &itop);
		if (s->draw(s->arg, first + i, side, back, ix, itop) == -1)
			rc = -1;
	}
	return rc;
}

/*
 * -1 after reporting when the items need more than PDF_MAX_PAGES pages of
 * nsides (1, or 2 with backs) per sheet: at the first item past them.
 */
static int
too_many_pages(const struct sheets *s, size_t nsides, const char *path)
{
	size_t per = sheet_places(s->l), sheets, first;
	const struct srcpos *pos = NULL;
	char *what;

	if ((s->skip + s->nitems + per - 1) / per * nsides <= PDF_MAX_PAGES)
		return 0;
	sheets = PDF_MAX_PAGES / nsides;	/* those that fit */
	first = sheets * per - s->skip;
	what = s->what(s->arg, first, &pos);
	pdf_too_many_pages(pdf_diag(s->pdf), pos, what, (sheets + 1) * nsides,
	    path, s->advice);
	free(what);
	return -1;
}

int
sheet_render(const struct sheets *s, const char *path)
{
	const struct layout_side *back = layout_back(s->l);
	struct diag *d = pdf_diag(s->pdf);
	unsigned errors = d->nerrors;
	size_t per = sheet_places(s->l), first, n, place0;
	int rc = 0;

	if (too_many_pages(s, back != NULL && back->nboxes > 0 ? 2 : 1,
	    path) == -1)
		return -1;
	for (first = 0, place0 = s->skip; first < s->nitems;
	    first += n, place0 = 0) {
		n = per - place0;
		if (n > s->nitems - first)
			n = s->nitems - first;
		if (sheet(s, first, n, place0, &s->l->item.front, 0) == -1 ||
		    (back != NULL && back->nboxes > 0 &&
		    sheet(s, first, n, place0, back, 1) == -1))
			rc = -1;
		if (s->done != NULL)
			s->done(s->arg, first, n);
	}
	/* With --strict a shortened text is an error: write nothing. */
	if (rc == 0 && d->nerrors == errors)
		return pdf_save(s->pdf, path);
	return -1;
}
