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
#include "sheet.h"
#include "util.h"
#include "when.h"

#define ENTRY_GAP	0.25	/* extra space between list entries, in sizes */
#define GROUP_GAP	0.7	/* extra space before a heading or a forum */
#define BAR_W		0.22	/* the schedule's bar, in sizes */
#define BAR_GAP		0.5	/* from the bar to the text, in sizes */
#define RUNS_MAX	4	/* runs of one list entry */
#define EPS		1e-6	/* points: rounding room */

struct job {
	const struct programme *p;
	struct box_ctx	 box;		/* its lang: of the forum on the sign,
					   for hyphenation; fixed words are
					   in the programme's (label()) */
	const struct layout_side *side;	/* the side being drawn */
};

/* One entry of a list: a heading, a person, a line of the room's day. */
struct entry {
	struct text_run	 runs[RUNS_MAX];
	char		*own[RUNS_MAX];	/* the runs' texts, freed with it */
	size_t		 nruns;
	double		 before;	/* extra space above, in sizes */
	int		 heading;	/* "u. a. mit": a space to the next */
	int		 muted;		/* another forum of the day */
	int		 marked;	/* the sign's forum in the room's day */
};

struct list {
	struct entry	*v;
	size_t		 n;
	int		 bars;		/* indent every entry for the bar */
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
 * the style's range at which all fit; marked entries get a bar in front,
 * muted ones the colour "muted".
 */
static int
fit_list(struct job *j, const struct layout_box *b, double bx, double btop,
    const struct list *ls, const struct text_src *src)
{
	const struct text_style *st = b->style;
	const struct colour *bar = layout_colour(j->box.l, "accent");
	const struct colour *grey = layout_colour(j->box.l, "muted");
	struct text_style muted = *st;
	struct text_item *it;
	double size, h, top, x = bx, mtop = 0, mbot = 0;
	size_t i;
	int rc = 0, marking = 0;

	if (ls->n == 0)
		return 0;
	if (grey != NULL)
		muted.colour = *grey;
	it = xcalloc(ls->n, sizeof(*it));
	for (i = 0; i < ls->n; i++)
		it[i] = (struct text_item){ ls->v[i].runs, ls->v[i].nruns,
		    ls->v[i].muted ? &muted : NULL, ls->v[i].before, NULL, NULL,
		    0 };
	size = text_fit_list(j->box.pdf, st, j->box.lang, it, ls->n, b->w,
	    b->h, ls->bars ? BAR_W + BAR_GAP : 0, 1, &h, src);
	if (size == 0) {
		free(it);
		return list_as_paragraph(j, b, bx, btop, ls, src);
	}
	if (ls->bars)
		x += (BAR_W + BAR_GAP) * size;
	top = box_text_top(b, btop, h);
	for (i = 0; i < ls->n; i++) {
		if (ls->v[i].marked && !marking)
			mtop = top - it[i].y;
		marking = ls->v[i].marked;
		if (text_draw(j->box.pdf, it[i].tb, x, top - it[i].y, 0,
		    text_lines(it[i].tb), NULL) == -1)
			rc = -1;
		if (marking)
			mbot = top - it[i].y - text_height(it[i].tb);
		text_block_free(it[i].tb);
	}
	if (mtop > mbot && pdf_rect(j->box.pdf, bx, mbot, BAR_W * size,
	    mtop - mbot, bar != NULL ? bar : &st->colour, NULL, 0) == -1)
		rc = -1;
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
	struct list ls = { NULL, 0, 0 };
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

/* The people of f by name only: "Tanja Krins, N.N. (Procilon)". */
static char *
names_of(struct job *j, const struct forum *f)
{
	struct buf b = { NULL, 0, 0 };
	const struct person *s;
	char *name, *inv;
	size_t i;

	/* "Referent*innen: A, B" but "u. a. mit A, B". */
	buf_adds(&b, box_label(&j->box, f->speakers_complete ? "speakers" :
	    "among-others"));
	if (f->speakers_complete)
		buf_addc(&b, ':');
	for (i = 0; i < f->nspeakers; i++) {
		s = f->speakers[i];
		name = person_full_name(s);
		buf_adds(&b, i > 0 ? ", " : " ");
		buf_adds(&b, name);
		free(name);
		if (s->placeholder && s->organisation != NULL) {
			buf_adds(&b, " (");
			buf_adds(&b, s->organisation);
			buf_addc(&b, ')');
		}
		if (s->status == PERSON_INVITED) {
			inv = box_invited(&j->box);
			buf_adds(&b, inv);
			free(inv);
		}
	}
	return buf_take(&b);
}

/*
 * The room's day: for each forum its time and number, then its title;
 * the sign's own forum in bold with a bar and its speakers, the others
 * muted.
 */
static int
schedule_box(struct job *j, const struct layout_box *b, double bx,
    double btop, const struct forum *f)
{
	const struct programme *p = j->p;
	const struct forum **day;
	struct list ls = { NULL, 0, 1 };
	struct text_src src = { &f->pos, "room.schedule" };
	struct entry *e;
	enum text_variant v;
	size_t i, n = 0;
	char *t;
	int rc;

	day = xcalloc(p->nforums, sizeof(*day));
	for (i = 0; i < p->nforums; i++)
		if (same_day(f, &p->forums[i]))
			day[n++] = &p->forums[i];
	qsort(day, n, sizeof(*day), by_time);
	for (i = 0; i < n; i++) {
		v = day[i] == f ? TEXT_BOLD : TEXT_REGULAR;
		e = list_add(&ls, GROUP_GAP);
		e->muted = day[i] != f;
		e->marked = day[i] == f;
		t = day[i]->slot != NULL ? when_time(day[i]->slot) : NULL;
		entry_run(e, xasprintf("%s%s%s %d", t != NULL ? t : "",
		    t != NULL ? " \u00B7 " : "", box_label(&j->box, "forum"),
		    day[i]->number), v, 1);
		free(t);
		e = list_add(&ls, 0);
		e->muted = day[i] != f;
		e->marked = day[i] == f;
		entry_run(e, xstrdup(day[i]->title), v, 0);
		if (day[i] != f || f->nspeakers == 0)
			continue;
		e = list_add(&ls, 0);
		e->marked = 1;
		entry_run(e, names_of(j, f), TEXT_ITALIC, 1);
	}
	free(day);
	rc = fit_list(j, b, bx, btop, &ls, &src);
	list_free(&ls);
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
	for (i = 0; i < f->nparagraphs; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, f->paragraphs[i]);
	}
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
		    j->p->event.url : NULL);
	return box_other(&j->box, b, bx, btop, &it);
}

