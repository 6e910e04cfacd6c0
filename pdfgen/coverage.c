/*
 * coverage_check(): every text of the model, character by character,
 * against the default font chain.
 */
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "font.h"
#include "text.h"
#include "util.h"

#define PLACES_LISTED	10	/* notes per code point; more are counted */

/* Where a missing code point occurs. */
struct occurrence {
	struct srcpos	 pos;
	const char	*field;
	const char	*text;	/* not owned */
};

struct missing {
	uint32_t	 cp;
	struct occurrence	*v;
	size_t		 n;
};

struct scan {
	struct font_chain *chain;
	unsigned char	*known;		/* per code point: 1 drawn, 2 missing */
	struct missing	*m;		/* no font has them */
	size_t		 nm;
	struct missing	*inv;		/* invisible: removed */
	size_t		 ninv;
};

/* Adds an occurrence of cp to the list *v of *n code points. */
static void
add_occurrence(struct missing **v, size_t *n, uint32_t cp,
    const struct srcpos *pos, const char *field, const char *text)
{
	struct missing *m;
	size_t i;

	for (i = 0; i < *n && (*v)[i].cp != cp; i++)
		;
	if (i == *n) {
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		memset(&(*v)[*n], 0, sizeof(**v));
		(*v)[(*n)++].cp = cp;
	}
	m = &(*v)[i];
	/* One occurrence per text, however often the character is in it. */
	if (m->n > 0 && m->v[m->n - 1].text == text)
		return;
	m->v = xreallocarray(m->v, m->n + 1, sizeof(*m->v));
	m->v[m->n++] = (struct occurrence){ *pos, field, text };
}

/*
 * The characters of text (NULL: none) that no face of the chain has, and
 * those the text layer removes.
 */
static void
scan_text(struct scan *s, const struct srcpos *pos, const char *field,
    const char *text)
{
	const char *start = text;
	size_t len, n;
	uint32_t cp;

	if (text == NULL)
		return;
	for (len = strlen(text); len > 0; text += n, len -= n) {
		if ((n = utf8_decode(text, len, &cp)) == 0) {
			n = 1;
			continue;
		}
		if (cp != '\t' && cp != '\n' && cp != '\r' &&
		    text_is_invisible(cp)) {
			add_occurrence(&s->inv, &s->ninv, cp, pos, field, start);
			continue;
		}
		/* Spaces and what the text layer removes need no glyph. */
		if (cp < 0x21 || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
		    cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
		    (cp >= 0xFE00 && cp <= 0xFE0F) || cp > 0x10FFFF)
			continue;
		if (s->known[cp] == 0)
			s->known[cp] = font_chain_pick(s->chain, cp) >= 0 ? 1 :
			    2;
		if (s->known[cp] == 2)
			add_occurrence(&s->m, &s->nm, cp, pos, field, start);
	}
}

static void
scan_programme(struct scan *s, const struct programme *p)
{
	const struct conference *e = &p->conference;
	struct srcpos none = { p->file, 0, 0 };
	size_t i, j;

	scan_text(s, &none, "event.title", e->title);
	scan_text(s, &none, "event.subtitle", e->subtitle);
	scan_text(s, &none, "event.venue", e->venue);
	scan_text(s, &none, "event.organiser", e->organiser);
	for (i = 0; i < p->nrooms; i++) {
		scan_text(s, &p->rooms[i].pos, "room.name", p->rooms[i].name);
		scan_text(s, &p->rooms[i].pos, "room.directions",
		    p->rooms[i].directions);
	}
	for (i = 0; i < p->nslots; i++)
		scan_text(s, &p->slots[i].pos, "slot.label", p->slots[i].label);
	for (i = 0; i < p->ntracks; i++)
		scan_text(s, &p->tracks[i].pos, "track.name",
		    p->tracks[i].name);
	for (i = 0; i < p->npeople; i++) {
		const struct person *ps = &p->people[i];

		scan_text(s, &ps->pos, "person.title", ps->title);
		scan_text(s, &ps->pos, "person.given", ps->given);
		scan_text(s, &ps->pos, "person.family", ps->family);
		scan_text(s, &ps->pos, "person.remark", ps->remark);
		scan_text(s, &ps->pos, "person.role", ps->role);
		scan_text(s, &ps->pos, "person.organisation",
		    ps->organisation);
	}
	for (i = 0; i < p->nforums; i++) {
		const struct forum *f = &p->forums[i];

		scan_text(s, &f->pos, "forum.title", f->title);
		scan_text(s, &f->pos, "forum.subtitle", f->subtitle);
		scan_text(s, &f->pos, "forum.host", f->host);
		for (j = 0; j < f->nparagraphs; j++)
			scan_text(s, &f->pos, "forum.description",
			    f->paragraphs[j].text);
	}
}

/* One warning for m's code point, its other places as notes. */
static void
report(struct diag *d, const struct missing *m, int invisible)
{
	char *q;
	size_t i;

	q = utf8_abbrev(m->v[0].text);
	if (invisible)
		diag_warning(d, &m->v[0].pos, "removed invisible character "
		    "U+%04X from %s '%s'%s", (unsigned)m->cp, m->v[0].field,
		    q, m->n > 1 ? " and the places below" : "");
	else
		diag_warning(d, &m->v[0].pos, "no installed font has U+%04X; "
		    "it is left out of %s '%s'%s", (unsigned)m->cp,
		    m->v[0].field, q, m->n > 1 ? " and the places below" : "");
	free(q);
	for (i = 1; i < m->n && i <= PLACES_LISTED; i++) {
		q = utf8_abbrev(m->v[i].text);
		diag_note(d, &m->v[i].pos, "U+%04X is also in %s '%s'",
		    (unsigned)m->cp, m->v[i].field, q);
		free(q);
	}
	if (m->n > PLACES_LISTED + 1)
		diag_note(d, NULL, "U+%04X is in %zu more places",
		    (unsigned)m->cp, m->n - PLACES_LISTED - 1);
}

size_t
coverage_check(const struct programme *p, struct diag *d)
{
	struct scan s;
	size_t i, n;

	memset(&s, 0, sizeof(s));
	if ((s.chain = font_chain_new(d, NULL, NULL, WEIGHT_REGULAR,
	    SLANT_ROMAN)) == NULL)
		return 0;
	s.known = xcalloc(0x110000, 1);
	scan_programme(&s, p);
	for (i = 0; i < s.ninv; i++) {
		report(d, &s.inv[i], 1);
		free(s.inv[i].v);
	}
	for (i = 0; i < s.nm; i++) {
		report(d, &s.m[i], 0);
		free(s.m[i].v);
	}
	n = s.nm;
	free(s.inv);
	free(s.m);
	free(s.known);
	font_chain_free(s.chain);
	return n;
}
