/*
 * The programme booklet (render.h): what it says and where; the cover,
 * the overview, one section per forum, the index, notes pages, running
 * heads and folios.
 *
 * Two passes.  The first sets every text with the text layer and hands
 * it as items to the page flow (flow.h), which makes pages of drawing
 * operations.  The second replays the pages into the booklet and, for
 * --impose, two to a sheet into a second document (impose.h).
 *
 * Sizes come from the layout's styles and type area, and where the parts
 * stand in relation to them (the cover's band, the running heads, the
 * space between a session's parts) from its proportions (struct
 * layout_booklet), so that an A4 layout with larger type keeps the A5
 * booklet's look.
 *
 * Numbering: the cover and the overview are front matter with roman
 * labels (no folio on the cover); the forums, the index and the notes
 * pages are numbered from 1, so the overview can name the forums' pages
 * before it knows its own length.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "collate.h"
#include "daygrid.h"
#include "flow.h"
#include "impose.h"
#include "pdf.h"
#include "render.h"
#include "text.h"
#include "timetable.h"
#include "util.h"
#include "when.h"

/* Pages an office stapler binds when saddle stitching. */
#define STAPLE_MAX	64

/*
 * A type area smaller than this (points) holds no line of a session with
 * its speakers: not a layout mistake worth setting, so refused.
 */
#define TA_MIN_WIDTH	36
#define TA_MIN_HEIGHT	72

/*
 * A list of people below its heading: the first name a third of the space
 * above the heading (<spacing people>) below it, the others a quarter of
 * it apart, so that the names hold to their heading and to each other.
 */
#define NAMES_FIRST	3
#define NAMES_NEXT	4

struct booklet {
	const struct programme *p;
	/* its pdf sets the texts with its fonts; lang: of the labels */
	struct box_ctx	 box;
	double		 pw, ph;	/* trimmed page, points */
	struct flow_area area;		/* the type area */
	double		 colw;		/* column width */
	struct text_block **blocks;	/* every block, freed at the end */
	size_t		 nblocks;
	char		**strs;		/* strings pages point to */
	size_t		 nstrs;
	int		*forum_anchor;	/* per forum */
	/* the index's people in its order, each entry's anchor */
	const struct person **index_people;
	int		*index_anchor;
	size_t		 nindex;
	enum layout_content content;	/* what it says of each forum */
	enum layout_group group;	/* in what order */
	struct book	 bk;
	struct colour	 accent;
	struct colour	 paper;		/* the words on the cover's band */
	/* the layout's type area, page count and proportions */
	const struct layout_booklet *lb;
};

static const char *
keep_str(struct booklet *b, char *s)
{
	b->strs = xgrow(b->strs, b->nstrs, sizeof(*b->strs));
	return b->strs[b->nstrs++] = s;
}

/* Blocks pages point to, freed at the end. */
static void
keep_block(void *arg, struct text_block *tb)
{
	struct booklet *b = arg;

	b->blocks = xgrow(b->blocks, b->nblocks, sizeof(*b->blocks));
	b->blocks[b->nblocks++] = tb;
}

static int
is_en(const struct booklet *b)
{
	return lang_is(b->box.lang, "en");
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
	return layout_style(b->box.l, name);
}

/* Sets runs as a block kept until the end; NULL after reporting. */
static struct text_block *
set(struct booklet *b, const struct text_style *st, const char *lang,
    const struct text_run *runs, size_t nruns, double width,
    const struct srcpos *pos, const char *field)
{
	struct text_src src = { pos, field };
	struct text_block *tb;

	if ((tb = text_set(b->box.pdf, st, lang, runs, nruns, width, &src)) ==
	    NULL)
		return NULL;
	keep_block(b, tb);
	return tb;
}

static struct text_block *
set1(struct booklet *b, const struct text_style *st, const char *text,
    enum text_variant v, double width, const struct srcpos *pos,
    const char *field)
{
	struct text_run r = { text, v, 0 };

	return set(b, st, b->box.lang, &r, 1, width, pos, field);
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
		inv = box_invited(&b->box);
		runs[n++] = (struct text_run){ inv, TEXT_ITALIC, 0 };
	}
	it = item_block(its, set(b, st, lang, runs, n, width, &s->pos,
	    "person"), before);
	free(name);
	free(inv);
	return it;
}

/*
 * A heading "Referent*innen" or "U. a. mit:" and one item per person; the
 * first two names stay with the heading and the last two together.
 */
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
	for (i = 0; i < n; i++) {
		if ((it = person_item(b, its, people[i], lang, b->colw,
		    i == 0 ? gap / NAMES_FIRST : gap / NAMES_NEXT)) == NULL)
			return -1;
		/* A page break leaves at least two names on either side. */
		it->keep = i + 1 < n && (i == 0 || i + 2 == n);
	}
	return 0;
}

/*
 * "Forum 3 · Track", the title and the subtitle, kept with what follows;
 * a forum without a number is headed by its track alone.
 */
static int
forum_heading(struct booklet *b, struct items *its, size_t fi,
    const char *lang, double line)
{
	const struct forum *f = &b->p->forums[fi];
	const struct layout_spacing *sp = &b->lb->spacing;
	struct text_style kicker = *style(b, "h3");
	struct text_run title = { f->title, TEXT_REGULAR, 0 };
	struct text_run sub = { f->subtitle, TEXT_ITALIC, 0 };
	struct item *it;
	size_t head;
	char *s;

	kicker.colour = b->accent;
	head = its->n;
	/* "Forum 3 · Track", the track alone without a number, or nothing. */
	if ((s = forum_kicker(f, box_label(&b->box, "forum"))) != NULL) {
		it = item_block(its, set1(b, &kicker, s, TEXT_REGULAR, b->colw,
		    &f->pos, "forum.number"), sp->session * line);
		free(s);
		if (it == NULL)
			return -1;
		it->keep = 1;
	}
	if ((it = item_block(its, set(b, style(b, "h2"), lang, &title, 1,
	    b->colw, &f->pos, "forum.title"), its->n > head ? sp->kicker :
	    sp->session * line)) == NULL)
		return -1;
	it->keep = 1;
	/* The section starts with its first item: the kicker, or the title. */
	it = &its->v[head];
	it->anchor = b->forum_anchor[fi];
	it->mark = f->number > 0 ? keep_str(b, xasprintf("%s %d: %s",
	    box_label(&b->box, "forum"), f->number, f->title)) : f->title;
	if (f->subtitle != NULL) {
		if ((it = item_block(its, set(b, style(b, "h3"), lang, &sub, 1,
		    b->colw, &f->pos, "forum.subtitle"), sp->subtitle)) == NULL)
			return -1;
		it->keep = 1;
	}
	return 0;
}

