/*
 * Dates and times as the printed products show them, in German or
 * English: "Donnerstag, 12. Juni 2025", "14:00–15:30".  The language is
 * the caller's to decide (en set: English, else German), since each
 * product knows which language a text is in.
 *
 * For the renderers.
 */
#ifndef PDFGEN_WHEN_H
#define PDFGEN_WHEN_H

#include "programme.h"

/*
 * "Donnerstag, 12. Juni 2025" or "Thursday, 12 June 2025" for
 * "2025-06-12"; without weekday "12. Juni 2025" or "12 June 2025".  Text
 * that is no such date comes back as it is (NULL as "").  The caller
 * frees the result.
 */
char	*when_date(const char *iso, int en, int weekday);

/* The slot's time, "14:00–15:30"; the caller frees it. */
char	*when_time(const struct slot *);

/*
 * "Donnerstag, 12. Juni 2025 · 14:00–15:30 · Fachforen": the date only
 * when with_date is set and the slot has one, the label only when the
 * slot has one.  The caller frees it.
 */
char	*when_slot(const struct slot *, int en, int with_date);

#endif
