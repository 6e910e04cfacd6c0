/*
 * Tests of daygrid.h through a sink that records what the grid draws:
 * every session's cell with words exactly once, inside the box, no two
 * cells on top of each other; overlapping sessions side by side; the
 * seed transposed onto one page; a small box taking more pages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daygrid.h"
#include "internal.h"
#include "parse.h"
#include "util.h"

#define A5_W	331.7	/* the type area of booklet-a5.xml, points */
#define A5_H	501.7

struct rec {
	double		 x, y, w, h;
	const struct forum *f;
	int		 page;
};

struct fixture {
	struct diag	 d;
	struct pdf	*pdf;
	struct layout	*l;
	struct text_style room, time, title, text;
	struct daygrid_styles st;
	struct rec	*cells;
	size_t		 ncells;
	int		 pages;
	double		 w, h;
	int		 outside;	/* texts or rects beyond the box */
};

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));

	diag_init(&fx->d, stderr, 0);
	fx->pdf = pdf_new(&fx->d, NULL);
	fx->l = layout_load("layouts/booklet-a5.xml", NULL, &fx->d);
	if (fx->pdf == NULL || fx->l == NULL)
		return -1;
	fx->room = *layout_style(fx->l, "grid-room");
	fx->time = *layout_style(fx->l, "grid-time");
	fx->title = *layout_style(fx->l, "grid-title");
	fx->text = *layout_style(fx->l, "grid-text");
	fx->st = (struct daygrid_styles){ layout_style(fx->l, "h2"),
	    &fx->room, &fx->time, &fx->title, &fx->text };
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	layout_free(fx->l);
	pdf_free(fx->pdf);
	free(fx->cells);
	free(fx);
	return 0;
}

static void
check_inside(struct fixture *fx, double x, double y, double w, double h)
{
	if (x < -1e-6 || y < -1e-6 || x + w > fx->w + 1e-6 ||
	    y + h > fx->h + 1e-6)
		fx->outside++;
}

static int
rec_page(void *arg, int part, int nparts)
{
	struct fixture *fx = arg;

	assert_int_equal(part, fx->pages);
	assert_true(part < nparts);
	fx->pages++;
	return 0;
}

static int
rec_rect(void *arg, double x, double y, double w, double h,
    const struct colour *c)
{
	(void)c;
	check_inside(arg, x, y, w, h);
	return 0;
}

static int
rec_line(void *arg, double x, double y, double w, double h,
    const struct colour *c, double lw)
{
	(void)c;
	(void)lw;
	check_inside(arg, x, y, w, h);
	return 0;
}

static int
rec_text(void *arg, struct text_block *tb, double x, double y)
{
	size_t i;
	double w = 0;

	for (i = 0; i < text_lines(tb); i++)
		if (text_line_width(tb, i) > w)
			w = text_line_width(tb, i);
	check_inside(arg, x, y, w, text_height(tb));
	text_block_free(tb);
	return 0;
}

static int
rec_cell(void *arg, const struct forum *f, double x, double y, double w,
    double h)
{
	struct fixture *fx = arg;

	fx->cells = xreallocarray(fx->cells, fx->ncells + 1,
	    sizeof(*fx->cells));
	fx->cells[fx->ncells++] = (struct rec){ x, y, w, h, f, fx->pages };
	return 0;
}

static char *
rec_ref(void *arg, const struct forum *f)
{
	(void)arg;
	return xasprintf("S.\u00a0%d", f->number);
}

/* Draws date's grid of p in w x h; returns its page count. */
static int
draw(struct fixture *fx, const struct programme *p, const char *date,
    double w, double h, int *transposed)
{
	struct daygrid_sink k = { fx, rec_page, rec_rect, rec_line,
		rec_text, rec_cell, rec_ref };
	struct daygrid *dg;
	int n;

	fx->w = w;
	fx->h = h;
	fx->pages = 0;
	fx->ncells = 0;
	fx->outside = 0;
	dg = daygrid_new(fx->pdf, p, fx->l, "de", &fx->st, date, "Tag", w, h);
	assert_non_null(dg);
	n = daygrid_npages(dg);
	*transposed = daygrid_transposed(dg);
	assert_int_equal(daygrid_draw(dg, &k), 0);
	daygrid_free(dg);
	assert_int_equal(fx->pages, n);
	assert_int_equal(fx->outside, 0);
	return n;
}

