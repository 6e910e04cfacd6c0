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
 *   2b. A box (signs, badges): text_fit() finds the largest size between
 *      style->min_size and style->size at which the text fits w x h in
 *      max_lines; names only break between words.  If nothing fits, it
 *      shortens the text with "..." and warns, naming the field and srcpos.
 *   3. text_draw() returns the box the text occupies (ascender to
 *      descender, first to last drawn advance), so nothing leaves its box.
 * Characters no font has are drawn as U+FFFD and reported; control and
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

struct text_box {
	double		 x0, y0, x1, y1;	/* points, PDF coordinates */
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

/*
 * Sets the runs in the box w x h with at most max_lines lines (0: the
 * style's max_lines; both 0: no limit) at the largest size in
 * [style->min_size, style->size] (0.5 pt steps, and min_size itself) at
 * which they fit.  Words are never hyphenated nor broken.  When even
 * min_size does not fit, the text is cut at a word boundary and ends in
 * "…", with a warning through the document's diag.
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

void	text_block_free(struct text_block *);

size_t	text_lines(const struct text_block *);
double	text_size(const struct text_block *);	/* points, as set */
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
 * The text of line i as drawn (hyphen included, soft hyphens left out);
 * the caller frees it.
 */
char	*text_line_text(const struct text_block *, size_t i);

/*
 * Draws lines first..first+n-1 into a column of the block's width at x
 * with the top of line first's ascender at top, aligned as the style
 * says.  Sets *bbox (when not NULL) to what the text covers.
 */
int	text_draw(struct pdf *, const struct text_block *, double x,
	    double top, size_t first, size_t n, struct text_box *bbox);

#endif
