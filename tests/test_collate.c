/*
 * Tests of the collation: the German order on hand-picked pairs, other
 * scripts and languages (Cyrillic, Greek, Turkish, Chinese), and the order
 * of the example programme's people.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "internal.h"
#include "parse.h"

/* Each of the n strings sorts strictly before the next one in lang. */
static void
assert_order(const char *lang, const char *const *order, size_t n)
{
	struct collator *c = collator_open(lang);
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		if (collate_strcmp(c, order[i], order[i + 1]) >= 0)
			fail_msg("%s: '%s' should sort before '%s'", lang,
			    order[i], order[i + 1]);
		if (collate_strcmp(c, order[i + 1], order[i]) <= 0)
			fail_msg("%s: '%s' should sort after '%s'", lang,
			    order[i + 1], order[i]);
	}
	collator_free(c);
}

#define ORDER(lang, v) assert_order(lang, v, sizeof(v) / sizeof(v[0]))

static void
string_order(void **state)
{
	static const char *const order[] = {
		"",
		"Adler",
		"ähnlich",	/* ä files as a, after "Adler" by the d/h */
		"Ahnung",
		"Bohm",
		"Böhm",		/* equal to Bohm but for the umlaut: after it */
		"Böttcher",
		"Brakmann",
		"Łukasz",
		"Mass",
		"Maß",		/* ß is ss */
		"Masse",
		"Muller",
		"Müller",	/* ü is u; the plain spelling first */
		"Müller-Lüdenscheidt",
		"Nahle",
		"Nähle",
		"Nolte",
		"Œuvre",	/* œ is oe */
		"Øresund",
		"Straße",
		"Strasser",
		"Zeta",
		"Ωmega",	/* Greek after Latin */
	};

	(void)state;
	ORDER("de", order);
}

/* Other scripts in their alphabets' order, whatever the code points. */
static void
other_scripts(void **state)
{
	static const char *const cyrillic[] = {
		"Алексей", "Борис", "Ёлкин",	/* Ё with Е, not first */
		"Жуков", "Яковлев",
	};
	static const char *const greek[] = {
		"Άλφα", "βήτα", "Γάμμα", "ωμέγα",	/* case is no order */
	};
	static const char *const turkish[] = {
		"Cem", "Czerny", "Çelik", "Dilek",	/* Ç after C */
		"ılık", "İlker", "Zeki",		/* dotless ı first */
	};
	static const char *const german_ç[] = {
		"Çelik", "Cem", "Czerny",		/* Ç is C in German */
	};
	static const char *const chinese[] = {
		"李", "王", "张",	/* pinyin: li, wang, zhang */
	};

	(void)state;
	ORDER("de", cyrillic);
	ORDER("ru", cyrillic);
	ORDER("de", greek);
	ORDER("tr", turkish);
	ORDER("de", german_ç);
	ORDER("zh", chinese);
	ORDER("zh-CN", chinese);
}

static void
case_and_equality(void **state)
{
	struct collator *c = collator_open("de");

	(void)state;
	assert_int_equal(collate_strcmp(c, "Krins", "Krins"), 0);
	assert_int_equal(collate_strcmp(c, NULL, ""), 0);
	/* Case decides only between otherwise equal strings. */
	assert_true(collate_strcmp(c, "de Vries", "Dexter") < 0);
	assert_true(collate_strcmp(c, "Dexter", "de Vries") > 0);
	assert_true(collate_strcmp(c, "DE VRIES", "de vries") != 0);
	assert_true(collate_strcmp(c, "ÉCOLE", "ecole") != 0);
	assert_true(collate_strcmp(c, "école", "ecoles") < 0);
	collator_free(c);
}

static const struct person *
person_at(const void *item)
{
	return *(const struct person *const *)item;
}

/* v sorted in lang, as the ids of want. */
static void
assert_sorted(struct person **v, size_t n, const char *lang,
    const char *const *want)
{
	size_t i;

	collate_sort(v, n, sizeof(*v), person_at, lang);
	for (i = 0; i < n; i++)
		assert_string_equal(v[i]->id, want[i]);
}

/* The example's people in the order of a badge desk. */
static void
example_people(void **state)
{
	static const char *const want[] = {
		"adelskamp", "boettcher", "brakmann", "flisikowski",
		"heidinger", "herfurth", "hoffmann", "hoppmann", "kohls",
		"krellmann", "krins", "lucht", "naehle", "pamp", "pliquett",
		"schuppan", "smolianitski", "urban",
		"nn-procilon", "nn-zukunftswerkstatt-kommunen",
	};
	struct programme *p;
	struct person **v;
	struct diag d;
	size_t i;

	(void)state;
	diag_init(&d, stderr, 0);
	p = programme_load("input/programme.xml", INPUT_AUTO, 0, &d);
	assert_non_null(p);
	assert_int_equal(p->npeople, sizeof(want) / sizeof(want[0]));
	v = calloc(p->npeople, sizeof(*v));
	assert_non_null(v);
	for (i = 0; i < p->npeople; i++)
		v[i] = &p->people[p->npeople - 1 - i];
	assert_sorted(v, p->npeople, p->lang, want);
	free(v);
	programme_free(p);
}

/* A person with the fields collation looks at (the model's are not const). */
static struct person
mk(const char *id, int placeholder, const char *title, const char *given,
    const char *family, const char *organisation)
{
	struct person s = { .placeholder = placeholder };

	s.id = (char *)id;
	s.title = (char *)title;
	s.given = (char *)given;
	s.family = (char *)family;
	s.organisation = (char *)organisation;
	return s;
}

/* Titles play no part; given names decide between equal family names. */
static void
people_rules(void **state)
{
	struct person prof = mk("a", 0, "Prof. Dr.", "Zoe", "Adam", NULL);
	struct person plain = mk("b", 0, NULL, "Anna", "Adam", NULL);
	struct person umlaut = mk("c", 0, NULL, "Änne", "Adam", NULL);
	struct person nn_a = mk("z", 1, NULL, NULL, NULL, "Ärztekammer");
	struct person nn_b = mk("y", 1, NULL, NULL, NULL, "Bund");
	struct person last = mk("d", 0, NULL, "Zora", "Zylinski", NULL);

	struct person ivan = mk("e", 0, NULL, "Иван", "Бунин", NULL);
	struct person *v[] = { &nn_b, &last, &ivan, &prof, &nn_a, &umlaut,
		&plain };
	static const char *const want[] = { "b", "c", "a", "d", "e", "z",
		"y" };

	(void)state;
	assert_sorted(v, sizeof(v) / sizeof(v[0]), "de", want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(string_order),
		cmocka_unit_test(other_scripts),
		cmocka_unit_test(case_and_equality),
		cmocka_unit_test(example_people),
		cmocka_unit_test(people_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
