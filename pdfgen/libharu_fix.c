/*
 * The repairs of libharu, in one place: what libharu 2.3.0 writes wrongly
 * and what it does needlessly slowly.  pdf.c, the one file that calls
 * libharu, calls the fix_*() functions (libharu_fix.h); the HPDF_*()
 * functions replace libharu's own of the same name: the executable's
 * definition takes precedence, and libharu calls them through its PLT, so
 * its own calls reach them too.
 *
 * Replaced, because libharu 2.3.0 writes something wrong:
 *   fix_font_finish the ToUnicode CMap of Type0 fonts ("begincidrange",
 *                   no ToUnicode operator: poppler warns on every page)
 *   fix_png_smask   the alpha channel of PNGs, written uncompressed
 *   fix_empty_page  the content stream of an empty page, zero bytes
 *                   marked FlateDecode (MuPDF and Ghostscript fail)
 * Added, because libharu 2.3.x has no HPDF_Page_SetBoundary:
 *   fix_page_box    a TrimBox or BleedBox in a page's dictionary (outside
 *                   the 2.3.x guard, as pdf.c set it with any version)
 * Replaced, because it holds memory needlessly:
 *   fix_page_blocks  a page's content stream in blocks of 4,096 bytes
 *   fix_link         a link annotation's six entries, 1.6 KB
 *   fix_outline      a bookmark's entries, 1.6 KB
 *   fix_save         the whole file in memory before it is written
 * Replaced, because it is slow (each gives the same results and output
 * bytes as the original):
 *   fix_text_out                 HPDF_Page_TextOut decodes every text twice
 *   HPDF_MemCpy, HPDF_MemSet     byte by byte
 *   HPDF_List_Add                grows a list by a fixed block, O(n^2)
 *   HPDF_TTFontDef_GetGlyphid    searches a cmap's segments linearly
 *   HPDF_Stream_WriteToStreamWithDeflate   sets up zlib for every stream
 *   HPDF_TTFontDef_SaveFontData  copies an embedded font 4 bytes at a time
 *   HPDF_FileReader_New          reads a font file field by field through stdio
 *   HPDF_Type0Font_New           walks 65,536 code points for each font
 *
 * Checked against libharu 2.3.0: its source at tag RELEASE_2_3_0 and the
 * disassembly of Debian 12's libhpdf-2.3.0 (2.3.0+dfsg-1+b1).  All of it
 * depends on libharu's private structures (hpdf_font.h, hpdf_fontdef.h,
 * hpdf_list.h, hpdf_objects.h), so it is compiled only against 2.3.x
 * headers: with another version libharu's own functions are used, the
 * fix_*() do nothing, and tests/test_libharu.c fails "make test".
 */
#define _GNU_SOURCE		/* RTLD_NEXT */
#include <sys/stat.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libdeflate.h>
#include <zlib.h>

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_error.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_mmgr.h>
#include <hpdf_pages.h>
#include <hpdf_utils.h>
#include <hpdf_version.h>

#include "libharu_fix.h"
#include "util.h"

#if HPDF_MAJOR_VERSION == 2 && HPDF_MINOR_VERSION == 3

/*
 * The original copies byte by byte, for every string and stream libharu
 * copies, and so does HPDF_MemSet below (every path and text operator
 * clears a 512-byte buffer with it): together 9% of drawing 10,000 badges.
 * Returns out + n, as the original.  It copies forwards, so overlapping
 * ranges with out after in would repeat bytes; libharu never passes such,
 * but they take the original's way all the same, as do short copies.
 */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	HPDF_UINT i;

	/* Most calls copy two bytes: a loop is cheaper than the call then. */
	if (n == 2) {
		out[0] = in[0];
		out[1] = in[1];
		return out + 2;
	}
	if (n <= 16 || (out > in && out < in + n)) {
		for (i = 0; i < n; i++)
			out[i] = in[i];
	} else
		memmove(out, in, n);
	return out + n;
}

/* Returns the end of the range, as the original. */
void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n > 0)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

/*
 * Loading a TrueType face reads its tables field by field, two or four
 * bytes a call (105,000 calls for the example's four products), through
 * stdio: the original clears the bytes first and takes stdio's lock for
 * each read, and each seek to another table costs a seek and a read of
 * the system (2,100 for the example).  This reader keeps the last 16 KB
 * read, of whichever file, and reads the system with pread(); it gives
 * libharu the same bytes and answers as the original (whose stream is a
 * FILE).  Rendering is single-threaded, hence one window for all.
 */
#define WINDOW	(16u << 10)

struct file_reader {
	int		 fd;
	HPDF_UINT32	 size;		/* of the file, when opened */
	HPDF_UINT32	 pos;
	struct stat	 st;		/* which file it is (fontdef_cached()) */
};

static struct {
	const struct file_reader *of;	/* whose bytes these are */
	HPDF_UINT32	 at, len;
	HPDF_BYTE	 b[WINDOW];
} window;

static HPDF_STATUS
reader_read(HPDF_Stream stream, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	struct file_reader *r = stream->attr;
	HPDF_UINT want = *siz, n = 0;
	ssize_t got;

	/* Most reads: a field of two or four bytes within the window. */
	if (window.of == r && r->pos >= window.at && want <= 4 &&
	    r->pos - window.at + want <= window.len) {
		for (; n < want; n++)
			ptr[n] = window.b[r->pos - window.at + n];
		r->pos += want;
		return HPDF_OK;
	}
	if (want > WINDOW) {
		while (n < want && (got = pread(r->fd, ptr + n, want - n,
		    (off_t)r->pos + n)) > 0)
			n += (HPDF_UINT)got;
	} else {
		if (window.of != r || r->pos < window.at ||
		    r->pos + want > window.at + window.len) {
			window.of = NULL;
			window.at = r->pos;
			window.len = 0;
			while (window.len < WINDOW && (got = pread(r->fd,
			    window.b + window.len, WINDOW - window.len,
			    (off_t)window.at + window.len)) > 0)
				window.len += (HPDF_UINT32)got;
			window.of = r;
		}
		n = r->pos - window.at < window.len ?
		    window.len - (r->pos - window.at) : 0;
		if (n > want)
			n = want;
		memcpy(ptr, window.b + (r->pos - window.at), n);
	}
	r->pos += n;
	if (n == want)
		return HPDF_OK;
	memset(ptr + n, 0, want - n);
	*siz = n;
	return r->pos >= r->size ? HPDF_STREAM_EOF :
	    HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, errno);
}

static HPDF_STATUS
reader_seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode)
{
	struct file_reader *r = stream->attr;
	int64_t to = pos;

	if (mode == HPDF_SEEK_CUR)
		to += r->pos;
	else if (mode == HPDF_SEEK_END)
		to += r->size;
	if (to < 0 || to > UINT32_MAX)
		return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, EINVAL);
	r->pos = (HPDF_UINT32)to;
	return HPDF_OK;
}

static HPDF_INT32
reader_tell(HPDF_Stream stream)
{
	return (HPDF_INT32)((struct file_reader *)stream->attr)->pos;
}

static HPDF_UINT32
reader_size(HPDF_Stream stream)
{
	return ((struct file_reader *)stream->attr)->size;
}

static void
reader_free(HPDF_Stream stream)
{
	struct file_reader *r = stream->attr;

	if (window.of == r)
		window.of = NULL;
	(void)close(r->fd);
	free(r);
	stream->attr = NULL;
}

HPDF_Stream
HPDF_FileReader_New(HPDF_MMgr mmgr, const char *fname)
{
	struct file_reader *r;
	struct stat st;
	HPDF_Stream stream;
	int fd;

	if ((fd = open(fname, O_RDONLY | O_CLOEXEC)) == -1) {
		HPDF_SetError(mmgr->error, HPDF_FILE_OPEN_ERROR, errno);
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > INT32_MAX ||
	    (stream = HPDF_GetMem(mmgr, sizeof(*stream))) == NULL) {
		HPDF_SetError(mmgr->error, HPDF_FILE_OPEN_ERROR, errno);
		(void)close(fd);
		return NULL;
	}
	r = xmalloc(sizeof(*r));
	*r = (struct file_reader){ fd, (HPDF_UINT32)st.st_size, 0, st };
	memset(stream, 0, sizeof(*stream));
	stream->sig_bytes = HPDF_STREAM_SIG_BYTES;
	stream->type = HPDF_STREAM_FILE;
	stream->mmgr = mmgr;
	stream->error = mmgr->error;
	stream->read_fn = reader_read;
	stream->seek_fn = reader_seek;
	stream->tell_fn = reader_tell;
	stream->size_fn = reader_size;
	stream->free_fn = reader_free;
	stream->attr = r;
	return stream;
}

/*
 * libharu parses a face's tables each time a document loads it (the
 * example's four products load three faces each): HPDF_TTFontDef_Load()
 * and _Load2() read some 9,000 fields of a Liberation face one by one (a
 * tenth of rendering the example programme).  What it parsed does not
 * depend on the document, so the first parse of a file (and index) is
 * kept for the process and each further load copies it into the new
 * document's memory: the font definition and its tables (those
 * InitAttr() frees), with the document's own stream and unused glyph
 * flags.  A stream not of HPDF_FileReader_New() above goes to libharu.
 */
typedef HPDF_FontDef (*load_fn)(HPDF_MMgr, HPDF_Stream, HPDF_BOOL);
typedef HPDF_FontDef (*load2_fn)(HPDF_MMgr, HPDF_Stream, HPDF_UINT,
		    HPDF_BOOL);

struct parsed {
	dev_t		 dev;
	ino_t		 ino;
	off_t		 size;
	struct timespec	 mtime;
	HPDF_UINT	 index;		/* in a collection */
	HPDF_BOOL	 embedding;
	HPDF_FontDef_Rec def;
	HPDF_TTFontDefAttr_Rec attr;	/* its tables copied with malloc */
};

static struct parsed **parsed;
static size_t nparsed;

/* The n bytes at p in mmgr's memory (or malloc's with mmgr NULL). */
static void *
copy_of(HPDF_MMgr mmgr, const void *p, size_t n, int *failed)
{
	void *q;

	if (p == NULL || n == 0)
		return NULL;
	q = mmgr != NULL ? HPDF_GetMem(mmgr, (HPDF_UINT)n) : xmalloc(n);
	if (q == NULL) {
		*failed = 1;
		return NULL;
	}
	return memcpy(q, p, n);
}

