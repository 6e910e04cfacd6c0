/*
 * Text: the one way renderers put words on a page.
 *
 * How a renderer uses it:
 *   1. Describe the text as runs (struct text_run): pieces of UTF-8 that
 *      share a variant (regular, bold, italic) and say whether they may be
 *      hyphenated (nohyphen for people's names and organisations).  The
 *      struct text_style from the layout gives family, size, leading,
 *      colour, alignment and whether ordinary words are hyphenated.
 *   2a. Running text (booklet): text_set() breaks the paragraph into
 *      lines at style->size (Knuth-Plass total fit, German or English
 *      hyphenation).  Paginate by lines: text_line_baseline() and
 *      text_range_height() tell where each line sits, so the renderer can
 *      keep two lines together (widows, orphans); text_draw() draws any
 *      range of lines with its first line's ascender at top.
 *   2b. A box (signs, badges, the booklet's cover): fitting.  text_fit()
 *      sets the text as large as it fits w x h between style->min_size
 *      and style->size, never breaking a word; if even the smallest size
 *      does not fit, it shortens the text with "…" and warns, naming the
 *      field and srcpos.  text_fit_list() does the same for texts that
 *      share one size (a sign's speakers), text_fit_size() for anything
 *      that can say whether it fits at a size (a badge's name in its
 *      forms).  All of them try the same sizes (TEXT_FIT_STEP apart) and
 *      find the largest by bisection.
 *   3. text_draw() returns the box the text occupies (ascender to
 *      descender, first to last drawn advance), so nothing leaves its box.
 * Characters no font has are left out (coverage.h reports them for the
 * whole programme, before anything is drawn), never drawn as boxes; control and
 * zero-width characters are removed and reported; soft hyphens only mark
 * break points.  Units are points, y grows upwards (PDF).
 *
 * For renderers.
 */
#ifndef PDFGEN_TEXT_H
#define PDFGEN_TEXT_H

#include <stddef.h>

#include "diag.h"
#include "pdf.h"
#include "style.h"

enum text_variant {
	TEXT_REGULAR,		/* the style's weight and slant */
	TEXT_BOLD,
	TEXT_ITALIC,
	TEXT_BOLD_ITALIC,
	TEXT_VARIANT__MAX
};

struct text_run {
	const char	*text;		/* UTF-8 */
	enum text_variant variant;
	int		 nohyphen;	/* a name or organisation: never hyphenate */
};

/* Where a text came from, for warnings: "forum.title" at pos. */
struct text_src {
	const struct srcpos *pos;	/* may be NULL */
	const char	*field;		/* e.g. "person.family" */
};

struct text_block;

/* The width of s (one line, one variant) at size points. */
double	text_width(struct pdf *, const struct text_style *,
	    enum text_variant, double size, const char *s);

/*
 * Breaks runs[0..nruns) into lines of width points at style->size; lang
 * ("de", "en") chooses the hyphenation patterns.  Problems with characters
 * are reported once, naming src.  Returns the block (free it with
 * text_block_free), or NULL after reporting a font problem.
 */
struct text_block *text_set(struct pdf *, const struct text_style *,
	    const char *lang, const struct text_run *runs, size_t nruns,
	    double width, const struct text_src *src);

/* Points between the sizes fitting tries. */
#define TEXT_FIT_STEP	0.5

/*
 * The largest size at which fits(arg, size) is nonzero among top,
 * top - TEXT_FIT_STEP, ... down to min (min always among them), then on
 * in steps below min down to least (least >= min: none below).  Found by
 * bisection, so what fits at a size must fit at every smaller one;
 * whatever fits() kept at its last call that returned nonzero belongs to
 * the size returned.  Returns the size, or 0 when not even the smallest
 * fits.
 */
double	text_fit_size(double top, double min, double least,
	    int (*fits)(void *arg, double size), void *arg);

/*
 * Sets the runs in the box w x h with at most max_lines lines (0: the
 * style's max_lines; both 0: no limit) at the largest size in
 * [style->min_size, style->size] at which they fit (text_fit_size).
 * Words are never hyphenated nor broken.  When even min_size does not
 * fit, the text is cut before a word (or, for its first word, after any
 * character) and ends in "…", with a warning through the document's diag.
 * Takes O(n log n) for n characters, however long the text.
 */
