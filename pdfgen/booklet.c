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
 * Numbering: the cover and the overview are front matter with roman
 * labels (no folio on the cover); the forums, the index and the notes
 * pages are numbered from 1, so the overview can name the forums' pages
 * before it knows its own length.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "box.h"
#include "collate.h"
#include "flow.h"
#include "impose.h"
#include "pdf.h"
#include "render.h"
#include "text.h"
#include "timetable.h"
#include "util.h"
#include "when.h"

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
	struct book	 bk;
	struct colour	 accent;
};

static const char *
keep_str(struct booklet *b, char *s)
{
	b->strs = xreallocarray(b->strs, b->nstrs + 1, sizeof(*b->strs));
	return b->strs[b->nstrs++] = s;
}

/* Blocks pages point to, freed at the end. */
static void
keep_block(void *arg, struct text_block *tb)
{
	struct booklet *b = arg;

	b->blocks = xreallocarray(b->blocks, b->nblocks + 1,
	    sizeof(*b->blocks));
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
		    i == 0 ? gap / 3 : gap / 4)) == NULL)
			return -1;
		/* A page break leaves at least two names on either side. */
		it->keep = i + 1 < n && (i == 0 || i + 2 == n);
	}
	return 0;
}

/* "Forum 3", the title and the subtitle, kept with what follows. */
static int
forum_heading(struct booklet *b, struct items *its, size_t fi,
    const char *lang, double line)
{
	const struct forum *f = &b->p->forums[fi];
	struct text_style kicker = *style(b, "h3");
	struct text_run title = { f->title, TEXT_REGULAR, 0 };
	struct text_run sub = { f->subtitle, TEXT_ITALIC, 0 };
	struct item *it;
	char *s;

	kicker.colour = b->accent;
	s = xasprintf("%s %d", box_label(&b->box, "forum"), f->number);
	it = item_block(its, set1(b, &kicker, s, TEXT_REGULAR, b->colw,
	    &f->pos, "forum.number"), 2.2 * line);
	free(s);
	if (it == NULL)
		return -1;
	it->keep = 1;
	it->rule = fi > 0;
	it->anchor = b->forum_anchor[fi];
	it->mark = keep_str(b, xasprintf("%s %d: %s", box_label(&b->box,
	    "forum"), f->number, f->title));
	if ((it = item_block(its, set(b, style(b, "h2"), lang, &title, 1,
	    b->colw, &f->pos, "forum.title"), 2)) == NULL)
		return -1;
	it->keep = 1;
	if (f->subtitle != NULL) {
		if ((it = item_block(its, set(b, style(b, "h3"), lang, &sub, 1,
		    b->colw, &f->pos, "forum.subtitle"), 2)) == NULL)
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
	    TEXT_REGULAR, b->colw, &f->pos, "forum.room"), 3)) == NULL) {
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

/* The description, or "to be announced" when the forum has nothing yet. */
static int
forum_text(struct booklet *b, struct items *its, const struct forum *f,
    const char *lang, const struct text_style *meta, double line)
{
	const struct text_style *body = style(b, "body");
	size_t i;

	for (i = 0; i < f->nparagraphs; i++) {
		struct text_run r = { f->paragraphs[i], TEXT_REGULAR, 0 };

		if (item_block(its, set(b, body, lang, &r, 1, b->colw,
		    &f->pos, "forum.description"), i == 0 ? line * 0.6 :
		    line * 0.4) == NULL)
			return -1;
	}
	if (f->nparagraphs == 0 && f->nspeakers == 0 && f->nmoderators == 0 &&
	    item_block(its, set1(b, meta, box_label(&b->box, "to-be-announced"),
	    TEXT_ITALIC, b->colw, &f->pos, "forum"), line * 0.6) == NULL)
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
	    line * 0.8);
	free(heading);
	if (rc == -1 || people_items(b, its, box_label(&b->box, "moderation"),
	    f->moderators, f->nmoderators, lang, line * 0.8) == -1)
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
	struct text_style meta = restyle(body, ALIGN_LEFT);
	double line = body->size * body->leading;

	if (forum_heading(b, its, fi, lang, line) == -1 ||
	    forum_meta(b, its, f, lang, &meta) == -1 ||
	    forum_text(b, its, f, lang, &meta, line) == -1 ||
	    forum_people(b, its, f, lang, line) == -1)
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

static const struct person *
person_at(const void *item)
{
	return *(const struct person *const *)item;
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
	collate_sort(v, n, sizeof(*v), person_at, p->lang);
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
index_refs(const struct booklet *b, const struct person *s, int *first)
{
	struct buf refs = { 0 };
	size_t j;

	*first = -1;
	for (j = 0; j < b->p->nforums; j++) {
		const struct forum *f = &b->p->forums[j];
		const struct anchor *a;
		char *ref;

		if (!in_forum(f, s))
			continue;
		if (*first < 0)
			*first = (int)j;
		a = &b->bk.anchors.v[b->forum_anchor[j]];
		/* No-break spaces: a line breaks between references only. */
		ref = xasprintf("%s%s\u00a0%d\u00a0\u00b7\u00a0%s\u00a0%zu",
		    refs.len ? "; " : "", box_label(&b->box, "forum"),
		    f->number, box_label(&b->box, "page-short"), a->page + 1);
		buf_adds(&refs, ref);
		free(ref);
	}
	return buf_take(&refs);
}

/* The entry of s: the name, and its forums and pages flush right. */
static int
index_entry(struct booklet *b, struct items *its, const struct person *s,
    double before, double colw)
{
	const struct text_style *ist = style(b, "index");
	struct text_style rst = restyle(ist, ALIGN_RIGHT);
	double refw = floor(colw * 0.36), gap = ist->size;
	char *given = index_given(s), *refs;
	struct text_run r[2] = { { s->family, TEXT_BOLD, 1 },
		{ given, TEXT_REGULAR, 1 } };
	struct item *it;
	int first, rc = 0;

	refs = index_refs(b, s, &first);
	it = item_add(its, before);
	it->cell[0].tb = set(b, ist, b->box.lang, r, given != NULL ? 2 : 1,
	    colw - refw - gap, &s->pos, "person");
	it->cell[1].tb = set1(b, &rst, refs, TEXT_REGULAR, refw, &s->pos,
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
	size_t n, i;
	int rc = 0;

	n = index_people(b->p, &people);
	for (i = 0; i < n && rc == 0; i++)
		rc = index_entry(b, its, people[i], i == 0 ? size :
		    size * 0.25, colw);
	free(people);
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

/* The main matter: the forums, then the index on a page of its own. */
static int
main_matter(struct booklet *b)
{
	struct items its = { 0 };
	struct flow fl;
	size_t i;
	int ncols = b->box.l->booklet.columns, rc = 0;

	for (i = 0; i < b->p->nforums && rc == 0; i++)
		rc = forum_items(b, &its, i);
	if (rc == 0 && b->p->nforums > 0) {
		start(b, &fl, &b->bk.main, box_label(&b->box, "schedule"),
		    ncols);
		flow_items(&fl, &its);
	}
	items_release(&its);
	if (rc == -1)
		return -1;

	/* Page numbers of the forums are known now. */
	if (section_heading(b, &its, box_label(&b->box, "index"),
	    b->area.width) == NULL)
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
};

static void
table_init(struct booklet *b, struct table *t)
{
	const struct text_style *ist = style(b, "index");
	double w = b->area.width, numw = ist->size * 3.2,
	    pagew = ist->size * 3, roomw = floor(w * 0.22), gap = ist->size,
	    titlew = w - numw - roomw - pagew - 2 * gap;

	t->left = restyle(ist, ALIGN_LEFT);
	t->right = restyle(ist, ALIGN_RIGHT);
	t->x[0] = 0;
	t->w[0] = numw;
	t->x[1] = numw + gap;
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
	const char *hdr[4] = { box_label(&b->box, "forum"),
		box_label(&b->box, "topic"), box_label(&b->box, "room"),
		box_label(&b->box, "page") };
	const struct text_style *hs[4] = { &t->left, &t->left, &t->left,
		&t->right };
	struct item *it = item_add(its, t->left.size * 0.6);
	int c, rc = 0;

	it->keep = 1;
	it->ncells = 4;
	for (c = 0; c < 4; c++) {
		it->cell[c].x = t->x[c];
		if ((it->cell[c].tb = set1(b, hs[c], hdr[c], TEXT_BOLD,
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
	struct text_run tr = { f->title, TEXT_REGULAR, 0 };
	char *nstr = xasprintf("%d", f->number);
	char *pstr = xasprintf("%zu", a->page + 1);
	struct item *it = item_add(its, t->left.size * 0.5);
	int c, rc = 0;

	it->rule = 1;
	it->ncells = 4;
	it->link = b->forum_anchor[fi];
	it->cell[0].tb = set1(b, &t->left, nstr, TEXT_BOLD, t->w[0], &f->pos,
	    "forum.number");
	it->cell[1].tb = set(b, &t->left, forum_lang(b->p, f), &tr, 1,
	    t->w[1], &f->pos, "forum.title");
	it->cell[2].tb = set1(b, &t->left, f->room != NULL ? f->room->name :
	    "\u2013", TEXT_REGULAR, t->w[2], &f->pos, "forum.room");
	it->cell[3].tb = set1(b, &t->right, pstr, TEXT_REGULAR, t->w[3],
	    &f->pos, "forum");
	for (c = 0; c < 4; c++) {
		it->cell[c].x = t->x[c];
		if (it->cell[c].tb == NULL)
			rc = -1;
	}
	free(nstr);
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
		    b->area.width, &sl->pos, "slot"), its->n > 1 ? size * 2 :
		    size);
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
	if (section_heading(b, &its, box_label(&b->box, "overview"),
	    b->area.width) == NULL)
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
	struct timetable t = { b->box.pdf, b->p, b->box.l, b->box.lang,
		&b->area, &b->bk.front, &b->bk.anchors, b->forum_anchor,
		keep_block, keep_string, b };

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
	const struct event *ev = &b->p->event;
	struct text_block *tb;

	if ((tb = set1(b, style(b, "title"), ev->title, TEXT_REGULAR,
	    b->area.width, NULL, "event.title")) == NULL)
		return -1;
	cover_text(pg, tb, *y);
	*y += text_height(tb);
	if (ev->subtitle != NULL) {
		if ((tb = set1(b, style(b, "h2"), ev->subtitle, TEXT_REGULAR,
		    b->area.width, NULL, "event.subtitle")) == NULL)
			return -1;
		*y += style(b, "h2")->size * 0.6;
		cover_text(pg, tb, *y);
		*y += text_height(tb);
	}
	return 0;
}

/* The dates and the venue from y on. */
static int
cover_when_where(struct booklet *b, struct page *pg, double y)
{
	const struct event *ev = &b->p->event;
	struct text_style vs = restyle(style(b, "h3"), ALIGN_LEFT);
	char *dates = when_dates((const char *const *)ev->dates, ev->ndates,
	    is_en(b));
	struct text_block *tb = NULL;

	if (*dates != '\0' && (tb = set1(b, style(b, "h3"), dates,
	    TEXT_REGULAR, b->area.width, NULL, "event.date")) == NULL) {
		free(dates);
		return -1;
	}
	free(dates);
	if (tb != NULL) {
		cover_text(pg, tb, y);
		y += text_height(tb) + 2;
	}
	if (ev->venue == NULL)
		return 0;
	vs.weight = WEIGHT_REGULAR;
	if ((tb = set1(b, &vs, ev->venue, TEXT_REGULAR, b->area.width, NULL,
	    "event.venue")) == NULL)
		return -1;
	cover_text(pg, tb, y);
	return 0;
}

/* The organiser and the address at the foot of the type area. */
static int
cover_foot(struct booklet *b, struct page *pg)
{
	const struct event *ev = &b->p->event;
	struct text_style os = restyle(style(b, "body"), ALIGN_LEFT);
	struct text_block *tb;
	struct text_run r[3];
	size_t n = 0;

	if (ev->organiser == NULL && ev->url == NULL)
		return 0;
	if (ev->organiser != NULL)
		r[n++] = (struct text_run){ ev->organiser, TEXT_BOLD, 1 };
	if (ev->organiser != NULL && ev->url != NULL)
		r[n++] = (struct text_run){ " \u00b7 ", TEXT_REGULAR, 0 };
	if (ev->url != NULL)
		r[n++] = (struct text_run){ ev->url, TEXT_REGULAR, 1 };
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
	const struct layout_booklet *lb = &b->box.l->booklet;
	struct page *pg = page_new(&b->bk.front, PAGE_COVER, NULL);
	struct text_style band_st = *style(b, "h1");
	struct text_block *tb;
	double y, band = lb->top + b->area.height * 0.3;

	op_rect(pg, 0, 0, 0, b->pw, band, &b->accent, 1);
	band_st.colour = (struct colour){ COLOUR_RGB, { 1, 1, 1, 0 } };
	if ((tb = set1(b, &band_st, box_label(&b->box, "schedule"),
	    TEXT_REGULAR, b->area.width, NULL, "label")) == NULL)
		return -1;
	cover_text(pg, tb, band - lb->top - text_height(tb) - band_st.size);
	y = band - lb->top + b->area.height * 0.08;
	if (cover_title(b, pg, &y) == -1)
		return -1;
	y += style(b, "h2")->size * 2;
	if (cover_when_where(b, pg, y) == -1 || cover_foot(b, pg) == -1)
		return -1;
	return 0;
}

/* A notes page: heading and ruled lines to the foot of the type area. */
static int
notes_page(struct booklet *b)
{
	const struct text_style *ns = style(b, "notes");
	struct page *pg = page_new(&b->bk.main, PAGE_TEXT,
	    box_label(&b->box, "notes"));
	struct text_block *tb;
	double step = fmax(ns->size * ns->leading * 2, PDF_MM(7)), y;

	if ((tb = set1(b, style(b, "h1"), box_label(&b->box, "notes"),
	    TEXT_REGULAR, b->area.width, NULL, "label")) == NULL)
		return -1;
	op_text(pg, 1, tb, 0, text_lines(tb), 0, 0);
	for (y = text_height(tb) + step; y <= b->area.height + FLOW_EPS;
	    y += step)
		op_line(pg, 1, 0, y, b->area.width, 0, &ns->colour, 0.4);
	return 0;
}

/* === RUNNING HEADS, FOLIOS, OUTPUT === */

/* The running head and the folio of page phys, as operations. */
static int
decorate(struct booklet *b, size_t phys)
{
	struct page *pg = book_page(&b->bk, phys);
	const struct layout_booklet *lb = &b->box.l->booklet;
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
	head = right ? pg->head : b->p->event.title;
	if (head != NULL) {
		if ((tb = set1(b, &hs, head, TEXT_REGULAR, b->area.width,
		    NULL, "running head")) == NULL)
			return -1;
		/* Within the top margin, clear of the type area. */
		op_text(pg, 0, tb, 0, 1, left, fmax(lb->top * 0.45 -
		    text_height(tb) / 2, 0));
		op_line(pg, 0, left, lb->top * 0.45 + text_height(tb) / 2 + 2,
		    b->area.width, 0, &b->area.rule, 0.4);
	}
	num = phys < b->bk.front.n ? roman((int)phys + 1) :
	    xasprintf("%zu", phys - b->bk.front.n + 1);
	if (fs.align == ALIGN_LEFT || fs.align == ALIGN_JUSTIFY)
		fs.align = right ? ALIGN_RIGHT : ALIGN_LEFT;
	tb = set1(b, &fs, num, TEXT_REGULAR, b->area.width, NULL, "folio");
	free(num);
	if (tb == NULL)
		return -1;
	op_text(pg, 0, tb, 0, 1, left, b->ph - lb->bottom * 0.5 -
	    text_height(tb) / 2);
	return 0;
}

static int
build(struct booklet *b)
{
	const struct layout_booklet *lb = &b->box.l->booklet;
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
	b->box.lang = b->box.words = p->lang != NULL ? p->lang : "de";
	b->pw = l->page.width;
	b->ph = l->page.height;
	b->area.width = b->pw - lb->inner - lb->outer;
	b->area.height = b->ph - lb->top - lb->bottom;
	b->area.column_gap = lb->column_gap;
	b->colw = (b->area.width - lb->column_gap * (lb->columns - 1)) /
	    (lb->columns > 0 ? lb->columns : 1);
	if (b->area.width < 36 || b->area.height < 72 || b->colw < 36)
		return diag_error(d, NULL, "the type area of '%s' is too "
		    "small for a booklet", l->file);
	c = layout_colour(l, "accent");
	b->accent = c != NULL ? *c : style(b, "h1")->colour;
	b->area.rule = (struct colour){ COLOUR_RGB, { 0.6, 0.6, 0.6, 0 } };
	return 0;
}

static void
booklet_release(struct booklet *b)
{
	size_t i;

	for (i = 0; i < b->nblocks; i++)
		text_block_free(b->blocks[i]);
	free(b->blocks);
	for (i = 0; i < b->nstrs; i++)
		free(b->strs[i]);
	free(b->strs);
	free(b->forum_anchor);
	book_release(&b->bk);
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
	info.title = p->event.title;
	info.author = p->event.organiser;
	info.subject = p->event.subtitle != NULL ? p->event.subtitle :
	    box_label(&b.box, "schedule");
	if ((b.box.pdf = pdf_new(d, &info)) == NULL)
		return -1;
	if (render_flag(opts, "rgb"))
		pdf_use_rgb(b.box.pdf);
	if (build(&b) == -1 || impose_pages(&b.bk, l, b.box.pdf) == -1)
		goto out;
	if (render_flag(opts, "impose")) {
		/* DIR/booklet-imposed.pdf beside DIR/booklet.pdf */
		ipath = path_beside(path, "booklet-imposed.pdf");
		if ((imp = pdf_new(d, &info)) == NULL)
			goto out;
		if (render_flag(opts, "rgb"))
			pdf_use_rgb(imp);
		if (impose_saddle_stitch(&b.bk, l, imp) == -1)
			goto out;
	}
	if (pdf_save(b.box.pdf, path) == -1)
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
	booklet_release(&b);
	return rc;
}
