/*
 * Implementation of pdf.h: the only file that calls libharu.  What
 * libharu 2.3.0 writes wrongly (the ToUnicode CMap of its Type0 fonts,
 * the uncompressed SMask of PNGs, the content stream of an empty page) is
 * repaired through libharu_fix.h.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <hpdf.h>
#include <qrencode.h>

#include "image.h"
#include "libharu_fix.h"
#include "output.h"
#include "pdf.h"
#include "util.h"

struct face_map {
	char		*path;
	int		 index;
	HPDF_Font	 font;
	struct fix_widths *widths;	/* show_text()'s, once asked */
};

struct chain_map {
	char		*family;
	enum font_weight weight;
	enum font_slant	 slant;
	struct font_chain *chain;
};

struct image_map {
	char		*path;
	HPDF_Image	 image;
};

struct link {
	HPDF_Page	 page;
	HPDF_Rect	 rect;
	int		 target;
	double		 y;
};

struct pdf {
	HPDF_Doc	 doc;
	struct diag	*d;
	int		 failed;	/* a libharu error was reported */
	HPDF_STATUS	 err;		/* first error the handler saw */
	HPDF_STATUS	 detail;
	HPDF_Encoder	 u8;
	HPDF_Page	 page;
	HPDF_Page	*pages;
	/* per page: where the format's lower left corner lies on the page */
	double		*origins;
	size_t		 npages;
	/* the current page's format (w x h from the origin) and its bleed */
	double		 fw, fh, bleed;
	struct face_map	*faces;
	size_t		 nfaces;
	struct chain_map *chains;
	size_t		 nchains;
	struct image_map *images;
	size_t		 nimages;
	HPDF_Outline	*outlines;
	size_t		 noutlines;
	struct link	*links;
	size_t		 nlinks;
	/*
	 * The current page's fill colour and text font as last set: every
	 * piece of text sets both, and libharu writes each operator (slowly)
	 * even when it changes nothing.  Both are graphics state, kept across
	 * BT/ET; nothing here saves and restores that state but DrawImage,
	 * which changes neither.
	 */
	struct colour	 fill;
	int		 fill_set;
	enum colour_space space;	/* of every colour drawn */
	HPDF_Font	 tf_font;	/* NULL: none set on this page */
	double		 tf_size;
};

static void
on_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	struct pdf *p = user;

	if (p->err == HPDF_OK) {
		p->err = err;
		p->detail = detail;
	}
}

/*
 * Reports the pending libharu error once and poisons the document:
 * libharu's errors are sticky, so nothing drawn after one would appear.
 */
static int
fail(struct pdf *p, const char *what)
{
	/* The input was valid by now: libharu failing is a system failure. */
	if (!p->failed)
		diag_system_error(p->d, NULL, "cannot %s: libharu error 0x%04X "
		    "(detail %u)", what, (unsigned)p->err,
		    (unsigned)p->detail);
	p->failed = 1;
	return -1;
}

/* Checks a libharu status (and the handler, for void-looking calls). */
static int
check(struct pdf *p, HPDF_STATUS st, const char *what)
{
	if (st != HPDF_OK && p->err == HPDF_OK)
		p->err = st;
	if (p->err != HPDF_OK)
		return fail(p, what);
	return 0;
}

static int
ready(struct pdf *p)
{
	if (p->failed)
		return -1;
	if (p->page == NULL)
		return diag_error(p->d, NULL, "drawing before the first page "
		    "(a bug in the renderer)");
	return 0;
}

