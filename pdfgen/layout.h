/*
 * Layouts: the print geometry and the look of one product, read from a
 * layout file (layouts/NAME.xml, namespace urn:pdfgen:layout:1, described by
 * layouts/layout.xsd and layouts/README.md).
 *
 * Units.  Every length below is in PostScript points (1/72 in); the loader
 * converts the file's mm, cm, pt and in once, so renderers never see
 * another unit.  Font sizes are points too.
 *
 * Coordinates.  Boxes and the grid are measured the way designers measure
 * them: from the top-left corner of their item (or sheet), x to the right,
 * y downwards.  PDF measures from the bottom-left corner, y upwards: a box
 * on an item whose top-left corner is at (ix, iy_top) in PDF space has its
 * lower-left corner at (ix + b->x, iy_top - b->y - b->h).
 *
 * A loaded layout has been checked: every style its product looks up by
 * name exists (struct layout_spec), every style and colour a box names
 * exists, every box lies inside its item, the grid fits the sheet, every
 * font family resolves to a file.  Renderers may rely on that.
 *
 * For the renderers, main.c and the layout tests.
 */
#ifndef PDFGEN_LAYOUT_H
#define PDFGEN_LAYOUT_H

#include <stddef.h>

#include "diag.h"
#include "style.h"

#define LAYOUT_NS		"urn:pdfgen:layout:1"
#define LAYOUT_MAX_BYTES	((size_t)1 << 20)	/* 1 MiB */


/*
 * What a layout holds besides page, styles, colours and labels, and so
 * what a product draws with it.
 */
enum layout_kind {
	LAYOUT_TYPE_AREA,	/* running text in a type area (<type-area>) */
	LAYOUT_ITEMS,		/* items of boxes on sheets (<item>, <grid>) */
	LAYOUT_PAGE,		/* neither: the product draws on the page */
	LAYOUT_KIND__MAX
};

/*
 * What a product asks of its layout files (its row in render.c): the
 * file's product attribute must name it, the file must be of its kind,
 * and the styles it looks up by name must exist.
 */
struct layout_spec {
	const char	*product;	/* "booklet" */
	enum layout_kind kind;
	const char *const *styles;	/* NULL-terminated; NULL: none */
};

/* The sheet that goes through the printer (or the booklet's trimmed page). */
struct layout_page {
	/* "A4", "Letter", or "" when given as width/height */
	char		 paper[16];
	double		 width;		/* points, orientation applied */
	double		 height;	/* points, orientation applied */
	int		 landscape;	/* the file asked for landscape */
	/* points; nothing is printed closer to the edge */
	double		 margin_top;
	double		 margin_right;	/* points */
	double		 margin_bottom;	/* points */
	double		 margin_left;	/* points */
	/* points that bands run past the trimmed edge; 0: none */
	double		 bleed;
	/* draw crop marks outside the trimmed page */
	int		 crop_marks;
};

/* What a box shows.  Text fields are set in the box's style. */
enum layout_field {
	FIELD_PERSON_NAME,		/* "Tanja Krins" (person_name) */
	FIELD_PERSON_TITLE,		/* academic title: "Prof. Dr." */
	FIELD_PERSON_ORGANISATION,
	FIELD_PERSON_ROLE,
	/* "Forum 3: title" lines, one per forum */
	FIELD_PERSON_FORUMS,
	/* label "category.<c>": "Referent*in" */
	FIELD_PERSON_CATEGORY,
	FIELD_PERSON_PHOTO,		/* image: person->photo */
	/* label "forum" and the number: "Forum 3" */
	FIELD_FORUM_NUMBER,
	FIELD_FORUM_TITLE,
	FIELD_FORUM_SUBTITLE,
	FIELD_FORUM_HOST,		/* label "hosted-by" and the host */
	FIELD_FORUM_HOST_LOGO,		/* image: forum->host_logo */
	FIELD_FORUM_SPEAKERS,		/* names, "u. a. mit" when incomplete */
	FIELD_FORUM_MODERATORS,
	FIELD_FORUM_DESCRIPTION,	/* the paragraphs */
	FIELD_ROOM_NAME,
	/* signs with room_schedule or per room and day: the room's day */
	FIELD_ROOM_SCHEDULE,
	FIELD_SLOT_TIME,		/* "14:00–15:30" */
	FIELD_EVENT_TITLE,
	FIELD_EVENT_DATE,
	FIELD_TEXT,			/* box->text, or the label box->label */
	FIELD_IMAGE,			/* the file box->src */
	FIELD_QR,			/* a QR code of box->qr */
	FIELD_BAND,			/* a rectangle filled with box->paint */
	FIELD__MAX
};

