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
 * then the source path, padded with NULs to a multiple of 16 bytes, then
 * the body, laid out to be used where it lies:
 *
 *	struct body_head
 *	struct level_rec	one per level of the dictionary
 *	struct state_rec	the states of each level, level by level
 *	HyphenTrans		every state's moves, libhyphen's own struct
 *	strings			NUL-terminated; offset 0 is an empty one,
 *				which stands for NULL
 *
 * Offsets count from the start of the body.  Loading makes libhyphen's
 * array of states from the state records (German: 278,832 states) and
 * points the states' moves and strings into the body, so only the pages
 * a word's states lead to are ever read: reading every field of every
 * state, as the earlier format needed, took 100 M instructions, a third
 * of rendering the example's booklet.  Loading checks the header and
 * every state record as it reads them (what they point to lies in the
 * body); hyph_check_built(), which the build runs on what it made
 * (tests/mkhyph.c) and the tests on damaged copies, also checks every
 * move's target and the body's checksum: a changed digit in a pattern
 * would pass the index checks and silently move hyphenation points.
 */
#define CACHE_MAGIC	"pdfgHYC\n"
#define CACHE_VERSION	2
#define CACHE_LEVELS	8	/* libhyphen makes two */
#define CACHE_MAX	(256L << 20)	/* German is about 9 MB */
#define CACHE_ALIGN	16	/* of the body, in the blob and in memory */

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

struct body_head {
	uint32_t	levels;
	uint32_t	trans;		/* offset of the HyphenTrans array */
	uint32_t	ntrans;
	uint32_t	strings;	/* offset of the strings */
	uint32_t	strings_len;
	uint32_t	zero[3];
};

struct level_rec {
	int32_t		nohyphenl;
	uint32_t	nohyphen;	/* nohyphenl + 1 strings, or 0 */
	uint32_t	nohyphen_len;
	int32_t		num_states;
	uint32_t	states;		/* offset of the first state_rec */
	int32_t		utf8;
	char		mins[4];	/* lhmin, rhmin, clhmin, crhmin */
	char		cset[MAX_NAME];
};

struct state_rec {
	int32_t		fallback_state;
	uint32_t	trans;		/* index of the first of num_trans */
	uint32_t	match;		/* string offsets, 0 for NULL */
	uint32_t	repl;
	uint16_t	num_trans;
	signed char	replindex;
	signed char	replcut;
};

/*
 * Where the states of a loaded dictionary live: in a few large blocks
 * instead of one allocation each (allocating them was most of the load,
 * and freeing them at exit took half as long again).  Such a dictionary
 * is freed with its arena, never with hnj_hyphen_free().
 */
#define ARENA_BLOCK	(1 << 20)
#define HUGE_PAGE	(2 << 20)

struct arena {
	char		**blocks;
	size_t		*lens;
	size_t		 n;
	char		*p;		/* the free rest of the last block */
	size_t		 left;
};

/*
 * A zeroed block of len bytes (a multiple of HUGE_PAGE), in huge pages
 * where the system gives them: German's 278,832 states fill 11 MB, and
 * faulting that in 4 KB pages took most of the load.  Straight from
 * mmap, whose pages are zeroed by the system when first touched: the
 * load writes every byte of the states, clearing them first cost as much
 * again.
 */