/* The date for Info: SOURCE_DATE_EPOCH when set, for reproducible output. */
static HPDF_Date
info_date(void)
{
	HPDF_Date dt = { 0 };
	const char *s = getenv("SOURCE_DATE_EPOCH");
	time_t t;
	struct tm tm;
	char *end;

	t = time(NULL);
	if (s != NULL && *s != '\0') {
		long long v = strtoll(s, &end, 10);

		if (*end == '\0' && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	dt.year = tm.tm_year + 1900;
	dt.month = tm.tm_mon + 1;
	dt.day = tm.tm_mday;
	dt.hour = tm.tm_hour;
	dt.minutes = tm.tm_min;
	dt.seconds = tm.tm_sec;
	dt.ind = 'Z';
	return dt;
}

/*
 * Sets a document info entry (none for NULL), abbreviated past 240
 * characters: libharu refuses strings of more than 65,535 bytes, and no
 * viewer shows so much.
 */
static int
set_info(struct pdf *p, HPDF_InfoType type, const char *value,
    const char *what)
{
	char *s;
	int rc;

	if (value == NULL)
		return 0;
	s = utf8_abbrev(value);
	rc = check(p, HPDF_SetInfoAttr(p->doc, type, s), what);
	free(s);
	return rc;
}

struct pdf *
pdf_new(struct diag *d, const struct pdf_info *info)
{
	struct pdf *p = xcalloc(1, sizeof(*p));
	HPDF_Date dt;

	p->d = d;
	if ((p->doc = HPDF_New(on_error, p)) == NULL) {
		diag_error(d, NULL, "cannot start libharu");
		free(p);
		return NULL;
	}
	/* Filters are attached when objects are made: compression comes first. */
	if (check(p, HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL),
	    "set compression") == -1 ||
	    check(p, HPDF_UseUTFEncodings(p->doc), "use UTF-8") == -1 ||
	    check(p, HPDF_SetCurrentEncoder(p->doc, "UTF-8"),
	    "use UTF-8") == -1)
		goto bad;
	if ((p->u8 = HPDF_GetEncoder(p->doc, "UTF-8")) == NULL) {
		fail(p, "use UTF-8");
		goto bad;
	}
	p->space = COLOUR_CMYK;
	dt = info_date();
	/* Trapped: pdfgen traps nothing, the print shop may. */
	if (check(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR,
	    "pdfgen " PDFGEN_VERSION), "set document info") == -1 ||
	    check(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_TRAPPED, "False"),
	    "set document info") == -1 ||
	    check(p, HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE,
	    dt), "set document info") == -1 ||
	    check(p, HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, dt),
	    "set document info") == -1)
		goto bad;
	if (info != NULL && (set_info(p, HPDF_INFO_TITLE, info->title,
	    "set the title") == -1 || set_info(p, HPDF_INFO_AUTHOR,
	    info->author, "set the author") == -1 || set_info(p,
	    HPDF_INFO_SUBJECT, info->subject, "set the subject") == -1))
		goto bad;
	return p;
bad:
	pdf_free(p);
	return NULL;
}

void
pdf_free(struct pdf *p)
{
	size_t i;

	if (p == NULL)
		return;
	HPDF_Free(p->doc);
	for (i = 0; i < p->nfaces; i++) {
		free(p->faces[i].path);
		fix_widths_free(p->faces[i].widths);
	}
	for (i = 0; i < p->nchains; i++) {
		free(p->chains[i].family);
		font_chain_free(p->chains[i].chain);
	}
	for (i = 0; i < p->nimages; i++)
		free(p->images[i].path);
	free(p->faces);
	free(p->chains);
	free(p->images);
	free(p->pages);
	free(p->origins);
	free(p->outlines);
	free(p->links);
	free(p);
}

void
pdf_use_rgb(struct pdf *p)
{
	p->space = COLOUR_RGB;
}

struct diag *
pdf_diag(const struct pdf *p)
{
	return p->d;
}

#define CROP_LEN	PDF_MM(5)	/* crop marks: length */
#define CROP_MIN_OFFSET	PDF_MM(3)	/* and least distance from the trim */
#define CROP_WIDTH	0.25		/* and line width */

enum pdf_box {
	PDF_TRIMBOX,		/* the finished page after cutting */
	PDF_BLEEDBOX,		/* trim plus bleed */
	PDF_BOX__MAX
};

/* Sets a box of the current page: x, y, width, height in page space. */
static int
page_box(struct pdf *p, enum pdf_box box, double x, double y, double w,
    double h)
{
	static const char *const names[PDF_BOX__MAX] = {
		"TrimBox",	/* PDF_TRIMBOX */
		"BleedBox"	/* PDF_BLEEDBOX */
	};
	HPDF_Box b = { (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)(x + w),
	    (HPDF_REAL)(y + h) };

	return check(p, fix_page_box(p->page, names[box], b),
	    "set a page box");
}

