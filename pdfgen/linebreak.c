/*
 * Implementation of linebreak.h.  Widths of any stretch of items come from
 * prefix sums, so a line's measure is two subtractions; the active list
 * holds the feasible breaks that may still start a line.
 */
#include <math.h>
#include <stdlib.h>

#include "internal.h"
#include "linebreak.h"
#include "util.h"

/* Demerits that make an overfull line the very last resort. */
#define OVERFULL_DEMERITS 1e12

struct node {
	size_t		 pos;		/* break item; (size_t)-1: the start */
	size_t		 prev;		/* index into nodes; (size_t)-1: none */
	double		 total;		/* demerits up to here */
	double		 ratio;		/* of the line that ends here */
	int		 fitness;
	int		 flagged;
	int		 overfull;
};

struct sums {
	double		*w, *y, *z;	/* of items [0..i) */
};

void
lb_params_init(struct lb_params *p, double width, double rightskip)
{
	p->width = width;
	p->tolerance = 2;
	p->rightskip = rightskip;
	p->line_penalty = 10;
	p->flagged_demerits = 3000;
	p->fitness_demerits = 3000;
}

static void
sums_init(struct sums *s, const struct lb_item *it, size_t n)
{
	size_t i;

	s->w = xreallocarray(NULL, 3 * (n + 1), sizeof(double));
	s->y = s->w + n + 1;
	s->z = s->y + n + 1;
	s->w[0] = s->y[0] = s->z[0] = 0;
	for (i = 0; i < n; i++) {
		s->w[i + 1] = s->w[i];
		s->y[i + 1] = s->y[i];
		s->z[i + 1] = s->z[i];
		if (it[i].kind == LB_PENALTY)
			continue;
		s->w[i + 1] += it[i].width;
		if (it[i].kind == LB_GLUE) {
			s->y[i + 1] += it[i].stretch;
			s->z[i + 1] += it[i].shrink;
		}
	}
}

static void
sums_release(struct sums *s)
{
	free(s->w);	/* y and z live in the same block */
}

size_t
lb_line_start(const struct lb_item *it, size_t n, size_t b)
{
	size_t j = b == (size_t)-1 ? 0 : b + 1;

	while (j < n && it[j].kind != LB_BOX && !(it[j].kind == LB_PENALTY &&
	    it[j].penalty <= -LB_INF))
		j++;
	return j;
}

/* Whether the algorithm may break at item i. */
static int
legal(const struct lb_item *it, size_t i)
{
	if (it[i].kind == LB_GLUE)
		return i > 0 && it[i - 1].kind == LB_BOX &&
		    it[i].stretch < LB_FILL;
	return it[i].kind == LB_PENALTY && it[i].penalty < LB_INF;
}

static double
ratio_of(const struct lb_item *it, const struct sums *s, size_t from,
    size_t to, const struct lb_params *p)
{
	double l, y, z;

	l = s->w[to] - s->w[from];
	if (it[to].kind == LB_PENALTY)
		l += it[to].width;
	y = s->y[to] - s->y[from] + p->rightskip;
	z = s->z[to] - s->z[from];
	if (fabs(l - p->width) < 1e-9)
		return 0;
	if (l < p->width)
		return y > 0 ? (p->width - l) / y : INFINITY;
	return z > 0 ? (p->width - l) / z : -INFINITY;
}

