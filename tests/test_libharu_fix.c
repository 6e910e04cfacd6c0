/*
 * Tests of libharu_fix.c: the libharu it was checked against is the one
 * installed, and its repairs do what libharu would have done, right.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "font.h"
#include "libharu_fix.h"
#include "util.h"

/*
 * The repairs rely on libharu 2.3's private structures and are compiled
 * only against its headers: with another libharu (headers or library),
 * pdfgen's output is not what was checked.  Say so loudly.
 */
static void
libharu_is_2_3(void **state)
{
	const char *lib = HPDF_GetVersion();

	(void)state;
	if (HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3 ||
	    strncmp(lib, "2.3.", 4) != 0)
		fail_msg("\n\n*** libharu %s is installed (headers %s), but "
		    "pdfgen/libharu_fix.c was checked against libharu 2.3.x "
		    "only:\n*** its repairs are off.  Install libharu 2.3 "
		    "(Debian 12: libhpdf-dev) or check every repair in "
		    "libharu_fix.c against %s.\n", lib, HPDF_VERSION_TEXT, lib);
}

/* The document's bytes, uncompressed as libharu writes by default. */
static char *
saved(HPDF_Doc doc, size_t *len)
{
	struct buf b = { 0 };
	HPDF_BYTE chunk[4096];
	HPDF_UINT32 n;
	HPDF_STATUS st;

	assert_int_equal(HPDF_SaveToStream(doc), HPDF_OK);
	assert_int_equal(HPDF_ResetStream(doc), HPDF_OK);
	do {
		n = sizeof(chunk);
		st = HPDF_ReadFromStream(doc, chunk, &n);
		buf_add(&b, (const char *)chunk, n);
	} while (st == HPDF_OK);
	assert_int_equal(st, HPDF_STREAM_EOF);
	*len = b.len;
	buf_addc(&b, '\0');
	return buf_take(&b);
}

/*
 * Liberation Sans embedded in doc, for UTF-8 text: its font name; its
 * file's path in *pathp (the caller frees it) unless pathp is NULL.
 */
static const char *
load_sans(HPDF_Doc doc, char **pathp)
{
	const char *name;
	char *path;
	int index;

	path = font_lookup_why("Liberation Sans", WEIGHT_REGULAR, SLANT_ROMAN,
	    &index, NULL);
	assert_non_null(path);
	assert_int_equal(HPDF_UseUTFEncodings(doc), HPDF_OK);
	name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
	assert_non_null(name);
	if (pathp != NULL)
		*pathp = path;
	else
		free(path);
	return name;
}

/* An empty page's content stream keeps no filter; others keep theirs. */
static void
empty_page_has_no_filter(void **state)
{
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_Page empty, full;
	char *pdf;
	size_t len;

	(void)state;
	assert_non_null(doc);
	assert_int_equal(HPDF_SetCompressionMode(doc, HPDF_COMP_ALL),
	    HPDF_OK);
	empty = HPDF_AddPage(doc);
	full = HPDF_AddPage(doc);
	HPDF_Page_Rectangle(full, 10, 10, 20, 20);
	HPDF_Page_Fill(full);
	fix_empty_page(empty);
	fix_empty_page(full);
	pdf = saved(doc, &len);
	/* libharu: "/Filter [ /FlateDecode ]" before the empty stream */
	assert_non_null(strstr(pdf, " 0 R\012>>\012stream\015\012\012endstream"));
	assert_null(strstr(pdf, "]\012>>\012stream\015\012\012endstream"));
	assert_non_null(strstr(pdf, "/Filter [ /FlateDecode ]"));
	free(pdf);
	HPDF_Free(doc);
}

/* A page of 2,000 squares, its content stream deflated or not. */
static char *
squares(int deflated, size_t *len)
{
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_Page page;
	char *pdf;
	int i;

	assert_non_null(doc);
	if (deflated)
		assert_int_equal(HPDF_SetCompressionMode(doc, HPDF_COMP_ALL),
		    HPDF_OK);
	page = HPDF_AddPage(doc);
	for (i = 0; i < 2000; i++) {
		HPDF_Page_Rectangle(page, (HPDF_REAL)(i % 50 * 10),
		    (HPDF_REAL)(i / 50 * 10), 5, 5);
		HPDF_Page_Fill(page);
	}
	pdf = saved(doc, len);
	HPDF_Free(doc);
	return pdf;
}