/* The tables of attr copied into mmgr's memory (malloc's: mmgr NULL). */
static int
copy_tables(HPDF_MMgr mmgr, HPDF_TTFontDefAttr to,
    const HPDF_TTFontDefAttr_Rec *from)
{
	const HPDF_TTF_CmapRange *c = &from->cmap;
	size_t segs = c->seg_count_x2 / 2u;
	int failed = 0;

	to->char_set = NULL;	/* TrueType leaves it so */
	to->h_metric = copy_of(mmgr, from->h_metric, from->num_glyphs *
	    sizeof(*from->h_metric), &failed);
	to->name_tbl.name_records = copy_of(mmgr, from->name_tbl.name_records,
	    from->name_tbl.count * sizeof(*from->name_tbl.name_records),
	    &failed);
	to->cmap.end_count = copy_of(mmgr, c->end_count, segs * 2, &failed);
	to->cmap.start_count = copy_of(mmgr, c->start_count, segs * 2,
	    &failed);
	to->cmap.id_delta = copy_of(mmgr, c->id_delta, segs * 2, &failed);
	to->cmap.id_range_offset = copy_of(mmgr, c->id_range_offset, segs * 2,
	    &failed);
	to->cmap.glyph_id_array = copy_of(mmgr, c->glyph_id_array,
	    c->glyph_id_array_count * 2u, &failed);
	to->offset_tbl.table = copy_of(mmgr, from->offset_tbl.table,
	    from->offset_tbl.num_tables * sizeof(*from->offset_tbl.table),
	    &failed);
	to->glyph_tbl.offsets = copy_of(mmgr, from->glyph_tbl.offsets,
	    (from->num_glyphs + 1u) * sizeof(*from->glyph_tbl.offsets),
	    &failed);
	to->glyph_tbl.flgs = copy_of(mmgr, from->glyph_tbl.flgs,
	    from->num_glyphs, &failed);
	return failed ? -1 : 0;
}

static void
parsed_free(void)
{
	struct parsed *p;

	while (nparsed > 0) {
		p = parsed[--nparsed];
		free(p->attr.h_metric);
		free(p->attr.name_tbl.name_records);
		free(p->attr.cmap.end_count);
		free(p->attr.cmap.start_count);
		free(p->attr.cmap.id_delta);
		free(p->attr.cmap.id_range_offset);
		free(p->attr.cmap.glyph_id_array);
		free(p->attr.offset_tbl.table);
		free(p->attr.glyph_tbl.offsets);
		free(p->attr.glyph_tbl.flgs);
		free(p);
	}
	free(parsed);
	parsed = NULL;
}

static struct parsed *
parsed_find(const struct stat *st, HPDF_UINT index, HPDF_BOOL embedding)
{
	size_t i;

	for (i = 0; i < nparsed; i++)
		if (parsed[i]->dev == st->st_dev &&
		    parsed[i]->ino == st->st_ino &&
		    parsed[i]->size == st->st_size &&
		    parsed[i]->mtime.tv_sec == st->st_mtim.tv_sec &&
		    parsed[i]->mtime.tv_nsec == st->st_mtim.tv_nsec &&
		    parsed[i]->index == index &&
		    parsed[i]->embedding == embedding)
			return parsed[i];
	return NULL;
}

/* Keeps what libharu parsed into def, just loaded from st's file. */
static void
parsed_keep(HPDF_FontDef def, const struct stat *st, HPDF_UINT index,
    HPDF_BOOL embedding)
{
	struct parsed *p = xcalloc(1, sizeof(*p));

	p->dev = st->st_dev;
	p->ino = st->st_ino;
	p->size = st->st_size;
	p->mtime = st->st_mtim;
	p->index = index;
	p->embedding = embedding;
	p->def = *def;
	p->attr = *(HPDF_TTFontDefAttr)def->attr;
	if (copy_tables(NULL, &p->attr, def->attr) == -1) {
		free(p);
		return;
	}
	if (nparsed == 0)
		atexit(parsed_free);
	parsed = xreallocarray(parsed, nparsed + 1, sizeof(*parsed));
	parsed[nparsed++] = p;
}

/* A font definition in mmgr's memory as p, reading stream; NULL: failed. */
static HPDF_FontDef
parsed_copy(const struct parsed *p, HPDF_MMgr mmgr, HPDF_Stream stream)
{
	HPDF_FontDef def = HPDF_TTFontDef_New(mmgr), fresh;
	HPDF_TTFontDefAttr attr;

	if (def == NULL) {
		HPDF_Stream_Free(stream);
		return NULL;
	}
	fresh = def;
	attr = def->attr;
	{
		HPDF_FontDef_Rec made = *def;

		*def = p->def;
		def->sig_bytes = made.sig_bytes;
		def->mmgr = made.mmgr;
		def->error = made.error;
		def->clean_fn = made.clean_fn;
		def->free_fn = made.free_fn;
		def->init_fn = made.init_fn;
		def->attr = attr;
		def->descriptor = NULL;
		def->data = NULL;
	}
	*attr = p->attr;
	attr->stream = stream;
	/* As LoadFontData(): a face not embedded keeps no stream. */
	if (!p->embedding) {
		HPDF_Stream_Free(stream);
		attr->stream = NULL;
	}
	if (copy_tables(mmgr, attr, &p->attr) == -1) {
		HPDF_FontDef_Free(fresh);
		return NULL;
	}
	return def;
}

/* libharu's own loader; what it parsed kept when stream is ours. */
static HPDF_FontDef
load_parsed(HPDF_MMgr mmgr, HPDF_Stream stream, HPDF_UINT index, int ttc,
    HPDF_BOOL embedding)
{
	static load_fn load;
	static load2_fn load2;
	int ours = stream->read_fn == reader_read;
	struct stat st = { 0 };
	struct parsed *p;
	HPDF_FontDef def;

	/* The stream's own, as libharu frees a stream not embedded. */
	if (ours)
		st = ((struct file_reader *)stream->attr)->st;
	if (ours && (p = parsed_find(&st, index, embedding)) != NULL)
		return parsed_copy(p, mmgr, stream);
	if (load == NULL) {
		*(void **)&load = dlsym(RTLD_NEXT, "HPDF_TTFontDef_Load");
		*(void **)&load2 = dlsym(RTLD_NEXT, "HPDF_TTFontDef_Load2");
	}
	if ((ttc ? (void *)load2 : (void *)load) == NULL) {
		HPDF_Stream_Free(stream);
		HPDF_SetError(mmgr->error, HPDF_INVALID_FONTDEF_DATA, 0);
		return NULL;
	}
	def = ttc ? load2(mmgr, stream, index, embedding) :
	    load(mmgr, stream, embedding);
	if (def != NULL && ours)
		parsed_keep(def, &st, index, embedding);
	return def;
}

HPDF_FontDef
HPDF_TTFontDef_Load(HPDF_MMgr mmgr, HPDF_Stream stream, HPDF_BOOL embedding)
{
	return load_parsed(mmgr, stream, 0, 0, embedding);
}

HPDF_FontDef
HPDF_TTFontDef_Load2(HPDF_MMgr mmgr, HPDF_Stream stream, HPDF_UINT index,
    HPDF_BOOL embedding)
{
	return load_parsed(mmgr, stream, index, 1, embedding);
}

/*
 * The original grows a full list by a fixed block (20 items unless the
 * list was made with another number) and copies it over, so a list of n
 * items costs O(n^2): HPDF_GetFont() puts the width of every code point a
 * font maps into one array, 30,000 for a CJK face, which took a quarter of
 * rendering a programme with a few Chinese names.  This one doubles the
 * room instead.  block_siz stays the room, as HPDF_List_Insert() (whose
 * growth is still the original's) expects.
 */
HPDF_STATUS
HPDF_List_Add(HPDF_List list, void *item)
{
	HPDF_UINT room;
	void **obj;

	if (list->count >= list->block_siz) {
		room = list->block_siz + list->items_per_block;
		if (room < 2 * list->block_siz)
			room = 2 * list->block_siz;
		obj = HPDF_GetMem(list->mmgr, room * sizeof(*obj));
		if (obj == NULL)
			return HPDF_Error_GetCode(list->error);
		if (list->obj != NULL) {
			memcpy(obj, list->obj, list->count * sizeof(*obj));
			HPDF_FreeMem(list->mmgr, list->obj);
		}
		list->obj = obj;
		list->block_siz = room;
	}
	list->obj[list->count++] = item;
	return HPDF_OK;
}

/*
 * Every stream of a document is deflated through here.  libharu's own
 * makes a zlib stream for each (deflateInit allocates and clears a
 * quarter of a megabyte) and throws it away.  This one takes a memory
 * stream of up to WHOLE_MAX bytes (page contents, fonts, maps: all but
 * large images) in one piece and deflates it with libdeflate, which does
 * in 58 % of zlib's time what zlib does at level 3, in 3 % fewer bytes
 * (the example's 61 streams: 5.9 -> 3.4 ms, 191 -> 186 KB; at its level
 * 1, 35 % of zlib's time).  Larger
 * ones, or streams of another kind, go through one zlib stream kept for
 * the process, in HPDF_STREAM_BUF_SIZ pieces.  Output is written in
 * pieces of DEFLATE_OUT, encrypted first when e is given.  libharu
 * declares the function in hpdf_streams.c only.
 *
 * zlib's level is 3, not its default 6: deflate was a third of the work
 * of rendering, most of it on the embedded fonts, and levels 1 to 3 take
 * zlib's fast path.  Example programme, all products: 728 M -> 612 M
 * instructions for 4 % more bytes (617 -> 642 KB); FOSDEM 2024: 8 % more
 * (3.9 -> 4.2 MB); its level 1 saves hardly more and costs twice the
 * bytes.  libdeflate's level 1 is a faster matcher for 3 % more bytes
 * than its level 3: the example programme 138 M -> 130 M instructions,
 * 220 -> 228 KB.
 */
#define DEFLATE_LEVEL	3	/* zlib's */
#define WHOLE_LEVEL	1	/* libdeflate's */
#define DEFLATE_OUT	((HPDF_INT)(HPDF_STREAM_BUF_SIZ * 1.1) + 13)
#define WHOLE_MAX	(16u << 20)

HPDF_STATUS	HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream, HPDF_Stream,
		    HPDF_Encrypt);

static z_stream	zs;
static int	zs_ready;	/* zs made: reset it instead */

/* libdeflate's compressor and its buffers, kept for the process. */
static struct libdeflate_compressor *whole;
static struct buf whole_in, whole_out;

