/*
 * Implementation of font.h: fontconfig for finding files, FreeType for
 * looking inside them.  Only this file and pdf.c know about font files.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_FONT_FORMATS_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_OUTLINE_H

#include "font.h"
#include "fontanswers.h"
#include "internal.h"
#include "util.h"

/* What font_has() found out about a BMP code point. */
enum glyph_state {
	GLYPH_UNKNOWN,
	GLYPH_OK,
	GLYPH_MISSING
};

/* font_advance() of a code point not yet asked for. */
#define ADV_UNKNOWN	0xFFFF

struct font {
	char		*path;
	int		 index;
	char		*family;
	FT_Face		 face;
	FT_CharMap	 bmp;		/* (3,1) format 4: what libharu reads */
	FT_CharMap	 ucs4;		/* (3,10): the glyphs above U+FFFF */
	struct bmp_table state;		/* unsigned char enum glyph_state */
	struct bmp_table adv;		/* uint16_t font_advance */
	int		 ascender;	/* 1/1000 em, as font_ascender() */
	int		 descender;
};

/*
 * The fallbacks are looked up and opened only when a character needs
 * them (most text never does): fontconfig's matching costs more than
 * setting a whole badge.  next is the first of FONT_FALLBACKS not tried.
 */
struct font_chain {
	struct font	*faces[1 + FONT_NFALLBACKS];
	int		 n;
	int		 next;
	enum font_weight weight;
	enum font_slant	 slant;
};

/*
 * What fontconfig answered, kept for the process: every document (pdfgen
 * all makes three) asks the same.  Begun with the build's answers when
 * they hold (fontanswers.h).
 */
static struct font_answer *lookups;
static size_t nlookups;
static int built_in_taken, built_in_held;

/* One FreeType library for the process; faces are opened per document. */
static FT_Library ft;
static int cleanup_registered;

/*
 * fontconfig keeps its configuration until FcFini(), and sanitizers and
 * valgrind count that as lost: release both libraries at exit.
 */
static void
cleanup(void)
{
	font_answers_free(lookups, nlookups);
	lookups = NULL;
	nlookups = 0;
	built_in_taken = 0;
	FcFini();
	if (ft != NULL)
		FT_Done_FreeType(ft);
	ft = NULL;
}

static void
register_cleanup(void)
{
	if (!cleanup_registered && atexit(cleanup) == 0)
		cleanup_registered = 1;
}

static int
ft_init(void)
{
	register_cleanup();
	if (ft != NULL)
		return 0;
	return FT_Init_FreeType(&ft) == 0 ? 0 : -1;
}

static int
fc_weight(enum font_weight w)
{
	return w == WEIGHT_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
}

static int
fc_slant(enum font_slant s)
{
	return s == SLANT_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN;
}

/* Nonzero if one of the match's family names (it may have several) is family. */
static int
has_family(FcPattern *match, const char *family)
{
	FcChar8 *s;
	int i;

	for (i = 0; FcPatternGetString(match, FC_FAMILY, i, &s) ==
	    FcResultMatch; i++)
		if (strcasecmp((const char *)s, family) == 0)
			return 1;
	return 0;
}

/*
 * The one installed face of family in weight and slant, of normal width,
 * when there is exactly one: what fontconfig's matching picks then too,
 * without its substitution rules, which took 8 M instructions a lookup
 * (a tenth of rendering the example).  NULL otherwise (no such face,
 * several, not TrueType): then font_ask_fontconfig() has it match.
 */
static FcPattern *
fc_exact(const char *family, enum font_weight weight, enum font_slant slant)
{
	FcPattern *pat, *found = NULL;
	FcObjectSet *os;
	FcFontSet *fs;
	FcChar8 *format;

	pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family,
	    FC_WEIGHT, FcTypeInteger, fc_weight(weight), FC_SLANT,
	    FcTypeInteger, fc_slant(slant), FC_WIDTH, FcTypeInteger,
	    FC_WIDTH_NORMAL, (char *)NULL);
	os = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_FONTFORMAT,
	    (char *)NULL);
	fs = pat != NULL && os != NULL ? FcFontList(NULL, pat, os) : NULL;
	if (fs != NULL && fs->nfont == 1 && FcPatternGetString(fs->fonts[0],
	    FC_FONTFORMAT, 0, &format) == FcResultMatch &&
	    strcmp((const char *)format, "TrueType") == 0)
		found = FcPatternDuplicate(fs->fonts[0]);
	if (fs != NULL)
		FcFontSetDestroy(fs);
	if (os != NULL)
		FcObjectSetDestroy(os);
	if (pat != NULL)
		FcPatternDestroy(pat);
	return found;
}

