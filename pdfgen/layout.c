/*
 * The layout loader behind layout.h: reads a layout file safely, validates
 * it against the compiled-in schema (layouts/layout.xsd), converts every
 * length to points once and checks what the schema cannot see: lengths,
 * colours and field names, font families, and geometry (boxes inside their
 * item, a grid that fits its sheet, a type area that leaves room).  Every
 * problem is reported, each at the attribute it comes from.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "font.h"
#include "image.h"
#include "layout.h"
#include "util.h"
#include "xmlsrc.h"

/* Compiled in from layouts/layout.xsd by the Makefile. */
extern const char layout_xsd[];
extern const unsigned long layout_xsd_len;

/* Lengths beyond this are typing mistakes (PDF pages end at 200 in). */
#define MAX_LENGTH	(200 * 72.0)

/* Lines of abstract a booklet keeps of a session unless the layout says. */
#define ABSTRACT_LINES	6

/* Rounding slack when comparing geometry, in points (well below 0.01 mm). */
#define SLACK		0.01

const char *const layout_field_names[FIELD__MAX] = {
	"person.name",		/* FIELD_PERSON_NAME */
	"person.title",		/* FIELD_PERSON_TITLE */
	"person.organisation",	/* FIELD_PERSON_ORGANISATION */
	"person.role",		/* FIELD_PERSON_ROLE */
	"person.forums",	/* FIELD_PERSON_FORUMS */
	"person.category",	/* FIELD_PERSON_CATEGORY */
	"person.photo",		/* FIELD_PERSON_PHOTO */
	"forum.number",		/* FIELD_FORUM_NUMBER */
	"forum.title",		/* FIELD_FORUM_TITLE */
	"forum.subtitle",	/* FIELD_FORUM_SUBTITLE */
	"forum.host",		/* FIELD_FORUM_HOST */
	"forum.host-logo",	/* FIELD_FORUM_HOST_LOGO */
	"forum.speakers",	/* FIELD_FORUM_SPEAKERS */
	"forum.moderators",	/* FIELD_FORUM_MODERATORS */
	"forum.description",	/* FIELD_FORUM_DESCRIPTION */
	"room.name",		/* FIELD_ROOM_NAME */
	"room.schedule",	/* FIELD_ROOM_SCHEDULE */
	"slot.time",		/* FIELD_SLOT_TIME */
	"event.title",		/* FIELD_EVENT_TITLE */
	"event.date",		/* FIELD_EVENT_DATE */
	"text",			/* FIELD_TEXT */
	"image",		/* FIELD_IMAGE */
	"qr",			/* FIELD_QR */
	"band",			/* FIELD_BAND */
};

const char *const layout_content_names[CONTENT__MAX] = {
	"full",			/* CONTENT_FULL */
	"abstract",		/* CONTENT_ABSTRACT */
	"titles",		/* CONTENT_TITLES */
};

const char *const layout_group_names[GROUP__MAX] = {
	"time",			/* GROUP_TIME */
	"track",		/* GROUP_TRACK */
};

/*
 * The booklet's proportions (struct layout_booklet) and the day grid's
 * (struct layout_daygrid): element, attribute, what kind of number, where
 * it goes, and the value when the layout does not say (the shipped
 * layouts say each).
 */
enum measure {
	MEASURE_SHARE,		/* "30%", up to 100% */
	MEASURE_FACTOR,		/* "2.2": sizes or lines, as documented */
	MEASURE_LENGTH		/* "2pt", "7mm" */
};

#define LB(m)	offsetof(struct layout, booklet.m)
#define LD(m)	offsetof(struct layout, daygrid.m)

static const struct look {
	const char	*element;
	const char	*attr;
	enum measure	 kind;
	size_t		 off;		/* in struct layout */
	double		 value;
} looks[] = {
	{ "cover", "band", MEASURE_SHARE, LB(cover.band), 0.3 },
	{ "cover", "title", MEASURE_SHARE, LB(cover.title), 0.08 },
	{ "cover", "subtitle", MEASURE_FACTOR, LB(cover.subtitle), 0.6 },
	{ "cover", "dates", MEASURE_FACTOR, LB(cover.dates), 2 },
	{ "cover", "venue", MEASURE_LENGTH, LB(cover.venue), 2 },
	{ "margins", "head", MEASURE_SHARE, LB(margins.head), 0.45 },
	{ "margins", "head-rule", MEASURE_LENGTH, LB(margins.head_rule), 2 },
	{ "margins", "folio", MEASURE_SHARE, LB(margins.folio), 0.5 },
	{ "rules", "width", MEASURE_LENGTH, LB(rules.width), 0.4 },
	{ "rules", "notes", MEASURE_FACTOR, LB(rules.notes), 2 },
	{ "rules", "notes-min", MEASURE_LENGTH, LB(rules.notes_min),
	    PDF_MM(7) },
	{ "index", "references", MEASURE_SHARE, LB(index.refs), 0.36 },
	{ "index", "space", MEASURE_FACTOR, LB(index.space), 0.25 },
	{ "overview", "number", MEASURE_FACTOR, LB(overview.number), 3.2 },
	{ "overview", "page", MEASURE_FACTOR, LB(overview.page), 3 },
	{ "overview", "room", MEASURE_SHARE, LB(overview.room), 0.22 },
	{ "overview", "slot-space", MEASURE_FACTOR, LB(overview.slot_space),
	    2 },
	{ "overview", "head-space", MEASURE_FACTOR, LB(overview.head_space),
	    0.6 },
	{ "overview", "row-space", MEASURE_FACTOR, LB(overview.row_space),
	    0.5 },
	{ "spacing", "session", MEASURE_FACTOR, LB(spacing.session), 2.2 },
	{ "spacing", "kicker", MEASURE_LENGTH, LB(spacing.kicker), 2 },
	{ "spacing", "subtitle", MEASURE_LENGTH, LB(spacing.subtitle), 2 },
	{ "spacing", "when", MEASURE_LENGTH, LB(spacing.when), 3 },
	{ "spacing", "first-paragraph", MEASURE_FACTOR,
	    LB(spacing.first_para), 0.6 },
	{ "spacing", "paragraph", MEASURE_FACTOR, LB(spacing.para), 0.4 },
	{ "spacing", "list-item", MEASURE_FACTOR, LB(spacing.list_item),
	    0.15 },
	{ "spacing", "list-indent", MEASURE_FACTOR, LB(spacing.list_indent),
	    1.2 },
	{ "spacing", "link", MEASURE_FACTOR, LB(spacing.link), 0.3 },
	{ "spacing", "announced", MEASURE_FACTOR, LB(spacing.announced), 0.6 },
	{ "spacing", "people", MEASURE_FACTOR, LB(spacing.people), 0.8 },
	{ "spacing", "names", MEASURE_FACTOR, LB(spacing.names), 0.5 },
	{ "spacing", "moderators", MEASURE_FACTOR, LB(spacing.moderators),
	    0.3 },
	{ "spacing", "titles", MEASURE_FACTOR, LB(spacing.titles), 0.5 },
	{ "spacing", "group", MEASURE_FACTOR, LB(spacing.group), 2 },
	{ "day-grid", "lane", MEASURE_FACTOR, LD(lane), 9 },
	{ "day-grid", "padding", MEASURE_FACTOR, LD(padding), 0.3 },
	{ "day-grid", "v-padding", MEASURE_LENGTH, LD(v_padding), 1.0 },
	{ "day-grid", "gap", MEASURE_LENGTH, LD(gap), 0.4 },
	{ "day-grid", "stripe", MEASURE_FACTOR, LD(stripe), 0.25 },
	{ "day-grid", "tint", MEASURE_SHARE, LD(tint), 0.2 },
	{ "day-grid", "speakers", MEASURE_SHARE, LD(speakers), 0.3 },
	{ "day-grid", "head", MEASURE_FACTOR, LD(head), 0.4 },
	{ "day-grid", "rule", MEASURE_LENGTH, LD(rule), 0.4 },
	{ "day-grid", "hour", MEASURE_LENGTH, LD(hour), 0.5 },
	{ "day-grid", "half-hour", MEASURE_LENGTH, LD(half_hour), 0.3 },
	{ "day-grid", "half-tint", MEASURE_SHARE, LD(half_tint), 0.5 },
	{ "day-grid", "swatch", MEASURE_FACTOR, LD(swatch), 0.8 },
	{ "day-grid", "swatch-gap", MEASURE_FACTOR, LD(swatch_gap), 0.4 },
	{ "day-grid", "entry-gap", MEASURE_FACTOR, LD(entry_gap), 1.2 },
	{ "day-grid", "legend-lead", MEASURE_FACTOR, LD(legend_lead), 1.25 },
};