/* "Di., 10. Juni, 10:00–11:30 · Raum 1 (2. OG)"; the caller frees it. */
static char *
slot_and_room(const struct booklet *b, const struct forum *f)
{
	struct buf mb = { 0 };
	char *s;

	if (f->slot != NULL) {
		s = when_slot(f->slot, is_en(b), b->p->conference.ndates > 1);
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
	return buf_take(&mb);
}

/* Time and room, what a reader looks for first, then the host. */
static int
forum_meta(struct booklet *b, struct items *its, const struct forum *f,
    const char *lang, const struct text_style *meta)
{
	struct text_run r[2] = { { NULL, TEXT_ITALIC, 0 },
		{ f->host, TEXT_BOLD_ITALIC, 1 } };
	char *s = slot_and_room(b, f);
	struct item *it = NULL;

	if (*s != '\0' && (it = item_block(its, set1(b, meta, s,
	    TEXT_REGULAR, b->colw, &f->pos, "forum.room"),
	    b->lb->spacing.when)) == NULL) {
		free(s);
		return -1;
	}
	free(s);
	if (it != NULL)
		it->keep = 1;
	if (f->host == NULL)
		return 0;
	s = xasprintf("%s ", box_label(&b->box, "hosted-by"));
	r[0].text = s;
	it = item_block(its, set(b, meta, lang, r, 2, b->colw, &f->pos,
	    "forum.host"), 0);
	free(s);
	if (it == NULL)
		return -1;
	it->keep = 1;
	return 0;
}

/*
 * A web address as short as it can be typed: without "https://", "www."
 * and a closing "/", "//" in the path made one ("cfp.openondemand.org/
 * 2025/talk/CFEMBK").  The caller frees it.
 */
static char *
short_url(const char *url)
{
	struct buf u = { NULL, 0, 0 };
	const char *s = url;

	if (strncmp(s, "https://", 8) == 0)
		s += 8;
	else if (strncmp(s, "http://", 7) == 0)
		s += 7;
	if (strncmp(s, "www.", 4) == 0)
		s += 4;
	buf_adds(&u, "");
	for (; *s != '\0'; s++)
		if (*s != '/' || (u.len > 0 && u.data[u.len - 1] != '/'))
			buf_addc(&u, *s);
	if (u.len > 0 && u.data[u.len - 1] == '/')
		u.data[--u.len] = '\0';
	return buf_take(&u);
}

/* Runs of text for a description's paragraphs, and the strings they use. */
struct para_runs {
	struct text_run	*v;
	size_t		 n;
	char		**own;
};

static void
run_add(struct para_runs *r, const char *s, size_t len,
    enum text_variant v)
{
	if (len == 0)
		return;
	r->v = xreallocarray(r->v, r->n + 1, sizeof(*r->v));
	r->own = xreallocarray(r->own, r->n + 1, sizeof(*r->own));
	r->own[r->n] = xstrndup(s, len);
	r->v[r->n] = (struct text_run){ r->own[r->n], v, 0 };
	r->n++;
}

/* Adds p's text as runs, its bold spans bold (all of it when bold). */
static void
para_runs(struct para_runs *r, const struct paragraph *p, int bold)
{
	size_t at = 0, k;

	for (k = 0; k < p->nbold && !bold; k++) {
		run_add(r, p->text + at, p->bold[k].start - at, TEXT_REGULAR);
		run_add(r, p->text + p->bold[k].start, p->bold[k].end -
		    p->bold[k].start, TEXT_BOLD);
		at = p->bold[k].end;
	}
	run_add(r, p->text + at, strlen(p->text + at), bold ? TEXT_BOLD :
	    TEXT_REGULAR);
}

static void
para_runs_release(struct para_runs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->own[i]);
	free(r->own);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

/*
 * r's runs set in width, within room lines: when they need more, or all of
 * them while more text follows, the lines left end in "…".
 */
static struct text_block *
set_within(struct booklet *b, const char *lang, struct para_runs *r,
    double width, const struct forum *f, size_t room, int more)
{
	const struct text_style *body = style(b, "body");
	struct text_style cut = *body;
	struct text_src src = { &f->pos, "forum.description" };
	struct text_block *tb;

	tb = set(b, body, lang, r->v, r->n, width, &f->pos,
	    "forum.description");
	if (tb == NULL || text_lines(tb) < room || (text_lines(tb) == room &&
	    !more))
		return tb;
	run_add(r, " \u2026", strlen(" \u2026"), TEXT_REGULAR);
	r->v[r->n - 1].nohyphen = 1;
	cut.min_size = cut.size;
	if ((tb = text_fit_quiet(b->box.pdf, &cut, lang, r->v, r->n, width,
	    HUGE_VAL, (int)room, &src)) != NULL)
		keep_block(b, tb);
	return tb;
}

/*
 * Paragraph i of f's description as an item within room lines: a heading
 * in bold run into the plain paragraph after it (*used is set to 2 then),
 * a list item behind its marker with its lines indented, the rest as it
 * is.  *lines is set to the lines it takes.
 */
static struct item *
para_item(struct booklet *b, struct items *its, const struct forum *f,
    size_t i, const char *lang, double before, size_t room, size_t *used,
    size_t *lines)
{
	const struct text_style *body = style(b, "body");
	const struct paragraph *p = &f->paragraphs[i];
	struct para_runs r = { NULL, 0, NULL };
	struct text_block *tb, *mark = NULL;
	double indent = p->kind == PARA_ITEM ? body->size *
	    b->lb->spacing.list_indent : 0;
	struct item *it;

	*used = 1;
	if (p->kind == PARA_HEADING) {
		para_runs(&r, p, 1);
		if (i + 1 < f->nparagraphs &&
		    f->paragraphs[i + 1].kind == PARA_PLAIN) {
			run_add(&r, " ", 1, TEXT_REGULAR);
			para_runs(&r, &f->paragraphs[i + 1], 0);
			*used = 2;
		}
	} else
		para_runs(&r, p, 0);
	tb = set_within(b, lang, &r, b->colw - indent, f, room,
	    i + *used < f->nparagraphs);
	para_runs_release(&r);
	if (tb == NULL)
		return NULL;
	*lines = text_lines(tb);
	if (p->kind != PARA_ITEM)
		return item_block(its, tb, before);
	/* The marker hangs in the indent: "•", "2.". */
	if ((mark = set1(b, body, p->marker, TEXT_REGULAR, indent, &f->pos,
	    "forum.description")) == NULL)
		return NULL;
	it = item_add(its, before);
	it->ncells = 2;
	it->cell[0].tb = mark;
	it->cell[1].tb = tb;
	it->cell[1].x = indent;
	return it;
}

/*
 * The description, or "to be announced" when the forum has nothing yet;
 * with --content abstract only its first lines, the last one ending in
 * "…" when more would follow.
 */
static int
forum_text(struct booklet *b, struct items *its, const struct forum *f,
    const char *lang, const struct text_style *meta, double line)
{
	const struct layout_spacing *sp = &b->lb->spacing;
	size_t i, used, n, lines = 0, budget = b->content == CONTENT_ABSTRACT ?
	    (size_t)b->lb->abstract_lines : (size_t)-1;
	int item;

	for (i = 0; i < f->nparagraphs && lines < budget; i += used) {
		/* Items of a list close together, a paragraph apart. */
		item = i > 0 && f->paragraphs[i].kind == PARA_ITEM &&
		    f->paragraphs[i - 1].kind == PARA_ITEM;
		if (para_item(b, its, f, i, lang, i == 0 ?
		    line * sp->first_para : item ? line * sp->list_item :
		    line * sp->para, budget - lines, &used, &n) == NULL)
			return -1;
		lines += n;
	}
	/* An abstract says where the whole is. */
	if (b->content == CONTENT_ABSTRACT && f->url != NULL &&
	    item_block(its, set1(b, meta, keep_str(b, short_url(f->url)),
	    TEXT_REGULAR, b->colw, &f->pos, "forum.url"), line * sp->link) ==
	    NULL)
		return -1;
	if (f->nparagraphs == 0 && f->nspeakers == 0 && f->nmoderators == 0 &&
	    item_block(its, set1(b, meta, box_label(&b->box, "to-be-announced"),
	    TEXT_ITALIC, b->colw, &f->pos, "forum"), line * sp->announced) ==
	    NULL)
		return -1;
	return 0;
}

/* The speakers ("U. a. mit:" while the list is not complete), moderators. */
static int
forum_people(struct booklet *b, struct items *its, const struct forum *f,
    const char *lang, double line)
{
	char *s, *heading;
	int rc;

	if (f->speakers_complete)
		heading = xstrdup(box_label(&b->box, "speakers"));
	else {
		s = capitalised(box_label(&b->box, "among-others"));
		heading = xasprintf("%s:", s);
		free(s);
	}
	rc = people_items(b, its, heading, f->speakers, f->nspeakers, lang,
	    line * b->lb->spacing.people);
	free(heading);
	if (rc == -1 || people_items(b, its, box_label(&b->box, "moderation"),
	    f->moderators, f->nmoderators, lang, line *
	    b->lb->spacing.people) == -1)
		return -1;
	return 0;
}

/* "Tanja Krins, N.N. (Procilon), Marcel Böttcher (angefragt)". */
static char *
names_of(const struct booklet *b, struct person *const *v, size_t n)
{
	struct buf out = { 0 };
	char *name;
	size_t i;

	buf_adds(&out, "");
	for (i = 0; i < n; i++) {
		name = person_full_name(v[i]);
		buf_adds(&out, i > 0 ? ", " : "");
		buf_adds(&out, name);
		free(name);
		if (v[i]->placeholder && v[i]->organisation != NULL) {
			buf_adds(&out, " (");
			buf_adds(&out, v[i]->organisation);
			buf_addc(&out, ')');
		}
		if (v[i]->status == PERSON_INVITED) {
			buf_adds(&out, " (");
			buf_adds(&out, box_label(&b->box, "invited"));
			buf_addc(&out, ')');
		}
	}
	return buf_take(&out);
}

/* "Referent*innen: A, B" in one paragraph; nothing for nobody. */
static int
names_item(struct booklet *b, struct items *its, const char *heading,
    struct person *const *v, size_t n, const char *lang, double before)
{
	struct text_style st = restyle(style(b, "speakers"), ALIGN_LEFT);
	char *h, *names;
	struct text_run r[2];
	struct item *it;

	if (n == 0)
		return 0;
	h = xasprintf("%s: ", heading);
	names = names_of(b, v, n);
	r[0] = (struct text_run){ h, TEXT_BOLD, 0 };
	r[1] = (struct text_run){ names, TEXT_REGULAR, 1 };
	it = item_block(its, set(b, &st, lang, r, 2, b->colw, NULL,
	    "forum.speakers"), before);
	free(h);
	free(names);
	return it == NULL ? -1 : 0;
}

/* The section of one forum: heading, time and room, host, text, people. */
static int
full_items(struct booklet *b, struct items *its, size_t fi)
{
	const struct forum *f = &b->p->forums[fi];
	const char *lang = forum_lang(b->p, f);
	const struct text_style *body = style(b, "body");
	struct text_style meta = restyle(body, ALIGN_LEFT);
	double line = body->size * body->leading;
	char *h;
	int rc;

	if (forum_heading(b, its, fi, lang, line) == -1 ||
	    forum_meta(b, its, f, lang, &meta) == -1 ||
	    forum_text(b, its, f, lang, &meta, line) == -1)
		return -1;
	if (b->content == CONTENT_FULL)
		return forum_people(b, its, f, lang, line);
	/* An abstract: the names only, in a paragraph each. */
	h = f->speakers_complete ? xstrdup(box_label(&b->box, "speakers")) :
	    capitalised(box_label(&b->box, "among-others"));
	rc = names_item(b, its, h, f->speakers, f->nspeakers, lang,
	    line * b->lb->spacing.names);
	free(h);
	if (rc == 0)
		rc = names_item(b, its, box_label(&b->box, "moderation"), f->moderators,
		    f->nmoderators, lang, line * b->lb->spacing.moderators);
	return rc;
}

/*
 * A forum in the pocket programme: "Forum 3 · " and its title in bold,
 * below it its time, room and track, and its speakers.
 */
static int
title_items(struct booklet *b, struct items *its, size_t fi)
{
	const struct forum *f = &b->p->forums[fi];
	const char *lang = forum_lang(b->p, f);
	const struct text_style *body = style(b, "body");
	struct text_style ts = restyle(body, ALIGN_LEFT),
	    ms = restyle(style(b, "speakers"), ALIGN_LEFT);
	struct text_run t[2], m[3];
	struct buf meta = { 0 };
	struct item *it;
	char *num = NULL, *s, *names;
	size_t n = 0;

	ts.hyphenate = 0;	/* a title, as the headings */
	if (f->number > 0)
		t[n++] = (struct text_run){ num = xasprintf("%s %d \u00b7 ",
		    box_label(&b->box, "forum"), f->number), TEXT_BOLD, 1 };
	t[n++] = (struct text_run){ f->title, TEXT_BOLD, 0 };
	it = item_block(its, set(b, &ts, lang, t, n, b->colw, &f->pos,
	    "forum.title"), body->size * body->leading *
	    b->lb->spacing.titles);
	free(num);
	if (it == NULL)
		return -1;
	it->keep = 1;
	it->anchor = b->forum_anchor[fi];
	it->mark = f->title;
	/* When grouped by track, the day is not said by a heading. */
	buf_adds(&meta, "");
	if (f->slot != NULL) {
		s = when_slot(f->slot, is_en(b), b->group == GROUP_TRACK &&
		    b->p->conference.ndates > 1);
		buf_adds(&meta, s);
		free(s);
	}
	if (f->room != NULL) {
		buf_adds(&meta, meta.len > 0 ? " \u00b7 " : "");
		buf_adds(&meta, f->room->name);
	}
	if (f->track != NULL && b->group != GROUP_TRACK) {
		buf_adds(&meta, meta.len > 0 ? " \u00b7 " : "");
		buf_adds(&meta, f->track->name);
	}
	names = names_of(b, f->speakers, f->nspeakers);
	n = 0;
	m[n++] = (struct text_run){ meta.data, TEXT_ITALIC, 0 };
	if (*names != '\0') {
		m[n++] = (struct text_run){ meta.len > 0 ? " \u2013 " : "",
		    TEXT_REGULAR, 1 };
		m[n++] = (struct text_run){ names, TEXT_REGULAR, 1 };
	}
	it = item_block(its, set(b, &ms, lang, m, n, b->colw, &f->pos,
	    "forum"), 1);
	buf_release(&meta);
	free(names);
	return it == NULL ? -1 : 0;
}

/* What the booklet says of forum fi, as --content or the layout want. */
static int
forum_items(struct booklet *b, struct items *its, size_t fi)
{
	int rc = b->content == CONTENT_TITLES ? title_items(b, its, fi) :
	    full_items(b, its, fi);

	/* A section's last item must not hold on to the next forum. */
	if (rc == 0)
		its->v[its->n - 1].keep = 0;
	return rc;
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

static const struct person *
person_at(const void *item)
{
	return *(const struct person *const *)item;
}

static size_t
role_person(const struct programme *p, const struct forum *f, size_t j)
{
	return (size_t)((j < f->nspeakers ? f->speakers[j] :
	    f->moderators[j - f->nspeakers]) - p->people);
}

/*
 * Everyone who speaks or moderates, once, in index order (no "N.N."); the
 * order of first appearance before sorting, for equal names.
 */
static size_t
index_people(const struct programme *p, const struct person ***out)
{
	const struct person **v = xcalloc(p->npeople + 1, sizeof(*v));
	char *seen = xcalloc(p->npeople + 1, 1);
	size_t n = 0, i, j, s;

	for (i = 0; i < p->nforums; i++) {
		const struct forum *f = &p->forums[i];

		for (j = 0; j < f->nspeakers + f->nmoderators; j++) {
			s = role_person(p, f, j);
			if (p->people[s].placeholder || seen[s])
				continue;
			seen[s] = 1;
			v[n++] = &p->people[s];
		}
	}
	free(seen);
	collate_sort(v, n, sizeof(*v), person_at, p->lang);
	*out = v;
	return n;
}

/*
 * ", Prof. Dr. Martin" after "Hoffmann", and a remark after all of it
 * (", Leo (he/him)"): people are filed under the family name.  NULL when
 * there is neither title nor given name nor remark; the caller frees it.
 */
static char *
index_given(const struct person *s)
{
	struct buf b = { NULL, 0, 0 };

	if (s->title != NULL || s->given != NULL)
		buf_adds(&b, ",");
	if (s->title != NULL) {
		buf_adds(&b, " ");
		buf_adds(&b, s->title);
	}
	if (s->given != NULL) {
		buf_adds(&b, " ");
		buf_adds(&b, s->given);
	}
	if (s->remark != NULL) {
		buf_adds(&b, " (");
		buf_adds(&b, s->remark);
		buf_adds(&b, ")");
	}
	return b.len > 0 ? buf_take(&b) : NULL;
}

/*
 * "Forum 1 · S. 3; Forum 4 · S. 7", the forums of s; *first is the first
 * of them (-1: none).  The caller frees it.
 */
static char *
index_refs(const struct booklet *b, const struct roles *r,
    const struct person *s, int *first)
{
	struct buf refs = { 0 };
	size_t k, j, last = 0, i = (size_t)(s - b->p->people);

	*first = -1;
	for (k = r->at[i]; k < r->at[i + 1]; k++) {
		const struct forum *f = &b->p->forums[j = r->forums[k]];
		const struct anchor *a;
		char *ref;

		if (*first < 0)
			*first = (int)j;
		a = &b->bk.anchors.v[b->forum_anchor[j]];
		/*
		 * No-break spaces: a line breaks between references only.
		 * Without forum numbers the pages alone, each once: "S. 3,
		 * 7".
		 */
		if (f->number > 0)
			ref = xasprintf("%s%s\u00a0%d\u00a0\u00b7\u00a0%s"
			    "\u00a0%zu", refs.len ? "; " : "", box_label(&b->box, "forum"), f->number, box_label(&b->box, "page-short"),
			    a->page + 1);
		else if (refs.len > 0 && a->page == last)
			continue;
		else
			ref = refs.len > 0 ? xasprintf(", %zu", a->page + 1) :
			    xasprintf("%s\u00a0%zu", box_label(&b->box, "page-short"),
			    a->page + 1);
		last = a->page;
		buf_adds(&refs, ref);
		free(ref);
	}
	return buf_take(&refs);
}

/*
 * tb, or when it is taller than half the type area (a name of a
 * megabyte, a person in thousands of forums), the runs fitted into that
 * height: cut with "…" and a warning, as a box does.  An entry is never
 * split, and it must fit on a page.
 */
static struct text_block *
index_cell(struct booklet *b, struct text_block *tb,
    const struct text_style *st, const struct text_run *runs, size_t nruns,
    double width, const struct srcpos *pos, const char *field)
{
	struct text_src src = { pos, field };
	double h = b->area.height / 2;

	if (tb == NULL || text_lines(tb) * text_leading(tb) <= h)
		return tb;
	if ((tb = text_fit(b->box.pdf, st, b->box.lang, runs, nruns, width, h,
	    0, &src)) != NULL)
		keep_block(b, tb);
	return tb;
}

/* The entry of s: the name, and its forums and pages flush right. */
static int
index_entry(struct booklet *b, struct items *its, const struct roles *roles,
    const struct person *s, double before, double colw)
{
	const struct text_style *ist = style(b, "index");
	struct text_style rst = restyle(ist, ALIGN_RIGHT);
	double refw = floor(colw * b->lb->index.refs), gap = ist->size;
	char *given = index_given(s), *refs;
	struct text_run r[2] = { { s->family, TEXT_BOLD, 1 },
		{ given, TEXT_REGULAR, 1 } };
	struct text_run rr = { NULL, TEXT_REGULAR, 0 };
	struct item *it;
	int first, rc = 0;

	refs = index_refs(b, roles, s, &first);
	rr.text = refs;
	it = item_add(its, before);
	it->cell[0].tb = index_cell(b, set(b, ist, b->box.lang, r,
	    given != NULL ? 2 : 1, colw - refw - gap, &s->pos, "person"), ist,
	    r, given != NULL ? 2 : 1, colw - refw - gap, &s->pos, "person");
	it->cell[1].tb = index_cell(b, set1(b, &rst, refs, TEXT_REGULAR, refw,
	    &s->pos, "person.forums"), &rst, &rr, 1, refw, &s->pos,
	    "person.forums");
	it->cell[1].x = colw - refw;
	it->ncells = 2;
	if (first >= 0)
		it->link = b->forum_anchor[first];
	if (it->cell[0].tb == NULL || it->cell[1].tb == NULL)
		rc = -1;
	free(given);
	free(refs);
	return rc;
}

/* The index: "Hoffmann, Prof. Dr. Martin   Forum 1 · S. 3". */
static int
index_items(struct booklet *b, struct items *its, double colw)
{
	double size = style(b, "index")->size;
	const struct person **people;
	struct roles roles;
	size_t n, i;
	int rc = 0;

	n = index_people(b->p, &people);
	b->index_people = people;
	b->index_anchor = xcalloc(n + 1, sizeof(int));
	programme_roles(b->p, 0, &roles);
	for (i = 0; i < n && rc == 0; i++) {
		rc = index_entry(b, its, &roles, people[i], i == 0 ? size :
		    size * b->lb->index.space, colw);
		/* Where each entry lands says where pages run out. */
		its->v[its->n - 1].anchor = b->index_anchor[b->nindex++] =
		    anchor_new(&b->bk.anchors);
	}
	roles_free(&roles);
	return rc;
}

/* Starts flowing into a new page of pl (the front or the main matter). */
static void
start(struct booklet *b, struct flow *fl, struct pagelist *pl,
    const char *head, int ncols)
{
	flow_start(fl, &b->area, &b->bk.anchors, pl, pl == &b->bk.main, head,
	    ncols);
}

/* By day (forums without a time last), time, room and number. */
static int
by_time(const void *a, const void *b)
{
	const struct forum *f = *(const struct forum *const *)a;
	const struct forum *g = *(const struct forum *const *)b;
	int c;

	if ((f->slot == NULL) != (g->slot == NULL))
		return f->slot == NULL ? 1 : -1;
	if (f->slot != NULL && (c = strcmp(f->slot->date,
	    g->slot->date)) != 0)
		return c;
	if (f->slot != NULL && f->slot->start != g->slot->start)
		return f->slot->start < g->slot->start ? -1 : 1;
	if (f->room != g->room)
		return f->room == NULL ? 1 : g->room == NULL ? -1 :
		    f->room < g->room ? -1 : 1;
	return f < g ? -1 : f > g;
}

/* By track in the programme's order (forums without one last), time. */
static int
by_track(const void *a, const void *b)
{
	const struct forum *f = *(const struct forum *const *)a;
	const struct forum *g = *(const struct forum *const *)b;

	if (f->track != g->track)
		return f->track == NULL ? 1 : g->track == NULL ? -1 :
		    f->track < g->track ? -1 : 1;
	return by_time(a, b);
}

/*
 * The heading of f's group: its day, or with --group-by track its track;
 * the caller frees it.
 */
static char *
group_of(const struct booklet *b, const struct forum *f)
{
	if (b->group == GROUP_TRACK)
		return xstrdup(f->track != NULL ? f->track->name :
		    box_label(&b->box, "no-track"));
	return f->slot != NULL ? when_date(f->slot->date, is_en(b), 1) :
	    xstrdup(box_label(&b->box, "unscheduled"));
}

/*
 * The forums in the order the booklet prints them, under a heading for
 * each day (or track) when there are several; what goes on in a new
 * column is headed by its group again.
 */
static int
sessions_items(struct booklet *b, struct items *its)
{
	const struct programme *p = b->p;
	const struct forum **v = xcalloc(p->nforums + 1, sizeof(*v));
	const char *prev = NULL;
	const struct text_style *h1 = style(b, "h1");
	struct item *it;
	size_t i, k, first;
	int head = -1, groups = 0, rc = 0;
	char *g, *g0 = NULL;

	for (i = 0; i < p->nforums; i++)
		v[i] = &p->forums[i];
	qsort(v, p->nforums, sizeof(*v), b->group == GROUP_TRACK ? by_track :
	    by_time);
	for (i = 0; i < p->nforums && groups < 2; i++) {
		g = group_of(b, v[i]);
		if (g0 == NULL || strcmp(g, g0) != 0)
			groups++;
		free(g0);
		g0 = g;
	}
	free(g0);
	for (k = 0; k < p->nforums && rc == 0; k++) {
		if (groups > 1 && (g = group_of(b, v[k])) != NULL &&
		    (prev == NULL || strcmp(g, prev) != 0)) {
			prev = keep_str(b, g);
			if ((it = item_block(its, set1(b, h1, prev,
			    TEXT_REGULAR, b->colw, NULL, "group"), its->n ?
			    h1->size * b->lb->spacing.group : 0)) == NULL) {
				rc = -1;
				break;
			}
			it->keep = 1;
			it->mark = prev;
			head = (int)its->n - 1;
		} else if (groups > 1)
			free(g);
		first = its->n;
		rc = forum_items(b, its, (size_t)(v[k] - p->forums));
		/* A rule between forums, not below a heading nor in titles. */
		for (i = first; i < its->n; i++) {
			its->v[i].repeat = head;
			its->v[i].rule = i == first && (int)first - 1 != head &&
			    first > 0 && b->content != CONTENT_TITLES;
		}
	}
	free(v);
	return rc;
}

/* The main matter: the forums, then the index on a page of its own. */
static int
main_matter(struct booklet *b)
{
	struct items its = { 0 };
	struct flow fl;
	int ncols = b->lb->columns, rc = 0;

	rc = sessions_items(b, &its);
	if (rc == 0 && b->p->nforums > 0) {
		start(b, &fl, &b->bk.main, box_label(&b->box, "schedule"), ncols);
		flow_items(&fl, &its);
	}
	items_release(&its);
	if (rc == -1)
		return -1;

	/* Page numbers of the forums are known now. */
	if (section_heading(b, &its, box_label(&b->box, "index"), b->area.width) == NULL)
		rc = -1;
	else {
		its.v[0].anchor = anchor_new(&b->bk.anchors);
		start(b, &fl, &b->bk.main, box_label(&b->box, "index"), 1);
		flow_items(&fl, &its);
		items_release(&its);
		flow_columns(&fl, ncols);
		rc = index_items(b, &its, b->colw);
		if (rc == 0)
			flow_items(&fl, &its);
	}
	items_release(&its);
	return rc;
}

/* The overview's table: forum, topic, room and page. */
struct table {
	struct text_style left;		/* the index style, left aligned */
	struct text_style right;	/* and right aligned (pages) */
	double		 x[4];		/* points from the left */
	double		 w[4];		/* points */
	int		 c0;		/* the first column: 1 without numbers */
};

static void
table_init(struct booklet *b, struct table *t)
{
	const struct text_style *ist = style(b, "index");
	/* Forums without numbers (an import): no number column. */
	int numbered = programme_numbered(b->p);
	double w = b->area.width, gap = ist->size,
	    numw = numbered ? ist->size * b->lb->overview.number + gap : 0,
	    pagew = ist->size * b->lb->overview.page,
	    roomw = floor(w * b->lb->overview.room),
	    titlew = w - numw - roomw - pagew - gap;

	t->left = restyle(ist, ALIGN_LEFT);
	t->right = restyle(ist, ALIGN_RIGHT);
	t->c0 = numbered ? 0 : 1;
	t->x[0] = 0;
	t->w[0] = numw - gap;
	t->x[1] = numw;
	t->w[1] = titlew;
	t->x[2] = t->x[1] + titlew + gap;
	t->w[2] = roomw;
	t->x[3] = w - pagew;
	t->w[3] = pagew;
}

/* The row of column heads, kept with the first forum. */
static int
table_head(struct booklet *b, struct items *its, const struct table *t)
{
	const char *hdr[4] = { box_label(&b->box, "forum"), box_label(&b->box, "topic"),
		box_label(&b->box, "room"), box_label(&b->box, "page") };
	const struct text_style *hs[4] = { &t->left, &t->left, &t->left,
		&t->right };
	struct item *it = item_add(its, t->left.size *
	    b->lb->overview.head_space);
	int c, rc = 0;

	it->keep = 1;
	it->ncells = 4 - t->c0;
	for (c = t->c0; c < 4; c++) {
		it->cell[c - t->c0].x = t->x[c];
		if ((it->cell[c - t->c0].tb = set1(b, hs[c], hdr[c], TEXT_BOLD,
		    t->w[c], NULL, "label")) == NULL)
			rc = -1;
	}
	return rc;
}

/* The row of forum fi, linked to its section. */
static int
table_row(struct booklet *b, struct items *its, const struct table *t,
    size_t fi)
{
	const struct forum *f = &b->p->forums[fi];
	const struct anchor *a = &b->bk.anchors.v[b->forum_anchor[fi]];
	struct text_run tr[2] = { { f->title, TEXT_REGULAR, 0 },
		{ NULL, TEXT_ITALIC, 0 } };
	char *nstr = xasprintf("%d", f->number),
	    *track = f->track != NULL ? xasprintf(" \u00b7 %s",
	    f->track->name) : NULL;
	char *pstr = xasprintf("%zu", a->page + 1);
	struct item *it = item_add(its, t->left.size *
	    b->lb->overview.row_space);
	struct text_block *tb[4] = { NULL };
	int c, rc = 0;

	it->rule = 1;
	it->ncells = 4 - t->c0;
	it->link = b->forum_anchor[fi];
	if (t->c0 == 0)
		tb[0] = set1(b, &t->left, nstr, TEXT_BOLD, t->w[0], &f->pos,
		    "forum.number");
	/* The track after the title: "Snow and servers · Winterchaos". */
	tr[1].text = track;
	tb[1] = set(b, &t->left, forum_lang(b->p, f), tr, track != NULL ? 2 : 1,
	    t->w[1], &f->pos, "forum.title");
	tb[2] = set1(b, &t->left, f->room != NULL ? f->room->name : "\u2013",
	    TEXT_REGULAR, t->w[2], &f->pos, "forum.room");
	tb[3] = set1(b, &t->right, pstr, TEXT_REGULAR, t->w[3], &f->pos,
	    "forum");
	for (c = t->c0; c < 4; c++) {
		it->cell[c - t->c0].x = t->x[c];
		if ((it->cell[c - t->c0].tb = tb[c]) == NULL)
			rc = -1;
	}
	free(nstr);
	free(track);
	free(pstr);
	return rc;
}

/* The forums of slot sl (NULL: without a slot) under its time, if any. */
static int
overview_slot(struct booklet *b, struct items *its, const struct table *t,
    const struct slot *sl)
{
	const struct programme *p = b->p;
	double size = t->left.size;
	struct item *it;
	size_t i;
	int any = 0;

	for (i = 0; i < p->nforums; i++)
		any |= p->forums[i].slot == sl;
	if (!any)
		return 0;
	if (sl != NULL) {
		char *s = when_slot(sl, is_en(b), 1);

		it = item_block(its, set1(b, style(b, "h3"), s, TEXT_REGULAR,
		    b->area.width, &sl->pos, "slot"), its->n > 1 ?
		    size * b->lb->overview.slot_space : size);
		free(s);
		if (it == NULL)
			return -1;
		it->keep = 1;
	}
	if (table_head(b, its, t) == -1)
		return -1;
	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].slot == sl && table_row(b, its, t, i) == -1)
			return -1;
	return 0;
}

