/*
 * Dates and times as printed (when.h).  The weekday is computed rather
 * than taken from the C library: mktime() and strftime() depend on the
 * time zone and the locale, and the PDFs must not.
 */
#include <stdio.h>
#include <stdlib.h>

#include "util.h"
#include "when.h"

static const char *const month_de[12] = { "Januar", "Februar", "März",
	"April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
	"November", "Dezember" };
static const char *const month_en[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };
static const char *const wday_de[7] = { "Sonntag", "Montag", "Dienstag",
	"Mittwoch", "Donnerstag", "Freitag", "Samstag" };
static const char *const wday_en[7] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };

char *
when_date(const char *iso, int en, int weekday)
{
	static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int y, m, d, yy, wd;

	if (iso == NULL || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return xstrdup(iso ? iso : "");
	/* Sakamoto's day of the week: 0 is Sunday. */
	yy = m < 3 ? y - 1 : y;
	wd = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7;
	if (en)
		return weekday ? xasprintf("%s, %d %s %d", wday_en[wd], d,
		    month_en[m - 1], y) : xasprintf("%d %s %d", d,
		    month_en[m - 1], y);
	return weekday ? xasprintf("%s, %d. %s %d", wday_de[wd], d,
	    month_de[m - 1], y) : xasprintf("%d. %s %d", d, month_de[m - 1],
	    y);
}

/* Day number of a proleptic Gregorian date (days_from_civil, H. Hinnant). */
static long
day_number(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe;
}

struct ymd {
	int		 y, m, d;
	long		 day;		/* day_number() */
};

static int
parse_ymd(const char *iso, struct ymd *v)
{
	if (iso == NULL || sscanf(iso, "%d-%d-%d", &v->y, &v->m, &v->d) != 3 ||
	    v->m < 1 || v->m > 12 || v->d < 1 || v->d > 31)
		return -1;
	v->day = day_number(v->y, v->m, v->d);
	return 0;
}

/*
 * Date a as printed before b: without the month and year a shares with
 * b ("26." before "31. Dezember 2022"); b NULL: in full.
 */
static void
add_date(struct buf *out, const struct ymd *a, const struct ymd *b, int en)
{
	const char *const *month = en ? month_en : month_de;
	int same_year = b != NULL && b->y == a->y;
	char *s;

	if (same_year && b->m == a->m)
		s = xasprintf(en ? "%d" : "%d.", a->d);
	else if (same_year)
		s = xasprintf(en ? "%d %s" : "%d. %s", a->d, month[a->m - 1]);
	else
		s = xasprintf(en ? "%d %s %d" : "%d. %s %d", a->d,
		    month[a->m - 1], a->y);
	buf_adds(out, s);
	free(s);
}

/* Between two items of a list: ", ", or " und " before the last. */
static void
join(struct buf *out, int more, const char *and)
{
	if (more) {
		buf_adds(out, ", ");
		return;
	}
	buf_adds(out, " ");
	buf_adds(out, and);
	buf_adds(out, " ");
}

/* The dates as they are, joined: what is no date is not shortened. */
static char *
listed(const char *const *dates, size_t n, int en, const char *and)
{
	struct buf out = { 0 };
	size_t i;

	buf_adds(&out, "");
	for (i = 0; i < n; i++) {
		char *d = when_date(dates[i], en, n == 1);

		if (i > 0)
			join(&out, i + 1 < n, and);
		buf_adds(&out, d);
		free(d);
	}
	return buf_take(&out);
}

char *
when_dates(const char *const *dates, size_t n, int en, const char *and)
{
	struct ymd *v;
	struct buf out = { 0 };
	size_t i, j, nruns = 0, run;

	v = xcalloc(n + 1, sizeof(*v));
	for (i = 0; i < n; i++)
		if (parse_ymd(dates[i], &v[i]) == -1 ||
		    (i > 0 && v[i].day <= v[i - 1].day))
			break;
	if (n <= 1 || i < n) {
		free(v);
		return listed(dates, n, en, and);
	}
	for (i = 0; i < n; i++)
		nruns += i == 0 || v[i].day != v[i - 1].day + 1;
	/* Each run of consecutive days from v[i] to v[j]. */
	for (run = 0, i = 0; i < n; i = j + 1, run++) {
		for (j = i; j + 1 < n && v[j + 1].day == v[j].day + 1; j++)
			;
		if (run > 0)
			join(&out, run + 1 < nruns, and);
		if (j > i) {
			add_date(&out, &v[i], &v[j], en);
			/* "26.–31." but "30. Juni – 2. Juli". */
			buf_adds(&out, v[i].m == v[j].m && v[i].y == v[j].y ?
			    "\u2013" : " \u2013 ");
		}
		add_date(&out, &v[j], j + 1 < n ? &v[j + 1] : NULL, en);
	}
	free(v);
	return buf_take(&out);
}

char *
when_time(const struct slot *s)
{
	if (s->end == s->start)		/* the end is not known */
		return xasprintf("%02d:%02d", s->start / 60 % 24,
		    s->start % 60);
	/* A slot that runs past midnight ends on the next day's clock. */
	return xasprintf("%02d:%02d\u2013%02d:%02d", s->start / 60 % 24,
	    s->start % 60, s->end / 60 % 24, s->end % 60);
}

char *
when_slot(const struct slot *s, int en, int with_date)
{
	struct buf out = { 0 };
	char *t;

	buf_adds(&out, "");
	if (with_date && s->date != NULL) {
		t = when_date(s->date, en, 1);
		buf_adds(&out, t);
		buf_adds(&out, " \u00b7 ");
		free(t);
	}
	t = when_time(s);
	buf_adds(&out, t);
	free(t);
	if (s->label != NULL) {
		buf_adds(&out, " \u00b7 ");
		buf_adds(&out, s->label);
	}
	return buf_take(&out);
}
