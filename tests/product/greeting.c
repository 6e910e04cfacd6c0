/*
 * A test product, not shipped: one page that greets the conference, the
 * event's title as large as it fits, and below it the words of --motto.
 * Its layout has neither a type area nor an item grid (LAYOUT_PAGE).
 *
 * tests/e2e/test_product.sh copies the source tree, adds this file to
 * pdfgen/ and its row to the table in render.c (with the prototype in
 * render.h), and nothing else, to prove that this is all a new product
 * takes (render.c.row and render.h.row beside this file hold the lines
 * it adds).
 */
#include <stddef.h>

#include "pdf.h"
#include "render.h"
#include "text.h"

/* Sets s in style name as large as it fits w x h at (x, top). */
static int
fitted(struct pdf *pdf, const struct layout *l, const char *name,
    const char *s, double x, double top, double w, double h)
{
	struct text_run run = { s, TEXT_REGULAR, 0 };
	struct text_src src = { NULL, name };
	struct text_block *tb;
	int rc;

	if ((tb = text_fit(pdf, layout_style(l, name), "en", &run, 1, w, h, 0,
	    &src)) == NULL)
		return -1;
	rc = text_draw(pdf, tb, x, top, 0, text_lines(tb));
	text_block_free(tb);
	return rc;
}

int
greeting_render(const struct programme *p, const struct layout *l,
    const struct render_opts *o, struct diag *d, const char *path)
{
	const struct layout_page *pg = &l->page;
	struct pdf_info info = { p->conference.title, NULL, "greeting" };
	double x = pg->margin_left, top = pg->height - pg->margin_top;
	double w = pg->width - pg->margin_left - pg->margin_right;
	double h = pg->height - pg->margin_top - pg->margin_bottom;
	const char *motto = render_text(o, "motto");
	struct pdf *pdf;
	int rc = -1;

	if ((pdf = pdf_new(d, &info)) == NULL)
		return -1;
	if (pdf_page_add(pdf, pg->width, pg->height) == 0 &&
	    fitted(pdf, l, "title", p->conference.title, x, top, w,
	    h * 0.6) == 0 &&
	    (motto == NULL || fitted(pdf, l, "motto", motto, x,
	    top - h * 0.7, w, h * 0.3) == 0))
		rc = pdf_save(pdf, path);
	pdf_free(pdf);
	return rc;
}
