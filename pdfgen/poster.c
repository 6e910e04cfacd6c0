/*
 * The poster (render.h): each day's timetable on one large sheet for the
 * entrance, every session of the day on it, set in sizes meant to be read
 * from a few metres.  The day grid (daygrid.h) fills the layout's page
 * inside its margins, headed with the event and the day.  A day that does
 * not fit the layout's sheet at the styles' smallest sizes goes on the
 * next larger sheet of the A series (A2, A1, A0, same orientation, same
 * margins and sizes); only a day that even A0 cannot hold continues on
 * further sheets, each marked "part 1/2".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "daygrid.h"
#include "render.h"
#include "util.h"
#include "when.h"

/* A0's area in square points, and a little slack for rounding. */
#define A0_AREA		(PDF_MM(841) * PDF_MM(1189) * 1.01)
#define SQRT2		1.41421356237309504880

struct poster {
	struct pdf	*pdf;
	const struct layout *l;
	double		 pw, ph;	/* the sheet of the day */
};

/* The grid's box starts at the page's top-left margin. */
static double
px(const struct poster *ps, double x)
{
	return ps->l->page.margin_left + x;
}

static double
py(const struct poster *ps, double y)
{
	return ps->ph - ps->l->page.margin_top - y;
}

static int
sink_page(void *arg, int part, int nparts)
{
	struct poster *ps = arg;

	(void)part;
	(void)nparts;
	return pdf_page_add_trimmed(ps->pdf, ps->pw, ps->ph,
	    ps->l->page.bleed, ps->l->page.crop_marks);
}

static int
sink_rect(void *arg, double x, double y, double w, double h,
    const struct colour *fill)
{
	struct poster *ps = arg;

	return pdf_rect(ps->pdf, px(ps, x), py(ps, y + h), w, h, fill, NULL,
	    0);
}

static int
sink_line(void *arg, double x, double y, double w, double h,
    const struct colour *c, double lw)
{
	struct poster *ps = arg;

	return pdf_line(ps->pdf, px(ps, x), py(ps, y), px(ps, x + w),
	    py(ps, y + h), c, lw);
}

static int
sink_text(void *arg, struct text_block *tb, double x, double y)
{
	struct poster *ps = arg;
	int rc = text_draw(ps->pdf, tb, px(ps, x), py(ps, y), 0,
	    text_lines(tb));

	text_block_free(tb);
	return rc;
}

/* The A series, A0 to A5, in millimetres (portrait). */
static const double a_series[][2] = { { 841, 1189 }, { 594, 841 },
	{ 420, 594 }, { 297, 420 }, { 210, 297 }, { 148, 210 } };

/*
 * The next larger sheet of the A series in the same orientation: A1 for
 * A2 and, for a size not in the series, each side times the square root
 * of two.  Returns 0 when the sheet is A0 (or as large) already.
 */
static int
grow(double *w, double *h)
{
	size_t i, n = sizeof(a_series) / sizeof(a_series[0]);
	int landscape = *w > *h;
	double sw = landscape ? *h : *w, sh = landscape ? *w : *h;

	if (*w * *h * 2 > A0_AREA)
		return 0;
	for (i = 1; i < n; i++)
		if (fabs(sw - PDF_MM(a_series[i][0])) < 1 &&
		    fabs(sh - PDF_MM(a_series[i][1])) < 1)
			break;
	if (i < n) {
		sw = PDF_MM(a_series[i - 1][0]);
		sh = PDF_MM(a_series[i - 1][1]);
	} else {
		sw *= SQRT2;
		sh *= SQRT2;
	}
	*w = landscape ? sh : sw;
	*h = landscape ? sw : sh;
	return 1;
}