/*
 * The overview of the forums the timetable cannot show, those without a
 * time: a table of forum, title, room and page.
 */
static int
overview(struct booklet *b)
{
	const struct programme *p = b->p;
	struct items its = { 0 };
	struct table t;
	struct flow fl;
	size_t i;
	int rc = 0;

	for (i = 0; i < p->nforums && p->forums[i].slot != NULL; i++)
		;
	if (i == p->nforums)
		return 0;
	table_init(b, &t);
	if (section_heading(b, &its, box_label(&b->box, "overview"), b->area.width) ==
	    NULL)
		return -1;
	rc = overview_slot(b, &its, &t, NULL);
	if (rc == 0) {
		start(b, &fl, &b->bk.front, box_label(&b->box, "overview"), 1);
		flow_items(&fl, &its);
	}
	items_release(&its);
	return rc;
}

static void
keep_string(void *arg, char *s)
{
	keep_str(arg, s);
}

/* The day grids, right after the cover: what is on when, and where. */
static int
timetable(struct booklet *b)
{
	struct timetable t = { b->box.pdf, b->p, b->box.l, b->box.lang, &b->area,
		&b->bk.front, &b->bk.anchors, b->forum_anchor, keep_block,
		keep_string, b };

	return timetable_pages(&t);
}

/* Draws tb on the cover at the type area's left, y below its top. */
static void
cover_text(struct page *pg, const struct text_block *tb, double y)
{
	op_text(pg, 1, tb, 0, text_lines(tb), 0, y);
}

