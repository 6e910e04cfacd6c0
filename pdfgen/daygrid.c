/*
 * The day grid (daygrid.h).  Planning finds, for each of the two forms
 * (time down, time across), how the rooms split into groups that fit
 * across and how the day splits into parts that fit down, at the sizes
 * below which text is no longer readable; the form with fewer pages
 * wins, and each page then stretches its part of the day over the space
 * it has.  A session belongs to the part in which it starts; a part ends
 * where the fewest sessions run on, and its page runs on until they end.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "daygrid.h"
#include "internal.h"
#include "util.h"
#include "when.h"

#define HEAD_LINES	3	/* lines a room's name may take */
#define ROW_LINES	2	/* time across: title lines a row holds */
#define ROW_MAX		4	/* time across: rows grow to 4 times that */
#define DMIN		5	/* minutes: shorter sessions count as this */
#define ROUND		30	/* minutes the axis's ends are rounded to */
/* Costs of a way to cut a day, in minutes of imbalance. */
#define CROSS_COST	5	/* a session divided by a cut */
#define BAD_CUT		1e4	/* one left with less than 3 lines */
#define PART_COST	1e6	/* one more page */
#define SIZE_STEP	0.5	/* points between the title sizes a page tries */
#define FIT_SHARE	0.85	/* of a page's titles fit whole at its size */
#define EPS		1e-6

struct sess {
	const struct forum *f;
	size_t		 room;		/* index into dg->rooms */
	int		 start, end;	/* minutes */
	int		 lane, nlanes;	/* side by side with overlapping ones */
};

struct droom {
	const struct room *r;		/* NULL: sessions without a room */
	int		 lanes;		/* the most sessions at once */
};

/* Rooms room0..room0+nrooms-1, side by side on one page. */
struct group {
	size_t		 room0, nrooms;
	int		 lanes;
};

/*
 * The minutes [t0, t1) of the day: the sessions starting in them, and
 * those that run on into them from the part before.
 */
struct part {
	int		 t0, t1;
};

/* A page: the rooms of group g in part c of the day. */
struct page_ref {
	size_t		 g, c;
};

struct plan {
	struct group	*g;
	size_t		 ng;
	struct part	*c;
	size_t		 nc;
	double		 room_ext;	/* header row height (column width) */
	double		 axis_ext;	/* axis column width (row height) */
	double		 lane_max;	/* time across: a row's largest height */
};

struct daygrid {
	struct pdf	*pdf;
	const struct programme *p;
	const struct layout *l;
	const char	*lang;
	const struct daygrid_styles *st;
	struct colour	 rule;		/* grid lines */
	struct colour	 head;		/* behind the room names */
	char		*heading;
	double		 w, h;
	struct sess	*s;		/* by room, then start */
	size_t		 ns;
	struct droom	*rooms;
	size_t		 nrooms;
	int		 t0, t1;	/* the day's axis */
	int		 dmin;		/* the shortest session */
	double		 pad;
	double		 head_h;	/* the heading's line */
	double		 tline, xline;	/* a title, a text line at min_size */
	int		 transposed;
	struct plan	 plan;
	/* the plan's pages on which a session starts, in order */
	struct page_ref	*pages;
	size_t		 npages;
	/* the tracks of a day of several, named under the grid */
	const struct track **tracks;
	size_t		 ntracks;
	double		 legend_h;	/* below h: the legend's band */
};

/* What a page shows and how time maps to it. */
struct frame {
	const struct group *g;
	const struct part *c;
	double		 gx, gy;	/* the grid's top left (under headers) */
	double		 gw, gh;
	double		 scale;		/* points per minute */
	double		 lane;		/* points per lane */
	/* the page's title and text styles at the sizes it sets them */
	struct text_style title, text;
	double		 tline, xline;	/* a line of each at those sizes */
};

/* A palette for tracks that neither programme nor layout colours. */
static const char *const palette[] = { "#4E79A7", "#F28E2B", "#E15759",
	"#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F",
	"#86BCB6", "#D37295", "#A0CBE8" };

/* === THE DAY'S SESSIONS === */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t
daygrid_dates(const struct programme *p, const char ***dates)
{
	const char **v = xcalloc(p->nslots + 1, sizeof(*v));
	size_t i, n = 0, k;

	for (i = 0; i < p->nslots; i++)
		v[n++] = p->slots[i].date;
	qsort(v, n, sizeof(*v), cmp_str);
	for (i = k = 0; i < n; i++)
		if (k == 0 || strcmp(v[k - 1], v[i]) != 0)
			v[k++] = v[i];
	*dates = v;
	return k;
}

static int
by_room_start(const void *a, const void *b)
{
	const struct sess *x = a, *y = b;

	if (x->room != y->room)
		return x->room < y->room ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->f < y->f ? -1 : x->f > y->f;
}

