/*
 * The programme booklet (booklet.h).
 *
 * Two passes.  The first sets every text with the text layer and flows it
 * into pages, which become lists of drawing operations in type-area or
 * page coordinates: headings stay with two lines of what follows, and a
 * paragraph is split only where at least two lines stay on each side.
 * The second pass replays the pages into the booklet and, for --impose,
 * two to a sheet into a second document; libharu 2.3.0 cannot place one
 * PDF page on another, and replaying the same operations keeps both
 * documents identical page for page.
 *
 * Numbering: the cover and the overview are front matter with roman
 * labels (no folio on the cover); the forums, the index and the notes
 * pages are numbered from 1, so the overview can name the forums' pages
 * before it knows its own length.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booklet.h"
#include "collate.h"
#include "pdf.h"
#include "text.h"
#include "util.h"
#include "when.h"

#define MAX_CELLS	4
#define EPS		1e-6
#define CROP_LEN	PDF_MM(5)	/* crop marks: length */
#define CROP_MIN_OFFSET	PDF_MM(3)	/* and least distance from the trim */

enum op_kind {
	OP_TEXT,
	OP_RECT,
	OP_LINE
};

/* One drawing operation; y is measured downwards from the top. */
struct op {
	enum op_kind	 kind;
	/* relative to the type area, else the trimmed page */
	int		 ta;
	const struct text_block *tb;	/* OP_TEXT */
	size_t		 first;		/* OP_TEXT: lines first..first+n-1 */
	size_t		 n;
	/* points; OP_TEXT: left and top of the lines */
	double		 x, y;
	/* OP_RECT: size; OP_LINE: to (x + w, y + h) */
	double		 w, h;
	struct colour	 colour;	/* OP_RECT, OP_LINE */
	double		 lw;		/* OP_LINE: line width */
	/* OP_RECT: runs into the bleed where it meets the trim */
	int		 bleed;
};

/* A bookmark or link target: a place on a page of the front or main matter. */
struct anchor {
	/* in the main matter (else the front) */
	int		 main;
	size_t		 page;		/* index in its list */
	double		 y;		/* points below the type area's top */
};

struct mark {
	const char	*title;		/* not owned */
	double		 y;		/* type area */
};

struct link {
	double		 x, y, w, h;	/* type area, y downwards */
	int		 anchor;
};

enum page_kind {
	PAGE_COVER,		/* no running head, no folio */
	PAGE_TEXT,		/* running head and folio */
	PAGE_BLANK		/* deliberately empty */
};

struct page {
	enum page_kind	 kind;
	const char	*head;		/* running head of right-hand pages */
	struct op	*ops;
	size_t		 nops;
	struct mark	*marks;
	size_t		 nmarks;
	struct link	*links;
	size_t		 nlinks;
};

struct pagelist {
	struct page	*v;
	size_t		 n;
};

struct cell {
	struct text_block *tb;
	double		 x;		/* from the column's left */
};

/* A unit of the flow: one block of text, or a table row of cells. */
struct item {
	struct cell	 cell[MAX_CELLS];
	int		 ncells;
	/* space above; dropped at a column's top */
	double		 before;
	/* stays with the next item (headings) */
	int		 keep;
	int		 rule;		/* a hairline in the space above */
	int		 anchor;	/* >= 0: the anchor this item sets */
	int		 link;		/* >= 0: the row links to this anchor */
	const char	*mark;		/* a bookmark here (not owned) */
};

struct items {
	struct item	*v;
	size_t		 n;
};

struct booklet {
	const struct programme *p;
	const struct layout *l;
	struct diag	*d;
	struct pdf	*pdf;		/* texts are set with its fonts */
	const char	*lang;		/* of the labels */
	double		 pw, ph;	/* trimmed page, points */
	double		 taw, tah;	/* type area */
	double		 colw;		/* column width */
	struct text_block **blocks;	/* every block, freed at the end */
	size_t		 nblocks;
	char		**strs;		/* strings pages point to */
	size_t		 nstrs;
	struct anchor	*anchors;
	size_t		 nanchors;
	int		*forum_anchor;	/* per forum */
	struct pagelist	 front;
	struct pagelist	 main;
	struct colour	 accent;
	struct colour	 rule;
};

/* The flow of items into the columns of a page list. */
struct flow {
	struct booklet	*b;
	struct pagelist	*pl;
	int		 main;
	enum page_kind	 kind;
	const char	*head;
	int		 ncols;
	double		 colw;
	double		 gap;
	int		 col;
	double		 y;		/* below the type area's top */
};

static const char *
label(const struct booklet *b, const char *key)
{
	return layout_label(b->l, key, b->lang);
}

static const char *
keep_str(struct booklet *b, char *s)
{
	b->strs = xreallocarray(b->strs, b->nstrs + 1, sizeof(*b->strs));
	return b->strs[b->nstrs++] = s;
}

static int
is_en(const struct booklet *b)
{
	return lang_is(b->lang, "en");
}

static char *
roman(int n)
{
	static const int val[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10,
		9, 5, 4, 1 };
	static const char *const sym[] = { "m", "cm", "d", "cd", "c", "xc",
		"l", "xl", "x", "ix", "v", "iv", "i" };
	struct buf out = { 0 };
	size_t i;

	buf_adds(&out, "");
	for (i = 0; i < sizeof(val) / sizeof(val[0]); i++)
		for (; n >= val[i]; n -= val[i])
			buf_adds(&out, sym[i]);
	return buf_take(&out);
}