/* font_lookup_why() asking fontconfig. */
char *
font_ask_fontconfig(const char *family, enum font_weight weight,
    enum font_slant slant, int *index, char **why)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *file, *format, *best;
	char *path = NULL;
	int idx = 0;

	if (why != NULL)
		*why = NULL;
	register_cleanup();
	if ((match = fc_exact(family, weight, slant)) != NULL)
		goto found;
	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT, fc_weight(weight));
	FcPatternAddInteger(pat, FC_SLANT, fc_slant(slant));
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
found:
	if (match == NULL) {
		if (why != NULL)
			*why = xasprintf("no font family '%s' (fontconfig "
			    "found no fonts at all)", family);
		return NULL;
	}
	if (!has_family(match, family)) {
		if (why != NULL) {
			if (FcPatternGetString(match, FC_FAMILY, 0, &best) !=
			    FcResultMatch)
				best = (FcChar8 *)"?";
			*why = xasprintf("no font family '%s' (fontconfig "
			    "suggests '%s')", family, (const char *)best);
		}
		goto out;
	}
	if (FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch) {
		if (why != NULL)
			*why = xasprintf("font family '%s' has no file",
			    family);
		goto out;
	}
	/* libharu 2.3.0 parses glyf/loca only; CFF outlines fail deep inside it. */
	if (FcPatternGetString(match, FC_FONTFORMAT, 0, &format) ==
	    FcResultMatch && strcmp((const char *)format, "TrueType") != 0) {
		if (why != NULL)
			*why = xasprintf("font family '%s' is %s ('%s'); "
			    "libharu 2.3.0 can only embed TrueType fonts",
			    family, strcmp((const char *)format, "CFF") == 0 ?
			    "OpenType/CFF" : (const char *)format,
			    (const char *)file);
		goto out;
	}
	if (FcPatternGetInteger(match, FC_INDEX, 0, &idx) != FcResultMatch)
		idx = 0;
	path = xstrdup((const char *)file);
	if (index != NULL)
		*index = idx;
out:
	FcPatternDestroy(match);
	return path;
}

/* Begins the answers of the process with the build's, if they hold. */
static void
take_built_in(void)
{
	const struct font_answers_blob *b = &font_answers_built_in;

	built_in_taken = 1;
	register_cleanup();
	if (b->end > b->start)
		lookups = font_answers_read(b->start, (size_t)(b->end -
		    b->start), &nlookups);
	built_in_held = lookups != NULL;
}

int
font_built_in_held(void)
{
	if (!built_in_taken)
		take_built_in();
	return built_in_held;
}

char *
font_lookup_why(const char *family, enum font_weight weight,
    enum font_slant slant, int *index, char **why)
{
	struct font_answer *l;
	size_t i;

	if (!built_in_taken)
		take_built_in();
	for (i = 0; i < nlookups; i++)
		if (lookups[i].weight == weight && lookups[i].slant == slant &&
		    strcmp(lookups[i].family, family) == 0)
			break;
	if (i == nlookups) {
		lookups = xreallocarray(lookups, nlookups + 1,
		    sizeof(*lookups));
		l = &lookups[nlookups++];
		l->family = xstrdup(family);
		l->weight = weight;
		l->slant = slant;
		l->index = 0;
		l->path = font_ask_fontconfig(family, weight, slant, &l->index,
		    &l->why);
	}
	l = &lookups[i];
	if (why != NULL)
		*why = l->why != NULL ? xstrdup(l->why) : NULL;
	if (l->path == NULL)
		return NULL;
	if (index != NULL)
		*index = l->index;
	return xstrdup(l->path);
}

/*
 * The cmap of platform 3 and encoding enc (1: BMP, 10: all of Unicode),
 * of the given format (0: any); NULL when the face has none.
 */
static FT_CharMap
find_cmap(FT_Face face, int enc, int format)
{
	int i;

	for (i = 0; i < face->num_charmaps; i++) {
		FT_CharMap cm = face->charmaps[i];

		if (cm->platform_id == 3 && cm->encoding_id == enc &&
		    (format == 0 || FT_Get_CMap_Format(cm) == format))
			return cm;
	}
	return NULL;
}

/*
 * The glyph of cp: from the (3,1) format 4 cmap, the only one libharu
 * 2.3.0 reads, or for a code point above U+FFFF from the (3,10) cmap.
 */
static FT_UInt
glyph_of(struct font *f, uint32_t cp)
{
	FT_UInt gid;

	if (cp <= 0xFFFF)
		return FT_Get_Char_Index(f->face, cp);
	if (f->ucs4 == NULL || FT_Set_Charmap(f->face, f->ucs4) != 0)
		return 0;
	gid = FT_Get_Char_Index(f->face, cp);
	FT_Set_Charmap(f->face, f->bmp);
	return gid;
}

