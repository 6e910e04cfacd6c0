/*
 * Door signs (render.h): which forum goes on which sheet, and what each box
 * of the layout shows on the sign of one forum.  Geometry and looks come
 * from the layout; sizes come from fit-to-box, so a short title is big and
 * a long one wraps and shrinks, never below the style's smallest size.
 */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "render.h"
#include "roomday.h"
#include "sheet.h"
#include "util.h"
#include "when.h"

#define ENTRY_GAP	0.25	/* extra space between list entries, in sizes */
#define GROUP_GAP	0.7	/* extra space before a heading or a forum */
#define RUNS_MAX	4	/* runs of one list entry */
#define EPS		1e-6	/* points: rounding room */

struct job {
	const struct programme *p;
	struct box_ctx	 box;		/* its lang: of the forum on the sign,
					   for hyphenation; fixed words are
					   in the programme's (label()) */
	const struct layout_side *side;	/* the side being drawn */
	const struct sign *signs;	/* what each sign is for */
};

/* One entry of a list: a heading, a person, a line of the room's day. */
struct entry {
	struct text_run	 runs[RUNS_MAX];
	char		*own[RUNS_MAX];	/* the runs' texts, freed with it */
	size_t		 nruns;
	double		 before;	/* extra space above, in sizes */
	int		 heading;	/* "u. a. mit": a space to the next */
};

struct list {
	struct entry	*v;
	size_t		 n;
};

static struct entry *
list_add(struct list *ls, double before)
{
	struct entry *e;

	ls->v = xreallocarray(ls->v, ls->n + 1, sizeof(*ls->v));
	e = &ls->v[ls->n++];
	memset(e, 0, sizeof(*e));
	e->before = ls->n > 1 ? before : 0;
	return e;
}

/* Appends the run s (taken over, freed with the list) to e. */
static void
entry_run(struct entry *e, char *s, enum text_variant v, int nohyphen)
{
	e->own[e->nruns] = s;
	e->runs[e->nruns++] = (struct text_run){ s, v, nohyphen };
}

static void
list_free(struct list *ls)
{
	size_t i, k;

	for (i = 0; i < ls->n; i++)
		for (k = 0; k < ls->v[i].nruns; k++)
			free(ls->v[i].own[k]);
	free(ls->v);
}

/*
 * When no size fits, the whole list as one paragraph ("u. a. mit A, Org ·
 * B, Org"), which text_fit() shortens and reports.
 */
static int
list_as_paragraph(struct job *j, const struct layout_box *b, double bx,
    double btop, const struct list *ls, const struct text_src *src)
{
	struct layout_box para = *b;
	struct text_style st = *b->style;
	struct text_run *runs;
	size_t i, k, n = 0;
	int rc;

	/* max_lines counts the lines of one entry, not of the paragraph. */
	st.max_lines = 0;
	para.style = &st;
	runs = xcalloc(ls->n * (RUNS_MAX + 1), sizeof(*runs));
	for (i = 0; i < ls->n; i++) {
		if (i > 0)
			runs[n++] = (struct text_run){ ls->v[i - 1].heading ?
			    " " : " \u00B7 ", TEXT_REGULAR, 1 };
		for (k = 0; k < ls->v[i].nruns; k++)
			runs[n++] = ls->v[i].runs[k];
	}
	rc = box_runs(&j->box, &para, bx, btop, runs, n, src);
	free(runs);
	return rc;
}

/*
 * Draws the list in box b, every entry at the same size, the largest in
 * the style's range at which all fit.
 */
static int
fit_list(struct job *j, const struct layout_box *b, double bx, double btop,
    const struct list *ls, const struct text_src *src)
{
	struct text_item *it;
	double size, h, top;
	size_t i;
	int rc = 0;

	if (ls->n == 0)
		return 0;
	it = xcalloc(ls->n, sizeof(*it));
	for (i = 0; i < ls->n; i++)
		it[i] = (struct text_item){ ls->v[i].runs, ls->v[i].nruns,
		    NULL, ls->v[i].before, NULL, NULL, 0 };
	size = text_fit_list(j->box.pdf, b->style, j->box.lang, it, ls->n,
	    b->w, b->h, 0, 1, &h, src);
	if (size == 0) {
		free(it);
		return list_as_paragraph(j, b, bx, btop, ls, src);
	}
	top = box_text_top(b, btop, h);
	for (i = 0; i < ls->n; i++) {
		if (text_draw(j->box.pdf, it[i].tb, bx, top - it[i].y, 0,
		    text_lines(it[i].tb)) == -1)
			rc = -1;
		text_block_free(it[i].tb);
	}
	free(it);
	return rc;
}

