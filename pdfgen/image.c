/*
 * Image headers (image.h): the colour type of a PNG's IHDR, the number of
 * components in a JPEG's frame header.
 */
#include <stdio.h>
#include <string.h>

#include "image.h"

/* PNG: the signature, then IHDR (length, type, width, height, depth, colour type). */
static enum image_colour
png_colour(FILE *f)
{
	unsigned char h[26];

	if (fread(h, 1, sizeof(h), f) != sizeof(h) ||
	    memcmp(h + 12, "IHDR", 4) != 0)
		return IMAGE_UNKNOWN;
	switch (h[25]) {
	case 0:			/* grey */
	case 4:			/* grey and alpha */
		return IMAGE_GREY;
	case 2:			/* truecolour */
	case 3:			/* palette of RGB colours */
	case 6:			/* truecolour and alpha */
		return IMAGE_RGB;
	default:
		return IMAGE_UNKNOWN;
	}
}

/*
 * JPEG: segments from the start of image on, each a marker and a length,
 * up to the first frame header (SOF0..SOF15 but DHT, JPG and DAC), whose
 * byte 7 counts the components.
 */
static enum image_colour
jpeg_colour(FILE *f)
{
	unsigned char m[2], s[8];
	long len;

	if (fseek(f, 2, SEEK_SET) != 0)
		return IMAGE_UNKNOWN;
	for (;;) {
		if (fread(m, 1, 2, f) != 2 || m[0] != 0xFF)
			return IMAGE_UNKNOWN;
		if (m[1] == 0xFF) {		/* fill byte */
			if (fseek(f, -1, SEEK_CUR) != 0)
				return IMAGE_UNKNOWN;
			continue;
		}
		if (m[1] == 0xD9 || m[1] == 0xDA)	/* EOI, SOS */
			return IMAGE_UNKNOWN;
		if (fread(s, 1, 2, f) != 2)
			return IMAGE_UNKNOWN;
		len = s[0] << 8 | s[1];
		if (m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 &&
		    m[1] != 0xC8 && m[1] != 0xCC) {
			if (fread(s + 2, 1, 6, f) != 6)
				return IMAGE_UNKNOWN;
			return s[7] == 1 ? IMAGE_GREY : s[7] == 3 ?
			    IMAGE_RGB : s[7] == 4 ? IMAGE_CMYK :
			    IMAGE_UNKNOWN;
		}
		if (len < 2 || fseek(f, len - 2, SEEK_CUR) != 0)
			return IMAGE_UNKNOWN;
	}
}

enum image_colour
image_colour(const char *path)
{
	unsigned char magic[8];
	enum image_colour c = IMAGE_UNKNOWN;
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL)
		return IMAGE_UNKNOWN;
	if (fread(magic, 1, sizeof(magic), f) == sizeof(magic)) {
		rewind(f);
		if (memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0)
			c = png_colour(f);
		else if (magic[0] == 0xFF && magic[1] == 0xD8)
			c = jpeg_colour(f);
	}
	fclose(f);
	return c;
}