/* The event's title and subtitle from *y on; *y ends below them. */
static int
cover_title(struct booklet *b, struct page *pg, double *y)
{
	const struct conference *conf = &b->p->conference;
	struct text_block *tb;

	if ((tb = set1(b, style(b, "title"), conf->title, TEXT_REGULAR,
	    b->area.width, NULL, "event.title")) == NULL)
		return -1;
	cover_text(pg, tb, *y);
	*y += text_height(tb);
	if (conf->subtitle != NULL) {
		if ((tb = set1(b, style(b, "h2"), conf->subtitle, TEXT_REGULAR,
		    b->area.width, NULL, "event.subtitle")) == NULL)
			return -1;
		*y += style(b, "h2")->size * b->lb->cover.subtitle;
		cover_text(pg, tb, *y);
		*y += text_height(tb);
	}
	return 0;
}

/* The dates and the venue from y on. */
static int
cover_when_where(struct booklet *b, struct page *pg, double y)
{
	const struct conference *conf = &b->p->conference;
	struct text_style vs = restyle(style(b, "h3"), ALIGN_LEFT);
	char *dates = when_dates((const char *const *)conf->dates, conf->ndates,
	    is_en(b), box_label(&b->box, "and"));
	struct text_block *tb = NULL;

	if (*dates != '\0' && (tb = set1(b, style(b, "h3"), dates,
	    TEXT_REGULAR, b->area.width, NULL, "event.date")) == NULL) {
		free(dates);
		return -1;
	}
	free(dates);
	if (tb != NULL) {
		cover_text(pg, tb, y);
		y += text_height(tb) + b->lb->cover.venue;
	}
	if (conf->venue == NULL)
		return 0;
	vs.weight = WEIGHT_REGULAR;
	if ((tb = set1(b, &vs, conf->venue, TEXT_REGULAR, b->area.width, NULL,
	    "event.venue")) == NULL)
		return -1;
	cover_text(pg, tb, y);
	return 0;
}

