/*
 * The characters of a programme that no installed font can print.  They
 * are reported once per code point, with every place they occur, before
 * anything is rendered (pdfgen check says the same); the text layer then
 * leaves them out rather than print a box.  The invisible characters it
 * removes (controls, zero-width characters, bidi marks) are reported the
 * same way.
 *
 * For main.c and its tests.
 */
#ifndef PDFGEN_COVERAGE_H
#define PDFGEN_COVERAGE_H

#include "diag.h"
#include "programme.h"

/*
 * Reports a warning for each code point in p's text that the default
 * font chain (font.h: the default family and every fallback) cannot
 * draw, and for each invisible one.  Returns how many code points no
 * font has.
 */
size_t	coverage_check(const struct programme *p, struct diag *d);

#endif
