/*
 * What the fuzz targets share: a path that names the input bytes (the
 * parsers take paths, not buffers) and a diag that swallows messages.
 *
 * For tests/fuzz/fuzz_*.c only.
 */
#ifndef PDFGEN_FUZZ_H
#define PDFGEN_FUZZ_H

#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <sanitizer/lsan_interface.h>

#include "diag.h"
#include "font.h"
#include "hyphenate.h"
#include "internal.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Loads what libraries keep for the whole process before the first input,
 * with leak checking off: fontconfig's configuration and libhyphen's
 * dictionaries both lose a little memory once while loading, which is
 * theirs and not a finding.  fontconfig is asked itself: the answers the
 * build wrote down (fontanswers.h) would leave its configuration unread
 * until a family they lack.
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int index;

	(void)argc;
	(void)argv;
	__lsan_disable();
	free(font_ask_fontconfig(FONT_DEFAULT_FAMILY, WEIGHT_REGULAR,
	    SLANT_ROMAN, &index, NULL));
	(void)hyph_available("de");
	(void)hyph_available("en");
	__lsan_enable();
	return 0;
}

/*
 * Puts data into one memory file per process and returns its
 * /proc/self/fd path: no disk writes, and nothing left behind.
 */
static inline const char *
fuzz_path(const uint8_t *data, size_t size)
{
	static char path[64];
	static int fd = -1;

	if (fd == -1) {
		if ((fd = memfd_create("fuzz-input", 0)) == -1) {
			perror("memfd_create");
			abort();
		}
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) == -1 || (size > 0 &&
	    pwrite(fd, data, size, 0) != (ssize_t)size)) {
		perror("fuzz input");
		abort();
	}
	return path;
}

/* A diag whose messages go nowhere (set PDFGEN_FUZZ_VERBOSE to see them). */
static inline void
fuzz_diag(struct diag *d)
{
	static FILE *null;

	if (null == NULL)
		null = getenv("PDFGEN_FUZZ_VERBOSE") ? stderr :
		    fopen("/dev/null", "w");
	diag_init(d, null, 0);
}

#endif