static void
zs_free(void)
{
	(void)deflateEnd(&zs);
	libdeflate_free_compressor(whole);
	buf_release(&whole_in);
	buf_release(&whole_out);
}

/* Writes n bytes of out to dst, encrypted when e is given. */
static HPDF_STATUS
deflated_out(HPDF_Stream dst, HPDF_Encrypt e, HPDF_BYTE *out, HPDF_UINT n)
{
	HPDF_BYTE enc[DEFLATE_OUT];

	if (e == NULL)
		return HPDF_Stream_Write(dst, out, n);
	HPDF_Encrypt_CryptBuf(e, out, enc, n);
	return HPDF_Stream_Write(dst, enc, n);
}

/* Makes b hold at least n bytes. */
static void
room(struct buf *b, size_t n)
{
	if (b->cap < n) {
		b->data = xrealloc(b->data, n);
		b->cap = n;
	}
}

/* Memory stream src deflated in one piece to dst; src read from its start. */
static HPDF_STATUS
deflate_whole(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e)
{
	HPDF_UINT n = src->size, i, len;
	HPDF_STATUS st;
	size_t bound, out;

	if (whole == NULL && (whole = libdeflate_alloc_compressor(
	    WHOLE_LEVEL)) == NULL)
		return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, Z_MEM_ERROR);
	room(&whole_in, (size_t)n + 1);
	st = HPDF_Stream_Read(src, (HPDF_BYTE *)whole_in.data, &n);
	if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || n != src->size)
		return st != HPDF_OK ? st : HPDF_SetError(src->error,
		    HPDF_ZLIB_ERROR, Z_DATA_ERROR);
	bound = libdeflate_zlib_compress_bound(whole, n);
	room(&whole_out, bound);
	out = libdeflate_zlib_compress(whole, whole_in.data, n,
	    whole_out.data, bound);
	if (out == 0)
		return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, Z_BUF_ERROR);
	for (i = 0; i < out; i += len) {
		len = out - i < (size_t)DEFLATE_OUT ? (HPDF_UINT)(out - i) :
		    (HPDF_UINT)DEFLATE_OUT;
		if ((st = deflated_out(dst, e, (HPDF_BYTE *)whole_out.data +
		    i, len)) != HPDF_OK)
			return HPDF_SetError(src->error, HPDF_ZLIB_ERROR,
			    (HPDF_STATUS)st);
	}
	return HPDF_OK;
}

HPDF_STATUS
HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst,
    HPDF_Encrypt e)
{
	HPDF_BYTE in[HPDF_STREAM_BUF_SIZ], out[DEFLATE_OUT];
	HPDF_STATUS st;
	HPDF_UINT size;
	int zr, end = 0;

	if ((st = HPDF_Stream_Seek(src, 0, HPDF_SEEK_SET)) != HPDF_OK)
		return st;
	if (!zs_ready) {
		if ((zr = deflateInit(&zs, DEFLATE_LEVEL)) != Z_OK)
			return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, zr);
		zs_ready = 1;
		(void)atexit(zs_free);
	}
	if (src->type == HPDF_STREAM_MEMORY && src->size <= WHOLE_MAX)
		return deflate_whole(src, dst, e);
	if ((zr = deflateReset(&zs)) != Z_OK)
		return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, zr);
	zs.next_out = out;
	zs.avail_out = DEFLATE_OUT;
	while (!end) {
		size = HPDF_STREAM_BUF_SIZ;
		st = HPDF_Stream_Read(src, in, &size);
		if (st == HPDF_STREAM_EOF)
			end = 1;
		else if (st != HPDF_OK)
			return st;
		zs.next_in = in;
		zs.avail_in = size;
		while (zs.avail_in > 0) {
			zr = deflate(&zs, Z_NO_FLUSH);
			if (zr != Z_OK && zr != Z_BUF_ERROR)
				return HPDF_SetError(src->error, HPDF_ZLIB_ERROR,
				    zr);
			if (zs.avail_out == 0) {
				if ((st = deflated_out(dst, e, out,
				    DEFLATE_OUT)) != HPDF_OK)
					return HPDF_SetError(src->error,
					    HPDF_ZLIB_ERROR, (HPDF_STATUS)st);
				zs.next_out = out;
				zs.avail_out = DEFLATE_OUT;
			}
		}
	}
	do {
		zr = deflate(&zs, Z_FINISH);
		if (zr != Z_OK && zr != Z_STREAM_END)
			return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, zr);
		if (zs.avail_out < DEFLATE_OUT) {
			if ((st = deflated_out(dst, e, out,
			    DEFLATE_OUT - zs.avail_out)) != HPDF_OK)
				return HPDF_SetError(src->error,
				    HPDF_ZLIB_ERROR, (HPDF_STATUS)st);
			zs.next_out = out;
			zs.avail_out = DEFLATE_OUT;
		}
	} while (zr != Z_STREAM_END);
	return HPDF_OK;
}

/*
 * Whether a font loaded so far has a cmap whose segments do not end in
 * ascending order (the format requires it): then the glyph lookup below
 * must search the segments one by one, as libharu does.
 */
static int unsorted_cmaps;

/*
 * The original searches the cmap's segments linearly, for every code
 * point a text draws and fix_font_finish() maps (libharu's HPDF_GetFont()
 * asked it for all 65,536: 5 ms of the 8 ms that loading a face cost).
 * This one does the same by bisection when the segment ends ascend, and
 * gives the same answer for every code point: the first segment that
 * ends at or after it.  Code points come mostly in order, so the segment
 * found last is tried first.
 */
static HPDF_FontDef last_def;	/* whose segment last_seg is */
static HPDF_UINT last_seg;

/*
 * A code point drawn in a font (an entry of struct fix_widths): its
 * width, as libharu measures it, and its code in the font (its CID), 0
 * until it is drawn.
 */
struct width {
	HPDF_INT16	width;
	uint16_t	cid;
};

struct glyphs;

/*
 * A font's code points as fix_text_out() draws them: each gets the next
 * CID when it is first drawn, so a font's CIDs are 1 to ncid, and its
 * CIDToGIDMap, widths and ToUnicode map list those only (with Unicode
 * values as CIDs, a map ran to the highest code point drawn: 16 KB for a
 * text with „).
 */
struct fix_widths {
	struct bmp_table t;		/* struct width, per code point */
	uint16_t	*cps;		/* cps[cid]: the code point */
	HPDF_UINT	 ncid, cap;
	/* Set by fix_font_finish(): the glyphs to embed, numbered anew. */
	HPDF_FontDef	 def;
	struct glyphs	*sub;
	uint16_t	*newgid;	/* per glyph of the face */
	HPDF_UINT	 nsub;
};

/*
 * The faces whose glyphs fix_font_finish() numbered anew, for
 * HPDF_TTFontDef_SaveFontData() to find by their fontdef.
 */
static struct fix_widths **subsets;
static size_t nsubsets;

static struct fix_widths *
subset_of(HPDF_FontDef def)
{
	size_t i;

	for (i = 0; i < nsubsets; i++)
		if (subsets[i]->def == def)
			return subsets[i];
	return NULL;
}

HPDF_UINT16
HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)fontdef->attr;
	const HPDF_TTF_CmapRange *cm = &attr->cmap;
	HPDF_UINT n = cm->seg_count_x2 / 2, lo = 0, hi = n, mid, i, idx;

	if (cm->format == 0)
		return cm->glyph_id_array[unicode & 0xFF];
	if (cm->seg_count_x2 == 0) {
		HPDF_SetError(fontdef->error, HPDF_TTF_INVALID_CMAP, 0);
		return 0;
	}
	if (unsorted_cmaps) {
		for (i = 0; i < n && unicode > cm->end_count[i]; i++)
			;
	} else if (fontdef == last_def && last_seg < n &&
	    unicode <= cm->end_count[last_seg] && (last_seg == 0 ||
	    unicode > cm->end_count[last_seg - 1]))
		i = last_seg;
	else {
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (unicode <= cm->end_count[mid])
				hi = mid;
			else
				lo = mid + 1;
		}
		i = lo;
		last_def = fontdef;
		last_seg = i;
	}
	/* As the original: no segment holds unicode when i == n. */
	if (i == n || cm->start_count[i] > unicode)
		return 0;
	if (cm->id_range_offset[i] == 0)
		return (HPDF_UINT16)(unicode + cm->id_delta[i]);
	idx = cm->id_range_offset[i] / 2 + (unicode - cm->start_count[i]) -
	    (n - i);
	if (idx > cm->glyph_id_array_count)
		return 0;
	return (HPDF_UINT16)(cm->glyph_id_array[idx] + cm->id_delta[i]);
}

/* Notes a font whose cmap the bisection above cannot search. */
void
fix_note_cmap(HPDF_Doc doc, const char *name)
{
	HPDF_FontDef def = HPDF_GetFontDef(doc, name);
	const HPDF_TTF_CmapRange *cm;
	HPDF_UINT i;

	if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
		return;
	cm = &((HPDF_TTFontDefAttr)def->attr)->cmap;
	for (i = 1; i < (HPDF_UINT)cm->seg_count_x2 / 2; i++)
		if (cm->end_count[i - 1] > cm->end_count[i])
			unsorted_cmaps = 1;
}

/*
 * libharu 2.3.0's Type0 font for a TrueType face: HPDF_Type0Font_New()
 * and its static CIDFontType2_New(), CreateCMap(), OnFree_Func() and
 * CIDFontType2_BeforeWrite_Func(), here without what fix_font_finish()
 * replaces anyway: CIDFontType2_New() walked all 65,536 codes to give
 * the font the width (W) and glyph (CIDToGIDMap) of each, and CreateCMap()
 * printed a CMap of every code (12 fonts for the example: 9 M
 * instructions).  The dictionaries, their keys and the order their
 * objects are numbered in are libharu's (checked against the disassembly
 * of Debian 12's libhpdf-2.3.0).  Text is written in these fonts by
 * fix_text_out() only (as CIDs, which libharu's text functions cannot
 * write); HPDF_Font_TextWidth() measures UTF-8 text as libharu's does,
 * and MeasureText, which pdfgen never asks, answers nothing.  pdfgen
 * embeds TrueType faces only; a CID font definition is refused as
 * libharu refuses other types.
 */
