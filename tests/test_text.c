/*
 * Tests of text.h with real measurements in Liberation Sans: paragraphs
 * within their width, hyphenation only where allowed, fit-to-box sizes,
 * shortening and the warnings about text that cannot be drawn.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "font.h"
#include "text.h"
#include "util.h"

static const char seed_cloud[] =
	"Das Jahr 2024 könnte für die Implementierung der Cloud in der "
	"öffentlichen Verwaltung den Durchbruch bringen. Der Bund lagert "
	"besonders sensible Anwendungen an den deutschen Cloud-Anbieter Ionos "
	"aus, der dafür eine vom Internet getrennte Server-Infrastruktur "
	"errichtet. Das Land NRW hat ebenfalls einen Auftrag vergeben an die "
	"Firmen Ionos und Computacenter, um für seinen Bedarf eine "
	"Cloud-Infrastruktur aufzubauen. Dies soll auch der Deutschen "
	"Verwaltungscloud-Strategie neue Impulse geben, denn diese hat die "
	"Schaffung gemeinsamer Standards und offener Schnittstellen für "
	"Cloud-Lösungen der öffentlichen Verwaltung zum Ziel.";

static const char koordinierung[] = "Koordinierungsstelle Digitale "
	"Souveränität und Open Source im CIIO – Chief Information/Innovation "
	"Office der Stadt Dortmund";

struct fixture {
	struct diag	 d;
	char		*out;		/* what diag printed */
	size_t		 len;
	FILE		*f;
	struct pdf	*pdf;
};

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));

	fx->f = open_memstream(&fx->out, &fx->len);
	diag_init(&fx->d, fx->f, 0);
	fx->pdf = pdf_new(&fx->d, NULL);
	*state = fx;
	return fx->pdf == NULL || pdf_page_add(fx->pdf, 595, 842) != 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	pdf_free(fx->pdf);
	fclose(fx->f);
	free(fx->out);
	free(fx);
	return 0;
}

/* What diag has printed so far. */
static const char *
messages(struct fixture *fx)
{
	fflush(fx->f);
	return fx->out != NULL ? fx->out : "";
}

static struct text_style
style(double size, enum text_align align)
{
	struct text_style st = { "Liberation Sans", WEIGHT_REGULAR,
	    SLANT_ROMAN, size, size, 1.25, { COLOUR_RGB, { 0, 0, 0, 0 } },
	    align, 0, 1 };

	return st;
}

/* s without spaces and hyphens, to compare texts across line breaks. */
static char *
squeeze(const char *s)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '-')
			buf_addc(&b, *s);
	return buf_take(&b);
}

static char *
all_lines(const struct text_block *tb, const char *sep)
{
	struct buf b = { 0 };
	size_t i;
	char *l;

	buf_adds(&b, "");
	for (i = 0; i < text_lines(tb); i++) {
		l = text_line_text(tb, i);
		if (i > 0)
			buf_adds(&b, sep);
		buf_adds(&b, l);
		free(l);
	}
	return buf_take(&b);
}

static void
seed_paragraph_within_width(void **state)
{
	static const double widths[] = { 150, 200, 280 };
	struct fixture *fx = *state;
	struct text_run run = { seed_cloud, TEXT_REGULAR, 0 };
	struct text_src src = { NULL, "forum.description" };
	size_t w, i;
	int a, hyphenated = 0;

	for (a = 0; a < 2; a++)
	for (w = 0; w < 3; w++) {
		struct text_style st = style(10, a ? ALIGN_JUSTIFY :
		    ALIGN_LEFT);
		struct text_block *tb = text_set(fx->pdf, &st, "de", &run, 1,
		    widths[w], &src);
		char *joined, *x, *y;

		assert_non_null(tb);
		assert_true(text_lines(tb) > 5);
		for (i = 0; i < text_lines(tb); i++) {
			char *l = text_line_text(tb, i);

			assert_true(text_line_width(tb, i) <= widths[w] +
			    1e-6);
			/* Justified lines fill the column, the last excepted. */
			if (a && i + 1 < text_lines(tb))
				assert_true(fabs(text_line_width(tb, i) -
				    widths[w]) < 1e-6);
			hyphenated += l[strlen(l) - 1] == '-' &&
			    strstr(l, "Cloud-") != l + strlen(l) - 6;
			free(l);
		}
		joined = all_lines(tb, " ");
		x = squeeze(joined);
		y = squeeze(seed_cloud);
		assert_string_equal(x, y);
		free(joined);
		free(x);
		free(y);
		text_block_free(tb);
	}
	assert_true(hyphenated > 0);
	assert_string_equal(messages(fx), "");
}