#define NLOOKS	(sizeof(looks) / sizeof(looks[0]))

/* The elements only booklet layouts have. */
static const char *const booklet_only[] = { "type-area", "padding",
	"sessions", "cover", "margins", "rules", "index", "overview",
	"spacing", NULL };

/* Whom a sign is for. */
static const char *const per_names[PER__MAX] = {
	NULL,			/* PER_DEFAULT: not said */
	"forum",		/* PER_FORUM */
	"room-day",		/* PER_ROOM_DAY */
};

static const char *const qr_names[QR__MAX] = {
	"person.url",		/* QR_PERSON_URL */
	"person.vcard",		/* QR_PERSON_VCARD */
	"event.url",		/* QR_EVENT_URL */
};

/* Band colours that come from the programme, and their last fallback. */
static const char *const paint_names[PAINT__MAX] = {
	NULL,			/* PAINT_COLOUR */
	"track",		/* PAINT_TRACK */
	"slot",			/* PAINT_SLOT */
	"category",		/* PAINT_CATEGORY */
};

static const struct paper {
	const char	*name;
	double		 width;		/* in unit, portrait */
	double		 height;
	int		 inches;	/* width and height in inches, not mm */
} papers[] = {
	{ "A0", 841, 1189, 0 },
	{ "A1", 594, 841, 0 },
	{ "A2", 420, 594, 0 },
	{ "A3", 297, 420, 0 },
	{ "A4", 210, 297, 0 },
	{ "A5", 148, 210, 0 },
	{ "A6", 105, 148, 0 },
	{ "Letter", 8.5, 11, 1 },
};

#define NPAPERS	(sizeof(papers) / sizeof(papers[0]))

/* A font family, weight and slant that fontconfig has found. */
struct fontcheck {
	char		 family[STYLE_FAMILY_MAX];
	enum font_weight weight;
	enum font_slant	 slant;
};

struct loader {
	struct layout	*l;
	const struct layout_spec *spec;	/* may be NULL */
	struct xmlsrc	*x;
	struct diag	*d;
	struct fontcheck *fonts;
	size_t		 nfonts;
};

static int
is(const xmlNode *n, const char *name)
{
	return xml_is(n, LAYOUT_NS, name);
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	return xml_child(n, LAYOUT_NS, name);
}

/*
 * A plain decimal number: digits with an optional fraction, no exponent,
 * no sign (strtod alone would take "1e3", "inf" and "0x10").  Returns the
 * number of bytes read, 0 if none.
 */
static size_t
scan_number(const char *s, double *v)
{
	size_t i = 0, digits = 0;

	while (isdigit((unsigned char)s[i])) {
		i++;
		digits++;
	}
	if (s[i] == '.') {
		i++;
		while (isdigit((unsigned char)s[i])) {
			i++;
			digits++;
		}
	}
	if (digits == 0 || digits > 12)
		return 0;
	*v = strtod(s, NULL);
	return i;
}

int
layout_length(const char *s, int negative, double *pt)
{
	int minus = 0;
	size_t n;
	double v;

	if (s[0] == '-' && negative) {
		minus = 1;
		s++;
	}
	if ((n = scan_number(s, &v)) == 0)
		return -1;
	s += n;
	if (strcmp(s, "mm") == 0)
		v = PDF_MM(v);
	else if (strcmp(s, "cm") == 0)
		v = PDF_MM(v * 10);
	else if (strcmp(s, "in") == 0)
		v = v * 72.0;
	else if (strcmp(s, "pt") != 0)
		return -1;
	if (v > MAX_LENGTH)
		return -1;
	*pt = minus ? -v : v;
	return 0;
}

/* Reads "N" or "N%" in 0..100 followed by sep; returns the rest or NULL. */
static const char *
scan_percent(const char *s, char sep, double *v)
{
	size_t n;

	while (*s == ' ')
		s++;
	if ((n = scan_number(s, v)) == 0 || *v > 100)
		return NULL;
	s += n;
	if (*s == '%')
		s++;
	while (*s == ' ')
		s++;
	if (*s != sep)
		return NULL;
	*v /= 100;
	return s + 1;
}

