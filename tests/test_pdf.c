/*
 * Tests of pdf.h with the poppler tools and qpdf: text that comes back
 * exactly, clean fonts, reproducible files, safe saving, and glyphs that
 * really are drawn (rasterised and compared, since pdftotext cannot see
 * a missing base letter).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


#include "font.h"
#include "internal.h"
#include "pdf.h"
#include "text.h"
#include "util.h"

static char dir[] = "/tmp/test_pdf.XXXXXX";

static const struct colour black = { COLOUR_RGB, { 0, 0, 0, 0 } };

static struct text_style
style(const char *family, enum font_weight w, double size)
{
	struct text_style st = { "", w, SLANT_ROMAN, size, size, 1.2,
	    { COLOUR_RGB, { 0, 0, 0, 0 } }, ALIGN_LEFT, 0, 0 };

	snprintf(st.family, sizeof(st.family), "%s", family);
	return st;
}

/* Runs cmd; returns its stdout, puts its stderr in *err, its status in *rc. */
static char *
run(const char *cmd, char **err, int *rc)
{
	char *full, *errfile = xasprintf("%s/stderr", dir);
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;
	FILE *p, *f;

	full = xasprintf("%s 2>%s", cmd, errfile);
	p = popen(full, "r");
	assert_non_null(p);
	buf_adds(&b, "");
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_add(&b, chunk, n);
	*rc = pclose(p);
	f = fopen(errfile, "r");
	assert_non_null(f);
	{
		struct buf e = { 0 };

		buf_adds(&e, "");
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&e, chunk, n);
		*err = buf_take(&e);
	}
	fclose(f);
	unlink(errfile);
	free(errfile);
	free(full);
	return buf_take(&b);
}

static void
draw_line(struct pdf *pdf, const struct text_style *st, const char *s,
    double x, double top)
{
	struct text_run r = { s, TEXT_REGULAR, 1 };
	struct text_block *tb = text_set(pdf, st, "de", &r, 1, 500, NULL);

	assert_non_null(tb);
	assert_int_equal(text_lines(tb), 1);
	assert_int_equal(text_draw(pdf, tb, x, top, 0, 1), 0);
	text_block_free(tb);
}

static const char *const lines[] = {
	"Begrüßung „Digitale Souveränität“ – Straße, Größe, Öl, Übel",
	"Referent*innen: Tanja Krins, Ёлка, Žižek, Łódź, Ἀθῆναι",
	"IT-Sicherheit/OZG 2.0 – 30 € · 10:30–11:15 Uhr",
};

static char *
make_doc(const char *name)
{
	struct diag d;
	struct pdf_info info = { "Programm „Digitale Stadt“ 2024",
	    "Stadt Köln", "Parallele Fachforen" };
	struct pdf *pdf;
	struct text_style st = style("Liberation Sans", WEIGHT_REGULAR, 12);
	char *path = xasprintf("%s/%s", dir, name);
	size_t i;

	diag_init(&d, stderr, 0);
	pdf = pdf_new(&d, &info);
	assert_non_null(pdf);
	assert_int_equal(pdf_page_add(pdf, PDF_MM(210), PDF_MM(297)), 0);
	for (i = 0; i < 3; i++)
		draw_line(pdf, &st, lines[i], 50, 780 - 20.0 * i);
	assert_int_equal(pdf_save(pdf, path), 0);
	pdf_free(pdf);
	assert_int_equal(d.nerrors + d.nwarnings, 0);
	return path;
}

static void
text_comes_back_exactly(void **state)
{
	char *path, *cmd, *out, *err, *want;
	int rc;

	(void)state;
	path = make_doc("text.pdf");
	cmd = xasprintf("pdftotext %s -", path);
	out = run(cmd, &err, &rc);
	want = xasprintf("%s\n%s\n%s\n\n\f", lines[0], lines[1], lines[2]);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");	/* no ToUnicode CMap warning */
	assert_string_equal(out, want);
	free(cmd);
	free(out);
	free(err);
	free(want);
	free(path);
}