/*
 * Crop marks at the corners of the format (x, y, w, h in page space):
 * lines of length len that start offset points outside it, in
 * registration black, which prints on every separation.
 */
static int
crop_marks(struct pdf *p, double x, double y, double w, double h,
    double offset, double len)
{
	static const struct colour reg = { COLOUR_CMYK, { 1, 1, 1, 1 } };
	double xs[2] = { x, x + w }, ys[2] = { y, y + h };
	int i, j;

	for (i = 0; i < 2; i++) {
		for (j = 0; j < 2; j++) {
			double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;

			if (pdf_line(p, xs[i] + dx * offset, ys[j],
			    xs[i] + dx * (offset + len), ys[j], &reg,
			    CROP_WIDTH) == -1 ||
			    pdf_line(p, xs[i], ys[j] + dy * offset, xs[i],
			    ys[j] + dy * (offset + len), &reg,
			    CROP_WIDTH) == -1)
				return -1;
		}
	}
	return 0;
}

int
pdf_too_many_pages(struct diag *d, const struct srcpos *pos,
    const char *what, size_t page, const char *path, const char *advice)
{
	return diag_error(d, pos, "%s reaches page %zu of '%s', more than the "
	    "%d pages pdfgen can put in one PDF: %s", what, page, path,
	    PDF_MAX_PAGES, advice);
}

int
pdf_page_add_trimmed(struct pdf *p, double w, double h, double bleed,
    int marks)
{
	double off = fmax(bleed, CROP_MIN_OFFSET);
	double s = marks ? off + CROP_LEN + PDF_MM(1) : bleed;
	HPDF_Page pg;

	if (p->failed)
		return -1;
	if (w < 3 || h < 3 || w + 2 * s > 14400 || h + 2 * s > 14400)
		return diag_error(p->d, NULL, "page size %.1f x %.1f pt is "
		    "outside 3..14400 pt", w + 2 * s, h + 2 * s);
	/* libharu's page tree is one array: it holds 32,767 pages. */
	if (p->npages == PDF_MAX_PAGES) {
		p->failed = 1;
		return diag_error(p->d, NULL, "the document would have more "
		    "than %d pages, the most a PDF of pdfgen can hold",
		    PDF_MAX_PAGES);
	}
	if ((pg = HPDF_AddPage(p->doc)) == NULL)
		return fail(p, "add a page");
	fix_page_blocks(pg);
	if (check(p, HPDF_Page_SetWidth(pg, (HPDF_REAL)(w + 2 * s)),
	    "size a page") || check(p, HPDF_Page_SetHeight(pg,
	    (HPDF_REAL)(h + 2 * s)), "size a page"))
		return -1;
	p->pages = xgrow(p->pages, p->npages, sizeof(*p->pages));
	p->origins = xgrow(p->origins, p->npages, sizeof(*p->origins));
	p->pages[p->npages] = pg;
	p->origins[p->npages++] = s;
	p->page = pg;
	p->fill_set = 0;
	p->tf_font = NULL;
	p->fw = w;
	p->fh = h;
	p->bleed = bleed;
	if (page_box(p, PDF_TRIMBOX, s, s, w, h) == -1 ||
	    page_box(p, PDF_BLEEDBOX, s - bleed, s - bleed, w + 2 * bleed,
	    h + 2 * bleed) == -1 ||
	    (marks && crop_marks(p, s, s, w, h, off, CROP_LEN) == -1))
		return -1;
	/* From here on the format's lower left corner is the origin. */
	if (s > 0 && check(p, HPDF_Page_Concat(pg, 1, 0, 0, 1, (HPDF_REAL)s,
	    (HPDF_REAL)s), "place the page") == -1)
		return -1;
	return 0;
}

int
pdf_page_add(struct pdf *p, double w, double h)
{
	return pdf_page_add_trimmed(p, w, h, 0, 0);
}

static int
same_colour(const struct colour *a, const struct colour *b)
{
	return a->space == b->space && a->v[0] == b->v[0] &&
	    a->v[1] == b->v[1] && a->v[2] == b->v[2] &&
	    (a->space != COLOUR_CMYK || a->v[3] == b->v[3]);
}