int
layout_parse_colour(const char *s, struct colour *c)
{
	unsigned rgb;
	int i;

	if (s[0] == '#') {
		for (i = 1; i <= 6; i++)
			if (!isxdigit((unsigned char)s[i]))
				return -1;
		if (s[7] != '\0')
			return -1;
		rgb = (unsigned)strtoul(s + 1, NULL, 16);
		c->space = COLOUR_RGB;
		c->v[0] = ((rgb >> 16) & 0xFF) / 255.0;
		c->v[1] = ((rgb >> 8) & 0xFF) / 255.0;
		c->v[2] = (rgb & 0xFF) / 255.0;
		c->v[3] = 0;
		return 0;
	}
	if (strncmp(s, "cmyk(", 5) != 0)
		return -1;
	s += 5;
	for (i = 0; i < 4 && s != NULL; i++)
		s = scan_percent(s, i < 3 ? ',' : ')', &c->v[i]);
	if (s == NULL || *s != '\0')
		return -1;
	c->space = COLOUR_CMYK;
	return 0;
}

/*
 * Attribute readers.  Each leaves *out alone when the attribute is absent
 * (so the caller's default stays), returns 0 when absent or good and -1
 * after reporting a bad value.
 */
static int
get_length(struct loader *ld, const xmlNode *n, const char *name,
    int negative, double *out)
{
	struct srcpos pos;
	char *s = xml_attr(n, name);
	int rc = 0;

	if (s == NULL)
		return 0;
	if (layout_length(s, negative, out) == -1) {
		xmlsrc_attr_pos(ld->x, n, name, &pos);
		rc = diag_error(ld->d, &pos, "bad length '%s' in '%s': use a "
		    "%snumber with mm, cm, pt or in, up to 200in", s, name,
		    negative ? "" : "positive ");
	}
	free(s);
	return rc;
}

static void
get_bool(const xmlNode *n, const char *name, int *out)
{
	char *s = xml_attr(n, name);

	if (s != NULL)
		*out = strcmp(s, "true") == 0;
	free(s);
}

/* Integers the schema has checked (range and form). */
static void
get_int(const xmlNode *n, const char *name, int *out)
{
	char *s = xml_attr(n, name);

	if (s != NULL)
		*out = atoi(s);
	free(s);
}

/* One of names[0..max), by the schema's enumeration; absent: *out stays. */
static void
get_enum(const xmlNode *n, const char *name, const char *const *names,
    int max, int *out)
{
	char *s = xml_attr(n, name);
	int i;

	for (i = 0; s != NULL && i < max; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			*out = i;
	free(s);
}

/* A colour value, or the name of a colour in <colours>. */
static int
resolve_colour(struct loader *ld, const xmlNode *n, const char *name,
    const char *s, struct colour *out)
{
	const struct colour *named;
	struct srcpos pos;

	if (layout_parse_colour(s, out) == 0)
		return 0;
	xmlsrc_attr_pos(ld->x, n, name, &pos);
	if (s[0] == '#' || strncmp(s, "cmyk", 4) == 0 ||
	    !isalpha((unsigned char)s[0]))
		return diag_error(ld->d, &pos, "bad colour '%s': use #RRGGBB, "
		    "cmyk(c,m,y,k) in percent, or a name from <colours>", s);
	if ((named = layout_colour(ld->l, s)) == NULL)
		return diag_error(ld->d, &pos, "unknown colour '%s'", s);
	*out = *named;
	return 0;
}

static int
get_colour(struct loader *ld, const xmlNode *n, const char *name,
    struct colour *out)
{
	char *s = xml_attr(n, name);
	int rc;

	if (s == NULL)
		return 0;
	rc = resolve_colour(ld, n, name, s, out);
	free(s);
	return rc;
}

/* Lengths in messages: millimetres, as the shipped layouts write them. */
static double
in_mm(double pt)
{
	return (double)(long)(pt * 25.4 / 72.0 * 100 + 0.5) / 100;
}

static void
parse_colours(struct loader *ld, const xmlNode *list)
{
	struct layout *l = ld->l;
	struct srcpos pos;
	xmlNode *c;
	char *value;

	l->colours = xcalloc(xml_count(list), sizeof(*l->colours));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		struct layout_colour *lc = &l->colours[l->ncolours];
		char *name = xml_attr(c, "name");

		xmlsrc_pos(ld->x, c, &lc->pos);
		if (layout_colour(l, name) != NULL) {
			diag_error(ld->d, &lc->pos, "duplicate colour '%s'",
			    name);
			free(name);
			continue;
		}
		value = xml_attr(c, "value");
		if (layout_parse_colour(value, &lc->colour) == -1) {
			xmlsrc_attr_pos(ld->x, c, "value", &pos);
			diag_error(ld->d, &pos, "bad colour '%s': use #RRGGBB "
			    "or cmyk(c,m,y,k) in percent", value);
		}
		free(value);
		lc->name = name;
		l->ncolours++;
	}
}

/*
 * Nonzero if the style's font resolves to a usable file; otherwise *why
 * says why (the caller frees it).  Fontconfig is slow to ask, and most
 * styles share a face, so faces found are remembered.
 */
static int
font_ok(struct loader *ld, const struct text_style *st, char **why)
{
	struct fontcheck *fc;
	char *path;
	size_t i;
	int index;

	*why = NULL;
	for (i = 0; i < ld->nfonts; i++) {
		fc = &ld->fonts[i];
		if (strcmp(fc->family, st->family) == 0 &&
		    fc->weight == st->weight && fc->slant == st->slant)
			return 1;
	}
	path = font_lookup_why(st->family, st->weight, st->slant, &index,
	    why);
	if (path == NULL)
		return 0;
	free(path);
	ld->fonts = xreallocarray(ld->fonts, ld->nfonts + 1,
	    sizeof(*ld->fonts));
	fc = &ld->fonts[ld->nfonts++];
	memcpy(fc->family, st->family, sizeof(fc->family));
	fc->weight = st->weight;
	fc->slant = st->slant;
	return 1;
}