static HPDF_TextWidth
type0_text_width(HPDF_Font font, const HPDF_BYTE *text, HPDF_UINT len)
{
	HPDF_FontAttr fa = font->attr;
	HPDF_TextWidth tw = { 0, 0, 0, 0 };
	HPDF_UINT i, n;
	uint32_t cp = 0;

	for (i = 0; i < len; i += n) {
		if ((n = (HPDF_UINT)utf8_decode((const char *)text + i,
		    len - i, &cp)) == 0) {
			n = 1;
			continue;
		}
		/* As libharu's UTF-8 encoder: a space beyond the BMP. */
		if (cp > 0xFFFF)
			cp = ' ';
		tw.width += (HPDF_UINT)HPDF_TTFontDef_GetCharWidth(fa->fontdef,
		    (HPDF_UINT16)cp);
		tw.numchars++;
		if (cp == ' ') {
			tw.numwords++;
			tw.numspace++;
		}
	}
	if (len > 0 && cp != ' ')
		tw.numwords++;
	return tw;
}

static HPDF_UINT
type0_measure(HPDF_Font font, const HPDF_BYTE *text, HPDF_UINT len,
    HPDF_REAL width, HPDF_REAL size, HPDF_REAL char_space,
    HPDF_REAL word_space, HPDF_BOOL wordwrap, HPDF_REAL *real_width)
{
	(void)font;
	(void)text;
	(void)len;
	(void)width;
	(void)size;
	(void)char_space;
	(void)word_space;
	(void)wordwrap;
	if (real_width != NULL)
		*real_width = 0;
	return 0;
}

static void
type0_free(HPDF_Dict obj)
{
	if (obj->attr != NULL)
		HPDF_FreeMem(obj->mmgr, obj->attr);
}

/* CIDSystemInfo of encoder's registry, ordering and supplement in dict. */
static HPDF_STATUS
add_system_info(HPDF_Dict dict, HPDF_CMapEncoderAttr ea)
{
	HPDF_Dict info = HPDF_Dict_New(dict->mmgr);
	HPDF_STATUS ret = 0;

	if (info == NULL || HPDF_Dict_Add(dict, "CIDSystemInfo", info) !=
	    HPDF_OK)
		return HPDF_Error_GetCode(dict->error);
	ret += HPDF_Dict_Add(info, "Registry", HPDF_String_New(dict->mmgr,
	    ea->registry, NULL));
	ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(dict->mmgr,
	    ea->ordering, NULL));
	ret += HPDF_Dict_AddNumber(info, "Supplement", ea->suppliment);
	return ret;
}

/* The ToUnicode (or Encoding) CMap stream; fix_font_finish() writes it. */
static HPDF_Dict
type0_cmap(HPDF_Encoder encoder, HPDF_Xref xref)
{
	HPDF_CMapEncoderAttr ea = encoder->attr;
	HPDF_Dict cmap = HPDF_DictStream_New(encoder->mmgr, xref);
	HPDF_STATUS ret = 0;

	if (cmap == NULL)
		return NULL;
	ret += HPDF_Dict_AddName(cmap, "Type", "CMap");
	ret += HPDF_Dict_AddName(cmap, "CMapName", encoder->name);
	ret += add_system_info(cmap, ea);
	ret += HPDF_Dict_AddNumber(cmap, "WMode", (HPDF_UINT32)ea->writing_mode);
	return ret == HPDF_OK ? cmap : NULL;
}

/* Before the font is written: its descriptor and embedded file, once. */
static HPDF_STATUS
type0_before_write(HPDF_Dict obj)
{
	HPDF_FontAttr fa = obj->attr;
	HPDF_FontDef def = fa->fontdef;
	HPDF_TTFontDefAttr da = def->attr;
	HPDF_Dict desc, data;
	HPDF_STATUS ret = 0;

	if (fa->map_stream != NULL)
		fa->map_stream->filter = obj->filter;
	if (fa->cmap_stream != NULL)
		fa->cmap_stream->filter = obj->filter;
	if (def->descriptor == NULL) {
		if ((desc = HPDF_Dict_New(obj->mmgr)) == NULL)
			return HPDF_Error_GetCode(obj->error);
		if (da->embedding) {
			data = HPDF_DictStream_New(obj->mmgr, fa->xref);
			if (data == NULL || HPDF_TTFontDef_SaveFontData(def,
			    data->stream) != HPDF_OK)
				return HPDF_Error_GetCode(obj->error);
			ret += HPDF_Dict_Add(desc, "FontFile2", data);
			ret += HPDF_Dict_AddNumber(data, "Length1", da->length1);
			ret += HPDF_Dict_AddNumber(data, "Length2", 0);
			ret += HPDF_Dict_AddNumber(data, "Length3", 0);
			data->filter = obj->filter;
			if (ret != HPDF_OK)
				return HPDF_Error_GetCode(obj->error);
		}
		ret += HPDF_Xref_Add(fa->xref, desc);
		ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
		ret += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
		ret += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
		ret += HPDF_Dict_AddNumber(desc, "Flags", def->flags);
		ret += HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(
		    obj->mmgr, def->font_bbox));
		ret += HPDF_Dict_AddName(desc, "FontName", da->base_font);
		ret += HPDF_Dict_AddNumber(desc, "ItalicAngle",
		    def->italic_angle);
		ret += HPDF_Dict_AddNumber(desc, "StemV", def->stemv);
		ret += HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
		if (ret != HPDF_OK)
			return HPDF_Error_GetCode(obj->error);
		def->descriptor = desc;
	}
	if ((ret = HPDF_Dict_AddName(obj, "BaseFont", da->base_font)) !=
	    HPDF_OK || (ret = HPDF_Dict_AddName(fa->descendant_font,
	    "BaseFont", da->base_font)) != HPDF_OK)
		return ret;
	return HPDF_Dict_Add(fa->descendant_font, "FontDescriptor",
	    def->descriptor);
}

/* The CIDFontType2 of parent, its W and map empty till finished. */
static HPDF_Font
type0_descendant(HPDF_Font parent, HPDF_Xref xref)
{
	HPDF_FontAttr fa = parent->attr;
	HPDF_FontDef def = fa->fontdef;
	HPDF_Dict font;
	HPDF_Array a;
	HPDF_STATUS ret = 0;
	static const HPDF_BYTE notdef[2];

	if ((font = HPDF_Dict_New(parent->mmgr)) == NULL ||
	    HPDF_Xref_Add(xref, font) != HPDF_OK)
		return NULL;
	parent->before_write_fn = type0_before_write;
	ret += HPDF_Dict_AddName(font, "Type", "Font");
	ret += HPDF_Dict_AddName(font, "Subtype", "CIDFontType2");
	ret += HPDF_Dict_AddNumber(font, "DW", def->missing_width);
	if (ret != HPDF_OK || (a = HPDF_Array_New(font->mmgr)) == NULL ||
	    HPDF_Dict_Add(font, "DW2", a) != HPDF_OK)
		return NULL;
	ret += HPDF_Array_AddNumber(a, (HPDF_INT32)def->font_bbox.bottom);
	ret += HPDF_Array_AddNumber(a, (HPDF_INT32)(def->font_bbox.bottom -
	    def->font_bbox.top));
	if (ret != HPDF_OK || (a = HPDF_Array_New(font->mmgr)) == NULL ||
	    HPDF_Dict_Add(font, "W", a) != HPDF_OK)
		return NULL;
	if (((HPDF_TTFontDefAttr)def->attr)->embedding) {
		/* As libharu's for one code, .notdef's glyph: until finished. */
		if ((fa->map_stream = HPDF_DictStream_New(font->mmgr,
		    xref)) == NULL || HPDF_Dict_Add(font, "CIDToGIDMap",
		    fa->map_stream) != HPDF_OK || HPDF_Stream_Write(
		    fa->map_stream->stream, notdef, 2) != HPDF_OK)
			return NULL;
	}
	return add_system_info(font, fa->encoder->attr) == HPDF_OK ? font :
	    NULL;
}

HPDF_Font
HPDF_Type0Font_New(HPDF_MMgr mmgr, HPDF_FontDef fontdef, HPDF_Encoder encoder,
    HPDF_Xref xref)
{
	HPDF_CMapEncoderAttr ea;
	HPDF_FontAttr fa;
	HPDF_Array descendants;
	HPDF_Dict font;
	HPDF_STATUS ret = 0;

	if ((font = HPDF_Dict_New(mmgr)) == NULL)
		return NULL;
	font->header.obj_class |= HPDF_OSUBCLASS_FONT;
	if (encoder->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE) {
		HPDF_SetError(font->error, HPDF_INVALID_ENCODER_TYPE, 0);
		return NULL;
	}
	if (fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
		HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_TYPE, 0);
		return NULL;
	}
	if ((fa = HPDF_GetMem(mmgr, sizeof(*fa))) == NULL) {
		HPDF_Dict_Free(font);
		return NULL;
	}
	memset(fa, 0, sizeof(*fa));
	font->write_fn = NULL;
	font->free_fn = type0_free;
	font->attr = fa;
	ea = encoder->attr;
	fa->writing_mode = ea->writing_mode;
	fa->text_width_fn = type0_text_width;
	fa->measure_text_fn = type0_measure;
	fa->fontdef = fontdef;
	fa->encoder = encoder;
	fa->xref = xref;
	if (HPDF_Xref_Add(xref, font) != HPDF_OK)
		return NULL;
	ret += HPDF_Dict_AddName(font, "Type", "Font");
	ret += HPDF_Dict_AddName(font, "BaseFont", fontdef->base_font);
	ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
	if (HPDF_StrCmp(ea->ordering, "Identity-H") == 0) {
		ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
		if ((fa->cmap_stream = type0_cmap(encoder, xref)) == NULL)
			return NULL;
		ret += HPDF_Dict_Add(font, "ToUnicode", fa->cmap_stream);
	} else {
		if ((fa->cmap_stream = type0_cmap(encoder, xref)) == NULL)
			return NULL;
		ret += HPDF_Dict_Add(font, "Encoding", fa->cmap_stream);
	}
	if (ret != HPDF_OK || (descendants = HPDF_Array_New(mmgr)) == NULL ||
	    HPDF_Dict_Add(font, "DescendantFonts", descendants) != HPDF_OK)
		return NULL;
	fa->descendant_font = type0_descendant(font, xref);
	fa->type = HPDF_FONT_TYPE0_TT;
	if (fa->descendant_font == NULL || HPDF_Array_Add(descendants,
	    fa->descendant_font) != HPDF_OK)
		return NULL;
	return font;
}

