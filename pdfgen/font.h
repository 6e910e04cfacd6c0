/*
 * Fonts: finding font files by family name (fontconfig) and asking them,
 * through FreeType, which characters they can really draw.
 *
 * libharu 2.3.0 embeds TrueType only.  A font chain is the primary face
 * followed by the fallback faces that every style gets (FONT_FALLBACKS);
 * font_chain_pick() chooses a face per character.  Widths are in 1/1000
 * em, rounded as libharu rounds them, so that what we measure is what the
 * PDF draws.
 *
 * For the typesetting core (pdf.c, text.c) and the layout loader (which
 * checks family names with font_lookup_why()).
 */
#ifndef PDFGEN_FONT_H
#define PDFGEN_FONT_H

#include <stdint.h>

#include "diag.h"
#include "style.h"

/* The family a layout gets when it names none. */
#define FONT_DEFAULT_FAMILY	"Liberation Sans"

/*
 * Every chain ends with these, in this order (after its primary face).
 * WenQuanYi Zen Hei draws 20 940 of the ideographs U+4E00-U+9FFF, kana and
 * all of Hangul; LexiGulim and Micro Hei add what it lacks (Micro Hei the
 * half-width katakana among others).  Symbola
 * (TrueType, monochrome outlines) draws emoji and symbols; colour emoji
 * fonts are bitmaps, which libharu cannot embed.
 */
#define FONT_FALLBACKS { "Liberation Sans", "DejaVu Sans", \
	"WenQuanYi Zen Hei", "LexiGulim", "WenQuanYi Micro Hei", "Symbola" }
#define FONT_NFALLBACKS	6

/*
 * Finds the file of family in the given weight and slant through
 * fontconfig (or its answer the build wrote down, fontanswers.h).
 * Returns the path (the caller frees it) and sets *index to the face
 * index inside the file (TrueType collections), or returns NULL when
 * fontconfig's best match is another family (a typo in a layout) or
 * when the file is OpenType/CFF, which libharu 2.3.0 cannot read; then
 * *why (when why is not NULL) gets the reason as a message fragment the
 * caller frees, e.g. "no font family 'Libration Sans' (fontconfig
 * suggests 'DejaVu Sans')".
 */
char	*font_lookup_why(const char *family, enum font_weight,
	    enum font_slant, int *index, char **why);

/* One face of a font file, opened with FreeType. */
struct font;

/*
 * Opens face index of path.  Returns NULL and sets *why (caller frees) when
 * libharu could not embed it: not TrueType outlines, no Windows Unicode
 * (3,1) format 4 cmap, or unreadable.
 */
struct font *font_open(const char *path, int index, char **why);
void	font_free(struct font *);

const char *font_path(const struct font *);
int	font_index(const struct font *);

/*
 * Nonzero if the face has a glyph for cp that libharu 2.3.0 embeds intact
 * (not a nested composite, no component id above 32767).  libharu's
 * encoder turns code points above U+FFFF into spaces, so those are drawn
 * as outlines (font_outline()): any glyph of the face's (3,10) cmap will
 * do.
 */
int	font_has(struct font *, uint32_t cp);

/* What font_outline() draws with: points in 1/1000 em from the origin. */
struct font_pen {
	void	*arg;
	void	(*move)(void *arg, double x, double y);
	void	(*line)(void *arg, double x, double y);
	void	(*cubic)(void *arg, double x1, double y1, double x2,
		    double y2, double x, double y);
};

/*
 * Traces the outline of cp's glyph with pen, contour by contour (each
 * starts with move; filled by the nonzero rule).  Returns -1 when the face
 * has no outline for cp.
 */
int	font_outline(struct font *, uint32_t cp, const struct font_pen *);

/* The advance width of cp in 1/1000 em as the PDF's W array gives it. */
int	font_advance(struct font *, uint32_t cp);

/* Ascender (positive) and descender (negative) in 1/1000 em. */
int	font_ascender(const struct font *);
int	font_descender(const struct font *);

/*
 * A primary face and its fallbacks.  font_chain_new() resolves family
 * (FONT_DEFAULT_FAMILY when NULL or ""); when it cannot be used it warns
 * through d at pos and uses the default family instead.  Returns NULL only
 * when not even the default family can be opened (an error was reported).
 * The fallbacks are opened when first needed, in order, so a face's index
 * does not depend on when it was opened.
 */
struct font_chain;

struct font_chain *font_chain_new(struct diag *d, const struct srcpos *pos,
	    const char *family, enum font_weight, enum font_slant);
void	font_chain_free(struct font_chain *);

/* Face i (0 is the primary; others as font_chain_pick returned them). */
struct font *font_chain_face(const struct font_chain *, int i);

/* The first face that has cp (font_has), or -1 when none does. */
int	font_chain_pick(struct font_chain *, uint32_t cp);

#endif
