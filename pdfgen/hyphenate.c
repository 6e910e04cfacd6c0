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
#include "selfmap.h"
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
 * then the source path, padded with NULs to a multiple of CACHE_ALIGN,
 * then the body: libhyphen's own structures, as it would have them in
 * memory, placed at a fixed address (hyph_place()):
 *
 *	struct body_head
 *	HyphenDict		one per level of the dictionary
 *	HyphenState		the states of each level, level by level
 *	HyphenTrans		every state's moves
 *	strings			NUL-terminated: matches, replacements and
 *				each level's nohyphen list
 *
 * Offsets count from the start of the body; every pointer in it is the
 * place plus an offset.  Loading maps the body from the program's own
 * file at the place (selfmap()), so the dictionary is used where it lies
 * and the system reads only the pages a word's states lead to: making
 * libhyphen's array of states (German: 278,832, 11 MB) took 5 ms, and up
 * to 30 ms when the system had no huge page at hand.  Where it cannot be
 * mapped there (another program holds the address, no /proc), the
 * dictionaries and states are copied into an arena and their pointers
 * moved, checking each as it goes.  hyph_check_built(), which the build
 * runs on what it made (tests/mkhyph.c) and the tests on damaged copies,
 * also checks every move's target and the body's checksum: a changed
 * digit in a pattern would pass the other checks and silently move
 * hyphenation points.
 */
#define CACHE_MAGIC	"pdfgHYC\n"
#define CACHE_VERSION	3
#define CACHE_LEVELS	8	/* libhyphen makes two */
#define CACHE_MAX	(256L << 20)	/* German is about 15 MB */
#define CACHE_ALIGN	65536	/* of the body in the blob: a page anywhere */
#define STRUCT_ALIGN	16	/* of the body and its sections in memory */

/* Where language l's body is placed: far from what programs use. */
#define PLACE_BASE	((uintptr_t)0x3e5e00000000u)
#define PLACE_STEP	((uintptr_t)1 << 32)

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
	uint64_t	place;		/* the body's address in its pointers */
	uint32_t	path_len;	/* the source path follows the header */
	uint32_t	zero;
};

struct body_head {
	uint32_t	levels;
	uint32_t	dicts;		/* offset of the HyphenDict array */
	uint32_t	states;		/* of the HyphenState array */
	uint32_t	nstates;
	uint32_t	trans;		/* of the HyphenTrans array */
	uint32_t	ntrans;
	uint32_t	strings;
	uint32_t	strings_len;
};

/*
 * Where a dictionary copied from a built automaton lives: in a few large
 * blocks instead of one allocation each (allocating them was most of the
 * load, and freeing them at exit took half as long again).  Such a
 * dictionary is freed with its arena, never with hnj_hyphen_free().
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

/*
 * The arena of each of dicts[] copied from a built automaton, and the
 * length of each mapped at its place; both empty when libhyphen loaded it.
 */
static struct arena arenas[LANG__MAX];
static size_t mapped[LANG__MAX];

static void
head_for(struct cache_head *h, const char *src, const struct stat *st,
    uintptr_t place)
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
	h->place = place;
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

/* Language l's place: far from where programs and sanitizers map. */
static uintptr_t
place_of(int l)
{
	return PLACE_BASE + (uintptr_t)l * PLACE_STEP;
}

static uint32_t
align_up(size_t n)
{
	return (uint32_t)((n + STRUCT_ALIGN - 1) / STRUCT_ALIGN * STRUCT_ALIGN);
}

/* The body hyph_build() writes, section by section. */
struct body_plan {
	uintptr_t	 place;
	struct body_head bh;
	struct buf	 dicts, states, trans, strings;
	uint32_t	 nstates, ntrans;	/* written so far */
};

/* Where offset off of the body will be, placed. */
static void *
at(const struct body_plan *bp, size_t off)
{
	return (void *)(bp->place + off);
}

/* Appends n bytes of s (NULs included) to the strings; where they are. */
static char *
put_str(struct body_plan *bp, const char *s, size_t n)
{
	size_t off = bp->strings.len;

	if (s == NULL)
		return NULL;
	buf_add(&bp->strings, s, n);
	return at(bp, bp->bh.strings + off);
}