/* The names of the fields as layout files write them ("person.name"). */
extern const char *const layout_field_names[FIELD__MAX];

/* What a QR code encodes. */
enum layout_qr {
	QR_PERSON_URL,		/* person->url (no code when NULL) */
	/* a vCard 3.0 of name, organisation, email, url */
	QR_PERSON_VCARD,
	QR_EVENT_URL,		/* event.url */
	QR__MAX
};

/*
 * Where a band's colour comes from.  For PAINT_TRACK the renderer uses, in
 * this order, the track's colour in the programme, the layout colour
 * "track.<track id>", the layout colour "track"; likewise "slot.<slot id>"
 * then "slot", and "category.<c>" then "category" (c is speaker or
 * moderator, the two categories of badges.c).  The loader makes sure the
 * last fallback ("track", "slot", "category") exists when a band uses it.
 */
enum layout_paint {
	PAINT_COLOUR,		/* box->colour */
	PAINT_TRACK,
	PAINT_SLOT,
	PAINT_CATEGORY,
	PAINT__MAX
};

enum layout_valign {
	VALIGN_TOP,
	VALIGN_MIDDLE,
	VALIGN_BOTTOM,
	VALIGN__MAX
};

/* One rectangle of an item, in document order (later boxes draw on top). */
struct layout_box {
	struct srcpos	 pos;
	enum layout_field field;
	double		 x;		/* points from the item's left edge */
	/* points from the item's top edge, downwards */
	double		 y;
	double		 w;		/* points, > 0 */
	double		 h;		/* points, > 0 */
	/* text fields: never NULL; others: NULL */
	const struct text_style *style;
	/* text fields: where lines sit in the box */
	enum layout_valign valign;
	/* FIELD_TEXT: fixed words, or NULL when label is set */
	char		*text;
	/* FIELD_TEXT: a label key (layout_label), or NULL */
	char		*label;
	/* FIELD_IMAGE: path usable from the working directory */
	char		*src;
	enum layout_qr	 qr;		/* FIELD_QR */
	enum layout_paint paint;	/* FIELD_BAND */
	/* FIELD_BAND with PAINT_COLOUR; FIELD_QR: the dark modules */
	struct colour	 colour;
};

/* One side of an item. */
struct layout_side {
	struct layout_box *boxes;
	size_t		 nboxes;
};

enum layout_back {
	BACK_NONE,		/* printed on one side */
	BACK_SAME,		/* the back repeats the front */
	BACK_OWN,		/* the back has its own boxes (item.back) */
	BACK__MAX
};

/* What one door sign is for. */
enum layout_per {
	/* unsaid: a sign per room and day for a programme without forum
	   numbers (an import), else a sign per forum */
	PER_DEFAULT,
	PER_FORUM,		/* per="forum" */
	PER_ROOM_DAY,		/* per="room-day": the room's sessions listed */
	PER__MAX
};

/* One badge or one door sign. */
struct layout_item {
	double		 width;		/* points */
	double		 height;	/* points */
	/* points: text, images and codes keep this far from the edges */
	double		 safe;
	/* signs: each forum's sign shows its room's day */
	int		 room_schedule;
	enum layout_per	 per;		/* signs */
	struct layout_side front;
	enum layout_back back_mode;
	struct layout_side back;	/* BACK_OWN only; empty otherwise */
};

enum layout_duplex {
	DUPLEX_NONE,		/* no back sides, or backs on separate sheets */
	/* back sheet: columns mirrored (flip on the long edge) */
	DUPLEX_LONG_EDGE,
	DUPLEX_SHORT_EDGE,	/* back sheet: rows mirrored */
	DUPLEX__MAX
};

/* How items sit on a sheet: columns x rows, row by row from the top left. */
struct layout_grid {
	int		 columns;	/* >= 1 */
	int		 rows;		/* >= 1 */
	double		 gap_x;		/* points between columns */
	double		 gap_y;		/* points between rows */
	/* points from the sheet's left edge to the first column */
	double		 x;
	/* points from the sheet's top edge to the first row */
	double		 y;
	/* x and y were computed to centre the grid */
	int		 centred;
	enum layout_duplex duplex;
	/* points every sheet is shifted right (printer offset) */
	double		 offset_x;
	double		 offset_y;	/* points every sheet is shifted down */
	/* points back sheets are shifted right, on top */
	double		 back_offset_x;
	/* points back sheets are shifted down, on top */
	double		 back_offset_y;
	/* cut marks outside the grid, on the sheet margins */
	int		 cut_marks;
};

