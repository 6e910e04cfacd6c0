/*
 * Tests of linebreak.h: hand-made paragraphs with known answers, and the
 * seed's forum descriptions measured in Liberation Sans, where total fit
 * must keep every line within the width and beat first fit's demerits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "font.h"
#include "hyphenate.h"
#include "internal.h"
#include "linebreak.h"
#include "util.h"

/* Forum descriptions of the example conference (tests/../seeds). */
static const char *const seed[] = {
	"Ende 2022 ist das Onlinezugangsgesetz ohne den erhofften Erfolg "
	"ausgelaufen. Daraufhin erarbeitete der Bundestag ein "
	"Nachfolgegesetz OZG 2.0, das jedoch Ende März 2024 im Bundesrat "
	"gestoppt wurde. Offenkundig gibt es einen Dissens, inwieweit die "
	"Digitalisierung der Verwaltung durch gesetzliche Vorgaben – sprich: "
	"Mindestanforderungen und Fristen mit Sanktionen – beschleunigt "
	"werden kann. Gleichwohl herrscht Handlungsdruck, um den im "
	"internationalen Vergleich dramatischen Rückstand auf diesem Gebiet "
	"aufzuholen. In dem Forum gilt es auszuloten, welche Vorgaben "
	"sinnvoll und realisierbar sind und wie ein gesetzlicher Rahmen "
	"beschaffen sein muss, um die gewünschte Wirkung zu entfalten.",
	"Das Jahr 2024 könnte für die Implementierung der Cloud in der "
	"öffentlichen Verwaltung den Durchbruch bringen. Der Bund lagert "
	"besonders sensible Anwendungen an den deutschen Cloud-Anbieter "
	"Ionos aus, der dafür eine vom Internet getrennte "
	"Server-Infrastruktur errichtet. Das Land NRW hat ebenfalls einen "
	"Auftrag vergeben an die Firmen Ionos und Computacenter, um für "
	"seinen Bedarf eine Cloud-Infrastruktur aufzubauen. Dies soll auch "
	"der Deutschen Verwaltungscloud-Strategie neue Impulse geben, denn "
	"diese hat die Schaffung gemeinsamer Standards und offener "
	"Schnittstellen für Cloud-Lösungen der öffentlichen Verwaltung zum "
	"Ziel. In dem Forum wird erörtert, wann welche Etappenziele zu "
	"erreichen sind und und wie der Umstieg auf die Cloud die "
	"Verwaltungs-IT dynamisieren kann.",
	"Die Unternehmensberatung Kienbaum hat im Februar 2024 das Gutachten "
	"zur zukünftigen Neuordnung und Neuaufstellung der kommunalen "
	"IT-Landschaft in NRW fertiggestellt. Dieses wird seitdem bei den "
	"kommunalen Spitzenverbänden als Auftraggeber sowie den kommunalen "
	"IT-Dienstleistern intensiv diskutiert. Favorisiert wird in dem "
	"Gutachten ein zentraler IT-Dienstleister für alle Kommunen in NRW. "
	"Dieser würde alle erforderlichen Dienstleistungen als "
	"Shared-Service-Center anbieten. Nun stellt sich die Frage, wie die "
	"vorhandene heterogene Struktur mit mehr als 30 Standorten "
	"landesweit bei laufendem Betrieb in eine einheitliche Organisation "
	"überführt werden kann. Ziel ist eine IT-Struktur, die weniger "
	"Ressourcen erfordert und flexibel auf neue Anforderungen reagieren "
	"kann."
};

#define SIZE 10.0	/* points */

struct items {
	struct lb_item	*it;
	size_t		 n;
};

static void
add(struct items *x, struct lb_item it)
{
	x->it = xreallocarray(x->it, x->n + 1, sizeof(*x->it));
	x->it[x->n++] = it;
}

static double
width_of(struct font *f, const char *s, size_t len)
{
	size_t i, clen;
	uint32_t cp;
	double w = 0;

	for (i = 0; i < len; i += clen) {
		clen = utf8_decode(s + i, len - i, &cp);
		assert_true(clen > 0);
		w += font_advance(f, cp) * SIZE / 1000;
	}
	return w;
}

