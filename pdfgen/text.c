/*
 * Implementation of text.h.  Text goes through three steps: prepare()
 * cleans it and picks a face for every character (reporting what it had
 * to change), build() turns words into boxes, glue and penalties with
 * their break points, and lines() places the pieces of each line that
 * total fit chose.  Words are placed by us, never by libharu's word
 * spacing, which its Type0 fonts do not draw.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "font.h"
#include "hyphenate.h"
#include "internal.h"
#include "linebreak.h"
#include "text.h"
#include "util.h"

#define PEN_HYPHEN	50	/* TeX's \hyphenpenalty and \exhyphenpenalty */
#define PEN_EMERGENCY	5000	/* a break inside a word too long for a line */
#define FIT_EPS		1e-6	/* points: rounding room when fitting */
#define CJK_STRETCH	0.1	/* ems a justified line stretches between ideographs */

static void
warn_shortened(struct pdf *pdf, const struct text_src *src,
    const char *orig, const char *shortened)
{
	char *a = utf8_abbrev(orig), *b = utf8_abbrev(shortened);

	diag_warning(pdf_diag(pdf), src != NULL ? src->pos : NULL, "'%s' in %s "
	    "does not fit its box; shortened to '%s'", a, src != NULL &&
	    src->field != NULL ? src->field : "text", b);
	free(a);
	free(b);
}

enum brk {
	BRK_NONE,
	BRK_HYPHEN,		/* draw a hyphen when broken */
	BRK_EXPLICIT,		/* after '-' or '/' */
	BRK_LINE,		/* UAX #14 between characters: CJK, Thai */
	BRK_EMERGENCY		/* last resort, nothing drawn */
};

struct tchar {
	uint32_t	 cp;		/* ' ' separates words */
	unsigned char	 variant;
	unsigned char	 nohyphen;
	struct font	*face;		/* NULL for ' ' and U+00AD */
};

struct prep {
	struct tchar	*c;
	size_t		 n;
	struct font_chain *chains[TEXT_VARIANT__MAX];
	int		 rtl;		/* has right-to-left characters */
};

/* A piece of a line drawn with one face in one call. */
struct seg {
	struct font	*face;
	char		*text;
	double		 x;		/* from the line's start */
};

struct line {
	struct seg	*segs;
	size_t		 nsegs;
	double		 width;
};

struct text_block {
	struct text_style style;
	double		 size;
	double		 width;
	double		 leading;
	double		 ascent;
	double		 descent;
	struct line	*lines;
	size_t		 nlines;
	int		 overfull;	/* a line is wider than width */
	int		 shortened;
};

/* What an item of the paragraph stands for. */
struct piece {
	struct font	*face;		/* box: its face; glue, penalty: of the word before */
	char		*text;		/* box only */
};

struct para {
	struct lb_item	*items;
	struct piece	*pieces;
	size_t		 n;
	size_t		 cap;
	int		 rtl;		/* has right-to-left text: bidi */
	UBiDiLevel	 level;		/* the paragraph's direction */
};

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0x2028 || cp == 0x2029;
}

int
text_is_invisible(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
	    (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* Strong right-to-left: Hebrew, Arabic and the other such scripts. */
static int
is_rtl(uint32_t cp)
{
	UCharDirection d = u_charDirection((UChar32)cp);

	return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

/*
 * Arabic letters in the forms they take in their words (ICU's shaping to
 * presentation forms, which fonts like DejaVu Sans draw), since libharu
 * does no shaping.  Returns a new string, or NULL when s has no Arabic.
 */
static char *
shape_arabic(const char *s)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u, *out;
	int32_t n, m;
	char *r;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p == 0xD8 || *p == 0xD9 || *p == 0xDA || *p == 0xDB)
			break;
	if (*p == '\0')
		return NULL;
	n = (int32_t)strlen(s);
	u = xcalloc((size_t)n + 1, sizeof(*u));
	out = xcalloc((size_t)n + 1, sizeof(*out));
	r = xcalloc((size_t)n * 3 + 1, 1);
	u_strFromUTF8(u, n + 1, &n, s, -1, &err);
	m = u_shapeArabic(u, n, out, n + 1, U_SHAPE_LETTERS_SHAPE |
	    U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_GROW_SHRINK,
	    &err);
	u_strToUTF8(r, n * 3 + 1, NULL, out, m, &err);
	free(u);
	free(out);
	if (U_FAILURE(err)) {
		free(r);
		return NULL;
	}
	return r;
}

static enum font_weight
variant_weight(const struct text_style *st, int v)
{
	return v == TEXT_BOLD || v == TEXT_BOLD_ITALIC ? WEIGHT_BOLD :
	    st->weight;
}

static enum font_slant
variant_slant(const struct text_style *st, int v)
{
	return v == TEXT_ITALIC || v == TEXT_BOLD_ITALIC ? SLANT_ITALIC :
	    st->slant;
}

static struct font_chain *
chain_of(struct pdf *pdf, const struct text_style *st, struct prep *pr, int v)
{
	if (pr->chains[v] == NULL)
		pr->chains[v] = pdf_fonts(pdf, st->family,
		    variant_weight(st, v), variant_slant(st, v));
	return pr->chains[v];
}

static void
prep_add(struct prep *pr, size_t *cap, uint32_t cp, int v, int nohyphen,
    struct font *face)
{
	if (pr->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		pr->c = xreallocarray(pr->c, *cap, sizeof(*pr->c));
	}
	pr->c[pr->n++] = (struct tchar){ cp, (unsigned char)v,
	    (unsigned char)nohyphen, face };
}

static char *
prep_text(const struct prep *pr, size_t n)
{
	struct buf b = { 0 };
	size_t i;

	buf_adds(&b, "");
	for (i = 0; i < n; i++)
		buf_addcp(&b, pr->c[i].cp);
	return buf_take(&b);
}

/*
 * An Arabic presentation form that no font draws whole (libharu 2.3.0
 * loses DejaVu's composite ones): the letters it stands for, unjoined.
 */
static void
unshape(struct prep *pr, size_t *cap, struct font_chain *ch, uint32_t cp,
    int v, int nohyphen)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
	UChar d[8];
	int32_t n, i = 0;
	UChar32 c;
	int k;

	if (U_FAILURE(err) || (n = unorm2_getRawDecomposition(nfkc,
	    (UChar32)cp, d, 8, &err)) <= 0 || U_FAILURE(err))
		return;
	while (i < n) {
		U16_NEXT(d, i, n, c);
		if ((k = font_chain_pick(ch, (uint32_t)c)) >= 0)
			prep_add(pr, cap, (uint32_t)c, v, nohyphen,
			    font_chain_face(ch, k));
	}
}

