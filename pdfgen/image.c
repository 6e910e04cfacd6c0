/*
 * Image files (image.h): read whole from a regular file of bounded size and
 * decoded to the last row by libpng or libjpeg, whose errors come back
 * here.  libharu 2.3.0's PNG loader has no error recovery (a damaged PNG
 * aborts the process) and its JPEG loader copies the data unchecked, so
 * libharu is only ever given images decoded here.
 */
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jpeglib.h>
#include <png.h>

#include "image.h"
#include "util.h"

/* What is wrong with an image, for "image 'PATH' WHY". */
struct why {
	char		 text[JMSG_LENGTH_MAX + 64];
	int		 errnum;	/* not 0: the file cannot be read */
};

static int
too_many_pixels(struct why *w, uint64_t width, uint64_t height)
{
	if (width * height <= IMAGE_MAX_PIXELS)
		return 0;
	snprintf(w->text, sizeof(w->text), "has %llu x %llu pixels, more "
	    "than %d megapixels (the limit)", (unsigned long long)width,
	    (unsigned long long)height, IMAGE_MAX_PIXELS / 1000000);
	return 1;
}

/* PNG, from memory; libpng's errors jump back to png_decode. */
struct png_src {
	const unsigned char *p;
	size_t		 left;
	struct why	*why;
};

static void
png_read_mem(png_structp png, png_bytep out, size_t n)
{
	struct png_src *s = png_get_io_ptr(png);

	if (n > s->left)
		png_error(png, "the file ends early");
	memcpy(out, s->p, n);
	s->p += n;
	s->left -= n;
}

static void
png_fail(png_structp png, png_const_charp msg)
{
	struct png_src *s = png_get_error_ptr(png);

	snprintf(s->why->text, sizeof(s->why->text), "is damaged (PNG: %s)",
	    msg);
	png_longjmp(png, 1);
}