/* "Prof. Dr. Martin Hoffmann, Organisation (angefragt)". */
static void
person_entry(struct job *j, struct list *ls, const struct person *s)
{
	struct entry *e = list_add(ls, ENTRY_GAP);
	const char *aff = s->organisation != NULL ? s->organisation : s->role;

	entry_run(e, person_full_name(s), TEXT_BOLD, 1);
	/* Without an organisation the role says where they come from. */
	if (aff != NULL)
		entry_run(e, xasprintf(", %s", aff), TEXT_REGULAR,
		    s->organisation != NULL);
	if (s->status == PERSON_INVITED)
		entry_run(e, box_invited(&j->box), TEXT_ITALIC, 1);
}

/* A heading and the people under it; nothing at all when there are none. */
static void
people_list(struct job *j, struct list *ls, const char *heading,
    struct person *const *v, size_t n)
{
	struct entry *e;
	size_t i;

	if (n == 0)
		return;
	e = list_add(ls, GROUP_GAP);
	e->heading = 1;
	entry_run(e, xstrdup(heading), TEXT_ITALIC, 0);
	for (i = 0; i < n; i++)
		person_entry(j, ls, v[i]);
}

/* Whether the speakers box shows the moderators too (no box of their own). */
static int
moderators_with_speakers(const struct job *j)
{
	return box_find(j->side, FIELD_FORUM_MODERATORS) == NULL;
}

/*
 * The speakers box, with the moderators when they have no box of their
 * own, or the moderators box.
 */
static int
people_box(struct job *j, const struct layout_box *b, double bx,
    double btop, const struct forum *f)
{
	int speakers = b->field == FIELD_FORUM_SPEAKERS;
	struct list ls = { NULL, 0 };
	struct text_src src = { &f->pos, speakers ? "forum.speakers" :
	    "forum.moderators" };
	int rc;

	if (speakers)
		people_list(j, &ls, box_label(&j->box, f->speakers_complete ?
		    "speakers" : "among-others"), f->speakers, f->nspeakers);
	if (!speakers || moderators_with_speakers(j))
		people_list(j, &ls, box_label(&j->box, "moderation"),
		    f->moderators, f->nmoderators);
	rc = fit_list(j, b, bx, btop, &ls, &src);
	list_free(&ls);
	return rc;
}

/* Whether the forum's speakers box stays empty. */
static int
speakers_empty(const struct job *j, const struct forum *f)
{
	return f->nspeakers == 0 &&
	    (f->nmoderators == 0 || !moderators_with_speakers(j));
}

/*
 * The title's box, grown down over the speakers box right below it when
 * the forum has nobody to name there: a sign with only a title then sets
 * it larger, in the middle of the space, rather than above a hole.
 */
static struct layout_box
title_box(const struct job *j, const struct layout_box *b,
    const struct forum *f)
{
	struct layout_box r = *b;
	const struct layout_box *s;
	size_t i;

	if (!speakers_empty(j, f))
		return r;
	for (i = 0; i < j->side->nboxes; i++) {
		s = &j->side->boxes[i];
		if (s->field == FIELD_FORUM_SPEAKERS &&
		    s->y >= b->y + b->h - EPS && s->x >= b->x - EPS &&
		    s->x + s->w <= b->x + b->w + EPS &&
		    s->y + s->h > r.y + r.h)
			r.h = s->y + s->h - b->y;
	}
	return r;
}

