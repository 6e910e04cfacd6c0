/*
 * The table of products (render.h): one row per product, and the lookups
 * the command line makes in it.  A new product is one file with its
 * renderer, one row here and its renderer's prototype in render.h.
 */
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* The end of a table of options. */
#define OPTIONS_END	{ NULL, RENDER_FLAG, NULL, NULL, 0 }
/* Every product's PDF: CMYK for print unless asked for RGB. */
#define OPTION_RGB	{ "rgb", RENDER_FLAG, NULL, "colours in RGB, for " \
	"screens only\n(default: CMYK for print, black text on the black\n" \
	"plate alone)", 0 }

const struct product products[] = {
	{ "booklet", "the programme booklet", LAYOUT_TYPE_AREA,
	    "booklet-a5.xml", NULL,
	    (const char *const[]){ "title", "h1", "h2", "h3", "body",
		"speakers", "running-head", "folio", "index", "notes", NULL },
	    (const struct render_option[]){
		{ "impose", RENDER_FLAG, NULL, "also write "
		    "booklet-imposed.pdf, two-up\nfor saddle stitching", 0 },
		{ "content", RENDER_CHOICE, "full|abstract|titles",
		    "what it prints of each session: all,\nthe first "
		    "lines, or title, time, room and\nspeakers (default: "
		    "the layout's, else full)", 0 },
		{ "group-by", RENDER_CHOICE, "time|track", "sessions by "
		    "day and time (default)\nor by track", 0 },
		OPTION_RGB,
		OPTIONS_END },
	    booklet_render, 1 },
	{ "signs", "a door sign per forum (imports: per room and day)",
	    LAYOUT_ITEMS,
	    "signs-a4-landscape.xml", "signs-a4-room-day.xml", NULL,
	    (const struct render_option[]){ OPTION_RGB, OPTIONS_END },
	    signs_render, 1 },
	{ "badges", "the speaker badges", LAYOUT_ITEMS, "badges-90x55.xml",
	    NULL, NULL,
	    (const struct render_option[]){
		{ "confirmed-only", RENDER_FLAG, NULL,
		    "leave out speakers not yet confirmed", 0 },
		{ "no-placeholders", RENDER_FLAG, NULL,
		    "leave out N.N. placeholders", 0 },
		{ "skip", RENDER_NUMBER, "N",
		    "the first N labels of sheet 1 are used", 10000 },
		{ "only", RENDER_TEXT, "LIST",
		    "only these people (ids or names, by comma)", 0 },
		OPTION_RGB,
		OPTIONS_END },
	    badges_render, 0 },
	{ "poster", "the timetable of each day as a poster", LAYOUT_PAGE,
	    "poster-a2.xml", NULL, (const char *const[]){ "heading", "room",
		"time", "title", "text", NULL },
	    (const struct render_option[]){ OPTION_RGB, OPTIONS_END },
	    poster_render, 0 },
	{ NULL, NULL, LAYOUT_KIND__MAX, NULL, NULL, NULL, NULL, NULL, 0 }
};

const struct product *
product_find(const char *name)
{
	const struct product *p;

	for (p = products; p->name != NULL; p++)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

struct layout_spec
product_layout_spec(const struct product *p)
{
	struct layout_spec s = { p->name, p->kind, p->styles };

	return s;
}

const struct render_option *
product_option(const struct product *p, const char *name)
{
	const struct render_option *o;

	for (o = p->options; o != NULL && o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

int
render_opts_set(struct render_opts *o, const char *name, const char *value)
{
	size_t i;

	for (i = 0; i < o->n && strcmp(o->name[i], name) != 0; i++)
		;
	if (i == RENDER_OPTS_MAX)
		return -1;
	o->name[i] = name;
	o->value[i] = value;
	if (i == o->n)
		o->n++;
	return 0;
}

/* The value given for name, or NULL. */
static const char *
value_of(const struct render_opts *o, const char *name)
{
	size_t i;

	for (i = 0; o != NULL && i < o->n; i++)
		if (strcmp(o->name[i], name) == 0)
			return o->value[i];
	return NULL;
}

int
render_flag(const struct render_opts *o, const char *name)
{
	return value_of(o, name) != NULL;
}

/* main.c has checked the number against the option's range. */
long
render_number(const struct render_opts *o, const char *name)
{
	const char *v = value_of(o, name);

	return v != NULL ? strtol(v, NULL, 10) : 0;
}

const char *
render_text(const struct render_opts *o, const char *name)
{
	return value_of(o, name);
}
