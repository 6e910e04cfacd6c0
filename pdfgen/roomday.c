/*
 * A room's day as a list (roomday.h).  Sizes are tried by bisection
 * (text_fit_size), for one column and for two; a size fits when
 * every row keeps its whole text within the style's lines (at the
 * smallest size rows may be shortened) and the rows, taken in order,
 * fill the columns without running past the box's foot.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "roomday.h"
#include "util.h"
#include "when.h"

#define ROW_GAP		0.35	/* between rows, in sizes */
#define TIME_GAP	0.7	/* from the time to the title, in sizes */
#define COL_GAP		1.5	/* between the columns, in sizes */
#define BAR_W		0.22	/* the bar of the marked row, in sizes */
#define BAR_GAP		0.5	/* from the bar to the row, in sizes */
#define LINES		3	/* a row's lines when the style says none */
#define EPS		1e-6

/* The rows set at one size, and where each goes. */
struct set {
	struct text_block **time, **text;
	int		*col;
	double		*y;		/* from the box's top */
	double		 size, timew, indent, colw;
};

static double
smallest(const struct text_style *st)
{
	return st->min_size > 0 && st->min_size < st->size ? st->min_size :
	    st->size;
}

/* The style at size, muted in the layout's colour "muted". */
static struct text_style
at(const struct roomday *rd, double size, int mute)
{
	struct text_style s = *rd->st;
	const struct colour *c;

	s.size = s.min_size = size;
	s.align = ALIGN_LEFT;
	if (mute && (c = layout_colour(rd->l, "muted")) != NULL)
		s.colour = *c;
	return s;
}

/*
 * "Tanja Krins, N.N. (KGSt), Marcel Böttcher (angefragt)"; NULL when f
 * has no speakers.
 */
static char *
names(const struct roomday *rd, const struct forum *f)
{
	struct buf b = { 0 };
	const struct person *s;
	char *name;
	size_t i;

	for (i = 0; i < f->nspeakers; i++) {
		s = f->speakers[i];
		name = person_full_name(s);
		buf_adds(&b, i > 0 ? ", " : "");
		buf_adds(&b, name);
		free(name);
		if (s->placeholder && s->organisation != NULL) {
			buf_adds(&b, " (");
			buf_adds(&b, s->organisation);
			buf_addc(&b, ')');
		}
		if (s->status == PERSON_INVITED) {
			buf_adds(&b, " (");
			buf_adds(&b, layout_label(rd->l, "invited", rd->lang));
			buf_addc(&b, ')');
		}
	}
	return f->nspeakers > 0 ? buf_take(&b) : NULL;
}

/*
 * The text of row r at size in width w: "Forum 3 · " and the title in
 * bold, " – " and the speakers, " · " and the track, in at most the style's lines; NULL when
 * it does not fit so.  At the smallest size it is shortened to fit
 * instead.  *bad is set after a font problem.
 */
static struct text_block *
row_text(const struct roomday *rd, const struct roomday_row *r,
    double size, double w, int *bad)
{
	struct text_style st = at(rd, size, r->mute);
	struct text_src src = { r->f ? &r->f->pos : NULL, "room.schedule" };
	struct text_run runs[6];
	struct text_block *tb;
	char *num = NULL, *who = NULL;
	size_t n = 0;
	int lines = st.max_lines > 0 ? st.max_lines : LINES;

	if (r->f == NULL) {
		runs[n++] = (struct text_run){ "\u2026", TEXT_REGULAR, 1 };
	} else {
		if (r->number && r->f->number > 0) {
			num = xasprintf("%s %d \u00b7 ", layout_label(rd->l,
			    "forum", rd->lang), r->f->number);
			runs[n++] = (struct text_run){ num, TEXT_BOLD, 1 };
		}
		runs[n++] = (struct text_run){ r->f->title, TEXT_BOLD, 0 };
		if (r->names && (who = names(rd, r->f)) != NULL) {
			runs[n++] = (struct text_run){ " \u2013 ", TEXT_REGULAR,
			    1 };
			runs[n++] = (struct text_run){ who, TEXT_REGULAR, 1 };
		}
		if (r->track && r->f->track != NULL) {
			runs[n++] = (struct text_run){ " \u00b7 ", TEXT_REGULAR,
			    1 };
			runs[n++] = (struct text_run){ r->f->track->name,
			    TEXT_ITALIC, 0 };
		}
	}
	if (size > smallest(rd->st) + EPS)
		tb = text_set_whole(rd->pdf, &st, rd->lang, runs, n, size, w,
		    lines);
	else if ((tb = text_fit_quiet(rd->pdf, &st, rd->lang, runs, n, w,
	    HUGE_VAL, lines, &src)) == NULL)
		*bad = 1;
	free(num);
	free(who);
	return tb;
}

/* "10:30–10:50" in bold, or nothing for a row that is no session. */
static struct text_block *
row_time(const struct roomday *rd, const struct roomday_row *r,
    double size, double w)
{
	struct text_style st = at(rd, size, r->mute);
	struct text_run run = { NULL, TEXT_BOLD, 1 };
	struct text_block *tb;
	char *t;

	if (r->f == NULL || r->f->slot == NULL)
		t = xstrdup("");
	else
		t = when_time(r->f->slot);
	run.text = t;
	tb = text_set(rd->pdf, &st, rd->lang, &run, 1, w, NULL);
	free(t);
	return tb;
}