static int
by_time(const void *a, const void *b)
{
	const struct forum *f = *(const struct forum *const *)a;
	const struct forum *g = *(const struct forum *const *)b;

	if (f->slot != NULL && g->slot != NULL &&
	    f->slot->start != g->slot->start)
		return f->slot->start < g->slot->start ? -1 : 1;
	if ((f->slot == NULL) != (g->slot == NULL))
		return f->slot == NULL ? 1 : -1;
	return f->number < g->number ? -1 : f->number > g->number;
}

/* Whether g takes place in f's room on f's day. */
static int
same_day(const struct forum *f, const struct forum *g)
{
	if (f == g)
		return 1;
	if (f->room == NULL || g->room != f->room)
		return 0;
	if (f->slot == NULL || g->slot == NULL)
		return f->slot == g->slot;
	return strcmp(f->slot->date, g->slot->date) == 0;
}

/* What the room's day is set with on a sign. */
static struct roomday
roomday_of(const struct job *j, const struct layout_box *b)
{
	struct roomday rd = { j->box.pdf, j->box.l, j->p->lang, b->style };

	return rd;
}

/*
 * Rows as many as fit box b: all, or those nearest the marked one with
 * "…" for the others (fewer each time until they fit).  Fills *fit;
 * returns the number of rows kept in out, or -1 after reporting.
 */
static long
fit_rows(const struct job *j, const struct layout_box *b,
    const struct roomday_row *rows, size_t n, size_t mark,
    struct roomday_row *out, struct roomday_fit *fit)
{
	struct roomday rd = roomday_of(j, b);
	size_t keep, lo, k, m;
	int rc;

	for (keep = n; ; keep--) {
		lo = mark >= keep / 2 ? mark - keep / 2 : 0;
		if (lo + keep > n)
			lo = n - keep;
		m = 0;
		if (lo > 0)
			out[m++] = (struct roomday_row){ NULL, 0, 1, 0, 0, 0 };
		for (k = lo; k < lo + keep; k++)
			out[m++] = rows[k];
		if (lo + keep < n)
			out[m++] = (struct roomday_row){ NULL, 0, 1, 0, 0, 0 };
		if ((rc = roomday_fit(&rd, out, m, b->w, b->h, fit)) != 0 ||
		    keep <= 1)
			return rc == -1 ? -1 : (long)m;
	}
}

/*
 * The room's day on forum f's sign, one row per forum in time order: f
 * marked with a bar and its speakers, the others muted.  When not all
 * fit, those nearest f.
 */
static int
schedule_box(struct job *j, const struct layout_box *b, double bx,
    double btop, const struct forum *f)
{
	const struct programme *p = j->p;
	const struct forum **day = xcalloc(p->nforums + 1, sizeof(*day));
	struct roomday_row *rows, *out;
	struct roomday rd = roomday_of(j, b);
	struct roomday_fit fit;
	size_t i, n = 0, mark = 0;
	long m;
	int rc = -1;

	for (i = 0; i < p->nforums; i++)
		if (same_day(f, &p->forums[i]))
			day[n++] = &p->forums[i];
	qsort(day, n, sizeof(*day), by_time);
	rows = xcalloc(n + 1, sizeof(*rows));
	out = xcalloc(n + 3, sizeof(*out));
	for (i = 0; i < n; i++) {
		rows[i] = (struct roomday_row){ day[i], day[i] == f,
		    day[i] != f, day[i] == f, 1, 0 };
		if (day[i] == f)
			mark = i;
	}
	if ((m = fit_rows(j, b, rows, n, mark, out, &fit)) >= 0)
		rc = fit.size > 0 ? roomday_draw(&rd, out, (size_t)m, bx, btop,
		    b->w, b->h, &fit) : 0;
	free(out);
	free(rows);
	free(day);
	return rc;
}

static int
host_box(struct job *j, const struct layout_box *b, double bx, double btop,
    const struct forum *f)
{
	struct text_run runs[2];
	struct text_src src = { &f->pos, "forum.host" };
	char *by;
	int rc;

	if (f->host == NULL)
		return 0;
	by = xasprintf("%s ", box_label(&j->box, "hosted-by"));
	runs[0] = (struct text_run){ by, TEXT_REGULAR, 0 };
	runs[1] = (struct text_run){ f->host, TEXT_BOLD, 1 };
	rc = box_runs(&j->box, b, bx, btop, runs, 2, &src);
	free(by);
	return rc;
}

