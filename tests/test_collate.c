/*
 * Tests of the German collation: the string order on hand-picked pairs and
 * the order of the example programme's people.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "parse.h"

/* Each string sorts strictly before the next one. */
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
		"Ωmega",	/* outside Latin: by code point, last */
	};
	size_t i, n = sizeof(order) / sizeof(order[0]);

	(void)state;
	for (i = 0; i + 1 < n; i++) {
		if (collate_strcmp(order[i], order[i + 1]) >= 0)
			fail_msg("'%s' should sort before '%s'", order[i],
			    order[i + 1]);
		if (collate_strcmp(order[i + 1], order[i]) <= 0)
			fail_msg("'%s' should sort after '%s'", order[i + 1],
			    order[i]);
	}
}

static void
case_and_equality(void **state)
{
	(void)state;
	assert_int_equal(collate_strcmp("Krins", "Krins"), 0);
	assert_int_equal(collate_strcmp(NULL, ""), 0);
	/* Case decides only between otherwise equal strings. */
	assert_true(collate_strcmp("de Vries", "Dexter") < 0);
	assert_true(collate_strcmp("Dexter", "de Vries") > 0);
	assert_true(collate_strcmp("DE VRIES", "de vries") != 0);
	assert_true(collate_strcmp("ÉCOLE", "ecole") != 0);
	assert_true(collate_strcmp("école", "ecoles") < 0);
}

static int
by_person(const void *a, const void *b)
{
	return collate_people(*(const struct person *const *)a,
	    *(const struct person *const *)b);
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
	p = programme_load("input/programme.xml", INPUT_AUTO, &d);
	assert_non_null(p);
	assert_int_equal(p->npeople, sizeof(want) / sizeof(want[0]));
	v = calloc(p->npeople, sizeof(*v));
	assert_non_null(v);
	for (i = 0; i < p->npeople; i++)
		v[i] = &p->people[p->npeople - 1 - i];
	qsort(v, p->npeople, sizeof(*v), by_person);
	for (i = 0; i < p->npeople; i++)
		assert_string_equal(v[i]->id, want[i]);
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

	(void)state;
	assert_true(collate_people(&plain, &umlaut) < 0);
	assert_true(collate_people(&umlaut, &prof) < 0);
	assert_true(collate_people(&prof, &plain) > 0);
	assert_true(collate_people(&last, &nn_a) < 0);
	assert_true(collate_people(&nn_a, &last) > 0);
	assert_true(collate_people(&nn_a, &nn_b) < 0);
	assert_int_equal(collate_people(&nn_b, &nn_b), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(string_order),
		cmocka_unit_test(case_and_equality),
		cmocka_unit_test(example_people),
		cmocka_unit_test(people_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