enum layout_padding {
	PAD_BLANK,		/* empty pages */
	PAD_NOTES,		/* pages headed with the label "notes", ruled */
	PAD__MAX
};

/* What the booklet prints of each session (<sessions content>). */
enum layout_content {
	CONTENT_FULL,		/* every paragraph, every person in full */
	CONTENT_ABSTRACT,	/* the first lines, then "…"; the names */
	CONTENT_TITLES,		/* title, time, room, track, names */
	CONTENT__MAX
};

/* The order of the booklet's sessions (<sessions group-by>). */
enum layout_group {
	GROUP_TIME,		/* by day, then time */
	GROUP_TRACK,		/* by track, then day and time */
	GROUP__MAX
};

/* The names as layout files write them: "full", ..., "time", "track". */
extern const char *const layout_content_names[CONTENT__MAX];
extern const char *const layout_group_names[GROUP__MAX];

/*
 * The booklet's proportions: where its parts stand in relation to the
 * type area, its margins and its styles, so that a larger page or larger
 * type keeps the look.  Each from an attribute of <cover>, <margins>,
 * <rules>, <index>, <overview> or <spacing>
 * (layouts/README.md), with a default for a layout that does not say.
 * "Share": of the length named; "sizes": of the style named; "lines":
 * of body text (size times leading); "points": a length.
 */
struct layout_cover {
	double		 band;		/* share of the type area's height
					   the accent band reaches below the
					   top margin */
	double		 title;		/* share of the type area's height
					   from the band to the title */
	double		 subtitle;	/* h2 sizes above the subtitle */
	double		 dates;		/* h2 sizes from title to dates */
	double		 venue;		/* points from dates to venue */
};

/* In the margins: the running head and its rule, the folio. */
struct layout_margins {
	double		 head;		/* share of the top margin: the
					   running head's middle */
	double		 head_rule;	/* points from the head to its rule */
	double		 folio;		/* share of the bottom margin: the
					   folio's middle */
};

/* Rules: under running heads, between the overview's rows, on notes. */
struct layout_rules {
	double		 width;		/* points */
	double		 notes;		/* notes lines apart, in lines of the
					   notes style */
	double		 notes_min;	/* points: notes lines apart at least */
};

struct layout_index {
	double		 refs;		/* share of the column: the forums and
					   pages, flush right */
	double		 space;		/* index sizes above an entry */
};

struct layout_overview {
	double		 number;	/* index sizes: the number column */
	double		 page;		/* index sizes: the page column */
	double		 room;		/* share of the width: the room */
	double		 slot_space;	/* index sizes above a slot's head */
	double		 head_space;	/* index sizes above the head row */
	double		 row_space;	/* index sizes above a row */
};

/* Space above the parts of a session: lines, unless said. */
struct layout_spacing {
	double		 session;	/* above its kicker or title */
	double		 kicker;	/* points, kicker to title */
	double		 subtitle;	/* points */
	double		 when;		/* points: its time and room */
	double		 first_para;
	double		 para;
	double		 list_item;
	double		 list_indent;	/* body sizes: a list item's indent */
	double		 link;		/* its abstract's link */
	double		 announced;	/* "to be announced" */
	double		 people;	/* speakers, moderators */
	double		 names;		/* an abstract's names */
	double		 moderators;	/* an abstract's moderators */
	double		 titles;	/* between sessions: titles only */
	double		 group;		/* h1 sizes: a day's, track's head */
};

/*
 * A day's timetable as a grid (<day-grid>: the booklet's and the
 * poster's), in sizes of the smallest title (lane), of the title
 * (padding, stripe), of the heading (head), of the legend's text, or
 * points.
 */
struct layout_daygrid {
	double		 lane;		/* the narrowest lane */
	double		 padding;	/* a cell's padding, left and right */
	double		 v_padding;	/* points, top and bottom together */
	double		 gap;		/* points kept free around each cell */
	double		 stripe;	/* the track's stripe */
	double		 speakers;	/* share of the padding from a title
					   to its speakers */
	double		 tint;		/* share of its colour filling a cell */
	double		 head;		/* below the heading, above the rooms */
	double		 rule;		/* points: between rooms */
	double		 hour;		/* points: at the hours */
	double		 half_hour;	/* points: at the half hours */
	double		 half_tint;	/* share of the rule colour there */
	double		 swatch;	/* legend: the colour's square */
	double		 swatch_gap;	/* legend: square to name */
	double		 entry_gap;	/* legend: between entries */
	double		 legend_lead;	/* legend: lines of the text style */
};

