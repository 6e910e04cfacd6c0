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

/*
 * The dates of an event (YYYY-MM-DD, in order) as one text: a single day
 * with its weekday, "Donnerstag, 12. Juni 2025"; consecutive days as a
 * range, "26.–31. Dezember 2022", "17–20 March 2025", "30. Juni – 2. Juli
 * 2025"; days with gaps between them listed, "9.–10. und 12. Juni 2025".
 * Month and year are said once where the dates share them.  Dates that
 * are not YYYY-MM-DD come back listed as they are.  and is the word
 * before the last item (the layout's label "and": "und", "and").  The
 * caller frees it.
 */
char	*when_dates(const char *const *dates, size_t n, int en,
	    const char *and);

/*
 * The slot's time, "14:00–15:30", or "14:00" when the end is not known;
 * the caller frees it.
 */
char	*when_time(const struct slot *);

/*
 * "Donnerstag, 12. Juni 2025 · 14:00–15:30 · Fachforen": the date only
 * when with_date is set and the slot has one, the label only when the
 * slot has one.  The caller frees it.
 */
char	*when_slot(const struct slot *, int en, int with_date);

#endif