/*
 * Cleans the runs into pr: white space collapsed to single spaces,
 * invisible characters dropped, each character given the first face of
 * its variant's chain that draws it, or left out when none does.  With
 * src, every other change is reported.  Returns -1 when a variant has no font at all.
 */
static int
prepare(struct pdf *pdf, const struct text_style *st,
    const struct text_run *runs, size_t nruns, const struct text_src *src,
    struct prep *pr)
{
	struct diag *d = pdf_diag(pdf);
	struct font_chain *ch;
	size_t r, i, len, clen, cap = 0;
	uint32_t cp;
	int k, v, invalid = 0, rtl = 0;
	char *clean, *shaped;
	const char *text;

	memset(pr, 0, sizeof(*pr));
	for (r = 0; r < nruns; r++) {
		v = runs[r].variant < TEXT_VARIANT__MAX ? runs[r].variant : 0;
		if ((ch = chain_of(pdf, st, pr, v)) == NULL)
			goto bad;
		shaped = shape_arabic(runs[r].text);
		text = shaped != NULL ? shaped : runs[r].text;
		len = strlen(text);
		for (i = 0; i < len; i += clen) {
			if ((clen = utf8_decode(text + i, len - i, &cp)) == 0) {
				invalid++;
				clen = 1;
				continue;
			}
			if (is_space(cp)) {
				if (pr->n > 0 && pr->c[pr->n - 1].cp != ' ')
					prep_add(pr, &cap, ' ', v, 0, NULL);
				continue;
			}
			/* Said once per code point (coverage.h). */
			if (text_is_invisible(cp))
				continue;
			if (cp == 0xAD) {
				prep_add(pr, &cap, cp, v, runs[r].nohyphen,
				    NULL);
				continue;
			}
			rtl |= is_rtl(cp);
			/*
			 * No font has it: left out, never a box.  main.c
			 * reported it for the whole programme before drawing
			 * (coverage.h).
			 */
			if ((k = font_chain_pick(ch, cp)) < 0) {
				if (shaped != NULL)
					unshape(pr, &cap, ch, cp, v,
					    runs[r].nohyphen);
				continue;
			}
			prep_add(pr, &cap, cp, v, runs[r].nohyphen,
			    font_chain_face(ch, k));
		}
		free(shaped);
	}
	while (pr->n > 0 && pr->c[pr->n - 1].cp == ' ')
		pr->n--;
	if (src != NULL && invalid > 0) {
		clean = prep_text(pr, pr->n);
		diag_warning(d, src->pos, "skipped %d bytes of invalid UTF-8 in "
		    "%s '%s'", invalid, src->field, clean);
		free(clean);
	}
	pr->rtl = rtl;
	/* Leading spaces were never added; a run may start with one. */
	if (pr->n > 0 && pr->c[0].cp == ' ') {
		memmove(pr->c, pr->c + 1, (pr->n - 1) * sizeof(*pr->c));
		pr->n--;
	}
	return 0;
bad:
	free(pr->c);
	pr->c = NULL;
	return -1;
}

static double
adv(struct font *f, uint32_t cp, double size)
{
	return font_advance(f, cp) * size / 1000;
}

static void
para_add(struct para *pa, struct lb_item it, struct font *face, char *text)
{
	if (pa->n == pa->cap) {
		pa->cap = pa->cap ? pa->cap * 2 : 64;
		pa->items = xreallocarray(pa->items, pa->cap,
		    sizeof(*pa->items));
		pa->pieces = xreallocarray(pa->pieces, pa->cap,
		    sizeof(*pa->pieces));
	}
	pa->items[pa->n] = it;
	pa->pieces[pa->n].face = face;
	pa->pieces[pa->n++].text = text;
}

static void
para_release(struct para *pa)
{
	size_t i;

	for (i = 0; i < pa->n; i++)
		free(pa->pieces[i].text);
	free(pa->items);
	free(pa->pieces);
}

/* The break opportunities after each character of word c[0..n). */
/* Characters of scripts written without spaces between words. */
static int
breaks_inside(uint32_t cp)
{
	switch (u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK)) {
	case U_LB_IDEOGRAPHIC:
	case U_LB_COMPLEX_CONTEXT:
	case U_LB_CONDITIONAL_JAPANESE_STARTER:
	case U_LB_H2:
	case U_LB_H3:
	case U_LB_JL:
	case U_LB_JV:
	case U_LB_JT:
		return 1;
	default:
		return 0;
	}
}

/*
 * A word of a script written without spaces (Chinese, Japanese, Thai)
 * breaks where ICU's line breaker (UAX #14) allows: between ideographs,
 * never before "，" or "。", never after "「".  The iterator is made once
 * per language and kept for the process.
 */
/* The line break iterator, kept for the process (text must outlive it). */
static UBreakIterator *line_breaker;
static char line_breaker_lang[16];

static void
line_breaker_close(void)
{
	ubrk_close(line_breaker);
	line_breaker = NULL;
}