/* The rooms with sessions on the day, in the programme's order. */
static void
collect(struct daygrid *dg, const char *date)
{
	const struct programme *p = dg->p;
	size_t *map = xcalloc(p->nrooms + 1, sizeof(*map)), i, r;
	int lo = INT_MAX, hi = INT_MIN;

	dg->s = xcalloc(p->nforums + 1, sizeof(*dg->s));
	dg->dmin = INT_MAX;
	for (i = 0; i < p->nforums; i++) {
		const struct forum *f = &p->forums[i];
		struct sess *s;

		if (f->slot == NULL || strcmp(f->slot->date, date) != 0)
			continue;
		s = &dg->s[dg->ns++];
		s->f = f;
		s->room = f->room != NULL ? (size_t)(f->room - p->rooms) :
		    p->nrooms;
		s->start = f->slot->start;
		s->end = f->slot->end;
		map[s->room] = 1;
		lo = s->start < lo ? s->start : lo;
		hi = s->end > hi ? s->end : hi;
		if (s->end - s->start < dg->dmin)
			dg->dmin = s->end - s->start;
	}
	dg->rooms = xcalloc(p->nrooms + 1, sizeof(*dg->rooms));
	for (r = 0; r <= p->nrooms; r++) {
		if (!map[r])
			continue;
		dg->rooms[dg->nrooms].r = r < p->nrooms ? &p->rooms[r] : NULL;
		map[r] = dg->nrooms++;
	}
	for (i = 0; i < dg->ns; i++)
		dg->s[i].room = map[dg->s[i].room];
	free(map);
	qsort(dg->s, dg->ns, sizeof(*dg->s), by_room_start);
	if (dg->dmin < DMIN)
		dg->dmin = DMIN;
	dg->t0 = dg->ns ? lo / ROUND * ROUND : 0;
	dg->t1 = dg->ns ? (hi + ROUND - 1) / ROUND * ROUND : 0;
}

/* The day's tracks in the programme's order, when it has more than one. */
static void
collect_tracks(struct daygrid *dg)
{
	const struct programme *p = dg->p;
	unsigned char *on = xcalloc(p->ntracks + 1, 1);
	size_t i;

	for (i = 0; i < dg->ns; i++)
		if (dg->s[i].f->track != NULL)
			on[dg->s[i].f->track - p->tracks] = 1;
	dg->tracks = xcalloc(p->ntracks + 1, sizeof(*dg->tracks));
	for (i = 0; i < p->ntracks; i++)
		if (on[i])
			dg->tracks[dg->ntracks++] = &p->tracks[i];
	if (dg->ntracks < 2)
		dg->ntracks = 0;
	free(on);
}

/* Sessions i..j-1 of one overlapping cluster get nlanes lanes. */
static void
close_cluster(struct daygrid *dg, size_t i, size_t j, int nlanes)
{
	struct droom *r = &dg->rooms[dg->s[i].room];

	for (; i < j; i++)
		dg->s[i].nlanes = nlanes;
	if (nlanes > r->lanes)
		r->lanes = nlanes;
}

/*
 * Overlapping sessions of a room side by side: each takes the first lane
 * free at its start; a cluster of sessions that overlap one another,
 * directly or not, shares its number of lanes.
 */
static void
assign_lanes(struct daygrid *dg)
{
	int *lane_end = xcalloc(dg->ns + 1, sizeof(*lane_end));
	int used = 0, cluster_end = INT_MIN, k;
	size_t i, first = 0;

	for (i = 0; i < dg->ns; i++) {
		struct sess *s = &dg->s[i];

		if (i > 0 && (s->room != s[-1].room ||
		    s->start >= cluster_end)) {
			close_cluster(dg, first, i, used);
			first = i;
			used = 0;
			cluster_end = INT_MIN;
		}
		for (k = 0; k < used && lane_end[k] > s->start; k++)
			;
		if (k == used)
			used++;
		lane_end[k] = s->end;
		s->lane = k;
		if (s->end > cluster_end)
			cluster_end = s->end;
	}
	if (dg->ns > 0)
		close_cluster(dg, first, dg->ns, used);
	free(lane_end);
}

/* === MEASURES === */

static const char *
label(const struct daygrid *dg, const char *key)
{
	return layout_label(dg->l, key, dg->lang);
}

static const char *
room_name(const struct daygrid *dg, size_t r)
{
	return dg->rooms[r].r != NULL ? dg->rooms[r].r->name :
	    label(dg, "no-room");
}

/* The style at its smallest size. */
static struct text_style
at_min(const struct text_style *st)
{
	struct text_style s = *st;

	if (s.min_size > 0 && s.min_size < s.size)
		s.size = s.min_size;
	s.min_size = s.size;
	return s;
}

/* The height of one line in st, at its own size or its smallest. */
static double
line_height(struct daygrid *dg, const struct text_style *st, int big)
{
	struct text_style s = big ? *st : at_min(st);
	struct text_run r = { "0", TEXT_REGULAR, 1 };
	struct text_block *tb = text_set(dg->pdf, &s, dg->lang, &r, 1, 1e4,
	    NULL);
	double h;

	if (tb == NULL)
		return -1;
	h = text_height(tb);
	text_block_free(tb);
	return h;
}

/* s fitted into w x h in at most lines lines, shortened without a word. */
static struct text_block *
fit(const struct daygrid *dg, const struct text_style *st,
    enum text_variant v, const char *s, double w, double h, int lines,
    const struct srcpos *pos, const char *field)
{
	struct text_run r = { s, v, 1 };
	struct text_src src = { pos, field };

	return text_fit_quiet(dg->pdf, st, dg->lang, &r, 1, w, h, lines,
	    &src);
}

static struct colour track_colour(const struct daygrid *,
    const struct track *);
static int put(const struct daygrid_sink *, struct text_block *, double,
    double);

/*
 * The legend of the day's tracks: a swatch of each track's colour and its
 * name, entries in rows across the width, at the text style's smallest
 * size.  Drawn through k from the top y (k NULL: nothing drawn); returns
 * the number of rows, or -1 after reporting.
 */
