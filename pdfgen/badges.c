/*
 * Speaker badges (render.h): who gets a badge and in which order, where
 * each badge sits on which sheet, and what each box of the layout shows on
 * it.  Geometry and looks come from the layout; this file decides only
 * what goes where.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "collate.h"
#include "render.h"
#include "sheet.h"
#include "util.h"

#define NAME_FLOOR	8.0	/* points: names shrink no further */
#define NAME_SLACK	1e-3	/* points: rounding room for name_need */
#define WRITING_LINE	0.6		/* points: a line to write a name on */

enum category {
	CAT_SPEAKER,
	CAT_MODERATOR,
	CAT__MAX
};

/* As the layout's labels and colours name them: "category.speaker". */
static const char *const category_names[CAT__MAX] = {
	"speaker",	/* CAT_SPEAKER */
	"moderator",	/* CAT_MODERATOR */
};

/*
 * Text set for a badge's front, kept for its back: a back that repeats
 * the front shows the same text without fitting (and warning) again.
 */
struct kept {
	const struct layout_box *box;
	struct text_block *tb;
	double		 dx;		/* points from the item's left edge */
	double		 dtop;		/* points from the item's top, down */
};

struct badge {
	const struct person *who;
	const struct forum **forums;	/* where they speak or moderate */
	size_t		 nforums;
	enum category	 cat;		/* speaker if they speak anywhere */
	struct kept	*kept;	/* from drawing the front */
	size_t		 nkept;
};

/* Who gets a badge: the options --confirmed-only, --no-placeholders, --only. */
struct choice {
	int		 confirmed_only;
	int		 no_placeholders;
	const char	*only;		/* NULL: everybody */
};

/* One run of the renderer. */
struct job {
	const struct programme *p;
	struct box_ctx	 box;		/* draws text through draw_kept() */
	struct badge	*badges;
	size_t		 nbadges;
	struct badge	*cur;		/* the badge being drawn */
	double		 ix, itop;	/* its top-left corner */
	const struct layout_box *key;	/* the layout box being drawn */
	/*
	 * The side's organisation and role boxes when the role fills both
	 * (role_for_organisation()); NULL when each shows its own field.
	 */
	const struct layout_box *org, *role;
};

/* Adds forum f to b's forums (once) for a person who speaks or moderates. */
static void
badge_add(struct badge *b, const struct forum *f, int speaks)
{
	if (speaks)
		b->cat = CAT_SPEAKER;
	if (b->nforums > 0 && b->forums[b->nforums - 1] == f)
		return;
	b->forums = xreallocarray(b->forums, b->nforums + 1,
	    sizeof(*b->forums));
	b->forums[b->nforums++] = f;
}

/*
 * Everybody's badge, all[i] for p->people[i], with the forums in number
 * order (the programme keeps them so), in one pass over the forums; a
 * badge's nforums is 0 when its person neither speaks nor moderates.
 */
static void
badges_of(const struct programme *p, struct badge *all)
{
	const struct forum *f;
	size_t i, k;

	for (i = 0; i < p->npeople; i++)
		all[i] = (struct badge){ .who = &p->people[i],
		    .cat = CAT_MODERATOR };
	for (i = 0; i < p->nforums; i++) {
		f = &p->forums[i];
		for (k = 0; k < f->nspeakers; k++)
			badge_add(&all[f->speakers[k] - p->people], f, 1);
		for (k = 0; k < f->nmoderators; k++)
			badge_add(&all[f->moderators[k] - p->people], f, 0);
	}
}

/* Why s gets no badge with these options; NULL when s gets one. */
static const char *
left_out(const struct badge *b, const struct choice *o)
{
	if (b->nforums == 0)
		return "speaks or moderates in no forum";
	if (o->no_placeholders && b->who->placeholder)
		return "is a placeholder and --no-placeholders is given";
	if (o->confirmed_only && b->who->status != PERSON_CONFIRMED)
		return "is not confirmed and --confirmed-only is given";
	return NULL;
}

/* Nonzero if the --only entry tok names s: by id or by name. */
static int
names(const char *tok, const struct person *s)
{
	char *name, *full;
	int hit;

	if (strcmp(tok, s->id) == 0)
		return 1;
	name = person_name(s);
	full = person_full_name(s);
	hit = !s->placeholder &&
	    (strcmp(tok, name) == 0 || strcmp(tok, full) == 0);
	free(name);
	free(full);
	return hit;
}

