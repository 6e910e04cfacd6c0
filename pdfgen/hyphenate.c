/*
 * Implementation of hyphenate.h over libhyphen.
 */
#define _DEFAULT_SOURCE
#include <sys/mman.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hyphen.h>

#include "hyphenate.h"
#include "internal.h"
#include "util.h"

#ifndef HYPH_DIR
#define HYPH_DIR "/usr/share/hyphen"
#endif

enum lang {
	LANG_DE,
	LANG_EN,
	LANG__MAX
};

static const char *const dict_files[LANG__MAX] = {
	HYPH_DIR "/hyph_de_DE.dic",	/* LANG_DE, from hyphen-de */
	HYPH_DIR "/hyph_en_US.dic"	/* LANG_EN, from hyphen-en-us */
};

/*
 * Loaded on first use and kept for the process.  libhyphen builds the
 * German automaton (278,832 states) from its patterns in about 1.2 s, so
 * the build does it once (tests/mkhyph.c) and compiles the result in
 * (pdfgen/hyphdata.c), where it is read in milliseconds.  There is no
 * cache at run time: nothing another user could plant or change.
 */
static HyphenDict *dicts[LANG__MAX];
static int tried[LANG__MAX];
static int freed_at_exit;
static int use_built = 1;	/* 0: from the patterns (hyph_use_built) */
static int from_build[LANG__MAX];

#if defined(__SANITIZE_ADDRESS__)
/*
 * libhyphen 2.8.8 loses memory in hnj_hyphen_load_line for patterns that
 * occur twice (hyph_de_DE.dic has such), even after hnj_hyphen_free; the
 * leak is bounded (once per dictionary) and not ours.  tests/libhyphen.supp
 * says the same to valgrind.
 */
const char *__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libhyphen.so\n";
}
#endif

static int
lang_of(const char *lang)
{
	if (lang == NULL)
		return -1;
	if (strncmp(lang, "de", 2) == 0 && (lang[2] == '\0' ||
	    lang[2] == '-' || lang[2] == '_'))
		return LANG_DE;
	if (strncmp(lang, "en", 2) == 0 && (lang[2] == '\0' ||
	    lang[2] == '-' || lang[2] == '_'))
		return LANG_EN;
	return -1;
}

/*
 * A built automaton (hyph_build(), compiled in as hyph_blobs[]) is a
 * header that names the source file (its path, size and modification
 * time, so an updated hyphen-de package makes it stale: the patterns are
 * then loaded instead) and the struct sizes of the build that wrote it,
 * then the source path, then the body: the levels of the dictionary field
 * by field.  Numbers in
 * the body are unsigned LEB128, which halves the file (most are below 128
 * or are state numbers of three bytes), and reading it is a good part of
 * the load.  The body carries a checksum because the index checks in
 * get_level only keep damaged data from crashing us: a changed digit in a
 * pattern would pass them and silently move hyphenation points.  Any
 * mismatch means the patterns are loaded instead.
 */
#define CACHE_MAGIC	"pdfgHYC\n"
#define CACHE_VERSION	1
#define CACHE_LEVELS	8	/* libhyphen makes two */
#define CACHE_MAX	(256L << 20)	/* German is about 4 MB */
#define STATE_MIN	4	/* bytes of a state without strings or moves */
#define TRANS_MIN	2	/* bytes of one transition */

struct cache_head {
	char		magic[8];
	uint32_t	version;
	uint32_t	byte_order;	/* 0x01020304 as the writer stored it */
	uint32_t	sizes[4];	/* of HyphenDict, State, Trans and int */
	int64_t		src_size;
	int64_t		src_sec;	/* modification time of the source */
	int64_t		src_nsec;
	uint64_t	body_len;
	uint64_t	body_sum;
	uint32_t	path_len;	/* the source path follows the header */
	uint32_t	zero;
};

