/*
 * Tests of font.h: fontconfig lookups, the TrueType-only rule, which
 * characters a face draws, and widths that agree with the ones libharu
 * writes into the PDF.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <hpdf.h>

#include "font.h"
#include "internal.h"
#include "util.h"

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

static void
lookup_by_family(void **state)
{
	char *p;
	int index = -1;

	(void)state;
	p = font_lookup_why("Liberation Sans", WEIGHT_REGULAR, SLANT_ROMAN,
	    &index, NULL);
	assert_non_null(p);
	assert_true(ends_with(p, "/LiberationSans-Regular.ttf"));
	assert_int_equal(index, 0);
	free(p);
	p = font_lookup_why("liberation sans", WEIGHT_BOLD, SLANT_ITALIC,
	    &index, NULL);
	assert_non_null(p);
	assert_true(ends_with(p, "/LiberationSans-BoldItalic.ttf"));
	free(p);
	p = font_lookup_why("WenQuanYi Micro Hei", WEIGHT_REGULAR, SLANT_ROMAN,
	    &index, NULL);
	assert_non_null(p);
	assert_true(ends_with(p, "/wqy-microhei.ttc"));
	assert_int_equal(index, 0);
	free(p);
}

static void
typo_is_detected(void **state)
{
	char *p, *why;
	int index;

	(void)state;
	p = font_lookup_why("Libration Sans", WEIGHT_REGULAR, SLANT_ROMAN,
	    &index, &why);
	assert_null(p);
	assert_non_null(why);
	assert_true(strncmp(why, "no font family 'Libration Sans' "
	    "(fontconfig suggests '", 54) == 0);
	free(why);
	assert_null(font_lookup_why("Libration Sans", WEIGHT_REGULAR,
	    SLANT_ROMAN, &index, NULL));
}

/* The family of an OpenType/CFF font installed here, or NULL. */
static char *
cff_family(char **file)
{
	FcPattern *pat = FcNameParse((const FcChar8 *)":fontformat=CFF");
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_FILE, NULL);
	FcFontSet *fs = FcFontList(NULL, pat, os);
	FcChar8 *fam, *f;
	char *res = NULL;

	if (fs != NULL && fs->nfont > 0 && FcPatternGetString(fs->fonts[0],
	    FC_FAMILY, 0, &fam) == FcResultMatch && FcPatternGetString(
	    fs->fonts[0], FC_FILE, 0, &f) == FcResultMatch) {
		res = xstrdup((const char *)fam);
		*file = xstrdup((const char *)f);
	}
	if (fs != NULL)
		FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return res;
}

static void
opentype_cff_is_refused(void **state)
{
	char *fam, *file = NULL, *why, *p, *want;
	int index;

	(void)state;
	if ((fam = cff_family(&file)) == NULL)
		skip();		/* no CFF font on this machine */
	p = font_lookup_why(fam, WEIGHT_REGULAR, SLANT_ROMAN, &index, &why);
	assert_null(p);
	assert_non_null(strstr(why, "is OpenType/CFF"));
	assert_non_null(strstr(why, "libharu 2.3.0 can only embed TrueType "
	    "fonts"));
	free(why);
	assert_null(font_open(file, 0, &why));
	want = xasprintf("font '%s' is OpenType/CFF, not TrueType; libharu "
	    "2.3.0 can only embed TrueType fonts", file);
	assert_string_equal(why, want);
	free(want);
	free(why);
	free(fam);
	free(file);
}

static struct font *
open_family(const char *family, enum font_weight w)
{
	char *p, *why = NULL;
	int index;
	struct font *f;

	p = font_lookup_why(family, w, SLANT_ROMAN, &index, NULL);
	assert_non_null(p);
	f = font_open(p, index, &why);
	assert_non_null(f);
	free(p);
	return f;
}

/*
 * Composite glyphs count as drawn at any depth and with any component id:
 * the font writer of libharu_fix.c embeds them whole (libharu 2.3.0 did
 * not, which test_pdf.c's nested_composites_are_drawn_whole shows).
 */
static void
composite_glyphs_count_as_drawn(void **state)
{
	struct font *dv = open_family("DejaVu Sans", WEIGHT_REGULAR);
	struct font *dvb = open_family("DejaVu Sans", WEIGHT_BOLD);
	struct font *lib = open_family("Liberation Sans", WEIGHT_BOLD);
	struct font *wqy = open_family("WenQuanYi Micro Hei",
	    WEIGHT_REGULAR);

	(void)state;
	/* Ё (U+0401) and š (U+0161) are nested composites in DejaVu. */
	assert_true(font_has(dv, 0x0401));
	assert_true(font_has(dvb, 0x0161));
	assert_true(font_has(dv, 'A'));
	assert_true(font_has(dv, 0x00E4));	/* ä: one level */
	assert_true(font_has(lib, 0x0401));
	assert_true(font_has(lib, 0x0161));
	/* 明 has components above glyph 32767. */
	assert_true(font_has(wqy, 0x660E));
	assert_true(font_has(wqy, 0x738B));	/* 王 */
	/*
	 * libharu turns code points above U+FFFF into spaces: they are
	 * drawn as outlines, so any glyph of the (3,10) cmap counts.
	 */
	assert_true(font_has(dv, 0x1F600));	/* 😀 */
	assert_false(font_has(dv, 0x1F48C));	/* 💌: Symbola's only */
	assert_false(font_has(lib, 0x4E00));	/* not in Liberation */
	font_free(dv);
	font_free(dvb);
	font_free(lib);
	font_free(wqy);
}