/* v rounded to 1/10000 inside 0..1 (no "-0" or 1.0000001 in the file). */
static double
unit(double v)
{
	v = round(v * 10000) / 10000;
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/*
 * c in the document's colour space.  RGB to CMYK with full grey component
 * replacement (k = 1 - max(r, g, b)): greys and black go on the K plate
 * alone, the way print wants small text; CMYK to RGB by the inverse.
 */
static struct colour
in_space(const struct pdf *p, const struct colour *c)
{
	struct colour o = { p->space, { 0, 0, 0, 0 } };
	double k;
	int i;

	if (c->space == p->space)
		return *c;
	if (p->space == COLOUR_RGB) {
		for (i = 0; i < 3; i++)
			o.v[i] = unit((1 - c->v[i]) * (1 - c->v[3]));
		return o;
	}
	k = 1 - fmax(c->v[0], fmax(c->v[1], c->v[2]));
	o.v[3] = unit(k);
	if (k < 1)
		for (i = 0; i < 3; i++)
			o.v[i] = unit((1 - c->v[i] - k) / (1 - k));
	return o;
}

static int
set_fill(struct pdf *p, const struct colour *given)
{
	struct colour cc = in_space(p, given);
	const struct colour *c = &cc;
	HPDF_STATUS st;

	if (p->fill_set && same_colour(&p->fill, c))
		return 0;
	p->fill = *c;
	p->fill_set = 1;
	if (c->space == COLOUR_CMYK)
		st = HPDF_Page_SetCMYKFill(p->page, (HPDF_REAL)c->v[0],
		    (HPDF_REAL)c->v[1], (HPDF_REAL)c->v[2],
		    (HPDF_REAL)c->v[3]);
	else
		st = HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)c->v[0],
		    (HPDF_REAL)c->v[1], (HPDF_REAL)c->v[2]);
	return check(p, st, "set a colour");
}

static int
set_stroke(struct pdf *p, const struct colour *given, double lw)
{
	struct colour cc = in_space(p, given);
	const struct colour *c = &cc;
	HPDF_STATUS st;

	if (c->space == COLOUR_CMYK)
		st = HPDF_Page_SetCMYKStroke(p->page, (HPDF_REAL)c->v[0],
		    (HPDF_REAL)c->v[1], (HPDF_REAL)c->v[2],
		    (HPDF_REAL)c->v[3]);
	else
		st = HPDF_Page_SetRGBStroke(p->page, (HPDF_REAL)c->v[0],
		    (HPDF_REAL)c->v[1], (HPDF_REAL)c->v[2]);
	if (check(p, st, "set a colour") == -1)
		return -1;
	return check(p, HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)lw),
	    "set a line width");
}

int
pdf_rect(struct pdf *p, double x, double y, double w, double h,
    const struct colour *fill, const struct colour *stroke, double lw)
{
	HPDF_STATUS st;

	if (ready(p) == -1)
		return -1;
	if (fill == NULL && stroke == NULL)
		return 0;
	if ((fill != NULL && set_fill(p, fill) == -1) ||
	    (stroke != NULL && set_stroke(p, stroke, lw) == -1))
		return -1;
	if (check(p, HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)y,
	    (HPDF_REAL)w, (HPDF_REAL)h), "draw a rectangle") == -1)
		return -1;
	if (fill != NULL && stroke != NULL)
		st = HPDF_Page_FillStroke(p->page);
	else if (fill != NULL)
		st = HPDF_Page_Fill(p->page);
	else
		st = HPDF_Page_Stroke(p->page);
	return check(p, st, "draw a rectangle");
}

int
pdf_band(struct pdf *p, double x, double y, double w, double h,
    const struct colour *fill)
{
	const double eps = 1e-6;
	double b = p->bleed;

	if (b > 0) {
		if (x <= eps)
			x -= b, w += b;
		if (x + w >= p->fw - eps)
			w += b;
		if (y <= eps)
			y -= b, h += b;
		if (y + h >= p->fh - eps)
			h += b;
	}
	return pdf_rect(p, x, y, w, h, fill, NULL, 0);
}

