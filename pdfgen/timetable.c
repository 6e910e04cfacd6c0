/*
 * The booklet's timetable (timetable.h): a sink for the day grid that
 * records its drawing as operations of booklet pages.
 */
#include <stdlib.h>

#include "daygrid.h"
#include "timetable.h"
#include "util.h"
#include "when.h"

/* The grid's styles where a layout does not name them: from "index". */
#define ROOM_SIZE	0.85	/* shares of the index style's size */
#define TIME_SIZE	0.8
#define TITLE_SIZE	0.85
#define TEXT_SIZE	0.75
#define MIN_SHARE	0.75	/* of the size: the smallest fitting tries */

struct sink {
	const struct timetable *t;
	struct page	*pg;		/* the page being drawn */
	const char	*head;		/* running head, bookmark */
	const char	*mark;		/* the day's bookmark, on its first page */
};

static int
sink_page(void *arg, int part, int nparts)
{
	struct sink *k = arg;

	(void)nparts;
	k->pg = page_new(k->t->pl, PAGE_TEXT, k->head);
	if (part == 0)
		page_mark(k->pg, k->mark, 0);
	return 0;
}

static int
sink_rect(void *arg, double x, double y, double w, double h,
    const struct colour *fill)
{
	struct sink *k = arg;

	op_rect(k->pg, 1, x, y, w, h, fill, 0);
	return 0;
}

static int
sink_line(void *arg, double x, double y, double w, double h,
    const struct colour *c, double lw)
{
	struct sink *k = arg;

	op_line(k->pg, 1, x, y, w, h, c, lw);
	return 0;
}

static int
sink_text(void *arg, struct text_block *tb, double x, double y)
{
	struct sink *k = arg;

	k->t->keep(k->t->arg, tb);
	op_text(k->pg, 1, tb, 0, text_lines(tb), x, y);
	return 0;
}

static int
sink_cell(void *arg, const struct forum *f, double x, double y, double w,
    double h)
{
	struct sink *k = arg;

	page_link(k->pg, x, y, w, h, k->t->anchor[f - k->t->p->forums]);
	return 0;
}

/* "S. 26": the page of f's section. */
static char *
sink_ref(void *arg, const struct forum *f)
{
	struct sink *k = arg;
	const struct anchor *a =
	    &k->t->anchors->v[k->t->anchor[f - k->t->p->forums]];

	return xasprintf("%s\u00a0%zu", layout_label(k->t->l, "page-short",
	    k->t->lang), a->page + 1);
}

/*
 * The layout's style name, else the index style scaled by share (bold
 * for room names and titles), fitting down to MIN_SHARE of it.
 */
static struct text_style
grid_style(const struct layout *l, const char *name, double share, int bold)
{
	const struct text_style *st = layout_style(l, name);
	struct text_style s;

	if (st != NULL)
		return *st;
	s = *layout_style(l, "index");
	s.size *= share;
	s.min_size = s.size * MIN_SHARE;
	s.align = ALIGN_LEFT;
	s.hyphenate = 0;
	if (bold)
		s.weight = WEIGHT_BOLD;
	return s;
}

/* The grid of one day, headed "Tagesübersicht – Donnerstag, 12. Juni 2025". */
static int
day(const struct timetable *t, const struct daygrid_styles *st,
    const char *date, struct sink *k)
{
	struct daygrid_sink ds = { k, sink_page, sink_rect, sink_line,
		sink_text, sink_cell, sink_ref };
	struct daygrid *dg;
	char *d = when_date(date, lang_is(t->lang, "en"), 1), *heading;
	int rc;

	heading = xasprintf("%s \u2013 %s", k->head, d);
	free(d);

	dg = daygrid_new(t->pdf, t->p, t->l, t->lang, st, date, heading,
	    t->area->width, t->area->height);
	free(heading);
	if (dg == NULL)
		return -1;
	rc = daygrid_draw(dg, &ds);
	daygrid_free(dg);
	return rc;
}

int
timetable_pages(const struct timetable *t)
{
	struct text_style room = grid_style(t->l, "grid-room", ROOM_SIZE, 1),
	    time = grid_style(t->l, "grid-time", TIME_SIZE, 0),
	    title = grid_style(t->l, "grid-title", TITLE_SIZE, 1),
	    text = grid_style(t->l, "grid-text", TEXT_SIZE, 0);
	struct daygrid_styles st = { layout_style(t->l, "h2"), &room, &time,
		&title, &text };
	struct sink k = { t, NULL, NULL, NULL };
	const char **dates;
	size_t i, n = daygrid_dates(t->p, &dates);
	char **marks = xcalloc(n + 1, sizeof(*marks));
	int rc = 0;

	k.head = layout_label(t->l, "timetable", t->lang);
	for (i = 0; i < n && rc == 0; i++) {
		/* One day: "Tagesübersicht"; more: each with its date. */
		if (n == 1)
			k.mark = k.head;
		else {
			char *d = when_date(dates[i], lang_is(t->lang, "en"), 1);

			k.mark = marks[i] = xasprintf("%s: %s", k.head, d);
			free(d);
		}
		rc = day(t, &st, dates[i], &k);
	}
	free(dates);
	/* The bookmarks' titles must live as long as the pages. */
	for (i = 0; i < n; i++)
		if (marks[i] != NULL)
			t->keep_str(t->arg, marks[i]);
	free(marks);
	return rc;
}