/* Words as boxes, hyphenation points as flagged penalties, as text.c does. */
static struct items
paragraph(struct font *f, const char *text, int justify)
{
	struct items x = { NULL, 0 };
	double sp = width_of(f, " ", 1), hy = width_of(f, "-", 1);
	const char *w = text, *e;
	unsigned char brk[256];
	size_t len, i, from;

	while (*w != '\0') {
		e = strchr(w, ' ');
		len = e != NULL ? (size_t)(e - w) : strlen(w);
		assert_true(len < sizeof(brk));
		hyph_word("de", w, len, 1, brk);
		for (i = 0, from = 0; i < len; i++) {
			if (brk[i] == HYPH_NONE && i + 1 < len)
				continue;
			add(&x, (struct lb_item){ LB_BOX,
			    width_of(f, w + from, i + 1 - from), 0, 0, 0, 0 });
			if (i + 1 < len)
				add(&x, (struct lb_item){ LB_PENALTY,
				    brk[i] == HYPH_EXPLICIT ? 0 : hy, 0, 0, 50,
				    1 });
			from = i + 1;
		}
		w += len;
		if (*w == ' ') {
			w++;
			add(&x, (struct lb_item){ LB_GLUE, sp,
			    justify ? sp / 2 : 0, justify ? sp / 3 : 0, 0, 0 });
		}
	}
	add(&x, (struct lb_item){ LB_GLUE, 0, LB_FILL, 0, 0, 0 });
	add(&x, (struct lb_item){ LB_PENALTY, 0, 0, 0, -LB_INF, 0 });
	return x;
}

/* The natural width of each line of res; fails the test if one is wider. */
static void
assert_lines_fit(const struct items *x, const struct lb_result *res,
    double width)
{
	size_t k, i, prev = (size_t)-1, from, to;
	double l;

	for (k = 0; k < res->nlines; k++) {
		to = res->breaks[k];
		from = lb_line_start(x->it, x->n, prev);
		for (l = 0, i = from; i < to; i++)
			if (x->it[i].kind != LB_PENALTY)
				l += x->it[i].width;
		if (x->it[to].kind == LB_PENALTY)
			l += x->it[to].width;
		/* Justified lines may use their shrink; none here exceeds it. */
		if (l > width + 1e-9)
			assert_true(res->ratios[k] < 0 && res->ratios[k] >= -1);
		else
			assert_true(l <= width + 1e-9);
		prev = to;
	}
	assert_int_equal(res->overfull, 0);
}

static struct font *
liberation(void)
{
	char *p, *why;
	int index;
	struct font *f;

	p = font_lookup_why("Liberation Sans", WEIGHT_REGULAR, SLANT_ROMAN,
	    &index, NULL);
	assert_non_null(p);
	f = font_open(p, index, &why);
	assert_non_null(f);
	free(p);
	return f;
}

static void
seed_total_fit_beats_first_fit(void **state)
{
	static const double widths[] = { 120, 160, 200, 250, 320 };
	struct font *f = liberation();
	double sum_total = 0, sum_first = 0;
	size_t s, w;
	int justify, strictly = 0, emergencies = 0;

	(void)state;
	for (s = 0; s < sizeof(seed) / sizeof(seed[0]); s++)
	for (justify = 0; justify < 2; justify++)
	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		struct items x = paragraph(f, seed[s], justify);
		struct lb_params p;
		struct lb_result tf, ff;

		lb_params_init(&p, widths[w], justify ? 0 : 2 * SIZE);
		assert_int_equal(lb_total_fit(x.it, x.n, &p, &tf), 0);
		assert_int_equal(lb_first_fit(x.it, x.n, &p, &ff), 0);
		assert_lines_fit(&x, &tf, widths[w]);
		assert_lines_fit(&x, &ff, widths[w]);
		/*
		 * Within tolerance total fit is optimal; when no such
		 * breaks exist (narrow justified columns with long
		 * compounds) it minimises looseness instead (pass 2).
		 */
		if (tf.pass == 1) {
			assert_true(tf.demerits <= ff.demerits + 1e-6);
			strictly += tf.demerits < ff.demerits;
			sum_total += tf.demerits;
			sum_first += ff.demerits;
		} else {
			/*
			 * Only justified columns of 20 em or less need
			 * pass 2; ragged ones always fit within tolerance.
			 */
			assert_true(justify && widths[w] <= 200);
			emergencies++;
		}
		lb_result_release(&tf);
		lb_result_release(&ff);
		free(x.it);
	}
	/* Not a tie by accident: total fit wins clearly on most settings. */
	assert_true(strictly >= 20);
	assert_int_equal(emergencies, 8);
	assert_true(sum_total < sum_first / 2);
	font_free(f);
}

