/*
 * The table of products: one row per renderer.  A new product is one file
 * and one row here.
 */
#include <string.h>

#include "badges.h"
#include "booklet.h"
#include "render.h"
#include "signs.h"

const struct renderer renderers[] = {
	{ "booklet", "booklet-a5.xml", booklet_render, LAYOUT_BOOKLET },
	{ "signs", "signs-a4-landscape.xml", signs_render, LAYOUT_SIGNS },
	{ "badges", "badges-90x55.xml", badges_render, LAYOUT_BADGES },
	{ NULL, NULL, NULL, LAYOUT_PRODUCT__MAX }
};

const struct renderer *
renderer_find(const char *name)
{
	const struct renderer *r;

	for (r = renderers; r->name != NULL; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}