/* The paragraphs as one block (NULL: none); a door has no room for more. */
static char *
description(const struct forum *f)
{
	struct buf b = { NULL, 0, 0 };
	size_t i;

	if (f->nparagraphs == 0)
		return NULL;
	for (i = 0; i < f->nparagraphs; i++)
		buf_add_item(&b, i, " ", f->paragraphs[i].text);
	return buf_take(&b);
}

/* Box b of forum f's sign when it shows no field of the forum. */
static int
other_box(struct job *j, const struct layout_box *b, double bx,
    double btop, const struct forum *f)
{
	/* A sign has no person: bands in the category's general colour. */
	struct box_item it = { j->p, f, NULL };

	/* Only the event's address means something on a door. */
	if (b->field == FIELD_QR)
		return box_qr(&j->box, b, bx, btop, b->qr == QR_EVENT_URL ?
		    j->p->conference.url : NULL);
	return box_other(&j->box, b, bx, btop, &it);
}

/* Box b of forum f's sign, the item's top-left corner at ix, itop. */
static int
draw_box(struct job *j, const struct layout_box *b, double ix, double itop,
    const struct forum *f)
{
	struct box_ctx *c = &j->box;
	struct layout_box tb;
	struct text_style st;
	double bx = ix + b->x, btop = itop - b->y;
	char *t;
	int rc;

	switch (b->field) {
	case FIELD_FORUM_NUMBER:
		/*
		 * "Forum 3 · Track"; without a number the track, if any:
		 * a devroom's name is longer than a number, so it may go
		 * down to a third of the size, on two lines.
		 */
		if ((t = forum_kicker(f, box_label(&j->box, "forum"))) == NULL)
			return 0;
		tb = *b;
		if (f->number == 0) {
			st = *b->style;
			st.min_size = st.min_size / 3;
			st.max_lines = 2;
			st.leading = 1.05;
			tb.style = &st;
		}
		rc = box_text(c, &tb, bx, btop, t, 1, &f->pos, "forum.number");
		free(t);
		return rc;
	case FIELD_FORUM_TITLE:
		tb = title_box(j, b, f);
		return box_text(c, &tb, bx, btop, f->title, 0, &f->pos,
		    "forum.title");
	case FIELD_FORUM_SUBTITLE:
		return box_text(c, b, bx, btop, f->subtitle, 0, &f->pos,
		    "forum.subtitle");
	case FIELD_FORUM_HOST:
		return host_box(j, b, bx, btop, f);
	case FIELD_FORUM_HOST_LOGO:
		return box_image(c, b, bx, btop, &f->pos, f->host_logo);
	case FIELD_FORUM_SPEAKERS:
	case FIELD_FORUM_MODERATORS:
		return people_box(j, b, bx, btop, f);
	case FIELD_FORUM_DESCRIPTION:
		t = description(f);
		rc = box_text(c, b, bx, btop, t, 0, &f->pos,
		    "forum.description");
		free(t);
		return rc;
	case FIELD_ROOM_NAME:
		return f->room == NULL ? 0 : box_text(c, b, bx, btop,
		    f->room->name, 1, &f->room->pos, "room.name");
	case FIELD_ROOM_SCHEDULE:
		return schedule_box(j, b, bx, btop, f);
	case FIELD_SLOT_TIME:
		if (f->slot == NULL)
			return 0;
		t = when_time(f->slot);
		rc = box_text(c, b, bx, btop, t, 1, &f->slot->pos,
		    "slot.time");
		free(t);
		return rc;
	default:
		return other_box(j, b, bx, btop, f);
	}
}

static int
draw_sign(struct job *j, const struct layout_side *side,
    const struct forum *f, double ix, double itop)
{
	size_t i;
	int rc = 0;

	j->side = side;
	j->box.lang = forum_lang(j->p, f);
	for (i = 0; i < side->nboxes; i++)
		if (draw_box(j, &side->boxes[i], ix, itop, f) == -1)
			rc = -1;
	return rc;
}