struct text_block *text_fit(struct pdf *, const struct text_style *,
	    const char *lang, const struct text_run *runs, size_t nruns,
	    double w, double h, int max_lines, const struct text_src *src);

/*
 * text_fit() without the warning when the text is shortened: for an
 * overview (a day grid's cell) whose full text is printed elsewhere.
 */
struct text_block *text_fit_quiet(struct pdf *, const struct text_style *,
	    const char *lang, const struct text_run *runs, size_t nruns,
	    double w, double h, int max_lines, const struct text_src *src);

/*
 * The runs set at size into width w without hyphenation and without
 * breaking a word (lines break between words, and after a hyphen or slash
 * in words that may be hyphenated), in at most max_lines lines (0: any
 * number); NULL when they do not fit so.  Nothing is reported.
 */
struct text_block *text_set_whole(struct pdf *, const struct text_style *,
	    const char *lang, const struct text_run *runs, size_t nruns,
	    double size, double w, int max_lines);

/* The runs measured at 1 pt (everything grows linearly with the size). */
struct text_measure {
	double		 width;		/* on one line */
	double		 widest;	/* the widest piece between breaks */
	double		 words;		/* every piece, without the spaces */
	double		 ascent;	/* of the faces the runs use */
	double		 descent;	/* > 0 */
	double		 leading;	/* baseline to baseline */
};

/* Measures the runs in st's faces; 0, or -1 after a font problem. */
int	text_measure(struct pdf *, const struct text_style *,
	    const struct text_run *runs, size_t nruns, struct text_measure *);

/* A text of a list whose texts share one size (text_fit_list). */
struct text_item {
	const struct text_run *runs;
	size_t		 nruns;
	/* its look (colour, font); NULL: the list's style */
	const struct text_style *style;
	double		 before;	/* extra space above, in sizes */
	/* where it comes from, for messages; NULL: the list's src */
	const struct text_src *src;
	/* set by text_fit_list: the text as set (the caller frees it) */
	struct text_block *tb;
	double		 y;		/* and its top, down from the list's */
};

/*
 * Sets the n items one below the other at the largest size in
 * [st->min_size, st->size] at which each fits width w - indent * size in
 * at most st->max_lines lines without a word broken (as text_set_whole)
 * and all of them fit height h.  Between two items: their before, and
 * with spaced set the space that would separate two lines of one
 * paragraph.  Characters no font has are reported once, naming the
 * item's src or else src.
 * Returns the size, setting every item's tb and y and *height; or 0 when
 * not even min_size fits (no tb set, nothing reported).
 */
double	text_fit_list(struct pdf *, const struct text_style *st,
	    const char *lang, struct text_item *, size_t n, double w,
	    double h, double indent, int spaced, double *height,
	    const struct text_src *src);

void	text_block_free(struct text_block *);

size_t	text_lines(const struct text_block *);
int	text_shortened(const struct text_block *); /* text_fit cut it */
double	text_leading(const struct text_block *); /* baseline distance */
double	text_ascent(const struct text_block *);	/* top to first baseline */
double	text_descent(const struct text_block *); /* baseline to bottom, > 0 */

/* The width line i covers when drawn (justified lines: the block's). */
double	text_line_width(const struct text_block *, size_t i);

/* Distance from the block's top to the baseline of line i. */
double	text_line_baseline(const struct text_block *, size_t i);

/* Height of lines first..first+n-1 drawn together: ascent to descent. */
double	text_range_height(const struct text_block *, size_t first, size_t n);

/* The height of the whole block (text_range_height of all lines). */
double	text_height(const struct text_block *);

/*
 * Draws lines first..first+n-1 into a column of the block's width at x
 * with the top of line first's ascender at top, aligned as the style
 * says.
 */
int	text_draw(struct pdf *, const struct text_block *, double x,
	    double top, size_t first, size_t n);

/*
 * Whether cp is a character the text layer removes: controls, zero-width
 * characters and bidi marks (coverage_check() reports them once).
 */
int	text_is_invisible(uint32_t cp);

#endif
