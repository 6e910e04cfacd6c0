/*
 * fontconfig's answers the build wrote down (build/fonts.txt, by
 * tests/mkfonts.c), compiled in: read by font.c through fontanswers.h,
 * never written at run time.
 */
#include "fontanswers.h"

extern const char font_answers_start[], font_answers_end[];

__asm__(
	".section .rodata\n"
	"font_answers_start:\n"
	".incbin \"build/fonts.txt\"\n"
	"font_answers_end:\n"
	".previous\n");

const struct font_answers_blob font_answers_built_in = {
	font_answers_start, font_answers_end
};
