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

char *
when_time(const struct slot *s)
{
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