/* size="12pt" or a range for fit-to-box, size="16pt..28pt". */
static void
parse_size(struct loader *ld, const xmlNode *n, struct text_style *st)
{
	struct srcpos pos;
	char *s = xml_attr(n, "size"), *dots;
	int bad;

	if (s == NULL)
		return;
	xmlsrc_attr_pos(ld->x, n, "size", &pos);
	if ((dots = strstr(s, "..")) != NULL) {
		*dots = '\0';
		bad = layout_length(s, 0, &st->min_size) == -1 ||
		    layout_length(dots + 2, 0, &st->size) == -1;
		*dots = '.';
	} else {
		bad = layout_length(s, 0, &st->size) == -1;
		st->min_size = st->size;
	}
	if (bad)
		diag_error(ld->d, &pos, "bad size '%s': use a length such as "
		    "'11pt', or a range such as '16pt..28pt'", s);
	else if (st->min_size > st->size)
		diag_error(ld->d, &pos, "size range '%s' has its minimum above "
		    "its maximum", s);
	else if (st->min_size <= 0)
		diag_error(ld->d, &pos, "size '%s' must be above 0", s);
	free(s);
}

/* leading="1.2" (times the size) or leading="14pt" (baseline to baseline). */
static void
parse_leading(struct loader *ld, const xmlNode *n, struct text_style *st)
{
	struct srcpos pos;
	char *s = xml_attr(n, "leading");
	double v;
	size_t len;

	if (s == NULL)
		return;
	if ((len = scan_number(s, &v)) != 0 && s[len] == '\0' && v >= 0.5 &&
	    v <= 5)
		st->leading = v;
	else if (layout_length(s, 0, &v) == 0 && st->size > 0 &&
	    v >= 0.5 * st->size && v <= 5 * st->size)
		st->leading = v / st->size;
	else {
		xmlsrc_attr_pos(ld->x, n, "leading", &pos);
		diag_error(ld->d, &pos, "bad leading '%s': use a factor from "
		    "0.5 to 5 such as '1.2', or a length such as '14pt'", s);
	}
	free(s);
}

static void
parse_style(struct loader *ld, const xmlNode *n, struct layout_style *ls)
{
	static const char *const weights[] = { "regular", "bold" };
	static const char *const slants[] = { "roman", "italic" };
	static const char *const aligns[] = { "left", "centre", "right",
	    "justify" };
	struct text_style *st = &ls->style;
	struct srcpos pos;
	char *family = xml_attr(n, "family"), *why;
	int v;

	snprintf(st->family, sizeof(st->family), "%s",
	    family ? family : FONT_DEFAULT_FAMILY);
	free(family);
	v = WEIGHT_REGULAR;
	get_enum(n, "weight", weights, WEIGHT__MAX, &v);
	st->weight = (enum font_weight)v;
	v = SLANT_ROMAN;
	get_enum(n, "slant", slants, SLANT__MAX, &v);
	st->slant = (enum font_slant)v;
	v = ALIGN_LEFT;
	get_enum(n, "align", aligns, ALIGN__MAX, &v);
	st->align = (enum text_align)v;
	st->size = st->min_size = 10;
	parse_size(ld, n, st);
	st->leading = 1.2;
	parse_leading(ld, n, st);
	/* Black: the K plate alone. */
	st->colour = (struct colour){ COLOUR_CMYK, { 0, 0, 0, 1 } };
	get_colour(ld, n, "colour", &st->colour);
	st->max_lines = 0;
	get_int(n, "max-lines", &st->max_lines);
	st->hyphenate = 0;
	get_bool(n, "hyphenate", &st->hyphenate);
	if (!font_ok(ld, st, &why)) {
		xmlsrc_attr_pos(ld->x, n, xmlHasProp(n, (const xmlChar *)"family") ?
		    "family" : NULL, &pos);
		diag_error(ld->d, &pos, "style '%s': %s", ls->name,
		    why ? why : "font family resolves to nothing");
		free(why);
	}
}

static void
parse_styles(struct loader *ld, const xmlNode *list)
{
	struct layout *l = ld->l;
	xmlNode *c;

	l->styles = xcalloc(xml_count(list), sizeof(*l->styles));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		struct layout_style *ls = &l->styles[l->nstyles];
		char *name = xml_attr(c, "name");

		xmlsrc_pos(ld->x, c, &ls->pos);
		if (layout_style(l, name) != NULL) {
			diag_error(ld->d, &ls->pos, "duplicate style '%s'",
			    name);
			free(name);
			continue;
		}
		ls->name = name;
		parse_style(ld, c, ls);
		l->nstyles++;
	}
}

static void
parse_labels(struct loader *ld, const xmlNode *list)
{
	struct layout *l = ld->l;
	struct srcpos pos;
	xmlNode *c;
	size_t i;

	l->labels = xcalloc(xml_count(list), sizeof(*l->labels));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		struct layout_label *lb = &l->labels[l->nlabels];

		lb->key = xml_attr(c, "key");
		lb->lang = xml_attr(c, "lang");
		for (i = 0; i < l->nlabels; i++)
			if (strcmp(l->labels[i].key, lb->key) == 0 &&
			    strcmp(l->labels[i].lang, lb->lang) == 0)
				break;
		if (i < l->nlabels) {
			xmlsrc_pos(ld->x, c, &pos);
			diag_error(ld->d, &pos, "duplicate label '%s' in "
			    "language '%s'", lb->key, lb->lang);
			free(lb->key);
			free(lb->lang);
			continue;
		}
		lb->text = xml_text(c);
		l->nlabels++;
	}
}