static void
icu_breaks(const struct tchar *c, size_t n, const char *lang,
    unsigned char *brk)
{
	UBreakIterator *bi = line_breaker;
	char *bilang = line_breaker_lang;
	UErrorCode err = U_ZERO_ERROR;
	UChar *u;
	size_t *at, i;
	int32_t len = 0, b;

	for (i = 0; i < n && !breaks_inside(c[i].cp); i++)
		;
	if (i == n)
		return;
	if (bi == NULL || strcmp(bilang, lang != NULL ? lang : "") != 0) {
		if (bi == NULL)
			atexit(line_breaker_close);
		ubrk_close(bi);
		snprintf(bilang, sizeof(line_breaker_lang), "%s", lang !=
		    NULL ? lang : "");
		line_breaker = bi = ubrk_open(UBRK_LINE, bilang, NULL, 0,
		    &err);
		if (U_FAILURE(err)) {
			line_breaker = NULL;
			return;
		}
	}
	u = xcalloc(2 * n + 1, sizeof(*u));
	at = xcalloc(2 * n + 1, sizeof(*at));
	for (i = 0; i < n; i++) {
		at[len] = i;
		U16_APPEND_UNSAFE(u, len, (UChar32)c[i].cp);
	}
	ubrk_setText(bi, u, len, &err);
	for (b = ubrk_first(bi); U_SUCCESS(err) && (b = ubrk_next(bi)) !=
	    UBRK_DONE && b < len; )
		if (at[b] > 0 && brk[at[b] - 1] == BRK_NONE)
			brk[at[b] - 1] = BRK_LINE;
	/* The text must outlive its use by the iterator. */
	ubrk_setText(bi, NULL, 0, &err);
	free(u);
	free(at);
}

static void
word_breaks(const struct tchar *c, size_t n, const char *lang,
    int patterns, unsigned char *brk)
{
	struct buf b = { 0 };
	unsigned char *hb;
	size_t *end, i;

	memset(brk, BRK_NONE, n);
	/* Names and organisations (most of a badge) need no dictionary. */
	for (i = 0; i < n; i++)
		if (c[i].nohyphen)
			return;
	end = xreallocarray(NULL, n, sizeof(*end));
	for (i = 0; i < n; i++) {
		buf_addcp(&b, c[i].cp);
		end[i] = b.len - 1;
	}
	hb = xmalloc(b.len);
	hyph_word(lang, b.data, b.len, patterns, hb);
	for (i = 0; i < n; i++) {
		if (hb[end[i]] == HYPH_AUTO || hb[end[i]] == HYPH_SOFT)
			brk[i] = BRK_HYPHEN;
		else if (hb[end[i]] == HYPH_EXPLICIT)
			brk[i] = BRK_EXPLICIT;
	}
	free(hb);
	free(end);
	buf_release(&b);
	icu_breaks(c, n, lang, brk);
}

/* The direction of the paragraph: its first strong character's (UAX #9). */
static UBiDiLevel
base_level(const struct prep *pr)
{
	size_t i;
	UCharDirection d;

	for (i = 0; i < pr->n; i++) {
		d = u_charDirection((UChar32)pr->c[i].cp);
		if (d == U_LEFT_TO_RIGHT)
			return UBIDI_LTR;
		if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
			return UBIDI_RTL;
	}
	return UBIDI_LTR;
}

/* Where a word wider than its line may break, as a last resort. */
enum wide_word {
	WIDE_STAYS,		/* nowhere: the line is overfull (fitting) */
	WIDE_ANYWHERE		/* between any two characters (running text) */
};

/*
 * Turns the prepared characters into items.  A word whose longest
 * unbreakable stretch is wider than width gets the breaks wide allows.
 */
static void
build(const struct prep *pr, const struct text_style *st, const char *lang,
    double size, double width, int patterns, enum wide_word wide,
    struct para *pa)
{
	int justify = st->align == ALIGN_JUSTIFY;
	size_t ws, we, i;
	unsigned char *brk;
	struct buf b = { 0 };
	struct font *face, *last = NULL;
	double chunk, widest, sp, w;

	memset(pa, 0, sizeof(*pa));
	if ((pa->rtl = pr->rtl))
		pa->level = base_level(pr);
	brk = xmalloc(pr->n + 1);
	for (ws = 0; ws < pr->n; ws = we + 1) {
		for (we = ws; we < pr->n && pr->c[we].cp != ' '; we++)
			;
		if (we == ws)
			continue;
		if (last != NULL) {
			/* The space between words, in the face before it. */
			sp = adv(last, ' ', size);
			para_add(pa, (struct lb_item){ LB_GLUE, sp,
			    justify ? sp / 2 : 0, justify ? sp / 3 : 0, 0, 0 },
			    last, NULL);
		}
		word_breaks(pr->c + ws, we - ws, lang, patterns, brk);
		for (i = ws, chunk = widest = 0; i < we; i++) {
			if (pr->c[i].face != NULL)
				chunk += adv(pr->c[i].face, pr->c[i].cp, size);
			if (brk[i - ws] != BRK_NONE || i + 1 == we) {
				widest = fmax(widest, chunk);
				chunk = 0;
			}
		}
		if (wide == WIDE_ANYWHERE && widest > width)
			for (i = ws; i + 1 < we; i++)
				if (brk[i - ws] == BRK_NONE)
					brk[i - ws] = BRK_EMERGENCY;
		face = NULL;
		w = 0;
		for (i = ws; i < we; i++) {
			const struct tchar *c = &pr->c[i];

			if (c->face != NULL) {
				if (face != NULL && c->face != face) {
					para_add(pa, (struct lb_item){ LB_BOX,
					    w, 0, 0, 0, 0 }, face,
					    buf_take(&b));
					w = 0;
				}
				face = c->face;
				buf_addcp(&b, c->cp);
				w += adv(face, c->cp, size);
			}
			if (brk[i - ws] == BRK_NONE || i + 1 == we ||
			    face == NULL)
				continue;
			para_add(pa, (struct lb_item){ LB_BOX, w, 0, 0, 0, 0 },
			    face, buf_take(&b));
			w = 0;
			/*
			 * Between ideographs: glue of no width that justified
			 * text stretches (nothing is drawn: no face).
			 */
			if (brk[i - ws] == BRK_LINE) {
				para_add(pa, (struct lb_item){ LB_GLUE, 0,
				    justify ? size * CJK_STRETCH : 0, 0, 0, 0 },
				    NULL, NULL);
				continue;
			}
			para_add(pa, (struct lb_item){ LB_PENALTY,
			    brk[i - ws] == BRK_HYPHEN ? adv(face, '-', size) :
			    0, 0, 0, brk[i - ws] == BRK_EMERGENCY ?
			    PEN_EMERGENCY : PEN_HYPHEN,
			    brk[i - ws] != BRK_EMERGENCY }, face, NULL);
		}
		if (face != NULL && b.len > 0) {
			para_add(pa, (struct lb_item){ LB_BOX, w, 0, 0, 0, 0 },
			    face, buf_take(&b));
		}
		buf_release(&b);
		if (face != NULL)
			last = face;
	}
	free(brk);
	para_add(pa, (struct lb_item){ LB_GLUE, 0, LB_FILL, 0, 0, 0 }, last,
	    NULL);
	para_add(pa, (struct lb_item){ LB_PENALTY, 0, 0, 0, -LB_INF, 0 },
	    last, NULL);
}