/* Appends level i of d (the last one if last), its states and moves. */
static void
put_level(struct body_plan *bp, const HyphenDict *d, uint32_t i, int last)
{
	const HyphenState *from;
	HyphenDict out;
	HyphenState s;
	HyphenTrans t;
	const char *nh;
	int j, k;

	memset(&out, 0, sizeof(out));
	out.lhmin = d->lhmin;
	out.rhmin = d->rhmin;
	out.clhmin = d->clhmin;
	out.crhmin = d->crhmin;
	out.nohyphenl = d->nohyphenl;
	/* nohyphen is nohyphenl + 1 strings, each after the other's NUL. */
	if ((nh = d->nohyphen) != NULL) {
		for (k = 0; k <= d->nohyphenl; k++)
			nh += strlen(nh) + 1;
		out.nohyphen = put_str(bp, d->nohyphen,
		    (size_t)(nh - d->nohyphen));
	}
	out.num_states = d->num_states;
	memcpy(out.cset, d->cset, sizeof(out.cset));
	out.utf8 = d->utf8;
	out.states = at(bp, bp->bh.states + bp->nstates * sizeof(s));
	out.nextlevel = last ? NULL : at(bp, bp->bh.dicts + (i + 1) *
	    sizeof(out));
	buf_add(&bp->dicts, (const char *)&out, sizeof(out));
	for (j = 0; j < d->num_states; j++) {
		from = &d->states[j];
		memset(&s, 0, sizeof(s));
		s.match = from->match == NULL ? NULL : put_str(bp, from->match,
		    strlen(from->match) + 1);
		s.repl = from->repl == NULL ? NULL : put_str(bp, from->repl,
		    strlen(from->repl) + 1);
		/* libhyphen leaves these unset (and unread) without a match. */
		if (from->match != NULL) {
			s.replindex = from->replindex;
			s.replcut = from->replcut;
		}
		s.fallback_state = from->fallback_state;
		s.num_trans = from->num_trans;
		s.trans = from->num_trans > 0 ? at(bp, bp->bh.trans +
		    bp->ntrans * sizeof(t)) : NULL;
		buf_add(&bp->states, (const char *)&s, sizeof(s));
		bp->nstates++;
		for (k = 0; k < from->num_trans; k++) {
			memset(&t, 0, sizeof(t));
			t.ch = from->trans[k].ch;
			t.new_state = from->trans[k].new_state;
			buf_add(&bp->trans, (const char *)&t, sizeof(t));
			bp->ntrans++;
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
 * The body offset of placed pointer p if it points at one of n items of
 * size bytes from offset start; -1 if not.
 */
static int64_t
offset_of(const void *p, uintptr_t place, uint32_t start, uint64_t n,
    size_t size)
{
	uintptr_t v = (uintptr_t)p;

	if (v < place + start || (v - place - start) % size != 0 ||
	    (v - place - start) / size >= n)
		return -1;
	return (int64_t)(v - place);
}

/*
 * Moves string pointer *s of a body placed at place to the body at body;
 * -1 if it points outside the strings.
 */
static int
move_str(char **s, const char *body, const struct body_head *bh,
    uintptr_t place)
{
	int64_t off;

	if (*s == NULL)
		return 0;
	if ((off = offset_of(*s, place, bh->strings, bh->strings_len, 1)) < 0)
		return -1;
	*s = (char *)(uintptr_t)(body + off);
	return 0;
}

/*
 * Moves the pointers of state s of a level of n states, copied from a
 * body placed at place, to the body at body; with full, also checks
 * every move's target.  -1 when it is unsound.
 */
static int
move_state(HyphenState *s, int n, const char *body,
    const struct body_head *bh, uintptr_t place, int full)
{
	int64_t off;
	int k;

	/* A state has at most one move per byte value. */
	if (s->fallback_state < -1 || s->fallback_state >= n ||
	    s->num_trans < 0 || s->num_trans > 256 ||
	    move_str(&s->match, body, bh, place) == -1 ||
	    move_str(&s->repl, body, bh, place) == -1)
		return -1;
	if (s->num_trans == 0)
		return s->trans == NULL ? 0 : -1;
	if ((off = offset_of(s->trans, place, bh->trans, bh->ntrans,
	    sizeof(HyphenTrans))) < 0 || !fits((uint64_t)off, s->num_trans,
	    sizeof(HyphenTrans), bh->trans + (size_t)bh->ntrans *
	    sizeof(HyphenTrans)))
		return -1;
	s->trans = (HyphenTrans *)(uintptr_t)(body + off);
	for (k = 0; full && k < s->num_trans; k++)
		if (s->trans[k].new_state < 0 || s->trans[k].new_state >= n)
			return -1;
	return 0;
}

/*
 * Level i of the dictionaries copied from a body placed at place into d
 * (and its states into states), moved to the copies and the body at
 * body.  -1 when it is unsound.
 */
static int
move_level(HyphenDict *d, uint32_t i, HyphenState *states,
    const char *body, const struct body_head *bh, uintptr_t place, int full)
{
	HyphenDict *l = &d[i];
	const char *nh, *end = body + bh->strings + bh->strings_len;
	int64_t off;
	uint32_t first;
	int k;

	if (l->num_states < 1 || l->utf8 < 0 || l->utf8 > 1 ||
	    l->nohyphenl < 0 || (off = offset_of(l->states, place, bh->states,
	    bh->nstates, sizeof(HyphenState))) < 0)
		return -1;
	first = (uint32_t)(((uint64_t)off - bh->states) / sizeof(HyphenState));
	if ((uint64_t)first + (uint64_t)l->num_states > bh->nstates)
		return -1;
	l->states = states + first;
	if (l->nextlevel != (i + 1 < bh->levels ? (HyphenDict *)(place +
	    bh->dicts + (i + 1) * sizeof(*l)) : NULL))
		return -1;
	l->nextlevel = i + 1 < bh->levels ? &d[i + 1] : NULL;
	if (move_str(&l->nohyphen, body, bh, place) == -1)
		return -1;
	/* libhyphen walks nohyphenl + 1 strings: all must be there. */
	for (nh = l->nohyphen, k = 0; nh != NULL && k <= l->nohyphenl; k++) {
		if ((nh = memchr(nh, '\0', (size_t)(end - nh))) == NULL)
			return -1;
		nh++;
	}
	l->cset[sizeof(l->cset) - 1] = '\0';
	for (k = 0; k < l->num_states; k++)
		if (move_state(&l->states[k], l->num_states, body, bh, place,
		    full) == -1)
			return -1;
	return 0;
}

/* Whether [p, end) holds NULs only. */
static int
zeros(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p != '\0')
			return 0;
	return 1;
}

/*
 * The dictionary in data, built from src; NULL if not current or not
 * sound.  Mapped at its place when it can be (*maplen gets the length
 * mapped), else copied into arena a.  With full (always copied), the
 * checksum, the header's padding and every move are checked too.
 */
static HyphenDict *
built_load(const char *data, size_t len, const char *src,
    const struct stat *src_st, uintptr_t place, struct arena *a,
    size_t *maplen, int full)
{
	struct cache_head h, want;
	struct body_head bh;
	const char *body;
	HyphenDict *d;
	HyphenState *states;
	size_t off, blen;
	uint32_t i;

	if (len < sizeof(h) || len > CACHE_MAX)
		return NULL;
	memcpy(&h, data, sizeof(h));
	head_for(&want, src, src_st, place);
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
	if ((uintptr_t)body % STRUCT_ALIGN != 0 || blen < sizeof(bh) ||
	    (full && (checksum(body, blen) != h.body_sum ||
	    !zeros(data + sizeof(h) + h.path_len, body))))
		return NULL;
	memcpy(&bh, body, sizeof(bh));
	/* The sections in order, aligned, the strings last and ended. */
	if (bh.levels < 1 || bh.levels > CACHE_LEVELS ||
	    bh.dicts % STRUCT_ALIGN != 0 || bh.states % STRUCT_ALIGN != 0 ||
	    bh.trans % STRUCT_ALIGN != 0 || bh.dicts < sizeof(bh) ||
	    !fits(bh.dicts, bh.levels, sizeof(HyphenDict), bh.states) ||
	    !fits(bh.states, bh.nstates, sizeof(HyphenState), bh.trans) ||
	    !fits(bh.trans, bh.ntrans, sizeof(HyphenTrans), bh.strings) ||
	    bh.strings_len < 1 || bh.strings > blen ||
	    bh.strings_len != blen - bh.strings || body[blen - 1] != '\0')
		return NULL;
	if (!full && selfmap(body, blen, place) != NULL) {
		*maplen = blen;
		return (HyphenDict *)(place + bh.dicts);
	}
	d = arena_alloc(a, bh.levels * sizeof(*d));
	states = arena_alloc(a, (size_t)bh.nstates * sizeof(*states));
	memcpy(d, body + bh.dicts, bh.levels * sizeof(*d));
	memcpy(states, body + bh.states, (size_t)bh.nstates * sizeof(*states));
	for (i = 0; i < bh.levels; i++)
		if (move_level(d, i, states, body, &bh, place, full) == -1) {
			arena_free(a);
			return NULL;
		}
	return d;
}

int
hyph_build(const char *lang, struct buf *b)
{
	struct body_plan bp;
	struct cache_head h;
	struct stat st;
	HyphenDict *d;
	const HyphenDict *l;
	const char *src;
	size_t start, body, ntrans = 0, nstates = 0;
	uint32_t i, levels = 0;
	int j;

	if (lang_of(lang) < 0)
		return -1;
	src = dict_files[lang_of(lang)];
	if (stat(src, &st) == -1 || (d = hnj_hyphen_load(src)) == NULL)
		return -1;
	for (l = d; l != NULL; l = l->nextlevel) {
		if (++levels > CACHE_LEVELS) {
			hnj_hyphen_free(d);
			return -1;
		}
		nstates += (size_t)l->num_states;
		for (j = 0; j < l->num_states; j++)
			ntrans += (size_t)l->states[j].num_trans;
	}
	/* The sections' places first: the pointers in them need them. */
	memset(&bp, 0, sizeof(bp));
	bp.place = place_of(lang_of(lang));
	bp.bh.levels = levels;
	bp.bh.dicts = align_up(sizeof(bp.bh));
	bp.bh.states = align_up(bp.bh.dicts + levels * sizeof(HyphenDict));
	bp.bh.nstates = (uint32_t)nstates;
	bp.bh.trans = align_up(bp.bh.states + nstates * sizeof(HyphenState));
	bp.bh.ntrans = (uint32_t)ntrans;
	bp.bh.strings = (uint32_t)(bp.bh.trans + ntrans * sizeof(HyphenTrans));
	for (l = d, i = 0; l != NULL; l = l->nextlevel, i++)
		put_level(&bp, l, i, l->nextlevel == NULL);
	hnj_hyphen_free(d);
	buf_addc(&bp.strings, '\0');	/* the body ends with a NUL */
	bp.bh.strings_len = (uint32_t)bp.strings.len;
	head_for(&h, src, &st, bp.place);
	start = b->len;
	buf_add(b, (const char *)&h, sizeof(h));
	buf_add(b, src, h.path_len);
	while (b->len - start < body_offset(h.path_len))
		buf_addc(b, '\0');
	body = b->len;
	buf_add(b, (const char *)&bp.bh, sizeof(bp.bh));
	while (b->len - body < bp.bh.dicts)
		buf_addc(b, '\0');
	buf_add(b, bp.dicts.data, bp.dicts.len);
	while (b->len - body < bp.bh.states)
		buf_addc(b, '\0');
	buf_add(b, bp.states.data, bp.states.len);
	while (b->len - body < bp.bh.trans)
		buf_addc(b, '\0');
	buf_add(b, bp.trans.data, bp.trans.len);
	buf_add(b, bp.strings.data, bp.strings.len);
	buf_release(&bp.dicts);
	buf_release(&bp.states);
	buf_release(&bp.trans);
	buf_release(&bp.strings);
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
	if (stat(src, &st) == -1 || built_load(data, len, src, &st,
	    place_of(lang_of(lang)), &a, NULL, 1) == NULL)
		return -1;
	arena_free(&a);
	return 0;
}

/*
 * Loads the patterns of language l: the automaton built with pdfgen when
 * it is current (mapped[l] set if mapped, else copied into arenas[l]),
 * else from the patterns.
 */
static HyphenDict *
dict_load(int l)
{
	const struct hyph_blob *bl = &hyph_blobs[l];
	const char *src = dict_files[l];
	struct stat st;
	HyphenDict *d = NULL;

	if (stat(src, &st) == -1)
		return NULL;
	if (use_built && bl->end > bl->start)
		d = built_load(bl->start, (size_t)(bl->end - bl->start), src,
		    &st, place_of(l), &arenas[l], &mapped[l], 0);
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
		dicts[l] = dict_load(l);
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
		if (mapped[l] > 0)
			(void)munmap((void *)place_of(l), mapped[l]);
		else if (arenas[l].n > 0)
			arena_free(&arenas[l]);
		else if (dicts[l] != NULL)
			hnj_hyphen_free(dicts[l]);
		dicts[l] = NULL;
		mapped[l] = 0;
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

uintptr_t
hyph_place(const char *lang)
{
	return lang_of(lang) < 0 ? 0 : place_of(lang_of(lang));
}

int
hyph_in_place(const char *lang)
{
	return dict_for(lang) != NULL && mapped[lang_of(lang)] > 0;
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