static void
parse_page(struct loader *ld, const xmlNode *n)
{
	struct layout_page *pg = &ld->l->page;
	struct srcpos pos;
	char *paper = xml_attr(n, "paper"), *orient;
	double margin = 0, t;
	size_t i;

	if (paper != NULL) {
		for (i = 0; i < NPAPERS; i++)
			if (strcmp(paper, papers[i].name) == 0)
				break;
		if (i == NPAPERS) {
			xmlsrc_attr_pos(ld->x, n, "paper", &pos);
			diag_error(ld->d, &pos, "unknown paper '%s': use A0 "
			    "to A6 or Letter, or give width and height",
			    paper);
		} else {
			snprintf(pg->paper, sizeof(pg->paper), "%s", paper);
			pg->width = papers[i].inches ? papers[i].width * 72 :
			    PDF_MM(papers[i].width);
			pg->height = papers[i].inches ? papers[i].height * 72 :
			    PDF_MM(papers[i].height);
		}
		if (xmlHasProp(n, (const xmlChar *)"width") ||
		    xmlHasProp(n, (const xmlChar *)"height")) {
			xmlsrc_pos(ld->x, n, &pos);
			diag_error(ld->d, &pos, "<page> has a paper name and a "
			    "size: give one of them");
		}
		free(paper);
	} else if (!xmlHasProp(n, (const xmlChar *)"width") ||
	    !xmlHasProp(n, (const xmlChar *)"height")) {
		xmlsrc_pos(ld->x, n, &pos);
		diag_error(ld->d, &pos, "<page> needs a paper name or both "
		    "width and height");
	}
	get_length(ld, n, "width", 0, &pg->width);
	get_length(ld, n, "height", 0, &pg->height);
	orient = xml_attr(n, "orientation");
	if (orient != NULL && strcmp(orient, "landscape") == 0) {
		pg->landscape = 1;
		if (pg->width < pg->height) {
			t = pg->width;
			pg->width = pg->height;
			pg->height = t;
		}
	} else if (orient != NULL && pg->width > pg->height) {
		t = pg->width;
		pg->width = pg->height;
		pg->height = t;
	}
	free(orient);
	get_length(ld, n, "margin", 0, &margin);
	pg->margin_top = pg->margin_right = pg->margin_bottom =
	    pg->margin_left = margin;
	get_length(ld, n, "margin-top", 0, &pg->margin_top);
	get_length(ld, n, "margin-right", 0, &pg->margin_right);
	get_length(ld, n, "margin-bottom", 0, &pg->margin_bottom);
	get_length(ld, n, "margin-left", 0, &pg->margin_left);
	get_length(ld, n, "bleed", 0, &pg->bleed);
	get_bool(n, "crop-marks", &pg->crop_marks);
	if (pg->width > 0 && (pg->margin_left + pg->margin_right >=
	    pg->width || pg->margin_top + pg->margin_bottom >= pg->height)) {
		xmlsrc_pos(ld->x, n, &pos);
		diag_error(ld->d, &pos, "the page's margins leave no room "
		    "inside (page %g x %g mm)", in_mm(pg->width),
		    in_mm(pg->height));
	}
}

static void
parse_type_area(struct loader *ld, const xmlNode *n, const xmlNode *pad)
{
	static const char *const pads[] = { "blank", "notes" };
	struct layout_booklet *b = &ld->l->booklet;
	const struct layout_page *pg = &ld->l->page;
	struct srcpos pos;
	int v;

	b->columns = 1;
	b->pad_multiple = 4;
	b->pad_with = PAD_NOTES;
	if (pad != NULL) {
		get_int(pad, "multiple", &b->pad_multiple);
		v = b->pad_with;
		get_enum(pad, "with", pads, PAD__MAX, &v);
		b->pad_with = (enum layout_padding)v;
	}
	if (n == NULL)
		return;
	get_length(ld, n, "top", 0, &b->top);
	get_length(ld, n, "bottom", 0, &b->bottom);
	get_length(ld, n, "inner", 0, &b->inner);
	get_length(ld, n, "outer", 0, &b->outer);
	get_int(n, "columns", &b->columns);
	b->column_gap = b->columns > 1 ? PDF_MM(5) : 0;
	get_length(ld, n, "column-gap", 0, &b->column_gap);
	if (pg->width <= 0)
		return;
	xmlsrc_pos(ld->x, n, &pos);
	if (b->inner + b->outer + (b->columns - 1) * b->column_gap +
	    b->columns * PDF_MM(10) > pg->width)
		diag_error(ld->d, &pos, "type area too narrow: %d column(s) "
		    "need at least 10 mm each inside the margins and gaps "
		    "(page %g mm wide)", b->columns, in_mm(pg->width));
	if (b->top + b->bottom + PDF_MM(10) > pg->height)
		diag_error(ld->d, &pos, "type area too low: top and bottom "
		    "leave less than 10 mm (page %g mm high)",
		    in_mm(pg->height));
}

static int
is_text_field(enum layout_field f)
{
	return f != FIELD_PERSON_PHOTO && f != FIELD_FORUM_HOST_LOGO &&
	    f != FIELD_IMAGE && f != FIELD_QR && f != FIELD_BAND;
}

/* The attributes of a box that depend on its field. */
static void
parse_box_content(struct loader *ld, const xmlNode *n, struct layout_box *b)
{
	static const char *const valigns[] = { "top", "middle", "bottom" };
	const char *fname = layout_field_names[b->field];
	struct srcpos pos;
	struct image im;
	char *s;
	int v;

	if (is_text_field(b->field)) {
		if ((s = xml_attr(n, "style")) == NULL)
			diag_error(ld->d, &b->pos, "box '%s' needs a style",
			    fname);
		else if ((b->style = layout_style(ld->l, s)) == NULL) {
			xmlsrc_attr_pos(ld->x, n, "style", &pos);
			diag_error(ld->d, &pos, "unknown style '%s'", s);
		}
		free(s);
		v = VALIGN_TOP;
		get_enum(n, "valign", valigns, VALIGN__MAX, &v);
		b->valign = (enum layout_valign)v;
	}
	switch (b->field) {
	case FIELD_TEXT:
		b->label = xml_attr(n, "label");
		b->text = xml_text(n);
		if ((b->label == NULL) == (b->text == NULL))
			diag_error(ld->d, &b->pos, "box 'text' needs either "
			    "words or a label, not %s", b->label ? "both" :
			    "none");
		break;
	case FIELD_IMAGE:
		if ((s = xml_attr(n, "src")) == NULL) {
			diag_error(ld->d, &b->pos, "box 'image' needs a src");
			break;
		}
		/* Relative to the layout file, usable from here. */
		b->src = path_beside(ld->l->file, s);
		free(s);
		/* Sound, or refused now rather than while printing. */
		xmlsrc_attr_pos(ld->x, n, "src", &pos);
		if (image_load(ld->d, &pos, b->src, &im) == 0)
			image_release(&im);
		break;
	case FIELD_QR:
		v = QR_PERSON_URL;
		get_enum(n, "data", qr_names, QR__MAX, &v);
		b->qr = (enum layout_qr)v;
		b->colour = (struct colour){ COLOUR_CMYK, { 0, 0, 0, 1 } };
		get_colour(ld, n, "colour", &b->colour);
		break;
	case FIELD_BAND:
		if ((s = xml_attr(n, "colour")) == NULL) {
			diag_error(ld->d, &b->pos, "box 'band' needs a colour");
			break;
		}
		v = PAINT_COLOUR;
		get_enum(n, "colour", paint_names, PAINT__MAX, &v);
		b->paint = (enum layout_paint)v;
		if (b->paint == PAINT_COLOUR)
			resolve_colour(ld, n, "colour", s, &b->colour);
		else if (layout_colour(ld->l, s) == NULL) {
			xmlsrc_attr_pos(ld->x, n, "colour", &pos);
			diag_error(ld->d, &pos, "band colour '%s' needs a "
			    "colour named '%s' in <colours> as its fallback",
			    s, s);
		}
		free(s);
		break;
	default:
		break;
	}
}