int
pdf_line(struct pdf *p, double x0, double y0, double x1, double y1,
    const struct colour *c, double lw)
{
	if (ready(p) == -1 || set_stroke(p, c, lw) == -1)
		return -1;
	if (check(p, HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)y0),
	    "draw a line") == -1 || check(p, HPDF_Page_LineTo(p->page,
	    (HPDF_REAL)x1, (HPDF_REAL)y1), "draw a line") == -1)
		return -1;
	return check(p, HPDF_Page_Stroke(p->page), "draw a line");
}

/*
 * Loads an image once per document.  It is read and decoded by image.c
 * first: libharu gets the same bytes only when they are sound.  A file
 * that cannot be loaded is an input problem: it is reported and the
 * libharu error cleared (nothing was drawn in between), so the document
 * stays usable.
 */
static HPDF_Image
image_get(struct pdf *p, const struct srcpos *pos, const char *path)
{
	struct image im;
	HPDF_Image img;
	size_t i;
	int png;

	for (i = 0; i < p->nimages; i++)
		if (strcmp(p->images[i].path, path) == 0)
			return p->images[i].image;
	if (image_load(p->d, pos, path, &im) == -1)
		return NULL;
	png = im.png;
	img = png ? HPDF_LoadPngImageFromMem(p->doc, im.data,
	    (HPDF_UINT)im.size) : HPDF_LoadJpegImageFromMem(p->doc, im.data,
	    (HPDF_UINT)im.size);
	image_release(&im);
	if (img == NULL || p->err != HPDF_OK) {
		diag_error(p->d, pos, "cannot load image '%s': libharu error "
		    "0x%04X (detail %u)", path, (unsigned)p->err,
		    (unsigned)p->detail);
		HPDF_ResetError(p->doc);
		p->err = HPDF_OK;
		return NULL;
	}
	if (png)
		fix_png_smask(img);
	p->err = HPDF_OK;	/* its "not found" is no error */
	HPDF_ResetError(p->doc);
	p->images = xreallocarray(p->images, p->nimages + 1,
	    sizeof(*p->images));
	p->images[p->nimages].path = xstrdup(path);
	p->images[p->nimages++].image = img;
	return img;
}

int
pdf_image(struct pdf *p, const struct srcpos *pos, const char *path,
    double x, double y, double w, double h)
{
	HPDF_Image img;

	if (ready(p) == -1)
		return -1;
	if ((img = image_get(p, pos, path)) == NULL)
		return -1;
	return check(p, HPDF_Page_DrawImage(p->page, img, (HPDF_REAL)x,
	    (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h), "draw an image");
}

int
pdf_image_size(struct pdf *p, const struct srcpos *pos, const char *path,
    int *pw, int *ph)
{
	HPDF_Image img;

	if (p->failed)
		return -1;
	if ((img = image_get(p, pos, path)) == NULL)
		return -1;
	*pw = (int)HPDF_Image_GetWidth(img);
	*ph = (int)HPDF_Image_GetHeight(img);
	return 0;
}

int
pdf_qr(struct pdf *p, const char *text, double x, double y, double size,
    const struct colour *c)
{
	QRcode *qr;
	double m;
	int r, col, run;

	if (ready(p) == -1)
		return -1;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) ==
	    NULL)
		return diag_error(p->d, NULL, "cannot make a QR code of '%s': "
		    "%s", text, strerror(errno));
	m = size / qr->width;
	if (set_fill(p, c) == -1)
		goto bad;
	/* One rectangle per horizontal run of dark modules (bit 0). */
	for (r = 0; r < qr->width; r++) {
		for (col = 0; col < qr->width; col += run > 0 ? run : 1) {
			run = 0;
			while (col + run < qr->width &&
			    (qr->data[r * qr->width + col + run] & 1))
				run++;
			if (run > 0 && check(p, HPDF_Page_Rectangle(p->page,
			    (HPDF_REAL)(x + col * m),
			    (HPDF_REAL)(y + size - (r + 1) * m),
			    (HPDF_REAL)(run * m), (HPDF_REAL)m),
			    "draw a QR code") == -1)
				goto bad;
		}
	}
	QRcode_free(qr);
	return check(p, HPDF_Page_Fill(p->page), "draw a QR code");