static void *
block_alloc(size_t len)
{
	char *p, *start;
	size_t head;

	p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return xcalloc(1, len);
	/* Aligned to a huge page, the rest given back. */
	head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	start = p + head;
	if (head > 0)
		(void)munmap(p, head);
	(void)munmap(start + len, HUGE_PAGE - head);
#ifdef MADV_HUGEPAGE
	(void)madvise(start, len, MADV_HUGEPAGE);
#endif
	return start;
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
		a->lens = xreallocarray(a->lens, a->n + 1, sizeof(*a->lens));
		a->blocks[a->n] = block;
		a->lens[a->n++] = len;
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
		(void)munmap(a->blocks[i], a->lens[i]);
	free(a->blocks);
	free(a->lens);
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

/* Where the body starts after a header naming a path of path_len bytes. */
static size_t
body_offset(uint32_t path_len)
{
	return (sizeof(struct cache_head) + path_len + CACHE_ALIGN - 1) /
	    CACHE_ALIGN * CACHE_ALIGN;
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

/* Appends s with its NUL to the strings; its offset, 0 for NULL. */
static uint32_t
put_str(struct buf *strings, const char *s, size_t n)
{
	size_t off = strings->len;

	if (s == NULL)
		return 0;
	buf_add(strings, s, n);
	buf_addc(strings, '\0');
	return (uint32_t)off;
}

/* Appends the states and moves of level d; its record in *lr. */
static void
put_level(const HyphenDict *d, struct level_rec *lr, struct buf *states,
    struct buf *trans, struct buf *strings, size_t first_state)
{
	const HyphenState *s;
	struct state_rec sr;
	HyphenTrans t;
	const char *nh;
	int i, k;

	memset(lr, 0, sizeof(*lr));
	lr->mins[0] = d->lhmin;
	lr->mins[1] = d->rhmin;
	lr->mins[2] = d->clhmin;
	lr->mins[3] = d->crhmin;
	lr->nohyphenl = d->nohyphenl;
	/* nohyphen is nohyphenl + 1 strings, each after the other's NUL. */
	if ((nh = d->nohyphen) != NULL) {
		for (k = 0; k <= d->nohyphenl; k++)
			nh += strlen(nh) + 1;
		lr->nohyphen_len = (uint32_t)(nh - d->nohyphen);
		lr->nohyphen = (uint32_t)strings->len;
		buf_add(strings, d->nohyphen, lr->nohyphen_len);
	}
	lr->num_states = d->num_states;
	lr->states = (uint32_t)(first_state + states->len);
	memcpy(lr->cset, d->cset, sizeof(lr->cset));
	lr->utf8 = d->utf8;
	for (i = 0; i < d->num_states; i++) {
		s = &d->states[i];
		memset(&sr, 0, sizeof(sr));
		sr.fallback_state = s->fallback_state;
		sr.num_trans = (uint16_t)s->num_trans;
		sr.trans = (uint32_t)(trans->len / sizeof(t));
		sr.match = put_str(strings, s->match,
		    s->match ? strlen(s->match) : 0);
		sr.repl = put_str(strings, s->repl,
		    s->repl ? strlen(s->repl) : 0);
		/* libhyphen leaves these unset (and unread) without a match. */
		if (s->match != NULL) {
			sr.replindex = s->replindex;
			sr.replcut = s->replcut;
		}
		buf_add(states, (const char *)&sr, sizeof(sr));
		for (k = 0; k < s->num_trans; k++) {
			memset(&t, 0, sizeof(t));
			t.ch = s->trans[k].ch;
			t.new_state = s->trans[k].new_state;
			buf_add(trans, (const char *)&t, sizeof(t));
		}
	}
}

/* Whether [off, off + n * size) lies within len bytes. */
static int
fits(uint64_t off, uint64_t n, size_t size, size_t len)
{
	return off <= len && n <= (len - off) / size;
}

/*
 * Makes level lr's states in arena a, pointing into the body; with full,
 * also checks every move's target.  -1 when a record is unsound.
 */
static int
get_level(const char *body, const struct body_head *bh,
    const struct level_rec *lr, HyphenDict *d, struct arena *a, int full)
{
	const char *strings = body + bh->strings;
	HyphenTrans *trans = (HyphenTrans *)(void *)(body + bh->trans);
	struct state_rec sr;
	HyphenState *s;
	uint32_t i, k, n = (uint32_t)lr->num_states, nuls = 0;

	if (lr->num_states < 1 || lr->utf8 < 0 || lr->utf8 > 1 ||
	    lr->nohyphenl < 0 || !fits(lr->states, n, sizeof(sr), bh->trans))
		return -1;
	if (lr->nohyphen_len > 0) {
		/* libhyphen walks nohyphenl + 1 strings: all must be there. */
		if (lr->nohyphen == 0 || !fits(lr->nohyphen, lr->nohyphen_len,
		    1, bh->strings_len))
			return -1;
		for (i = 0; i < lr->nohyphen_len; i++)
			nuls += strings[lr->nohyphen + i] == '\0';
		if (strings[lr->nohyphen + lr->nohyphen_len - 1] != '\0' ||
		    nuls != (uint32_t)lr->nohyphenl + 1)
			return -1;
		d->nohyphen = (char *)(uintptr_t)(strings + lr->nohyphen);
	}
	d->lhmin = lr->mins[0];
	d->rhmin = lr->mins[1];
	d->clhmin = lr->mins[2];
	d->crhmin = lr->mins[3];
	d->nohyphenl = lr->nohyphenl;
	d->num_states = lr->num_states;
	memcpy(d->cset, lr->cset, sizeof(d->cset));
	d->cset[sizeof(d->cset) - 1] = '\0';
	d->utf8 = lr->utf8;
	d->states = arena_alloc(a, (size_t)n * sizeof(*d->states));
	for (i = 0; i < n; i++) {
		memcpy(&sr, body + lr->states + (size_t)i * sizeof(sr),
		    sizeof(sr));
		/* A state has at most one move per byte value. */
		if (sr.fallback_state < -1 || sr.fallback_state >= (int32_t)n ||
		    sr.num_trans > 256 ||
		    !fits(sr.trans, sr.num_trans, 1, bh->ntrans) ||
		    sr.match >= bh->strings_len || sr.repl >= bh->strings_len)
			return -1;
		s = &d->states[i];
		s->fallback_state = sr.fallback_state;
		s->num_trans = sr.num_trans;
		s->trans = sr.num_trans > 0 ? trans + sr.trans : NULL;
		s->match = sr.match != 0 ?
		    (char *)(uintptr_t)(strings + sr.match) : NULL;
		s->repl = sr.repl != 0 ?
		    (char *)(uintptr_t)(strings + sr.repl) : NULL;
		s->replindex = sr.replindex;
		s->replcut = sr.replcut;
		for (k = 0; full && k < sr.num_trans; k++)
			if (s->trans[k].new_state < 0 ||
			    s->trans[k].new_state >= (int)n)
				return -1;
	}
	return 0;
}

/*
 * The dictionary in data, built from src, in arena a (its strings and
 * moves stay in data); NULL if not current or not sound.  With full, the
 * checksum and every move are checked too.
 */
static HyphenDict *
built_load(const char *data, size_t len, const char *src,
    const struct stat *src_st, struct arena *a, int full)
{
	struct cache_head h, want;
	struct body_head bh;
	struct level_rec lr;
	const char *body;
	HyphenDict *d = NULL, *l, *prev = NULL;
	size_t off, blen;
	uint32_t i;

	if (len < sizeof(h) || len > CACHE_MAX ||
	    (uintptr_t)data % CACHE_ALIGN != 0)
		return NULL;
	memcpy(&h, data, sizeof(h));
	head_for(&want, src, src_st);
	off = body_offset(want.path_len);
	if (off > len)
		return NULL;
	want.body_len = len - off;
	want.body_sum = h.body_sum;
	if (memcmp(&h, &want, sizeof(h)) != 0 ||
	    memcmp(data + sizeof(h), src, want.path_len) != 0)
		return NULL;
	body = data + off;
	blen = len - off;
	if (full && checksum(body, blen) != h.body_sum)
		return NULL;
	if (blen < sizeof(bh))
		return NULL;
	memcpy(&bh, body, sizeof(bh));
	/* The sections in order, the moves aligned, the strings last. */
	if (bh.levels < 1 || bh.levels > CACHE_LEVELS ||
	    bh.trans % sizeof(HyphenTrans) != 0 ||
	    !fits(sizeof(bh), bh.levels, sizeof(lr), bh.trans) ||
	    !fits(bh.trans, bh.ntrans, sizeof(HyphenTrans), bh.strings) ||
	    bh.strings_len < 1 || bh.strings > blen ||
	    bh.strings_len != blen - bh.strings ||
	    body[bh.strings] != '\0' || body[blen - 1] != '\0')
		return NULL;
	for (i = 0; i < bh.levels; i++) {
		l = arena_alloc(a, sizeof(*l));
		if (prev != NULL)
			prev->nextlevel = l;
		else
			d = l;
		prev = l;
		memcpy(&lr, body + sizeof(bh) + i * sizeof(lr), sizeof(lr));
		if (get_level(body, &bh, &lr, l, a, full) == -1) {
			arena_free(a);
			return NULL;
		}
	}
	return d;
}

int
hyph_build(const char *lang, struct buf *b)
{
	struct cache_head h;
	struct body_head bh;
	struct level_rec lr[CACHE_LEVELS];
	struct buf states = { 0 }, trans = { 0 }, strings = { 0 };
	struct stat st;
	HyphenDict *d;
	const HyphenDict *l;
	const char *src;
	size_t start, body, first_state, i, levels = 0;

	if (lang_of(lang) < 0)
		return -1;
	src = dict_files[lang_of(lang)];
	if (stat(src, &st) == -1 || (d = hnj_hyphen_load(src)) == NULL)
		return -1;
	for (l = d; l != NULL; l = l->nextlevel)
		if (++levels > CACHE_LEVELS) {
			hnj_hyphen_free(d);
			return -1;
		}
	buf_addc(&strings, '\0');	/* offset 0: NULL */
	first_state = sizeof(bh) + levels * sizeof(lr[0]);
	for (l = d, i = 0; l != NULL; l = l->nextlevel, i++)
		put_level(l, &lr[i], &states, &trans, &strings, first_state);
	hnj_hyphen_free(d);
	memset(&bh, 0, sizeof(bh));
	bh.levels = (uint32_t)levels;
	bh.trans = (uint32_t)((first_state + states.len +
	    sizeof(HyphenTrans) - 1) / sizeof(HyphenTrans) *
	    sizeof(HyphenTrans));
	bh.ntrans = (uint32_t)(trans.len / sizeof(HyphenTrans));
	bh.strings = (uint32_t)(bh.trans + trans.len);
	bh.strings_len = (uint32_t)strings.len;
	head_for(&h, src, &st);
	start = b->len;
	buf_add(b, (const char *)&h, sizeof(h));
	buf_add(b, src, h.path_len);
	while (b->len - start < body_offset(h.path_len))
		buf_addc(b, '\0');
	body = b->len;
	buf_add(b, (const char *)&bh, sizeof(bh));
	buf_add(b, (const char *)lr, levels * sizeof(lr[0]));
	buf_add(b, states.data, states.len);
	while (b->len - body < bh.trans)
		buf_addc(b, '\0');
	buf_add(b, trans.data, trans.len);
	buf_add(b, strings.data, strings.len);
	buf_release(&states);
	buf_release(&trans);
	buf_release(&strings);
	h.body_len = b->len - body;
	h.body_sum = checksum(b->data + body, b->len - body);
	memcpy(b->data + start, &h, sizeof(h));
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
	if (stat(src, &st) == -1 || built_load(data, len, src, &st, &a, 1) ==
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
		    &st, a, 0);
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