struct font *
font_open(const char *path, int index, char **why)
{
	struct font *f;
	FT_Face face;
	FT_ULong len = 0;
	FT_CharMap bmp;
	const char *format;

	*why = NULL;
	if (ft_init() == -1) {
		*why = xstrdup("cannot start FreeType");
		return NULL;
	}
	if (FT_New_Face(ft, path, index, &face) != 0) {
		*why = xasprintf("cannot read font '%s' (face %d)", path,
		    index);
		return NULL;
	}
	format = FT_Get_Font_Format(face);
	if (format == NULL || strcmp(format, "TrueType") != 0 ||
	    FT_Load_Sfnt_Table(face, FT_MAKE_TAG('g', 'l', 'y', 'f'), 0, NULL,
	    &len) != 0) {
		*why = xasprintf("font '%s' is %s, not TrueType; libharu 2.3.0 "
		    "can only embed TrueType fonts", path,
		    format != NULL && strcmp(format, "CFF") == 0 ?
		    "OpenType/CFF" : format != NULL ? format : "unknown");
		FT_Done_Face(face);
		return NULL;
	}
	if ((bmp = find_cmap(face, 1, 4)) == NULL ||
	    FT_Set_Charmap(face, bmp) != 0) {
		*why = xasprintf("font '%s' has no Windows Unicode (3,1) "
		    "format 4 cmap, which libharu 2.3.0 needs", path);
		FT_Done_Face(face);
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->index = index;
	f->family = xstrdup(face->family_name != NULL ? face->family_name :
	    "?");
	f->face = face;
	f->bmp = bmp;
	f->ucs4 = find_cmap(face, 10, 0);
	f->state.size = 1;
	f->adv.size = sizeof(uint16_t);
	f->adv.fill = 0xFF;	/* ADV_UNKNOWN */
	/* Rounded outwards: a box computed from them holds the glyphs. */
	f->ascender = (int)ceil(face->ascender * 1000.0 / face->units_per_EM);
	f->descender = (int)floor(face->descender * 1000.0 /
	    face->units_per_EM);
	return f;
}

void
font_free(struct font *f)
{
	if (f == NULL)
		return;
	FT_Done_Face(f->face);
	bmp_table_free(&f->state);
	bmp_table_free(&f->adv);
	free(f->family);
	free(f->path);
	free(f);
}

const char *
font_path(const struct font *f)
{
	return f->path;
}

int
font_index(const struct font *f)
{
	return f->index;
}

const char *
font_family(const struct font *f)
{
	return f->family;
}

int
font_has(struct font *f, uint32_t cp)
{
	unsigned char *state;

	/* Drawn as an outline (font_outline()), so any glyph will do. */
	if (cp > 0xFFFF)
		return glyph_of(f, cp) != 0;
	state = bmp_entry(&f->state, cp);
	if (*state == GLYPH_UNKNOWN)
		*state = FT_Get_Char_Index(f->face, cp) != 0 ? GLYPH_OK :
		    GLYPH_MISSING;
	return *state == GLYPH_OK;
}

/* The advance of cp asked from FreeType. */
static int
ft_advance(struct font *f, uint32_t cp)
{
	FT_UInt gid;
	FT_Fixed adv;

	gid = glyph_of(f, cp);
	if (FT_Get_Advance(f->face, gid, FT_LOAD_NO_SCALE, &adv) != 0)
		return 0;
	/* libharu: (HPDF_UINT32)advance_width * 1000 / units_per_em, truncated */
	return (int)((unsigned long)adv * 1000 / f->face->units_per_EM);
}

/*
 * Text is measured once per size tried, so every character is asked for
 * many times: FreeType answers once per face and code point.
 */
int
font_advance(struct font *f, uint32_t cp)
{
	uint16_t *adv;
	int a;

	if (cp > 0xFFFF)
		return ft_advance(f, cp);
	adv = bmp_entry(&f->adv, cp);
	if (*adv == ADV_UNKNOWN) {
		a = ft_advance(f, cp);
		if (a < 0 || a >= ADV_UNKNOWN)
			return a;	/* no glyph is that wide: not kept */
		*adv = (uint16_t)a;
	}
	return *adv;
}

/* FreeType's outline callbacks, scaled to 1/1000 em for the pen. */
struct outline {
	const struct font_pen *pen;
	double		 scale;
	double		 x, y;		/* the current point */
};

static int
ol_move(const FT_Vector *to, void *arg)
{
	struct outline *o = arg;

	o->x = to->x * o->scale;
	o->y = to->y * o->scale;
	o->pen->move(o->pen->arg, o->x, o->y);
	return 0;
}

static int
ol_line(const FT_Vector *to, void *arg)
{
	struct outline *o = arg;

	o->x = to->x * o->scale;
	o->y = to->y * o->scale;
	o->pen->line(o->pen->arg, o->x, o->y);
	return 0;
}

/* A quadratic Bézier curve is a cubic one with its controls 2/3 along. */
static int
ol_conic(const FT_Vector *c, const FT_Vector *to, void *arg)
{
	struct outline *o = arg;
	double cx = c->x * o->scale, cy = c->y * o->scale;
	double x = to->x * o->scale, y = to->y * o->scale;

	o->pen->cubic(o->pen->arg, o->x + 2.0 / 3 * (cx - o->x),
	    o->y + 2.0 / 3 * (cy - o->y), x + 2.0 / 3 * (cx - x),
	    y + 2.0 / 3 * (cy - y), x, y);
	o->x = x;
	o->y = y;
	return 0;
}

static int
ol_cubic(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to,
    void *arg)
{
	struct outline *o = arg;

	o->x = to->x * o->scale;
	o->y = to->y * o->scale;
	o->pen->cubic(o->pen->arg, c1->x * o->scale, c1->y * o->scale,
	    c2->x * o->scale, c2->y * o->scale, o->x, o->y);
	return 0;
}

int
font_outline(struct font *f, uint32_t cp, const struct font_pen *pen)
{
	static const FT_Outline_Funcs funcs = { ol_move, ol_line, ol_conic,
		ol_cubic, 0, 0 };
	struct outline o = { pen, 1000.0 / f->face->units_per_EM, 0, 0 };
	FT_UInt gid = glyph_of(f, cp);

	if (gid == 0 || FT_Load_Glyph(f->face, gid, FT_LOAD_NO_SCALE |
	    FT_LOAD_NO_BITMAP | FT_LOAD_NO_HINTING) != 0 ||
	    f->face->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
		return -1;
	return FT_Outline_Decompose(&f->face->glyph->outline, &funcs, &o) ==
	    0 ? 0 : -1;
}

int
font_ascender(const struct font *f)
{
	return f->ascender;
}

int
font_descender(const struct font *f)
{
	return f->descender;
}

/* Opens family or returns NULL with *why set. */
static struct font *
open_family(const char *family, enum font_weight weight,
    enum font_slant slant, char **why)
{
	struct font *f;
	char *path;
	int index = 0;

	if ((path = font_lookup_why(family, weight, slant, &index, why)) ==
	    NULL)
		return NULL;
	f = font_open(path, index, why);
	free(path);
	return f;
}

static int
chain_holds(const struct font_chain *c, const struct font *f)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->faces[i]->path, f->path) == 0 &&
		    c->faces[i]->index == f->index)
			return 1;
	return 0;
}