/* The label with its first letter in capitals ("U. a. mit"). */
static char *
capitalised(const char *s)
{
	char *c = xstrdup(s);

	if (*c >= 'a' && *c <= 'z')
		*c = (char)(*c - 'a' + 'A');
	return c;
}

/* A style from the layout, which has checked that the booklet's exist. */
static const struct text_style *
style(const struct booklet *b, const char *name)
{
	return layout_style(b->l, name);
}

/* Sets runs as a block kept until the end; NULL after reporting. */
static struct text_block *
set(struct booklet *b, const struct text_style *st, const char *lang,
    const struct text_run *runs, size_t nruns, double width,
    const struct srcpos *pos, const char *field)
{
	struct text_src src = { pos, field };
	struct text_block *tb;

	if ((tb = text_set(b->pdf, st, lang, runs, nruns, width, &src)) ==
	    NULL)
		return NULL;
	b->blocks = xreallocarray(b->blocks, b->nblocks + 1,
	    sizeof(*b->blocks));
	b->blocks[b->nblocks++] = tb;
	return tb;
}

static struct text_block *
set1(struct booklet *b, const struct text_style *st, const char *text,
    enum text_variant v, double width, const struct srcpos *pos,
    const char *field)
{
	struct text_run r = { text, v, 0 };

	return set(b, st, b->lang, &r, 1, width, pos, field);
}

static int
new_anchor(struct booklet *b)
{
	b->anchors = xreallocarray(b->anchors, b->nanchors + 1,
	    sizeof(*b->anchors));
	memset(&b->anchors[b->nanchors], 0, sizeof(b->anchors[0]));
	return (int)b->nanchors++;
}

static struct item *
item_add(struct items *its, double before)
{
	struct item *it;

	its->v = xreallocarray(its->v, its->n + 1, sizeof(*its->v));
	it = &its->v[its->n++];
	memset(it, 0, sizeof(*it));
	it->before = before;
	it->anchor = -1;
	it->link = -1;
	return it;
}

/* An item of one block; NULL when tb is NULL (already reported). */
static struct item *
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

	if (avail + EPS < h)
		return 0;
	return (size_t)floor((avail - h) / text_leading(tb) + EPS) + 1;
}

/* === PAGES === */

static struct page *
page_new(struct pagelist *pl, enum page_kind kind, const char *head)
{
	struct page *pg;

	pl->v = xreallocarray(pl->v, pl->n + 1, sizeof(*pl->v));
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

	pg->ops = xreallocarray(pg->ops, pg->nops + 1, sizeof(*pg->ops));
	o = &pg->ops[pg->nops++];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->ta = ta;
	return o;
}

static void
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

static void
op_line(struct page *pg, int ta, double x, double y, double w, double h,
    const struct colour *c, double lw)
{
	op_shape(pg, OP_LINE, ta, x, y, w, h, c)->lw = lw;
}

static void
op_rect(struct page *pg, int ta, double x, double y, double w, double h,
    const struct colour *c, int bleed)
{
	op_shape(pg, OP_RECT, ta, x, y, w, h, c)->bleed = bleed;
}

static void
page_mark(struct page *pg, const char *title, double y)
{
	pg->marks = xreallocarray(pg->marks, pg->nmarks + 1,
	    sizeof(*pg->marks));
	pg->marks[pg->nmarks].title = title;
	pg->marks[pg->nmarks++].y = y;
}