static void
known_breaks(void **state)
{
	/* "aaa bbb ccc ddd" with boxes of 3, spaces of 1, lines of 7. */
	struct lb_item it[] = {
		{ LB_BOX, 3, 0, 0, 0, 0 }, { LB_GLUE, 1, 1, 0, 0, 0 },
		{ LB_BOX, 3, 0, 0, 0, 0 }, { LB_GLUE, 1, 1, 0, 0, 0 },
		{ LB_BOX, 3, 0, 0, 0, 0 }, { LB_GLUE, 1, 1, 0, 0, 0 },
		{ LB_BOX, 3, 0, 0, 0, 0 },
		{ LB_GLUE, 0, LB_FILL, 0, 0, 0 },
		{ LB_PENALTY, 0, 0, 0, -LB_INF, 0 },
	};
	struct lb_params p;
	struct lb_result r;

	(void)state;
	lb_params_init(&p, 7, 0);
	assert_int_equal(lb_total_fit(it, 9, &p, &r), 0);
	assert_int_equal(r.nlines, 2);
	assert_int_equal(r.breaks[0], 3);
	assert_int_equal(r.breaks[1], 8);
	assert_true(r.ratios[0] == 0);
	/* Both lines are perfect: (10 + 0)^2 each. */
	assert_true(r.demerits == 200);
	assert_int_equal(lb_line_start(it, 9, 3), 4);
	lb_result_release(&r);
}

/*
 * Ragged right, lines of 10, spaces of 1, 3 points of stretch at the line
 * end.  First fit fills line 1 ("4 5", perfect) and leaves "2" alone on a
 * very loose line 2; total fit sets "4" / "5 2" / "8 1", two moderately
 * loose lines, and its demerits are far lower.
 */
static void
total_fit_looks_ahead(void **state)
{
	struct lb_item it[] = {
		{ LB_BOX, 4, 0, 0, 0, 0 }, { LB_GLUE, 1, 0, 0, 0, 0 },
		{ LB_BOX, 5, 0, 0, 0, 0 }, { LB_GLUE, 1, 0, 0, 0, 0 },
		{ LB_BOX, 2, 0, 0, 0, 0 }, { LB_GLUE, 1, 0, 0, 0, 0 },
		{ LB_BOX, 8, 0, 0, 0, 0 }, { LB_GLUE, 1, 0, 0, 0, 0 },
		{ LB_BOX, 1, 0, 0, 0, 0 },
		{ LB_GLUE, 0, LB_FILL, 0, 0, 0 },
		{ LB_PENALTY, 0, 0, 0, -LB_INF, 0 },
	};
	struct lb_params p;
	struct lb_result tf, ff;

	(void)state;
	lb_params_init(&p, 10, 3);
	assert_int_equal(lb_first_fit(it, 11, &p, &ff), 0);
	assert_int_equal(lb_total_fit(it, 11, &p, &tf), 0);
	assert_int_equal(ff.nlines, 3);
	assert_int_equal(ff.breaks[0], 3);
	assert_int_equal(ff.breaks[1], 5);
	assert_int_equal(tf.nlines, 3);
	assert_int_equal(tf.breaks[0], 1);
	assert_int_equal(tf.breaks[1], 5);
	assert_int_equal(tf.breaks[2], 10);
	/*
	 * (10 + 800)^2 + 3000 (a very loose line after the paragraph's
	 * start, which counts as decent, as in TeX) + (10 + 100 (2/3)^3)^2
	 * + 10^2 for the last line.
	 */
	assert_true(fabs(tf.demerits - (810.0 * 810 + 3000 +
	    pow(10 + 800.0 / 27, 2) + 100)) < 1e-6);
	assert_true(tf.demerits * 5 < ff.demerits);
	lb_result_release(&tf);
	lb_result_release(&ff);
}

