/*
 * German collation for lists people look things up in: the badge desk and
 * the speaker index.
 *
 * glibc's strcoll() needs a de_DE locale that many build machines lack, so
 * this is a small collation of its own for Latin script (DIN 5007-1, the
 * dictionary order): letters compare without case and without diacritics
 * (Ä with A, Ö with O, Ü with U, ß as ss, é as e, ł as l), and only when
 * two strings are equal that way does the original spelling decide, so
 * "Nahle" comes just before "Nähle" and both before "Nolte".  Characters
 * outside Latin compare by code point.
 *
 * May be included by every file.
 */
#ifndef PDFGEN_COLLATE_H
#define PDFGEN_COLLATE_H

#include "programme.h"

/*
 * Compares two UTF-8 strings in the order above; returns <0, 0 or >0 like
 * strcmp().  0 only for byte-identical strings.  NULL sorts like "".
 */
int	collate_strcmp(const char *a, const char *b);

/*
 * Compares two people for an alphabetical list: by family name, then given
 * name (academic titles play no part: "Prof. Dr. Hoffmann" is filed under
 * H), then id so that the order is total.  Placeholders ("N.N.") come
 * after everyone with a name, ordered by organisation.  Usable with
 * qsort() through a wrapper taking pointers to const struct person *.
 */
int	collate_people(const struct person *a, const struct person *b);

#endif
