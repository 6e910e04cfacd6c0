/*
 * Tests of hyphenate.h: the exact points libhyphen gives with Debian's
 * German and English patterns, the rules for compounds, soft hyphens,
 * acronyms and names, and the automata built with pdfgen from the
 * patterns (no cache is written at run time).
 */
#define _GNU_SOURCE		/* MAP_FIXED_NOREPLACE */
#include <sys/mman.h>
#include <sys/stat.h>

#include <dirent.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hyphenate.h"
#include "internal.h"
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

static char home[] = "/tmp/test_hyphenate.XXXXXX";

/* Every word of the example conference, marked, one line each. */
static char *
marked_seed(const char *lang)
{
	struct buf b = { 0 };
	char *text, *word, *got, *save;
	FILE *f;
	long n;

	assert_non_null(f = fopen("tests/seed.txt", "rb"));
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	assert_true((n = ftell(f)) > 1000);
	rewind(f);
	text = xmalloc((size_t)n + 1);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = '\0';
	fclose(f);
	for (word = strtok_r(text, " \t\n", &save); word != NULL;
	    word = strtok_r(NULL, " \t\n", &save)) {
		got = marked(lang, word, 1);
		buf_adds(&b, got);
		buf_addc(&b, '\n');
		free(got);
	}
	free(text);
	return buf_take(&b);
}

/*
 * Runs first: the automata compiled in give the points the patterns give
 * (loaded by libhyphen, in about 1.2 s for German), and they are what is
 * used: where they lie in the program, mapped at their place, or copied
 * when something else holds the place.
 */
static void
built_gives_the_same_points(void **state)
{
	char *fresh_de, *fresh_en, *got;

	(void)state;
	hyph_use_built(0);
	fresh_de = marked_seed("de");
	fresh_en = marked_seed("en");
	assert_false(hyph_from_build("de"));
	assert_non_null(strstr(fresh_de, "\nDi-gi-ta-li-sie-rung\n"));
	assert_non_null(strstr(fresh_en, "\nOn-linezu-gangs-ge-setz\n"));

	hyph_use_built(1);
	got = marked_seed("de");
	assert_string_equal(got, fresh_de);
	free(got);
	got = marked_seed("en");
	assert_string_equal(got, fresh_en);
	free(got);
	assert_true(hyph_from_build("de"));
	assert_true(hyph_from_build("en"));
	assert_true(hyph_in_place("de"));
	assert_true(hyph_in_place("en"));

	hyph_reset();
	assert_ptr_equal(mmap((void *)hyph_place("de"), 4096, PROT_READ,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
	    (void *)hyph_place("de"));
	got = marked_seed("de");
	assert_string_equal(got, fresh_de);
	free(got);
	assert_true(hyph_from_build("de"));
	assert_false(hyph_in_place("de"));
	assert_true(hyph_in_place("en"));
	assert_int_equal(munmap((void *)hyph_place("de"), 4096), 0);
	free(fresh_de);
	free(fresh_en);
}

/*
 * Nothing is written under $HOME or $XDG_CACHE_HOME (a cache there could
 * be planted or changed by another user), and without HOME the patterns
 * come from the build as well.
 */
static void
no_cache_is_written(void **state)
{
	struct dirent *e;
	DIR *dir;
	int n = 0;

	(void)state;
	hyph_reset();
	assert_true(hyph_available("de") && hyph_available("en"));
	assert_true(hyph_from_build("de"));
	assert_non_null(dir = opendir(home));
	while ((e = readdir(dir)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(dir);
	assert_int_equal(n, 0);
	assert_int_equal(unsetenv("HOME"), 0);
	assert_int_equal(unsetenv("XDG_CACHE_HOME"), 0);
	hyph_reset();
	assert_true(hyph_from_build("de"));
}

/*
 * A cut or scribbled automaton is refused (no crash under ASan: every
 * offset and length is checked).  The last damage passes every check of
 * the contents and only the checksum can see it.  English, because it is
 * built in milliseconds; German goes through the same code.
 */
static void
damaged_automaton_is_refused(void **state)
{
	static const struct {
		long	 at;	/* from the start, or the end if negative */
		long	 cut;	/* cut at at, else write garbage there */
	} damage[] = {
		{ 0, 1 }, { 10, 1 }, { 100, 1 }, { -1, 1 }, { -100000, 1 },
		{ 0, 0 }, { 40, 0 }, { 90, 0 }, { 300, 0 }, { -100, 0 },
		{ -100000, 0 }
	};
	static const char garbage[] = "\xff\xfe\x00\x7f garbage \x80\x81";
	struct buf good = { 0 };
	const char *bytes;
	char *copy;
	size_t i, n, len;
	long at, cset;

	(void)state;
	assert_int_equal(hyph_build("en", &good), 0);
	assert_true(good.len > 100000);
	assert_int_equal(hyph_check_built("en", good.data, good.len), 0);
	/* The same bytes as compiled in. */
	assert_int_equal(hyph_blobs[1].end - hyph_blobs[1].start, good.len);
	assert_memory_equal(hyph_blobs[1].start, good.data, good.len);
	/* The last case: a character set name the loader cannot check. */
	for (cset = 0; cset + 5 < (long)good.len &&
	    memcmp(good.data + cset, "UTF-8", 5) != 0; cset++)
		;
	assert_true(cset + 5 < (long)good.len);
	for (i = 0; i <= sizeof(damage) / sizeof(damage[0]); i++) {
		bytes = garbage;
		n = sizeof(garbage);
		if (i == sizeof(damage) / sizeof(damage[0])) {
			bytes = "UTF-9";
			n = 5;
			at = cset;
		} else if ((at = damage[i].at) < 0)
			at += (long)good.len;
		copy = xmalloc(good.len);
		memcpy(copy, good.data, good.len);
		len = good.len;
		if (i < sizeof(damage) / sizeof(damage[0]) && damage[i].cut)
			len = (size_t)at;
		else
			memcpy(copy + at, bytes, n);
		assert_int_equal(hyph_check_built("en", copy, len), -1);
		free(copy);
	}
	buf_release(&good);
}

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
		cmocka_unit_test(built_gives_the_same_points),
		cmocka_unit_test(no_cache_is_written),
		cmocka_unit_test(damaged_automaton_is_refused),
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

	int failed;

	/* An empty home and cache home, which must stay empty. */
	if (mkdtemp(home) == NULL || setenv("HOME", home, 1) == -1 ||
	    setenv("XDG_CACHE_HOME", home, 1) == -1) {
		perror(home);
		return 1;
	}
	failed = cmocka_run_group_tests_name("hyphenate", tests, NULL, NULL);
	rmdir(home);
	return failed;
}