/* Checks that box b lies inside the item and, unless a band, its safe area. */
static void
check_box_place(struct loader *ld, const struct layout_box *b)
{
	const struct layout_item *it = &ld->l->item;
	const char *fname = layout_field_names[b->field];
	double safe = b->field == FIELD_BAND ? 0 : it->safe;

	if (b->x + b->w > it->width + SLACK || b->y + b->h > it->height +
	    SLACK)
		diag_error(ld->d, &b->pos, "box '%s' lies outside the item: "
		    "it reaches %g mm across and %g mm down, the item is "
		    "%g x %g mm", fname, in_mm(b->x + b->w),
		    in_mm(b->y + b->h), in_mm(it->width), in_mm(it->height));
	else if (b->x < safe - SLACK || b->y < safe - SLACK ||
	    b->x + b->w > it->width - safe + SLACK ||
	    b->y + b->h > it->height - safe + SLACK)
		diag_error(ld->d, &b->pos, "box '%s' reaches into the safe "
		    "margin of %g mm", fname, in_mm(safe));
}

static void
parse_box(struct loader *ld, const xmlNode *n, struct layout_box *b)
{
	struct srcpos pos;
	char *field = xml_attr(n, "field");
	int bad = 0, i;

	xmlsrc_pos(ld->x, n, &b->pos);
	for (i = 0; i < FIELD__MAX; i++)
		if (strcmp(field, layout_field_names[i]) == 0)
			break;
	if (i == FIELD__MAX) {
		xmlsrc_attr_pos(ld->x, n, "field", &pos);
		diag_error(ld->d, &pos, "unknown field '%s'", field);
		b->field = FIELD_BAND;
		bad = 1;
	} else
		b->field = (enum layout_field)i;
	free(field);
	bad |= get_length(ld, n, "x", 0, &b->x);
	bad |= get_length(ld, n, "y", 0, &b->y);
	bad |= get_length(ld, n, "w", 0, &b->w);
	bad |= get_length(ld, n, "h", 0, &b->h);
	if (bad)
		return;
	if (b->w <= 0 || b->h <= 0)
		diag_error(ld->d, &b->pos, "box '%s' has no area",
		    layout_field_names[b->field]);
	if (b->field == FIELD_ROOM_SCHEDULE && !ld->l->item.room_schedule &&
	    ld->l->item.per == PER_FORUM)
		diag_error(ld->d, &b->pos, "field 'room.schedule' needs "
		    "room-schedule=\"true\" on <item> of a sign per forum");
	parse_box_content(ld, n, b);
	check_box_place(ld, b);
}

static void
parse_side(struct loader *ld, const xmlNode *n, struct layout_side *side)
{
	xmlNode *c;

	side->boxes = xcalloc(xml_count(n), sizeof(*side->boxes));
	for (c = xml_first(n); c != NULL; c = xml_next(c))
		parse_box(ld, c, &side->boxes[side->nboxes++]);
}

static void
parse_item(struct loader *ld, const xmlNode *n)
{
	struct layout_item *it = &ld->l->item;
	const struct layout_page *pg = &ld->l->page;
	struct srcpos pos;
	xmlNode *back;
	char *same;
	int per;

	it->width = pg->width - pg->margin_left - pg->margin_right;
	it->height = pg->height - pg->margin_top - pg->margin_bottom;
	get_length(ld, n, "width", 0, &it->width);
	get_length(ld, n, "height", 0, &it->height);
	get_length(ld, n, "safe", 0, &it->safe);
	get_bool(n, "room-schedule", &it->room_schedule);
	if (it->room_schedule && strcmp(ld->l->product, "signs") != 0) {
		xmlsrc_attr_pos(ld->x, n, "room-schedule", &pos);
		diag_error(ld->d, &pos, "room-schedule is for signs");
	}
	per = PER_DEFAULT;
	get_enum(n, "per", per_names, PER__MAX, &per);
	it->per = (enum layout_per)per;
	if (it->per != PER_DEFAULT && strcmp(ld->l->product, "signs") != 0) {
		xmlsrc_attr_pos(ld->x, n, "per", &pos);
		diag_error(ld->d, &pos, "per is for signs");
	}
	if (2 * it->safe >= it->width || 2 * it->safe >= it->height) {
		xmlsrc_attr_pos(ld->x, n, "safe", &pos);
		diag_error(ld->d, &pos, "the safe margin of %g mm leaves no "
		    "room in the item (%g x %g mm)", in_mm(it->safe),
		    in_mm(it->width), in_mm(it->height));
		return;
	}
	parse_side(ld, child(n, "front"), &it->front);
	if ((back = child(n, "back")) == NULL)
		return;
	same = xml_attr(back, "same-as");
	if (same != NULL && xml_first(back) != NULL) {
		xmlsrc_pos(ld->x, back, &pos);
		diag_error(ld->d, &pos, "<back same-as=\"front\"> cannot have "
		    "boxes of its own");
	}
	it->back_mode = same != NULL ? BACK_SAME : BACK_OWN;
	free(same);
	if (it->back_mode == BACK_OWN)
		parse_side(ld, back, &it->back);
}