static int
legend(const struct daygrid *dg, const struct daygrid_sink *k, double y)
{
	const struct layout_daygrid *lk = &dg->l->daygrid;
	struct text_style st = at_min(dg->st->text);
	double sw = lk->swatch * st.size, gap = lk->swatch_gap * st.size;
	double x = 0, w, lead = lk->legend_lead * dg->xline;
	struct colour c;
	size_t i;
	int rows = 1;

	for (i = 0; i < dg->ntracks; i++) {
		const struct track *t = dg->tracks[i];

		w = fmin(text_width(dg->pdf, &st, TEXT_REGULAR, st.size,
		    t->name), dg->w - sw - gap);
		if (x > 0 && x + sw + gap + w > dg->w) {
			x = 0;
			y += lead;
			rows++;
		}
		c = track_colour(dg, t);
		if (k != NULL && (k->rect(k->arg, x, y + (dg->xline - sw) / 2,
		    sw, sw, &c) == -1 || put(k, fit(dg, &st, TEXT_REGULAR,
		    t->name, w + 1, lead, 1, &t->pos, "track.name"),
		    x + sw + gap, y) == -1))
			return -1;
		x += sw + gap + w + lk->entry_gap * st.size;
	}
	return rows;
}

/* The height room r's name takes in width w; -1 after reporting. */
static double
name_height(const struct daygrid *dg, size_t r, double w)
{
	struct text_block *tb;
	double h;

	if ((tb = fit(dg, dg->st->room, TEXT_BOLD, room_name(dg, r), w, 1e4,
	    HEAD_LINES, NULL, "room.name")) == NULL)
		return -1;
	h = text_height(tb);
	text_block_free(tb);
	return h;
}

/* === PLANNING === */

/*
 * Splits the rooms into groups of at most cap lanes, as even as their
 * order allows (a room wider than cap gets a group of its own).
 */
static void
group_rooms(const struct daygrid *dg, int cap, struct plan *pl)
{
	size_t i, left = 0;
	int total = 0, cur = 0, target, lanes;

	/* How many groups filling each in turn makes ... */
	for (i = 0; i < dg->nrooms; i++) {
		lanes = dg->rooms[i].lanes;
		if (cur > 0 && cur + lanes > cap) {
			left++;
			cur = 0;
		}
		cur += lanes;
		total += lanes;
	}
	left += dg->nrooms > 0;
	/* ... then as many, each near an even share of what is left. */
	pl->g = xcalloc(dg->nrooms + 1, sizeof(*pl->g));
	pl->ng = 0;
	for (i = 0; i < dg->nrooms; ) {
		struct group *g = &pl->g[pl->ng++];

		target = (total + (int)left - 1) / (int)left;
		if (target > cap)
			target = cap;
		g->room0 = i;
		for (; i < dg->nrooms; i++) {
			lanes = dg->rooms[i].lanes;
			if (g->lanes > 0 && g->lanes + lanes > target)
				break;
			g->lanes += lanes;
			g->nrooms++;
		}
		total -= g->lanes;
		if (left > 1)
			left--;
	}
}

/*
 * How many sessions a cut at c divides; -1 when it would leave one of
 * them less than keep minutes on the page where it starts.
 */