/*
 * Marks in pick[] the people --only names.  Every entry must name somebody
 * who gets a badge; all entries that do not are reported.
 */
static int
pick_only(const struct programme *p, const char *only,
    const struct badge *all, const struct choice *o, char *pick,
    struct diag *d)
{
	char *list = xstrdup(only), *tok, *next, *end;
	const char *why;
	size_t i;
	int found, rc = 0;

	for (tok = list; tok != NULL; tok = next) {
		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		while (*tok == ' ')
			tok++;
		end = tok + strlen(tok);
		while (end > tok && end[-1] == ' ')
			*--end = '\0';
		if (*tok == '\0')
			continue;
		found = 0;
		for (i = 0; i < p->npeople; i++) {
			if (!names(tok, &p->people[i]))
				continue;
			found = 1;
			if ((why = left_out(&all[i], o)) != NULL)
				rc = diag_error(d, NULL, "no badge for '%s' "
				    "in --only: %s", tok, why);
			pick[i] = 1;
		}
		if (!found)
			rc = diag_error(d, NULL, "unknown person '%s' in "
			    "--only", tok);
	}
	free(list);
	return rc;
}

static const struct person *
badge_who(const void *item)
{
	return ((const struct badge *)item)->who;
}

/* Fills j->badges: who gets one, sorted for the registration desk. */
static int
collect(struct job *j, const struct choice *o, struct diag *d)
{
	const struct programme *p = j->p;
	struct badge *all;
	char *pick = NULL;
	size_t i;
	int rc = 0;

	all = xcalloc(p->npeople > 0 ? p->npeople : 1, sizeof(*all));
	badges_of(p, all);
	if (o->only != NULL) {
		pick = xcalloc(p->npeople > 0 ? p->npeople : 1, 1);
		rc = pick_only(p, o->only, all, o, pick, d);
	}
	j->badges = xcalloc(p->npeople > 0 ? p->npeople : 1,
	    sizeof(*j->badges));
	for (i = 0; i < p->npeople; i++) {
		if (rc == 0 && left_out(&all[i], o) == NULL &&
		    (pick == NULL || pick[i]))
			j->badges[j->nbadges++] = all[i];
		else
			free(all[i].forums);
	}
	collate_sort(j->badges, j->nbadges, sizeof(*j->badges), badge_who,
	    p->lang);
	free(pick);
	free(all);
	return rc;
}

/*
 * Draws tb with its top at (x, top) for the current box of the current
 * badge, and keeps it for the badge's back side.  Takes tb over.
 */
static int
draw_kept(void *arg, struct text_block *tb, double x, double top)
{
	struct job *j = arg;
	struct badge *bg = j->cur;

	bg->kept = xreallocarray(bg->kept, bg->nkept + 1,
	    sizeof(*bg->kept));
	bg->kept[bg->nkept++] = (struct kept){ j->key, tb, x - j->ix,
	    j->itop - top };
	return text_draw(j->box.pdf, tb, x, top, 0, text_lines(tb));
}

/* Draws again what box b showed on the front; 0 when it showed nothing. */
static int
replay(struct job *j, const struct layout_box *b, int *rc)
{
	const struct badge *bg = j->cur;
	size_t i;
	int n = 0;

	for (i = 0; i < bg->nkept; i++) {
		if (bg->kept[i].box != b)
			continue;
		n++;
		if (text_draw(j->box.pdf, bg->kept[i].tb, j->ix +
		    bg->kept[i].dx, j->itop - bg->kept[i].dtop, 0,
		    text_lines(bg->kept[i].tb)) == -1)
			*rc = -1;
	}
	return n;
}

static void
forget(struct badge *bg)
{
	size_t i;

	for (i = 0; i < bg->nkept; i++)
		text_block_free(bg->kept[i].tb);
	free(bg->kept);
	bg->kept = NULL;
	bg->nkept = 0;
}

/* s on one line of width w at size, or NULL when it needs more. */
static struct text_block *
one_line(struct job *j, const struct text_style *st, const char *s,
    double size, double w)
{
	struct text_run run = { s, TEXT_REGULAR, 1 };

	return text_set_whole(j->box.pdf, st, j->box.lang, &run, 1, size, w,
	    1);
}