/* The organiser and the address at the foot of the type area. */
static int
cover_foot(struct booklet *b, struct page *pg)
{
	const struct conference *conf = &b->p->conference;
	struct text_style os = restyle(style(b, "body"), ALIGN_LEFT);
	struct text_block *tb;
	struct text_run r[3];
	size_t n = 0;

	if (conf->organiser == NULL && conf->url == NULL)
		return 0;
	if (conf->organiser != NULL)
		r[n++] = (struct text_run){ conf->organiser, TEXT_BOLD, 1 };
	if (conf->organiser != NULL && conf->url != NULL)
		r[n++] = (struct text_run){ " \u00b7 ", TEXT_REGULAR, 0 };
	if (conf->url != NULL)
		r[n++] = (struct text_run){ conf->url, TEXT_REGULAR, 1 };
	if ((tb = set(b, &os, b->box.lang, r, n, b->area.width, NULL,
	    "event.organiser")) == NULL)
		return -1;
	cover_text(pg, tb, b->area.height - text_height(tb));
	return 0;
}

/* The cover: a band of the accent colour, title, subtitle, dates, venue. */
static int
cover(struct booklet *b)
{
	const struct layout_booklet *lb = b->lb;
	struct page *pg = page_new(&b->bk.front, PAGE_COVER, NULL);
	struct text_style band_st = *style(b, "h1");
	struct text_block *tb;
	double y, band = lb->top + b->area.height * lb->cover.band;

	op_rect(pg, 0, 0, 0, b->pw, band, &b->accent, 1);
	band_st.colour = b->paper;
	if ((tb = set1(b, &band_st, box_label(&b->box, "schedule"), TEXT_REGULAR,
	    b->area.width, NULL, "label")) == NULL)
		return -1;
	cover_text(pg, tb, band - lb->top - text_height(tb) - band_st.size);
	y = band - lb->top + b->area.height * lb->cover.title;
	if (cover_title(b, pg, &y) == -1)
		return -1;
	y += style(b, "h2")->size * lb->cover.dates;
	if (cover_when_where(b, pg, y) == -1 || cover_foot(b, pg) == -1)
		return -1;
	return 0;
}

