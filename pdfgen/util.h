/*
 * Small helpers shared by every file: allocation that never returns NULL
 * (running out of memory calls the handler main sets, which ends the
 * program, so callers keep their return codes for problems worth
 * reporting), growable buffers and UTF-8 decoding.
 *
 * May be included by every file.
 */
#ifndef PDFGEN_UTIL_H
#define PDFGEN_UTIL_H

#include <stddef.h>
#include <stdint.h>

/*
 * What the x*() functions call when memory runs out: a function that does
 * not return (main's prints a message and exits).  Without one they abort.
 */
void	util_on_oom(void (*)(void));

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t nmemb, size_t size);
/*
 * Room for element n of an array grown one element at a time from NULL
 * (or from n = 0): it doubles at each power of two, so that n appends
 * copy O(n) elements, not O(n^2).
 */
void	*xgrow(void *, size_t n, size_t size);
/*
 * A table with an entry per code point of the BMP, made in blocks of 256
 * entries as they are first touched, each byte of a new block set to
 * fill: text uses few blocks, and a whole table of 65,536 entries per
 * font cost more in page faults than setting the text.  Zeroed to start.
 */
struct bmp_table {
	void		*block[256];
	size_t		 size;		/* of an entry, set before first use */
	unsigned char	 fill;
};

/* The entry of code point cp (below 0x10000). */
void	*bmp_entry(struct bmp_table *, uint32_t cp);
void	 bmp_table_free(struct bmp_table *);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* A growable byte buffer; data is always NUL-terminated once used. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	buf_add(struct buf *, const char *s, size_t len);
void	buf_adds(struct buf *, const char *s);
/* Item i of a list: s, after sep unless it is the first (i == 0). */
void	buf_add_item(struct buf *, size_t i, const char *sep, const char *s);
void	buf_addc(struct buf *, char c);
void	buf_addcp(struct buf *, uint32_t cp);	/* as UTF-8 */
void	buf_release(struct buf *);
/* Hands the string to the caller (who frees it) and empties the buffer. */
char	*buf_take(struct buf *);

/*
 * name taken as relative to the folder file is in: "dir/name" for
 * "dir/file"; name itself when it is absolute or file has no folder.
 * The caller frees it.
 */
char	*path_beside(const char *file, const char *name);

/*
 * Decodes one code point from s (at most len bytes) into *cp and returns
 * its length in bytes; returns 0 for an invalid or truncated sequence.
 */
size_t	utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * s for quoting in a message: as it is up to 240 code points, else its
 * first 120 and last 60 code points around " … ".  The caller frees it.
 */
char	*utf8_abbrev(const char *s);

#endif