/*
 * Appends s to the line's last segment when it continues it (same face,
 * drawn right after), else starts a segment at x.  The open segment's
 * text grows in cur and is handed over by seg_close().
 */
static void
place(struct line *ln, struct buf *cur, struct font *face, double x,
    const char *s, int joins)
{
	if (!joins || ln->nsegs == 0 || ln->segs[ln->nsegs - 1].face != face) {
		if (ln->nsegs > 0)
			ln->segs[ln->nsegs - 1].text = buf_take(cur);
		ln->segs = xgrow(ln->segs, ln->nsegs, sizeof(*ln->segs));
		ln->segs[ln->nsegs].face = face;
		ln->segs[ln->nsegs].x = x;
		ln->segs[ln->nsegs++].text = NULL;
	}
	buf_adds(cur, s);
}

static void
seg_close(struct line *ln, struct buf *cur)
{
	if (ln->nsegs > 0)
		ln->segs[ln->nsegs - 1].text = buf_take(cur);
}

/* One character of a line in visual reordering. */
struct vchar {
	uint32_t	 cp;
	struct font	*face;		/* NULL: space placed, not drawn */
	double		 w;
};

static void
vchar_add(struct vchar **v, size_t *n, uint32_t cp, struct font *face,
    double w)
{
	*v = xgrow(*v, *n, sizeof(**v));
	(*v)[(*n)++] = (struct vchar){ cp, face, w };
}

/*
 * Places line k (items from..to) in visual order by ICU's bidi algorithm:
 * right-to-left runs reversed, their brackets mirrored, at the paragraph's
 * direction pa->level.
 */
static void
bidi_line(struct text_block *tb, const struct para *pa,
    const struct lb_result *res, size_t k, size_t from, size_t to)
{
	struct line *ln = &tb->lines[k];
	struct vchar *v = NULL;
	struct buf cur = { 0 };
	UErrorCode err = U_ZERO_ERROR;
	UBiDi *bidi;
	UChar *u;
	size_t n = 0, i, *at, j;
	int32_t len = 0, runs, r, start, length;
	uint32_t cp;
	const char *t;
	double x = 0, gw, ratio = res->ratios[k];
	int joins = 0, justify = tb->style.align == ALIGN_JUSTIFY;
	char s[5];

	if (isinf(ratio) || ratio > 1e6)
		ratio = 0;
	for (i = from; i < to; i++) {
		const struct lb_item *it = &pa->items[i];

		if (it->kind == LB_BOX)
			for (t = pa->pieces[i].text; *t != '\0'; t += j) {
				if ((j = utf8_decode(t, strlen(t), &cp)) == 0)
					break;
				vchar_add(&v, &n, cp, pa->pieces[i].face,
				    adv(pa->pieces[i].face, cp, tb->size));
			}
		else if (it->kind == LB_GLUE) {
			gw = it->width;
			if (justify && k + 1 < res->nlines)
				gw += ratio > 0 ? ratio * it->stretch :
				    ratio * it->shrink;
			vchar_add(&v, &n, ' ', gw == it->width &&
			    it->stretch < LB_FILL ? pa->pieces[i].face : NULL,
			    gw);
		}
	}
	if (pa->items[to].kind == LB_PENALTY && pa->items[to].width > 0)
		vchar_add(&v, &n, '-', pa->pieces[to].face,
		    pa->items[to].width);
	u = xcalloc(2 * n + 1, sizeof(*u));
	at = xcalloc(2 * n + 1, sizeof(*at));
	for (i = 0; i < n; i++) {
		at[len] = at[len + 1] = i;
		U16_APPEND_UNSAFE(u, len, (UChar32)v[i].cp);
	}
	bidi = ubidi_open();
	ubidi_setPara(bidi, u, len, pa->level, NULL, &err);
	runs = U_SUCCESS(err) ? ubidi_countRuns(bidi, &err) : 0;
	for (r = 0; r < runs && U_SUCCESS(err); r++) {
		UBiDiDirection dir = ubidi_getVisualRun(bidi, r, &start,
		    &length);
		int32_t q;

		for (q = 0; q < length; q++) {
			int32_t pos = dir == UBIDI_RTL ? start + length - 1 - q :
			    start + q;
			const struct vchar *c;

			/* A surrogate pair is placed once, at its lead. */
			if (U16_IS_TRAIL(u[pos]))
				continue;
			c = &v[at[pos]];
			if (c->face != NULL) {
				cp = dir == UBIDI_RTL ? (uint32_t)u_charMirror(
				    (UChar32)c->cp) : c->cp;
				j = 0;
				U8_APPEND_UNSAFE(s, j, (UChar32)cp);
				s[j] = '\0';
				place(ln, &cur, c->face, x, s, joins);
				joins = 1;
			} else
				joins = 0;
			x += c->w;
		}
	}
	ubidi_close(bidi);
	seg_close(ln, &cur);
	ln->width = x;
	free(u);
	free(at);
	free(v);
}