bad:
	QRcode_free(qr);
	return -1;
}

int
pdf_bookmark(struct pdf *p, int parent, const char *title, double y)
{
	HPDF_Outline o;
	char *short_title;

	if (ready(p) == -1)
		return -1;
	if (parent >= (int)p->noutlines)
		return diag_error(p->d, NULL, "bookmark '%s' has no parent %d",
		    title, parent);
	/*
	 * The encoder makes the title UTF-16; without it bytes go raw.  A
	 * title of more than 240 characters is abbreviated: libharu refuses
	 * strings of more than 65,535 bytes, and no viewer shows so much.
	 */
	short_title = utf8_abbrev(title);
	o = fix_outline(p->doc, parent < 0 ? NULL : p->outlines[parent],
	    short_title, p->u8, p->page,
	    (HPDF_REAL)(y + p->origins[p->npages - 1]));
	free(short_title);
	if (o == NULL)
		return fail(p, "add a bookmark");
	if (check(p, HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE),
	    "add a bookmark") == -1)
		return -1;
	p->outlines = xgrow(p->outlines, p->noutlines, sizeof(*p->outlines));
	p->outlines[p->noutlines] = o;
	return (int)p->noutlines++;
}

int
pdf_link(struct pdf *p, double x, double y, double w, double h, int page,
    double dest_y)
{
	struct link *l;
	double o, pw, ph, x1, y1;

	if (ready(p) == -1)
		return -1;
	/* Annotations are placed in page space: add the format's origin. */
	o = p->origins[p->npages - 1];
	x += o;
	y += o;
	/*
	 * Only the part on the page can be clicked; libharu refuses numbers
	 * beyond +-32767 (a text taller than any page would reach them).
	 */
	pw = HPDF_Page_GetWidth(p->page);
	ph = HPDF_Page_GetHeight(p->page);
	x1 = fmin(x + w, pw);
	y1 = fmin(y + h, ph);
	x = fmax(x, 0);
	y = fmax(y, 0);
	if (x1 <= x || y1 <= y)
		return 0;
	p->links = xgrow(p->links, p->nlinks, sizeof(*p->links));
	l = &p->links[p->nlinks++];
	l->page = p->page;
	l->rect = (HPDF_Rect){ (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)x1,
	    (HPDF_REAL)y1 };
	l->target = page;
	l->y = dest_y;
	return 0;
}

/* Makes the links of pdf_link() now that every page exists. */
static int
resolve_links(struct pdf *p)
{
	HPDF_Destination dst;
	size_t i;

	for (i = 0; i < p->nlinks; i++) {
		struct link *l = &p->links[i];

		if (l->target < 0 || (size_t)l->target >= p->npages)
			return diag_error(p->d, NULL, "link to page %d, but "
			    "the document has %zu pages", l->target + 1,
			    p->npages);
		if ((dst = HPDF_Page_CreateDestination(p->pages[l->target])) ==
		    NULL)
			return fail(p, "add a link");
		if (check(p, HPDF_Destination_SetFitH(dst,
		    (HPDF_REAL)(l->y + p->origins[l->target])),
		    "add a link") == -1 || check(p, fix_link(l->page, l->rect,
		    dst), "add a link") == -1)
			return -1;
	}
	p->nlinks = 0;
	return 0;
}

int
pdf_page_label(struct pdf *p, int page, enum pdf_label_style style,
    int first, const char *prefix)
{
	if (p->failed)
		return -1;
	return check(p, HPDF_AddPageLabel(p->doc, (HPDF_UINT)page,
	    style == PDF_LABEL_ROMAN ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN :
	    HPDF_PAGE_NUM_STYLE_DECIMAL, (HPDF_UINT)first, prefix),
	    "add a page label");
}

static int
is_ttc(const char *path)
{
	size_t n = strlen(path);

	return n > 4 && strcasecmp(path + n - 4, ".ttc") == 0;
}