/* A face's font for UTF-8 text, made by HPDF_Type0Font_New() above. */
HPDF_Font
fix_get_font(HPDF_Doc doc, const char *name)
{
	return HPDF_GetFont(doc, name, "UTF-8");
}

static void	subset(struct fix_widths *, HPDF_FontDef);

/*
 * The font's ToUnicode map: each CID drawn to its code point, 100 to a
 * block.  (libharu 2.3.0 wrote "begincidrange", which is not a ToUnicode
 * operator: poppler warned on every page.)
 */
static HPDF_STATUS
tounicode(HPDF_FontAttr fa, const struct fix_widths *fw)
{
	struct buf b = { 0 };
	HPDF_UINT ncid = fw != NULL ? fw->ncid : 0, cid, block;
	HPDF_STATUS st;
	char line[40];

	buf_adds(&b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (cid = 1; cid <= ncid; cid++) {
		if (cid % 100 == 1) {
			block = ncid - cid + 1 < 100 ? ncid - cid + 1 : 100;
			snprintf(line, sizeof(line), "%u beginbfchar\n", block);
			buf_adds(&b, line);
		}
		snprintf(line, sizeof(line), "<%04X> <%04X>\n", cid,
		    fw->cps[cid]);
		buf_adds(&b, line);
		if (cid % 100 == 0 || cid == ncid)
			buf_adds(&b, "endbfchar\n");
	}
	buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource "
	    "pop\nend\nend\n");
	HPDF_MemStream_FreeData(fa->cmap_stream->stream);
	st = HPDF_Stream_Write(fa->cmap_stream->stream,
	    (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
	buf_release(&b);
	return st;
}

/*
 * Gives font, made by fix_get_font(), what the CIDs fix_text_out() drew
 * in it stand for: their widths (W lists those other than DW,
 * consecutive CIDs in one array), their glyphs (CIDToGIDMap; the glyphs
 * those of the embedded font, numbered anew by subset()) and their code
 * points (ToUnicode).
 */
HPDF_STATUS
fix_font_finish(HPDF_Font font, struct fix_widths *fw)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
	HPDF_FontDef def = fa->fontdef;
	HPDF_Array w, run = NULL;
	HPDF_STATUS st;
	HPDF_BYTE *map;
	HPDF_UINT16 gid;
	HPDF_INT16 width;
	HPDF_UINT cid, ncid = fw != NULL ? fw->ncid : 0;

	if (fa->type != HPDF_FONT_TYPE0_TT || fa->descendant_font == NULL ||
	    fa->map_stream == NULL || fa->cmap_stream == NULL ||
	    (w = HPDF_Dict_GetItem(fa->descendant_font, "W",
	    HPDF_OCLASS_ARRAY)) == NULL)
		return HPDF_OK;
	if ((st = tounicode(fa, fw)) != HPDF_OK)
		return st;
	if (fw != NULL && fw->sub == NULL)
		subset(fw, def);
	map = xcalloc(ncid + 1, 2);
	HPDF_Array_Clear(w);
	for (cid = 1; cid <= ncid && st == HPDF_OK; cid++) {
		gid = HPDF_TTFontDef_GetGlyphid(def, fw->cps[cid]);
		width = HPDF_TTFontDef_GetGidWidth(def, gid);
		if (fw->newgid != NULL)
			gid = gid < ((HPDF_TTFontDefAttr)def->attr)->num_glyphs ?
			    fw->newgid[gid] : 0;
		map[2 * cid] = (HPDF_BYTE)(gid >> 8);
		map[2 * cid + 1] = (HPDF_BYTE)gid;
		if (width == def->missing_width) {
			run = NULL;
			continue;
		}
		if (run == NULL) {
			if ((run = HPDF_Array_New(font->mmgr)) == NULL)
				st = HPDF_Error_GetCode(font->error);
			else if ((st = HPDF_Array_AddNumber(w,
			    (HPDF_INT32)cid)) == HPDF_OK)
				st = HPDF_Array_Add(w, run);
		}
		if (st == HPDF_OK)
			st = HPDF_Array_AddNumber(run, width);
	}
	if (st == HPDF_OK) {
		HPDF_MemStream_FreeData(fa->map_stream->stream);
		st = HPDF_Stream_Write(fa->map_stream->stream, map,
		    (HPDF_UINT)(2 * (ncid + 1)));
	}
	free(map);
	return st;
}

/*
 * libharu 2.3.0 writes an embedded TrueType font four bytes at a time
 * through its stream functions, reading the font file the same way, and
 * then reads what it wrote twice more for the checksums: a quarter of
 * the instructions of rendering a product.  This one reads each table
 * whole and writes libharu's thirteen tables (a missing one empty), the
 * glyphs libharu marked as used and, at any depth, the components of
 * composite ones (libharu follows one level), with one change: "post"
 * is written as version 3, without the glyph names no PDF reader uses
 * (27 KB of a Liberation face's 67).
 */
static const char tt_tags[][5] = {
	"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx",
	"loca", "maxp", "name", "post", "prep"
};
#define TT_NTAGS	(sizeof(tt_tags) / sizeof(tt_tags[0]))

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void
put_be16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

/* The entry of table tag in the font's directory, or NULL. */
static const HPDF_TTFTable *
tt_find(HPDF_TTFontDefAttr attr, const char *tag)
{
	const HPDF_TTFTable *t = attr->offset_tbl.table;
	HPDF_UINT i;

	for (i = 0; i < attr->offset_tbl.num_tables; i++, t++)
		if (memcmp(t->tag, tag, 4) == 0)
			return t;
	return NULL;
}

/* len bytes at off in the font file, into *out; -1 if unreadable. */
static int
tt_read(HPDF_TTFontDefAttr attr, uint32_t off, uint32_t len,
    struct buf *out)
{
	HPDF_UINT n = len;
	HPDF_STATUS st;

	out->len = 0;
	if (len == 0)
		return 0;
	if (len > (64u << 20) || off > INT32_MAX ||
	    HPDF_Stream_Seek(attr->stream, (HPDF_INT)off, HPDF_SEEK_SET) !=
	    HPDF_OK)
		return -1;
	if (out->cap < (size_t)len + 1) {
		out->data = xrealloc(out->data, (size_t)len + 1);
		out->cap = (size_t)len + 1;
	}
	st = HPDF_Stream_Read(attr->stream, (HPDF_BYTE *)out->data, &n);
	if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || n != len)
		return -1;
	out->len = n;
	return 0;
}

/* Table tag whole into *out, empty if the font has none. */
static int
tt_table(HPDF_TTFontDefAttr attr, const char *tag, struct buf *out)
{
	const HPDF_TTFTable *t = tt_find(attr, tag);

	out->len = 0;
	return t == NULL ? 0 : tt_read(attr, t->offset, t->length, out);
}

/* Where glyph gid lies in the glyf table; 0, or -1 if unsound. */
static int
glyph_range(HPDF_TTFontDefAttr attr, const struct buf *loca,
    const HPDF_TTFTable *glyf, HPDF_UINT gid, uint32_t *start,
    uint32_t *end)
{
	const unsigned char *l = (const unsigned char *)loca->data;

	if (attr->header.index_to_loc_format != 0) {
		if ((uint64_t)(gid + 2) * 4 > loca->len)
			return -1;
		*start = be32(l + 4 * gid);
		*end = be32(l + 4 * gid + 4);
	} else {
		if ((uint64_t)(gid + 2) * 2 > loca->len)
			return -1;
		*start = 2 * (uint32_t)(l[2 * gid] << 8 | l[2 * gid + 1]);
		*end = 2 * (uint32_t)(l[2 * gid + 2] << 8 | l[2 * gid + 3]);
	}
	return *start <= *end && *end <= glyf->length ? 0 : -1;
}

/*
 * The glyphs to embed, read one by one (a CJK face has a 10 MB glyf
 * table, of which a badge uses a few glyphs) into data, glyph gid at
 * at[gid], glen[gid] bytes long.
 */
struct glyphs {
	HPDF_TTFontDefAttr	 attr;
	const HPDF_TTFTable	*glyf;
	struct buf		 loca;
	struct buf		 data;
	struct buf		 win;		/* of glyf, from win_at */
	uint32_t		 win_at;
	unsigned char		*used;
	uint32_t		*at;
	uint32_t		*glen;
};

/*
 * Glyph data at [start, stop) of glyf, read through a window of 64 KB
 * (glyphs are asked for mostly in the order they lie: one read serves
 * many, where a read per glyph cost a seek and a read of the system).
 */
static const unsigned char *
glyph_data(struct glyphs *g, uint32_t start, uint32_t stop)
{
	uint32_t len = stop - start;

	if (start < g->win_at || stop > g->win_at + g->win.len) {
		if (len < (64u << 10))
			len = g->glyf->length - start < (64u << 10) ?
			    g->glyf->length - start : (64u << 10);
		g->win_at = start;
		if (tt_read(g->attr, g->glyf->offset + start, len,
		    &g->win) == -1) {
			g->win.len = 0;
			return NULL;
		}
	}
	return (const unsigned char *)g->win.data + (start - g->win_at);
}

/*
 * The length of a composite glyph's component record with these flags:
 * flags and glyph id, two arguments of one or two bytes (ARG_1_AND_2_ARE_
 * WORDS), then a scale, an x and y scale or a 2 by 2 matrix.
 */
static size_t
component_len(unsigned flags)
{
	return 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 :
	    flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
}

/* Marks gid, reads it and, if it is composite, its components. */
static void
mark_glyph(struct glyphs *g, HPDF_UINT gid, int depth)
{
	const unsigned char *p, *end;
	uint32_t start, stop;
	unsigned flags, comp, ncomp = 0, comps[64];

	if (gid >= g->attr->num_glyphs || g->used[gid] || depth > 16)
		return;
	g->used[gid] = 1;
	if (glyph_range(g->attr, &g->loca, g->glyf, gid, &start, &stop) ==
	    -1 || stop == start || (p = glyph_data(g, start, stop)) == NULL)
		return;		/* written empty */
	g->at[gid] = (uint32_t)g->data.len;
	g->glen[gid] = stop - start;
	buf_add(&g->data, (const char *)p, stop - start);
	/* From the copy: the window may move for the components. */
	p = (const unsigned char *)g->data.data + g->at[gid];
	end = p + g->glen[gid];
	if (g->glen[gid] < 10 || (p[0] & 0x80) == 0)
		return;		/* empty or simple */
	p += 10;
	do {
		if (end - p < 4 || ncomp == 64)
			break;
		flags = (unsigned)p[0] << 8 | p[1];
		comp = (unsigned)p[2] << 8 | p[3];
		p += component_len(flags);
		comps[ncomp++] = comp;
	} while (flags & 0x0020);
	/* data may move below: the ids were copied out first. */
	while (ncomp > 0)
		mark_glyph(g, comps[--ncomp], depth + 1);
}