static void
parse_grid(struct loader *ld, const xmlNode *n)
{
	static const char *const duplexes[] = { "none", "long-edge",
	    "short-edge" };
	struct layout_grid *g = &ld->l->grid;
	const struct layout_page *pg = &ld->l->page;
	const struct layout_item *it = &ld->l->item;
	struct srcpos pos;
	double need_w, need_h, room_w, room_h;
	int v;

	g->columns = g->rows = 1;
	g->centred = 1;
	if (n != NULL) {
		get_int(n, "columns", &g->columns);
		get_int(n, "rows", &g->rows);
		get_length(ld, n, "gap-x", 0, &g->gap_x);
		get_length(ld, n, "gap-y", 0, &g->gap_y);
		get_bool(n, "centred", &g->centred);
		v = DUPLEX_NONE;
		get_enum(n, "duplex", duplexes, DUPLEX__MAX, &v);
		g->duplex = (enum layout_duplex)v;
		get_length(ld, n, "offset-x", 1, &g->offset_x);
		get_length(ld, n, "offset-y", 1, &g->offset_y);
		get_length(ld, n, "back-offset-x", 1, &g->back_offset_x);
		get_length(ld, n, "back-offset-y", 1, &g->back_offset_y);
		get_bool(n, "cut-marks", &g->cut_marks);
	}
	need_w = g->columns * it->width + (g->columns - 1) * g->gap_x;
	need_h = g->rows * it->height + (g->rows - 1) * g->gap_y;
	room_w = pg->width - pg->margin_left - pg->margin_right;
	room_h = pg->height - pg->margin_top - pg->margin_bottom;
	g->x = pg->margin_left + (g->centred ? (room_w - need_w) / 2 : 0);
	g->y = pg->margin_top + (g->centred ? (room_h - need_h) / 2 : 0);
	if (pg->width <= 0 || (need_w <= room_w + SLACK &&
	    need_h <= room_h + SLACK))
		return;
	if (n != NULL)
		xmlsrc_pos(ld->x, n, &pos);
	else
		xmlsrc_pos(ld->x, child(xmlDocGetRootElement(ld->x->doc),
		    "item"), &pos);
	diag_error(ld->d, &pos, "the grid does not fit the sheet: %d x %d "
	    "items of %g x %g mm need %g x %g mm, the sheet has %g x %g mm "
	    "inside its margins", g->columns, g->rows, in_mm(it->width),
	    in_mm(it->height), in_mm(need_w), in_mm(need_h), in_mm(room_w),
	    in_mm(room_h));
}

/* Reports an element that the product does not use. */
static void
not_for(struct loader *ld, const xmlNode *root, const char *name)
{
	struct srcpos pos;
	xmlNode *n;

	if ((n = child(root, name)) == NULL)
		return;
	xmlsrc_pos(ld->x, n, &pos);
	diag_error(ld->d, &pos, "<%s> is not used by %s layouts", name,
	    ld->l->product);
}

/* The styles the product looks up by name (struct layout_spec). */
static void
check_styles(struct loader *ld, const xmlNode *root)
{
	const char *const *need = ld->spec != NULL ? ld->spec->styles : NULL;
	struct srcpos pos;

	xmlsrc_pos(ld->x, child(root, "styles"), &pos);
	for (; need != NULL && *need != NULL; need++)
		if (layout_style(ld->l, *need) == NULL)
			diag_error(ld->d, &pos, "%s layouts need a style '%s'",
			    ld->l->product, *need);
}

/* The kind the product wants, or without one what the file has. */
static enum layout_kind
kind_of(const struct loader *ld, const xmlNode *root)
{
	if (ld->spec != NULL)
		return ld->spec->kind;
	if (child(root, "type-area") != NULL)
		return LAYOUT_TYPE_AREA;
	if (child(root, "item") != NULL)
		return LAYOUT_ITEMS;
	return LAYOUT_PAGE;
}

/* What the booklet prints of each session, and in what order. */
static void
parse_sessions(struct layout_booklet *b, const xmlNode *n)
{
	int v;

	b->content = CONTENT_FULL;
	b->abstract_lines = ABSTRACT_LINES;
	b->group = GROUP_TIME;
	if (n == NULL)
		return;
	v = b->content;
	get_enum(n, "content", layout_content_names, CONTENT__MAX, &v);
	b->content = (enum layout_content)v;
	get_int(n, "lines", &b->abstract_lines);
	v = b->group;
	get_enum(n, "group-by", layout_group_names, GROUP__MAX, &v);
	b->group = (enum layout_group)v;
}

/* A share ("30%", up to 100%) or a factor ("2.2"); -1 when not. */
static int
parse_measure(const char *s, enum measure kind, double *v)
{
	size_t n;

	if ((n = scan_number(s, v)) == 0)
		return -1;
	if (kind == MEASURE_FACTOR)
		return s[n] == '\0' && *v <= 100 ? 0 : -1;
	if (strcmp(s + n, "%") != 0 || *v > 100)
		return -1;
	*v /= 100;
	return 0;
}

/* One proportion (looks[]): its default, else the file's. */
static void
get_look(struct loader *ld, const xmlNode *root, const struct look *lk)
{
	double *v = (double *)(void *)((char *)ld->l + lk->off);
	const xmlNode *n = child(root, lk->element);
	struct srcpos pos;
	char *s;

	*v = lk->value;
	if (n == NULL)
		return;
	if (lk->kind == MEASURE_LENGTH) {
		get_length(ld, n, lk->attr, 0, v);
		return;
	}
	if ((s = xml_attr(n, lk->attr)) == NULL)
		return;
	if (parse_measure(s, lk->kind, v) == -1) {
		xmlsrc_attr_pos(ld->x, n, lk->attr, &pos);
		if (lk->kind == MEASURE_SHARE)
			diag_error(ld->d, &pos, "bad share '%s' in '%s': use "
			    "a percentage up to 100%%, such as 30%%", s,
			    lk->attr);
		else
			diag_error(ld->d, &pos, "bad number '%s' in '%s': use "
			    "a number up to 100, such as 2.2", s, lk->attr);
		*v = lk->value;
	}
	free(s);
}

/* Reports the booklet's elements in a layout of another kind. */
static void
not_booklet(struct loader *ld, const xmlNode *root)
{
	const char *const *e;

	for (e = booklet_only; *e != NULL; e++)
		not_for(ld, root, *e);
}

/* The parts of a layout of kind LAYOUT_TYPE_AREA. */
static void
parse_type_area_layout(struct loader *ld, const xmlNode *root)
{
	struct srcpos pos;

	not_for(ld, root, "item");
	not_for(ld, root, "grid");
	if (child(root, "type-area") == NULL) {
		xmlsrc_pos(ld->x, root, &pos);
		diag_error(ld->d, &pos, "%s layouts need a <type-area>",
		    ld->l->product);
	}
	parse_type_area(ld, child(root, "type-area"), child(root, "padding"));
	parse_sessions(&ld->l->booklet, child(root, "sessions"));
}