/* Where the n bytes of word first are in s[0..len), or NULL. */
static const char *
find_bytes(const char *s, size_t len, const void *word, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, word, n) == 0)
			return s + i;
	return NULL;
}

static const char *
find(const char *s, size_t len, const char *word)
{
	return find_bytes(s, len, word, strlen(word));
}

/* The bytes of the first stream longer than 1,000 bytes in pdf. */
static const char *
long_stream(const char *pdf, size_t len, size_t *n)
{
	const char *s = pdf, *end;

	while ((s = find(s, len - (size_t)(s - pdf), "stream\015\012")) !=
	    NULL) {
		s += 8;
		end = find(s, len - (size_t)(s - pdf), "endstream");
		assert_non_null(end);
		if (end - s > 1000) {
			*n = (size_t)(end - s);
			return s;
		}
	}
	fail_msg("no long stream");
	return NULL;
}

/*
 * Zlib stream z of nz bytes (the line end before "endstream" the last),
 * its header 0x78 and level, inflates to the n bytes at want.
 */
static void
assert_inflates(const char *z, size_t nz, unsigned level, const char *want,
    size_t n)
{
	uLongf nout = (uLongf)n + 16;
	unsigned char *out = xmalloc(nout);

	assert_int_equal((unsigned char)z[0], 0x78);
	assert_int_equal((unsigned char)z[1], level);
	assert_int_equal(uncompress(out, &nout, (const Bytef *)z,
	    (uLong)nz - 1), Z_OK);
	assert_int_equal(nout, n);
	assert_memory_equal(out, want, n);
	free(out);
}

/*
 * Streams are deflated by libharu_fix.c with libdeflate at its level 1
 * (the zlib header says "fastest": 0x78 0x01) and inflate to what
 * libharu writes uncompressed, across many output pieces.
 */
static void
deflate_inflates_to_the_content(void **state)
{
	char *plain, *packed;
	const char *p, *z;
	size_t plen, zlen, np, nz;

	(void)state;
	plain = squares(0, &plen);
	packed = squares(1, &zlen);
	p = long_stream(plain, plen, &np);
	z = long_stream(packed, zlen, &nz);
	/* The last line's end goes before endstream, not into the stream. */
	assert_true(np > 20000);
	assert_inflates(z, nz, 0x01, p, np - 1);
	free(plain);
	free(packed);
}

/*
 * A stream above 16 MB (a large image's pixels) is deflated by zlib in
 * pieces instead, at its level 3 ("fast": 0x78 0x5E), and inflates to
 * its bytes as well.
 */
static void
large_stream_inflates_to_the_content(void **state)
{
	const size_t n = (17u << 20) + 12345;
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_Page page;
	HPDF_Stream content;
	char *bytes = xmalloc(n), *pdf;
	const char *z;
	uint32_t x = 1;
	size_t len, nz, i;

	(void)state;
	assert_non_null(doc);
	/* Compressible, but not to nothing: digits of a random walk. */
	for (i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		bytes[i] = (char)('0' + (x >> 28) % 10);
	}
	assert_int_equal(HPDF_SetCompressionMode(doc, HPDF_COMP_ALL), HPDF_OK);
	page = HPDF_AddPage(doc);
	content = ((HPDF_PageAttr)page->attr)->stream;
	assert_int_equal(HPDF_Stream_Write(content, (HPDF_BYTE *)bytes,
	    (HPDF_UINT)n), HPDF_OK);
	pdf = saved(doc, &len);
	z = long_stream(pdf, len, &nz);
	assert_inflates(z, nz, 0x5E, bytes, n);
	free(bytes);
	free(pdf);
	HPDF_Free(doc);
}

/*
 * A font made by fix_get_font() gets, from fix_font_finish(), the widths
 * (W), glyphs (CIDToGIDMap) and code points (ToUnicode) of the CIDs drawn
 * in it, as libharu measures them, and of no others: "Hallo" draws H, a,
 * l and o, written as CIDs 1 to 4 in the order they come (the second l
 * is 3 again).  The glyphs are those of the embedded font, numbered from
 * 1 (0 is .notdef) in the order of their ids in the face; the ToUnicode
 * map has libharu's "begincidrange" (no ToUnicode operator) no more.
 */
