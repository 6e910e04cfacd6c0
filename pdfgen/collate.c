/*
 * Collation (see collate.h) by ICU: sort keys are made once per person
 * and compared byte-wise, so a sort costs n keys, not n log n collations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "collate.h"
#include "internal.h"
#include "util.h"

struct collator {
	UCollator	*ucol;
};

struct collator *
collator_open(const char *lang)
{
	struct collator *c = xcalloc(1, sizeof(*c));
	UErrorCode err = U_ZERO_ERROR;
	char loc[32];
	size_t i;

	/* ICU's locale ids say "de_DE"; ours say "de-DE". */
	snprintf(loc, sizeof(loc), "%s", lang != NULL ? lang : "");
	for (i = 0; loc[i] != '\0'; i++)
		if (loc[i] == '-')
			loc[i] = '_';
	c->ucol = ucol_open(loc, &err);
	if (U_FAILURE(err)) {
		err = U_ZERO_ERROR;
		c->ucol = ucol_open("", &err);
	}
	/* Without ICU's data (it is in libicu72), byte order is all left. */
	if (U_FAILURE(err))
		c->ucol = NULL;
	return c;
}

void
collator_free(struct collator *c)
{
	if (c == NULL)
		return;
	if (c->ucol != NULL)
		ucol_close(c->ucol);
	free(c);
}

int
collate_strcmp(struct collator *c, const char *a, const char *b)
{
	UErrorCode err = U_ZERO_ERROR;
	UCollationResult r;

	if (c->ucol == NULL)
		return strcmp(a ? a : "", b ? b : "");
	r = ucol_strcollUTF8(c->ucol, a ? a : "", -1, b ? b : "", -1, &err);
	if (U_FAILURE(err))
		return strcmp(a ? a : "", b ? b : "");
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

/*
 * The sort key of UTF-8 text s, as ICU makes it (NUL-terminated, no NUL
 * inside): comparing two with strcmp() is comparing the texts.
 */
static char *
sort_key(struct collator *c, const char *s)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u;
	int32_t ulen, n;
	uint8_t *key;

	if (s == NULL)
		s = "";
	if (c->ucol == NULL)
		return xstrdup(s);
	/* UTF-16 takes at most as many units as UTF-8 has bytes. */
	u = xcalloc(strlen(s) + 1, sizeof(*u));
	u_strFromUTF8(u, (int32_t)strlen(s) + 1, &ulen, s, -1, &err);
	if (U_FAILURE(err))
		ulen = 0;
	n = ucol_getSortKey(c->ucol, u, ulen, NULL, 0);
	key = xmalloc((size_t)n + 1);
	ucol_getSortKey(c->ucol, u, ulen, key, n + 1);
	free(u);
	return (char *)key;
}

/* One item to sort: its keys and where it was. */
struct sortee {
	int		 placeholder;
	char		*k1, *k2;	/* family and given, or organisation */
	const char	*id;
	size_t		 index;
};

static int
cmp_sortee(const void *a, const void *b)
{
	const struct sortee *x = a, *y = b;
	int c;

	if (x->placeholder != y->placeholder)
		return x->placeholder ? 1 : -1;
	if ((c = strcmp(x->k1, y->k1)) != 0 || (c = strcmp(x->k2, y->k2)) != 0)
		return c;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

void
collate_sort(void *base, size_t n, size_t size,
    const struct person *(*who)(const void *), const char *lang)
{
	struct collator *c;
	struct sortee *v;
	char *copy;
	size_t i;

	if (n < 2)
		return;
	c = collator_open(lang);
	v = xcalloc(n, sizeof(*v));
	for (i = 0; i < n; i++) {
		const struct person *s = who((char *)base + i * size);

		v[i].placeholder = s->placeholder;
		v[i].k1 = sort_key(c, s->placeholder ? s->organisation :
		    s->family);
		v[i].k2 = sort_key(c, s->placeholder ? NULL : s->given);
		v[i].id = s->id;
		v[i].index = i;
	}
	qsort(v, n, sizeof(*v), cmp_sortee);
	copy = xmalloc(n * size);
	memcpy(copy, base, n * size);
	for (i = 0; i < n; i++) {
		memcpy((char *)base + i * size, copy + v[i].index * size, size);
		free(v[i].k1);
		free(v[i].k2);
	}
	free(copy);
	free(v);
	collator_free(c);
}
