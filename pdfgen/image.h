/*
 * Image files: a PNG or JPEG read whole and decoded once, so that the
 * page layer (pdf.h) only ever hands libharu a sound image, and their
 * colour model for the pre-print report.
 *
 * For pdf.c, layout.c and main.c.
 */
#ifndef PDFGEN_IMAGE_H
#define PDFGEN_IMAGE_H

#include <stddef.h>

#include "diag.h"

/* The largest image file read, and the most pixels decoded (README). */
#define IMAGE_MAX_BYTES		(20 * 1024 * 1024)
#define IMAGE_MAX_PIXELS	50000000

enum image_colour {
	IMAGE_UNKNOWN,		/* unreadable, or neither PNG nor JPEG */
	IMAGE_GREY,		/* PNG grey (with alpha), JPEG of 1 component */
	IMAGE_RGB,		/* PNG truecolour or palette, JPEG of 3 */
	IMAGE_CMYK,		/* JPEG of 4 components */
	IMAGE_COLOUR__MAX
};

struct image {
	unsigned char	*data;		/* the whole file */
	size_t		 size;
	int		 png;		/* else JPEG */
	enum image_colour colour;
	unsigned	 width, height;
};

/*
 * Reads the PNG or JPEG file at path (a regular file of at most
 * IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS) and decodes it whole.  What is wrong
 * with it is an error at pos, the reference.  0, or -1 (nothing to
 * release).
 */
int	image_load(struct diag *, const struct srcpos *pos, const char *path,
	    struct image *);
void	image_release(struct image *);

/* The colour model of the image at path; IMAGE_UNKNOWN when it is not sound. */
enum image_colour image_colour(const char *path);

#endif