static void
exact_ragged_lines(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(10, ALIGN_LEFT);
	struct text_run run = { "Die Digitalisierung der Verwaltung durch "
	    "gesetzliche Vorgaben", TEXT_REGULAR, 0 };
	struct text_block *tb;
	char *s;

	tb = text_set(fx->pdf, &st, "de", &run, 1, 90, NULL);
	s = all_lines(tb, "|");
	/* Ragged right needs no hyphen here: total fit evens the edge. */
	assert_string_equal(s, "Die Digitalisierung|der Verwaltung|durch "
	    "gesetzliche|Vorgaben");
	free(s);
	/* Pagination data: baselines one leading apart, ascent first. */
	assert_true(fabs(text_ascent(tb) - 9.06) < 1e-9);
	assert_true(fabs(text_descent(tb) - 2.12) < 1e-9);
	assert_true(fabs(text_leading(tb) - 12.5) < 1e-9);
	assert_true(fabs(text_line_baseline(tb, 2) - (9.06 + 25)) < 1e-9);
	assert_true(fabs(text_range_height(tb, 1, 2) - (9.06 + 12.5 +
	    2.12)) < 1e-9);
	assert_true(fabs(text_height(tb) - (9.06 + 37.5 + 2.12)) < 1e-9);
	text_block_free(tb);
}

static void
names_are_never_hyphenated(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(10, ALIGN_LEFT);
	struct text_run runs[] = {
		{ "Vortrag von ", TEXT_REGULAR, 0 },
		{ "Katharina Flisikowski", TEXT_BOLD, 1 },
	};
	struct text_block *tb;
	char *s;

	tb = text_set(fx->pdf, &st, "de", runs, 2, 120, NULL);
	s = all_lines(tb, "|");
	assert_string_equal(s, "Vortrag von Katharina|Flisikowski");
	free(s);
	text_block_free(tb);
	/* The same words as ordinary text are hyphenated. */
	runs[1].nohyphen = 0;
	tb = text_set(fx->pdf, &st, "de", runs, 2, 120, NULL);
	s = all_lines(tb, "|");
	assert_string_equal(s, "Vortrag von Katharina Fli-|sikowski");
	free(s);
	text_block_free(tb);
}

static void
long_word_breaks_instead_of_overflowing(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(10, ALIGN_LEFT);
	struct text_run run = { "Rindfleischetikettierungsüberwachung",
	    TEXT_REGULAR, 1 };
	struct text_block *tb;
	char *s;
	size_t i;

	tb = text_set(fx->pdf, &st, "de", &run, 1, 60, NULL);
	assert_true(text_lines(tb) >= 3);
	for (i = 0; i < text_lines(tb); i++)
		assert_true(text_line_width(tb, i) <= 60 + 1e-6);
	s = all_lines(tb, "");
	assert_string_equal(s, "Rindfleischetikettierungsüberwachung");
	free(s);
	text_block_free(tb);
}

static void
soft_hyphen_and_nbsp(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(10, ALIGN_LEFT);
	struct text_run run = { "Prof.\u00A0Dr. Digi\u00ADtalisierung",
	    TEXT_REGULAR, 0 };
	struct text_block *tb;
	char *s;

	tb = text_set(fx->pdf, &st, "de", &run, 1, 300, NULL);
	s = all_lines(tb, "|");
	assert_string_equal(s, "Prof.\u00A0Dr. Digitalisierung");
	free(s);
	text_block_free(tb);
	/* Narrow: breaks at the soft hyphen only, never at the NBSP. */
	tb = text_set(fx->pdf, &st, "de", &run, 1, 60, NULL);
	s = all_lines(tb, "|");
	assert_string_equal(s, "Prof.\u00A0Dr.|Digi-|talisierung");
	free(s);
	text_block_free(tb);
}