/* A notes page: heading and ruled lines to the foot of the type area. */
static int
notes_page(struct booklet *b)
{
	const struct text_style *ns = style(b, "notes");
	struct page *pg = page_new(&b->bk.main, PAGE_TEXT, box_label(&b->box, "notes"));
	struct text_block *tb;
	double step = fmax(ns->size * ns->leading * b->lb->rules.notes,
	    b->lb->rules.notes_min), y;

	if ((tb = set1(b, style(b, "h1"), box_label(&b->box, "notes"), TEXT_REGULAR,
	    b->area.width, NULL, "label")) == NULL)
		return -1;
	op_text(pg, 1, tb, 0, text_lines(tb), 0, 0);
	for (y = text_height(tb) + step; y <= b->area.height + FLOW_EPS;
	    y += step)
		op_line(pg, 1, 0, y, b->area.width, 0, &ns->colour,
		    b->lb->rules.width);
	return 0;
}

/* === RUNNING HEADS, FOLIOS, OUTPUT === */

/* The running head and the folio of page phys, as operations. */
static int
decorate(struct booklet *b, size_t phys)
{
	struct page *pg = book_page(&b->bk, phys);
	const struct layout_booklet *lb = b->lb;
	struct text_style hs, fs = *style(b, "folio");
	double left = impose_ta_left(b->box.l, phys);
	int right = phys % 2 == 0;
	struct text_block *tb;
	const char *head;
	char *num;

	if (pg->kind != PAGE_TEXT)
		return 0;
	hs = restyle(style(b, "running-head"), right ? ALIGN_RIGHT :
	    ALIGN_LEFT);
	head = right ? pg->head : b->p->conference.title;
	if (head != NULL) {
		if ((tb = set1(b, &hs, head, TEXT_REGULAR, b->area.width,
		    NULL, "running head")) == NULL)
			return -1;
		/* Within the top margin, clear of the type area. */
		op_text(pg, 0, tb, 0, 1, left, fmax(lb->top * lb->margins.head -
		    text_height(tb) / 2, 0));
		op_line(pg, 0, left, lb->top * lb->margins.head +
		    text_height(tb) / 2 + lb->margins.head_rule, b->area.width,
		    0, &b->area.rule, lb->rules.width);
	}
	num = phys < b->bk.front.n ? roman((int)phys + 1) :
	    xasprintf("%zu", phys - b->bk.front.n + 1);
	if (fs.align == ALIGN_LEFT || fs.align == ALIGN_JUSTIFY)
		fs.align = right ? ALIGN_RIGHT : ALIGN_LEFT;
	tb = set1(b, &fs, num, TEXT_REGULAR, b->area.width, NULL, "folio");
	free(num);
	if (tb == NULL)
		return -1;
	op_text(pg, 0, tb, 0, 1, left, b->ph - lb->bottom * lb->margins.folio -
	    text_height(tb) / 2);
	return 0;
}