/*
 * The name at size in box b: on one line, else the given names above the
 * family name (not with a remark, which belongs after the whole name),
 * else broken between words, never inside one.  Sets blk[0] (and blk[1]
 * for the two-part form) and returns 1, or returns 0 when none of these
 * fits.
 */
static int
name_at(struct job *j, const struct layout_box *b, const struct person *s,
    const char *name, double size, struct text_block *blk[2])
{
	const struct text_style *st = b->style;
	struct text_run run = { name, TEXT_REGULAR, 1 };
	int two = st->max_lines != 1;

	blk[0] = blk[1] = NULL;
	if ((blk[0] = one_line(j, st, name, size, b->w)) != NULL &&
	    text_height(blk[0]) <= b->h + 1e-6)
		return 1;
	text_block_free(blk[0]);
	blk[0] = NULL;
	if (two && s->given != NULL && s->family != NULL &&
	    s->remark == NULL && strcmp(name, s->given) != 0 &&
	    (blk[0] = one_line(j, st, s->given, size, b->w)) != NULL &&
	    (blk[1] = one_line(j, st, s->family, size, b->w)) != NULL &&
	    text_ascent(blk[0]) + text_leading(blk[0]) +
	    text_descent(blk[0]) <= b->h + 1e-6)
		return 1;
	text_block_free(blk[0]);
	text_block_free(blk[1]);
	blk[0] = blk[1] = NULL;
	if (two && (blk[0] = text_set_whole(j->box.pdf, st, j->box.lang,
	    &run, 1, size, b->w, st->max_lines)) != NULL &&
	    text_height(blk[0]) <= b->h + 1e-6)
		return 1;
	text_block_free(blk[0]);
	blk[0] = NULL;
	return 0;
}

/*
 * What each form of name_at needs at least, at 1 pt (text_measure):
 * the name on one line, its given and family name, and its words.  A
 * size at which no form can fit (name_may_fit) is passed over without
 * setting the name, which is what makes fitting cheap, however long the
 * name; name_at still decides at the sizes that remain.
 */
struct name_need {
	struct text_measure name;
	double		 parts;		/* the wider of given and family */
	double		 parts_h;	/* given names above family name */
};

static int
measure(struct job *j, const struct text_style *st, const char *s,
    struct text_measure *m)
{
	struct text_run run = { s, TEXT_REGULAR, 1 };

	return text_measure(j->box.pdf, st, &run, 1, m);
}

static void
name_need(struct job *j, const struct text_style *st, const struct person *s,
    const char *name, struct name_need *need)
{
	struct text_measure given, family;

	memset(need, 0, sizeof(*need));
	need->parts = need->parts_h = HUGE_VAL;
	if (measure(j, st, name, &need->name) == -1)
		need->name.width = need->name.widest = HUGE_VAL;
	if (st->max_lines != 1 && s->given != NULL && s->family != NULL &&
	    s->remark == NULL && strcmp(name, s->given) != 0 &&
	    measure(j, st, s->given, &given) == 0 &&
	    measure(j, st, s->family, &family) == 0) {
		need->parts = fmax(given.width, family.width);
		need->parts_h = given.ascent + given.leading + given.descent;
	}
}

/* Whether some form of name_at may fit at size in box b (see name_need). */
static int
name_may_fit(const struct name_need *need, const struct text_style *st,
    double size, const struct layout_box *b)
{
	const struct text_measure *m = &need->name;
	double w = b->w + NAME_SLACK, h = b->h + NAME_SLACK;
	int line = size * m->width <= w;

	if ((line && size * (m->ascent + m->descent) <= h) ||
	    (size * need->parts <= w && size * need->parts_h <= h))
		return 1;
	if (st->max_lines == 1)
		return 0;
	/* Broken between words: on one line as above, else on two or more. */
	return size * m->widest <= w && (st->max_lines <= 0 ||
	    size * m->words <= st->max_lines * b->w + NAME_SLACK) &&
	    (line || size * (m->ascent + m->leading + m->descent) <= h);
}