/* The booklet's type area and page count. */
struct layout_booklet {
	double		 top;		/* points: page top to the type area */
	/* points: type area to the page bottom */
	double		 bottom;
	/* points: binding edge to the type area */
	double		 inner;
	/* points: type area to the outer edge */
	double		 outer;
	int		 columns;	/* >= 1 */
	double		 column_gap;	/* points */
	/* page count rounded up to a multiple of this; 1: none */
	int		 pad_multiple;
	enum layout_padding pad_with;
	enum layout_content content;
	int		 abstract_lines; /* CONTENT_ABSTRACT: lines kept */
	enum layout_group group;
	struct layout_cover cover;
	struct layout_margins margins;
	struct layout_rules rules;
	struct layout_index index;
	struct layout_overview overview;
	struct layout_spacing spacing;
};

/* A named style, a named colour and a label, as the file gives them. */
struct layout_style {
	struct srcpos	 pos;
	char		*name;
	struct text_style style;
};

struct layout_colour {
	struct srcpos	 pos;
	char		*name;
	struct colour	 colour;
};

struct layout_label {
	char		*key;
	char		*lang;
	char		*text;
};

struct layout {
	/* the path it was read from; srcpos.file points here */
	char		*file;
	/* the product attribute: "booklet", "signs", "badges", ... */
	char		*product;
	enum layout_kind kind;
	/* a description from the file; NULL when none */
	char		*title;
	struct layout_page page;
	struct layout_item item;	/* LAYOUT_ITEMS */
	/* LAYOUT_ITEMS; 1 x 1, centred, when the file has none */
	struct layout_grid grid;
	struct layout_booklet booklet;	/* LAYOUT_TYPE_AREA */
	/* the booklet's and the poster's day grid */
	struct layout_daygrid daygrid;
	struct layout_style *styles;
	size_t		 nstyles;
	struct layout_colour *colours;
	size_t		 ncolours;
	struct layout_label *labels;
	size_t		 nlabels;
};

/*
 * Reads, validates and checks the layout file at path for the product
 * spec describes (NULL: for whichever product the file names, its kind
 * told by the elements it has).  Returns the layout (free it with
 * layout_free), or NULL after reporting every problem to d as
 * FILE:LINE:COL.  A layout is returned only when no error was reported.
 */
struct layout *layout_load(const char *path, const struct layout_spec *spec,
	    struct diag *d);

/* Frees the layout and all it owns; NULL is fine. */
void	layout_free(struct layout *);

/* The named style or colour; NULL when the layout has none by that name. */
const struct text_style *layout_style(const struct layout *, const char *name);
const struct colour *layout_colour(const struct layout *, const char *name);

/*
 * The fixed words for key in lang: the label in lang, else in lang's
 * primary language ("en" for "en-GB"), else in "de", else key itself.
 * lang NULL means "de".  Never NULL.
 */
const char *layout_label(const struct layout *, const char *key,
	    const char *lang);

/* The boxes of the back side: the front's for BACK_SAME, NULL for none. */
const struct layout_side *layout_back(const struct layout *);

/*
 * Parses a length such as "12.5mm", "1cm", "10pt", "0.5in" (a minus sign
 * only when negative is set) into points.  Returns 0, or -1 when s is not
 * such a length.
 */
int	layout_length(const char *s, int negative, double *pt);

/*
 * Parses a colour: "#RRGGBB" or "cmyk(c,m,y,k)" with c..k in percent.
 * Returns 0, or -1 when s is neither.
 */
int	layout_parse_colour(const char *s, struct colour *c);

/*
 * Finds a default layout file by name ("badges-90x55.xml"): layouts/NAME
 * below the working directory (a run from the source tree), then
 * ../layouts/NAME and ../share/pdfgen/layouts/NAME next to the binary
 * (argv0, when it names a path), then PDFGEN_DATADIR/layouts/NAME.
 * Returns the first that is readable (the caller frees it), or NULL.
 */
char	*layout_default_path(const char *file_name, const char *argv0);

#endif