/* The grid of date on the smallest sheet that holds it, from the layout's. */
static struct daygrid *
plan_day(struct poster *ps, const struct programme *p,
    const struct daygrid_styles *st, const char *lang, const char *date,
    const char *heading)
{
	const struct layout_page *pg = &ps->l->page;
	struct daygrid *dg;

	ps->pw = pg->width;
	ps->ph = pg->height;
	for (;;) {
		dg = daygrid_new(ps->pdf, p, ps->l, lang, st, date, heading,
		    ps->pw - pg->margin_left - pg->margin_right,
		    ps->ph - pg->margin_top - pg->margin_bottom);
		if (dg == NULL || daygrid_npages(dg) <= 1 ||
		    !grow(&ps->pw, &ps->ph))
			return dg;
		daygrid_free(dg);
	}
}

/* "FOSDEM 2024 – Samstag, 3. Februar 2024"; the caller frees it. */
static char *
day_heading(const struct programme *p, const char *date, const char *lang)
{
	char *d = when_date(date, lang_is(lang, "en"), 1), *s;

	s = p->conference.title != NULL ? xasprintf("%s \u2013 %s",
	    p->conference.title, d) : xstrdup(d);
	free(d);
	return s;
}

/*
 * Every day takes a sheet at least: more days than a PDF holds pages are
 * refused before any is drawn, at a session of the first day past them.
 */
static int
too_many_days(const struct programme *p, const char **dates, size_t n,
    struct diag *d, const char *path)
{
	const struct forum *f = NULL;
	const char *day;
	size_t i;
	char *what;

	if (n <= PDF_MAX_PAGES)
		return 0;
	day = dates[PDF_MAX_PAGES];
	for (i = 0; i < p->nforums && f == NULL; i++)
		if (p->forums[i].slot != NULL && p->forums[i].slot->date !=
		    NULL && strcmp(p->forums[i].slot->date, day) == 0)
			f = &p->forums[i];
	what = xasprintf("the poster of %s", day);
	pdf_too_many_pages(d, f != NULL ? &f->pos : NULL, what,
	    PDF_MAX_PAGES + 1, path, "split the programme into several files");
	free(what);
	return -1;
}

int
poster_render(const struct programme *p, const struct layout *l,
    const struct render_opts *o, struct diag *d, const char *path)
{
	struct daygrid_styles st = { layout_style(l, "heading"),
		layout_style(l, "room"), layout_style(l, "time"),
		layout_style(l, "title"), layout_style(l, "text") };
	struct pdf_info info = { p->conference.title,
		p->conference.organiser, NULL };
	const char *lang = p->lang != NULL ? p->lang : "de";
	struct poster ps = { NULL, l, 0, 0 };
	struct daygrid_sink k = { &ps, sink_page, sink_rect, sink_line,
		sink_text, NULL, NULL };
	struct daygrid *dg;
	const char **dates;
	size_t i, n = daygrid_dates(p, &dates);
	unsigned errors = d->nerrors;
	char *heading;
	int rc = 0;

	if (n == 0) {
		free(dates);
		diag_warning(d, NULL, "no poster to print: no session of the "
		    "programme has a time; '%s' not written", path);
		return diag_failed(d) ? -1 : 0;
	}
	if (too_many_days(p, dates, n, d, path) == -1) {
		free(dates);
		return -1;
	}
	info.subject = layout_label(l, "poster", lang);
	if ((ps.pdf = pdf_new(d, &info)) == NULL) {
		free(dates);
		return -1;
	}
	if (render_flag(o, "rgb"))
		pdf_use_rgb(ps.pdf);
	for (i = 0; i < n && rc == 0; i++) {
		heading = day_heading(p, dates[i], lang);
		if ((dg = plan_day(&ps, p, &st, lang, dates[i], heading)) ==
		    NULL || daygrid_draw(dg, &k) == -1)
			rc = -1;
		daygrid_free(dg);
		free(heading);
	}
	free(dates);
	/* With --strict a warning is an error: write nothing. */
	if (rc == 0 && d->nerrors == errors)
		rc = pdf_save(ps.pdf, path);
	else
		rc = -1;
	pdf_free(ps.pdf);
	return rc;
}