/*
 * Where a dictionary read from the cache lives: its levels, states,
 * strings and transitions in a few large blocks instead of one allocation
 * each (German has 280,000 states: allocating them was most of reading
 * the cache, and freeing them at exit took half as long again).  Such a
 * dictionary is freed with its arena, never with hnj_hyphen_free().
 */
#define ARENA_BLOCK	(1 << 20)
#define HUGE_PAGE	(2 << 20)

struct arena {
	char		**blocks;
	size_t		 n;
	char		*p;		/* the free rest of the last block */
	size_t		 left;
};

/* The cursor of a reader: get_* return -1 when the file ends too soon. */
struct rd {
	const char	*p;
	const char	*end;
	struct arena	*a;		/* where what is read goes */
};

/*
 * A zeroed block of len bytes (a multiple of HUGE_PAGE), in huge pages
 * where the system gives them: German's 280,000 states fill 11 MB, and
 * faulting that in 4 KB pages took most of the load.
 */
static void *
block_alloc(size_t len)
{
	void *p;

	if (posix_memalign(&p, HUGE_PAGE, len) != 0)
		return xcalloc(1, len);
#ifdef MADV_HUGEPAGE
	(void)madvise(p, len, MADV_HUGEPAGE);
#endif
	return memset(p, 0, len);
}

/* Zeroed memory for size bytes, aligned for any of libhyphen's fields. */
static void *
arena_alloc(struct arena *a, size_t size)
{
	size_t want = (size + 15) & ~(size_t)15, len;
	char *block;

	if (want > a->left) {
		len = want > ARENA_BLOCK ? want : ARENA_BLOCK;
		len = (len + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
		block = block_alloc(len);
		a->blocks = xreallocarray(a->blocks, a->n + 1,
		    sizeof(*a->blocks));
		a->blocks[a->n++] = block;
		/* A block of its own leaves the last one's rest for later. */
		if (len == want)
			return block;
		a->p = block;
		a->left = len;
	}
	block = a->p;
	a->p += want;
	a->left -= want;
	return block;
}

static void
arena_free(struct arena *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->blocks[i]);
	free(a->blocks);
	memset(a, 0, sizeof(*a));
}

/* The arena of each of dicts[]; empty when libhyphen loaded it. */
static struct arena arenas[LANG__MAX];

static void
head_for(struct cache_head *h, const char *src, const struct stat *st)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->magic, CACHE_MAGIC, sizeof(h->magic));
	h->version = CACHE_VERSION;
	h->byte_order = 0x01020304;
	h->sizes[0] = sizeof(HyphenDict);
	h->sizes[1] = sizeof(HyphenState);
	h->sizes[2] = sizeof(HyphenTrans);
	h->sizes[3] = sizeof(int);
	h->src_size = (int64_t)st->st_size;
	h->src_sec = (int64_t)st->st_mtim.tv_sec;
	h->src_nsec = (int64_t)st->st_mtim.tv_nsec;
	h->path_len = (uint32_t)strlen(src);
}

/*
 * FNV-1a over 8-byte words in four independent lanes: byte by byte, or
 * in one lane waiting on each multiplication, it took milliseconds.
 */
static uint64_t
checksum(const char *p, size_t n)
{
	const uint64_t prime = 0x100000001b3u;
	uint64_t h[4] = { 0xcbf29ce484222325u, 1, 2, 3 }, w;
	int i;

	for (; n >= 32; p += 32, n -= 32) {
		for (i = 0; i < 4; i++) {
			memcpy(&w, p + 8 * i, 8);
			h[i] = (h[i] ^ w) * prime;
			h[i] ^= h[i] >> 29;
		}
	}
	for (; n > 0; p++, n--)
		h[0] = (h[0] ^ (unsigned char)*p) * prime;
	for (i = 1; i < 4; i++)
		h[0] = (h[0] ^ h[i]) * prime;
	return h[0];
}