/* Warnings (a wrong checksum of an ancillary chunk) leave the image whole. */
static void
png_warn(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

/*
 * Each row is decoded into one row buffer, so memory stays that of a row
 * whatever the height.  What changes after setjmp is volatile.
 */
static int
png_decode(struct image *im, struct png_src *s)
{
	png_structp png;
	png_infop info;
	unsigned char *volatile row = NULL;
	volatile int ok = 0;

	if ((png = png_create_read_struct(PNG_LIBPNG_VER_STRING, s, png_fail,
	    png_warn)) == NULL || (info = png_create_info_struct(png)) ==
	    NULL) {
		png_destroy_read_struct(&png, NULL, NULL);
		snprintf(s->why->text, sizeof(s->why->text),
		    "cannot be decoded: out of memory");
		return -1;
	}
	if (setjmp(png_jmpbuf(png)) == 0) {
		png_uint_32 y, width, height;
		int type;

		png_set_read_fn(png, s, png_read_mem);
		png_read_info(png, info);
		width = png_get_image_width(png, info);
		height = png_get_image_height(png, info);
		/* libharu 2.3.0 refuses these (error 0x1043). */
		if (png_get_interlace_type(png, info) != PNG_INTERLACE_NONE)
			snprintf(s->why->text, sizeof(s->why->text), "is an "
			    "interlaced PNG, which cannot be printed: save it "
			    "without interlacing");
		else if (!too_many_pixels(s->why, width, height)) {
			type = png_get_color_type(png, info);
			im->colour = type == PNG_COLOR_TYPE_GRAY ||
			    type == PNG_COLOR_TYPE_GRAY_ALPHA ? IMAGE_GREY :
			    IMAGE_RGB;
			im->width = width;
			im->height = height;
			png_read_update_info(png, info);
			row = xmalloc(png_get_rowbytes(png, info));
			for (y = 0; y < height; y++)
				png_read_row(png, row, NULL);
			png_read_end(png, NULL);
			ok = 1;
		}
	}
	free(row);
	png_destroy_read_struct(&png, &info, NULL);
	return ok ? 0 : -1;
}

/* JPEG, from memory; libjpeg's errors and warnings jump back. */
struct jpeg_err {
	struct jpeg_error_mgr mgr;
	jmp_buf		 jb;
	struct why	*why;
};

static void
jpeg_fail(j_common_ptr j)
{
	struct jpeg_err *e = (struct jpeg_err *)j->err;
	char msg[JMSG_LENGTH_MAX];

	(*j->err->format_message)(j, msg);
	snprintf(e->why->text, sizeof(e->why->text), "is damaged (JPEG: %s)",
	    msg);
	longjmp(e->jb, 1);
}

/*
 * A warning (level -1) means damaged data that libjpeg would paint grey
 * and a viewer would complain of: an error too.  Traces are ignored.
 */
static void
jpeg_message(j_common_ptr j, int level)
{
	if (level < 0)
		jpeg_fail(j);
}

static int
jpeg_decode(struct image *im, struct why *why)
{
	struct jpeg_decompress_struct cinfo;
	struct jpeg_err err;
	JSAMPROW volatile row = NULL;
	volatile int ok = 0;

	cinfo.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	err.mgr.emit_message = jpeg_message;
	err.why = why;
	if (setjmp(err.jb) == 0) {
		jpeg_create_decompress(&cinfo);
		jpeg_mem_src(&cinfo, im->data, im->size);
		jpeg_read_header(&cinfo, TRUE);
		if (!too_many_pixels(why, cinfo.image_width,
		    cinfo.image_height)) {
			im->colour = cinfo.num_components == 1 ? IMAGE_GREY :
			    cinfo.num_components == 3 ? IMAGE_RGB :
			    cinfo.num_components == 4 ? IMAGE_CMYK :
			    IMAGE_UNKNOWN;
			im->width = cinfo.image_width;
			im->height = cinfo.image_height;
			jpeg_start_decompress(&cinfo);
			row = xmalloc((size_t)cinfo.output_width *
			    cinfo.output_components);
			while (cinfo.output_scanline < cinfo.output_height)
				jpeg_read_scanlines(&cinfo, (JSAMPARRAY)&row,
				    1);
			jpeg_finish_decompress(&cinfo);
			ok = 1;
		}
	}
	free(row);
	jpeg_destroy_decompress(&cinfo);
	return ok ? 0 : -1;
}

/*
 * Reads the file: opened without blocking (a FIFO or a terminal would wait
 * for a writer forever), and only when it is a regular file of at most
 * IMAGE_MAX_BYTES.
 */
static int
read_file(struct image *im, const char *path, struct why *why)
{
	struct stat st;
	size_t got = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		why->errnum = errno;
		if (fd != -1)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(why->text, sizeof(why->text),
		    "is not a regular file");
		return -1;
	}
	if (st.st_size > IMAGE_MAX_BYTES) {
		close(fd);
		snprintf(why->text, sizeof(why->text), "is larger than %d MiB "
		    "(the limit)", IMAGE_MAX_BYTES / (1024 * 1024));
		return -1;
	}
	im->data = xmalloc(st.st_size > 0 ? (size_t)st.st_size : 1);
	while (got < (size_t)st.st_size && (n = read(fd, im->data + got,
	    (size_t)st.st_size - got)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			why->errnum = errno;
			close(fd);
			return -1;
		}
		got += (size_t)n;
	}
	close(fd);
	im->size = got;
	return 0;
}

static int
image_read(struct image *im, const char *path, struct why *why)
{
	struct png_src src;

	memset(im, 0, sizeof(*im));
	why->errnum = 0;
	if (read_file(im, path, why) == -1)
		return -1;
	if (im->size >= 8 && memcmp(im->data, "\x89PNG\r\n\x1a\n", 8) == 0) {
		im->png = 1;
		src.p = im->data;
		src.left = im->size;
		src.why = why;
		return png_decode(im, &src);
	}
	if (im->size >= 3 && memcmp(im->data, "\xFF\xD8\xFF", 3) == 0)
		return jpeg_decode(im, why);
	snprintf(why->text, sizeof(why->text), "is neither PNG nor JPEG");
	return -1;
}

int
image_load(struct diag *d, const struct srcpos *pos, const char *path,
    struct image *im)
{
	struct why why;

	if (image_read(im, path, &why) == 0)
		return 0;
	image_release(im);
	if (why.errnum != 0)
		return diag_error(d, pos, "cannot read image '%s': %s", path,
		    strerror(why.errnum));
	return diag_error(d, pos, "image '%s' %s", path, why.text);
}

void
image_release(struct image *im)
{
	free(im->data);
	memset(im, 0, sizeof(*im));
}

enum image_colour
image_colour(const char *path)
{
	struct image im;
	struct why why;
	enum image_colour c;

	c = image_read(&im, path, &why) == 0 ? im.colour : IMAGE_UNKNOWN;
	image_release(&im);
	return c;
}