static void
font_lists_the_drawn_code_points(void **state)
{
	static const unsigned cps[] = { 'H', 'a', 'l', 'o' };
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	struct fix_widths *fw = NULL;
	HPDF_FontDef def;
	HPDF_Font font;
	HPDF_Page page;
	unsigned char map[2 * 5 + 10] = { 0 };
	const char *name;
	char *pdf, want[200], *w = want;
	size_t len, i, j;
	HPDF_UINT16 gid, gids[sizeof(cps) / sizeof(cps[0])];
	int left;

	(void)state;
	assert_non_null(doc);
	name = load_sans(doc, NULL);
	font = fix_get_font(doc, name);
	assert_non_null(font);
	/* Made without measuring every code point: no widths yet. */
	assert_int_equal(HPDF_Array_Items(HPDF_Dict_GetItem(
	    ((HPDF_FontAttr)font->attr)->descendant_font, "W",
	    HPDF_OCLASS_ARRAY)), 0);
	page = HPDF_AddPage(doc);
	assert_int_equal(HPDF_Page_BeginText(page), HPDF_OK);
	assert_int_equal(HPDF_Page_SetFontAndSize(page, font, 12), HPDF_OK);
	assert_int_equal(fix_text_out(page, font, &fw, 10, 10, "Hallo", 5,
	    &left), HPDF_OK);
	assert_int_equal(left, 0);
	assert_int_equal(HPDF_Page_EndText(page), HPDF_OK);
	assert_int_equal(fix_font_finish(font, fw), HPDF_OK);
	def = HPDF_GetFontDef(doc, name);
	w += sprintf(w, "/W [ 1 [ ");
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		gids[i] = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cps[i]);
		assert_true(gids[i] != 0);
	}
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		for (j = 0, gid = 1; j < sizeof(cps) / sizeof(cps[0]); j++)
			gid += gids[j] < gids[i];
		map[2 * (i + 1)] = (unsigned char)(gid >> 8);
		map[2 * (i + 1) + 1] = (unsigned char)gid;
		w += sprintf(w, "%d ",
		    HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)cps[i]));
	}
	sprintf(w, "] ]");
	pdf = saved(doc, &len);
	assert_non_null(find(pdf, len, "<00010002000300030004> Tj\012"));
	assert_non_null(find(pdf, len, want));
	/* The map, ending after CID 4: the stream's end follows. */
	memcpy(map + 2 * 5, "\012endstream", 10);
	assert_non_null(find_bytes(pdf, len, map, sizeof(map)));
	assert_null(find(pdf, len, "begincidrange"));
	assert_non_null(find(pdf, len, "4 beginbfchar\n<0001> <0048>\n"
	    "<0002> <0061>\n<0003> <006C>\n<0004> <006F>\nendbfchar\n"));
	fix_widths_free(fw);
	free(pdf);
	HPDF_Free(doc);
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* The data of the stream the object after key (as "/Key ") refers to. */
static const unsigned char *
referred_stream(const char *pdf, size_t len, const char *key)
{
	const char *at = find(pdf, len, key);
	char obj[40];

	assert_non_null(at);
	snprintf(obj, sizeof(obj), "\012%lu 0 obj",
	    strtoul(at + strlen(key), NULL, 10));
	assert_non_null(at = find(pdf, len, obj));
	assert_non_null(at = find(at, len - (size_t)(at - pdf),
	    "stream\015\012"));
	return (const unsigned char *)at + 8;
}

/*
 * The embedded font file: libharu's thirteen tables, each with its
 * checksum, the whole file summing to 0xB1B0AFBA, "post" without glyph
 * names (version 3), only the glyphs drawn (and .notdef and the parts of
 * composite ones), no character map of its own (the PDF's CIDToGIDMap
 * maps them), and FreeType draws the glyph the map gives each CID drawn
 * as the face's own file draws its code point, as wide: "Hallo" and
 * "Ä", a composite glyph (A and its dieresis, numbered anew in it).
 */