/* The parts of a layout of kind LAYOUT_ITEMS. */
static void
parse_items_layout(struct loader *ld, const xmlNode *root)
{
	struct srcpos pos;

	not_booklet(ld, root);
	not_for(ld, root, "day-grid");
	if (child(root, "item") == NULL) {
		xmlsrc_pos(ld->x, root, &pos);
		diag_error(ld->d, &pos, "%s layouts need an <item>",
		    ld->l->product);
		return;
	}
	parse_item(ld, child(root, "item"));
	parse_grid(ld, child(root, "grid"));
}

static void
parse_layout(struct loader *ld, const xmlNode *root)
{
	struct layout *l = ld->l;
	size_t i;

	l->kind = kind_of(ld, root);
	l->title = xml_text(child(root, "title"));
	parse_colours(ld, child(root, "colours"));
	parse_styles(ld, child(root, "styles"));
	parse_labels(ld, child(root, "labels"));
	parse_page(ld, child(root, "page"));
	switch (l->kind) {
	case LAYOUT_TYPE_AREA:
		parse_type_area_layout(ld, root);
		break;
	case LAYOUT_ITEMS:
		parse_items_layout(ld, root);
		break;
	default:
		not_booklet(ld, root);
		not_for(ld, root, "item");
		not_for(ld, root, "grid");
		break;
	}
	for (i = 0; i < NLOOKS; i++)
		get_look(ld, root, &looks[i]);
	check_styles(ld, root);
}

/* Whether the file is for the product asked for; says so when not. */
static int
for_product(struct loader *ld)
{
	struct srcpos pos = { ld->l->file, 0, 0 };

	if (ld->spec == NULL || strcmp(ld->l->product, ld->spec->product) == 0)
		return 1;
	diag_error(ld->d, &pos, "this is a layout for %s, not for %s",
	    ld->l->product, ld->spec->product);
	return 0;
}

struct layout *
layout_load(const char *path, const struct layout_spec *spec, struct diag *d)
{
	struct xmlsrc x;
	struct loader ld;
	struct srcpos pos;
	xmlNode *root;
	unsigned before = d->nerrors;

	memset(&ld, 0, sizeof(ld));
	ld.l = xcalloc(1, sizeof(*ld.l));
	ld.l->file = xstrdup(path);
	ld.spec = spec;
	ld.x = &x;
	ld.d = d;
	if (xmlsrc_load(&x, ld.l->file, LAYOUT_MAX_BYTES, d) == -1)
		goto out;
	root = xmlDocGetRootElement(x.doc);
	if (!is(root, "layout")) {
		xmlsrc_pos(&x, root, &pos);
		diag_error(d, &pos, "not a layout: the root element must be "
		    "<layout xmlns=\"%s\">", LAYOUT_NS);
		goto out;
	}
	if (xmlsrc_validate(&x, layout_xsd, layout_xsd_len, d) == -1)
		goto out;
	ld.l->product = xml_attr(root, "product");
	if (for_product(&ld))
		parse_layout(&ld, root);
out:
	xmlsrc_release(&x);
	free(ld.fonts);
	if (d->nerrors > before) {
		layout_free(ld.l);
		return NULL;
	}
	return ld.l;
}

static void
side_release(struct layout_side *side)
{
	size_t i;

	for (i = 0; i < side->nboxes; i++) {
		free(side->boxes[i].text);
		free(side->boxes[i].label);
		free(side->boxes[i].src);
	}
	free(side->boxes);
}

void
layout_free(struct layout *l)
{
	size_t i;

	if (l == NULL)
		return;
	side_release(&l->item.front);
	side_release(&l->item.back);
	for (i = 0; i < l->nstyles; i++)
		free(l->styles[i].name);
	for (i = 0; i < l->ncolours; i++)
		free(l->colours[i].name);
	for (i = 0; i < l->nlabels; i++) {
		free(l->labels[i].key);
		free(l->labels[i].lang);
		free(l->labels[i].text);
	}
	free(l->styles);
	free(l->colours);
	free(l->labels);
	free(l->title);
	free(l->product);
	free(l->file);
	free(l);
}

const struct text_style *
layout_style(const struct layout *l, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < l->nstyles; i++)
		if (strcmp(l->styles[i].name, name) == 0)
			return &l->styles[i].style;
	return NULL;
}

const struct colour *
layout_colour(const struct layout *l, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < l->ncolours; i++)
		if (strcmp(l->colours[i].name, name) == 0)
			return &l->colours[i].colour;
	return NULL;
}

static const char *
label_in(const struct layout *l, const char *key, const char *lang)
{
	size_t i;

	for (i = 0; i < l->nlabels; i++)
		if (strcmp(l->labels[i].key, key) == 0 &&
		    strcmp(l->labels[i].lang, lang) == 0)
			return l->labels[i].text;
	return NULL;
}

const char *
layout_label(const struct layout *l, const char *key, const char *lang)
{
	const char *s = NULL;
	char primary[8];
	size_t n;

	if (lang != NULL)
		s = label_in(l, key, lang);
	/* "en-GB" falls back to "en" before German. */
	if (s == NULL && lang != NULL && (n = strcspn(lang, "-_")) > 0 &&
	    lang[n] != '\0' && n < sizeof(primary)) {
		memcpy(primary, lang, n);
		primary[n] = '\0';
		s = label_in(l, key, primary);
	}
	if (s == NULL)
		s = label_in(l, key, "de");
	return s != NULL ? s : key;
}

const struct layout_side *
layout_back(const struct layout *l)
{
	switch (l->item.back_mode) {
	case BACK_SAME:
		return &l->item.front;
	case BACK_OWN:
		return &l->item.back;
	default:
		return NULL;
	}
}

/* Returns path when it is readable, else frees it and returns NULL. */
static char *
readable(char *path)
{
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

char *
layout_default_path(const char *file_name, const char *argv0)
{
	char *p, *rel;

	if ((p = readable(xasprintf("layouts/%s", file_name))) != NULL)
		return p;
	if (argv0 != NULL && strchr(argv0, '/') != NULL) {
		rel = xasprintf("../layouts/%s", file_name);
		p = readable(path_beside(argv0, rel));
		free(rel);
		if (p != NULL)
			return p;
		rel = xasprintf("../share/pdfgen/layouts/%s", file_name);
		p = readable(path_beside(argv0, rel));
		free(rel);
		if (p != NULL)
			return p;
	}
	return readable(xasprintf("%s/layouts/%s", PDFGEN_DATADIR,
	    file_name));
}