static void
put_num(struct buf *b, unsigned v)
{
	for (; v >= 0x80; v >>= 7)
		buf_addc(b, (char)(0x80 | (v & 0x7f)));
	buf_addc(b, (char)v);
}

/* A string as its length plus one (0 for NULL), then its bytes. */
static void
put_str(struct buf *b, const char *s)
{
	size_t n = s == NULL ? 0 : strlen(s);

	put_num(b, s == NULL ? 0 : (unsigned)n + 1);
	buf_add(b, s == NULL ? "" : s, n);
}

static void
put_level(struct buf *b, const HyphenDict *d)
{
	const char mins[4] = { d->lhmin, d->rhmin, d->clhmin, d->crhmin };
	const HyphenState *s;
	const char *nh;
	int i, k;

	buf_add(b, mins, sizeof(mins));
	put_num(b, (unsigned)d->nohyphenl);
	/* nohyphen is nohyphenl + 1 strings, each after the other's NUL. */
	if ((nh = d->nohyphen) != NULL) {
		for (k = 0; k <= d->nohyphenl; k++)
			nh += strlen(nh) + 1;
		put_num(b, (unsigned)(nh - d->nohyphen));
		buf_add(b, d->nohyphen, (size_t)(nh - d->nohyphen));
	} else
		put_num(b, 0);
	put_num(b, (unsigned)d->num_states);
	buf_add(b, d->cset, sizeof(d->cset));
	put_num(b, (unsigned)d->utf8);
	for (i = 0; i < d->num_states; i++) {
		s = &d->states[i];
		put_num(b, (unsigned)(s->fallback_state + 1));
		put_num(b, (unsigned)s->num_trans);
		put_str(b, s->match);
		put_str(b, s->repl);
		/* libhyphen leaves these unset (and unread) without a match. */
		if (s->match != NULL) {
			buf_addc(b, (char)s->replindex);
			buf_addc(b, (char)s->replcut);
		}
		for (k = 0; k < s->num_trans; k++) {
			buf_addc(b, s->trans[k].ch);
			put_num(b, (unsigned)s->trans[k].new_state);
		}
	}
}

static int
get(struct rd *r, void *out, size_t n)
{
	if ((size_t)(r->end - r->p) < n)
		return -1;
	memcpy(out, r->p, n);
	r->p += n;
	return 0;
}

/* A number below max; lengths are checked by the caller once read. */
static int
get_num(struct rd *r, int *v, long max)
{
	uint64_t x = 0;
	unsigned char c;
	int shift;

	for (shift = 0; shift < 35 && r->p < r->end; shift += 7) {
		c = (unsigned char)*r->p++;
		x |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			if (x >= (uint64_t)max)
				return -1;
			*v = (int)x;
			return 0;
		}
	}
	return -1;
}

/* Leaves *s alone for NULL: the caller's state starts out zeroed. */
static int
get_str(struct rd *r, char **s)
{
	int n;

	if (get_num(r, &n, INT_MAX) == -1 || n - 1 > r->end - r->p)
		return -1;
	if (n-- == 0)
		return 0;
	*s = arena_alloc(r->a, (size_t)n + 1);
	memcpy(*s, r->p, (size_t)n);
	r->p += n;
	return 0;
}

