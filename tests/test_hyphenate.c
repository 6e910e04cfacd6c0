/*
 * Tests of hyphenate.h: the exact points libhyphen gives with Debian's
 * German and English patterns, and the rules for compounds, soft hyphens,
 * acronyms and names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "hyphenate.h"
#include "util.h"

/*
 * The word with its break points marked: '-' for a hyphenation point,
 * '~' after a soft hyphen, '|' after an explicit hyphen or slash.
 */
static char *
marked(const char *lang, const char *word, int patterns)
{
	static const char mark[] = { 0, '-', '~', '|' };
	size_t n = strlen(word), i;
	unsigned char *brk = xmalloc(n);
	struct buf b = { 0 };

	hyph_word(lang, word, n, patterns, brk);
	buf_adds(&b, "");
	for (i = 0; i < n; i++) {
		buf_addc(&b, word[i]);
		if (brk[i] != HYPH_NONE)
			buf_addc(&b, mark[brk[i]]);
	}
	free(brk);
	return buf_take(&b);
}

#define assert_marked(lang, word, patterns, want) do {			\
	char *got_ = marked(lang, word, patterns);			\
	assert_string_equal(got_, want);				\
	free(got_);							\
} while (0)

static void
german_points(void **state)
{
	(void)state;
	assert_true(hyph_available("de"));
	assert_marked("de", "Digitalisierung", 1, "Di-gi-ta-li-sie-rung");
	assert_marked("de", "Onlinezugangsgesetz", 1,
	    "Online-zu-gangs-ge-setz");
	assert_marked("de", "Verwaltungscloud", 1, "Ver-wal-tungs-cloud");
	assert_marked("de", "Souveränität", 1, "Sou-ve-rä-ni-tät");
	assert_marked("de", "Koordinierungsstelle", 1,
	    "Ko-or-di-nie-rungs-stel-le");
}

static void
umlauts_map_to_utf8_offsets(void **state)
{
	(void)state;
	/* Raw UTF-8 would lose "grö-ßen"; the Latin-1 round trip keeps it. */
	assert_marked("de", "Größenangabe", 1, "Grö-ßen-an-ga-be");
	assert_marked("de", "Begrüßungsrede", 1, "Be-grü-ßungs-re-de");
	assert_marked("de-AT", "ÜBERNACHTUNG", 1, "ÜBERNACHTUNG");
}

static void
compounds_break_after_hyphen_or_slash(void **state)
{
	(void)state;
	assert_marked("de", "Verwaltungscloud-Strategie", 1,
	    "Verwaltungscloud-|Strategie");
	assert_marked("de", "EfA-/OZG-Umsetzung", 1, "EfA-/|OZG-|Umsetzung");
	assert_marked("de", "Minden-Ravensberg/Lippe", 1,
	    "Minden-|Ravensberg/|Lippe");
	/* Not at the start or the end of a word (those are not compounds). */
	assert_marked("de", "-Umsetzung", 1, "-Um-set-zung");
	assert_marked("de", "Cloud-", 1, "Cloud-");
}

static void
soft_hyphens_win(void **state)
{
	(void)state;
	assert_marked("de", "Digi\u00ADtalisierung", 1,
	    "Digi\xC2\xAD~talisierung");
	assert_marked("de", "Digi\u00ADtalisierung", 0,
	    "Digi\xC2\xAD~talisierung");
}

static void
acronyms_and_codes_stay_whole(void **state)
{
	(void)state;
	assert_marked("de", "CIIO", 1, "CIIO");
	assert_marked("de", "ZenDis", 1, "ZenDis");
	assert_marked("de", "Verwaltung4", 1, "Verwaltung4");
	assert_marked("de", "DIGITALISIERUNG", 1, "DIGITALISIERUNG");
}

static void
other_punctuation_splits_parts(void **state)
{
	(void)state;
	assert_marked("de", "Referent*innen", 1, "Re-fe-rent*in-nen");
	assert_marked("de", "„Digitalisierung“", 1,
	    "„Di-gi-ta-li-sie-rung“");
}

static void
english_and_unknown_languages(void **state)
{
	(void)state;
	assert_true(hyph_available("en"));
	assert_marked("en", "information", 1, "in-for-ma-tion");
	assert_marked("en", "Hyphenation", 1, "Hy-phen-ation");
	assert_false(hyph_available("fr"));
	assert_marked("fr", "information", 1, "information");
	assert_marked(NULL, "information", 1, "information");
}

static void
patterns_off(void **state)
{
	(void)state;
	assert_marked("de", "Digitalisierung", 0, "Digitalisierung");
	assert_marked("de", "Müller-Lüdenscheidt", 0, "Müller-|Lüdenscheidt");
}

static void
cyrillic_is_left_whole(void **state)
{
	(void)state;
	assert_marked("de", "Информация", 1, "Информация");
}

/*
 * The English dictionary is UTF-8, and libhyphen then counts its points in
 * characters, not bytes.  Found by tests/fuzz/fuzz_text: a word with a
 * character of three or four bytes read an unset offset and crashed, and
 * two-byte letters moved every later point.
 */
static void
english_points_after_multibyte_letters(void **state)
{
	(void)state;
	assert_marked("en", "Düsseldorf", 1, "Düs-sel-dorf");
	assert_marked("en", "cafeteria", 1, "cafe-te-ria");
	assert_marked("en", "caf\xc3\xa9teria", 1, "caf\xc3\xa9-te-ria");
	assert_marked("en", "\xf0\x9f\x98\x80Onlinezugang", 1,
	    "\xf0\x9f\x98\x80On-linezu-gang");
	assert_marked("en", "\xe4\xb8\xad\xe6\x96\x87information", 1,
	    "\xe4\xb8\xad\xe6\x96\x87in-for-ma-tion");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(german_points),
		cmocka_unit_test(umlauts_map_to_utf8_offsets),
		cmocka_unit_test(compounds_break_after_hyphen_or_slash),
		cmocka_unit_test(soft_hyphens_win),
		cmocka_unit_test(acronyms_and_codes_stay_whole),
		cmocka_unit_test(other_punctuation_splits_parts),
		cmocka_unit_test(english_and_unknown_languages),
		cmocka_unit_test(english_points_after_multibyte_letters),
		cmocka_unit_test(patterns_off),
		cmocka_unit_test(cyrillic_is_left_whole),
	};

	return cmocka_run_group_tests_name("hyphenate", tests, NULL, NULL);
}