/* Each session of date once, and no two cells of a page overlap. */
static void
check_cells(struct fixture *fx, const struct programme *p, const char *date)
{
	size_t i, j, n = 0;

	for (i = 0; i < p->nforums; i++) {
		const struct forum *f = &p->forums[i];
		int seen = 0;

		if (f->slot == NULL || strcmp(f->slot->date, date) != 0)
			continue;
		n++;
		for (j = 0; j < fx->ncells; j++)
			seen += fx->cells[j].f == f;
		assert_int_equal(seen, 1);
	}
	assert_int_equal(fx->ncells, n);
	for (i = 0; i < fx->ncells; i++)
		for (j = i + 1; j < fx->ncells; j++) {
			const struct rec *a = &fx->cells[i], *b = &fx->cells[j];

			if (a->page != b->page)
				continue;
			assert_false(a->x < b->x + b->w - 1e-6 &&
			    b->x < a->x + a->w - 1e-6 &&
			    a->y < b->y + b->h - 1e-6 &&
			    b->y < a->y + a->h - 1e-6);
		}
}

static struct programme *
load(struct fixture *fx, const char *path)
{
	struct programme *p = programme_load(path, INPUT_AUTO, 0, &fx->d);

	assert_non_null(p);
	return p;
}

static void
seed_transposed_on_one_page(void **state)
{
	struct fixture *fx = *state;
	struct programme *p = load(fx, "input/programme.xml");
	const char **dates;
	int transposed;

	assert_int_equal(daygrid_dates(p, &dates), 1);
	assert_string_equal(dates[0], "2025-06-12");
	assert_int_equal(draw(fx, p, dates[0], A5_W, A5_H, &transposed), 1);
	assert_true(transposed);
	check_cells(fx, p, dates[0]);
	free(dates);
	programme_free(p);
}

static void
overlapping_side_by_side(void **state)
{
	struct fixture *fx = *state;
	struct programme *p = load(fx, "tests/timetable/overlap.xml");
	const struct rec *a = NULL, *b = NULL, *c = NULL;
	int transposed;
	size_t i;

	assert_int_equal(draw(fx, p, "2026-05-04", A5_W, A5_H,
	    &transposed), 1);
	assert_false(transposed);
	check_cells(fx, p, "2026-05-04");
	for (i = 0; i < fx->ncells; i++) {
		const char *t = fx->cells[i].f->title;

		if (strncmp(t, "Alpha", 5) == 0)
			a = &fx->cells[i];
		else if (strncmp(t, "Bravo", 5) == 0)
			b = &fx->cells[i];
		else if (strncmp(t, "Charlie", 7) == 0)
			c = &fx->cells[i];
	}
	assert_true(a && b && c);
	/* One lane each, as wide as each other, Bravo beside the others. */
	assert_true(b->x >= a->x + a->w && b->x >= c->x + c->w);
	assert_true(a->w > 0 && b->w > a->w * 0.9 && b->w < a->w * 1.1);
	assert_true(a->y < b->y && b->y < c->y);
	/* The second day has only its own session. */
	assert_int_equal(draw(fx, p, "2026-05-05", A5_W, A5_H,
	    &transposed), 1);
	check_cells(fx, p, "2026-05-05");
	programme_free(p);
}

/* A box an eighth of A5: more pages, every session still once. */
static void
small_box_more_pages(void **state)
{
	struct fixture *fx = *state;
	struct programme *p = load(fx, "input/programme.xml");
	int transposed;

	assert_true(draw(fx, p, "2025-06-12", A5_W / 2, A5_H / 4,
	    &transposed) > 1);
	check_cells(fx, p, "2025-06-12");
	/* A day without sessions has no pages. */
	assert_int_equal(draw(fx, p, "2025-06-13", A5_W, A5_H, &transposed),
	    0);
	programme_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(seed_transposed_on_one_page,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(overlapping_side_by_side,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(small_box_more_pages, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