/* The sessions of a room on a day, or the part of them one sheet shows. */
struct roomsign {
	const struct room *room;
	const char	*date;		/* NULL: sessions without a time */
	const struct track *track;	/* of all its sessions; NULL: none */
	const struct roomday_row *rows;	/* in time order */
	size_t		 n;
	int		 part, nparts;	/* 1..nparts */
};

/* What one sign is for: a forum, or a room's day. */
struct sign {
	const struct forum *f;		/* a sign per forum */
	const struct roomsign *rs;	/* a sign per room and day */
};

/* A session's date; NULL when it has no time. */
static const char *
date_of(const struct forum *f)
{
	return f->slot != NULL ? f->slot->date : NULL;
}

/* By day (sessions without a time last), room, time and number. */
static int
by_room_day(const void *a, const void *b)
{
	const struct forum *f = *(const struct forum *const *)a;
	const struct forum *g = *(const struct forum *const *)b;
	const char *df = date_of(f), *dg = date_of(g);
	int c;

	if ((df == NULL) != (dg == NULL))
		return df == NULL ? 1 : -1;
	if (df != NULL && (c = strcmp(df, dg)) != 0)
		return c;
	if (f->room != g->room)
		return f->room < g->room ? -1 : 1;
	return by_time(a, b);
}

/*
 * How many sheets rows[0..n) take in box b: the fewest into which they
 * split evenly, in order, with each part fitting; -1 after reporting.
 */
static int
sheets_for(const struct job *j, const struct layout_box *b,
    const struct roomday_row *rows, size_t n)
{
	struct roomday rd;
	struct roomday_fit fit;
	size_t k, c;
	int rc = 1;

	if (b == NULL)
		return 1;
	rd = roomday_of(j, b);
	for (k = 1; k < n; k++) {
		for (c = 0, rc = 1; c < k && rc == 1; c++)
			rc = roomday_fit(&rd, rows + c * n / k,
			    (c + 1) * n / k - c * n / k, b->w, b->h, &fit);
		if (rc != 0)
			break;
	}
	return rc == -1 ? -1 : (int)k;
}

/*
 * The signs per room and day: rows gets a row per session with a room,
 * out a sign per room, day and sheet.  Returns the number of signs, or
 * -1 after reporting.
 */
static long
room_signs(const struct job *j, struct roomday_row **rowsp,
    struct roomsign **out)
{
	const struct programme *p = j->p;
	const struct layout_box *b = box_find(&j->box.l->item.front,
	    FIELD_ROOM_SCHEDULE);
	const struct forum **v = xcalloc(p->nforums + 1, sizeof(*v));
	struct roomday_row *rows;
	struct roomsign *rs;
	const struct track *one;
	size_t i, k, n = 0, first, ns = 0;
	int parts, c, num = programme_numbered(p);

	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].room != NULL)
			v[n++] = &p->forums[i];
	if (n < p->nforums)
		diag_warning(pdf_diag(j->box.pdf), NULL, "%zu of %zu sessions "
		    "have no room and get no door sign", p->nforums - n,
		    p->nforums);
	qsort(v, n, sizeof(*v), by_room_day);
	rows = *rowsp = xcalloc(n + 1, sizeof(*rows));
	rs = *out = xcalloc(n + 1, sizeof(*rs));
	for (first = 0; first < n; first = k) {
		for (k = first + 1; k < n && same_day(v[first], v[k]); k++)
			;
		/* One track for the room's day goes by the date, else each
		   row names its own. */
		for (i = first; i < k && v[i]->track == v[first]->track; i++)
			;
		one = i == k ? v[first]->track : NULL;
		for (i = first; i < k; i++)
			rows[i] = (struct roomday_row){ v[i], 0, 0, 1, num,
			    one == NULL };
		if ((parts = sheets_for(j, b, rows + first, k - first)) < 0) {
			free(v);
			return -1;
		}
		for (c = 0; c < parts; c++)
			rs[ns++] = (struct roomsign){ v[first]->room,
			    date_of(v[first]), one, rows + first + c *
			    (k - first) / parts, (c + 1) * (k - first) / parts -
			    c * (k - first) / parts, c + 1, parts };
	}
	free(v);
	return (long)ns;
}