/* Places the pieces of every line that res chose. */
static void
lines(struct text_block *tb, const struct para *pa,
    const struct lb_result *res)
{
	int justify = tb->style.align == ALIGN_JUSTIFY;
	size_t k, i, from, prev = (size_t)-1, to;
	struct buf cur = { 0 };
	double x, r, gw;
	int joins;

	tb->nlines = res->nlines;
	tb->lines = xcalloc(res->nlines, sizeof(*tb->lines));
	tb->overfull = res->overfull;
	for (k = 0; k < res->nlines; k++) {
		struct line *ln = &tb->lines[k];

		to = res->breaks[k];
		from = lb_line_start(pa->items, pa->n, prev);
		if (pa->rtl) {
			bidi_line(tb, pa, res, k, from, to);
			prev = to;
			continue;
		}
		r = res->ratios[k];
		if (isinf(r) || r > 1e6)
			r = 0;
		x = 0;
		joins = 0;
		for (i = from; i < to; i++) {
			const struct lb_item *it = &pa->items[i];

			if (it->kind == LB_BOX) {
				place(ln, &cur, pa->pieces[i].face, x,
				    pa->pieces[i].text, joins);
				x += it->width;
				joins = 1;
			} else if (it->kind == LB_GLUE) {
				gw = it->width;
				if (justify && k + 1 < res->nlines)
					gw += r > 0 ? r * it->stretch :
					    r * it->shrink;
				/* Natural spaces are drawn; justified ones placed. */
				if (gw == it->width && pa->pieces[i].face !=
				    NULL && it->stretch < LB_FILL) {
					place(ln, &cur, pa->pieces[i].face, x,
					    " ", joins);
					joins = 1;
				} else
					joins = 0;
				x += gw;
			}
		}
		if (pa->items[to].kind == LB_PENALTY &&
		    pa->items[to].width > 0) {
			place(ln, &cur, pa->pieces[to].face, x, "-", joins);
			x += pa->items[to].width;
		}
		seg_close(ln, &cur);
		ln->width = x;
		prev = to;
	}
}

static void
metrics(struct text_block *tb, const struct prep *pr)
{
	size_t i;
	double a = 0, d = 0;
	struct font *last = NULL;

	for (i = 0; i < pr->n; i++) {
		/* Runs of one face are the rule: look at each run once. */
		if (pr->c[i].face == NULL || pr->c[i].face == last)
			continue;
		last = pr->c[i].face;
		a = fmax(a, font_ascender(last));
		d = fmax(d, -font_descender(last));
	}
	if (a == 0 && pr->chains[0] != NULL) {
		a = font_ascender(font_chain_face(pr->chains[0], 0));
		d = -font_descender(font_chain_face(pr->chains[0], 0));
	}
	tb->ascent = a * tb->size / 1000;
	tb->descent = d * tb->size / 1000;
	tb->leading = (tb->style.leading > 0 ? tb->style.leading : 1.2) *
	    tb->size;
}

/* Sets the prepared characters at size into width. */
static struct text_block *
set_prepared(const struct prep *pr, const struct text_style *st,
    const char *lang, double size, double width, int patterns,
    enum wide_word wide)
{
	struct text_block *tb = xcalloc(1, sizeof(*tb));
	struct lb_params lp;
	struct lb_result res;
	struct para pa;
	int justify = st->align == ALIGN_JUSTIFY;

	tb->style = *st;
	tb->size = size;
	tb->width = width;
	metrics(tb, pr);
	if (pr->n == 0)
		return tb;
	build(pr, st, lang, size, width, patterns, wide, &pa);
	/* Ragged: fixed spaces, 2 em of stretch at the line end (as TeX). */
	lb_params_init(&lp, width, justify ? 0 : 2 * size);
	lb_total_fit(pa.items, pa.n, &lp, &res);
	lines(tb, &pa, &res);
	lb_result_release(&res);
	para_release(&pa);
	return tb;
}

static void
prep_release(struct prep *pr)
{
	free(pr->c);
}

double
text_width(struct pdf *pdf, const struct text_style *st,
    enum text_variant v, double size, const char *s)
{
	struct text_run run = { s, v, 1 };
	struct prep pr;
	double w = 0;
	size_t i;

	if (prepare(pdf, st, &run, 1, NULL, &pr) == -1)
		return 0;
	for (i = 0; i < pr.n; i++) {
		if (pr.c[i].face != NULL)
			w += adv(pr.c[i].face, pr.c[i].cp, size);
		else if (pr.c[i].cp == ' ' && i > 0 && pr.c[i - 1].face)
			w += adv(pr.c[i - 1].face, ' ', size);
	}
	prep_release(&pr);
	return w;
}

struct text_block *
text_set(struct pdf *pdf, const struct text_style *st, const char *lang,
    const struct text_run *runs, size_t nruns, double width,
    const struct text_src *src)
{
	struct text_block *tb;
	struct prep pr;

	if (prepare(pdf, st, runs, nruns, src, &pr) == -1)
		return NULL;
	tb = set_prepared(&pr, st, lang, st->size, width, st->hyphenate,
	    WIDE_ANYWHERE);
	prep_release(&pr);
	return tb;
}

/* === FITTING === */

/* Whether tb fits w x h in at most max_lines lines (0: any), no overfull line. */
static int
fits(const struct text_block *tb, double w, double h, int max_lines)
{
	size_t i;

	if (tb->overfull || (max_lines > 0 && tb->nlines > (size_t)max_lines))
		return 0;
	for (i = 0; i < tb->nlines; i++)
		if (tb->lines[i].width > w + FIT_EPS)
			return 0;
	return text_height(tb) <= h + FIT_EPS;
}

/* The size at index i of the sizes text_fit_size() tries (see there). */
static double
size_at(double top, double min, size_t above, size_t i)
{
	return i < above ? top - (double)i * TEXT_FIT_STEP :
	    min - (double)(i - above) * TEXT_FIT_STEP;
}

double
text_fit_size(double top, double min, double least,
    int (*fits_at)(void *arg, double size), void *arg)
{
	size_t above, n, lo, hi, mid;

	if (min <= 0 || min > top)
		min = top;
	if (least <= 0 || least > min)
		least = min;
	/* Sizes above min, then min and the steps below it down to least. */
	above = top > min ? (size_t)ceil((top - min) / TEXT_FIT_STEP - 1e-9) :
	    0;
	n = above + 1 + (size_t)floor((min - least) / TEXT_FIT_STEP + 1e-9);
	/* Most texts fit at once; what does not fit at least never does. */
	if (fits_at(arg, top))
		return top;
	if (n == 1 || !fits_at(arg, size_at(top, min, above, n - 1)))
		return 0;
	/* The first index that fits, between 1 and n - 1 (which does). */
	lo = 1;
	hi = n - 1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fits_at(arg, size_at(top, min, above, mid)))
			hi = mid;
		else
			lo = mid + 1;
	}
	return size_at(top, min, above, hi);
}

