/*
 * The page layer: one PDF document over libharu 2.3.0.  Renderers never
 * call libharu; they draw through this file (shapes, images, QR codes,
 * bookmarks, links, page labels) and text.h (text).
 *
 * Coordinates are PDF points with the origin at the bottom left of the
 * current page's trimmed format (inside its bleed and crop marks, see
 * pdf_page_add_trimmed).  Every drawing call works on the page last
 * added.  libharu errors are sticky, so the first one is reported through
 * the document's diag and every later call returns -1 at once; pdf_save()
 * then writes nothing.  Output is deterministic: with SOURCE_DATE_EPOCH set, two runs
 * give byte-identical files.
 *
 * For renderers and the typesetting core (text.c).
 */
#ifndef PDFGEN_PDF_H
#define PDFGEN_PDF_H

#include <stddef.h>

#include "diag.h"
#include "font.h"
#include "style.h"


struct pdf_info {
	const char	*title;		/* UTF-8; NULL: none */
	const char	*author;
	const char	*subject;
};

struct pdf;

/*
 * A new empty document reporting to d (which must outlive it).  Returns
 * NULL after reporting when libharu cannot start.
 */
/* The most pages a document can have (libharu's limit of an array). */
#define PDF_MAX_PAGES	32767

struct pdf *pdf_new(struct diag *d, const struct pdf_info *);

/*
 * Reports at pos (the element in the input) that what ("the sign 'Forum
 * 3: Cloud'") reaches page of the document path, past PDF_MAX_PAGES, and
 * advice: what to do about it.  Renderers that know their page count
 * before drawing call it then.  Returns -1.
 */
int	pdf_too_many_pages(struct diag *, const struct srcpos *pos,
	    const char *what, size_t page, const char *path,
	    const char *advice);
void	pdf_free(struct pdf *);

/*
 * Every colour drawn from now on in RGB, for PDFs read on screens.  By
 * default every colour is CMYK, for print: RGB colours are converted with
 * all their grey on the black plate, so black is 0/0/0/100 and greys are
 * black alone.
 */
void	pdf_use_rgb(struct pdf *);

struct diag *pdf_diag(const struct pdf *);

/*
 * Adds a page for a format of w x h points that is cut to size after
 * printing (a booklet page, a sign, a sheet of badges) and makes it the
 * current page: with bleed points of bleed round the format and, when
 * crop_marks is set, crop marks outside the bleed.  The page (MediaBox) is
 * as large as these need; its TrimBox is the format, its BleedBox the
 * format and the bleed.  Every coordinate on the page, of drawing,
 * bookmarks and links alike, is then measured from the format's lower
 * left corner.
 */
int	pdf_page_add_trimmed(struct pdf *, double w, double h, double bleed,
	    int crop_marks);

/* A page of w x h points, trimmed as it is: no bleed, no crop marks. */
int	pdf_page_add(struct pdf *, double w, double h);

/*
 * A rectangle filled with fill and/or stroked with stroke (either may be
 * NULL) with lines of width lw.
 */
int	pdf_rect(struct pdf *, double x, double y, double w, double h,
	    const struct colour *fill, const struct colour *stroke,
	    double lw);

/*
 * A rectangle filled with fill that runs on into the bleed past each edge
 * of the format it touches, so that no white shows where the paper is cut
 * a hair off: bands and backgrounds.
 */
int	pdf_band(struct pdf *, double x, double y, double w, double h,
	    const struct colour *fill);

int	pdf_line(struct pdf *, double x0, double y0, double x1, double y1,
	    const struct colour *, double lw);

/*
 * Draws the PNG or JPEG file at path into (x, y, w, h), stretched.  The
 * image is loaded once per document and cached by path.  pos locates the
 * reference for messages (may be NULL).
 */
int	pdf_image(struct pdf *, const struct srcpos *pos, const char *path,
	    double x, double y, double w, double h);

/* The image's size in pixels (for keeping its aspect ratio). */
int	pdf_image_size(struct pdf *, const struct srcpos *pos,
	    const char *path, int *pw, int *ph);

/*
 * A QR code (error correction level M) for text with its lower left corner
 * at x, y and side size points, modules in colour c, without the quiet
 * zone (keep 4 modules free around it).
 */
int	pdf_qr(struct pdf *, const char *text, double x, double y,
	    double size, const struct colour *c);

/*
 * A bookmark titled title (UTF-8) pointing at y on the current page, under
 * parent (-1: top level).  Returns its id (>= 0) for children, or -1.
 */
int	pdf_bookmark(struct pdf *, int parent, const char *title, double y);

/*
 * A borderless link on the current page's rectangle (x, y, w, h) to y on
 * page page (0-based); the page may be added later (links are resolved
 * when saving).
 */
int	pdf_link(struct pdf *, double x, double y, double w, double h,
	    int page, double dest_y);

enum pdf_label_style {
	PDF_LABEL_DECIMAL,
	PDF_LABEL_ROMAN,	/* lower case */
	PDF_LABEL__MAX
};

/* Page labels from page (0-based) on: prefix then numbers from first. */
int	pdf_page_label(struct pdf *, int page, enum pdf_label_style,
	    int first, const char *prefix);

/*
 * Draws UTF-8 text with face f of size pt at baseline (x, y) in colour c.
 * Every character must be drawable by f (font_has): text.c sees to that.
 */
int	pdf_text(struct pdf *, struct font *f, double size,
	    const struct colour *c, double x, double y, const char *s,
	    size_t len);

/*
 * The font chain for a family, weight and slant, opened once per
 * document (text.c uses it).  NULL after reporting.
 */
struct font_chain *pdf_fonts(struct pdf *, const char *family,
	    enum font_weight, enum font_slant);

/*
 * Writes the document to path through output.h: to a temporary file in
 * the same folder, synced, then renamed over path (within a run, when the
 * run ends).  On failure nothing at path changes, no temporary file is
 * left, and the reason is reported.
 */
int	pdf_save(struct pdf *, const char *path);

#endif