static void
font_file_is_sound(void **state)
{
	static const char tags[] = "OS/2cmapcvt fpgmglyfheadhheahmtxloca"
	    "maxpnamepostprep";
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	struct fix_widths *fw = NULL;
	HPDF_Font font;
	HPDF_Page page;
	static const unsigned cps[] = { 'H', 'a', 'l', 'o', ' ', 0xC4 };
	FT_Library ft;
	FT_Face face, orig;
	HPDF_UINT16 gid;
	const unsigned char *f, *dir, *map;
	const char *name, *at;
	char *path, *pdf;
	size_t len, i, j;
	uint32_t sum, k, len1, off, n;
	int left;

	(void)state;
	assert_non_null(doc);
	name = load_sans(doc, &path);
	font = fix_get_font(doc, name);
	assert_non_null(font);
	page = HPDF_AddPage(doc);
	assert_int_equal(HPDF_Page_BeginText(page), HPDF_OK);
	assert_int_equal(HPDF_Page_SetFontAndSize(page, font, 12), HPDF_OK);
	assert_int_equal(fix_text_out(page, font, &fw, 10, 10, "Hallo \xc3\x84",
	    8, &left), HPDF_OK);
	assert_int_equal(HPDF_Page_EndText(page), HPDF_OK);
	assert_int_equal(fix_font_finish(font, fw), HPDF_OK);
	pdf = saved(doc, &len);
	at = find(pdf, len, "/Length1 ");
	assert_non_null(at);
	len1 = (uint32_t)strtoul(at + 9, NULL, 10);
	at = find(at, len - (size_t)(at - pdf), "stream\015\012");
	assert_non_null(at);
	f = (const unsigned char *)at + 8;
	assert_true(len1 > 1000 && len1 % 4 == 0);
	assert_int_equal(get32(f + 4) >> 16, 13);
	for (i = 0, sum = 0; i < 13; i++) {
		dir = f + 12 + 16 * i;
		assert_memory_equal(dir, tags + 4 * i, 4);
		off = get32(dir + 8);
		n = get32(dir + 12);
		assert_true(off % 4 == 0 && off + n <= len1);
		for (k = 0, sum = 0; k < (n + 3) / 4; k++)
			sum += get32(f + off + 4 * k) & (k * 4 + 4 <= n ? ~0u :
			    ~0u << 8 * (k * 4 + 4 - n));
		if (memcmp(dir, "head", 4) != 0)
			assert_int_equal(sum, get32(dir + 4));
		if (memcmp(dir, "post", 4) == 0) {
			assert_int_equal(n, 32);
			assert_int_equal(get32(f + off), 0x00030000);
		}
	}
	for (k = 0, sum = 0; k < len1 / 4; k++)
		sum += get32(f + 4 * k);
	assert_int_equal(sum, 0xB1B0AFBA);
	assert_int_equal(FT_Init_FreeType(&ft), 0);
	assert_int_equal(FT_New_Memory_Face(ft, f, (FT_Long)len1, 0, &face),
	    0);
	assert_int_equal(FT_New_Face(ft, path, 0, &orig), 0);
	/* .notdef, space, H, a, l, o, Ä, and Ä's A and dieresis. */
	assert_int_equal(face->num_glyphs, 9);
	assert_int_equal(FT_Get_Char_Index(face, 'H'), 0);
	map = referred_stream(pdf, len, "/CIDToGIDMap ");
	/* As in the face's own file: Ä is A and a dieresis (composite). */
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		gid = HPDF_TTFontDef_GetGlyphid(HPDF_GetFontDef(doc, name),
		    (HPDF_UINT16)cps[i]);
		assert_int_equal(FT_Load_Glyph(orig, gid, FT_LOAD_NO_SCALE), 0);
		/* CIDs in the order the code points come: i + 1. */
		gid = (HPDF_UINT16)(map[2 * (i + 1)] << 8 | map[2 * (i + 1) + 1]);
		assert_true(gid > 0);
		assert_int_equal(FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE), 0);
		assert_true(face->glyph->outline.n_points > 0 || cps[i] == ' ');
		assert_int_equal(face->glyph->outline.n_points,
		    orig->glyph->outline.n_points);
		assert_int_equal(face->glyph->outline.n_contours,
		    orig->glyph->outline.n_contours);
		assert_int_equal(face->glyph->metrics.horiAdvance,
		    orig->glyph->metrics.horiAdvance);
		for (j = 0; j < (size_t)orig->glyph->outline.n_points; j++) {
			assert_int_equal(face->glyph->outline.points[j].x,
			    orig->glyph->outline.points[j].x);
			assert_int_equal(face->glyph->outline.points[j].y,
			    orig->glyph->outline.points[j].y);
		}
	}
	FT_Done_Face(orig);
	FT_Done_Face(face);
	FT_Done_FreeType(ft);
	fix_widths_free(fw);
	free(pdf);
	free(path);
	HPDF_Free(doc);
}