static void
set_free(struct set *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s->text != NULL; i++) {
		text_block_free(s->time[i]);
		text_block_free(s->text[i]);
	}
	free(s->time);
	free(s->text);
	free(s->col);
	free(s->y);
	memset(s, 0, sizeof(*s));
}

static int
any_mark(const struct roomday_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (rows[i].mark)
			return 1;
	return 0;
}

/*
 * Sets the rows at size in columns columns of the box w x h into s.
 * Returns 1 when they fit, 0 when not, -1 after reporting.
 */
static int
set_rows(const struct roomday *rd, const struct roomday_row *rows,
    size_t n, double size, int columns, double w, double h, struct set *s)
{
	struct text_style bold = at(rd, size, 0);
	double y = 0, rh;
	size_t i;
	int col = 0, bad = 0;

	memset(s, 0, sizeof(*s));
	s->time = xcalloc(n + 1, sizeof(*s->time));
	s->text = xcalloc(n + 1, sizeof(*s->text));
	s->col = xcalloc(n + 1, sizeof(*s->col));
	s->y = xcalloc(n + 1, sizeof(*s->y));
	s->size = size;
	s->timew = text_width(rd->pdf, &bold, TEXT_BOLD, size,
	    "00:00\u201300:00");
	s->indent = any_mark(rows, n) ? (BAR_W + BAR_GAP) * size : 0;
	s->colw = (w - (columns - 1) * COL_GAP * size) / columns;
	if (s->colw - s->indent - s->timew - TIME_GAP * size < 4 * size)
		return 0;	/* no room for words */
	for (i = 0; i < n; i++) {
		if ((s->time[i] = row_time(rd, &rows[i], size, s->timew)) ==
		    NULL)
			return -1;
		if ((s->text[i] = row_text(rd, &rows[i], size, s->colw -
		    s->indent - s->timew - TIME_GAP * size, &bad)) == NULL)
			return bad ? -1 : 0;	/* a smaller size keeps it whole */
		rh = fmax(text_height(s->time[i]), text_height(s->text[i]));
		if (y > 0 && y + rh > h + EPS) {
			col++;
			y = 0;
		}
		if (col >= columns || rh > h + EPS)
			return 0;
		s->col[i] = col;
		s->y[i] = y;
		y += rh + ROW_GAP * size;
	}
	return 1;
}

/* What fitting the rows into some columns tries sizes for. */
struct try {
	const struct roomday *rd;
	const struct roomday_row *rows;
	size_t		 n;
	int		 columns;
	double		 w, h;
	int		 bad;		/* a font problem was reported */
};

static int
fits_at(void *arg, double size)
{
	struct try *t = arg;
	struct set s;
	int rc;

	if (t->bad)
		return 0;
	rc = set_rows(t->rd, t->rows, t->n, size, t->columns, t->w, t->h, &s);
	set_free(&s, t->n);
	if (rc == -1)
		t->bad = 1;
	return rc == 1;
}

/* The largest size at which the rows fit in columns; 0: none, -1: error. */
static double
largest(const struct roomday *rd, const struct roomday_row *rows,
    size_t n, int columns, double w, double h)
{
	struct try t = { rd, rows, n, columns, w, h, 0 };
	double size = text_fit_size(rd->st->size, smallest(rd->st),
	    smallest(rd->st), fits_at, &t);

	return t.bad ? -1 : size;
}

int
roomday_fit(const struct roomday *rd, const struct roomday_row *rows,
    size_t n, double w, double h, struct roomday_fit *fit)
{
	double one, two;

	if ((one = largest(rd, rows, n, 1, w, h)) < 0 ||
	    (two = largest(rd, rows, n, 2, w, h)) < 0)
		return -1;
	fit->columns = two > one + EPS ? 2 : 1;
	fit->size = fmax(one, two);
	return fit->size > 0;
}

int
roomday_draw(const struct roomday *rd, const struct roomday_row *rows,
    size_t n, double x, double top, double w, double h,
    const struct roomday_fit *fit)
{
	const struct colour *accent = layout_colour(rd->l, "accent");
	struct set s;
	double cx, rh;
	size_t i;
	int rc;

	if ((rc = set_rows(rd, rows, n, fit->size, fit->columns, w, h,
	    &s)) != 1) {
		set_free(&s, n);
		return rc == -1 ? -1 : 0;
	}
	for (i = 0; i < n && rc == 1; i++) {
		cx = x + s.col[i] * (s.colw + COL_GAP * s.size);
		rh = fmax(text_height(s.time[i]), text_height(s.text[i]));
		if (rows[i].mark && pdf_rect(rd->pdf, cx, top - s.y[i] - rh,
		    BAR_W * s.size, rh, accent != NULL ? accent :
		    &rd->st->colour, NULL, 0) == -1)
			rc = -1;
		cx += s.indent;
		if (text_draw(rd->pdf, s.time[i], cx, top - s.y[i], 0,
		    text_lines(s.time[i])) == -1 ||
		    text_draw(rd->pdf, s.text[i], cx + s.timew + TIME_GAP *
		    s.size, top - s.y[i], 0, text_lines(s.text[i])) == -1)
			rc = -1;
	}
	set_free(&s, n);
	return rc == -1 ? -1 : 0;
}
