/*
 * The booklet's page flow: pages as lists of drawing operations, and the
 * flow that fills them with items (blocks of text or table rows) column
 * by column.  Headings stay with two lines of what follows, and a block
 * is split between columns only where at least two lines stay on each
 * side.  Nothing here draws; impose.h replays the pages into a PDF.
 *
 * Coordinates are points with y measured downwards from the top of the
 * type area or, for operations not in the type area, of the trimmed page.
 *
 * For booklet.c and impose.c.
 */
#ifndef PDFGEN_FLOW_H
#define PDFGEN_FLOW_H

#include <stddef.h>

#include "style.h"
#include "text.h"

#define FLOW_MAX_CELLS	4
#define FLOW_EPS	1e-6	/* points: what still counts as fitting */

enum op_kind {
	OP_TEXT,
	OP_RECT,
	OP_LINE
};

/* One drawing operation; y is measured downwards from the top. */
struct op {
	enum op_kind	 kind;
	/* relative to the type area, else the trimmed page */
	int		 ta;
	const struct text_block *tb;	/* OP_TEXT */
	size_t		 first;		/* OP_TEXT: lines first..first+n-1 */
	size_t		 n;
	/* points; OP_TEXT: left and top of the lines */
	double		 x, y;
	/* OP_RECT: size; OP_LINE: to (x + w, y + h) */
	double		 w, h;
	struct colour	 colour;	/* OP_RECT, OP_LINE */
	double		 lw;		/* OP_LINE: line width */
	/* OP_RECT: runs into the bleed where it meets the trim */
	int		 bleed;
};

/* A bookmark or link target: a place on a page of the front or main matter. */
struct anchor {
	/* in the main matter (else the front) */
	int		 main;
	size_t		 page;		/* index in its list */
	double		 y;		/* points below the type area's top */
};

struct anchors {
	struct anchor	*v;
	size_t		 n;
};

struct mark {
	const char	*title;		/* not owned */
	double		 y;		/* type area */
};

struct link {
	double		 x, y, w, h;	/* type area, y downwards */
	int		 anchor;
};

enum page_kind {
	PAGE_COVER,		/* no running head, no folio */
	PAGE_TEXT,		/* running head and folio */
	PAGE_BLANK		/* deliberately empty */
};

struct page {
	enum page_kind	 kind;
	const char	*head;		/* running head of right-hand pages */
	struct op	*ops;
	size_t		 nops;
	struct mark	*marks;
	size_t		 nmarks;
	struct link	*links;
	size_t		 nlinks;
};

struct pagelist {
	struct page	*v;
	size_t		 n;
};

/*
 * The pages of a booklet: the front matter (labelled in roman numerals),
 * the main matter (numbered from 1) and the targets of links.
 */
struct book {
	struct pagelist	 front;
	struct pagelist	 main;
	struct anchors	 anchors;
};

struct cell {
	struct text_block *tb;
	double		 x;		/* from the column's left */
};

/* A unit of the flow: one block of text, or a table row of cells. */
struct item {
	struct cell	 cell[FLOW_MAX_CELLS];
	int		 ncells;
	/* space above; dropped at a column's top */
	double		 before;
	/* stays with the next item (headings) */
	int		 keep;
	int		 rule;		/* a hairline in the space above */
	int		 anchor;	/* >= 0: the anchor this item sets */
	int		 link;		/* >= 0: the row links to this anchor */
	const char	*mark;		/* a bookmark here (not owned) */
	/*
	 * >= 0: the index of an item before it (the heading of its table
	 * or group) set again atop every column it starts or goes on in
	 */
	int		 repeat;
};

struct items {
	struct item	*v;
	size_t		 n;
};

/* The type area the flow fills, the same on every page. */
struct flow_area {
	double		 width, height;	/* points */
	double		 column_gap;	/* points between columns */
	struct colour	 rule;		/* of the hairlines above items */
	double		 rule_width;	/* points */
};

/* The flow of items into the columns of a page list. */
struct flow {
	const struct flow_area *area;
	struct anchors	*anchors;	/* where items' anchors are set */
	struct pagelist	*pl;
	int		 main;		/* pl is the main matter */
	const char	*head;		/* running head of the new pages */
	int		 ncols;
	double		 colw;		/* points */
	double		 gap;		/* points between columns */
	int		 col;
	double		 y;		/* below the type area's top */
	const struct item *again;	/* repeated atop a new column */
};

/* Appends a page to pl and returns it (valid until the next page_new). */
struct page	*page_new(struct pagelist *pl, enum page_kind,
		    const char *head);
/* Lines first..first+n-1 of tb with their top-left corner at (x, y). */
void		 op_text(struct page *, int ta, const struct text_block *tb,
		    size_t first, size_t n, double x, double y);
/* A line from (x, y) to (x + w, y + h), lw points wide. */
void		 op_line(struct page *, int ta, double x, double y,
		    double w, double h, const struct colour *, double lw);
/* A rectangle w x h at (x, y); bleed: runs into the bleed at the trim. */
void		 op_rect(struct page *, int ta, double x, double y,
		    double w, double h, const struct colour *, int bleed);

/* A bookmark titled title (not owned) at y of the type area. */
void		 page_mark(struct page *, const char *title, double y);
/* A link from the type area's rectangle (x, y, w, h) to anchor. */
void		 page_link(struct page *, double x, double y, double w,
		    double h, int anchor);

/* A new anchor, all zero until an item sets it; returns its index. */
int		 anchor_new(struct anchors *);

size_t		 book_npages(const struct book *);
/* Page i counted through the front matter and on into the main matter. */
struct page	*book_page(const struct book *, size_t i);
/* The page of anchor a, counted as book_page() counts. */
size_t		 book_anchor_page(const struct book *,
		    const struct anchor *a);
/* Frees the pages and anchors (not the text blocks they point to). */
void		 book_release(struct book *);

/* A new item with no cells, before points above it, no anchor or link. */
struct item	*item_add(struct items *, double before);
/* An item of one block; NULL when tb is NULL (already reported). */
struct item	*item_block(struct items *, struct text_block *tb,
		    double before);
void		 items_release(struct items *);

/* Starts a new page of pl with ncols columns, filled from the top. */
void		 flow_start(struct flow *, const struct flow_area *,
		    struct anchors *, struct pagelist *pl, int main,
		    const char *head, int ncols);
/* Goes on with ncols columns from where the flow stands. */
void		 flow_columns(struct flow *, int ncols);
/* Places the items, adding pages as they fill. */
void		 flow_items(struct flow *, const struct items *);

#endif
