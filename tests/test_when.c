/*
 * Tests of when.h: the event's dates as one range, in German and English,
 * within a month, across months and years, and dates that are no range.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "util.h"
#include "when.h"

static void
check(const char *const *dates, size_t n, int en, const char *want)
{
	char *got = when_dates(dates, n, en, en ? "and" : "und");

	assert_string_equal(got, want);
	free(got);
}

static void
one_day(void **state)
{
	const char *d[] = { "2025-06-12" };

	(void)state;
	check(d, 1, 0, "Donnerstag, 12. Juni 2025");
	check(d, 1, 1, "Thursday, 12 June 2025");
}

static void
within_a_month(void **state)
{
	const char *d[] = { "2022-12-26", "2022-12-27", "2022-12-28",
		"2022-12-29", "2022-12-30", "2022-12-31" };
	const char *good[] = { "2025-03-17", "2025-03-18", "2025-03-19",
		"2025-03-20" };

	(void)state;
	check(d, 6, 0, "26.\u201331. Dezember 2022");
	check(d, 6, 1, "26\u201331 December 2022");
	check(good, 4, 1, "17\u201320 March 2025");
	check(d, 2, 0, "26.\u201327. Dezember 2022");
}

static void
across_months_and_years(void **state)
{
	const char *m[] = { "2025-06-30", "2025-07-01", "2025-07-02" };
	const char *y[] = { "2024-12-30", "2024-12-31", "2025-01-01" };
	const char *leap[] = { "2024-02-28", "2024-02-29", "2024-03-01" };

	(void)state;
	check(m, 3, 0, "30. Juni \u2013 2. Juli 2025");
	check(m, 3, 1, "30 June \u2013 2 July 2025");
	check(y, 3, 0, "30. Dezember 2024 \u2013 1. Januar 2025");
	check(y, 3, 1, "30 December 2024 \u2013 1 January 2025");
	check(leap, 3, 1, "28 February \u2013 1 March 2024");
}

/* Days with a gap are listed; consecutive ones within them as ranges. */
static void
with_gaps(void **state)
{
	const char *d[] = { "2025-06-09", "2025-06-10", "2025-06-12" };
	const char *two[] = { "2025-06-09", "2025-06-12" };
	const char *months[] = { "2025-05-31", "2025-06-12" };

	(void)state;
	check(d, 3, 0, "9.\u201310. und 12. Juni 2025");
	check(d, 3, 1, "9\u201310 and 12 June 2025");
	check(two, 2, 0, "9. und 12. Juni 2025");
	check(months, 2, 1, "31 May and 12 June 2025");
	check(months, 2, 0, "31. Mai und 12. Juni 2025");
}

/* What is no date comes back as it is. */
static void
not_dates(void **state)
{
	const char *d[] = { "bald" };

	(void)state;
	check(d, 1, 0, "bald");
	check(NULL, 0, 0, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_day),
		cmocka_unit_test(within_a_month),
		cmocka_unit_test(across_months_and_years),
		cmocka_unit_test(with_gaps),
		cmocka_unit_test(not_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