static void
overlong_box_is_the_last_resort(void **state)
{
	struct lb_item it[] = {
		{ LB_BOX, 3, 0, 0, 0, 0 }, { LB_GLUE, 1, 1, 0, 0, 0 },
		{ LB_BOX, 20, 0, 0, 0, 0 }, { LB_GLUE, 1, 1, 0, 0, 0 },
		{ LB_BOX, 3, 0, 0, 0, 0 },
		{ LB_GLUE, 0, LB_FILL, 0, 0, 0 },
		{ LB_PENALTY, 0, 0, 0, -LB_INF, 0 },
	};
	struct lb_params p;
	struct lb_result r;

	(void)state;
	lb_params_init(&p, 10, 5);
	assert_int_equal(lb_total_fit(it, 7, &p, &r), 0);
	/* The 20-point box stands alone on its line; the others keep theirs. */
	assert_int_equal(r.nlines, 3);
	assert_int_equal(r.breaks[0], 1);
	assert_int_equal(r.breaks[1], 3);
	assert_int_equal(r.overfull, 1);
	lb_result_release(&r);
}

static void
malformed_items(void **state)
{
	struct lb_item it[] = { { LB_BOX, 3, 0, 0, 0, 0 } };
	struct lb_params p;
	struct lb_result r;

	(void)state;
	lb_params_init(&p, 10, 0);
	assert_int_equal(lb_total_fit(it, 1, &p, &r), -1);
	assert_int_equal(lb_first_fit(it, 1, &p, &r), -1);
	assert_int_equal(lb_total_fit(it, 0, &p, &r), -1);
}

/*
 * A paragraph that fits on one line is set on one line without running
 * the passes (the shortcut in lb_total_fit), with the values pass 1 gives
 * it: ratio of the fill glue, demerits (line_penalty + badness)^2.
 */
static void
one_line_paragraph(void **state)
{
	struct lb_item it[] = {
		{ LB_BOX, 40, 0, 0, 0, 0 },
		{ LB_GLUE, 5, 0, 0, 0, 0 },
		{ LB_BOX, 30, 0, 0, 0, 0 },
		{ LB_PENALTY, 6, 0, 0, 50, 1 },
		{ LB_BOX, 20, 0, 0, 0, 0 },
		{ LB_GLUE, 0, LB_FILL, 0, 0, 0 },
		{ LB_PENALTY, 0, 0, 0, -LB_INF, 0 },
	};
	size_t n = sizeof(it) / sizeof(it[0]);
	struct lb_params p;
	struct lb_result res;
	double r = 5 / (LB_FILL + 20);

	(void)state;
	lb_params_init(&p, 100, 20);
	assert_int_equal(lb_total_fit(it, n, &p, &res), 0);
	assert_int_equal(res.nlines, 1);
	assert_int_equal(res.breaks[0], n - 1);
	assert_int_equal(res.pass, 1);
	assert_int_equal(res.overfull, 0);
	assert_true(fabs(res.ratios[0] - r) < 1e-15);
	assert_true(fabs(res.demerits - (10 + 100 * r * r * r) *
	    (10 + 100 * r * r * r)) < 1e-9);
	lb_result_release(&res);
	/* 1 pt more and the text takes two lines, broken at the hyphen. */
	it[4].width = 26;
	assert_int_equal(lb_total_fit(it, n, &p, &res), 0);
	assert_int_equal(res.nlines, 2);
	assert_int_equal(res.breaks[0], 3);
	assert_int_equal(res.breaks[1], n - 1);
	lb_result_release(&res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_breaks),
		cmocka_unit_test(total_fit_looks_ahead),
		cmocka_unit_test(overlong_box_is_the_last_resort),
		cmocka_unit_test(malformed_items),
		cmocka_unit_test(seed_total_fit_beats_first_fit),
		cmocka_unit_test(one_line_paragraph),
	};

	return cmocka_run_group_tests_name("linebreak", tests, NULL, NULL);
}