static void
page_link(struct page *pg, double x, double y, double w, double h,
    int anchor)
{
	pg->links = xreallocarray(pg->links, pg->nlinks + 1,
	    sizeof(*pg->links));
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

/* === FLOW === */

static void
flow_start(struct flow *fl, struct booklet *b, struct pagelist *pl,
    int main, const char *head, int ncols)
{
	fl->b = b;
	fl->pl = pl;
	fl->main = main;
	fl->kind = PAGE_TEXT;
	fl->head = head;
	fl->ncols = ncols;
	fl->gap = ncols > 1 ? b->l->booklet.column_gap : 0;
	fl->colw = (b->taw - fl->gap * (ncols - 1)) / ncols;
	fl->col = 0;
	fl->y = 0;
	page_new(pl, fl->kind, head);
}

static void
flow_next_column(struct flow *fl)
{
	fl->y = 0;
	if (++fl->col < fl->ncols)
		return;
	fl->col = 0;
	page_new(fl->pl, fl->kind, fl->head);
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
	struct booklet *b = fl->b;
	struct page *pg = flow_page(fl);

	if (it->rule && before > 0)
		op_line(pg, 1, flow_x(fl), y - before / 2, fl->colw, 0,
		    &b->rule, 0.4);
	if (it->anchor >= 0) {
		b->anchors[it->anchor].main = fl->main;
		b->anchors[it->anchor].page = fl->pl->n - 1;
		b->anchors[it->anchor].y = y;
	}
	if (it->mark != NULL)
		page_mark(pg, it->mark, y);
	if (it->link >= 0)
		page_link(pg, flow_x(fl), y, fl->colw, h, it->link);
}

/* Places one block, split between columns only where widows allow. */
static void
flow_block(struct flow *fl, const struct item *it, double before)
{
	const struct text_block *tb = it->cell[0].tb;
	size_t n = text_lines(tb), first = 0, k, m;
	double tah = fl->b->tah;

	while (first < n) {
		size_t left = n - first;

		k = lines_fitting(tb, tah - fl->y - before);
		if (left <= k)
			m = left;
		else if (k >= 2 && left >= 4)
			m = k < left - 2 ? k : left - 2;
		else if (fl->y == 0)
			m = k > 0 ? k : 1;	/* taller than a column */
		else
			m = 0;
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

static void
flow_items(struct flow *fl, const struct items *its)
{
	size_t i, j;
	int c;

	for (i = 0; i < its->n; i++) {
		const struct item *it = &its->v[i];
		double before = fl->y > 0 ? it->before : 0, h, need;

		if (it->keep && fl->y > 0) {
			need = before + item_height(it);
			for (j = i + 1; j < its->n; j++) {
				const struct item *nx = &its->v[j];

				need += nx->before + (nx->keep ?
				    item_height(nx) : item_min_height(nx));
				if (!nx->keep)
					break;
			}
			if (fl->y + need > fl->b->tah + EPS) {
				flow_next_column(fl);
				before = 0;
			}
		}
		if (it->ncells == 1 && !it->keep) {
			flow_block(fl, it, before);
			continue;
		}
		h = item_height(it);
		if (fl->y > 0 && fl->y + before + h > fl->b->tah + EPS) {
			flow_next_column(fl);
			before = 0;
		}
		flow_extras(fl, it, fl->y + before, before, h);
		for (c = 0; c < it->ncells; c++)
			op_text(flow_page(fl), 1, it->cell[c].tb, 0,
			    text_lines(it->cell[c].tb), flow_x(fl) +
			    it->cell[c].x, fl->y + before);
		fl->y += before + h;
	}
}

static void
items_release(struct items *its)
{
	free(its->v);
	its->v = NULL;
	its->n = 0;
}

/* === CONTENT === */

/* A style as the layout gives it, with another alignment or colour. */
static struct text_style
restyle(const struct text_style *st, enum text_align align)
{
	struct text_style s = *st;

	s.align = align;
	return s;
}

/* "Tanja Krins, Abteilungsleitung Smarte Stadt, Stadt Köln (angefragt)". */
static struct item *
person_item(struct booklet *b, struct items *its, const struct person *s,
    const char *lang, double width, double before)
{
	const struct text_style *st = style(b, "speakers");
	struct text_run runs[6];
	size_t n = 0;
	char *name = person_full_name(s), *inv = NULL;
	struct item *it;

	runs[n++] = (struct text_run){ name, TEXT_BOLD, 1 };
	if (s->role != NULL) {
		runs[n++] = (struct text_run){ ", ", TEXT_REGULAR, 0 };
		runs[n++] = (struct text_run){ s->role, TEXT_REGULAR, 0 };
	}
	if (s->organisation != NULL) {
		runs[n++] = (struct text_run){ ", ", TEXT_REGULAR, 0 };
		runs[n++] = (struct text_run){ s->organisation, TEXT_REGULAR,
		    1 };
	}
	if (s->status == PERSON_INVITED) {
		inv = xasprintf(" (%s)", label(b, "invited"));
		runs[n++] = (struct text_run){ inv, TEXT_ITALIC, 0 };
	}
	it = item_block(its, set(b, st, lang, runs, n, width, &s->pos,
	    "person"), before);
	free(name);
	free(inv);
	return it;
}

/* A heading "Referent*innen" or "U. a. mit:" and one item per person. */
static int
people_items(struct booklet *b, struct items *its, const char *heading,
    struct person *const *people, size_t n, const char *lang,
    double gap)
{
	const struct text_style *h3 = style(b, "h3");
	struct item *it;
	size_t i;

	if (n == 0)
		return 0;
	if ((it = item_block(its, set1(b, h3, heading, TEXT_REGULAR,
	    b->colw, NULL, "label"), gap)) == NULL)
		return -1;
	it->keep = 1;
	for (i = 0; i < n; i++)
		if (person_item(b, its, people[i], lang, b->colw,
		    i == 0 ? gap / 3 : gap / 4) == NULL)
			return -1;
	return 0;
}

/* The section of one forum: heading, time and room, host, text, people. */
static int
forum_items(struct booklet *b, struct items *its, size_t fi)
{
	const struct forum *f = &b->p->forums[fi];
	const char *lang = forum_lang(b->p, f);
	const struct text_style *body = style(b, "body");
	struct text_style kicker = *style(b, "h3"), meta;
	double line = body->size * body->leading;
	struct buf mb = { 0 };
	char *s, *heading;
	struct item *it;
	size_t i;
	int rc;

	kicker.colour = b->accent;
	s = xasprintf("%s %d", label(b, "forum"), f->number);
	it = item_block(its, set1(b, &kicker, s, TEXT_REGULAR, b->colw,
	    &f->pos, "forum.number"), 2.2 * line);
	free(s);
	if (it == NULL)
		return -1;
	it->keep = 1;
	it->rule = fi > 0;
	it->anchor = b->forum_anchor[fi];
	it->mark = keep_str(b, xasprintf("%s %d: %s", label(b, "forum"),
	    f->number, f->title));

	{
		struct text_run r = { f->title, TEXT_REGULAR, 0 };

		if ((it = item_block(its, set(b, style(b, "h2"), lang, &r, 1,
		    b->colw, &f->pos, "forum.title"), 2)) == NULL)
			return -1;
		it->keep = 1;
	}
	if (f->subtitle != NULL) {
		struct text_run r = { f->subtitle, TEXT_ITALIC, 0 };

		if ((it = item_block(its, set(b, style(b, "h3"), lang, &r, 1,
		    b->colw, &f->pos, "forum.subtitle"), 2)) == NULL)
			return -1;
		it->keep = 1;
	}

	/* Time and room: what a reader looks for first. */
	meta = restyle(body, ALIGN_LEFT);
	buf_adds(&mb, "");
	if (f->slot != NULL) {
		s = when_slot(f->slot, is_en(b), b->p->event.ndates > 1);
		buf_adds(&mb, s);
		free(s);
	}
	if (f->room != NULL) {
		if (mb.len > 0)
			buf_adds(&mb, " \u00b7 ");
		buf_adds(&mb, f->room->name);
		if (f->room->directions != NULL) {
			buf_adds(&mb, " (");
			buf_adds(&mb, f->room->directions);
			buf_adds(&mb, ")");
		}
	}
	if (mb.len > 0) {
		it = item_block(its, set1(b, &meta, mb.data, TEXT_REGULAR,
		    b->colw, &f->pos, "forum.room"), 3);
		buf_release(&mb);
		if (it == NULL)
			return -1;
		it->keep = 1;
	} else
		buf_release(&mb);
	if (f->host != NULL) {
		struct text_run r[2] = { { NULL, TEXT_ITALIC, 0 },
			{ f->host, TEXT_BOLD_ITALIC, 1 } };

		s = xasprintf("%s ", label(b, "hosted-by"));
		r[0].text = s;
		it = item_block(its, set(b, &meta, lang, r, 2, b->colw,
		    &f->pos, "forum.host"), 0);
		free(s);
		if (it == NULL)
			return -1;
		it->keep = 1;
	}

	for (i = 0; i < f->nparagraphs; i++) {
		struct text_run r = { f->paragraphs[i], TEXT_REGULAR, 0 };

		if (item_block(its, set(b, body, lang, &r, 1, b->colw,
		    &f->pos, "forum.description"), i == 0 ? line * 0.6 :
		    line * 0.4) == NULL)
			return -1;
	}
	if (f->nparagraphs == 0 && f->nspeakers == 0 && f->nmoderators == 0 &&
	    item_block(its, set1(b, &meta, label(b, "to-be-announced"),
	    TEXT_ITALIC, b->colw, &f->pos, "forum"), line * 0.6) == NULL)
		return -1;

	if (f->speakers_complete)
		heading = xstrdup(label(b, "speakers"));
	else {
		s = capitalised(label(b, "among-others"));
		heading = xasprintf("%s:", s);
		free(s);
	}
	rc = people_items(b, its, heading, f->speakers, f->nspeakers, lang,
	    line * 0.8);
	free(heading);
	if (rc == -1 || people_items(b, its, label(b, "moderation"),
	    f->moderators, f->nmoderators, lang, line * 0.8) == -1)
		return -1;
	/* A section's last item must not hold on to the next forum. */
	its->v[its->n - 1].keep = 0;
	return 0;
}

/* The heading of a section that starts a page (overview, index, notes). */
static struct item *
section_heading(struct booklet *b, struct items *its, const char *text,
    double width)
{
	struct item *it;

	if ((it = item_block(its, set1(b, style(b, "h1"), text, TEXT_REGULAR,
	    width, NULL, "label"), 0)) == NULL)
		return NULL;
	it->keep = 1;
	it->mark = text;
	return it;
}

static int
by_person(const void *a, const void *b)
{
	return collate_people(*(const struct person *const *)a,
	    *(const struct person *const *)b);
}

/* Everyone who speaks or moderates, once, in index order (no "N.N."). */
static size_t
index_people(const struct programme *p, const struct person ***out)
{
	const struct person **v = xcalloc(p->npeople + 1, sizeof(*v));
	size_t n = 0, i, j, k;

	for (i = 0; i < p->nforums; i++) {
		const struct forum *f = &p->forums[i];

		for (j = 0; j < f->nspeakers + f->nmoderators; j++) {
			const struct person *s = j < f->nspeakers ?
			    f->speakers[j] : f->moderators[j - f->nspeakers];

			if (s->placeholder)
				continue;
			for (k = 0; k < n && v[k] != s; k++)
				;
			if (k == n && n < p->npeople)
				v[n++] = s;
		}
	}
	qsort(v, n, sizeof(*v), by_person);
	*out = v;
	return n;
}

static int
in_forum(const struct forum *f, const struct person *s)
{
	size_t j;

	for (j = 0; j < f->nspeakers; j++)
		if (f->speakers[j] == s)
			return 1;
	for (j = 0; j < f->nmoderators; j++)
		if (f->moderators[j] == s)
			return 1;
	return 0;
}

/* The index: "Hoffmann, Prof. Dr. Martin   Forum 1 · S. 3". */
static int
index_items(struct booklet *b, struct items *its, double colw)
{
	const struct text_style *ist = style(b, "index");
	struct text_style rst = restyle(ist, ALIGN_RIGHT);
	const struct person **people;
	double refw = floor(colw * 0.36), gap = ist->size;
	size_t n, i, j;
	int rc = 0;

	n = index_people(b->p, &people);
	for (i = 0; i < n && rc == 0; i++) {
		const struct person *s = people[i];
		struct text_run r[3];
		struct buf refs = { 0 };
		struct item *it;
		size_t nr = 0;
		char *given;
		int first = -1;

		r[nr++] = (struct text_run){ s->family, TEXT_BOLD, 1 };
		/* "Hoffmann, Prof. Dr. Martin": filed under the family name. */
		if (s->title != NULL && s->given != NULL)
			given = xasprintf(", %s %s", s->title, s->given);
		else if (s->title != NULL || s->given != NULL)
			given = xasprintf(", %s", s->title != NULL ? s->title :
			    s->given);
		else
			given = NULL;
		if (given != NULL)
			r[nr++] = (struct text_run){ given, TEXT_REGULAR, 1 };
		buf_adds(&refs, "");
		for (j = 0; j < b->p->nforums; j++) {
			const struct forum *f = &b->p->forums[j];
			const struct anchor *a;
			char *ref;

			if (!in_forum(f, s))
				continue;
			if (first < 0)
				first = (int)j;
			a = &b->anchors[b->forum_anchor[j]];
			ref = xasprintf("%s%s %d \u00b7 %s %zu", refs.len ?
			    "; " : "", label(b, "forum"), f->number,
			    label(b, "page-short"), a->page + 1);
			buf_adds(&refs, ref);
			free(ref);
		}
		it = item_add(its, i == 0 ? ist->size : ist->size * 0.25);
		it->cell[0].tb = set(b, ist, b->lang, r, nr, colw - refw - gap,
		    &s->pos, "person");
		it->cell[1].tb = set1(b, &rst, refs.data, TEXT_REGULAR, refw,
		    &s->pos, "person.forums");
		it->cell[1].x = colw - refw;
		it->ncells = 2;
		if (first >= 0)
			it->link = b->forum_anchor[first];
		if (it->cell[0].tb == NULL || it->cell[1].tb == NULL)
			rc = -1;
		free(given);
		buf_release(&refs);
	}
	free(people);
	return rc;
}

/* The main matter: the forums, then the index on a page of its own. */
static int
main_matter(struct booklet *b)
{
	struct items its = { 0 };
	struct flow fl;
	size_t i;
	int ncols = b->l->booklet.columns, rc = 0;

	for (i = 0; i < b->p->nforums && rc == 0; i++)
		rc = forum_items(b, &its, i);
	if (rc == 0 && b->p->nforums > 0) {
		flow_start(&fl, b, &b->main, 1, label(b, "schedule"), ncols);
		flow_items(&fl, &its);
	}
	items_release(&its);
	if (rc == -1)
		return -1;

	/* Page numbers of the forums are known now. */
	if (section_heading(b, &its, label(b, "index"), b->taw) == NULL)
		rc = -1;
	else {
		its.v[0].anchor = new_anchor(b);
		flow_start(&fl, b, &b->main, 1, label(b, "index"), 1);
		flow_items(&fl, &its);
		items_release(&its);
		fl.ncols = ncols;
		fl.colw = b->colw;
		fl.gap = ncols > 1 ? b->l->booklet.column_gap : 0;
		rc = index_items(b, &its, b->colw);
		if (rc == 0)
			flow_items(&fl, &its);
	}
	items_release(&its);
	return rc;
}

/* The overview: per slot, a table of forum, title, room and page. */
static int
overview(struct booklet *b)
{
	const struct programme *p = b->p;
	const struct text_style *ist = style(b, "index");
	struct text_style num = restyle(ist, ALIGN_LEFT);
	struct text_style pst = restyle(ist, ALIGN_RIGHT);
	struct items its = { 0 };
	struct flow fl;
	double w = b->taw, numw = ist->size * 3.2, pagew = ist->size * 3,
	    roomw = floor(w * 0.22), gap = ist->size, titlew;
	size_t s, i;
	int rc = 0;

	titlew = w - numw - roomw - pagew - 2 * gap;
	if (section_heading(b, &its, label(b, "overview"), w) == NULL)
		return -1;
	/* Slot by slot in the programme's order; forums without a slot last. */
	for (s = 0; s <= p->nslots && rc == 0; s++) {
		const struct slot *sl = s < p->nslots ? &p->slots[s] : NULL;
		const char *hdr[4];
		struct text_style *hs[4] = { &num, &num, &num, &pst };
		double xs[4], ws[4];
		struct item *it;
		int any = 0, c;

		for (i = 0; i < p->nforums; i++)
			any |= p->forums[i].slot == sl;
		if (!any)
			continue;
		if (sl != NULL) {
			char *t = when_slot(sl, is_en(b), 1);

			it = item_block(&its, set1(b, style(b, "h3"), t,
			    TEXT_REGULAR, w, &sl->pos, "slot"), its.n > 1 ?
			    ist->size * 2 : ist->size);
			free(t);
			if (it == NULL) {
				rc = -1;
				break;
			}
			it->keep = 1;
		}
		hdr[0] = label(b, "forum");
		hdr[1] = label(b, "topic");
		hdr[2] = label(b, "room");
		hdr[3] = label(b, "page");
		xs[0] = 0;
		ws[0] = numw;
		xs[1] = numw + gap;
		ws[1] = titlew;
		xs[2] = xs[1] + titlew + gap;
		ws[2] = roomw;
		xs[3] = w - pagew;
		ws[3] = pagew;
		it = item_add(&its, ist->size * 0.6);
		it->keep = 1;
		it->ncells = 4;
		for (c = 0; c < 4; c++) {
			it->cell[c].x = xs[c];
			if ((it->cell[c].tb = set1(b, hs[c], hdr[c], TEXT_BOLD,
			    ws[c], NULL, "label")) == NULL)
				rc = -1;
		}
		for (i = 0; i < p->nforums && rc == 0; i++) {
			const struct forum *f = &p->forums[i];
			const struct anchor *a =
			    &b->anchors[b->forum_anchor[i]];
			struct text_run tr = { f->title, TEXT_REGULAR, 0 };
			char *nstr, *pstr;

			if (f->slot != sl)
				continue;
			nstr = xasprintf("%d", f->number);
			pstr = xasprintf("%zu", a->page + 1);
			it = item_add(&its, ist->size * 0.5);
			it->rule = 1;
			it->ncells = 4;
			it->link = b->forum_anchor[i];
			it->cell[0].tb = set1(b, &num, nstr, TEXT_BOLD, numw,
			    &f->pos, "forum.number");
			it->cell[1].tb = set(b, &num, forum_lang(p, f), &tr, 1,
			    titlew, &f->pos, "forum.title");
			it->cell[2].tb = set1(b, &num, f->room != NULL ?
			    f->room->name : "\u2013", TEXT_REGULAR, roomw,
			    &f->pos, "forum.room");
			it->cell[3].tb = set1(b, &pst, pstr, TEXT_REGULAR,
			    pagew, &f->pos, "forum");
			for (c = 0; c < 4; c++) {
				it->cell[c].x = xs[c];
				if (it->cell[c].tb == NULL)
					rc = -1;
			}
			free(nstr);
			free(pstr);
		}
	}
	if (rc == 0) {
		flow_start(&fl, b, &b->front, 0, label(b, "overview"), 1);
		flow_items(&fl, &its);
	}
	items_release(&its);
	return rc;
}

/* The cover: a band of the accent colour, title, subtitle, dates, venue. */
static int
cover(struct booklet *b)
{
	const struct event *ev = &b->p->event;
	const struct layout_booklet *lb = &b->l->booklet;
	struct page *pg = page_new(&b->front, PAGE_COVER, NULL);
	struct text_style band_st = *style(b, "h1");
	struct text_block *tb;
	struct buf dates = { 0 };
	double y, band = lb->top + b->tah * 0.3;
	size_t i;

	op_rect(pg, 0, 0, 0, b->pw, band, &b->accent, 1);
	band_st.colour = (struct colour){ COLOUR_RGB, { 1, 1, 1, 0 } };
	if ((tb = set1(b, &band_st, label(b, "schedule"), TEXT_REGULAR,
	    b->taw, NULL, "label")) == NULL)
		return -1;
	op_text(pg, 1, tb, 0, text_lines(tb), 0, band - lb->top -
	    text_height(tb) - band_st.size);

	y = band - lb->top + b->tah * 0.08;
	if ((tb = set1(b, style(b, "title"), ev->title, TEXT_REGULAR, b->taw,
	    NULL, "event.title")) == NULL)
		return -1;
	op_text(pg, 1, tb, 0, text_lines(tb), 0, y);
	y += text_height(tb);
	if (ev->subtitle != NULL) {
		if ((tb = set1(b, style(b, "h2"), ev->subtitle, TEXT_REGULAR,
		    b->taw, NULL, "event.subtitle")) == NULL)
			return -1;
		y += style(b, "h2")->size * 0.6;
		op_text(pg, 1, tb, 0, text_lines(tb), 0, y);
		y += text_height(tb);
	}
	buf_adds(&dates, "");
	for (i = 0; i < ev->ndates; i++) {
		char *d = when_date(ev->dates[i], is_en(b), ev->ndates == 1);

		if (i > 0)
			buf_adds(&dates, i + 1 < ev->ndates ? ", " :
			    is_en(b) ? " and " : " und ");
		buf_adds(&dates, d);
		free(d);
	}
	y += style(b, "h2")->size * 2;
	if (dates.len > 0) {
		tb = set1(b, style(b, "h3"), dates.data, TEXT_REGULAR, b->taw,
		    NULL, "event.date");
		buf_release(&dates);
		if (tb == NULL)
			return -1;
		op_text(pg, 1, tb, 0, text_lines(tb), 0, y);
		y += text_height(tb) + 2;
	} else
		buf_release(&dates);
	if (ev->venue != NULL) {
		struct text_style vs = restyle(style(b, "h3"), ALIGN_LEFT);

		vs.weight = WEIGHT_REGULAR;
		if ((tb = set1(b, &vs, ev->venue, TEXT_REGULAR, b->taw, NULL,
		    "event.venue")) == NULL)
			return -1;
		op_text(pg, 1, tb, 0, text_lines(tb), 0, y);
	}
	/* The organiser and the address at the foot of the type area. */
	if (ev->organiser != NULL || ev->url != NULL) {
		struct text_style os = restyle(style(b, "body"), ALIGN_LEFT);
		struct text_run r[3];
		size_t n = 0;

		if (ev->organiser != NULL)
			r[n++] = (struct text_run){ ev->organiser, TEXT_BOLD,
			    1 };
		if (ev->organiser != NULL && ev->url != NULL)
			r[n++] = (struct text_run){ " \u00b7 ", TEXT_REGULAR,
			    0 };
		if (ev->url != NULL)
			r[n++] = (struct text_run){ ev->url, TEXT_REGULAR, 1 };
		if ((tb = set(b, &os, b->lang, r, n, b->taw, NULL,
		    "event.organiser")) == NULL)
			return -1;
		op_text(pg, 1, tb, 0, text_lines(tb), 0, b->tah -
		    text_height(tb));
	}
	return 0;
}

/* A notes page: heading and ruled lines to the foot of the type area. */
static int
notes_page(struct booklet *b)
{
	const struct text_style *ns = style(b, "notes");
	struct page *pg = page_new(&b->main, PAGE_TEXT, label(b, "notes"));
	struct text_block *tb;
	double step = fmax(ns->size * ns->leading * 2, PDF_MM(7)), y;

	if ((tb = set1(b, style(b, "h1"), label(b, "notes"), TEXT_REGULAR,
	    b->taw, NULL, "label")) == NULL)
		return -1;
	op_text(pg, 1, tb, 0, text_lines(tb), 0, 0);
	for (y = text_height(tb) + step; y <= b->tah + EPS; y += step)
		op_line(pg, 1, 0, y, b->taw, 0, &ns->colour, 0.4);
	return 0;
}

/* === OUTPUT === */

static size_t
npages(const struct booklet *b)
{
	return b->front.n + b->main.n;
}

static struct page *
page_at(const struct booklet *b, size_t i)
{
	return i < b->front.n ? &b->front.v[i] : &b->main.v[i - b->front.n];
}

/* Left edge of the type area: pages 1, 3, ... have the binding on the left. */
static double
ta_left(const struct booklet *b, size_t phys)
{
	return phys % 2 == 0 ? b->l->booklet.inner : b->l->booklet.outer;
}

/* The running head and the folio of page phys, as operations. */
static int
decorate(struct booklet *b, size_t phys)
{
	struct page *pg = page_at(b, phys);
	const struct layout_booklet *lb = &b->l->booklet;
	struct text_style hs, fs = *style(b, "folio");
	int right = phys % 2 == 0;
	struct text_block *tb;
	const char *head;
	char *num;

	if (pg->kind != PAGE_TEXT)
		return 0;
	hs = restyle(style(b, "running-head"), right ? ALIGN_RIGHT :
	    ALIGN_LEFT);
	head = right ? pg->head : b->p->event.title;
	if (head != NULL) {
		if ((tb = set1(b, &hs, head, TEXT_REGULAR, b->taw, NULL,
		    "running head")) == NULL)
			return -1;
		/* Within the top margin, clear of the type area. */
		op_text(pg, 0, tb, 0, 1, ta_left(b, phys), fmax(lb->top * 0.45 -
		    text_height(tb) / 2, 0));
		op_line(pg, 0, ta_left(b, phys), lb->top * 0.45 +
		    text_height(tb) / 2 + 2, b->taw, 0, &b->rule, 0.4);
	}
	num = phys < b->front.n ? roman((int)phys + 1) :
	    xasprintf("%zu", phys - b->front.n + 1);
	if (fs.align == ALIGN_LEFT || fs.align == ALIGN_JUSTIFY)
		fs.align = right ? ALIGN_RIGHT : ALIGN_LEFT;
	tb = set1(b, &fs, num, TEXT_REGULAR, b->taw, NULL, "folio");
	free(num);
	if (tb == NULL)
		return -1;
	op_text(pg, 0, tb, 0, 1, ta_left(b, phys), b->ph - lb->bottom * 0.5 -
	    text_height(tb) / 2);
	return 0;
}

static size_t
anchor_page(const struct booklet *b, const struct anchor *a)
{
	return a->main ? b->front.n + a->page : a->page;
}

/*
 * Draws page phys with the trimmed page's lower left corner at (ox, oy);
 * bleed is how far bands run past the trim.  screen adds bookmarks and
 * links (the booklet itself, not the imposed sheets).
 */
static int
replay(const struct booklet *b, struct pdf *pdf, size_t phys, double ox,
    double oy, double bleed, int screen)
{
	const struct page *pg = page_at(b, phys);
	double tx = ox + ta_left(b, phys), ttop = oy + b->ph -
	    b->l->booklet.top;
	size_t i;

	for (i = 0; i < pg->nops; i++) {
		const struct op *o = &pg->ops[i];
		double x = (o->ta ? tx : ox) + o->x;
		double top = (o->ta ? ttop : oy + b->ph) - o->y;
		double w = o->w, h = o->h;
		int rc = 0;

		switch (o->kind) {
		case OP_TEXT:
			rc = text_draw(pdf, o->tb, x, top, o->first, o->n,
			    NULL);
			break;
		case OP_RECT:
			if (o->bleed && bleed > 0) {
				if (x <= ox + EPS)
					x -= bleed, w += bleed;
				if (x + w >= ox + b->pw - EPS)
					w += bleed;
				if (top >= oy + b->ph - EPS)
					top += bleed, h += bleed;
				if (top - h <= oy + EPS)
					h += bleed;
			}
			rc = pdf_rect(pdf, x, top - h, w, h, &o->colour, NULL,
			    0);
			break;
		case OP_LINE:
			rc = pdf_line(pdf, x, top, x + w, top - h, &o->colour,
			    o->lw);
			break;
		}
		if (rc == -1)
			return -1;
	}
	if (!screen)
		return 0;
	for (i = 0; i < pg->nmarks; i++)
		if (pdf_bookmark(pdf, -1, pg->marks[i].title, ttop -
		    pg->marks[i].y + 6) == -1)
			return -1;
	for (i = 0; i < pg->nlinks; i++) {
		const struct link *lk = &pg->links[i];
		const struct anchor *a = &b->anchors[lk->anchor];

		if (pdf_link(pdf, tx + lk->x, ttop - lk->y - lk->h, lk->w,
		    lk->h, (int)anchor_page(b, a), oy + b->ph -
		    b->l->booklet.top - a->y + 6) == -1)
			return -1;
	}
	return 0;
}

/* Space round the trimmed page for bleed and crop marks. */
static double
slug(const struct booklet *b, double *mark_offset)
{
	double bleed = b->l->page.bleed;

	*mark_offset = fmax(bleed, CROP_MIN_OFFSET);
	if (b->l->page.crop_marks)
		return *mark_offset + CROP_LEN + PDF_MM(1);
	return bleed;
}

static int
write_booklet(const struct booklet *b, struct pdf *pdf)
{
	double off, s = slug(b, &off), bleed = b->l->page.bleed;
	size_t i;

	for (i = 0; i < npages(b); i++) {
		if (pdf_page_add(pdf, b->pw + 2 * s, b->ph + 2 * s) == -1)
			return -1;
		if (s > 0 && (pdf_page_box(pdf, PDF_TRIMBOX, s, s, b->pw,
		    b->ph) == -1 || (bleed > 0 && pdf_page_box(pdf,
		    PDF_BLEEDBOX, s - bleed, s - bleed, b->pw + 2 * bleed,
		    b->ph + 2 * bleed) == -1)))
			return -1;
		if (replay(b, pdf, i, s, s, bleed, 1) == -1)
			return -1;
		if (b->l->page.crop_marks && pdf_crop_marks(pdf, s, s, b->pw,
		    b->ph, off, CROP_LEN) == -1)
			return -1;
	}
	/* Labels as printed: roman for the front matter, then 1, 2, ... */
	if (pdf_page_label(pdf, 0, PDF_LABEL_ROMAN, 1, NULL) == -1 ||
	    pdf_page_label(pdf, (int)b->front.n, PDF_LABEL_DECIMAL, 1,
	    NULL) == -1)
		return -1;
	return 0;
}

/*
 * Saddle stitch: sheet k's front carries pages n-1-2k (left) and 2k
 * (right), its back 2k+1 and n-2-2k, so that the stack folded in the
 * middle reads 1, 2, ..., n.
 */
static int
write_imposed(const struct booklet *b, struct pdf *pdf)
{
	size_t n = npages(b), k;

	for (k = 0; k < n / 4; k++) {
		size_t sides[2][2] = { { n - 1 - 2 * k, 2 * k },
			{ 2 * k + 1, n - 2 - 2 * k } };
		int s;

		for (s = 0; s < 2; s++)
			if (pdf_page_add(pdf, 2 * b->pw, b->ph) == -1 ||
			    replay(b, pdf, sides[s][0], 0, 0, 0, 0) == -1 ||
			    replay(b, pdf, sides[s][1], b->pw, 0, 0, 0) == -1)
				return -1;
	}
	return 0;
}

/* DIR/booklet-imposed.pdf for DIR/booklet.pdf; the caller frees it. */
static char *
imposed_path(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup("booklet-imposed.pdf");
	return xasprintf("%.*s/booklet-imposed.pdf", (int)(slash - path),
	    path);
}

static int
build(struct booklet *b)
{
	const struct layout_booklet *lb = &b->l->booklet;
	size_t i, total;
	int multiple = lb->pad_multiple > 0 ? lb->pad_multiple : 1;

	b->forum_anchor = xcalloc(b->p->nforums + 1, sizeof(int));
	for (i = 0; i < b->p->nforums; i++)
		b->forum_anchor[i] = new_anchor(b);
	if (cover(b) == -1 || main_matter(b) == -1 || overview(b) == -1)
		return -1;
	/* The forums begin on a right-hand page. */
	if (b->front.n % 2 == 1)
		page_new(&b->front, PAGE_BLANK, NULL);
	total = npages(b);
	while (total % (size_t)multiple != 0) {
		if (lb->pad_with == PAD_NOTES) {
			if (notes_page(b) == -1)
				return -1;
		} else
			page_new(&b->main, PAGE_BLANK, NULL);
		total++;
	}
	for (i = 0; i < total; i++)
		if (decorate(b, i) == -1)
			return -1;
	return 0;
}

int
booklet_render(const struct programme *p, const struct layout *l,
    const struct render_opts *opts, struct diag *d, const char *path)
{
	const struct layout_booklet *lb = &l->booklet;
	const struct colour *c;
	struct booklet b;
	struct pdf_info info;
	struct pdf *imp = NULL;
	char *ipath = NULL;
	size_t i;
	int rc = -1;

	memset(&b, 0, sizeof(b));
	b.p = p;
	b.l = l;
	b.d = d;
	b.lang = p->lang != NULL ? p->lang : "de";
	b.pw = l->page.width;
	b.ph = l->page.height;
	b.taw = b.pw - lb->inner - lb->outer;
	b.tah = b.ph - lb->top - lb->bottom;
	b.colw = (b.taw - lb->column_gap * (lb->columns - 1)) /
	    (lb->columns > 0 ? lb->columns : 1);
	if (b.taw < 36 || b.tah < 72 || b.colw < 36)
		return diag_error(d, NULL, "the type area of '%s' is too "
		    "small for a booklet", l->file);
	c = layout_colour(l, "accent");
	b.accent = c != NULL ? *c : style(&b, "h1")->colour;
	b.rule = (struct colour){ COLOUR_RGB, { 0.6, 0.6, 0.6, 0 } };

	info.title = p->event.title;
	info.author = p->event.organiser;
	info.subject = p->event.subtitle != NULL ? p->event.subtitle :
	    label(&b, "schedule");
	if ((b.pdf = pdf_new(d, &info)) == NULL)
		return -1;
	if (build(&b) == -1 || write_booklet(&b, b.pdf) == -1)
		goto out;
	if (opts != NULL && opts->impose) {
		ipath = imposed_path(path);
		if ((imp = pdf_new(d, &info)) == NULL ||
		    write_imposed(&b, imp) == -1)
			goto out;
	}
	if (pdf_save(b.pdf, path) == -1)
		goto out;
	if (imp != NULL && pdf_save(imp, ipath) == -1) {
		/* Both or neither: the contract of render_fn. */
		unlink(path);
		goto out;
	}
	rc = 0;
out:
	pdf_free(imp);
	free(ipath);
	for (i = 0; i < b.nblocks; i++)
		text_block_free(b.blocks[i]);
	free(b.blocks);
	for (i = 0; i < b.nstrs; i++)
		free(b.strs[i]);
	free(b.strs);
	free(b.anchors);
	free(b.forum_anchor);
	pagelist_release(&b.front);
	pagelist_release(&b.main);
	pdf_free(b.pdf);
	return rc;
}
