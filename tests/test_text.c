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
#include "internal.h"
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
	assert_int_equal(text_draw(fx->pdf, tb, 100, 700, 0, 3), 0);
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

/*
 * Emoji are drawn by Symbola, also above U+FFFF; a character no font has
 * is left out, never a box (coverage.h reports it before drawing).
 */
static void
missing_glyphs_are_left_out(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(12, ALIGN_LEFT);
	struct text_run run = { "Smith \xF0\x9F\x98\x80 \xF0\x9F\xAB\xA8",
		TEXT_REGULAR, 1 };
	struct srcpos pos = { "programme.xml", 12, 0 };
	struct text_src src = { &pos, "person.family" };
	struct text_block *tb;
	char *s;

	tb = text_set(fx->pdf, &st, "de", &run, 1, 300, &src);
	s = text_line_text(tb, 0);
	assert_string_equal(s, "Smith \xF0\x9F\x98\x80");
	free(s);
	assert_string_equal(messages(fx), "");
	text_block_free(tb);
}

/*
 * Chinese, Japanese and Korean names are drawn by the default chain, not
 * replaced: ideographs, kana and Hangul by WenQuanYi Zen Hei.
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
	assert_int_equal(text_draw(fx->pdf, tb, 100, 700, 0, 1), 0);
	text_block_free(tb);
	c = pdf_fonts(fx->pdf, NULL, WEIGHT_REGULAR, SLANT_ROMAN);
	assert_true((k = font_chain_pick(c, 0x660E)) >= 0);	/* 明 */
	assert_string_equal(font_family(font_chain_face(c, k)),
	    "WenQuanYi Zen Hei");
	assert_true((k = font_chain_pick(c, 0xAE40)) >= 0);	/* 김 */
	assert_string_equal(font_family(font_chain_face(c, k)),
	    "WenQuanYi Zen Hei");
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
	/* Reported once per code point before rendering (coverage.h). */
	assert_string_equal(messages(fx), "");
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


/* A text that fits at sizes up to limit; counts the sizes tried. */
struct up_to {
	double		 limit;
	int		 calls;
};

static int
fits_up_to(void *arg, double size)
{
	struct up_to *u = arg;

	u->calls++;
	return size <= u->limit;
}

/* The largest size on the grid, by bisection: few sizes are tried. */
static void
fit_size_bisects(void **state)
{
	struct up_to u = { 20, 0 };

	(void)state;
	assert_true(text_fit_size(20, 10, 0, fits_up_to, &u) == 20);
	assert_int_equal(u.calls, 1);
	u = (struct up_to){ 13.7, 0 };
	assert_true(text_fit_size(20, 10, 0, fits_up_to, &u) == 13.5);
	/* 21 sizes: top, the smallest, and at most 5 between. */
	assert_true(u.calls <= 7);
	u = (struct up_to){ 10.3, 0 };
	assert_true(text_fit_size(20, 10.2, 0, fits_up_to, &u) == 10.2);
	/* Below min down to least, in steps from min. */
	u = (struct up_to){ 9.4, 0 };
	assert_true(text_fit_size(20, 10.2, 8, fits_up_to, &u) == 9.2);
	u = (struct up_to){ 7.9, 0 };
	assert_true(text_fit_size(20, 10, 8, fits_up_to, &u) == 0);
	assert_int_equal(u.calls, 2);
	/* A fixed size is the only one. */
	u = (struct up_to){ 12, 0 };
	assert_true(text_fit_size(12, 12, 0, fits_up_to, &u) == 12);
	assert_true(text_fit_size(12, 20, 0, fits_up_to, &u) == 12);
}

/* The words of s, spaces between them, the first n of them; "" for 0. */
static char *
first_words(const char *s, size_t n)
{
	struct buf b = { 0 };
	const char *p = s, *e;

	buf_adds(&b, "");
	while (n-- > 0 && *p != '\0') {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_add(&b, p, (size_t)(e - p));
		p = *e == ' ' ? e + 1 : e;
	}
	return buf_take(&b);
}

/*
 * A text of 100 KB is cut before a word so that the most words fit: one
 * more word with the ellipsis would not fit, whatever the text's length.
 */