/*
 * Reads the glyphs the document drew of attr's face (libharu flags them
 * as it measures them), glyph 0 and their components into g; -1 if the
 * face's glyf or loca cannot be read.
 */
static int
glyphs_read(struct glyphs *g, HPDF_TTFontDefAttr attr)
{
	HPDF_UINT gid;

	memset(g, 0, sizeof(*g));
	g->attr = attr;
	g->glyf = tt_find(attr, "glyf");
	if (g->glyf == NULL || attr->num_glyphs == 0 ||
	    tt_table(attr, "loca", &g->loca) == -1)
		return -1;
	g->used = xcalloc(attr->num_glyphs, 1);
	g->at = xcalloc(attr->num_glyphs, sizeof(*g->at));
	g->glen = xcalloc(attr->num_glyphs, sizeof(*g->glen));
	for (gid = 0; gid < attr->num_glyphs; gid++)
		if (attr->glyph_tbl.flgs[gid] || gid == 0)
			mark_glyph(g, gid, 0);
	return 0;
}

static void
glyphs_free(struct glyphs *g)
{
	free(g->used);
	free(g->at);
	free(g->glen);
	buf_release(&g->loca);
	buf_release(&g->data);
	buf_release(&g->win);
}

/*
 * The glyphs fw's face embeds, numbered anew in the order of their old
 * ids (.notdef stays 0): the embedded font then holds metrics and a
 * location for those only, where libharu wrote them for every glyph of
 * the face (21 KB of Liberation Sans's 40, 240 KB of a CJK face's).
 * Left unset when the face cannot be read: libharu's numbering then.
 */
static void
subset(struct fix_widths *fw, HPDF_FontDef def)
{
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
	HPDF_UINT gid;

	fw->sub = xmalloc(sizeof(*fw->sub));
	if (glyphs_read(fw->sub, attr) == -1) {
		glyphs_free(fw->sub);
		free(fw->sub);
		fw->sub = NULL;
		return;
	}
	fw->def = def;
	fw->newgid = xcalloc(attr->num_glyphs, sizeof(*fw->newgid));
	for (gid = 0, fw->nsub = 0; gid < attr->num_glyphs; gid++)
		if (fw->sub->used[gid])
			fw->newgid[gid] = (uint16_t)fw->nsub++;
	subsets = xreallocarray(subsets, nsubsets + 1, sizeof(*subsets));
	subsets[nsubsets++] = fw;
}

/* Gives the components of composite glyph p (len bytes) their new ids. */
static void
renumber_components(unsigned char *p, size_t len, const struct fix_widths *fw)
{
	const unsigned char *end = p + len;
	unsigned flags, comp, n = 0;

	if (len < 10 || (p[0] & 0x80) == 0)
		return;		/* empty or simple */
	p += 10;
	do {
		/* As mark_glyph(), which embedded the first 64. */
		if (end - p < 4 || n++ == 64)
			break;
		flags = (unsigned)p[0] << 8 | p[1];
		comp = (unsigned)p[2] << 8 | p[3];
		put_be16(p + 2, comp < fw->sub->attr->num_glyphs ?
		    fw->newgid[comp] : 0);
		p += component_len(flags);
	} while (flags & 0x0020);
}

/*
 * Table tag of a subset font, into *out: the metrics of the glyphs kept,
 * their count, and a cmap of no characters (the PDF maps them, with
 * CIDToGIDMap); 0, -1 if unreadable, 1 if the table is not one of those.
 */
static int
subset_table(const struct fix_widths *fw, const char *tag, struct buf *out)
{
	static const unsigned char no_cmap[] = {
		0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12,	/* one (3,1) table */
		0, 4, 0, 24, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0,  /* format 4 */
		0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 0, 1, 0, 0	/* end segment */
	};
	HPDF_TTFontDefAttr attr = fw->sub->attr;
	unsigned char v[4];
	HPDF_UINT gid;

	out->len = 0;
	if (strcmp(tag, "cmap") == 0) {
		buf_add(out, (const char *)no_cmap, sizeof(no_cmap));
		return 0;
	}
	if (strcmp(tag, "hmtx") == 0) {
		for (gid = 0; gid < attr->num_glyphs; gid++) {
			if (!fw->sub->used[gid])
				continue;
			put_be16(v, attr->h_metric[gid].advance_width);
			put_be16(v + 2, (uint16_t)attr->h_metric[gid].lsb);
			buf_add(out, (const char *)v, 4);
		}
		return 0;
	}
	if (strcmp(tag, "hhea") == 0 || strcmp(tag, "maxp") == 0) {
		/* numberOfHMetrics, numGlyphs */
		size_t at = strcmp(tag, "hhea") == 0 ? 34 : 4;

		if (tt_table(attr, tag, out) == -1 || out->len < at + 2)
			return -1;
		put_be16((unsigned char *)out->data + at, fw->nsub);
		return 0;
	}
	return 1;
}

HPDF_STATUS
HPDF_TTFontDef_SaveFontData(HPDF_FontDef fontdef, HPDF_Stream stream)
{
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)fontdef->attr;
	const struct fix_widths *fw = subset_of(fontdef);
	struct glyphs own, *g = fw != NULL ? fw->sub : &own;
	struct buf out = { 0 }, tab = { 0 };
	unsigned char *dir, v[4], pad[4] = { 0 };
	uint32_t at, sum, total = 0, head_at = 0;
	HPDF_UINT nglyphs = attr->num_glyphs, gid;
	size_t i, k, t_start;
	int long_loca = attr->header.index_to_loc_format != 0, r;
	HPDF_STATUS st = HPDF_OK;

	if (fw == NULL && glyphs_read(&own, attr) == -1)
		goto unreadable;
	/* The table directory: sfnt version, 13 tables, search values. */
	for (i = 0; i < 12 + TT_NTAGS * 16; i++)
		buf_addc(&out, '\0');
	put_be32((unsigned char *)out.data, attr->offset_tbl.sfnt_version);
	put_be16((unsigned char *)out.data + 4, TT_NTAGS);
	put_be16((unsigned char *)out.data + 6, 8 * 16);
	put_be16((unsigned char *)out.data + 8, 3);
	put_be16((unsigned char *)out.data + 10, TT_NTAGS * 16 - 8 * 16);
	for (i = 0; i < TT_NTAGS; i++) {
		t_start = out.len;
		if (strcmp(tt_tags[i], "glyf") == 0) {
			for (gid = 0; gid < nglyphs; gid++) {
				if (g->glen[gid] == 0)
					continue;
				k = out.len;
				buf_add(&out, g->data.data + g->at[gid],
				    g->glen[gid]);
				if (fw != NULL)
					renumber_components((unsigned char *)
					    out.data + k, g->glen[gid], fw);
				if (g->glen[gid] % 2)
					buf_addc(&out, '\0');
			}
		} else if (strcmp(tt_tags[i], "loca") == 0) {
			for (gid = at = 0; gid <= nglyphs; gid++) {
				if (fw != NULL && gid < nglyphs &&
				    !g->used[gid])
					continue;
				if (long_loca) {
					put_be32(v, at);
					buf_add(&out, (const char *)v, 4);
				} else {
					put_be16(v, at / 2);
					buf_add(&out, (const char *)v, 2);
				}
				if (gid < nglyphs)
					at += (g->glen[gid] + 1) & ~1u;
			}
		} else {
			r = fw != NULL ? subset_table(fw, tt_tags[i], &tab) : 1;
			if (r == -1 || (r == 1 &&
			    tt_table(attr, tt_tags[i], &tab) == -1))
				goto unreadable;
			if (strcmp(tt_tags[i], "post") == 0 && tab.len >= 32) {
				tab.len = 32;
				put_be32((unsigned char *)tab.data, 0x00030000);
			}
			if (strcmp(tt_tags[i], "head") == 0) {
				if (tab.len < 54)
					goto unreadable;
				head_at = (uint32_t)out.len;
				put_be32((unsigned char *)tab.data + 8, 0);
			}
			buf_add(&out, tab.data, tab.len);
		}
		/* Its entry: tag, checksum, offset, length; padded to 4. */
		k = out.len - t_start;
		buf_add(&out, (const char *)pad, (4 - k % 4) % 4);
		for (sum = 0, at = (uint32_t)t_start; at < out.len; at += 4)
			sum += be32((unsigned char *)out.data + at);
		dir = (unsigned char *)out.data + 12 + 16 * i;
		memcpy(dir, tt_tags[i], 4);
		put_be32(dir + 4, sum);
		put_be32(dir + 8, (uint32_t)t_start);
		put_be32(dir + 12, (uint32_t)k);
	}
	if (head_at == 0)
		goto unreadable;
	for (at = 0; at < out.len; at += 4)
		total += be32((unsigned char *)out.data + at);
	put_be32((unsigned char *)out.data + head_at + 8, 0xB1B0AFBA - total);
	attr->length1 = (HPDF_UINT)out.len;
	st = HPDF_Stream_Write(stream, (const HPDF_BYTE *)out.data,
	    (HPDF_UINT)out.len);
	goto done;
unreadable:
	st = HPDF_SetError(fontdef->error, HPDF_TTF_MISSING_TABLE, 0);
done:
	if (fw == NULL)
		glyphs_free(&own);
	buf_release(&out);
	buf_release(&tab);
	return st;
}

/*
 * libharu 2.3.0 writes the alpha channel of a PNG, its SMask, without a
 * filter, so a photo's transparency takes as many bytes as pixels.
 * The caller clears the error of an image without one.
 */
void
fix_png_smask(HPDF_Image img)
{
	HPDF_Dict smask = HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT);

	if (smask != NULL)
		smask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

/*
 * libharu 2.3.0 writes the content stream of a page with nothing on it as
 * zero bytes marked FlateDecode, which is no zlib stream: MuPDF and
 * Ghostscript fail on it.  An empty stream needs no filter.
 */
void
fix_empty_page(HPDF_Page page)
{
	HPDF_Dict c = HPDF_Dict_GetItem(page, "Contents", HPDF_OCLASS_DICT);

	if (c != NULL && c->stream != NULL && HPDF_Stream_Size(c->stream) == 0)
		c->filter = HPDF_STREAM_FILTER_NONE;
}