/*
 * libharu's own function name, found in the library itself, not the
 * replacement of libharu_fix.c that the program's calls reach; *lib is
 * to be closed with dlclose().
 */
static void *
libharus_own(const char *name, void **lib)
{
	void *f;

	*lib = dlopen("libhpdf-2.3.0.so", RTLD_LAZY | RTLD_NOLOAD);
	assert_non_null(*lib);
	f = dlsym(*lib, name);
	assert_non_null(f);
	return f;
}

typedef HPDF_UINT16 (*glyphid_fn)(HPDF_FontDef, HPDF_UINT16);

/*
 * libharu_fix.c replaces libharu's HPDF_TTFontDef_GetGlyphid with a bisection:
 * for every code point of every face a chain may use, it must answer as
 * libharu's own function (found in the library itself) does.
 */
static void
glyph_lookup_agrees_with_libharu(void **state)
{
	static const char *const families[] = FONT_FALLBACKS;
	void *lib;
	glyphid_fn orig;
	HPDF_Doc doc;
	HPDF_FontDef def;
	const char *name;
	char *path;
	size_t i;
	int w, index, checked = 0;
	unsigned cp;

	(void)state;
	*(void **)&orig = libharus_own("HPDF_TTFontDef_GetGlyphid", &lib);
	assert_ptr_not_equal(orig, HPDF_TTFontDef_GetGlyphid);
	for (i = 0; i < FONT_NFALLBACKS; i++) {
		for (w = 0; w < 2; w++) {
			path = font_lookup_why(families[i], w ? WEIGHT_BOLD :
			    WEIGHT_REGULAR, SLANT_ROMAN, &index, NULL);
			if (path == NULL)
				continue;
			doc = HPDF_New(NULL, NULL);
			assert_non_null(doc);
			name = strstr(path, ".ttc") != NULL ?
			    HPDF_LoadTTFontFromFile2(doc, path,
			    (HPDF_UINT)index, HPDF_FALSE) :
			    HPDF_LoadTTFontFromFile(doc, path, HPDF_FALSE);
			assert_non_null(name);
			def = HPDF_GetFontDef(doc, name);
			assert_non_null(def);
			for (cp = 0; cp <= 0xFFFF; cp++)
				if (HPDF_TTFontDef_GetGlyphid(def,
				    (HPDF_UINT16)cp) != orig(def,
				    (HPDF_UINT16)cp))
					fail_msg("%s U+%04X: %u, libharu %u",
					    path, cp,
					    HPDF_TTFontDef_GetGlyphid(def,
					    (HPDF_UINT16)cp),
					    orig(def, (HPDF_UINT16)cp));
			HPDF_Free(doc);
			free(path);
			checked++;
		}
	}
	assert_true(checked >= 4);
	dlclose(lib);
}

/*
 * One document of three pages, nested bookmarks (a parent whose next
 * sibling comes before its first child, and one the other way round),
 * links and a content stream of many small blocks, made with libharu's
 * calls or (fix set) with their replacements in libharu_fix.c.
 */
