/*
 * The booklet's page flow (flow.h): pages of drawing operations, and
 * items flowed into their columns.  For booklet.c and impose.c, through
 * flow.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "util.h"

/* === PAGES === */

struct page *
page_new(struct pagelist *pl, enum page_kind kind, const char *head)
{
	struct page *pg;

	pl->v = xgrow(pl->v, pl->n, sizeof(*pl->v));
	pg = &pl->v[pl->n++];
	memset(pg, 0, sizeof(*pg));
	pg->kind = kind;
	pg->head = head;
	return pg;
}

static struct op *
op_add(struct page *pg, enum op_kind kind, int ta)
{
	struct op *o;

	pg->ops = xgrow(pg->ops, pg->nops, sizeof(*pg->ops));
	o = &pg->ops[pg->nops++];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->ta = ta;
	return o;
}

void
op_text(struct page *pg, int ta, const struct text_block *tb, size_t first,
    size_t n, double x, double y)
{
	struct op *o = op_add(pg, OP_TEXT, ta);

	o->tb = tb;
	o->first = first;
	o->n = n;
	o->x = x;
	o->y = y;
}

/* A line from (x, y) to (x + w, y + h), or a rectangle w x h at (x, y). */
static struct op *
op_shape(struct page *pg, enum op_kind kind, int ta, double x, double y,
    double w, double h, const struct colour *c)
{
	struct op *o = op_add(pg, kind, ta);

	o->x = x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->colour = *c;
	return o;
}

void
op_line(struct page *pg, int ta, double x, double y, double w, double h,
    const struct colour *c, double lw)
{
	op_shape(pg, OP_LINE, ta, x, y, w, h, c)->lw = lw;
}

void
op_rect(struct page *pg, int ta, double x, double y, double w, double h,
    const struct colour *c, int bleed)
{
	op_shape(pg, OP_RECT, ta, x, y, w, h, c)->bleed = bleed;
}

void
page_mark(struct page *pg, const char *title, double y)
{
	pg->marks = xgrow(pg->marks, pg->nmarks, sizeof(*pg->marks));
	pg->marks[pg->nmarks].title = title;
	pg->marks[pg->nmarks++].y = y;
}

void
page_link(struct page *pg, double x, double y, double w, double h,
    int anchor)
{
	pg->links = xgrow(pg->links, pg->nlinks, sizeof(*pg->links));
	pg->links[pg->nlinks++] = (struct link){ x, y, w, h, anchor };
}

static void
pagelist_release(struct pagelist *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++) {
		free(pl->v[i].ops);
		free(pl->v[i].marks);
		free(pl->v[i].links);
	}
	free(pl->v);
}

int
anchor_new(struct anchors *an)
{
	an->v = xgrow(an->v, an->n, sizeof(*an->v));
	memset(&an->v[an->n], 0, sizeof(an->v[0]));
	return (int)an->n++;
}

/* === THE BOOK === */

size_t
book_npages(const struct book *bk)
{
	return bk->front.n + bk->main.n;
}

struct page *
book_page(const struct book *bk, size_t i)
{
	return i < bk->front.n ? &bk->front.v[i] :
	    &bk->main.v[i - bk->front.n];
}

size_t
book_anchor_page(const struct book *bk, const struct anchor *a)
{
	return a->main ? bk->front.n + a->page : a->page;
}

void
book_release(struct book *bk)
{
	pagelist_release(&bk->front);
	pagelist_release(&bk->main);
	free(bk->anchors.v);
}

/* === ITEMS === */

struct item *
item_add(struct items *its, double before)
{
	struct item *it;

	its->v = xgrow(its->v, its->n, sizeof(*its->v));
	it = &its->v[its->n++];
	memset(it, 0, sizeof(*it));
	it->before = before;
	it->anchor = -1;
	it->link = -1;
	it->repeat = -1;
	return it;
}

struct item *
item_block(struct items *its, struct text_block *tb, double before)
{
	struct item *it;

	if (tb == NULL)
		return NULL;
	it = item_add(its, before);
	it->cell[0].tb = tb;
	it->ncells = 1;
	return it;
}

void
items_release(struct items *its)
{
	free(its->v);
	its->v = NULL;
	its->n = 0;
}

static double
item_height(const struct item *it)
{
	double h = 0;
	int i;

	for (i = 0; i < it->ncells; i++)
		h = fmax(h, text_height(it->cell[i].tb));
	return h;
}

/* What must fit below a heading: two lines, or a block that cannot split. */
static double
item_min_height(const struct item *it)
{
	if (it->ncells == 1 && text_lines(it->cell[0].tb) >= 4)
		return text_range_height(it->cell[0].tb, 0, 2);
	return item_height(it);
}

/* How many lines of tb fit into avail points. */
static size_t
lines_fitting(const struct text_block *tb, double avail)
{
	double h = text_ascent(tb) + text_descent(tb);

	if (avail + FLOW_EPS < h)
		return 0;
	return (size_t)floor((avail - h) / text_leading(tb) + FLOW_EPS) + 1;
}

/* === FLOW === */

void
flow_start(struct flow *fl, const struct flow_area *area,
    struct anchors *anchors, struct pagelist *pl, int main,
    const char *head, int ncols)
{
	fl->area = area;
	fl->anchors = anchors;
	fl->pl = pl;
	fl->main = main;
	fl->head = head;
	flow_columns(fl, ncols);
	fl->col = 0;
	fl->y = 0;
	fl->again = NULL;
	page_new(pl, PAGE_TEXT, head);
}

