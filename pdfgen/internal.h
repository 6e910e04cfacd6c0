/*
 * Functions the program does not call, with which the unit tests and the
 * fuzzers look inside modules: what a text block holds, which way a day
 * grid lies, how far a font chain reaches, whether patterns are there and
 * where they lie, and a greedy line breaker to measure the optimal one
 * against.
 *
 * Included by the modules that define them (so that the compiler holds
 * each definition to its declaration) and by tests/ only; nothing else in
 * pdfgen/ may call them.
 */
#ifndef PDFGEN_INTERNAL_H
#define PDFGEN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "style.h"

struct collator;
struct daygrid;
struct font;
struct font_chain;
struct lb_item;
struct lb_params;
struct lb_result;
struct text_block;

/*
 * collate.c: compares two UTF-8 strings; <0, 0 or >0 like strcmp().  0
 * only for strings the collator cannot tell apart.  NULL sorts like "".
 */
int	collate_strcmp(struct collator *, const char *a, const char *b);

/* daygrid.c: nonzero when set rooms down and time across. */
int	daygrid_transposed(const struct daygrid *);

/*
 * font.c: the number of faces of a chain (opening every fallback), and
 * the family of a face as its file names it.
 */
int	font_chain_len(struct font_chain *);
const char *font_family(const struct font *);

/*
 * font.c: font_lookup_why() asking fontconfig, never the answers kept;
 * and nonzero if the build's answers hold here (fontanswers.h), which
 * the process then uses.
 */
char	*font_ask_fontconfig(const char *family, enum font_weight,
	    enum font_slant, int *index, char **why);
int	font_built_in_held(void);

/* hyphenate.c: nonzero if libhyphen has patterns for lang here. */
int	hyph_available(const char *lang);

/*
 * hyphenate.c: the address lang's built automaton is mapped at, and
 * nonzero if it is used there (not copied).
 */
uintptr_t hyph_place(const char *lang);
int	hyph_in_place(const char *lang);

/*
 * linebreak.c: breaks items[0..n) by greedy first fit, each line taking
 * as much as fits (lb_total_fit's arguments and result).
 */
int	lb_first_fit(const struct lb_item *, size_t n,
	    const struct lb_params *, struct lb_result *res);

/*
 * text.c: the size a block was set at (points), and the text of its line
 * i as drawn (hyphen included, soft hyphens left out; the caller frees it).
 */
double	text_size(const struct text_block *);
char	*text_line_text(const struct text_block *, size_t i);

#endif