/*
 * The prepared text at 1 pt, measured once, so that fitting can skip the
 * sizes and the cut points at which it cannot fit without setting it
 * (widths and heights grow linearly with the size).
 */
struct measure {
	double		*pre;		/* pre[i]: c[0..i) on one line */
	double		*spaces;	/* spaces[i]: the spaces among them */
	double		 space;		/* the widest space */
	double		 widest;	/* the widest piece between breaks */
	double		 ascent;	/* the smallest of any face */
	double		 descent;	/* likewise */
};

/* The width of c[i] at 1 pt: a space in the face of the character before. */
static double
char_width(const struct prep *pr, size_t i)
{
	if (pr->c[i].face != NULL)
		return adv(pr->c[i].face, pr->c[i].cp, 1);
	if (pr->c[i].cp == ' ' && i > 0 && pr->c[i - 1].face != NULL)
		return adv(pr->c[i - 1].face, ' ', 1);
	return 0;
}

static void
measure(const struct prep *pr, struct measure *m)
{
	double piece = 0, w, a, d;
	size_t i;

	memset(m, 0, sizeof(*m));
	m->pre = xreallocarray(NULL, pr->n + 1, sizeof(*m->pre));
	m->spaces = xreallocarray(NULL, pr->n + 1, sizeof(*m->spaces));
	m->pre[0] = m->spaces[0] = 0;
	m->ascent = m->descent = HUGE_VAL;
	for (i = 0; i < pr->n; i++) {
		w = char_width(pr, i);
		m->pre[i + 1] = m->pre[i] + w;
		m->spaces[i + 1] = m->spaces[i] + (pr->c[i].cp == ' ' ? w : 0);
		if (pr->c[i].cp == ' ') {
			m->space = fmax(m->space, w);
			piece = 0;
			continue;
		}
		piece += w;
		m->widest = fmax(m->widest, piece);
		/* A line may end after a hyphen or a slash a word has. */
		if (pr->c[i].cp == '-' || pr->c[i].cp == '/')
			piece = 0;
		if (pr->c[i].face != NULL) {
			a = font_ascender(pr->c[i].face) / 1000.0;
			d = -font_descender(pr->c[i].face) / 1000.0;
			m->ascent = fmin(m->ascent, a);
			m->descent = fmin(m->descent, d);
		}
	}
	if (m->ascent == HUGE_VAL)
		m->ascent = m->descent = 0;
}

static void
measure_release(struct measure *m)
{
	free(m->pre);
	free(m->spaces);
}

/*
 * Whether c[0..n) and extra points more (at 1 pt) may fit w x h at size in
 * at most max_lines lines: false only when they certainly do not.  Each
 * line is at most w wide, its breaks dropped a space each, justified
 * spaces shrink by a third (as build() allows), and the lines must stack
 * within h.
 */
static int
may_fit(const struct measure *m, const struct text_style *st, size_t n,
    double extra, double size, double w, double h, int max_lines)
{
	double lead = st->leading > 0 ? st->leading : 1.2, room, lines, need;

	room = (h + FIT_EPS) / size - m->ascent - m->descent;
	if (room < -FIT_EPS)
		return n == 0;
	lines = floor(room / lead + 1e-6) + 1;
	if (max_lines > 0 && lines > max_lines)
		lines = max_lines;
	need = m->pre[n] + extra - (lines - 1) * m->space;
	if (st->align == ALIGN_JUSTIFY)
		need -= m->spaces[n] / 3;
	return size * need <= lines * (w + FIT_EPS);
}

/* What text_fit() tries at each size: the whole text, kept when it fits. */
struct fit_try {
	const struct prep *pr;
	const struct measure *m;
	const struct text_style *st;
	const char	*lang;
	double		 w, h;
	int		 max_lines;
	struct text_block *best;	/* the last that fitted */
};

static int
fit_try(void *arg, double size)
{
	struct fit_try *t = arg;
	struct text_block *tb;

	if (t->m->widest * size > t->w + FIT_EPS ||
	    !may_fit(t->m, t->st, t->pr->n, 0, size, t->w, t->h,
	    t->max_lines))
		return 0;
	tb = set_prepared(t->pr, t->st, t->lang, size, t->w, 0, WIDE_STAYS);
	if (!fits(tb, t->w, t->h, t->max_lines)) {
		text_block_free(tb);
		return 0;
	}
	text_block_free(t->best);
	t->best = tb;
	return 1;
}

/* The prepared text cut to n characters and ended with "…". */
static void
cut(const struct prep *pr, size_t n, int space, struct prep *out)
{
	struct font_chain *ch;
	int v, k;

	*out = *pr;
	out->c = xreallocarray(NULL, n + 2, sizeof(*out->c));
	memcpy(out->c, pr->c, n * sizeof(*out->c));
	out->n = n;
	v = n > 0 ? pr->c[n - 1].variant : 0;
	ch = pr->chains[v];
	/* A no-break space keeps "…" on the line of the word before it. */
	if (space && (k = font_chain_pick(ch, 0xA0)) >= 0)
		out->c[out->n++] = (struct tchar){ 0xA0, (unsigned char)v, 1,
		    font_chain_face(ch, k) };
	if ((k = font_chain_pick(ch, 0x2026)) >= 0)
		out->c[out->n++] = (struct tchar){ 0x2026, (unsigned char)v,
		    1, font_chain_face(ch, k) };
}

/* Whether the cut at n has a space before "…" (it ends a word). */
static int
cut_at_word(const struct prep *pr, size_t n)
{
	return n < pr->n && pr->c[n].cp == ' ';
}

/* The text cut at n with "…", set at size. */
static struct text_block *
cut_set(const struct fit_try *t, size_t n, double size)
{
	struct text_block *tb;
	struct prep sh;

	cut(t->pr, n, cut_at_word(t->pr, n), &sh);
	tb = set_prepared(&sh, t->st, t->lang, size, t->w, 0, WIDE_STAYS);
	free(sh.c);
	return tb;
}