/* Box b of forum f's sign, the item's top-left corner at ix, itop. */
static int
draw_box(struct job *j, const struct layout_box *b, double ix, double itop,
    const struct forum *f)
{
	struct box_ctx *c = &j->box;
	struct layout_box tb;
	double bx = ix + b->x, btop = itop - b->y;
	char *t;
	int rc;

	switch (b->field) {
	case FIELD_FORUM_NUMBER:
		t = xasprintf("%s %d", box_label(&j->box, "forum"), f->number);
		rc = box_text(c, b, bx, btop, t, 1, &f->pos, "forum.number");
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

/*
 * Side side of the sign of forum i, top-left corner at ix, itop (the
 * sheet engine's draw); each front in the viewer's outline.
 */
static int
sign(void *arg, size_t i, const struct layout_side *side, int back,
    double ix, double itop)
{
	struct job *j = arg;
	const struct forum *f = &j->p->forums[i];
	char *mark;
	int rc = 0;

	if (!back) {
		/* "Forum 3: Cloud" */
		mark = xasprintf("%s %d: %s", box_label(&j->box, "forum"),
		    f->number, f->title);
		if (pdf_bookmark(j->box.pdf, -1, mark, itop) == -1)
			rc = -1;
		free(mark);
	}
	if (draw_sign(j, side, f, ix, itop) == -1)
		rc = -1;
	return rc;
}

int
signs_render(const struct programme *p, const struct layout *l,
    const struct render_opts *o, struct diag *d, const char *path)
{
	struct pdf_info info = { NULL, NULL, NULL };
	struct sheets sh;
	struct job j;
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
	info.title = p->event.title;
	info.subject = layout_label(l, "signs", p->lang);
	info.author = p->event.organiser;
	if ((j.box.pdf = pdf_new(d, &info)) == NULL)
		return -1;
	if (render_flag(o, "rgb"))
		pdf_use_rgb(j.box.pdf);
	sh = (struct sheets){ j.box.pdf, l, p->nforums, 0, sign, NULL, &j };
	rc = sheet_render(&sh, path);
	pdf_free(j.box.pdf);
	return rc;
}