static void
fit_longest_organisation(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(14, ALIGN_CENTRE);
	struct text_run run = { koordinierung, TEXT_REGULAR, 1 };
	struct text_src src = { NULL, "person.organisation" };
	struct text_block *tb;
	struct text_box bb;
	double w = PDF_MM(80), h = PDF_MM(12);
	char *s;
	size_t i;

	st.min_size = 6;
	tb = text_fit(fx->pdf, &st, "de", &run, 1, w, h, 0, &src);
	assert_true(text_size(tb) == 9);
	assert_int_equal(text_lines(tb), 3);
	assert_false(text_shortened(tb));
	s = all_lines(tb, "|");
	assert_string_equal(s, "Koordinierungsstelle Digitale Souveränität "
	    "und Open|Source im CIIO – Chief Information/Innovation Office "
	    "der|Stadt Dortmund");
	free(s);
	for (i = 0; i < text_lines(tb); i++)
		assert_true(text_line_width(tb, i) <= w);
	assert_true(text_height(tb) <= h);
	/* No glyph leaves the box: ascender to descender inside it. */
	assert_int_equal(text_draw(fx->pdf, tb, 100, 700, 0, 3, &bb), 0);
	assert_true(bb.x0 >= 100 && bb.x1 <= 100 + w);
	assert_true(bb.y1 <= 700 && bb.y0 >= 700 - h);
	text_block_free(tb);
	/* Half a point more does not fit: 9 is the largest size. */
	st.size = st.min_size = 9.5;
	tb = text_fit(fx->pdf, &st, "de", &run, 1, w, h, 0, NULL);
	assert_true(text_shortened(tb));
	text_block_free(tb);
	fx->d.nwarnings = 0;
	rewind(fx->f);
}

static void
shortened_with_warning(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(14, ALIGN_CENTRE);
	struct text_run run = { koordinierung, TEXT_BOLD, 1 };
	struct srcpos pos = { "programme.xml", 57, 5 };
	struct text_src src = { &pos, "person.organisation" };
	struct text_block *tb;
	char *s;

	st.min_size = 10;
	tb = text_fit(fx->pdf, &st, "de", &run, 1, PDF_MM(80), PDF_MM(12), 2,
	    &src);
	assert_true(text_shortened(tb));
	assert_int_equal(text_lines(tb), 2);
	s = all_lines(tb, "|");
	assert_string_equal(s, "Koordinierungsstelle Digitale Souveränität "
	    "und|Open Source im CIIO – Chief\u00A0…");
	free(s);
	assert_string_equal(messages(fx), "programme.xml:57:5: warning: "
	    "'Koordinierungsstelle Digitale Souveränität und Open Source im "
	    "CIIO – Chief Information/Innovation Office der Stadt Dortmund' "
	    "in person.organisation does not fit its box; shortened to "
	    "'Koordinierungsstelle Digitale Souveränität und Open Source im "
	    "CIIO – Chief\u00A0…'\n");
	assert_int_equal(fx->d.nwarnings, 1);
	text_block_free(tb);
}

static void
strict_makes_shortening_an_error(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(12, ALIGN_LEFT);
	struct text_run run = { "Alexander Smolianitski", TEXT_REGULAR, 1 };
	struct text_src src = { NULL, "person.name" };
	struct text_block *tb;

	fx->d.strict = 1;
	tb = text_fit(fx->pdf, &st, "de", &run, 1, 75, 20, 1, &src);
	assert_true(text_shortened(tb));
	assert_int_equal(fx->d.nerrors, 1);
	assert_true(diag_failed(&fx->d));
	assert_string_equal(messages(fx), "pdfgen: error: 'Alexander "
	    "Smolianitski' in person.name does not fit its box; shortened to "
	    "'Alexander\u00A0…'\n");
	text_block_free(tb);
}