/*
 * Where the text may be cut, in ascending order: after any character of
 * its first word, else only before a space, so that only whole words are
 * dropped.  Returns how many; the caller frees *out.
 */
static size_t
cut_points(const struct prep *pr, size_t **out)
{
	size_t *v = xreallocarray(NULL, pr->n + 1, sizeof(*v)), k = 0, n;
	int in_first = 1;

	for (n = 1; n <= pr->n; n++) {
		if (pr->c[n - 1].cp == ' ')
			in_first = 0;
		if (in_first || cut_at_word(pr, n))
			v[k++] = n;
	}
	*out = v;
	return k;
}

/*
 * Too long even at size: the longest cut (cut_points) that fits with
 * "…", or the shortest when none does; sets *at to where it was cut.
 * Whether a cut fits is not monotonic ("…" sticks to the word before it,
 * which may be long), so the cuts are tried from the longest down, as
 * the definition says; but only from the longest the widths allow (found
 * by bisection), so however long the text, only as much as the box can
 * hold is ever set.  NULL when the text is empty.
 */
static struct text_block *
shorten(const struct fit_try *t, double size, size_t *at)
{
	struct text_block *tb = NULL;
	size_t *pts, npts, lo = 0, hi, mid;

	if ((npts = cut_points(t->pr, &pts)) == 0) {
		free(pts);
		return NULL;
	}
	/* The cuts the widths allow are a prefix: pts[0..lo). */
	hi = npts;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (may_fit(t->m, t->st, pts[mid], 0, size, t->w, t->h,
		    t->max_lines))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo > 1; lo--) {
		tb = cut_set(t, pts[lo - 1], size);
		if (fits(tb, t->w, t->h, t->max_lines))
			break;
		text_block_free(tb);
		tb = NULL;
	}
	*at = pts[lo > 0 ? lo - 1 : 0];
	if (tb == NULL)
		tb = cut_set(t, *at, size);
	free(pts);
	return tb;
}

/* text_fit(), warning of a shortened text unless quiet is set. */
static struct text_block *
fit(struct pdf *pdf, const struct text_style *st, const char *lang,
    const struct text_run *runs, size_t nruns, double w, double h,
    int max_lines, const struct text_src *src, int quiet)
{
	struct fit_try t;
	struct measure m;
	struct prep pr, sh;
	double low = st->min_size > 0 && st->min_size < st->size ?
	    st->min_size : st->size;
	size_t at;
	char *orig, *shortened;

	if (prepare(pdf, st, runs, nruns, src, &pr) == -1)
		return NULL;
	measure(&pr, &m);
	t = (struct fit_try){ &pr, &m, st, lang, w, h,
	    max_lines > 0 ? max_lines : st->max_lines, NULL };
	if (text_fit_size(st->size, low, low, fit_try, &t) == 0 &&
	    (t.best = shorten(&t, low, &at)) != NULL) {
		t.best->shortened = 1;
		if (!quiet) {
			cut(&pr, at, cut_at_word(&pr, at), &sh);
			orig = prep_text(&pr, pr.n);
			shortened = prep_text(&sh, sh.n);
			warn_shortened(pdf, src, orig, shortened);
			free(orig);
			free(shortened);
			free(sh.c);
		}
	}
	/* Only an empty text has nothing to shorten. */
	if (t.best == NULL)
		t.best = set_prepared(&pr, st, lang, low, w, 0, WIDE_STAYS);
	measure_release(&m);
	prep_release(&pr);
	return t.best;
}

struct text_block *
text_fit(struct pdf *pdf, const struct text_style *st, const char *lang,
    const struct text_run *runs, size_t nruns, double w, double h,
    int max_lines, const struct text_src *src)
{
	return fit(pdf, st, lang, runs, nruns, w, h, max_lines, src, 0);
}

struct text_block *
text_fit_quiet(struct pdf *pdf, const struct text_style *st,
    const char *lang, const struct text_run *runs, size_t nruns, double w,
    double h, int max_lines, const struct text_src *src)
{
	return fit(pdf, st, lang, runs, nruns, w, h, max_lines, src, 1);
}

struct text_block *
text_set_whole(struct pdf *pdf, const struct text_style *st,
    const char *lang, const struct text_run *runs, size_t nruns,
    double size, double w, int max_lines)
{
	struct text_block *tb;
	struct prep pr;

	if (prepare(pdf, st, runs, nruns, NULL, &pr) == -1)
		return NULL;
	tb = set_prepared(&pr, st, lang, size, w, 0, WIDE_STAYS);
	prep_release(&pr);
	if (fits(tb, w, HUGE_VAL, max_lines))
		return tb;
	text_block_free(tb);
	return NULL;
}

int
text_measure(struct pdf *pdf, const struct text_style *st,
    const struct text_run *runs, size_t nruns, struct text_measure *tm)
{
	struct text_block tb;
	struct measure m;
	struct prep pr;
	double words;

	if (prepare(pdf, st, runs, nruns, NULL, &pr) == -1)
		return -1;
	measure(&pr, &m);
	/* Ascent and descent of the faces used, as set_prepared() has them. */
	memset(&tb, 0, sizeof(tb));
	tb.style = *st;
	tb.size = 1;
	metrics(&tb, &pr);
	words = m.pre[pr.n] - m.spaces[pr.n];
	*tm = (struct text_measure){ m.pre[pr.n], m.widest, words,
	    tb.ascent, tb.descent, tb.leading };
	measure_release(&m);
	prep_release(&pr);
	return 0;
}

/* === LISTS === */

/* An item of a list, prepared once for every size tried. */
struct list_entry {
	struct prep	 pr;
	struct text_style st;		/* the item's look, sized as tried */
	struct text_block *tb;
};

struct list_try {
	struct text_item *v;
	struct list_entry *e;
	size_t		 n;
	const char	*lang;
	double		 w, h, indent;
	int		 max_lines;
	int		 spaced;
	double		 height;	/* of the best, as text_fit_list says */
};

/* Space above item i below block a (see text_fit_list()). */
static double
item_gap(const struct list_try *t, const struct text_block *a, size_t i,
    double size)
{
	double g = t->spaced ? a->leading - a->ascent - a->descent : 0;

	return (g > 0 ? g : 0) + t->v[i].before * size;
}