/* Reads one level into d (zeroed), in r's arena. */
static int
get_level(struct rd *r, HyphenDict *d)
{
	char mins[4];
	HyphenState *s;
	int i, k, n, nuls;

	if (get(r, mins, sizeof(mins)) == -1 ||
	    get_num(r, &d->nohyphenl, INT_MAX) == -1 ||
	    get_num(r, &n, INT_MAX) == -1 || n > r->end - r->p)
		return -1;
	d->lhmin = mins[0];
	d->rhmin = mins[1];
	d->clhmin = mins[2];
	d->crhmin = mins[3];
	if (n > 0) {
		/* libhyphen walks nohyphenl + 1 strings: all must be there. */
		for (i = nuls = 0; i < n; i++)
			nuls += r->p[i] == '\0';
		if (r->p[n - 1] != '\0' || nuls != d->nohyphenl + 1)
			return -1;
		d->nohyphen = arena_alloc(r->a, (size_t)n);
		memcpy(d->nohyphen, r->p, (size_t)n);
		r->p += n;
	}
	if (get_num(r, &n, INT_MAX) == -1 || n < 1 ||
	    n > (r->end - r->p) / STATE_MIN)
		return -1;
	d->states = arena_alloc(r->a, (size_t)n * sizeof(*d->states));
	d->num_states = n;
	if (get(r, d->cset, sizeof(d->cset)) == -1 ||
	    get_num(r, &d->utf8, 2) == -1)
		return -1;
	d->cset[sizeof(d->cset) - 1] = '\0';
	for (i = 0; i < n; i++) {
		s = &d->states[i];
		/* A state has at most one move per byte value. */
		if (get_num(r, &s->fallback_state, (long)n + 1) == -1 ||
		    get_num(r, &k, 257) == -1 ||
		    get_str(r, &s->match) == -1 ||
		    get_str(r, &s->repl) == -1 ||
		    (s->match != NULL && (get(r, &s->replindex, 1) == -1 ||
		    get(r, &s->replcut, 1) == -1)) ||
		    k > (r->end - r->p) / TRANS_MIN)
			return -1;
		s->fallback_state--;
		if (k == 0)
			continue;
		s->trans = arena_alloc(r->a, (size_t)k * sizeof(*s->trans));
		s->num_trans = k;
		for (k = 0; k < s->num_trans; k++) {
			if (get(r, &s->trans[k].ch, 1) == -1 ||
			    get_num(r, &s->trans[k].new_state, n) == -1)
				return -1;
		}
	}
	return 0;
}

/* The dictionary in data, built from src, in arena a; NULL if not current. */
static HyphenDict *
built_load(const char *data, size_t len, const char *src,
    const struct stat *src_st, struct arena *a)
{
	struct cache_head h, want;
	struct rd r;
	HyphenDict *d = NULL, *l, *prev = NULL;
	size_t off;
	int i, levels;

	if (len < sizeof(h) || len > CACHE_MAX)
		return NULL;
	memcpy(&h, data, sizeof(h));
	head_for(&want, src, src_st);
	off = sizeof(h) + want.path_len;
	if (off > len)
		return NULL;
	want.body_len = len - off;
	want.body_sum = h.body_sum;
	if (memcmp(&h, &want, sizeof(h)) != 0 ||
	    memcmp(data + sizeof(h), src, want.path_len) != 0 ||
	    checksum(data + off, len - off) != h.body_sum)
		return NULL;
	r.p = data + off;
	r.end = data + len;
	r.a = a;
	if (get_num(&r, &levels, CACHE_LEVELS + 1) == -1 || levels < 1)
		goto fail;
	for (i = 0; i < levels; i++) {
		l = arena_alloc(a, sizeof(*l));
		if (prev != NULL)
			prev->nextlevel = l;
		else
			d = l;
		prev = l;
		if (get_level(&r, l) == -1)
			goto fail;
	}
	if (r.p != r.end)
		goto fail;
	return d;
fail:
	arena_free(a);
	return NULL;
}

int
hyph_build(const char *lang, struct buf *b)
{
	struct cache_head h;
	struct stat st;
	HyphenDict *d;
	const HyphenDict *l;
	const char *src;
	size_t off;
	int levels = 0;

	if (lang_of(lang) < 0)
		return -1;
	src = dict_files[lang_of(lang)];
	if (stat(src, &st) == -1 || (d = hnj_hyphen_load(src)) == NULL)
		return -1;
	head_for(&h, src, &st);
	off = b->len;
	buf_add(b, (const char *)&h, sizeof(h));
	buf_add(b, src, h.path_len);
	for (l = d; l != NULL; l = l->nextlevel)
		levels++;
	put_num(b, (unsigned)levels);
	for (l = d; l != NULL; l = l->nextlevel)
		put_level(b, l);
	hnj_hyphen_free(d);
	off += sizeof(h) + h.path_len;
	h.body_len = b->len - off;
	h.body_sum = checksum(b->data + off, b->len - off);
	memcpy(b->data + off - sizeof(h) - h.path_len, &h, sizeof(h));
	return 0;
}