/*
 * The day of a room's sign, "(2/3)" after it on a day of three sheets,
 * and the track when all its sessions have one: "Saturday, 3 February
 * 2024 · Rust devroom".
 */
static int
room_date_box(struct job *j, const struct layout_box *b, double bx,
    double btop, const struct roomsign *rs)
{
	char *d, *t, *part;
	int rc;

	if (rs->date == NULL && rs->nparts == 1 && rs->track == NULL)
		return 0;
	d = when_date(rs->date != NULL ? rs->date : "", lang_is(j->p->lang,
	    "en"), 1);
	part = rs->nparts > 1 ? xasprintf("%s(%d/%d)", *d ? " " : "",
	    rs->part, rs->nparts) : xstrdup("");
	t = xasprintf("%s%s%s%s", d, part, rs->track != NULL && (*d ||
	    *part) ? " \u00b7 " : "", rs->track != NULL ? rs->track->name :
	    "");
	free(part);
	rc = box_text(&j->box, b, bx, btop, t, 1, NULL, "event.date");
	free(t);
	free(d);
	return rc;
}

/* Box b of a room's sign, the item's top-left corner at ix, itop. */
static int
draw_room_box(struct job *j, const struct layout_box *b, double ix,
    double itop, const struct roomsign *rs)
{
	struct roomday rd = roomday_of(j, b);
	struct roomday_fit fit;
	double bx = ix + b->x, btop = itop - b->y;
	int rc;

	switch (b->field) {
	case FIELD_ROOM_NAME:
		return box_text(&j->box, b, bx, btop, rs->room->name, 1,
		    &rs->room->pos, "room.name");
	case FIELD_ROOM_SCHEDULE:
		if ((rc = roomday_fit(&rd, rs->rows, rs->n, b->w, b->h,
		    &fit)) != 1)
			return rc;
		return roomday_draw(&rd, rs->rows, rs->n, bx, btop, b->w,
		    b->h, &fit);
	case FIELD_EVENT_DATE:
		return room_date_box(j, b, bx, btop, rs);
	case FIELD_EVENT_TITLE:
	case FIELD_TEXT:
	case FIELD_IMAGE:
	case FIELD_QR:
	case FIELD_BAND:
		/* A band in the colour of the room's first session's track. */
		return other_box(j, b, bx, btop, rs->rows[0].f);
	default:
		/* The fields of one forum belong on its own sign. */
		return 0;
	}
}

/* The sign sg on side, the item's top-left corner at ix, itop. */
static int
draw_any(struct job *j, const struct layout_side *side,
    const struct sign *sg, double ix, double itop)
{
	size_t i;
	int rc = 0;

	if (sg->f != NULL)
		return draw_sign(j, side, sg->f, ix, itop);
	j->side = side;
	j->box.lang = j->p->lang;
	for (i = 0; i < side->nboxes; i++)
		if (draw_room_box(j, &side->boxes[i], ix, itop, sg->rs) == -1)
			rc = -1;
	return rc;
}

/* "Forum 3: Cloud", "Janson – Samstag, 3. Februar 2024 (1/2)". */
static char *
bookmark(const struct job *j, const struct sign *sg)
{
	const struct roomsign *rs = sg->rs;
	char *d, *m;

	if (sg->f != NULL && sg->f->number > 0)
		return xasprintf("%s %d: %s", box_label(&j->box, "forum"), sg->f->number,
		    sg->f->title);
	if (sg->f != NULL)
		return xstrdup(sg->f->title);
	d = when_date(rs->date != NULL ? rs->date : "", lang_is(j->p->lang,
	    "en"), 1);
	m = xasprintf("%s%s%s", rs->room->name, *d ? " \u2013 " : "", d);
	free(d);
	if (rs->nparts > 1) {
		d = m;
		m = xasprintf("%s (%d/%d)", d, rs->part, rs->nparts);
		free(d);
	}
	return m;
}