static void
missing_glyphs_are_reported(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(12, ALIGN_LEFT);
	struct text_run run = { "Smith 😀", TEXT_REGULAR, 1 };
	struct srcpos pos = { "programme.xml", 12, 0 };
	struct text_src src = { &pos, "person.family" };
	struct text_block *tb;
	char *s;

	tb = text_set(fx->pdf, &st, "de", &run, 1, 300, &src);
	s = text_line_text(tb, 0);
	assert_string_equal(s, "Smith \uFFFD");
	free(s);
	assert_string_equal(messages(fx), "programme.xml:12: warning: no font "
	    "has U+1F600 in person.family 'Smith 😀'\n");
	text_block_free(tb);
}

/*
 * Chinese, Japanese and Korean names are drawn by the default chain, not
 * replaced: libharu 2.3.0 leaves 明 blank in WenQuanYi Micro Hei (nested
 * composites), so WenQuanYi Zen Hei and LexiGulim must come first.
 */
static void
cjk_names_are_drawn(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(12, ALIGN_LEFT);
	struct text_run run = { "明王李張陳 山田太郎 김민준", TEXT_REGULAR,
	    1 };
	struct text_src src = { NULL, "person.name" };
	struct text_block *tb;
	struct font_chain *c;
	char *s;
	int k;

	tb = text_set(fx->pdf, &st, "de", &run, 1, 300, &src);
	s = text_line_text(tb, 0);
	assert_string_equal(s, "明王李張陳 山田太郎 김민준");
	free(s);
	assert_string_equal(messages(fx), "");
	assert_int_equal(text_draw(fx->pdf, tb, 100, 700, 0, 1, NULL), 0);
	text_block_free(tb);
	c = pdf_fonts(fx->pdf, NULL, WEIGHT_REGULAR, SLANT_ROMAN);
	assert_true((k = font_chain_pick(c, 0x660E)) >= 0);	/* 明 */
	assert_string_equal(font_family(font_chain_face(c, k)),
	    "WenQuanYi Zen Hei");
	assert_true((k = font_chain_pick(c, 0xAE40)) >= 0);	/* 김 */
	assert_string_equal(font_family(font_chain_face(c, k)), "LexiGulim");
}

static void
invisible_characters_are_removed(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(12, ALIGN_LEFT);
	struct text_run run = { "Ta\x07nja\u200B Krins", TEXT_REGULAR, 1 };
	struct text_src src = { NULL, "person.given" };
	struct text_block *tb;
	char *s;

	tb = text_set(fx->pdf, &st, "de", &run, 1, 300, &src);
	s = text_line_text(tb, 0);
	assert_string_equal(s, "Tanja Krins");
	free(s);
	assert_string_equal(messages(fx), "pdfgen: warning: removed invisible "
	    "character U+0007 from person.given\npdfgen: warning: removed "
	    "invisible character U+200B from person.given\n");
	text_block_free(tb);
}

static void
widths(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(10, ALIGN_LEFT);

	/* A 666, B 666/1000 em in Liberation Sans; "AB" at 10 pt. */
	assert_true(fabs(text_width(fx->pdf, &st, TEXT_REGULAR, 10, "AB") -
	    13.32) < 1e-9);
	assert_true(text_width(fx->pdf, &st, TEXT_BOLD, 10, "Straße") >
	    text_width(fx->pdf, &st, TEXT_REGULAR, 10, "Straße"));
	assert_true(text_width(fx->pdf, &st, TEXT_REGULAR, 10, "Digi\u00AD"
	    "tal") == text_width(fx->pdf, &st, TEXT_REGULAR, 10, "Digital"));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(seed_paragraph_within_width),
		T(exact_ragged_lines),
		T(names_are_never_hyphenated),
		T(long_word_breaks_instead_of_overflowing),
		T(soft_hyphen_and_nbsp),
		T(fit_longest_organisation),
		T(shortened_with_warning),
		T(strict_makes_shortening_an_error),
		T(missing_glyphs_are_reported),
		T(cjk_names_are_drawn),
		T(invisible_characters_are_removed),
		T(widths),
	};
#undef T

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