static int
fitness_of(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

/*
 * Demerits of a line that is not overfull (r >= -1).  Badness is capped
 * at LB_INF as in TeX, except in the second pass (uncapped), where every
 * line may be too loose and the least loose ones should still win.
 */
static double
demerits(const struct lb_item *it, size_t to, const struct lb_params *p,
    double r, int prev_flagged, int prev_fitness, int uncapped)
{
	double b, d, pen;
	int flagged;

	b = 100 * fabs(r * r * r);
	if (isinf(r))
		b = uncapped ? 1e12 : LB_INF;
	else if (!uncapped)
		b = fmin(b, LB_INF);
	d = (p->line_penalty + b) * (p->line_penalty + b);
	pen = it[to].kind == LB_PENALTY ? it[to].penalty : 0;
	if (pen > 0)
		d += pen * pen;
	else if (pen > -LB_INF)
		d -= pen * pen;
	flagged = it[to].kind == LB_PENALTY && it[to].flagged;
	if (flagged && prev_flagged)
		d += p->flagged_demerits;
	if (prev_fitness >= 0 && abs(fitness_of(r) - prev_fitness) > 1)
		d += p->fitness_demerits;
	return d;
}

static void
result_fill(struct lb_result *res, const struct node *nodes, size_t last)
{
	size_t k, i;

	res->nlines = 0;
	for (i = last; nodes[i].prev != (size_t)-1; i = nodes[i].prev)
		res->nlines++;
	res->breaks = xreallocarray(NULL, res->nlines ? res->nlines : 1,
	    sizeof(size_t));
	res->ratios = xreallocarray(NULL, res->nlines ? res->nlines : 1,
	    sizeof(double));
	res->demerits = nodes[last].total;
	res->overfull = 0;
	k = res->nlines;
	for (i = last; nodes[i].prev != (size_t)-1; i = nodes[i].prev) {
		k--;
		res->breaks[k] = nodes[i].pos;
		res->ratios[k] = nodes[i].ratio;
		res->overfull += nodes[i].overfull;
	}
}

/*
 * One pass of total fit.  pass 1 keeps lines within tolerance, pass 2
 * takes any line that is not overfull, pass 3 any line at all.  Returns
 * the node of the final break, or (size_t)-1 when the pass found none.
 */
static size_t
pass(const struct lb_item *it, size_t n, const struct sums *s,
    const struct lb_params *p, int passno, struct node **nodesp,
    size_t *nnodes)
{
	struct node *nodes;
	size_t *active, nactive, cap = 64, acap = 64, i, k, keep;
	size_t best_node[4];
	double best[4], best_r[4];
	int best_over[4], c;

	nodes = xreallocarray(NULL, cap, sizeof(*nodes));
	nodes[0] = (struct node){ (size_t)-1, (size_t)-1, 0, 0, 1, 0, 0 };
	*nnodes = 1;
	active = xreallocarray(NULL, acap, sizeof(*active));
	active[0] = 0;
	nactive = 1;
	for (i = 0; i < n && nactive > 0; i++) {
		if (!legal(it, i))
			continue;
		for (c = 0; c < 4; c++)
			best[c] = INFINITY;
		keep = 0;
		for (k = 0; k < nactive; k++) {
			struct node *a = &nodes[active[k]];
			size_t from = lb_line_start(it, n, a->pos);
			double r, d;
			int over = 0, drop = 0;

			if (from > i || (from == i &&
			    it[i].kind != LB_PENALTY)) {
				active[keep++] = active[k];
				continue;
			}
			r = ratio_of(it, s, from, i, p);
			if (r < -1 || (it[i].kind == LB_PENALTY &&
			    it[i].penalty <= -LB_INF))
				drop = 1;
			if (r < -1) {
				if (passno < 3)
					goto next;
				over = 1;
				d = OVERFULL_DEMERITS * (1 + (s->w[i] -
				    s->w[from] - p->width));
			} else if (passno == 1 && r > p->tolerance)
				goto next;
			else
				d = demerits(it, i, p, r, a->flagged,
				    a->fitness, passno > 1);
			c = over ? 0 : fitness_of(r);
			if (a->total + d < best[c]) {
				best[c] = a->total + d;
				best_node[c] = active[k];
				best_r[c] = r;
				best_over[c] = over;
			}
next:
			if (!drop)
				active[keep++] = active[k];
		}
		nactive = keep;
		for (c = 0; c < 4; c++) {
			if (isinf(best[c]))
				continue;
			if (*nnodes == cap) {
				cap *= 2;
				nodes = xreallocarray(nodes, cap,
				    sizeof(*nodes));
			}
			nodes[*nnodes] = (struct node){ i, best_node[c],
			    best[c], best_r[c], c, it[i].kind == LB_PENALTY &&
			    it[i].flagged, best_over[c] };
			if (nactive == acap) {
				acap *= 2;
				active = xreallocarray(active, acap,
				    sizeof(*active));
			}
			active[nactive++] = (*nnodes)++;
		}
	}
	*nodesp = nodes;
	free(active);
	/* The last node created at the final (forced) item, best total. */
	keep = (size_t)-1;
	for (k = 1; k < *nnodes; k++)
		if (nodes[k].pos == n - 1 && (keep == (size_t)-1 ||
		    nodes[k].total < nodes[keep].total))
			keep = k;
	return keep;
}

static int
well_formed(const struct lb_item *it, size_t n)
{
	return n > 0 && it[n - 1].kind == LB_PENALTY &&
	    it[n - 1].penalty <= -LB_INF;
}

/*
 * Whether the whole paragraph on one line is what total fit would choose,
 * without running it (most texts on badges and signs are one line): when
 * the line's badness 100 r^3 is below 1, its demerits are below
 * (line_penalty + 1)^2, and with no negative penalty and line_penalty >= 3
 * any two lines cost more, at least 2 line_penalty^2.  Total fit must
 * also reach the end from the start: no break before it may be overfull
 * (with its hyphen).  Sets *ratio to the line's adjustment ratio.
 */
static int
one_line(const struct lb_item *it, size_t n, const struct sums *s,
    const struct lb_params *p, double *ratio)
{
	size_t i, from = lb_line_start(it, n, (size_t)-1);

	if (p->line_penalty < 3)
		return 0;
	for (i = 0; i + 1 < n; i++) {
		if (it[i].kind == LB_PENALTY && it[i].penalty < 0)
			return 0;
		/* Total fit drops the start when a break before is overfull. */
		if (i >= from && legal(it, i) &&
		    ratio_of(it, s, from, i, p) < -1)
			return 0;
	}
	*ratio = ratio_of(it, s, from, n - 1, p);
	return *ratio >= 0 && *ratio <= p->tolerance &&
	    100 * *ratio * *ratio * *ratio < 1;
}

int
lb_total_fit(const struct lb_item *it, size_t n, const struct lb_params *p,
    struct lb_result *res)
{
	struct node *nodes = NULL;
	struct sums s;
	size_t nnodes, last = (size_t)-1;
	double r;
	int passno;

	if (!well_formed(it, n))
		return -1;
	sums_init(&s, it, n);
	if (one_line(it, n, &s, p, &r)) {
		/* As pass 1 would fill it, from the start node (fitness 1). */
		res->nlines = 1;
		res->breaks = xreallocarray(NULL, 1, sizeof(size_t));
		res->ratios = xreallocarray(NULL, 1, sizeof(double));
		res->breaks[0] = n - 1;
		res->ratios[0] = r;
		res->demerits = 0 + demerits(it, n - 1, p, r, 0, 1, 0);
		res->overfull = 0;
		res->pass = 1;
		sums_release(&s);
		return 0;
	}
	for (passno = 1; passno <= 3 && last == (size_t)-1; passno++) {
		free(nodes);
		last = pass(it, n, &s, p, passno, &nodes, &nnodes);
	}
	result_fill(res, nodes, last);
	res->pass = passno - 1;
	free(nodes);
	sums_release(&s);
	return 0;
}

int
lb_first_fit(const struct lb_item *it, size_t n, const struct lb_params *p,
    struct lb_result *res)
{
	struct sums s;
	size_t i, from = 0, cand = (size_t)-1, cap = 16;
	double r, d;
	int flagged = 0, fitness = -1;

	if (!well_formed(it, n))
		return -1;
	sums_init(&s, it, n);
	res->nlines = 0;
	res->demerits = 0;
	res->overfull = 0;
	res->pass = 0;
	res->breaks = xreallocarray(NULL, cap, sizeof(size_t));
	res->ratios = xreallocarray(NULL, cap, sizeof(double));
	for (i = 0; i < n; i++) {
		size_t b;

		if (!legal(it, i) || i < from)
			continue;
		r = ratio_of(it, &s, from, i, p);
		if (r >= -1 && !(it[i].kind == LB_PENALTY &&
		    it[i].penalty <= -LB_INF)) {
			cand = i;	/* still fits: look further */
			continue;
		}
		/* Overfull, or the end: break at the last break that fitted. */
		b = r < -1 && cand != (size_t)-1 ? cand : i;
		r = ratio_of(it, &s, from, b, p);
		if (r < -1) {
			res->overfull++;
			d = OVERFULL_DEMERITS;
		} else
			d = demerits(it, b, p, r, flagged, fitness, 0);
		if (res->nlines == cap) {
			cap *= 2;
			res->breaks = xreallocarray(res->breaks, cap,
			    sizeof(size_t));
			res->ratios = xreallocarray(res->ratios, cap,
			    sizeof(double));
		}
		res->breaks[res->nlines] = b;
		res->ratios[res->nlines++] = r;
		res->demerits += d;
		flagged = it[b].kind == LB_PENALTY && it[b].flagged;
		fitness = fitness_of(r);
		from = lb_line_start(it, n, b);
		cand = (size_t)-1;
		if (b != i)
			i = b;	/* look at the items after the break again */
	}
	sums_release(&s);
	return 0;
}

void
lb_result_release(struct lb_result *res)
{
	free(res->breaks);
	free(res->ratios);
	res->breaks = NULL;
	res->ratios = NULL;
	res->nlines = 0;
}