static int
crossing(const struct daygrid *dg, int c, int keep)
{
	int n = 0;
	size_t i;

	for (i = 0; i < dg->ns; i++) {
		if (dg->s[i].start >= c || dg->s[i].end <= c)
			continue;
		if (c - dg->s[i].start < keep)
			return -1;
		n++;
	}
	return n;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/*
 * Where a part may end: the sessions' starts and ends, the half hours,
 * and the day's end (last), all after the day's start.
 */
static size_t
cut_candidates(const struct daygrid *dg, int **out)
{
	size_t i, n = 0, k = 0,
	    max = 2 * dg->ns + (size_t)(dg->t1 - dg->t0) / ROUND + 2;
	int *v = xcalloc(max, sizeof(*v)), t;

	for (i = 0; i < dg->ns; i++) {
		v[n++] = dg->s[i].start;
		v[n++] = dg->s[i].end;
	}
	for (t = dg->t0; t <= dg->t1; t += ROUND)
		v[n++] = t;
	qsort(v, n, sizeof(*v), cmp_int);
	for (i = 0; i < n; i++)
		if (v[i] > dg->t0 && v[i] <= dg->t1 &&
		    (k == 0 || v[k - 1] != v[i]))
			v[k++] = v[i];
	*out = v;
	return k;
}

/*
 * Cuts the day into parts of at most avail points at scale points per
 * minute: as few parts as can be, then cutting as few sessions and as
 * evenly as can be (a shortest path over the places a part may end).
 */
static void
cut_day(const struct daygrid *dg, double scale, double avail,
    struct plan *pl)
{
	int *cand, span = (int)floor(avail / scale + EPS), keep = 3 * dg->dmin;
	size_t m = cut_candidates(dg, &cand), j, k;
	double *best = xcalloc(m + 1, sizeof(*best)), *cost, even, v, len;
	long *prev = xcalloc(m + 1, sizeof(*prev)), i;
	int n;

	if (span < 1)
		span = 1;
	even = (double)(dg->t1 - dg->t0) / ceil((double)(dg->t1 - dg->t0) /
	    span);
	cost = xcalloc(m + 1, sizeof(*cost));
	for (j = 0; j + 1 < m; j++)
		cost[j] = (n = crossing(dg, cand[j], keep)) < 0 ? BAD_CUT :
		    (double)CROSS_COST * n;
	/* best[j]: the cheapest way to end a part at cand[j]. */
	for (j = 0; j < m; j++) {
		best[j] = HUGE_VAL;
		prev[j] = -1;
		for (i = (long)j - 1; i >= -1; i--) {
			len = cand[j] - (i < 0 ? dg->t0 : cand[i]);
			/* Only the nearest may be too far: no cut fits. */
			if (len > span && i < (long)j - 1)
				break;
			if (i >= 0 && best[i] == HUGE_VAL)
				continue;
			v = (i < 0 ? 0 : best[i]) + PART_COST + (j + 1 < m ?
			    cost[j] : 0) + (len - even) * (len - even) / even +
			    (len > span ? 100 * PART_COST : 0);
			if (v < best[j]) {
				best[j] = v;
				prev[j] = i;
			}
		}
	}
	/* The parts, back from the day's end. */
	for (k = 1, j = m - 1; prev[j] >= 0; j = (size_t)prev[j])
		k++;
	pl->c = xcalloc(k + 1, sizeof(*pl->c));
	pl->nc = k;
	for (j = m - 1; k-- > 0; j = (size_t)prev[j]) {
		pl->c[k].t1 = cand[j];
		pl->c[k].t0 = prev[j] < 0 ? dg->t0 : cand[prev[j]];
		if (prev[j] < 0)
			break;
	}
	free(best);
	free(prev);
	free(cost);
	free(cand);
}

/* Time down: rooms across in groups as wide as the lanes allow. */
static int
plan_down(struct daygrid *dg, struct plan *pl)
{
	const struct daygrid_styles *st = dg->st;
	double lane_min = dg->l->daygrid.lane * at_min(st->title).size, w, h, nh;
	size_t gi, r;
	int cap;

	pl->axis_ext = text_width(dg->pdf, st->time, TEXT_REGULAR,
	    st->time->size, "00:00") + 2 * dg->pad;
	w = dg->w - pl->axis_ext;
	cap = (int)floor(w / lane_min + EPS);
	group_rooms(dg, cap > 0 ? cap : 1, pl);
	pl->room_ext = 0;
	for (gi = 0; gi < pl->ng; gi++)
		for (r = 0; r < pl->g[gi].nrooms; r++) {
			size_t k = pl->g[gi].room0 + r;

			nh = name_height(dg, k, w * dg->rooms[k].lanes /
			    pl->g[gi].lanes - 2 * dg->pad);
			if (nh < 0)
				return -1;
			if (nh > pl->room_ext)
				pl->room_ext = nh;
		}
	pl->room_ext += 2 * dg->pad;
	h = dg->h - dg->head_h - pl->room_ext;
	cut_day(dg, (dg->tline + dg->l->daygrid.v_padding +
	    2 * dg->l->daygrid.gap) / dg->dmin, h, pl);
	return 0;
}

/* Time across: rooms down in groups as high as the rows allow. */
static int
plan_across(struct daygrid *dg, struct plan *pl)
{
	const struct daygrid_styles *st = dg->st;
	double lane_min = dg->l->daygrid.lane * at_min(st->title).size, row_min, nw, h;
	size_t r;
	int cap;

	pl->axis_ext = line_height(dg, st->time, 1) + 2 * dg->pad;
	pl->room_ext = 0;
	for (r = 0; r < dg->nrooms; r++) {
		nw = text_width(dg->pdf, st->room, TEXT_BOLD, st->room->size,
		    room_name(dg, r));
		if (nw > pl->room_ext)
			pl->room_ext = nw;
	}
	pl->room_ext = fmin(pl->room_ext, dg->w * 0.28) + 2 * dg->pad;
	row_min = ROW_LINES * dg->tline + dg->l->daygrid.v_padding +
	    2 * dg->l->daygrid.gap;
	pl->lane_max = ROW_MAX * row_min;
	h = dg->h - dg->head_h - pl->axis_ext;
	cap = (int)floor(h / row_min + EPS);
	group_rooms(dg, cap > 0 ? cap : 1, pl);
	cut_day(dg, lane_min / dg->dmin, dg->w - pl->room_ext, pl);
	return 0;
}

static void
plan_free(struct plan *pl)
{
	free(pl->g);
	free(pl->c);
	memset(pl, 0, sizeof(*pl));
}

/*
 * The pages of the plan on which some session starts; on the others the
 * grid would be empty, or show only the ends of sessions whose words are
 * on the page before.
 */
static void
list_pages(struct daygrid *dg)
{
	const struct plan *pl = &dg->plan;
	size_t ci, gi, i;

	free(dg->pages);
	dg->pages = xcalloc(pl->ng * pl->nc + 1, sizeof(*dg->pages));
	dg->npages = 0;
	for (ci = 0; ci < pl->nc; ci++)
		for (gi = 0; gi < pl->ng; gi++) {
			const struct group *g = &pl->g[gi];
			const struct part *c = &pl->c[ci];

			for (i = 0; i < dg->ns; i++)
				if (dg->s[i].room >= g->room0 &&
				    dg->s[i].room < g->room0 + g->nrooms &&
				    dg->s[i].start >= c->t0 &&
				    dg->s[i].start < c->t1)
					break;
			if (i < dg->ns)
				dg->pages[dg->npages++] =
				    (struct page_ref){ gi, ci };
		}
}

/* Plans the pages, rooms down or, when that takes fewer, across. */
static int
plan_pages(struct daygrid *dg)
{
	struct plan across = { 0 };

	dg->transposed = 0;
	if (plan_down(dg, &dg->plan) == -1 || plan_across(dg, &across) == -1) {
		plan_free(&across);
		return -1;
	}
	if (across.ng * across.nc < dg->plan.ng * dg->plan.nc) {
		plan_free(&dg->plan);
		dg->plan = across;
		dg->transposed = 1;
	} else
		plan_free(&across);
	list_pages(dg);
	return 0;
}

/*
 * Makes room under the grid for the legend of the day's tracks when that
 * costs no page (a booklet is paid by the page), else goes without it.
 */
static int
with_legend(struct daygrid *dg)
{
	struct plan without = dg->plan;
	int transposed = dg->transposed, n = daygrid_npages(dg);

	memset(&dg->plan, 0, sizeof(dg->plan));
	/* Its rows and a line's gap above them. */
	dg->legend_h = (legend(dg, NULL, 0) + 1) *
	    dg->l->daygrid.legend_lead * dg->xline;
	dg->h -= dg->legend_h;
	if (plan_pages(dg) == -1) {
		plan_free(&without);
		return -1;
	}
	if (daygrid_npages(dg) <= n) {
		plan_free(&without);
		return 0;
	}
	plan_free(&dg->plan);
	dg->plan = without;
	dg->transposed = transposed;
	dg->h += dg->legend_h;
	dg->legend_h = 0;
	dg->ntracks = 0;
	list_pages(dg);
	return 0;
}

struct colour
daygrid_rule(const struct layout *l)
{
	const struct colour *c = layout_colour(l, "rule");

	return c != NULL ? *c : (struct colour){ COLOUR_RGB,
	    { 0.6, 0.6, 0.6, 0 } };
}

struct daygrid *
daygrid_new(struct pdf *pdf, const struct programme *p,
    const struct layout *l, const char *lang,
    const struct daygrid_styles *st, const char *date, const char *heading,
    double w, double h)
{
	struct daygrid *dg = xcalloc(1, sizeof(*dg));
	const struct colour *c;
	double hl;

	dg->pdf = pdf;
	dg->p = p;
	dg->l = l;
	dg->lang = lang;
	dg->st = st;
	dg->rule = daygrid_rule(l);
	c = layout_colour(l, "grid-head");
	dg->head = c != NULL ? *c : (struct colour){ COLOUR_RGB,
	    { 0.92, 0.92, 0.92, 0 } };
	dg->heading = xstrdup(heading);
	dg->w = w;
	dg->h = h;
	dg->pad = l->daygrid.padding * st->title->size;
	collect(dg, date);
	assign_lanes(dg);
	if ((hl = line_height(dg, st->heading, 1)) < 0 ||
	    (dg->tline = line_height(dg, st->title, 0)) < 0 ||
	    (dg->xline = line_height(dg, st->text, 0)) < 0)
		goto fail;
	dg->head_h = hl + l->daygrid.head * st->heading->size;
	if (dg->ns == 0)
		return dg;
	collect_tracks(dg);
	if (plan_pages(dg) == -1 || (dg->ntracks > 0 && with_legend(dg) == -1))
		goto fail;
	return dg;
fail:
	daygrid_free(dg);
	return NULL;
}

int
daygrid_npages(const struct daygrid *dg)
{
	return (int)dg->npages;
}

int
daygrid_transposed(const struct daygrid *dg)
{
	return dg->transposed;
}

void
daygrid_free(struct daygrid *dg)
{
	if (dg == NULL)
		return;
	plan_free(&dg->plan);
	free(dg->s);
	free(dg->rooms);
	free(dg->heading);
	free(dg->tracks);
	free(dg->pages);
	free(dg);
}

/* === DRAWING === */

/* The colour of a track: the programme's, the layout's, or the palette's. */
static struct colour
track_colour(const struct daygrid *dg, const struct track *t)
{
	struct colour c = { COLOUR_RGB, { 0.62, 0.62, 0.62, 0 } };
	const struct colour *lc;
	char *key;

	if (t == NULL)
		return c;
	if (t->colour != NULL && layout_parse_colour(t->colour, &c) == 0)
		return c;
	key = xasprintf("track.%s", t->id);
	lc = layout_colour(dg->l, key);
	free(key);
	if (lc != NULL)
		return *lc;
	layout_parse_colour(palette[(size_t)(t - dg->p->tracks) %
	    (sizeof(palette) / sizeof(palette[0]))], &c);
	return c;
}

/* c mixed with the paper: share of it, the rest white. */
static struct colour
tint(struct colour c, double share)
{
	int i;

	for (i = 0; i < (c.space == COLOUR_CMYK ? 4 : 3); i++)
		c.v[i] = c.space == COLOUR_CMYK ? c.v[i] * share :
		    1 - (1 - c.v[i]) * share;
	return c;
}

/* Draws tb at (x, y) through the sink; NULL: reported already. */
static int
put(const struct daygrid_sink *k, struct text_block *tb, double x,
    double y)
{
	if (tb == NULL)
		return -1;
	return k->text(k->arg, tb, x, y);
}

/* The rectangle of minutes [a, b) and lanes [l0, l0 + nl) on the page. */
static void
place(const struct daygrid *dg, const struct frame *fr, int a, int b,
    double l0, double nl, double r[4])
{
	double t = (a - fr->c->t0) * fr->scale, len = (b - a) * fr->scale;

	if (!dg->transposed) {
		r[0] = fr->gx + l0 * fr->lane;
		r[1] = fr->gy + t;
		r[2] = nl * fr->lane;
		r[3] = len;
	} else {
		r[0] = fr->gx + t;
		r[1] = fr->gy + l0 * fr->lane;
		r[2] = len;
		r[3] = nl * fr->lane;
	}
}

/* Lanes before room r in the page's group. */
static int
lanes_before(const struct daygrid *dg, const struct group *g, size_t r)
{
	int n = 0;
	size_t i;

	for (i = g->room0; i < r; i++)
		n += dg->rooms[i].lanes;
	return n;
}

/* The day's heading and, when it takes several pages, "Teil 2/6". */
static int
heading(const struct daygrid *dg, const struct daygrid_sink *k, int part,
    int nparts)
{
	struct text_style right = *dg->st->heading;
	double mw = 0;
	char *m;
	int rc = 0;

	if (nparts > 1) {
		m = xasprintf("%s\u00a0%d/%d", label(dg, "part"), part + 1,
		    nparts);
		right.align = ALIGN_RIGHT;
		mw = text_width(dg->pdf, &right, TEXT_REGULAR, right.size, m) +
		    right.size;
		rc = put(k, fit(dg, &right, TEXT_REGULAR, m, mw, dg->head_h, 1,
		    NULL, "part"), dg->w - mw, 0);
		free(m);
	}
	if (rc == 0)
		rc = put(k, fit(dg, dg->st->heading, TEXT_REGULAR, dg->heading,
		    dg->w - mw, dg->head_h, 1, NULL, "heading"), 0, 0);
	return rc;
}

/* The room names: a row above the grid, or a column left of it. */
static int
room_heads(const struct daygrid *dg, const struct daygrid_sink *k,
    const struct frame *fr)
{
	const struct group *g = fr->g;
	double pad = dg->pad, r[4], x, y, w, h;
	size_t i;
	int off = 0, rc = 0;

	if (!dg->transposed)
		rc = k->rect(k->arg, fr->gx, dg->head_h, fr->gw,
		    dg->plan.room_ext, &dg->head);
	else
		rc = k->rect(k->arg, 0, fr->gy, dg->plan.room_ext, g->lanes *
		    fr->lane, &dg->head);
	for (i = g->room0; i < g->room0 + g->nrooms && rc == 0; i++) {
		place(dg, fr, fr->c->t0, fr->c->t0, off, dg->rooms[i].lanes, r);
		if (!dg->transposed) {
			x = r[0] + pad;
			y = dg->head_h + pad;
			w = r[2] - 2 * pad;
			h = dg->plan.room_ext - 2 * pad;
		} else {
			x = pad;
			y = r[1] + pad;
			w = dg->plan.room_ext - 2 * pad;
			h = r[3] - 2 * pad;
		}
		rc = put(k, fit(dg, dg->st->room, TEXT_BOLD, room_name(dg, i),
		    w, h, HEAD_LINES, dg->rooms[i].r ? &dg->rooms[i].r->pos :
		    NULL, "room.name"), x, y);
		/* A rule between rooms, through the header. */
		if (rc == 0 && off > 0)
			rc = !dg->transposed ? k->line(k->arg, r[0], dg->head_h,
			    0, fr->gy + fr->gh - dg->head_h, &dg->rule,
			    dg->l->daygrid.rule) : k->line(k->arg, 0, r[1],
			    fr->gx + fr->gw, 0, &dg->rule,
			    dg->l->daygrid.rule);
		off += dg->rooms[i].lanes;
	}
	return rc;
}

/* "09:00" at minute t of the axis. */
static int
axis_label(const struct daygrid *dg, const struct daygrid_sink *k,
    const struct frame *fr, int t)
{
	double r[4];
	char *s = xasprintf("%02d:%02d", t / 60 % 24, t % 60);
	struct text_block *tb = fit(dg, dg->st->time, TEXT_REGULAR, s, 1e4,
	    1e4, 1, NULL, "time");
	int rc;

	free(s);
	if (tb == NULL)
		return -1;
	place(dg, fr, t, t, 0, 0, r);
	if (!dg->transposed && r[1] + 1 + text_height(tb) <= fr->gy + fr->gh)
		rc = k->text(k->arg, tb, dg->pad, r[1] + 1);
	else if (dg->transposed && r[0] + 2 + text_line_width(tb, 0) <=
	    fr->gx + fr->gw)
		rc = k->text(k->arg, tb, r[0] + 2, dg->head_h + dg->pad);
	else {
		text_block_free(tb);
		rc = 0;
	}
	return rc;
}

/* The time axis: labels at the hours, rules at hours and half hours. */
static int
axis(const struct daygrid *dg, const struct daygrid_sink *k,
    const struct frame *fr)
{
	const struct part *c = fr->c;
	const struct layout_daygrid *lk = &dg->l->daygrid;
	struct colour half = tint(dg->rule, lk->half_tint);
	double r[4], room = dg->transposed ? 4 * dg->st->time->size :
	    2 * dg->xline;
	int t, step = 30 * fr->scale >= room ? 30 : 60, rc;

	rc = axis_label(dg, k, fr, c->t0);
	for (t = (c->t0 / step + 1) * step; t < c->t1 && rc == 0; t += step) {
		place(dg, fr, t, t, 0, 0, r);
		if (!dg->transposed)
			rc = k->line(k->arg, 0, r[1], fr->gx + fr->gw, 0,
			    t % 60 ? &half : &dg->rule, t % 60 ?
			    lk->half_hour : lk->hour);
		else
			rc = k->line(k->arg, r[0], dg->head_h, 0, fr->gy +
			    fr->gh - dg->head_h, t % 60 ? &half : &dg->rule,
			    t % 60 ? lk->half_hour : lk->hour);
		if (rc == 0 && (t % 60 == 0 || step == 30) && (t - c->t0) *
		    fr->scale >= room)
			rc = axis_label(dg, k, fr, t);
	}
	return rc;
}

/* "Tanja Krins, Peter Adelskamp"; NULL when f has no speakers. */
static char *
speakers(const struct forum *f)
{
	struct buf b = { 0 };
	char *name;
	size_t i;

	for (i = 0; i < f->nspeakers; i++) {
		name = person_full_name(f->speakers[i]);
		buf_add_item(&b, i, ", ", name);
		free(name);
	}
	return f->nspeakers > 0 ? buf_take(&b) : NULL;
}

/*
 * "10:30–10:50 · S. 26", the session's time and reference, or "10:30 ·
 * S. 26" when that does not fit w in st.
 */
static char *
meta(const struct daygrid *dg, const struct daygrid_sink *k,
    const struct forum *f, const struct text_style *st, double w)
{
	char *t = when_time(f->slot), *ref = k->ref ? k->ref(k->arg, f) :
	    NULL, *s;

	s = ref != NULL ? xasprintf("%s \u00b7 %s", t, ref) : xstrdup(t);
	if (text_width(dg->pdf, st, TEXT_REGULAR, st->size, s) > w) {
		free(s);
		t[5] = '\0';	/* "10:30" */
		s = ref != NULL ? xasprintf("%s \u00b7 %s", t, ref) :
		    xstrdup(t);
	}
	free(t);
	free(ref);
	return s;
}

/* The style at size, fitting no further. */
static struct text_style
at_size(const struct text_style *st, double size)
{
	struct text_style s = *st;

	s.size = s.min_size = size;
	return s;
}

/*
 * The words of session f in the box x, y, w, h: its title, and where
 * there is room its time and reference above it and its speakers below.
 * Titles and the rest come in the page's sizes, or their smallest in a
 * cell too short for a line of the page's title, so the grid reads as
 * one.
 */
static int
cell_text(const struct daygrid *dg, const struct daygrid_sink *k,
    const struct frame *fr, const struct forum *f, double x, double y,
    double w, double h)
{
	const struct daygrid_styles *st = dg->st;
	int big = h + EPS >= fr->tline;
	struct text_style title = big ? fr->title : at_min(st->title),
	    text = big ? fr->text : at_min(st->text);
	double tl = big ? fr->tline : dg->tline, xl = big ? fr->xline :
	    dg->xline, top = y, room, gap;
	struct text_block *tb;
	char *s, *names = NULL;
	int rc = 0;

	if (w < 2 * title.size || h + EPS < tl)
		return 0;
	/* The title first: the time above it only when both fit whole. */
	if ((tb = fit(dg, &title, TEXT_BOLD, f->title, w, h - xl, 0, &f->pos,
	    "forum.title")) != NULL && h + EPS >= tl + xl &&
	    !text_shortened(tb)) {
		s = meta(dg, k, f, &text, w);
		rc = put(k, fit(dg, &text, TEXT_REGULAR, s, w, xl, 1, &f->pos,
		    "forum"), x, top);
		free(s);
		top += xl;
	} else {
		text_block_free(tb);
		tb = fit(dg, &title, TEXT_BOLD, f->title, w, h, 0, &f->pos,
		    "forum.title");
	}
	if (rc == -1 || tb == NULL) {
		text_block_free(tb);
		return -1;
	}
	/* The speakers where the title leaves a line. */
	room = y + h - top;
	gap = text_height(tb) + dg->pad * dg->l->daygrid.speakers;
	if (!text_shortened(tb) && room - gap + EPS >= xl)
		names = speakers(f);
	rc = k->text(k->arg, tb, x, top);
	top += gap;
	if (rc == 0 && names != NULL)
		rc = put(k, fit(dg, &text, TEXT_REGULAR, names, w, y + h - top,
		    0, &f->pos, "forum.speakers"), x, top);
	free(names);
	return rc;
}

/*
 * Where session s lies on the page: the cell r (x, y, w, h) and the box
 * of its words t.  Returns 0 when it is not on the page.
 */
static int
cell_box(const struct daygrid *dg, const struct frame *fr,
    const struct sess *s, double r[4], double t[4])
{
	const struct layout_daygrid *lk = &dg->l->daygrid;
	int off = lanes_before(dg, fr->g, s->room), a, b;
	double per = (double)dg->rooms[s->room].lanes / s->nlanes,
	    stripe = lk->stripe * dg->st->title->size;

	a = s->start > fr->c->t0 ? s->start : fr->c->t0;
	b = s->end < fr->c->t1 ? s->end : fr->c->t1;
	if (b <= a)
		return 0;
	place(dg, fr, a, b, off + s->lane * per, per, r);
	r[0] += lk->gap;
	r[1] += lk->gap;
	r[2] -= 2 * lk->gap;
	r[3] -= 2 * lk->gap;
	t[0] = r[0] + stripe + dg->pad;
	t[1] = r[1] + lk->v_padding / 2;
	t[2] = r[2] - stripe - 2 * dg->pad;
	t[3] = r[3] - lk->v_padding;
	return r[2] > 0 && r[3] > 0;
}

/*
 * Session s on the page: a cell in its track's tint with a stripe of the
 * colour itself, and its words unless it only continues from the page
 * before (words: 0).
 */
static int
cell(const struct daygrid *dg, const struct daygrid_sink *k,
    const struct frame *fr, const struct sess *s, int words)
{
	struct colour c = track_colour(dg, s->f->track),
	    fill = tint(c, dg->l->daygrid.tint);
	double r[4], t[4];

	if (!cell_box(dg, fr, s, r, t))
		return 0;
	if (k->rect(k->arg, r[0], r[1], r[2], r[3], &fill) == -1 ||
	    k->rect(k->arg, r[0], r[1], fmin(dg->l->daygrid.stripe *
	    dg->st->title->size, r[2]), r[3], &c) == -1)
		return -1;
	if (!words)
		return 0;
	if (k->cell != NULL && k->cell(k->arg, s->f, r[0], r[1], r[2],
	    r[3]) == -1)
		return -1;
	return cell_text(dg, k, fr, s->f, t[0], t[1], t[2], t[3]);
}

/* Whether s starts on the page (its words are there). */
static int
starts_on(const struct frame *fr, const struct sess *s)
{
	return s->room >= fr->g->room0 &&
	    s->room < fr->g->room0 + fr->g->nrooms &&
	    s->start >= fr->c->t0 && s->start < fr->c->t1;
}

/* How many of the page's titles fit their cells whole at size. */
static size_t
titles_fitting(const struct daygrid *dg, const struct frame *fr,
    double size)
{
	struct text_style st = at_size(dg->st->title, size);
	struct text_block *tb;
	double r[4], t[4];
	size_t i, n = 0;

	for (i = 0; i < dg->ns; i++) {
		if (!starts_on(fr, &dg->s[i]) || !cell_box(dg, fr, &dg->s[i],
		    r, t))
			continue;
		if ((tb = fit(dg, &st, TEXT_BOLD, dg->s[i].f->title, t[2],
		    t[3], 0, NULL, "forum.title")) == NULL)
			continue;
		n += !text_shortened(tb);
		text_block_free(tb);
	}
	return n;
}

/*
 * The page's sizes: the largest title size in the style's range (half
 * points) at which at least FIT_SHARE of the titles starting on the page
 * fit whole, and the text size as far along its range.
 */
static void
page_sizes(const struct daygrid *dg, struct frame *fr)
{
	const struct text_style *ts = dg->st->title, *xs = dg->st->text;
	double lo = at_min(ts).size, hi = ts->size, share;
	size_t i, n = 0, steps = (size_t)floor((hi - lo) / SIZE_STEP + EPS),
	    a = 0, b = steps, mid;

	for (i = 0; i < dg->ns; i++)
		n += starts_on(fr, &dg->s[i]);
	/* Smallest step from the top (largest size) at which enough fit. */
	while (a < b) {
		mid = (a + b) / 2;
		if (titles_fitting(dg, fr, hi - mid * SIZE_STEP) + EPS >=
		    FIT_SHARE * n)
			b = mid;
		else
			a = mid + 1;
	}
	fr->title = at_size(ts, a < steps ? hi - a * SIZE_STEP : lo);
	share = hi > lo ? (fr->title.size - lo) / (hi - lo) : 1;
	fr->text = at_size(xs, at_min(xs).size + share * (xs->size -
	    at_min(xs).size));
	fr->tline = dg->tline * fr->title.size / lo;
	fr->xline = dg->xline * fr->text.size / at_min(xs).size;
}

/* The page of group g and part c. */
static int
draw_page(const struct daygrid *dg, const struct daygrid_sink *k,
    const struct group *g, const struct part *c, int part, int nparts)
{
	const struct plan *pl = &dg->plan;
	struct frame fr;
	size_t i;
	int rc;

	memset(&fr, 0, sizeof(fr));
	fr.g = g;
	fr.c = c;
	fr.gx = dg->transposed ? pl->room_ext : pl->axis_ext;
	fr.gy = dg->head_h + (dg->transposed ? pl->axis_ext : pl->room_ext);
	fr.gw = dg->w - fr.gx;
	fr.gh = dg->h - fr.gy;
	if (!dg->transposed) {
		fr.scale = fr.gh / (c->t1 - c->t0);
		fr.lane = fr.gw / g->lanes;
	} else {
		fr.scale = fr.gw / (c->t1 - c->t0);
		fr.lane = fmin(fr.gh / g->lanes, pl->lane_max);
		fr.gh = fr.lane * g->lanes;
	}
	page_sizes(dg, &fr);
	if (k->page(k->arg, part, nparts) == -1 ||
	    heading(dg, k, part, nparts) == -1 ||
	    room_heads(dg, k, &fr) == -1 || axis(dg, k, &fr) == -1 ||
	    (dg->ntracks > 0 && legend(dg, k, dg->h +
	    dg->l->daygrid.legend_lead * dg->xline) == -1))
		return -1;
	for (i = 0, rc = 0; i < dg->ns && rc == 0; i++) {
		const struct sess *s = &dg->s[i];

		if (s->room < g->room0 || s->room >= g->room0 + g->nrooms)
			continue;
		if (s->start >= c->t0 && s->start < c->t1)
			rc = cell(dg, k, &fr, s, 1);
		else if (s->start < c->t0 && s->end > c->t0)
			rc = cell(dg, k, &fr, s, 0);
	}
	return rc;
}

int
daygrid_draw(const struct daygrid *dg, const struct daygrid_sink *k)
{
	const struct plan *pl = &dg->plan;
	size_t i;

	for (i = 0; i < dg->npages; i++)
		if (draw_page(dg, k, &pl->g[dg->pages[i].g],
		    &pl->c[dg->pages[i].c], (int)i, (int)dg->npages) == -1)
			return -1;
	return 0;
}