/* What --content says, else the layout. */
static enum layout_content
content_of(const struct layout *l, const struct render_opts *opts)
{
	const char *c = render_text(opts, "content");
	int i;

	for (i = 0; c != NULL && i < CONTENT__MAX; i++)
		if (strcmp(c, layout_content_names[i]) == 0)
			return (enum layout_content)i;
	return l->booklet.content;
}

/*
 * Office staplers bind at most STAPLE_MAX pages: say so before imposing
 * more, and what makes the booklet shorter.  -1 when that is an error.
 */
static int
too_thick(const struct booklet *b, struct diag *d)
{
	size_t n = book_npages(&b->bk);

	if (n <= STAPLE_MAX)
		return 0;
	diag_warning(d, NULL, "the booklet has %zu pages, more than an "
	    "office stapler binds (%d); %s", n, STAPLE_MAX,
	    b->content == CONTENT_FULL ? "--content abstract or --content "
	    "titles makes it shorter" : b->content == CONTENT_ABSTRACT ?
	    "--content titles makes it shorter" : "have it bound otherwise");
	return diag_failed(d) ? -1 : 0;	/* --strict: nothing written */
}

/* Whether anchor a of the main matter is at or before page, after *best. */
static int
later(const struct booklet *b, int anchor, size_t page,
    const struct anchor **best)
{
	const struct anchor *a = &b->bk.anchors.v[anchor];
	size_t at = book_anchor_page(&b->bk, a);

	if (!a->main || at > page || (*best != NULL &&
	    (at < book_anchor_page(&b->bk, *best) ||
	    (at == book_anchor_page(&b->bk, *best) && a->y <= (*best)->y))))
		return 0;
	*best = a;
	return 1;
}

/*
 * The forum or index entry that is being set on page (counted from 0
 * through the front matter): the last that starts there or before; in
 * *pos where the input has it.  The caller frees it.
 */