struct font_chain *
font_chain_new(struct diag *d, const struct srcpos *pos, const char *family,
    enum font_weight weight, enum font_slant slant)
{
	struct font_chain *c;
	struct font *f;
	char *why;

	if (family == NULL || *family == '\0')
		family = FONT_DEFAULT_FAMILY;
	if ((f = open_family(family, weight, slant, &why)) == NULL) {
		diag_warning(d, pos, "%s; using '%s'", why,
		    FONT_DEFAULT_FAMILY);
		free(why);
		if ((f = open_family(FONT_DEFAULT_FAMILY, weight, slant,
		    &why)) == NULL) {
			diag_error(d, pos, "%s (install fonts-liberation2)",
			    why);
			free(why);
			return NULL;
		}
	}
	c = xcalloc(1, sizeof(*c));
	c->faces[c->n++] = f;
	c->weight = weight;
	c->slant = slant;
	return c;
}

/*
 * Adds the next fallback that opens and is not in the chain yet; 0 when
 * none is left.  A missing fallback family is not reported: each
 * character no face has is reported where it is drawn.
 */
static int
chain_grow(struct font_chain *c)
{
	static const char *const fallbacks[] = FONT_FALLBACKS;
	struct font *f;
	char *why;

	while (c->next < FONT_NFALLBACKS) {
		if ((f = open_family(fallbacks[c->next++], c->weight, c->slant,
		    &why)) == NULL) {
			free(why);
			continue;
		}
		if (!chain_holds(c, f)) {
			c->faces[c->n++] = f;
			return 1;
		}
		font_free(f);
	}
	return 0;
}

void
font_chain_free(struct font_chain *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		font_free(c->faces[i]);
	free(c);
}

int
font_chain_len(struct font_chain *c)
{
	while (chain_grow(c))
		;
	return c->n;
}

struct font *
font_chain_face(const struct font_chain *c, int i)
{
	return c->faces[i];
}

int
font_chain_pick(struct font_chain *c, uint32_t cp)
{
	int i;

	for (i = 0; i < c->n || chain_grow(c); i++)
		if (font_has(c->faces[i], cp))
			return i;
	return -1;
}