void
fix_widths_free(struct fix_widths *fw)
{
	size_t i;

	if (fw == NULL)
		return;
	for (i = 0; i < nsubsets; i++)
		if (subsets[i] == fw)
			subsets[i] = subsets[--nsubsets];
	if (nsubsets == 0) {
		free(subsets);
		subsets = NULL;
	}
	if (fw->sub != NULL)
		glyphs_free(fw->sub);
	free(fw->sub);
	free(fw->newgid);
	free(fw->cps);
	bmp_table_free(&fw->t);
	free(fw);
}

/*
 * libharu keeps each page's content stream in memory until the document
 * is saved, in blocks of HPDF_STREAM_BUF_SIZ (4,096) bytes, the first
 * taken on the first write: a door sign's 1,073 bytes held 4,096, and
 * 20,000 signs 80 MB.  A new page's stream gets PAGE_BLOCK-byte blocks
 * instead (a memory stream's blocks must all be of one size, so only
 * before anything is written); its bytes stay the same.
 */
#define PAGE_BLOCK	512

void
fix_page_blocks(HPDF_Page page)
{
	HPDF_Stream s = ((HPDF_PageAttr)page->attr)->stream;
	HPDF_MemStreamAttr a;

	if (s == NULL || s->type != HPDF_STREAM_MEMORY || s->size != 0)
		return;
	a = (HPDF_MemStreamAttr)s->attr;
	if (a->buf->count == 0 && a->w_pos == a->buf_siz)
		a->buf_siz = a->w_pos = PAGE_BLOCK;
}

/*
 * A link as HPDF_Page_CreateLinkAnnot(page, rect, dst) and
 * HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0) make it: the same object,
 * in the same place among the document's, written to the same bytes, but
 * held as a dictionary of no entries that writes its six (write_link):
 * libharu holds each entry in 136 bytes and each name in 144 more, 1.6 KB
 * a link, and the booklet of 20,000 forums has 40,000 links.
 */
struct link_annot {
	HPDF_Rect	 rect;
	HPDF_Obj_Header	*dst, *page;	/* indirect: written as references */
};

/* " 12 0 R" as libharu writes a reference, after s. */
static char *
ref(char *e, const char *s, const HPDF_Obj_Header *h, char *end)
{
	e = (char *)HPDF_StrCpy(e, s, end);
	e = HPDF_IToA(e, (HPDF_INT32)(h->obj_id & 0x00FFFFFF), end);
	*e++ = ' ';
	e = HPDF_IToA(e, h->gen_no, end);
	return (char *)HPDF_StrCpy(e, " R", end);
}

static HPDF_STATUS
write_link(HPDF_Dict d, HPDF_Stream s)
{
	const struct link_annot *l = d->attr;
	const HPDF_REAL v[4] = { l->rect.left, l->rect.bottom, l->rect.right,
	    l->rect.top };
	char buf[HPDF_TMP_BUF_SIZ * 2], *e = buf, *end = buf + sizeof(buf) - 1;
	int i;

	e = (char *)HPDF_StrCpy(e, "/Rect [ ", end);
	for (i = 0; i < 4; i++) {
		e = HPDF_FToA(e, v[i], end);
		*e++ = ' ';
	}
	e = (char *)HPDF_StrCpy(e, "]\012/Type /Annot\012/Subtype /Link\012",
	    end);
	e = ref(e, "/Dest ", l->dst, end);
	e = ref(e, "\012/P ", l->page, end);
	e = (char *)HPDF_StrCpy(e, "\012/Border [ 0 0 0 ]\012", end);
	return HPDF_Stream_Write(s, (const HPDF_BYTE *)buf, (HPDF_UINT)(e - buf));
}

static void
free_link(HPDF_Dict d)
{
	HPDF_FreeMem(d->mmgr, d->attr);
	d->attr = NULL;
}

HPDF_STATUS
fix_link(HPDF_Page page, HPDF_Rect rect, HPDF_Destination dst)
{
	HPDF_PageAttr pa = (HPDF_PageAttr)page->attr;
	HPDF_Dict annot;
	HPDF_Array annots;
	struct link_annot *l;
	HPDF_REAL t;

	if ((annot = HPDF_Dict_New(page->mmgr)) == NULL)
		return HPDF_Error_GetCode(page->error);
	if (HPDF_Xref_Add(pa->xref, annot) != HPDF_OK ||
	    (l = HPDF_GetMem(page->mmgr, sizeof(*l))) == NULL)
		return HPDF_Error_GetCode(page->error);
	annot->header.obj_class |= HPDF_OSUBCLASS_ANNOTATION;
	/* As HPDF_Annotation_New() has it: the top above the bottom. */
	if (rect.top < rect.bottom) {
		t = rect.top;
		rect.top = rect.bottom;
		rect.bottom = t;
	}
	l->rect = rect;
	l->dst = (HPDF_Obj_Header *)dst;
	l->page = (HPDF_Obj_Header *)page;
	annot->attr = l;
	annot->write_fn = write_link;
	annot->free_fn = free_link;
	if ((annots = HPDF_Dict_GetItem(page, "Annots",
	    HPDF_OCLASS_ARRAY)) == NULL) {
		if ((annots = HPDF_Array_New(page->mmgr)) == NULL ||
		    HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK)
			return HPDF_Error_GetCode(page->error);
	}
	return HPDF_Array_Add(annots, annot);
}

/*
 * A bookmark as HPDF_CreateOutline(doc, parent, title, enc) and
 * HPDF_Outline_SetDestination() of a FitH destination make it: the same
 * objects, in the same order, written to the same bytes, but each held as
 * a dictionary of no entries that writes its own (write_outline) from a
 * struct outline, 1.6 KB less a bookmark: libharu holds every entry (the
 * title, the type, the parent, the neighbours, the destination) in 136
 * bytes and more, and there are 20,000 bookmarks in the signs of 20,000
 * forums.  Their root stays libharu's, counting them with count_root.
 */
struct outline {
	HPDF_String	 title;		/* direct: freed with it */
	HPDF_Dict	 parent, prev, next, first, last;
	HPDF_Destination dst;
	int		 next_early;	/* its Next came before its First */
};

static HPDF_STATUS write_outline(HPDF_Dict, HPDF_Stream);

/* How many bookmarks are under o, all open (libharu's CountChild). */
static HPDF_UINT
count_under(HPDF_Dict o)
{
	HPDF_Dict c = o->write_fn == write_outline ?
	    ((struct outline *)o->attr)->first :
	    HPDF_Dict_GetItem(o, "First", HPDF_OCLASS_DICT);
	HPDF_UINT n = 0;

	for (; c != NULL; c = ((struct outline *)c->attr)->next)
		n += 1 + count_under(c);
	return n;
}

/* libharu's BeforeWrite of the root, counting through count_under. */
static HPDF_STATUS
count_root(HPDF_Dict root)
{
	HPDF_Number n = HPDF_Dict_GetItem(root, "Count", HPDF_OCLASS_NUMBER);
	HPDF_INT32 count = (HPDF_INT32)count_under(root);

	if (count == 0 && n != NULL)
		return HPDF_Dict_RemoveElement(root, "Count");
	if (!HPDF_Outline_GetOpened(root))
		count = -count;
	if (n != NULL)
		n->value = count;
	else if (count != 0)
		return HPDF_Dict_AddNumber(root, "Count", count);
	return HPDF_OK;
}

/* "/Key 12 0 R\n" for obj, when there is one. */
static HPDF_STATUS
write_ref(HPDF_Stream s, const char *key, const void *obj)
{
	char buf[HPDF_TMP_BUF_SIZ], *e;

	if (obj == NULL)
		return HPDF_OK;
	e = ref(buf, key, obj, buf + sizeof(buf) - 2);
	*e++ = '\012';
	return HPDF_Stream_Write(s, (const HPDF_BYTE *)buf,
	    (HPDF_UINT)(e - buf));
}

/* In the order in which libharu adds the entries. */
static HPDF_STATUS
write_outline(HPDF_Dict d, HPDF_Stream s)
{
	const struct outline *o = d->attr;
	HPDF_UINT n = count_under(d);
	HPDF_STATUS st;

	if ((st = HPDF_Stream_WriteStr(s, "/Title ")) != HPDF_OK ||
	    (st = HPDF_String_Write(o->title, s, NULL)) != HPDF_OK ||
	    (st = HPDF_Stream_WriteStr(s, "\012/Type /Outlines\012")) !=
	    HPDF_OK || (st = write_ref(s, "/Prev ", o->prev)) != HPDF_OK ||
	    (st = write_ref(s, "/Parent ", o->parent)) != HPDF_OK ||
	    (st = write_ref(s, "/Dest ", o->dst)) != HPDF_OK ||
	    (o->next_early && (st = write_ref(s, "/Next ", o->next)) !=
	    HPDF_OK) || (st = write_ref(s, "/First ", o->first)) != HPDF_OK ||
	    (st = write_ref(s, "/Last ", o->last)) != HPDF_OK ||
	    (!o->next_early && (st = write_ref(s, "/Next ", o->next)) !=
	    HPDF_OK))
		return st;
	if (n > 0 && ((st = HPDF_Stream_WriteStr(s, "/Count ")) != HPDF_OK ||
	    (st = HPDF_Stream_WriteUInt(s, n)) != HPDF_OK ||
	    (st = HPDF_Stream_WriteStr(s, "\012")) != HPDF_OK))
		return st;
	return HPDF_OK;
}

static void
free_outline(HPDF_Dict d)
{
	struct outline *o = d->attr;

	HPDF_String_Free(o->title);
	HPDF_FreeMem(d->mmgr, o);
	d->attr = NULL;
}

/* libharu's AddChild: item goes last under parent. */
static HPDF_STATUS
add_child(HPDF_Dict parent, HPDF_Dict item)
{
	struct outline *o = item->attr, *pa = NULL, *la;
	HPDF_Dict last;

	if (parent->write_fn == write_outline) {
		pa = parent->attr;
		last = pa->last;
		if (pa->first == NULL) {
			pa->first = item;
			pa->next_early = pa->next != NULL;
		}
		pa->last = item;
	} else {
		last = HPDF_Dict_GetItem(parent, "Last", HPDF_OCLASS_DICT);
		if ((HPDF_Dict_GetItem(parent, "First", HPDF_OCLASS_DICT) ==
		    NULL && HPDF_Dict_Add(parent, "First", item) != HPDF_OK) ||
		    HPDF_Dict_Add(parent, "Last", item) != HPDF_OK)
			return HPDF_Error_GetCode(item->error);
	}
	if (last != NULL) {
		/* Only bookmarks of fix_outline() under parent. */
		if (last->write_fn != write_outline)
			return HPDF_SetError(item->error, HPDF_INVALID_OUTLINE,
			    0);
		la = last->attr;
		la->next = item;
		o->prev = last;
	}
	o->parent = parent;
	return HPDF_OK;
}