/* The libharu font of a face, loaded and embedded on first use. */
static struct face_map *
face_get(struct pdf *p, struct font *f)
{
	const char *name;
	HPDF_Font hf;
	size_t i;

	for (i = 0; i < p->nfaces; i++)
		if (p->faces[i].index == font_index(f) &&
		    strcmp(p->faces[i].path, font_path(f)) == 0)
			return &p->faces[i];
	if (is_ttc(font_path(f)))
		name = HPDF_LoadTTFontFromFile2(p->doc, font_path(f),
		    (HPDF_UINT)font_index(f), HPDF_TRUE);
	else
		name = HPDF_LoadTTFontFromFile(p->doc, font_path(f),
		    HPDF_TRUE);
	if (name != NULL)
		fix_note_cmap(p->doc, name);
	if (name == NULL || (hf = fix_get_font(p->doc, name)) == NULL) {
		diag_error(p->d, NULL, "cannot embed font '%s'",
		    font_path(f));
		fail(p, "load a font");
		return NULL;
	}
	p->faces = xreallocarray(p->faces, p->nfaces + 1, sizeof(*p->faces));
	p->faces[p->nfaces] = (struct face_map){ xstrdup(font_path(f)),
	    font_index(f), hf, NULL };
	return &p->faces[p->nfaces++];
}

/* Text as HPDF_Page_TextOut() writes it; 1 to leave it to libharu. */
static int
show_text(struct pdf *p, struct face_map *fm, double x, double y,
    const char *s, size_t len)
{
	HPDF_STATUS st;
	int left;

	st = fix_text_out(p->page, fm->font, &fm->widths, x, y, s, len, &left);
	return left ? 1 : check(p, st, "draw text");
}

/* Draws a glyph outline into the current path (font_pen callbacks). */
struct glyph_pen {
	struct pdf	*p;
	double		 x, y, scale;	/* origin and points per 1/1000 em */
	int		 rc;
};

static void
gp_move(void *arg, double x, double y)
{
	struct glyph_pen *g = arg;

	if (g->rc == 0)
		g->rc = check(g->p, HPDF_Page_MoveTo(g->p->page,
		    (HPDF_REAL)(g->x + x * g->scale),
		    (HPDF_REAL)(g->y + y * g->scale)), "draw a glyph");
}

static void
gp_line(void *arg, double x, double y)
{
	struct glyph_pen *g = arg;

	if (g->rc == 0)
		g->rc = check(g->p, HPDF_Page_LineTo(g->p->page,
		    (HPDF_REAL)(g->x + x * g->scale),
		    (HPDF_REAL)(g->y + y * g->scale)), "draw a glyph");
}

static void
gp_cubic(void *arg, double x1, double y1, double x2, double y2, double x,
    double y)
{
	struct glyph_pen *g = arg;

	if (g->rc == 0)
		g->rc = check(g->p, HPDF_Page_CurveTo(g->p->page,
		    (HPDF_REAL)(g->x + x1 * g->scale),
		    (HPDF_REAL)(g->y + y1 * g->scale),
		    (HPDF_REAL)(g->x + x2 * g->scale),
		    (HPDF_REAL)(g->y + y2 * g->scale),
		    (HPDF_REAL)(g->x + x * g->scale),
		    (HPDF_REAL)(g->y + y * g->scale)), "draw a glyph");
}

/*
 * A code point above U+FFFF, which libharu's encoder cannot carry (emoji
 * from Symbola): its outline filled at (x, y).
 */
static int
glyph_path(struct pdf *p, struct font *f, double size, double x, double y,
    uint32_t cp)
{
	struct glyph_pen g = { p, x, y, size / 1000, 0 };
	struct font_pen pen = { &g, gp_move, gp_line, gp_cubic };

	if (font_outline(f, cp, &pen) == -1 || g.rc == -1)
		return g.rc;
	return check(p, HPDF_Page_Fill(p->page), "draw a glyph");
}

