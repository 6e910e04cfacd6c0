/*
 * Where a word may be broken across lines: libhyphen's patterns (German
 * from hyphen-de, English from hyphen-en-us), soft hyphens, and the
 * explicit hyphens and slashes of compounds such as "EfA-/OZG-Umsetzung".
 *
 * A word that contains an explicit hyphen, a slash or a soft hyphen breaks
 * only there (as in TeX: the writer has already said where).  Parts that
 * look like acronyms or codes (two capitals or a digit: "CIIO", "EfA",
 * "OZG2") are never hyphenated, nor are words with letters outside the
 * dictionary's character set.  Dictionaries are loaded once per process,
 * from the automata the build made of the patterns.
 *
 * For the typesetting core (text.c) and its tests.
 */
#ifndef PDFGEN_HYPHENATE_H
#define PDFGEN_HYPHENATE_H

#include <stddef.h>

/* What a break after a byte of a word means. */
enum hyph_break {
	HYPH_NONE,		/* no break here */
	HYPH_AUTO,		/* pattern point: draw a hyphen when broken */
	HYPH_SOFT,		/* after U+00AD: draw a hyphen when broken */
	HYPH_EXPLICIT		/* after '-' or '/': draw nothing more */
};

/*
 * Finds the break points of word (UTF-8, len bytes, no spaces; U+00A0
 * counts as a letter of the word and never breaks).  brk must hold len
 * bytes; brk[i] is set to the enum hyph_break after byte i (so it is
 * HYPH_NONE inside a UTF-8 sequence and at the end).  lang is "de", "en"
 * (or "de-AT", "en_GB"...); patterns off, or another language, leaves only
 * soft and explicit breaks.  Returns the number of break points.
 */
size_t	hyph_word(const char *lang, const char *word, size_t len,
	    int patterns, unsigned char *brk);

/*
 * Frees the loaded dictionaries; the next use loads them again.  Runs at
 * exit.
 */
void	hyph_reset(void);

/*
 * The automata built from the patterns at build time, compiled in by
 * pdfgen/hyphdata.c (German, English); empty where the build found no
 * patterns.  Used while they match the installed pattern files.
 */
struct hyph_blob {
	const char	*start, *end;
};
extern const struct hyph_blob hyph_blobs[2];

struct buf;

/* For tests/mkhyph.c: appends lang's automaton, built now, to b; 0 or -1. */
int	hyph_build(const char *lang, struct buf *b);

/* For tests: 0 if data is a sound, current automaton of lang. */
int	hyph_check_built(const char *lang, const char *data, size_t len);

/*
 * For tests: loads (after a reset) the compiled-in automata, or with 0
 * always the patterns; hyph_from_build() says where lang's came from.
 */
void	hyph_use_built(int);
int	hyph_from_build(const char *lang);

#endif