HPDF_Outline
fix_outline(HPDF_Doc doc, HPDF_Outline parent, const char *title,
    HPDF_Encoder enc, HPDF_Page page, HPDF_REAL top)
{
	HPDF_Dict d;
	struct outline *o;

	if (parent == NULL && (parent = doc->outlines) == NULL) {
		if ((parent = HPDF_OutlineRoot_New(doc->mmgr, doc->xref)) ==
		    NULL)
			return NULL;
		if (HPDF_Dict_Add(doc->catalog, "Outlines", parent) != HPDF_OK)
			return NULL;
		parent->before_write_fn = count_root;
		doc->outlines = parent;
	}
	if ((d = HPDF_Dict_New(doc->mmgr)) == NULL ||
	    HPDF_Xref_Add(doc->xref, d) != HPDF_OK ||
	    (o = HPDF_GetMem(doc->mmgr, sizeof(*o))) == NULL)
		return NULL;
	memset(o, 0, sizeof(*o));
	d->attr = o;
	d->write_fn = write_outline;
	d->free_fn = free_outline;
	d->header.obj_class |= HPDF_OSUBCLASS_OUTLINE;
	if ((o->title = HPDF_String_New(doc->mmgr, title, enc)) == NULL ||
	    add_child(parent, d) != HPDF_OK ||
	    (o->dst = HPDF_Page_CreateDestination(page)) == NULL ||
	    HPDF_Destination_SetFitH(o->dst, top) != HPDF_OK)
		return NULL;
	return d;
}

/*
 * HPDF_SaveToStream() writes the document into a memory stream of
 * libharu's, which the caller then reads out: the whole file in memory
 * at the end, 23 MB for the booklet of 20,000 forums.  It keeps a stream
 * the document has already and empties it only when it is one of memory:
 * given a writer to fp (write_file), it writes the same bytes to the file.
 */
struct save {
	FILE		*fp;
	int		 err;		/* errno of a failed write */
};

static HPDF_STATUS
write_file(HPDF_Stream s, const HPDF_BYTE *p, HPDF_UINT n)
{
	struct save *sv = s->attr;

	if (fwrite(p, 1, n, sv->fp) == n)
		return HPDF_OK;
	sv->err = errno != 0 ? errno : EIO;
	return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, (HPDF_STATUS)sv->err);
}

HPDF_STATUS
fix_save(HPDF_Doc doc, FILE *fp, int *err)
{
	struct save sv = { fp, 0 };
	HPDF_STATUS st;

	if (doc->stream != NULL)
		HPDF_Stream_Free(doc->stream);
	if ((doc->stream = HPDF_CallbackWriter_New(doc->mmgr, write_file,
	    &sv)) == NULL)
		return HPDF_Error_GetCode(&doc->error);
	st = HPDF_SaveToStream(doc);
	HPDF_Stream_Free(doc->stream);
	doc->stream = NULL;
	*err = sv.err;
	return st;
}

/*
 * What HPDF_Page_TextOut(page, x, y, s) writes right after BT (the text
 * matrix the identity) in font, "x y Td\n<hex> Tj\n", written here to
 * the page's content stream, with libharu's status; *left set to leave s
 * to libharu instead (a font that is not Type0).  *widths is the font's,
 * made on first use.  libharu 2.3.0 decodes the text twice, once to
 * measure it (only to move a text position that pdfgen, drawing each
 * text in its own BT/ET, never uses) and once to encode it as the font's
 * codes, the code points (Identity-H): 60% of drawing the text of a
 * badge.  The codes here are the font's CIDs (struct fix_widths), not
 * code points.  Measuring is what marks the glyphs for the font subset,
 * so each code point's width is asked once, as libharu asks it; as
 * libharu, a text of width 0 is not written, and a code point beyond the
 * BMP (which pdf.c draws as an outline) is a space.
 */
HPDF_STATUS
fix_text_out(HPDF_Page page, HPDF_Font font, struct fix_widths **widths,
    double x, double y, const char *s, size_t len, int *left)
{
	static const char hex[] = "0123456789ABCDEF";
	HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
	HPDF_PageAttr pa = (HPDF_PageAttr)page->attr;
	struct fix_widths *fw;
	struct width *w;
	char small[HPDF_TMP_BUF_SIZ + 1024], *buf = small, *e, *end;
	size_t i, n, need;
	uint32_t cp;
	long width = 0;
	HPDF_STATUS st = HPDF_OK;

	*left = 1;
	if (fa->type != HPDF_FONT_TYPE0_TT)
		return HPDF_OK;
	*left = 0;
	if (*widths == NULL) {
		*widths = xcalloc(1, sizeof(**widths));
		(*widths)->t.size = sizeof(struct width);
	}
	fw = *widths;
	/* Four hex digits per code point, a code point per byte at most. */
	need = HPDF_TMP_BUF_SIZ + 4 * len + 16;
	if (need > sizeof(small))
		buf = xmalloc(need);
	/* The numbers as HPDF_Page_MoveTextPos() writes them, in floats. */
	end = buf + HPDF_TMP_BUF_SIZ - 1;
	e = HPDF_FToA(buf, (HPDF_REAL)x, end);
	*e++ = ' ';
	e = HPDF_FToA(e, (HPDF_REAL)y, end);
	memcpy(e, " Td\012<", 5);
	e += 5;
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			n = 1;		/* util.h's callers pass UTF-8 */
			continue;
		}
		/* As libharu's UTF-8 encoder: a space beyond the BMP. */
		if (cp > 0xFFFF)
			cp = ' ';
		w = bmp_entry(&fw->t, cp);
		if (w->cid == 0) {
			w->width = HPDF_TTFontDef_GetCharWidth(fa->fontdef,
			    (HPDF_UINT16)cp);
			if (fw->ncid + 2 > fw->cap) {
				fw->cap = 2 * fw->cap + 64;
				fw->cps = xreallocarray(fw->cps, fw->cap,
				    sizeof(*fw->cps));
			}
			w->cid = (uint16_t)++fw->ncid;
			fw->cps[w->cid] = (uint16_t)cp;
		}
		width += w->width;
		*e++ = hex[w->cid >> 12];
		*e++ = hex[w->cid >> 8 & 15];
		*e++ = hex[w->cid >> 4 & 15];
		*e++ = hex[w->cid & 15];
	}
	/* As libharu: a text of no width is not written. */
	if (width != 0) {
		memcpy(e, "> Tj\012", 5);
		e += 5;
		st = HPDF_Stream_Write(pa->stream, (const HPDF_BYTE *)buf,
		    (HPDF_UINT)(e - buf));
	}
	if (buf != small)
		free(buf);
	return st;
}

#else	/* another libharu: its own functions, and no repairs */

HPDF_Font
fix_get_font(HPDF_Doc doc, const char *name)
{
	return HPDF_GetFont(doc, name, "UTF-8");
}

HPDF_STATUS
fix_font_finish(HPDF_Font font, struct fix_widths *fw)
{
	(void)font;
	(void)fw;
	return HPDF_OK;
}

void
fix_widths_free(struct fix_widths *fw)
{
	(void)fw;
}

void
fix_note_cmap(HPDF_Doc doc, const char *name)
{
	(void)doc;
	(void)name;
}

void
fix_png_smask(HPDF_Image img)
{
	(void)img;
}

void
fix_empty_page(HPDF_Page page)
{
	(void)page;
}

void
fix_page_blocks(HPDF_Page page)
{
	(void)page;
}

HPDF_Outline
fix_outline(HPDF_Doc doc, HPDF_Outline parent, const char *title,
    HPDF_Encoder enc, HPDF_Page page, HPDF_REAL top)
{
	HPDF_Outline o = HPDF_CreateOutline(doc, parent, title, enc);
	HPDF_Destination dst;

	if (o == NULL || (dst = HPDF_Page_CreateDestination(page)) == NULL ||
	    HPDF_Destination_SetFitH(dst, top) != HPDF_OK ||
	    HPDF_Outline_SetDestination(o, dst) != HPDF_OK)
		return NULL;
	return o;
}

HPDF_STATUS
fix_save(HPDF_Doc doc, FILE *fp, int *err)
{
	HPDF_BYTE buf[8192];
	HPDF_UINT32 n;
	HPDF_STATUS st;

	*err = 0;
	if ((st = HPDF_SaveToStream(doc)) != HPDF_OK ||
	    (st = HPDF_ResetStream(doc)) != HPDF_OK)
		return st;
	do {
		n = sizeof(buf);
		st = HPDF_ReadFromStream(doc, buf, &n);
		if (n > 0 && fwrite(buf, 1, n, fp) != n) {
			*err = errno != 0 ? errno : EIO;
			return HPDF_FILE_IO_ERROR;
		}
	} while (st == HPDF_OK);
	return st == HPDF_STREAM_EOF ? HPDF_OK : st;
}

HPDF_STATUS
fix_link(HPDF_Page page, HPDF_Rect rect, HPDF_Destination dst)
{
	HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(page, rect, dst);

	/* Without a border style, viewers draw a black frame round it. */
	return a == NULL ? HPDF_Error_GetCode(page->error) :
	    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

HPDF_STATUS
fix_text_out(HPDF_Page page, HPDF_Font font, struct fix_widths **widths,
    double x, double y, const char *s, size_t len, int *left)
{
	(void)page;
	(void)font;
	(void)widths;
	(void)x;
	(void)y;
	(void)s;
	(void)len;
	*left = 1;
	return HPDF_OK;
}

#endif

/*
 * Any libharu: a page's TrimBox or BleedBox (name), as an array in its
 * dictionary, made with its memory manager.  Returns libharu's status.
 */
HPDF_STATUS
fix_page_box(HPDF_Page page, const char *name, HPDF_Box b)
{
	HPDF_Array a;

	if ((a = HPDF_Box_Array_New(page->mmgr, b)) == NULL)
		return HPDF_Error_GetCode(page->error);
	return HPDF_Dict_Add(page, name, a);
}