/* What draw_name tries at each size (text_fit_size). */
struct name_try {
	struct job	*j;
	const struct layout_box *b;
	const struct person *s;
	const char	*name;
	struct name_need need;
	int		 measured;
	struct text_block *best[2];	/* the last form that fitted */
};

static int
name_try(void *arg, double size)
{
	struct name_try *t = arg;
	struct text_block *blk[2];

	if (t->measured && !name_may_fit(&t->need, t->b->style, size, t->b))
		return 0;
	if (!name_at(t->j, t->b, t->s, t->name, size, blk)) {
		/* Most names fit at once: measure only those that do not. */
		if (!t->measured)
			name_need(t->j, t->b->style, t->s, t->name, &t->need);
		t->measured = 1;
		return 0;
	}
	text_block_free(t->best[0]);
	text_block_free(t->best[1]);
	t->best[0] = blk[0];
	t->best[1] = blk[1];
	return 1;
}

/*
 * The name, as large as it fits (name_at).  A name is never cut short
 * while a smaller size can show it whole: below the style's smallest size
 * it goes on shrinking to NAME_FLOOR, with a warning.  Only then does
 * text_fit() shorten it, warning too.
 */
static int
draw_name(struct job *j, const struct layout_box *b, double bx, double btop,
    const struct person *s, const char *name)
{
	const struct text_style *st = b->style;
	struct name_try t = { j, b, s, name, { { 0, 0, 0, 0, 0, 0 }, 0, 0 },
	    0, { NULL, NULL } };
	double size, low, th;
	int rc = 0;
	size_t i;

	low = st->min_size > 0 && st->min_size < st->size ? st->min_size :
	    st->size;
	size = text_fit_size(st->size, low, low < NAME_FLOOR ? low :
	    NAME_FLOOR, name_try, &t);
	if (size == 0) {
		struct text_run run = { name, TEXT_REGULAR, 1 };
		struct text_src src = { &s->pos, "person.name" };

		return box_runs(&j->box, b, bx, btop, &run, 1, &src);
	}
	if (size < low) {
		char *q = utf8_abbrev(name);

		diag_warning(pdf_diag(j->box.pdf), &s->pos, "'%s' in "
		    "person.name does not fit its box at %g pt; set at %g pt",
		    q, low, size);
		free(q);
	}
	th = t.best[1] != NULL ? text_ascent(t.best[0]) +
	    text_leading(t.best[0]) + text_descent(t.best[0]) :
	    text_height(t.best[0]);
	btop = box_text_top(b, btop, th);
	th = text_leading(t.best[0]);
	for (i = 0; i < 2 && t.best[i] != NULL; i++)
		if (draw_kept(j, t.best[i], bx, btop - (double)i * th) == -1)
			rc = -1;
	return rc;
}

/*
 * The name box: the name, with the academic title in front when the
 * layout has no box of its own for it; for a placeholder, an empty line
 * to write the name on.
 */
static int
name_box(struct job *j, const struct layout_side *side,
    const struct layout_box *b, double bx, double btop,
    const struct person *s)
{
	char *name;
	double y;
	int rc;

	if (s->placeholder) {
		y = btop - b->h + b->h / 5;
		return pdf_line(j->box.pdf, bx, y, bx + b->w, y,
		    &b->style->colour, WRITING_LINE);
	}
	name = box_find(side, FIELD_PERSON_TITLE) != NULL ? person_name(s) :
	    person_full_name(s);
	rc = draw_name(j, b, bx, btop, s, name);
	free(name);
	return rc;
}

/*
 * A person without an organisation often has a long role instead ("Referentin
 * im Programmbereich ... der KGSt"): it is set in the role's style across
 * the organisation's and the role's boxes together, in as many lines as
 * they hold.
 */
static int
role_for_organisation(struct job *j, const struct layout_box *org,
    const struct layout_box *role, const struct person *s)
{
	struct text_style st = *role->style;
	struct layout_box both = *org;
	double x1 = org->x + org->w, y1 = org->y + org->h;

	if (role->x + role->w > x1)
		x1 = role->x + role->w;
	if (role->y + role->h > y1)
		y1 = role->y + role->h;
	both.x = org->x < role->x ? org->x : role->x;
	both.y = org->y < role->y ? org->y : role->y;
	both.w = x1 - both.x;
	both.h = y1 - both.y;
	st.max_lines = 0;
	both.style = &st;
	return box_text(&j->box, &both, j->ix + both.x, j->itop - both.y,
	    s->role, 0, &s->pos, "person.role");
}

