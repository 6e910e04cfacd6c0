/*
 * One layout box of a sign or badge (box.h).  Sizes come from fit-to-box,
 * so a short text is big and a long one wraps and shrinks, never below
 * the style's smallest size.
 */
#include <stdlib.h>

#include "box.h"
#include "util.h"
#include "when.h"

const char *
box_label(const struct box_ctx *c, const char *key)
{
	return layout_label(c->l, key, c->words);
}

char *
box_invited(const struct box_ctx *c)
{
	return xasprintf(" (%s)", box_label(c, "invited"));
}

const struct layout_box *
box_find(const struct layout_side *side, enum layout_field f)
{
	size_t i;

	for (i = 0; i < side->nboxes; i++)
		if (side->boxes[i].field == f)
			return &side->boxes[i];
	return NULL;
}

double
box_text_top(const struct layout_box *b, double btop, double th)
{
	switch (b->valign) {
	case VALIGN_MIDDLE:
		return btop - (b->h - th) / 2;
	case VALIGN_BOTTOM:
		return btop - (b->h - th);
	default:
		return btop;
	}
}

int
box_runs(struct box_ctx *c, const struct layout_box *b, double bx,
    double btop, const struct text_run *runs, size_t nruns,
    const struct text_src *src)
{
	struct text_block *tb;
	double top;
	int rc;

	tb = text_fit(c->pdf, b->style, c->lang, runs, nruns, b->w, b->h, 0,
	    src);
	if (tb == NULL)
		return -1;
	top = box_text_top(b, btop, text_height(tb));
	if (c->draw_text != NULL)
		return c->draw_text(c->arg, tb, bx, top);
	rc = text_draw(c->pdf, tb, bx, top, 0, text_lines(tb));
	text_block_free(tb);
	return rc;
}

int
box_text(struct box_ctx *c, const struct layout_box *b, double bx,
    double btop, const char *s, int nohyphen, const struct srcpos *pos,
    const char *field)
{
	struct text_run run = { s, TEXT_REGULAR, nohyphen };
	struct text_src src = { pos, field };

	if (s == NULL)
		return 0;
	return box_runs(c, b, bx, btop, &run, 1, &src);
}

int
box_image(struct box_ctx *c, const struct layout_box *b, double bx,
    double btop, const struct srcpos *pos, const char *path)
{
	double w = b->w, h = b->h;
	int pw, ph;

	if (path == NULL)
		return 0;
	if (pdf_image_size(c->pdf, pos, path, &pw, &ph) == -1)
		return -1;
	if (pw <= 0 || ph <= 0)
		return 0;
	if (w / h > (double)pw / ph)
		w = h * pw / ph;
	else
		h = w * ph / pw;
	return pdf_image(c->pdf, pos, path, bx + (b->w - w) / 2,
	    btop - b->h + (b->h - h) / 2, w, h);
}

int
box_qr(struct box_ctx *c, const struct layout_box *b, double bx,
    double btop, const char *text)
{
	double size = b->w < b->h ? b->w : b->h;

	if (text == NULL)
		return 0;
	return pdf_qr(c->pdf, text, bx + (b->w - size) / 2,
	    btop - b->h + (b->h - size) / 2, size, &b->colour);
}

/* "name.<key>" if the layout has it, else "name" (always for key NULL). */
static const struct colour *
colour_for(const struct layout *l, const char *name, const char *key)
{
	const struct colour *c = NULL;
	char *full;

	if (key != NULL) {
		full = xasprintf("%s.%s", name, key);
		c = layout_colour(l, full);
		free(full);
	}
	return c != NULL ? c : layout_colour(l, name);
}

int
box_band(struct box_ctx *c, const struct layout_box *b, double bx,
    double btop, const struct forum *f, const char *category)
{
	const struct colour *fill = &b->colour;
	struct colour own;

	switch (b->paint) {
	case PAINT_TRACK:
		/* The programme's own track colour wins over the layout's. */
		if (f->track != NULL && f->track->colour != NULL &&
		    layout_parse_colour(f->track->colour, &own) == 0)
			fill = &own;
		else
			fill = colour_for(c->l, "track", f->track != NULL ?
			    f->track->id : NULL);
		break;
	case PAINT_SLOT:
		fill = colour_for(c->l, "slot", f->slot != NULL ?
		    f->slot->id : NULL);
		break;
	case PAINT_CATEGORY:
		fill = colour_for(c->l, "category", category);
		break;
	default:
		break;
	}
	if (fill == NULL)
		return 0;
	return pdf_band(c->pdf, bx, btop - b->h, b->w, b->h, fill);
}

/* The day of the item's forum, or of the event when it has one day. */
static int
date_box(struct box_ctx *c, const struct layout_box *b, double bx,
    double btop, const struct box_item *it)
{
	const struct conference *conf = &it->p->conference;
	const char *date;
	char *t;
	int rc;

	if (it->forum != NULL && it->forum->slot != NULL)
		date = it->forum->slot->date;
	else if (conf->ndates == 1)
		date = conf->dates[0];
	else
		return 0;
	t = when_date(date, lang_is(it->p->lang, "en"), 1);
	rc = box_text(c, b, bx, btop, t, 1, NULL, "event.date");
	free(t);
	return rc;
}

int
box_other(struct box_ctx *c, const struct layout_box *b, double bx,
    double btop, const struct box_item *it)
{
	switch (b->field) {
	case FIELD_EVENT_TITLE:
		return box_text(c, b, bx, btop, it->p->conference.title, 0,
		    NULL, "event.title");
	case FIELD_EVENT_DATE:
		return date_box(c, b, bx, btop, it);
	case FIELD_TEXT:
		return box_text(c, b, bx, btop, b->text != NULL ? b->text :
		    box_label(c, b->label), 0, &b->pos, "text");
	case FIELD_IMAGE:
		return box_image(c, b, bx, btop, &b->pos, b->src);
	case FIELD_BAND:
		return it->forum == NULL ? 0 : box_band(c, b, bx, btop,
		    it->forum, it->category);
	default:
		return 0;
	}
}
