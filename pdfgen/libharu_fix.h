/*
 * The repairs of what libharu 2.3.x writes wrongly (libharu_fix.c, which
 * says what it replaces and why).  Included by pdf.c only, the one file
 * that calls libharu; with another libharu version they do nothing.
 */
#ifndef LIBHARU_FIX_H
#define LIBHARU_FIX_H

#include <hpdf.h>

/* Rewrites the ToUnicode CMap of a Type0 font just loaded with UTF-8. */
HPDF_STATUS	fix_tounicode(HPDF_Font);
/* Notes a font loaded by name, whose cmap the glyph lookup searches. */
void		fix_note_cmap(HPDF_Doc, const char *name);
/* Compresses the alpha channel of an image loaded from a PNG. */
void		fix_png_smask(HPDF_Image);
/* Drops the filter of a page's content stream when it is empty. */
void		fix_empty_page(HPDF_Page);

#endif