static HPDF_Doc
tree(int fix)
{
	static const char *const title[] = { "Größe", "A1", "B", "C", "B1",
		"B2", "A2" };
	static const int parent[] = { -1, 0, -1, -1, 2, 2, 0 };
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_Page pg[3];
	HPDF_Outline o[7];
	HPDF_Destination dst;
	HPDF_Encoder u8;
	HPDF_Rect r = { 10, 20, 110, 35 };
	int i;

	assert_non_null(doc);
	assert_int_equal(HPDF_UseUTFEncodings(doc), HPDF_OK);
	u8 = HPDF_GetEncoder(doc, "UTF-8");
	for (i = 0; i < 3; i++) {
		pg[i] = HPDF_AddPage(doc);
		if (fix)
			fix_page_blocks(pg[i]);
	}
	for (i = 0; i < 300; i++)
		HPDF_Page_Rectangle(pg[1], (HPDF_REAL)i, 1.5f, 2, 3);
	for (i = 0; i < 7; i++) {
		if (fix)
			o[i] = fix_outline(doc, parent[i] < 0 ? NULL :
			    o[parent[i]], title[i], u8, pg[i % 3],
			    (HPDF_REAL)(100.25 + i));
		else {
			o[i] = HPDF_CreateOutline(doc, parent[i] < 0 ? NULL :
			    o[parent[i]], title[i], u8);
			dst = HPDF_Page_CreateDestination(pg[i % 3]);
			assert_int_equal(HPDF_Destination_SetFitH(dst,
			    (HPDF_REAL)(100.25 + i)), HPDF_OK);
			assert_int_equal(HPDF_Outline_SetDestination(o[i],
			    dst), HPDF_OK);
		}
		assert_non_null(o[i]);
	}
	for (i = 0; i < 4; i++) {
		dst = HPDF_Page_CreateDestination(pg[(i + 1) % 3]);
		assert_int_equal(HPDF_Destination_SetFitH(dst, 500.5f),
		    HPDF_OK);
		r.bottom += 20;
		r.top += 20;
		if (fix)
			assert_int_equal(fix_link(pg[i % 2], r, dst), HPDF_OK);
		else
			assert_int_equal(HPDF_LinkAnnot_SetBorderStyle(
			    HPDF_Page_CreateLinkAnnot(pg[i % 2], r, dst), 0, 0,
			    0), HPDF_OK);
	}
	return doc;
}

/*
 * Links, bookmarks, pages of small blocks and a document written straight
 * to its file: every byte as libharu's own calls make it.
 */
