/*
 * The booklet's timetable ("Tagesübersicht"): the day grid of every day
 * (daygrid.h) as pages of the booklet's page flow (flow.h), with the
 * page of each session's section in its cell and a link to it.
 *
 * For booklet.c.
 */
#ifndef PDFGEN_TIMETABLE_H
#define PDFGEN_TIMETABLE_H

#include "flow.h"
#include "layout.h"
#include "pdf.h"
#include "programme.h"

struct timetable {
	struct pdf	*pdf;		/* texts are set with its fonts */
	const struct programme *p;
	const struct layout *l;
	const char	*lang;		/* of the labels */
	const struct flow_area *area;	/* the type area the grid fills */
	struct pagelist	*pl;		/* where the pages go */
	const struct anchors *anchors;	/* set: the sections' pages known */
	const int	*anchor;	/* per forum: its section's anchor */
	/* keep tb and s until the pages have been drawn */
	void		(*keep)(void *arg, struct text_block *tb);
	void		(*keep_str)(void *arg, char *s);
	void		*arg;
};

/*
 * Adds the pages of every day's grid to t->pl, each headed and
 * bookmarked with the label "timetable".  Returns 0, or -1 after
 * reporting.
 */
int	timetable_pages(const struct timetable *t);

#endif