/* The titles of the person's forums, " / " between them. */
static char *
forum_titles(const struct badge *bg)
{
	struct buf b = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < bg->nforums; i++)
		buf_add_item(&b, i, " / ", bg->forums[i]->title);
	return buf_take(&b);
}

/*
 * "Forum 3" or "Forum 2, 3": the numbers of all the person's forums;
 * forums without numbers by start time and room, "10:30 Saal 1", when the
 * person has one, else by start times alone, "10:30, 14:00".
 */
static char *
forum_numbers(struct job *j, const struct badge *bg)
{
	const struct slot *sl;
	struct buf b = { NULL, 0, 0 };
	char num[16], *t;
	size_t i;

	if (bg->forums[0]->number == 0 && bg->nforums == 1) {
		t = forum_short(bg->forums[0], box_label(&j->box, "forum"));
		buf_adds(&b, t);
		free(t);
		return buf_take(&b);
	}
	if (bg->forums[0]->number == 0) {
		for (i = 0; i < bg->nforums; i++) {
			if ((sl = bg->forums[i]->slot) == NULL)
				continue;
			snprintf(num, sizeof(num), "%s%02d:%02d", b.len > 0 ?
			    ", " : "", sl->start / 60 % 24, sl->start % 60);
			buf_adds(&b, num);
		}
		return buf_take(&b);
	}
	buf_adds(&b, box_label(&j->box, "forum"));
	for (i = 0; i < bg->nforums; i++) {
		snprintf(num, sizeof(num), "%s%d", i > 0 ? ", " : " ",
		    bg->forums[i]->number);
		buf_adds(&b, num);
	}
	return buf_take(&b);
}

/*
 * "Forum 3: Title" (the title alone without numbers), one block per
 * forum, stacked at the largest common size at which all of them fit.  One forum that does not fit is
 * shortened with a warning; several that do not fit give way to their
 * numbers alone ("Forum 1, 2, 3"), which is what the desk needs.
 */
static int
forums_box(struct job *j, const struct layout_box *b, double bx,
    double btop, const struct badge *bg)
{
	struct text_run *runs;
	struct text_item *it;
	struct text_src *src;
	char **num, *t;
	double h, top;
	size_t i, n = bg->nforums, first;
	int rc = 0;

	runs = xreallocarray(NULL, 2 * n, sizeof(*runs));
	it = xcalloc(n, sizeof(*it));
	src = xcalloc(n, sizeof(*src));
	num = xcalloc(n, sizeof(*num));
	for (i = 0; i < n; i++) {
		src[i] = (struct text_src){ &bg->forums[i]->pos, "forum.title" };
		/* Without a number the title alone: "" is no run. */
		num[i] = bg->forums[i]->number > 0 ? xasprintf("%s %d: ",
		    box_label(&j->box, "forum"), bg->forums[i]->number) : NULL;
		runs[2 * i] = (struct text_run){ num[i], TEXT_BOLD, 1 };
		runs[2 * i + 1] = (struct text_run){ bg->forums[i]->title,
		    TEXT_REGULAR, 0 };
	}
	first = num[0] == NULL;
	for (i = 0; i < n; i++)
		it[i] = (struct text_item){ runs + 2 * i + first, 2 - first,
		    NULL, 0, &src[i], NULL, 0 };
	if (text_fit_list(j->box.pdf, b->style, j->box.lang, it, n, b->w, b->h,
	    0, 0, &h, NULL) > 0) {
		top = box_text_top(b, btop, h);
		for (i = 0; i < n; i++)
			if (draw_kept(j, it[i].tb, bx, top - it[i].y) == -1)
				rc = -1;
	} else if (n == 1)
		rc = box_runs(&j->box, b, bx, btop, runs + first, 2 - first,
		    &src[0]);
	else {
		t = forum_numbers(j, bg);
		rc = box_text(&j->box, b, bx, btop, t, 1, &bg->forums[0]->pos,
		    "forum.number");
		free(t);
	}
	for (i = 0; i < n; i++)
		free(num[i]);
	free(num);
	free(src);
	free(it);
	free(runs);
	return rc;
}

