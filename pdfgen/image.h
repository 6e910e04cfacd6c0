/*
 * Image files as their headers describe them, for the pre-print report:
 * the page layer (pdf.h) draws them as they are.
 *
 * For main.c.
 */
#ifndef PDFGEN_IMAGE_H
#define PDFGEN_IMAGE_H

enum image_colour {
	IMAGE_UNKNOWN,		/* unreadable, or neither PNG nor JPEG */
	IMAGE_GREY,		/* PNG grey (with alpha), JPEG of 1 component */
	IMAGE_RGB,		/* PNG truecolour or palette, JPEG of 3 */
	IMAGE_CMYK,		/* JPEG of 4 components */
	IMAGE_COLOUR__MAX
};

/* The colour model of the PNG or JPEG file at path. */
enum image_colour image_colour(const char *path);

#endif