int
hyph_check_built(const char *lang, const char *data, size_t len)
{
	struct arena a = { 0 };
	struct stat st;
	const char *src;

	if (lang_of(lang) < 0)
		return -1;
	src = dict_files[lang_of(lang)];
	if (stat(src, &st) == -1 || built_load(data, len, src, &st, &a) ==
	    NULL)
		return -1;
	arena_free(&a);
	return 0;
}

/*
 * Loads the patterns of language l: the automaton built with pdfgen
 * (into arena a) when it is current, else from the patterns (a stays
 * empty).
 */
static HyphenDict *
dict_load(int l, struct arena *a)
{
	const struct hyph_blob *bl = &hyph_blobs[l];
	const char *src = dict_files[l];
	struct stat st;
	HyphenDict *d = NULL;

	if (stat(src, &st) == -1)
		return NULL;
	if (use_built && bl->end > bl->start)
		d = built_load(bl->start, (size_t)(bl->end - bl->start), src,
		    &st, a);
	from_build[l] = d != NULL;
	if (d == NULL)
		d = hnj_hyphen_load(src);
	return d;
}

static HyphenDict *
dict_for(const char *lang)
{
	int l = lang_of(lang);

	if (l < 0)
		return NULL;
	if (!tried[l]) {
		tried[l] = 1;
		dicts[l] = dict_load(l, &arenas[l]);
		if (!freed_at_exit) {
			freed_at_exit = 1;
			atexit(hyph_reset);
		}
	}
	return dicts[l];
}

void
hyph_reset(void)
{
	int l;

	for (l = 0; l < LANG__MAX; l++) {
		if (arenas[l].n > 0)
			arena_free(&arenas[l]);
		else if (dicts[l] != NULL)
			hnj_hyphen_free(dicts[l]);
		dicts[l] = NULL;
		tried[l] = 0;
	}
}

void
hyph_use_built(int yes)
{
	hyph_reset();
	use_built = yes;
}

int
hyph_from_build(const char *lang)
{
	int l = lang_of(lang);

	return l >= 0 && dict_for(lang) != NULL && from_build[l];
}

int
hyph_available(const char *lang)
{
	return dict_for(lang) != NULL;
}

static int
is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp < 0xC0)
		return 0;	/* Latin-1 punctuation and symbols, NBSP, SHY */
	if (cp == 0xD7 || cp == 0xF7)
		return 0;
	/* General punctuation, symbols, CJK punctuation: not letters. */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F))
		return 0;
	return 1;
}

static int
is_upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE &&
	    cp != 0xD7) || (cp >= 0x410 && cp <= 0x42F);
}

static int
is_explicit(uint32_t cp)
{
	return cp == '-' || cp == '/' || cp == 0x2010;
}

/*
 * Runs the patterns over the letters word[0..len) and marks brk.  The
 * dictionary wants lower case in its own character set (ISO-8859-1 for
 * German), so the word is converted and the points mapped back to the
 * last byte of each UTF-8 character.
 */
