/*
 * German collation (see collate.h): a primary key per string, lower case
 * with diacritics removed, compared byte-wise, and the original string as
 * the tie-break.
 */
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "util.h"

/*
 * Base letters of U+00C0..U+017F, one per code point.  '*' marks the
 * letters that fold to two (Æ, Þ, ß, Ĳ, Œ), '-' the signs that are no
 * letters (×, ÷) and keep their code point.
 */
static const char latin1_base[64 + 1] =
	"aaaaaa*ceeeeiiii"	/* U+00C0 */
	"dnooooo-ouuuuy**"	/* U+00D0 */
	"aaaaaa*ceeeeiiii"	/* U+00E0 */
	"dnooooo-ouuuuy*y";	/* U+00F0 */
static const char latin_ext_a_base[128 + 1] =
	"aaaaaaccccccccdd"	/* U+0100 */
	"ddeeeeeeeeeegggg"	/* U+0110 */
	"gggghhhhiiiiiiii"	/* U+0120 */
	"ii**jjkkklllllll"	/* U+0130 */
	"lllnnnnnnnnnoooo"	/* U+0140 */
	"oo**rrrrrrssssss"	/* U+0150 */
	"sstttttttuuuuuuu"	/* U+0160 */
	"uuuuwwyyyzzzzzzs";	/* U+0170 */

/* Appends the primary collation form of code point cp to key. */
static void
add_folded(struct buf *key, uint32_t cp)
{
	char c = 0;

	if (cp >= 'A' && cp <= 'Z') {
		buf_addc(key, (char)(cp - 'A' + 'a'));
		return;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		c = latin1_base[cp - 0xC0];
	else if (cp >= 0x100 && cp <= 0x17F)
		c = latin_ext_a_base[cp - 0x100];
	if (c == 0 || c == '-') {
		buf_addcp(key, cp);
		return;
	}
	if (c != '*') {
		buf_addc(key, c);
		return;
	}
	switch (cp) {
	case 0xC6: case 0xE6: case 0x152: case 0x153:	/* Æ æ Œ œ */
		buf_adds(key, cp < 0x100 ? "ae" : "oe");
		break;
	case 0xDE: case 0xFE:				/* Þ þ */
		buf_adds(key, "th");
		break;
	case 0xDF:					/* ß */
		buf_adds(key, "ss");
		break;
	default:					/* Ĳ ĳ */
		buf_adds(key, "ij");
		break;
	}
}

/*
 * The primary key of s.  Invalid UTF-8 cannot reach here (the parser
 * refuses it), but a stray byte is kept as it is rather than looping.
 */
static char *
primary_key(const char *s)
{
	struct buf key = { NULL, 0, 0 };
	size_t len = strlen(s), n;
	uint32_t cp;

	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		if (n == 0) {
			buf_addc(&key, *s);
			n = 1;
		} else
			add_folded(&key, cp);
		s += n;
		len -= n;
	}
	return buf_take(&key);
}

int
collate_strcmp(const char *a, const char *b)
{
	char *ka, *kb;
	int cmp;

	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	ka = primary_key(a);
	kb = primary_key(b);
	cmp = strcmp(ka, kb);
	free(ka);
	free(kb);
	return cmp != 0 ? cmp : strcmp(a, b);
}

int
collate_people(const struct person *a, const struct person *b)
{
	int cmp;

	if (a->placeholder != b->placeholder)
		return a->placeholder ? 1 : -1;
	if (a->placeholder)
		cmp = collate_strcmp(a->organisation, b->organisation);
	else if ((cmp = collate_strcmp(a->family, b->family)) == 0)
		cmp = collate_strcmp(a->given, b->given);
	return cmp != 0 ? cmp : strcmp(a->id, b->id);
}