/*
 * Sets every item at size; keeps them (freeing the blocks kept before)
 * with their places and returns 1 when all fit, else 0.
 */
static int
list_try(void *arg, double size)
{
	struct list_try *t = arg;
	struct text_block **tb = xcalloc(t->n, sizeof(*tb));
	double w = t->w - t->indent * size, y = 0;
	size_t i;

	for (i = 0; i < t->n; i++) {
		t->e[i].st.size = t->e[i].st.min_size = size;
		tb[i] = set_prepared(&t->e[i].pr, &t->e[i].st, t->lang, size,
		    w, 0, WIDE_STAYS);
		if (!fits(tb[i], w, HUGE_VAL, t->max_lines))
			break;
		if (i > 0)
			y += item_gap(t, tb[i - 1], i, size);
		y += text_height(tb[i]);
		if (y > t->h + FIT_EPS)
			break;
	}
	if (i < t->n) {
		for (i = 0; i < t->n; i++)
			text_block_free(tb[i]);
		free(tb);
		return 0;
	}
	for (i = 0, y = 0; i < t->n; i++) {
		text_block_free(t->e[i].tb);
		t->e[i].tb = tb[i];
		if (i > 0)
			y += item_gap(t, tb[i - 1], i, size);
		t->v[i].y = y;
		y += text_height(tb[i]);
	}
	free(tb);
	t->height = y;
	return 1;
}

double
text_fit_list(struct pdf *pdf, const struct text_style *st,
    const char *lang, struct text_item *v, size_t n, double w, double h,
    double indent, int spaced, double *height, const struct text_src *src)
{
	struct list_try t = { v, NULL, n, lang, w, h, indent, st->max_lines,
	    spaced, 0 };
	struct prep report;
	double size;
	size_t i;
	int bad = 0;

	t.e = xcalloc(n > 0 ? n : 1, sizeof(*t.e));
	for (i = 0; i < n; i++) {
		t.e[i].st = v[i].style != NULL ? *v[i].style : *st;
		/* Names, organisations, titles: whole words, never broken. */
		t.e[i].st.hyphenate = 0;
		if (prepare(pdf, &t.e[i].st, v[i].runs, v[i].nruns, NULL,
		    &t.e[i].pr) == -1)
			bad = 1;
	}
	size = bad ? 0 : text_fit_size(st->size, st->min_size, 0, list_try,
	    &t);
	for (i = 0; i < n; i++) {
		/* Problems with characters, reported once for what is drawn. */
		if (size > 0 && (v[i].src != NULL || src != NULL) &&
		    prepare(pdf, &t.e[i].st, v[i].runs, v[i].nruns,
		    v[i].src != NULL ? v[i].src : src, &report) == 0)
			prep_release(&report);
		v[i].tb = size > 0 ? t.e[i].tb : NULL;
		if (size == 0)
			text_block_free(t.e[i].tb);
		prep_release(&t.e[i].pr);
	}
	free(t.e);
	*height = t.height;
	return size;
}

void
text_block_free(struct text_block *tb)
{
	size_t i, j;

	if (tb == NULL)
		return;
	for (i = 0; i < tb->nlines; i++) {
		for (j = 0; j < tb->lines[i].nsegs; j++)
			free(tb->lines[i].segs[j].text);
		free(tb->lines[i].segs);
	}
	free(tb->lines);
	free(tb);
}

size_t
text_lines(const struct text_block *tb)
{
	return tb->nlines;
}

double
text_size(const struct text_block *tb)
{
	return tb->size;
}

int
text_shortened(const struct text_block *tb)
{
	return tb->shortened;
}

double
text_leading(const struct text_block *tb)
{
	return tb->leading;
}

double
text_ascent(const struct text_block *tb)
{
	return tb->ascent;
}

double
text_descent(const struct text_block *tb)
{
	return tb->descent;
}

double
text_line_width(const struct text_block *tb, size_t i)
{
	return i < tb->nlines ? tb->lines[i].width : 0;
}

double
text_line_baseline(const struct text_block *tb, size_t i)
{
	return tb->ascent + (double)i * tb->leading;
}

double
text_range_height(const struct text_block *tb, size_t first, size_t n)
{
	(void)first;
	if (n == 0)
		return 0;
	return tb->ascent + (double)(n - 1) * tb->leading + tb->descent;
}

double
text_height(const struct text_block *tb)
{
	return text_range_height(tb, 0, tb->nlines);
}

char *
text_line_text(const struct text_block *tb, size_t i)
{
	struct buf b = { 0 };
	size_t j;

	buf_adds(&b, "");
	if (i >= tb->nlines)
		return buf_take(&b);
	for (j = 0; j < tb->lines[i].nsegs; j++) {
		const struct seg *sg = &tb->lines[i].segs[j];

		/* Justified words are separate segments: show the space. */
		if (j > 0 && b.len > 0 && b.data[b.len - 1] != ' ')
			buf_addc(&b, ' ');
		buf_adds(&b, sg->text);
	}
	return buf_take(&b);
}

int
text_draw(struct pdf *pdf, const struct text_block *tb, double x, double top,
    size_t first, size_t n)
{
	size_t i, j;
	double lx, y;

	if (first > tb->nlines)
		first = tb->nlines;
	if (n > tb->nlines - first)
		n = tb->nlines - first;
	for (i = first; i < first + n; i++) {
		const struct line *ln = &tb->lines[i];

		switch (tb->style.align) {
		case ALIGN_CENTRE:
			lx = x + (tb->width - ln->width) / 2;
			break;
		case ALIGN_RIGHT:
			lx = x + tb->width - ln->width;
			break;
		default:
			lx = x;
			break;
		}
		y = top - text_line_baseline(tb, i - first);
		for (j = 0; j < ln->nsegs; j++)
			if (pdf_text(pdf, ln->segs[j].face, tb->size,
			    &tb->style.colour, lx + ln->segs[j].x, y,
			    ln->segs[j].text, strlen(ln->segs[j].text)) == -1)
				return -1;
	}
	return 0;
}