static size_t
patterns(HyphenDict *dict, const char *word, size_t len, unsigned char *brk)
{
	char *conv, *hyphens;
	size_t *end;		/* end[k]: last UTF-8 byte of character k */
	size_t i, n = 0, nchars = 0, clen, found = 0;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	uint32_t cp;

	conv = xmalloc(len + 1);
	end = xreallocarray(NULL, len + 1, sizeof(*end));
	for (i = 0; i < len; i += clen) {
		clen = utf8_decode(word + i, len - i, &cp);
		if (clen == 0)
			goto out;
		if (dict->utf8) {
			/* English: ASCII letters only are lower-cased. */
			memcpy(conv + n, word + i, clen);
			if (cp >= 'A' && cp <= 'Z')
				conv[n] = (char)(cp | 0x20);
			n += clen;
			end[nchars++] = i + clen - 1;
			continue;
		}
		if (cp > 0xFF)
			goto out;	/* not in ISO-8859-1: leave it whole */
		if (is_upper(cp))
			cp += 0x20;
		conv[n++] = (char)cp;
		end[nchars++] = i + clen - 1;
	}
	conv[n] = '\0';
	hyphens = xmalloc(n + 5);
	if (hnj_hyphen_hyphenate2(dict, conv, (int)n, hyphens, NULL, &rep,
	    &pos, &cut) == 0) {
		/*
		 * hyphens[] counts characters, not bytes: for a UTF-8
		 * dictionary libhyphen folds each sequence into one entry.
		 */
		for (i = 0; i + 1 < nchars; i++) {
			/* A point with a replacement changes spelling: skip. */
			if ((hyphens[i] & 1) && (rep == NULL ||
			    rep[i] == NULL)) {
				brk[end[i]] = HYPH_AUTO;
				found++;
			}
		}
	}
	if (rep != NULL) {
		for (i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hyphens);
out:
	free(conv);
	free(end);
	return found;
}

/* Nonzero if the letters look like an acronym or code: two capitals. */
static int
acronym(const char *s, size_t len)
{
	size_t i, clen;
	uint32_t cp;
	int caps = 0;

	for (i = 0; i < len; i += clen) {
		if ((clen = utf8_decode(s + i, len - i, &cp)) == 0)
			return 1;
		if (is_upper(cp) && ++caps >= 2)
			return 1;
	}
	return 0;
}

size_t
hyph_word(const char *lang, const char *word, size_t len, int use_patterns,
    unsigned char *brk)
{
	HyphenDict *dict;
	size_t i, clen, nclen, found = 0, start;
	uint32_t cp, next;
	int digits = 0, prefix = 0;

	memset(brk, HYPH_NONE, len);
	for (i = 0; i < len; i += clen) {
		if ((clen = utf8_decode(word + i, len - i, &cp)) == 0)
			return found;	/* util.h's callers pass valid UTF-8 */
		if (cp >= '0' && cp <= '9')
			digits = 1;
		if (cp == 0xAD && prefix && i + clen < len) {
			brk[i + clen - 1] = HYPH_SOFT;
			found++;
		}
		/* After a run of hyphens and slashes, before a letter or digit. */
		if (is_explicit(cp) && prefix && i + clen < len &&
		    (nclen = utf8_decode(word + i + clen, len - i - clen,
		    &next)) > 0 && !is_explicit(next) && next != 0xAD &&
		    (is_letter(next) || (next >= '0' && next <= '9'))) {
			brk[i + clen - 1] = HYPH_EXPLICIT;
			found++;
		}
		if (!is_explicit(cp))
			prefix = 1;
	}
	if (found > 0 || !use_patterns || digits ||
	    (dict = dict_for(lang)) == NULL)
		return found;
	/* Each run of letters is one word for the patterns. */
	for (i = 0; i < len; ) {
		while (i < len && (clen = utf8_decode(word + i, len - i,
		    &cp)) > 0 && !is_letter(cp))
			i += clen;
		start = i;
		while (i < len && (clen = utf8_decode(word + i, len - i,
		    &cp)) > 0 && is_letter(cp))
			i += clen;
		if (i > start && !acronym(word + start, i - start))
			found += patterns(dict, word + start, i - start,
			    brk + start);
		if (i < len && clen == 0)
			break;
	}
	return found;
}