/* Appends v escaped as vCard 3.0 wants (NULL as nothing). */
static void
vcard_escape(struct buf *b, const char *v)
{
	for (; v != NULL && *v != '\0'; v++) {
		if (*v == ',' || *v == ';' || *v == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *v);
	}
}

static void
vcard_line(struct buf *b, const char *prop, const char *v)
{
	if (v == NULL)
		return;
	buf_adds(b, prop);
	vcard_escape(b, v);
	buf_adds(b, "\r\n");
}

/* A vCard 3.0 of the person; the caller frees it. */
static char *
vcard(const struct person *s)
{
	struct buf b = { NULL, 0, 0 };
	char *full = person_full_name(s);

	buf_adds(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:");
	vcard_escape(&b, s->family);
	buf_addc(&b, ';');
	vcard_escape(&b, s->given);
	buf_adds(&b, ";;");
	vcard_escape(&b, s->title);
	buf_adds(&b, ";\r\n");
	vcard_line(&b, "FN:", full);
	vcard_line(&b, "ORG:", s->organisation);
	vcard_line(&b, "TITLE:", s->role);
	vcard_line(&b, "EMAIL:", s->email);
	vcard_line(&b, "URL:", s->url);
	buf_adds(&b, "END:VCARD\r\n");
	free(full);
	return buf_take(&b);
}

static int
qr_box(struct job *j, const struct layout_box *b, double bx, double btop,
    const struct person *s)
{
	char *text = NULL;
	int rc;

	switch (b->qr) {
	case QR_PERSON_URL:
		if (s->url != NULL)
			text = xstrdup(s->url);
		break;
	case QR_PERSON_VCARD:
		if (!s->placeholder)
			text = vcard(s);
		break;
	default:
		if (j->p->conference.url != NULL)
			text = xstrdup(j->p->conference.url);
		break;
	}
	rc = box_qr(&j->box, b, bx, btop, text);
	free(text);
	return rc;
}

/* Box b, showing anything but the person, of badge bg. */
static int
other_box(struct job *j, const struct layout_box *b, double bx,
    double btop, struct badge *bg)
{
	struct box_ctx *c = &j->box;
	struct box_item it;
	char *t;
	int r;

	switch (b->field) {
	case FIELD_FORUM_NUMBER:
		t = forum_numbers(j, bg);
		r = box_text(c, b, bx, btop, t, 1, &bg->forums[0]->pos,
		    "forum.number");
		free(t);
		return r;
	case FIELD_FORUM_TITLE:
		t = forum_titles(bg);
		r = box_text(c, b, bx, btop, t, 0, &bg->forums[0]->pos,
		    "forum.title");
		free(t);
		return r;
	case FIELD_QR:
		return qr_box(j, b, bx, btop, bg->who);
	default:
		/* Fields of forums and rooms belong on signs. */
		it = (struct box_item){ j->p, bg->forums[0],
		    category_names[bg->cat] };
		return box_other(c, b, bx, btop, &it);
	}
}

/* Box b, showing a field of the person (FIELD_PERSON_*), of badge bg. */
static int
person_box(struct job *j, const struct layout_side *side,
    const struct layout_box *b, double bx, double btop, struct badge *bg)
{
	const struct person *s = bg->who;
	struct box_ctx *c = &j->box;
	char *t;
	int r;

	switch (b->field) {
	case FIELD_PERSON_NAME:
		return name_box(j, side, b, bx, btop, s);
	case FIELD_PERSON_TITLE:
		return box_text(c, b, bx, btop, s->placeholder ? NULL :
		    s->title, 1, &s->pos, "person.title");
	case FIELD_PERSON_ORGANISATION:
		if (j->org != NULL)
			return b == j->org ? role_for_organisation(j, j->org,
			    j->role, s) : 0;
		return box_text(c, b, bx, btop, s->organisation, 1, &s->pos,
		    "person.organisation");
	case FIELD_PERSON_ROLE:
		return j->org != NULL ? 0 : box_text(c, b, bx, btop, s->role,
		    0, &s->pos, "person.role");
	case FIELD_PERSON_FORUMS:
		return forums_box(j, b, bx, btop, bg);
	case FIELD_PERSON_CATEGORY:
		t = xasprintf("category.%s", category_names[bg->cat]);
		r = box_text(c, b, bx, btop, box_label(&j->box, t), 0, &b->pos,
		    "category label");
		free(t);
		return r;
	case FIELD_PERSON_PHOTO:
		return box_image(c, b, bx, btop, &s->pos, s->photo);
	default:
		return other_box(j, b, bx, btop, bg);
	}
}

/* Draws one side of badge bg with the item's top-left corner at ix, itop. */
static int
draw_badge(struct job *j, const struct layout_side *side,
    struct badge *bg, double ix, double itop)
{
	const struct person *s = bg->who;
	const struct layout_box *b;
	size_t i;
	int rc = 0;

	j->cur = bg;
	j->ix = ix;
	j->itop = itop;
	j->org = box_find(side, FIELD_PERSON_ORGANISATION);
	j->role = box_find(side, FIELD_PERSON_ROLE);
	if (s->organisation != NULL || s->role == NULL || j->org == NULL ||
	    j->role == NULL)
		j->org = j->role = NULL;	/* each in its own box */
	for (i = 0; i < side->nboxes; i++) {
		b = &side->boxes[i];
		j->key = b;
		if (replay(j, b, &rc) > 0)
			continue;
		if (person_box(j, side, b, ix + b->x, itop - b->y, bg) == -1)
			rc = -1;
	}
	return rc;
}

/* Side side of badge i (the sheet engine's draw). */
static int
badge(void *arg, size_t i, const struct layout_side *side, int back,
    double ix, double itop)
{
	struct job *j = arg;

	(void)back;	/* a back repeats what the front set */
	return draw_badge(j, side, &j->badges[i], ix, itop);
}

/* Badge i for a message, where its person is (what). */
static char *
badge_what(void *arg, size_t i, const struct srcpos **pos)
{
	const struct person *s = ((struct job *)arg)->badges[i].who;
	char *name = person_full_name(s), *q = utf8_abbrev(name), *w;

	*pos = &s->pos;
	w = xasprintf("the badge of '%s'", q);
	free(q);
	free(name);
	return w;
}

/* The texts kept for the backs of a sheet's badges are done with. */
static void
sheet_done(void *arg, size_t first, size_t n)
{
	struct job *j = arg;
	size_t i;

	for (i = first; i < first + n; i++)
		forget(&j->badges[i]);
}

int
badges_render(const struct programme *p, const struct layout *l,
    const struct render_opts *o, struct diag *d, const char *path)
{
	struct choice who = { render_flag(o, "confirmed-only"),
	    render_flag(o, "no-placeholders"), render_text(o, "only") };
	size_t skip = (size_t)render_number(o, "skip"), i;
	struct pdf_info info = { NULL, NULL, NULL };
	struct sheets sh;
	struct job j;
	int rc = -1;

	memset(&j, 0, sizeof(j));
	j.p = p;
	j.box.l = l;
	j.box.lang = j.box.words = p->lang;
	j.box.draw_text = draw_kept;
	j.box.arg = &j;
	if (skip >= sheet_places(l))
		return diag_error(d, NULL, "--skip %zu leaves no free place on "
		    "a sheet of %zu badges", skip, sheet_places(l));
	if (collect(&j, &who, d) == -1)
		goto out;
	if (j.nbadges == 0) {
		diag_warning(d, NULL, "no badges to print: nobody speaks or "
		    "moderates; '%s' not written", path);
		rc = diag_failed(d) ? -1 : 0;
		goto out;
	}
	info.title = p->conference.title;
	info.subject = l->title;
	info.author = p->conference.organiser;
	if ((j.box.pdf = pdf_new(d, &info)) == NULL)
		goto out;
	if (render_flag(o, "rgb"))
		pdf_use_rgb(j.box.pdf);
	sh = (struct sheets){ j.box.pdf, l, j.nbadges, skip, badge, sheet_done,
	    &j, badge_what, "print the badges in parts (--only), or put more "
	    "badges on a sheet (the layout's grid)" };
	rc = sheet_render(&sh, path);
out:
	pdf_free(j.box.pdf);
	for (i = 0; i < j.nbadges; i++) {
		forget(&j.badges[i]);
		free(j.badges[i].forums);
	}
	free(j.badges);
	return rc;
}
