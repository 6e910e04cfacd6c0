/*
 * Collation for lists people look things up in: the badge desk and the
 * speaker index, in the order the programme's readers expect, by ICU's
 * collator for the programme's language (DIN 5007-1 dictionary order for
 * German: Ä with A, ß as ss, "Nahle" just before "Nähle"; Turkish with
 * its own Ç and ı; Chinese by pinyin; Cyrillic and Greek in their
 * alphabets' order after Latin).
 *
 * May be included by every file.
 */
#ifndef PDFGEN_COLLATE_H
#define PDFGEN_COLLATE_H

#include <stddef.h>

#include "programme.h"

struct collator;

/*
 * A collator for the language tag lang ("de", "en-GB", "tr", "zh");
 * Unicode's default order for a language ICU does not know.  Never NULL;
 * free it with collator_free().
 */
struct collator *collator_open(const char *lang);
void	collator_free(struct collator *);

/*
 * Sorts the n items of the given size at base by the person who(item)
 * names, for an alphabetical list in language lang: by family name, then
 * given name (academic titles play no part: "Prof. Dr. Hoffmann" is filed
 * under H), then id so that the order is total.  Placeholders ("N.N.")
 * come after everyone with a name, ordered by organisation.
 */
void	collate_sort(void *base, size_t n, size_t size,
	    const struct person *(*who)(const void *item), const char *lang);

#endif