/* Characters of the BMP as text in face fm at (x, y). */
static int
text_out(struct pdf *p, struct face_map *fm, double size, double x,
    double y, const char *s, size_t len)
{
	HPDF_Font hf = fm->font;
	char *str;
	int rc;

	rc = check(p, HPDF_Page_BeginText(p->page), "draw text");
	if (rc == 0 && (hf != p->tf_font || size != p->tf_size)) {
		rc = check(p, HPDF_Page_SetFontAndSize(p->page, hf,
		    (HPDF_REAL)size), "draw text");
		p->tf_font = hf;
		p->tf_size = size;
	}
	if (rc == 0 && (rc = show_text(p, fm, x, y, s, len)) == 1) {
		str = xstrndup(s, len);
		rc = check(p, HPDF_Page_TextOut(p->page, (HPDF_REAL)x,
		    (HPDF_REAL)y, str), "draw text");
		free(str);
	}
	if (rc == 0)
		rc = check(p, HPDF_Page_EndText(p->page), "draw text");
	return rc;
}

int
pdf_text(struct pdf *p, struct font *f, double size, const struct colour *c,
    double x, double y, const char *s, size_t len)
{
	struct face_map *fm;
	size_t i = 0, start = 0, n;
	uint32_t cp;
	double w = 0;
	int rc = 0;

	if (ready(p) == -1)
		return -1;
	if (len == 0)
		return 0;
	if ((fm = face_get(p, f)) == NULL || set_fill(p, c) == -1)
		return -1;
	/* Runs of the BMP as text, each character above it as a path. */
	while (i <= len && rc == 0) {
		n = i < len ? utf8_decode(s + i, len - i, &cp) : 0;
		if (i < len && (n == 0 || cp <= 0xFFFF)) {
			w += n > 0 ? font_advance(f, cp) * size / 1000 : 0;
			i += n > 0 ? n : 1;
			continue;
		}
		if (i > start)
			rc = text_out(p, fm, size, x, y, s + start, i - start);
		if (i == len)
			break;
		x += w;
		w = 0;
		if (rc == 0)
			rc = glyph_path(p, f, size, x, y, cp);
		x += font_advance(f, cp) * size / 1000;
		start = i += n;
	}
	return rc;
}

struct font_chain *
pdf_fonts(struct pdf *p, const char *family, enum font_weight weight,
    enum font_slant slant)
{
	struct font_chain *c;
	size_t i;

	if (family == NULL || *family == '\0')
		family = FONT_DEFAULT_FAMILY;
	for (i = 0; i < p->nchains; i++)
		if (p->chains[i].weight == weight &&
		    p->chains[i].slant == slant &&
		    strcmp(p->chains[i].family, family) == 0)
			return p->chains[i].chain;
	if ((c = font_chain_new(p->d, NULL, family, weight, slant)) == NULL)
		return NULL;
	p->chains = xreallocarray(p->chains, p->nchains + 1,
	    sizeof(*p->chains));
	p->chains[p->nchains].family = xstrdup(family);
	p->chains[p->nchains].weight = weight;
	p->chains[p->nchains].slant = slant;
	p->chains[p->nchains++].chain = c;
	return c;
}

/*
 * Writes the document to f: 0, -1 after reporting libharu's error, -2
 * when writing to f failed (errno says why).
 */
static int
write_stream(struct pdf *p, FILE *f)
{
	int err;
	HPDF_STATUS st = fix_save(p->doc, f, &err);

	if (err != 0) {
		errno = err;
		return -2;
	}
	if (check(p, st, "write the document") == -1)
		return -1;
	/* EOF comes through the handler too; it is not an error here. */
	p->err = HPDF_OK;
	HPDF_ResetError(p->doc);
	return 0;
}

int
pdf_save(struct pdf *p, const char *path)
{
	struct outfile *f;
	size_t i;
	int rc;

	if (p->failed)
		return diag_error(p->d, NULL, "'%s' not written after the "
		    "errors above", path);
	if (resolve_links(p) == -1)
		return -1;
	for (i = 0; i < p->npages; i++)
		fix_empty_page(p->pages[i]);
	for (i = 0; i < p->nfaces; i++)
		if (check(p, fix_font_finish(p->faces[i].font,
		    p->faces[i].widths), "write a font's widths") == -1)
			return -1;
	if ((f = outfile_open(path, p->d)) == NULL)
		return -1;
	rc = write_stream(p, f->fp);
	if (rc == -1) {
		outfile_discard(f);
		return -1;
	}
	return outfile_close(f, rc == -2 ? errno : 0, p->d);
}