static void
replacements_write_what_libharu_does(void **state)
{
	HPDF_Doc a = tree(0), b = tree(1);
	char *pa, *pb, *pc = NULL;
	size_t la, lb, lc = 0;
	FILE *fp = open_memstream(&pc, &lc);
	int err;

	(void)state;
	pa = saved(a, &la);
	assert_non_null(strstr(pa, "/Count 2\n"));	/* under "B" */
	assert_non_null(strstr(pa, "/Count 7\n"));	/* the root */
	assert_non_null(strstr(pa, "/Subtype /Link\n"));
	pb = saved(b, &lb);
	assert_int_equal(lb, la);
	assert_memory_equal(pb, pa, la);
	assert_non_null(fp);
	assert_int_equal(fix_save(b, fp, &err), HPDF_OK);
	assert_int_equal(err, 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(lc, la);
	assert_memory_equal(pc, pa, la);
	free(pa);
	free(pb);
	free(pc);
	HPDF_Free(a);
	HPDF_Free(b);
}

typedef HPDF_Stream (*reader_fn)(HPDF_MMgr, const char *);

/* One step of reading both streams: the same answers, the same bytes. */
static void
read_both(HPDF_Stream a, HPDF_Stream b, HPDF_UINT n)
{
	HPDF_BYTE *x = xcalloc(n + 1, 1), *y = xcalloc(n + 1, 1);
	HPDF_UINT nx = n, ny = n;

	memset(x, 0xAA, n);
	memset(y, 0x55, n);
	assert_int_equal(HPDF_Stream_Read(a, x, &nx),
	    HPDF_Stream_Read(b, y, &ny));
	assert_int_equal(nx, ny);
	assert_memory_equal(x, y, n);
	assert_int_equal(HPDF_Stream_Tell(a), HPDF_Stream_Tell(b));
	free(x);
	free(y);
}

/*
 * libharu_fix.c reads font files with its own HPDF_FileReader_New: for
 * reads short and long, within its window and across it, after seeks of
 * every kind and at the end of the file, it answers as libharu's own
 * reader (found in the library itself), byte for byte.
 */
static void
file_reader_reads_as_libharu(void **state)
{
	static const HPDF_UINT sizes[] = { 2, 4, 1, 3, 100, 16383, 16385,
	    70000 };
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_Stream a, b;
	HPDF_UINT32 size;
	reader_fn orig;
	void *lib;
	char *path;
	size_t i;

	(void)state;
	assert_non_null(doc);
	*(void **)&orig = libharus_own("HPDF_FileReader_New", &lib);
	assert_ptr_not_equal(orig, HPDF_FileReader_New);
	path = font_lookup_why("Liberation Sans", WEIGHT_REGULAR, SLANT_ROMAN,
	    NULL, NULL);
	assert_non_null(path);
	a = HPDF_FileReader_New(doc->mmgr, path);
	b = orig(doc->mmgr, path);
	assert_non_null(a);
	assert_non_null(b);
	size = HPDF_Stream_Size(b);
	assert_true(size > 200000);
	assert_int_equal(HPDF_Stream_Size(a), size);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		read_both(a, b, sizes[i]);
	/* Back into the window, then far ahead, then from the end. */
	assert_int_equal(HPDF_Stream_Seek(a, 12, HPDF_SEEK_SET), HPDF_OK);
	assert_int_equal(HPDF_Stream_Seek(b, 12, HPDF_SEEK_SET), HPDF_OK);
	read_both(a, b, 16);
	assert_int_equal(HPDF_Stream_Seek(a, 150000, HPDF_SEEK_CUR), HPDF_OK);
	assert_int_equal(HPDF_Stream_Seek(b, 150000, HPDF_SEEK_CUR), HPDF_OK);
	read_both(a, b, 4);
	assert_int_equal(HPDF_Stream_Seek(a, -1000, HPDF_SEEK_END), HPDF_OK);
	assert_int_equal(HPDF_Stream_Seek(b, -1000, HPDF_SEEK_END), HPDF_OK);
	read_both(a, b, 4);
	/* Past the end: a short read, the rest cleared, then nothing. */
	read_both(a, b, 2000);
	read_both(a, b, 2);
	assert_int_equal(HPDF_Stream_Seek(a, (HPDF_INT)size + 10,
	    HPDF_SEEK_SET), HPDF_OK);
	assert_int_equal(HPDF_Stream_Seek(b, (HPDF_INT)size + 10,
	    HPDF_SEEK_SET), HPDF_OK);
	read_both(a, b, 4);
	HPDF_Stream_Free(a);
	HPDF_Stream_Free(b);
	/* A file that is not there: no stream, libharu's error. */
	assert_null(HPDF_FileReader_New(doc->mmgr, "/nonexistent/font.ttf"));
	assert_int_equal(HPDF_GetError(doc), HPDF_FILE_OPEN_ERROR);
	free(path);
	HPDF_Free(doc);
	dlclose(lib);
}

typedef HPDF_FontDef (*fontdef_load_fn)(HPDF_MMgr, HPDF_Stream, HPDF_BOOL);

/* Whether a and b, font definitions of one face, hold the same parse. */
static void
same_parse(HPDF_FontDef a, HPDF_FontDef b)
{
	HPDF_TTFontDefAttr x = a->attr, y = b->attr;
	size_t segs = x->cmap.seg_count_x2 / 2u;

	assert_string_equal(a->base_font, b->base_font);
	assert_int_equal(a->ascent, b->ascent);
	assert_int_equal(a->descent, b->descent);
	assert_int_equal(a->flags, b->flags);
	assert_memory_equal(&a->font_bbox, &b->font_bbox, sizeof(a->font_bbox));
	assert_int_equal(a->italic_angle, b->italic_angle);
	assert_int_equal(a->stemv, b->stemv);
	assert_int_equal(a->missing_width, b->missing_width);
	assert_int_equal(a->cap_height, b->cap_height);
	assert_int_equal(a->x_height, b->x_height);
	assert_int_equal(x->num_glyphs, y->num_glyphs);
	assert_int_equal(x->num_h_metric, y->num_h_metric);
	assert_memory_equal(&x->header, &y->header, sizeof(x->header));
	assert_memory_equal(x->h_metric, y->h_metric, x->num_glyphs *
	    sizeof(*x->h_metric));
	assert_memory_equal(x->glyph_tbl.offsets, y->glyph_tbl.offsets,
	    (x->num_glyphs + 1u) * sizeof(*x->glyph_tbl.offsets));
	assert_int_equal(x->glyph_tbl.base_offset, y->glyph_tbl.base_offset);
	assert_memory_equal(x->glyph_tbl.flgs, y->glyph_tbl.flgs,
	    x->num_glyphs);
	assert_int_equal(x->cmap.seg_count_x2, y->cmap.seg_count_x2);
	assert_memory_equal(x->cmap.end_count, y->cmap.end_count, segs * 2);
	assert_memory_equal(x->cmap.start_count, y->cmap.start_count, segs * 2);
	assert_memory_equal(x->cmap.id_delta, y->cmap.id_delta, segs * 2);
	assert_memory_equal(x->cmap.id_range_offset, y->cmap.id_range_offset,
	    segs * 2);
	assert_int_equal(x->cmap.glyph_id_array_count,
	    y->cmap.glyph_id_array_count);
	assert_memory_equal(x->cmap.glyph_id_array, y->cmap.glyph_id_array,
	    x->cmap.glyph_id_array_count * 2u);
	assert_int_equal(x->offset_tbl.num_tables, y->offset_tbl.num_tables);
	assert_memory_equal(x->offset_tbl.table, y->offset_tbl.table,
	    x->offset_tbl.num_tables * sizeof(*x->offset_tbl.table));
	assert_int_equal(x->name_tbl.count, y->name_tbl.count);
	assert_memory_equal(x->name_tbl.name_records, y->name_tbl.name_records,
	    x->name_tbl.count * sizeof(*x->name_tbl.name_records));
	assert_ptr_not_equal(x->h_metric, y->h_metric);
	assert_ptr_not_equal(x->stream, y->stream);
}

/*
 * A face loaded again, by another document, is copied from the first
 * parse (libharu_fix.c keeps it): the same as libharu's own loader
 * (found in the library itself) parses, in the document's own memory,
 * and without the glyphs the first document drew ("Hallo").
 */
static void
face_loaded_again_is_libharus_parse(void **state)
{
	HPDF_Doc a = HPDF_New(NULL, NULL), b = HPDF_New(NULL, NULL);
	HPDF_Doc c = HPDF_New(NULL, NULL);
	struct fix_widths *fw = NULL;
	HPDF_FontDef own;
	HPDF_Font font;
	HPDF_Page page;
	fontdef_load_fn orig;
	const char *name;
	char *path;
	void *lib;
	int left;

	(void)state;
	*(void **)&orig = libharus_own("HPDF_TTFontDef_Load", &lib);
	assert_ptr_not_equal(orig, HPDF_TTFontDef_Load);
	font = fix_get_font(a, load_sans(a, &path));
	page = HPDF_AddPage(a);
	assert_int_equal(HPDF_Page_BeginText(page), HPDF_OK);
	assert_int_equal(HPDF_Page_SetFontAndSize(page, font, 12), HPDF_OK);
	assert_int_equal(fix_text_out(page, font, &fw, 10, 10, "Hallo", 5,
	    &left), HPDF_OK);
	assert_non_null(name = load_sans(b, NULL));
	own = orig(c->mmgr, HPDF_FileReader_New(c->mmgr, path), HPDF_TRUE);
	assert_non_null(own);
	same_parse(HPDF_GetFontDef(b, name), own);
	assert_ptr_equal(HPDF_GetFontDef(b, name)->mmgr, b->mmgr);
	HPDF_FontDef_Free(own);
	fix_widths_free(fw);
	HPDF_Free(a);
	HPDF_Free(b);
	HPDF_Free(c);
	free(path);
	dlclose(lib);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(libharu_is_2_3),
		cmocka_unit_test(empty_page_has_no_filter),
		cmocka_unit_test(glyph_lookup_agrees_with_libharu),
		cmocka_unit_test(deflate_inflates_to_the_content),
		cmocka_unit_test(large_stream_inflates_to_the_content),
		cmocka_unit_test(replacements_write_what_libharu_does),
		cmocka_unit_test(font_lists_the_drawn_code_points),
		cmocka_unit_test(font_file_is_sound),
		cmocka_unit_test(file_reader_reads_as_libharu),
		cmocka_unit_test(face_loaded_again_is_libharus_parse),
	};

	return cmocka_run_group_tests_name("libharu_fix", tests, NULL, NULL);
}