void
flow_columns(struct flow *fl, int ncols)
{
	fl->ncols = ncols;
	fl->gap = ncols > 1 ? fl->area->column_gap : 0;
	fl->colw = (fl->area->width - fl->gap * (ncols - 1)) / ncols;
}

static void flow_row(struct flow *, const struct item *, double);

/* Goes on in the next column, with the heading of what goes on atop it. */
static void
flow_next_column(struct flow *fl)
{
	struct item head;

	fl->y = 0;
	if (++fl->col >= fl->ncols) {
		fl->col = 0;
		page_new(fl->pl, PAGE_TEXT, fl->head);
	}
	if (fl->again == NULL)
		return;
	/* Only its words: its anchor, bookmark and link are where it was. */
	head = *fl->again;
	head.anchor = head.link = -1;
	head.mark = NULL;
	head.rule = 0;
	flow_row(fl, &head, 0);
}

static struct page *
flow_page(struct flow *fl)
{
	return &fl->pl->v[fl->pl->n - 1];
}

static double
flow_x(const struct flow *fl)
{
	return fl->col * (fl->colw + fl->gap);
}

/* Records the item's anchor, bookmark, rule and link at top y. */
static void
flow_extras(struct flow *fl, const struct item *it, double y, double before,
    double h)
{
	struct page *pg = flow_page(fl);

	if (it->rule && before > 0)
		op_line(pg, 1, flow_x(fl), y - before / 2, fl->colw, 0,
		    &fl->area->rule, fl->area->rule_width);
	if (it->anchor >= 0) {
		struct anchor *a = &fl->anchors->v[it->anchor];

		a->main = fl->main;
		a->page = fl->pl->n - 1;
		a->y = y;
	}
	if (it->mark != NULL)
		page_mark(pg, it->mark, y);
	if (it->link >= 0)
		page_link(pg, flow_x(fl), y, fl->colw, h, it->link);
}

/* How many of the left lines of tb to place in the column now; 0: none. */
static size_t
lines_here(const struct flow *fl, const struct text_block *tb, size_t left,
    double before)
{
	size_t k = lines_fitting(tb, fl->area->height - fl->y - before);

	if (left <= k)
		return left;
	if (k >= 2 && left >= 4)
		return k < left - 2 ? k : left - 2;
	if (fl->y == 0)
		return k > 0 ? k : 1;	/* taller than a column */
	return 0;
}

/* Places one block, split between columns only where widows allow. */
static void
flow_block(struct flow *fl, const struct item *it, double before)
{
	const struct text_block *tb = it->cell[0].tb;
	size_t n = text_lines(tb), first = 0, m;

	while (first < n) {
		m = lines_here(fl, tb, n - first, before);
		if (m == 0) {
			flow_next_column(fl);
			before = 0;
			continue;
		}
		if (first == 0)
			flow_extras(fl, it, fl->y + before, before,
			    text_range_height(tb, 0, m));
		op_text(flow_page(fl), 1, tb, first, m, flow_x(fl) +
		    it->cell[0].x, fl->y + before);
		fl->y += before + text_range_height(tb, first, m);
		first += m;
		if (first < n) {
			flow_next_column(fl);
			before = 0;
		}
	}
}

/*
 * Whether heading i, the headings kept with it and enough of the item
 * after them fit below y with before points above.
 */
static int
keep_fits(const struct flow *fl, const struct items *its, size_t i,
    double before)
{
	double need = before + item_height(&its->v[i]);
	size_t j;

	for (j = i + 1; j < its->n; j++) {
		const struct item *nx = &its->v[j];

		need += nx->before + (nx->keep ? item_height(nx) :
		    item_min_height(nx));
		if (!nx->keep)
			break;
	}
	return !(fl->y + need > fl->area->height + FLOW_EPS);
}

/* Places a row of cells, or a heading, whole in one column. */
static void
flow_row(struct flow *fl, const struct item *it, double before)
{
	double h = item_height(it);
	int c;

	if (fl->y > 0 && fl->y + before + h > fl->area->height + FLOW_EPS) {
		flow_next_column(fl);
		before = fl->y > 0 ? it->before : 0;
	}
	flow_extras(fl, it, fl->y + before, before, h);
	for (c = 0; c < it->ncells; c++)
		op_text(flow_page(fl), 1, it->cell[c].tb, 0,
		    text_lines(it->cell[c].tb), flow_x(fl) +
		    it->cell[c].x, fl->y + before);
	fl->y += before + h;
}

void
flow_items(struct flow *fl, const struct items *its)
{
	size_t i;

	for (i = 0; i < its->n; i++) {
		const struct item *it = &its->v[i];
		double before = fl->y > 0 ? it->before : 0;

		fl->again = it->repeat >= 0 && (size_t)it->repeat < i ?
		    &its->v[it->repeat] : NULL;
		if (it->keep && fl->y > 0 && !keep_fits(fl, its, i, before)) {
			flow_next_column(fl);
			/* Below a heading set again, the space above it. */
			before = fl->y > 0 ? it->before : 0;
		}
		if (it->ncells == 1 && !it->keep)
			flow_block(fl, it, before);
		else
			flow_row(fl, it, before);
	}
	fl->again = NULL;	/* its items go */
}
