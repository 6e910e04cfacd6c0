/*
 * The repairs of what libharu 2.3.x writes wrongly or slowly
 * (libharu_fix.c, which says what it replaces and why).  Included by pdf.c only, the one file
 * that calls libharu; with another libharu version they do nothing.
 */
#ifndef LIBHARU_FIX_H
#define LIBHARU_FIX_H

#include <stddef.h>
#include <stdio.h>

#include <hpdf.h>

/* Notes a font loaded by name, whose cmap the glyph lookup searches. */
void		fix_note_cmap(HPDF_Doc, const char *name);
/*
 * A face's font for UTF-8 text, made without the widths, glyphs and
 * ToUnicode map of every code point, which fix_font_finish() adds, for
 * the code points drawn (fix_text_out()'s record), before the document
 * is saved.
 */
HPDF_Font	fix_get_font(HPDF_Doc, const char *name);
struct fix_widths;
HPDF_STATUS	fix_font_finish(HPDF_Font, struct fix_widths *);
/* Compresses the alpha channel of an image loaded from a PNG. */
void		fix_png_smask(HPDF_Image);
/*
 * A face's widths of the BMP's code points, each asked of libharu once,
 * for fix_text_out(); NULL until then.
 */
struct fix_widths;
void		fix_widths_free(struct fix_widths *);

/*
 * Writes what HPDF_Page_TextOut(page, x, y, s) would, right after BT, in
 * a Type0 font, without decoding s twice; *left set when it is left to
 * libharu.  Returns libharu's status.
 */
HPDF_STATUS	fix_text_out(HPDF_Page, HPDF_Font, struct fix_widths **,
		    double x, double y, const char *s, size_t len, int *left);
/* Drops the filter of a page's content stream when it is empty. */
void		fix_empty_page(HPDF_Page);
/* Sets a page's box ("TrimBox", "BleedBox"); returns libharu's status. */
HPDF_STATUS	fix_page_box(HPDF_Page, const char *name, HPDF_Box);
/* Gives a page just added small blocks for its content stream. */
void		fix_page_blocks(HPDF_Page);
/*
 * A link from rect on page to dst without a border, as
 * HPDF_Page_CreateLinkAnnot() and HPDF_LinkAnnot_SetBorderStyle(a, 0, 0,
 * 0) make it, in less memory.  Returns libharu's status.
 */
HPDF_STATUS	fix_link(HPDF_Page page, HPDF_Rect rect, HPDF_Destination dst);
/*
 * A bookmark titled title (in encoding enc) under parent (NULL: at the
 * top) to the top of page, as HPDF_CreateOutline() and
 * HPDF_Outline_SetDestination() make it, in less memory; NULL after an
 * error.
 */
HPDF_Outline	fix_outline(HPDF_Doc doc, HPDF_Outline parent,
		    const char *title, HPDF_Encoder enc, HPDF_Page page,
		    HPDF_REAL top);
/*
 * Writes the document to fp, as HPDF_SaveToStream() makes it.  Returns
 * libharu's status; *err is errno when writing to fp failed, else 0.
 */
HPDF_STATUS	fix_save(HPDF_Doc doc, FILE *fp, int *err);

#endif