static void
fonts_embedded_and_subset(void **state)
{
	char *path, *cmd, *out, *err, *line;
	int rc, nfonts = 0;

	(void)state;
	path = make_doc("fonts.pdf");
	cmd = xasprintf("pdffonts %s", path);
	out = run(cmd, &err, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	/* Header, rule, then one line per font: emb, sub, uni all yes. */
	for (line = strtok(out, "\n"); line != NULL; line = strtok(NULL,
	    "\n")) {
		if (strstr(line, "CID TrueType") == NULL)
			continue;
		nfonts++;
		assert_non_null(strstr(line, "Identity-H       yes yes yes"));
		assert_true(line[6] == '+');	/* subset tag ABCDEF+ */
	}
	/* Liberation Sans draws everything, Greek included. */
	assert_int_equal(nfonts, 1);
	free(cmd);
	free(out);
	free(err);
	cmd = xasprintf("qpdf --check %s", path);
	out = run(cmd, &err, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "No syntax or stream encoding errors"));
	assert_string_equal(err, "");
	free(cmd);
	free(out);
	free(err);
	free(path);
}

static void
document_info(void **state)
{
	char *path, *cmd, *out, *err;
	int rc;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1717000000", 1);
	path = make_doc("info.pdf");
	unsetenv("SOURCE_DATE_EPOCH");
	cmd = xasprintf("pdfinfo -isodates %s", path);
	out = run(cmd, &err, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_non_null(strstr(out, "Title:           Programm „Digitale "
	    "Stadt“ 2024\n"));
	assert_non_null(strstr(out, "Subject:         Parallele Fachforen\n"));
	assert_non_null(strstr(out, "Author:          Stadt Köln\n"));
	assert_non_null(strstr(out, "Creator:         pdfgen " PDFGEN_VERSION
	    "\n"));
	assert_non_null(strstr(out, "CreationDate:    2024-05-29T16:26:40Z"));
	free(cmd);
	free(out);
	free(err);
	free(path);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_take(&b);
}

static void
reproducible_with_source_date_epoch(void **state)
{
	char *a, *b, *da, *db;
	size_t la, lb;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1717000000", 1);
	a = make_doc("a.pdf");
	sleep(1);	/* a clock in the output would now differ */
	b = make_doc("b.pdf");
	unsetenv("SOURCE_DATE_EPOCH");
	da = slurp(a, &la);
	db = slurp(b, &lb);
	assert_true(la > 1000);
	assert_int_equal(la, lb);
	assert_memory_equal(da, db, la);
	free(da);
	free(db);
	free(a);
	free(b);
}

/* Number of entries in dir other than . and .. */
static int
entries(const char *path)
{
	DIR *dp = opendir(path);
	struct dirent *de;
	int n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		n += strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0;
	closedir(dp);
	return n;
}

static int
save_to(const char *path, char **msg, int fail_first)
{
	struct diag d;
	struct pdf *pdf;
	size_t len;
	FILE *f = open_memstream(msg, &len);
	struct text_style st = style("Liberation Sans", WEIGHT_REGULAR, 12);
	int rc;

	diag_init(&d, f, 0);
	pdf = pdf_new(&d, NULL);
	assert_int_equal(pdf_page_add(pdf, 200, 200), 0);
	draw_line(pdf, &st, "Hallo", 10, 150);
	if (fail_first) {
		/* libharu refuses sizes above 600 pt: its error is sticky. */
		struct font_chain *c = pdf_fonts(pdf, "Liberation Sans",
		    WEIGHT_REGULAR, SLANT_ROMAN);

		assert_int_equal(pdf_text(pdf, font_chain_face(c, 0), 700,
		    &black, 10, 10, "x", 1), -1);
		assert_int_equal(pdf_rect(pdf, 0, 0, 10, 10, &black, NULL, 0),
		    -1);
	}
	rc = pdf_save(pdf, path);
	pdf_free(pdf);
	fclose(f);
	return rc;
}

static void
failed_saves_leave_nothing(void **state)
{
	char *sub = xasprintf("%s/out", dir), *msg, *want, *missing, *good;
	char *before, *after;
	size_t lb, la;

	(void)state;
	assert_int_equal(mkdir(sub, 0755), 0);
	/* The output path is a folder. */
	assert_int_equal(save_to(sub, &msg, 0), -1);
	want = xasprintf("pdfgen: error: cannot write '%s': Is a directory\n",
	    sub);
	assert_string_equal(msg, want);
	free(msg);
	free(want);
	assert_int_equal(entries(sub), 0);
	/* The folder does not exist. */
	missing = xasprintf("%s/nowhere/booklet.pdf", dir);
	assert_int_equal(save_to(missing, &msg, 0), -1);
	want = xasprintf("pdfgen: error: cannot write '%s': No such file or "
	    "directory\n", missing);
	assert_string_equal(msg, want);
	free(msg);
	free(want);
	/* A good file stays as it was when a later save fails. */
	good = xasprintf("%s/booklet.pdf", sub);
	assert_int_equal(save_to(good, &msg, 0), 0);
	assert_string_equal(msg, "");
	free(msg);
	before = slurp(good, &lb);
	assert_int_equal(save_to(good, &msg, 1), -1);
	/* 0x1050: HPDF_PAGE_INVALID_FONT_SIZE, reported once. */
	want = xasprintf("pdfgen: error: cannot draw text: libharu error "
	    "0x1050 (detail 700)\npdfgen: error: '%s' not written after the "
	    "errors above\n", good);
	assert_string_equal(msg, want);
	free(want);
	free(msg);
	after = slurp(good, &la);
	assert_int_equal(la, lb);
	assert_memory_equal(before, after, la);
	assert_int_equal(entries(sub), 1);	/* no temporary file left */
	unlink(good);
	rmdir(sub);
	free(before);
	free(after);
	free(good);
	free(missing);
	free(sub);
}

/* The ink bounding box of a page rendered by pdftoppm as a PGM. */
struct ink {
	int	 x0, y0, x1, y1;	/* pixels, y down */
};

static struct ink
ink_of(const char *pdf, int page)
{
	char *cmd, *out, *err, *p;
	int rc, w, h, max, x, y, off;
	struct ink k = { 1 << 30, 1 << 30, -1, -1 };

	cmd = xasprintf("pdftoppm -gray -r 144 -f %d -l %d %s", page, page,
	    pdf);
	out = run(cmd, &err, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_int_equal(sscanf(out, "P5 %d %d %d%n", &w, &h, &max, &off), 3);
	p = out + off + 1;
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			if ((unsigned char)p[y * w + x] < 128) {
				k.x0 = x < k.x0 ? x : k.x0;
				k.x1 = x > k.x1 ? x : k.x1;
				k.y0 = y < k.y0 ? y : k.y0;
				k.y1 = y > k.y1 ? y : k.y1;
			}
	free(cmd);
	free(out);
	free(err);
	return k;
}

/*
 * Composite glyphs are drawn whole by their own face: DejaVu Sans's "Ё"
 * and Bold "š" are nested composites, WenQuanYi Micro Hei's "明" has
 * components above glyph 32767; libharu 2.3.0 embedded the first without
 * its base letter and the last blank.  The font writer of libharu_fix.c
 * follows components at any depth.
 */
static void
nested_composites_are_drawn_whole(void **state)
{
	struct diag d;
	struct pdf *pdf;
	struct text_style dv = style("DejaVu Sans", WEIGHT_REGULAR, 60);
	struct text_style dvb = style("DejaVu Sans", WEIGHT_BOLD, 60);
	struct text_style wqy = style("WenQuanYi Micro Hei", WEIGHT_REGULAR,
	    60);
	struct font_chain *c;
	char *path = xasprintf("%s/glyphs.pdf", dir);
	struct ink e, yo, s, sc, ming;

	(void)state;
	diag_init(&d, stderr, 0);
	pdf = pdf_new(&d, NULL);
	c = pdf_fonts(pdf, "DejaVu Sans", WEIGHT_REGULAR, SLANT_ROMAN);
	assert_int_equal(font_chain_pick(c, 0x0401), 0);
	c = pdf_fonts(pdf, "DejaVu Sans", WEIGHT_BOLD, SLANT_ROMAN);
	assert_int_equal(font_chain_pick(c, 0x0161), 0);
	c = pdf_fonts(pdf, "WenQuanYi Micro Hei", WEIGHT_REGULAR,
	    SLANT_ROMAN);
	assert_int_equal(font_chain_pick(c, 0x660E), 0);
	pdf_free(pdf);

	/* "Е" and "Ё", "s" and "š", each pair in one face; then "明". */
	pdf = pdf_new(&d, NULL);
	assert_int_equal(pdf_page_add(pdf, 100, 100), 0);
	draw_line(pdf, &dv, "Е", 20, 90);
	assert_int_equal(pdf_page_add(pdf, 100, 100), 0);
	draw_line(pdf, &dv, "Ё", 20, 90);
	assert_int_equal(pdf_page_add(pdf, 100, 100), 0);
	draw_line(pdf, &dvb, "s", 20, 90);
	assert_int_equal(pdf_page_add(pdf, 100, 100), 0);
	draw_line(pdf, &dvb, "š", 20, 90);
	assert_int_equal(pdf_page_add(pdf, 100, 100), 0);
	draw_line(pdf, &wqy, "明", 20, 90);
	assert_int_equal(pdf_save(pdf, path), 0);
	pdf_free(pdf);
	assert_int_equal(d.nerrors + d.nwarnings, 0);

	e = ink_of(path, 1);
	yo = ink_of(path, 2);
	s = ink_of(path, 3);
	sc = ink_of(path, 4);
	ming = ink_of(path, 5);
	/* Ё: the base letter of Е plus a dieresis above it. */
	assert_int_equal(yo.y1, e.y1);
	assert_int_equal(yo.x0, e.x0);
	assert_true(yo.y0 < e.y0 - 10);
	/* š: the s with a caron above it. */
	assert_int_equal(sc.y1, s.y1);
	assert_true(sc.y0 < s.y0 - 10);
	/*
	 * 明 (日 and 月 side by side) fills most of its em square: 60 pt
	 * at 144 dpi are 120 pixels; one half alone would be 50 wide.
	 */
	assert_true(ming.x1 - ming.x0 > 84);
	assert_true(ming.y1 - ming.y0 > 84);
	free(path);
}

static void
page_features(void **state)
{
	struct diag d;
	struct pdf *pdf;
	struct pdf_info info = { "Features", NULL, NULL };
	struct text_style st = style("Liberation Sans", WEIGHT_REGULAR, 12);
	struct colour cyan = { COLOUR_CMYK, { 1, 0, 0, 0 } };
	char *path = xasprintf("%s/features.pdf", dir), *cmd, *out, *err;
	char *img = xasprintf("%s/missing.png", dir), *msg, *want;
	struct srcpos pos = { "programme.xml", 7, 0 };
	size_t len;
	FILE *f = open_memstream(&msg, &len);
	double bleed = PDF_MM(3);
	int rc, top;

	(void)state;
	diag_init(&d, f, 0);
	pdf = pdf_new(&d, &info);
	/* A5 with 3 mm bleed and crop marks: 9 mm round the trim. */
	assert_int_equal(pdf_page_add_trimmed(pdf, PDF_MM(148), PDF_MM(210),
	    bleed, 1), 0);
	assert_int_equal(pdf_rect(pdf, 20, 20, 100, 50, &cyan, &black, 1), 0);
	/* Touches the top and the right edge: runs 3 mm past both. */
	assert_int_equal(pdf_band(pdf, PDF_MM(100), PDF_MM(200), PDF_MM(48),
	    PDF_MM(10), &cyan), 0);
	assert_int_equal(pdf_line(pdf, 20, 100, 200, 100, &black, 0.5), 0);
	assert_int_equal(pdf_qr(pdf, "https://example.org/forum/3", 300, 20,
	    80, &black), 0);
	top = pdf_bookmark(pdf, -1, "Foren – Übersicht", 500);
	assert_int_equal(top, 0);
	assert_int_equal(pdf_bookmark(pdf, top, "Forum 1: Größe", 400), 1);
	assert_int_equal(pdf_link(pdf, 20, 300, 100, 20, 1, 500), 0);
	draw_line(pdf, &st, "Seite 2", 20, 320);
	assert_int_equal(pdf_image(pdf, &pos, img, 0, 0, 10, 10), -1);
	assert_int_equal(pdf_page_add(pdf, 300, 300), 0);
	assert_int_equal(pdf_page_label(pdf, 0, PDF_LABEL_ROMAN, 1, NULL), 0);
	assert_int_equal(pdf_page_label(pdf, 1, PDF_LABEL_DECIMAL, 1, NULL),
	    0);
	/* The image error is the renderer's to handle; the document lives. */
	assert_int_equal(pdf_save(pdf, path), 0);
	pdf_free(pdf);
	fclose(f);
	want = xasprintf("programme.xml:7: error: cannot read image '%s': No "
	    "such file or directory\n", img);
	assert_string_equal(msg, want);
	free(want);
	free(msg);

	cmd = xasprintf("qpdf --check %s", path);
	out = run(cmd, &err, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	free(cmd);
	free(out);
	free(err);
	cmd = xasprintf("pdfinfo -box -f 1 -l 2 %s", path);
	out = run(cmd, &err, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_non_null(strstr(out, "Page    1 MediaBox:      0.00     0.00 "
	    "  470.55   646.30\n"));
	assert_non_null(strstr(out, "Page    1 TrimBox:      25.51    25.51 "
	    "  445.04   620.79\n"));
	assert_non_null(strstr(out, "Page    1 BleedBox:     17.01    17.01 "
	    "  453.54   629.29\n"));
	/* A page that is not trimmed: every box is the page. */
	assert_non_null(strstr(out, "Page    2 TrimBox:       0.00     0.00 "
	    "  300.00   300.00\n"));
	assert_non_null(strstr(out, "Page    2 BleedBox:      0.00     0.00 "
	    "  300.00   300.00\n"));
	free(cmd);
	free(out);
	free(err);
	/* Page 2 is empty: MuPDF and Ghostscript read it silently too. */
	cmd = xasprintf("sh tests/preflight.sh %s", path);
	out = run(cmd, &err, &rc);
	assert_string_equal(out, "");
	assert_int_equal(rc, 0);
	free(cmd);
	free(out);
	free(err);
	free(path);
	free(img);
}

static int
make_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL;
}

static int
remove_dir(void **state)
{
	char *cmd = xasprintf("rm -rf %s", dir);
	int rc;

	(void)state;
	rc = system(cmd);
	free(cmd);
	return rc != 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_comes_back_exactly),
		cmocka_unit_test(fonts_embedded_and_subset),
		cmocka_unit_test(document_info),
		cmocka_unit_test(reproducible_with_source_date_epoch),
		cmocka_unit_test(failed_saves_leave_nothing),
		cmocka_unit_test(nested_composites_are_drawn_whole),
		cmocka_unit_test(page_features),
	};

	return cmocka_run_group_tests_name("pdf", tests, make_dir,
	    remove_dir);
}
