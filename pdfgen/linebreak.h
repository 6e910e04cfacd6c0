/*
 * Line breaking over boxes, glue and penalties (Knuth and Plass, "Breaking
 * Paragraphs into Lines", 1981): total fit, which chooses the breaks of a
 * whole paragraph at once by least total demerits, and greedy first fit
 * for comparison.  The items know nothing of text; text.c builds them.
 *
 * Ragged-right setting follows TeX's \rightskip: interword glue without
 * stretch, and params.rightskip stretch added to every line, so that the
 * algorithm evens out the ragged edge.  A paragraph ends with the usual
 * glue of infinite stretch (LB_FILL) and a forced break.
 *
 * When no set of breaks keeps every line within tolerance, a second pass
 * accepts any loose line, and a last pass accepts overfull lines (only a
 * single box wider than the line can cause one: text.c gives long words
 * emergency break points).
 *
 * For the typesetting core (text.c) and its tests.
 */
#ifndef PDFGEN_LINEBREAK_H
#define PDFGEN_LINEBREAK_H

#include <stddef.h>

enum lb_kind {
	LB_BOX,			/* something to draw: a word or part of it */
	LB_GLUE,		/* a space that may stretch or shrink */
	LB_PENALTY		/* a possible break with a cost */
};

#define LB_INF		10000	/* penalty: >= never break, <= -LB_INF always */
#define LB_FILL		1e6	/* stretch that fills any line (last line) */

struct lb_item {
	enum lb_kind	 kind;
	double		 width;		/* points; a penalty's is drawn only when broken */
	double		 stretch;	/* points, glue only */
	double		 shrink;	/* points, glue only */
	int		 penalty;	/* penalty only */
	int		 flagged;	/* penalty only: a hyphen */
};

struct lb_params {
	double		 width;		/* points, every line */
	double		 tolerance;	/* largest adjustment ratio in pass 1 (e.g. 2) */
	double		 rightskip;	/* points of stretch on every line; 0 justifies */
	int		 line_penalty;	/* added to each line's badness (TeX: 10) */
	int		 flagged_demerits; /* two hyphenated lines in a row (3000) */
	int		 fitness_demerits; /* neighbours in far fitness classes (3000) */
};

struct lb_result {
	size_t		*breaks;	/* item index where each line ends */
	double		*ratios;	/* adjustment ratio of each line */
	size_t		 nlines;
	double		 demerits;	/* total, as total fit counts them */
	int		 overfull;	/* lines wider than params.width */
	int		 pass;		/* total fit: 1 within tolerance, 2, 3 */
};

/* Sets TeX's defaults for width: tolerance 2, line penalty 10, 3000, 3000. */
void	lb_params_init(struct lb_params *, double width, double rightskip);

/*
 * Breaks items[0..n) (which must end with a forced break) by total fit.
 * Fills res (release with lb_result_release).  Returns 0, or -1 when the
 * items are malformed (no forced break at the end).
 */
int	lb_total_fit(const struct lb_item *, size_t n,
	    const struct lb_params *, struct lb_result *res);

void	lb_result_release(struct lb_result *);

/*
 * The first item of the line after a break at item b (the items after a
 * break up to the next box are discarded); 0 for b == (size_t)-1.
 */
size_t	lb_line_start(const struct lb_item *, size_t n, size_t b);

#endif