static void
shortened_keeps_the_most_words(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(30, ALIGN_LEFT);
	struct buf long_text = { 0 };
	struct text_run run;
	struct text_block *tb, *more;
	double w = PDF_MM(120), h = PDF_MM(30);
	char *got, *kept, *next;
	size_t i, n;

	st.min_size = 12;
	for (i = 0; i < 250; i++) {
		buf_adds(&long_text, i > 0 ? " " : "");
		buf_adds(&long_text, seed_cloud);
	}
	run = (struct text_run){ long_text.data, TEXT_REGULAR, 0 };
	tb = text_fit(fx->pdf, &st, "de", &run, 1, w, h, 0, NULL);
	assert_true(text_shortened(tb));
	assert_true(text_size(tb) == 12);
	assert_true(text_height(tb) <= h);
	got = all_lines(tb, " ");
	/* The words kept, then a no-break space and the ellipsis. */
	for (n = 1; n < 200; n++) {
		kept = first_words(long_text.data, n);
		next = xasprintf("%s\u00A0…", kept);
		if (strcmp(next, got) == 0) {
			free(next);
			free(kept);
			break;
		}
		free(next);
		free(kept);
	}
	assert_true(n < 200);
	kept = first_words(long_text.data, n + 1);
	next = xasprintf("%s\u00A0…", kept);
	run = (struct text_run){ next, TEXT_REGULAR, 0 };
	more = text_set_whole(fx->pdf, &st, "de", &run, 1, 12, w, 0);
	assert_true(more == NULL || text_height(more) > h);
	text_block_free(more);
	free(next);
	free(kept);
	free(got);
	text_block_free(tb);
	buf_release(&long_text);
	fx->d.nwarnings = 0;
}

/* How many of title's words text_fit() kept in w x h at size 7; 0: none. */
static size_t
words_kept(struct fixture *fx, const struct text_style *st,
    const char *title, double w, double h)
{
	struct text_run run = { title, TEXT_REGULAR, 1 };
	struct text_block *tb;
	char *got, *kept;
	size_t n, len = 0;

	tb = text_fit(fx->pdf, st, "en", &run, 1, w, h, 0, NULL);
	got = all_lines(tb, " ");
	for (n = 1; n < 12; n++) {
		kept = first_words(title, n);
		len = strlen(kept) + strlen("\u00A0…");
		free(kept);
		if (len == strlen(got))
			break;
	}
	if (!text_shortened(tb) || len != strlen(got))
		n = 0;
	free(got);
	text_block_free(tb);
	return n;
}

/*
 * The longest cut that fits, though a shorter one may not: "…" keeps to
 * the word before it, so "Open OnDemand …" can be too wide where "to
 * boost …" is not.  In boxes of many sizes, every longer cut before a
 * word is checked by hand.
 */
static void
shortened_at_the_longest_cut(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(7, ALIGN_LEFT);
	const char *title = "Bringing AI tools to Open OnDemand to boost "
	    "coding efficiency";
	struct text_run run;
	struct text_block *more;
	double w, h;
	char *kept, *longer;
	size_t n, k;

	st.leading = 1.15;
	for (w = 30; w <= 80; w += 1)
		for (h = 16; h <= 32; h += 4) {
			if ((n = words_kept(fx, &st, title, w, h)) == 0)
				continue;
			for (k = n + 1; k < 9; k++) {
				kept = first_words(title, k);
				longer = xasprintf("%s\u00A0…", kept);
				run = (struct text_run){ longer, TEXT_REGULAR,
				    1 };
				more = text_set_whole(fx->pdf, &st, "en", &run,
				    1, 7, w, 0);
				if (more != NULL && text_height(more) <= h)
					fail_msg("%g x %g: '%s' fits", w, h,
					    longer);
				text_block_free(more);
				free(longer);
				free(kept);
			}
		}
	fx->d.nwarnings = 0;
}