static char *
set_on(const struct booklet *b, size_t page, const struct srcpos **pos)
{
	const struct anchor *best = NULL;
	const struct forum *f = NULL;
	const struct person *s = NULL;
	char *name, *q, *what;
	size_t i;

	for (i = 0; i < b->p->nforums; i++)
		if (later(b, b->forum_anchor[i], page, &best))
			f = &b->p->forums[i];
	for (i = 0; i < b->nindex; i++)
		if (later(b, b->index_anchor[i], page, &best)) {
			s = b->index_people[i];
			f = NULL;
		}
	*pos = s != NULL ? &s->pos : f != NULL ? &f->pos : NULL;
	if (s != NULL) {
		name = person_full_name(s);
		q = utf8_abbrev(name);
		what = xasprintf("the index entry of '%s'", q);
		free(name);
	} else if (f != NULL) {
		q = utf8_abbrev(f->title != NULL ? f->title : "");
		what = f->number > 0 ? xasprintf("forum %d '%s'", f->number, q) :
		    xasprintf("the session '%s'", q);
	} else
		return xstrdup("the booklet's front matter");
	free(q);
	return what;
}

/*
 * libharu's page tree holds PDF_MAX_PAGES pages: a longer booklet is
 * refused before any page is drawn, where its pages run out.
 */
static int
too_many_pages(const struct booklet *b, const char *path)
{
	const char *advice = b->content == CONTENT_FULL ? "split the programme "
	    "into several files, or shorten it with --content abstract or "
	    "--content titles" : b->content == CONTENT_ABSTRACT ? "split the "
	    "programme into several files, or shorten it with --content "
	    "titles" : "split the programme into several files";
	const struct srcpos *pos;
	char *what;

	if (book_npages(&b->bk) <= PDF_MAX_PAGES)
		return 0;
	what = set_on(b, PDF_MAX_PAGES, &pos);
	pdf_too_many_pages(pdf_diag(b->box.pdf), pos, what, PDF_MAX_PAGES + 1,
	    path, advice);
	free(what);
	return -1;
}

static int
build(struct booklet *b, const char *path)
{
	const struct layout_booklet *lb = b->lb;
	size_t i, total;
	int multiple = lb->pad_multiple > 0 ? lb->pad_multiple : 1;

	b->forum_anchor = xcalloc(b->p->nforums + 1, sizeof(int));
	for (i = 0; i < b->p->nforums; i++)
		b->forum_anchor[i] = anchor_new(&b->bk.anchors);
	if (cover(b) == -1 || main_matter(b) == -1 || timetable(b) == -1 ||
	    overview(b) == -1)
		return -1;
	/* The forums begin on a right-hand page. */
	if (b->bk.front.n % 2 == 1)
		page_new(&b->bk.front, PAGE_BLANK, NULL);
	total = book_npages(&b->bk);
	while (total % (size_t)multiple != 0) {
		if (lb->pad_with == PAD_NOTES) {
			if (notes_page(b) == -1)
				return -1;
		} else
			page_new(&b->bk.main, PAGE_BLANK, NULL);
		total++;
	}
	if (too_many_pages(b, path) == -1)
		return -1;
	for (i = 0; i < total; i++)
		if (decorate(b, i) == -1)
			return -1;
	return 0;
}

/* Sets up b for p and l; -1 after reporting a type area too small. */
static int
booklet_init(struct booklet *b, const struct programme *p,
    const struct layout *l, struct diag *d)
{
	const struct layout_booklet *lb = &l->booklet;
	const struct colour *c;

	memset(b, 0, sizeof(*b));
	b->p = p;
	b->box.l = l;
	b->lb = lb;
	b->box.lang = b->box.words = p->lang != NULL ? p->lang : "de";
	b->pw = l->page.width;
	b->ph = l->page.height;
	b->area.width = b->pw - lb->inner - lb->outer;
	b->area.height = b->ph - lb->top - lb->bottom;
	b->area.column_gap = lb->column_gap;
	b->area.rule_width = lb->rules.width;
	b->colw = (b->area.width - lb->column_gap * (lb->columns - 1)) /
	    (lb->columns > 0 ? lb->columns : 1);
	if (b->area.width < TA_MIN_WIDTH || b->area.height < TA_MIN_HEIGHT ||
	    b->colw < TA_MIN_WIDTH)
		return diag_error(d, NULL, "the type area of '%s' is too "
		    "small for a booklet", l->file);
	c = layout_colour(l, "accent");
	b->accent = c != NULL ? *c : style(b, "h1")->colour;
	c = layout_colour(l, "paper");
	b->paper = c != NULL ? *c : (struct colour){ COLOUR_RGB,
	    { 1, 1, 1, 0 } };
	b->area.rule = daygrid_rule(l);
	return 0;
}

/* The pages and the texts on them, done with once they are drawn. */
static void
pages_release(struct booklet *b)
{
	size_t i;

	for (i = 0; i < b->nblocks; i++)
		text_block_free(b->blocks[i]);
	free(b->blocks);
	b->blocks = NULL;
	b->nblocks = 0;
	for (i = 0; i < b->nstrs; i++)
		free(b->strs[i]);
	free(b->strs);
	b->strs = NULL;
	b->nstrs = 0;
	book_release(&b->bk);
	memset(&b->bk, 0, sizeof(b->bk));
}

static void
booklet_release(struct booklet *b)
{
	pages_release(b);
	free(b->forum_anchor);
	free(b->index_people);
	free(b->index_anchor);
	pdf_free(b->box.pdf);
}

int
booklet_render(const struct programme *p, const struct layout *l,
    const struct render_opts *opts, struct diag *d, const char *path)
{
	struct booklet b;
	struct pdf_info info;
	struct pdf *imp = NULL;
	char *ipath = NULL;
	int rc = -1;

	if (booklet_init(&b, p, l, d) == -1)
		return -1;
	b.content = content_of(l, opts);
	b.group = render_text(opts, "group-by") != NULL &&
	    strcmp(render_text(opts, "group-by"), "track") == 0 ? GROUP_TRACK :
	    render_text(opts, "group-by") != NULL ? GROUP_TIME :
	    l->booklet.group;
	info.title = p->conference.title;
	info.author = p->conference.organiser;
	info.subject = p->conference.subtitle != NULL ? p->conference.subtitle :
	    box_label(&b.box, "schedule");
	if ((b.box.pdf = pdf_new(d, &info)) == NULL)
		return -1;
	if (render_flag(opts, "rgb"))
		pdf_use_rgb(b.box.pdf);
	if (build(&b, path) == -1 || impose_pages(&b.bk, l, b.box.pdf) == -1)
		goto out;
	if (render_flag(opts, "impose")) {
		if (too_thick(&b, d) == -1)
			goto out;
		/* DIR/booklet-imposed.pdf beside DIR/booklet.pdf */
		ipath = path_beside(path, "booklet-imposed.pdf");
		if ((imp = pdf_new(d, &info)) == NULL)
			goto out;
		if (render_flag(opts, "rgb"))
			pdf_use_rgb(imp);
		if (impose_saddle_stitch(&b.bk, l, imp) == -1)
			goto out;
	}
	/* Saving makes libharu's links and writes: room for them. */
	pages_release(&b);
	/* Both or neither: main.c renames them in one run (output.h). */
	if (pdf_save(b.box.pdf, path) == -1 ||
	    (imp != NULL && pdf_save(imp, ipath) == -1))
		goto out;
	rc = 0;
out:
	pdf_free(imp);
	free(ipath);
	booklet_release(&b);
	return rc;
}