/*
 * Side side of sign i, top-left corner at ix, itop (the sheet engine's
 * draw); each front in the viewer's outline.
 */
static int
sign_side(void *arg, size_t i, const struct layout_side *side, int back,
    double ix, double itop)
{
	struct job *j = arg;
	const struct sign *sg = &j->signs[i];
	char *mark;
	int rc = 0;

	if (!back) {
		mark = bookmark(j, sg);
		if (pdf_bookmark(j->box.pdf, -1, mark, itop) == -1)
			rc = -1;
		free(mark);
	}
	if (draw_any(j, side, sg, ix, itop) == -1)
		rc = -1;
	return rc;
}

/* Sign i for a message, where its forum or its first session is (what). */
static char *
sign_what(void *arg, size_t i, const struct srcpos **pos)
{
	const struct job *j = arg;
	const struct sign *sg = &j->signs[i];
	char *mark = bookmark(j, sg), *q = utf8_abbrev(mark), *s;

	*pos = sg->f != NULL ? &sg->f->pos : &sg->rs->rows[0].f->pos;
	s = xasprintf("the sign '%s'", q);
	free(q);
	free(mark);
	return s;
}

/*
 * Per room and day when the layout says so, or says nothing and has
 * room for the room's day while the programme has no forum numbers (an
 * import); else per forum.
 */
static int
per_room_day(const struct job *j)
{
	const struct layout *l = j->box.l;

	if (l->item.per != PER_DEFAULT)
		return l->item.per == PER_ROOM_DAY;
	return !programme_numbered(j->p) && box_find(&l->item.front,
	    FIELD_ROOM_SCHEDULE) != NULL;
}

/* The signs to print: *v, of which *rows and *rs are the parts. */
static long
signs_of(struct job *j, struct sign **v, struct roomday_row **rows,
    struct roomsign **rs)
{
	const struct programme *p = j->p;
	long n, i;

	*rows = NULL;
	*rs = NULL;
	if (!per_room_day(j)) {
		*v = xcalloc(p->nforums + 1, sizeof(**v));
		for (i = 0; i < (long)p->nforums; i++)
			(*v)[i].f = &p->forums[i];
		return (long)p->nforums;
	}
	if ((n = room_signs(j, rows, rs)) < 0)
		return -1;
	*v = xcalloc((size_t)n + 1, sizeof(**v));
	for (i = 0; i < n; i++)
		(*v)[i].rs = &(*rs)[i];
	return n;
}

int
signs_render(const struct programme *p, const struct layout *l,
    const struct render_opts *o, struct diag *d, const char *path)
{
	struct pdf_info info = { NULL, NULL, NULL };
	struct roomday_row *rows = NULL;
	struct roomsign *rs = NULL;
	struct sign *v = NULL;
	struct sheets sh;
	struct job j;
	long ns;
	int rc;

	memset(&j, 0, sizeof(j));
	j.p = p;
	j.box.l = l;
	j.box.words = p->lang;
	if (p->nforums == 0) {
		diag_warning(d, NULL, "no signs to print: the programme has "
		    "no forums; '%s' not written", path);
		return diag_failed(d) ? -1 : 0;
	}
	info.title = p->conference.title;
	info.subject = layout_label(l, "signs", p->lang);
	info.author = p->conference.organiser;
	if ((j.box.pdf = pdf_new(d, &info)) == NULL)
		return -1;
	if (render_flag(o, "rgb"))
		pdf_use_rgb(j.box.pdf);
	if ((ns = signs_of(&j, &v, &rows, &rs)) < 0)
		rc = -1;
	else if (ns == 0) {
		diag_warning(d, NULL, "no signs to print: no session has a "
		    "room; '%s' not written", path);
		rc = diag_failed(d) ? -1 : 0;
	} else {
		j.signs = v;
		sh = (struct sheets){ j.box.pdf, l, (size_t)ns, 0, sign_side,
		    NULL, &j, sign_what, "split the programme into several "
		    "files, or put more signs on a sheet (the layout's grid)" };
		rc = sheet_render(&sh, path);
	}
	free(v);
	free(rs);
	free(rows);
	pdf_free(j.box.pdf);
	return rc;
}