/* Lines break between words only, never inside one. */
static void
set_whole_never_breaks_a_word(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(10, ALIGN_LEFT);
	struct text_run run = { "Leutheusser-Schnarrenberger Donaudampfschiff",
	    TEXT_REGULAR, 1 };
	double word = text_width(fx->pdf, &st, TEXT_REGULAR, 10,
	    "Leutheusser-Schnarrenberger");
	struct text_block *tb;
	char *s;

	assert_null(text_set_whole(fx->pdf, &st, "de", &run, 1, 10, word - 1,
	    0));
	assert_non_null(tb = text_set_whole(fx->pdf, &st, "de", &run, 1, 10,
	    word + 1, 0));
	s = all_lines(tb, "|");
	assert_string_equal(s, "Leutheusser-Schnarrenberger|Donaudampfschiff");
	free(s);
	text_block_free(tb);
	assert_null(text_set_whole(fx->pdf, &st, "de", &run, 1, 10, word + 1,
	    1));
}

/* Widths at 1 pt, as text_width measures them. */
static void
measured_at_one_point(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(10, ALIGN_LEFT);
	struct text_run run = { "Anna Müller-Lüdenscheidt", TEXT_REGULAR, 1 };
	struct text_measure m;

	assert_int_equal(text_measure(fx->pdf, &st, &run, 1, &m), 0);
	assert_true(fabs(m.width - text_width(fx->pdf, &st, TEXT_REGULAR, 1,
	    run.text)) < 1e-9);
	assert_true(fabs(m.words - text_width(fx->pdf, &st, TEXT_REGULAR, 1,
	    "AnnaMüller-Lüdenscheidt")) < 1e-9);
	assert_true(fabs(m.widest - text_width(fx->pdf, &st, TEXT_REGULAR, 1,
	    "Lüdenscheidt")) < 1e-9);
	assert_true(m.ascent > 0.8 && m.ascent < 1 && m.descent > 0.1 &&
	    m.descent < 0.3);
	assert_true(m.leading == 1.25);
}

/*
 * Texts of a list share the largest size at which all of them fit,
 * stacked with a line's space between them; none fits: 0.
 */
static void
list_shares_one_size(void **state)
{
	struct fixture *fx = *state;
	struct text_style st = style(24, ALIGN_LEFT);
	struct text_run runs[3] = {
		{ "Referent*innen", TEXT_ITALIC, 0 },
		{ "Prof. Dr. Martin Hoffmann, Bürgermeister der Gemeinde "
		    "Leopoldshöhe", TEXT_REGULAR, 1 },
		{ koordinierung, TEXT_REGULAR, 1 },
	};
	struct text_item it[3];
	double size, height, w = PDF_MM(100);
	size_t i;

	st.min_size = 8;
	st.max_lines = 2;
	for (i = 0; i < 3; i++)
		it[i] = (struct text_item){ &runs[i], 1, NULL, i == 2 ? 0.5 : 0,
		    NULL, NULL, 0 };
	size = text_fit_list(fx->pdf, &st, "de", it, 3, w, PDF_MM(60), 0, 1,
	    &height, NULL);
	assert_true(size > 8 && size < 24);
	for (i = 0; i < 3; i++) {
		assert_true(text_size(it[i].tb) == size);
		assert_true(text_lines(it[i].tb) <= 2);
		assert_true(text_line_width(it[i].tb, 0) <= w);
		if (i > 0)
			/* A line's space between, and half a size more. */
			assert_true(fabs(it[i].y - it[i - 1].y -
			    text_height(it[i - 1].tb) - (text_leading(it[i].tb) -
			    text_ascent(it[i].tb) - text_descent(it[i].tb)) -
			    (i == 2 ? size / 2 : 0)) < 1e-9);
	}
	assert_true(fabs(height - it[2].y - text_height(it[2].tb)) < 1e-9);
	assert_true(height <= PDF_MM(60));
	/* Half a point larger does not fit. */
	for (i = 0; i < 3; i++)
		text_block_free(it[i].tb);
	st.min_size = st.size = size + TEXT_FIT_STEP;
	assert_true(text_fit_list(fx->pdf, &st, "de", it, 3, w, PDF_MM(60), 0,
	    1, &height, NULL) == 0);
	for (i = 0; i < 3; i++)
		assert_null(it[i].tb);
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
		T(missing_glyphs_are_left_out),
		T(cjk_names_are_drawn),
		T(invisible_characters_are_removed),
		T(widths),
		T(fit_size_bisects),
		T(shortened_keeps_the_most_words),
		T(shortened_at_the_longest_cut),
		T(set_whole_never_breaks_a_word),
		T(measured_at_one_point),
		T(list_shares_one_size),
	};
#undef T

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
