/*
 * The hyphenation automata the build made of the installed patterns
 * (build/hyph_de.bin and build/hyph_en.bin, by tests/mkhyph.c), compiled
 * in: read by hyphenate.c, never written at run time.  An empty file (no
 * patterns when building) leaves an empty blob.  Each starts on a 64 KB
 * boundary, a page boundary of the program's file on any system, for
 * hyphenate.c to map its body (which starts on one too) elsewhere.
 */
#include "hyphenate.h"

extern const char hyph_de_start[], hyph_de_end[];
extern const char hyph_en_start[], hyph_en_end[];

__asm__(
	".section .rodata\n"
	".balign 65536\n"
	"hyph_de_start:\n"
	".incbin \"build/hyph_de.bin\"\n"
	"hyph_de_end:\n"
	".balign 65536\n"
	"hyph_en_start:\n"
	".incbin \"build/hyph_en.bin\"\n"
	"hyph_en_end:\n"
	".previous\n");

const struct hyph_blob hyph_blobs[2] = {
	{ hyph_de_start, hyph_de_end },
	{ hyph_en_start, hyph_en_end }
};
