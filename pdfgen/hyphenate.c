/*
 * Implementation of hyphenate.h over libhyphen.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "hyphenate.h"
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

/* Loaded on first use and kept for the process: loading takes ~10 ms. */
static HyphenDict *dicts[LANG__MAX];
static int tried[LANG__MAX];

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

static HyphenDict *
dict_for(const char *lang)
{
	int l = lang_of(lang);

	if (l < 0)
		return NULL;
	if (!tried[l]) {
		tried[l] = 1;
		dicts[l] = hnj_hyphen_load(dict_files[l]);
	}
	return dicts[l];
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