static void
chain_falls_back(void **state)
{
	struct diag d;
	struct font_chain *c;
	int k;

	(void)state;
	diag_init(&d, NULL, 0);
	c = font_chain_new(&d, NULL, "DejaVu Sans", WEIGHT_BOLD, SLANT_ROMAN);
	assert_non_null(c);
	/* DejaVu, Liberation, Zen Hei, LexiGulim, Micro Hei, Symbola */
	assert_int_equal(font_chain_len(c), 6);
	assert_string_equal(font_family(font_chain_face(c, 0)),
	    "DejaVu Sans");
	assert_int_equal(font_chain_pick(c, 's'), 0);
	assert_int_equal(font_chain_pick(c, 0x0161), 0);	/* š */
	k = font_chain_pick(c, 0x20BF);		/* ₿: not in DejaVu */
	assert_int_equal(k, 1);
	assert_string_equal(font_family(font_chain_face(c, k)),
	    "Liberation Sans");
	assert_int_equal(font_chain_pick(c, 0x738B), 2);
	k = font_chain_pick(c, 0x1F48C);	/* 💌 */
	assert_int_equal(k, 5);
	assert_string_equal(font_family(font_chain_face(c, k)), "Symbola");
	assert_int_equal(font_chain_pick(c, 0x231A), 5);	/* ⌚ */
	assert_int_equal(font_chain_pick(c, 0x1FAE8), -1);	/* too new */
	font_chain_free(c);
	assert_int_equal(d.nwarnings, 0);
}

static void
unknown_family_warns_and_uses_default(void **state)
{
	struct diag d;
	struct font_chain *c;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct srcpos pos = { "layouts/badges.xml", 4, 0 };

	(void)state;
	diag_init(&d, f, 0);
	c = font_chain_new(&d, &pos, "Nonexistent Grotesk", WEIGHT_REGULAR,
	    SLANT_ROMAN);
	fclose(f);
	assert_non_null(c);
	assert_string_equal(font_family(font_chain_face(c, 0)),
	    "Liberation Sans");
	assert_int_equal(d.nwarnings, 1);
	assert_true(strncmp(out, "layouts/badges.xml:4: warning: no font "
	    "family 'Nonexistent Grotesk' (fontconfig suggests '", 90) == 0);
	assert_non_null(strstr(out, "'); using 'Liberation Sans'\n"));
	free(out);
	font_chain_free(c);
}

/* Our widths must be libharu's, or measured lines would not be drawn lines. */
static void
widths_agree_with_libharu(void **state)
{
	static const char *const families[] = { "Liberation Sans",
	    "DejaVu Sans" };
	static const uint32_t cps[] = { 'A', 'W', 'i', ' ', '-', 0xE4, 0xDF,
	    0x201E, 0x2013, 0x0416, 0x2026, 0xA0 };
	size_t i, j;

	(void)state;
	for (i = 0; i < 2; i++) {
		struct font *f = open_family(families[i], WEIGHT_REGULAR);
		HPDF_Doc doc = HPDF_New(NULL, NULL);
		const char *name;
		HPDF_Font hf;

		HPDF_UseUTFEncodings(doc);
		name = HPDF_LoadTTFontFromFile(doc, font_path(f), HPDF_TRUE);
		hf = HPDF_GetFont(doc, name, "UTF-8");
		assert_non_null(hf);
		for (j = 0; j < sizeof(cps) / sizeof(cps[0]); j++) {
			struct buf b = { 0 };
			HPDF_TextWidth tw;

			buf_addcp(&b, cps[j]);
			tw = HPDF_Font_TextWidth(hf, (const HPDF_BYTE *)b.data,
			    (HPDF_UINT)b.len);
			assert_int_equal(font_advance(f, cps[j]), tw.width);
			buf_release(&b);
		}
		HPDF_Free(doc);
		font_free(f);
	}
}

static void
metrics(void **state)
{
	struct font *f = open_family("Liberation Sans", WEIGHT_REGULAR);

	(void)state;
	assert_int_equal(font_ascender(f), 906);
	assert_int_equal(font_descender(f), -212);
	/* 1366/2048 em: libharu truncates to 666, not 667. */
	assert_int_equal(font_advance(f, 'A'), 666);
	font_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookup_by_family),
		cmocka_unit_test(typo_is_detected),
		cmocka_unit_test(opentype_cff_is_refused),
		cmocka_unit_test(composite_glyphs_count_as_drawn),
		cmocka_unit_test(chain_falls_back),
		cmocka_unit_test(unknown_family_warns_and_uses_default),
		cmocka_unit_test(widths_agree_with_libharu),
		cmocka_unit_test(metrics),
	};

	return cmocka_run_group_tests_name("font", tests, NULL, NULL);
}
