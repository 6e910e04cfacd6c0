/*
 * The document model: freeing, lookups, names, and the checks that hold for
 * every input format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "programme.h"
#include "util.h"

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
programme_free(struct programme *p)
{
	size_t i, j;

	if (p == NULL)
		return;
	free(p->conference.title);
	free(p->conference.subtitle);
	free_strings(p->conference.dates, p->conference.ndates);
	free(p->conference.venue);
	free(p->conference.organiser);
	free(p->conference.url);
	for (i = 0; i < p->nrooms; i++) {
		free(p->rooms[i].id);
		free(p->rooms[i].name);
		free(p->rooms[i].directions);
	}
	for (i = 0; i < p->nslots; i++) {
		free(p->slots[i].id);
		free(p->slots[i].date);
		free(p->slots[i].label);
	}
	for (i = 0; i < p->ntracks; i++) {
		free(p->tracks[i].id);
		free(p->tracks[i].name);
		free(p->tracks[i].colour);
	}
	for (i = 0; i < p->npeople; i++) {
		struct person *s = &p->people[i];

		free(s->id);
		free(s->title);
		free(s->given);
		free(s->family);
		free(s->remark);
		free(s->role);
		free(s->organisation);
		free(s->email);
		free(s->url);
		free(s->photo);
	}
	for (i = 0; i < p->nforums; i++) {
		struct forum *f = &p->forums[i];

		free(f->id);
		free(f->title);
		free(f->subtitle);
		free(f->lang);
		free(f->host);
		free(f->url);
		free(f->host_logo);
		for (j = 0; j < f->nparagraphs; j++) {
			free(f->paragraphs[j].text);
			free(f->paragraphs[j].bold);
		}
		free(f->paragraphs);
		free(f->speakers);
		free(f->moderators);
	}
	free(p->rooms);
	free(p->slots);
	free(p->tracks);
	free(p->people);
	free(p->forums);
	free(p->lang);
	free(p->file);
	free(p);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct paragraph *
forum_add_paragraph(struct forum *f, enum para_kind kind, const char *marker,
    const char *marked, int unique)
{
	struct buf b = { NULL, 0, 0 };
	struct paragraph p;
	size_t i, open = 0;
	int bold = 0, space = 0;

	memset(&p, 0, sizeof(p));
	buf_adds(&b, "");
	for (; *marked != '\0'; marked++) {
		if (*marked == PARA_BOLD_ON || *marked == PARA_BOLD_OFF) {
			if ((*marked == PARA_BOLD_ON) == bold)
				continue;
			if ((bold = *marked == PARA_BOLD_ON)) {
				open = b.len + (space && b.len > 0);
				continue;
			}
			if (b.len > open) {
				p.bold = xreallocarray(p.bold, p.nbold + 1,
				    sizeof(*p.bold));
				p.bold[p.nbold++] = (struct span){ open, b.len };
			}
			continue;
		}
		if (is_blank(*marked)) {
			space = 1;
			continue;
		}
		if (space && b.len > 0)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, *marked);
	}
	if (bold && b.len > open) {
		p.bold = xreallocarray(p.bold, p.nbold + 1, sizeof(*p.bold));
		p.bold[p.nbold++] = (struct span){ open, b.len };
	}
	p.text = buf_take(&b);
	for (i = 0; unique && i < f->nparagraphs && *p.text != '\0'; i++)
		if (strcmp(f->paragraphs[i].text, p.text) == 0)
			break;
	if (*p.text == '\0' || (unique && i < f->nparagraphs)) {
		free(p.text);
		free(p.bold);
		return NULL;
	}
	p.kind = kind;
	if (marker != NULL)
		snprintf(p.marker, sizeof(p.marker), "%s", marker);
	f->paragraphs = xreallocarray(f->paragraphs, f->nparagraphs + 1,
	    sizeof(*f->paragraphs));
	f->paragraphs[f->nparagraphs] = p;
	return &f->paragraphs[f->nparagraphs++];
}

/* Forums by number; those without one after them, in the file's order. */
static int
cmp_forum_number(const void *a, const void *b)
{
	const struct forum *const *x = a, *const *y = b;
	int nx = (*x)->number, ny = (*y)->number;

	if ((nx > 0) != (ny > 0))
		return nx > 0 ? -1 : 1;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return (*x > *y) - (*x < *y);
}

void
programme_sort_forums(struct programme *p)
{
	struct forum **v = xcalloc(p->nforums + 1, sizeof(*v));
	struct forum *sorted = xcalloc(p->nforums + 1, sizeof(*sorted));
	size_t i;

	for (i = 0; i < p->nforums; i++)
		v[i] = &p->forums[i];
	qsort(v, p->nforums, sizeof(*v), cmp_forum_number);
	for (i = 0; i < p->nforums; i++)
		sorted[i] = *v[i];
	free(p->forums);
	p->forums = sorted;
	free(v);
}

char *
person_name(const struct person *s)
{
	if (s->placeholder || s->family == NULL)
		return xstrdup("N.N.");
	return xasprintf("%s%s%s%s%s%s", s->given ? s->given : "",
	    s->given ? " " : "", s->family, s->remark ? " (" : "",
	    s->remark ? s->remark : "", s->remark ? ")" : "");
}

char *
person_full_name(const struct person *s)
{
	char *name = person_name(s), *full;

	if (s->title == NULL || s->placeholder)
		return name;
	full = xasprintf("%s %s", s->title, name);
	free(name);
	return full;
}

int
programme_numbered(const struct programme *p)
{
	size_t i;

	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].number > 0)
			return 1;
	return 0;
}

char *
forum_kicker(const struct forum *f, const char *word)
{
	const char *track = f->track != NULL ? f->track->name : NULL;

	if (f->number > 0 && track != NULL)
		return xasprintf("%s %d \u00b7 %s", word, f->number, track);
	if (f->number > 0)
		return xasprintf("%s %d", word, f->number);
	return track != NULL ? xstrdup(track) : NULL;
}

char *
forum_short(const struct forum *f, const char *word)
{
	if (f->number > 0)
		return xasprintf("%s %d", word, f->number);
	if (f->slot != NULL && f->room != NULL)
		return xasprintf("%02d:%02d %s", f->slot->start / 60 % 24,
		    f->slot->start % 60, f->room->name);
	if (f->slot != NULL)
		return xasprintf("%02d:%02d", f->slot->start / 60 % 24,
		    f->slot->start % 60);
	return xstrdup(f->room != NULL ? f->room->name : f->title);
}

const char *
forum_lang(const struct programme *p, const struct forum *f)
{
	return f->lang != NULL ? f->lang : p->lang;
}

int
lang_is(const char *lang, const char *primary)
{
	size_t n = strlen(primary);

	return lang != NULL && strncasecmp(lang, primary, n) == 0 &&
	    (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

/* Absolute start and end of a slot in minutes, for comparing slots. */
static long
slot_abs(const struct slot *s, int minutes)
{
	/* YYYY-MM-DD as a day number is enough for ordering and overlap. */
	int y = 0, m = 0, d = 0;

	if (s->date != NULL)
		sscanf(s->date, "%d-%d-%d", &y, &m, &d);
	return ((long)y * 372 + (long)m * 31 + d) * 1440L + minutes;
}

static int
cmp_room_time(const void *a, const void *b)
{
	const struct forum *x = *(const struct forum *const *)a;
	const struct forum *y = *(const struct forum *const *)b;
	long sx, sy;

	if (x->room != y->room)
		return x->room < y->room ? -1 : 1;
	sx = slot_abs(x->slot, x->slot->start);
	sy = slot_abs(y->slot, y->slot->start);
	return (sx > sy) - (sx < sy);
}

/* How messages name a forum: "forum 3", or by its title without a number. */
static char *
forum_ref(const struct forum *f)
{
	char *t, *r;

	if (f->number > 0)
		return xasprintf("forum %d", f->number);
	t = utf8_abbrev(f->title != NULL ? f->title : "");
	r = xasprintf("'%s'", t);
	free(t);
	return r;
}

/*
 * Calls f(a, b, arg) for each pair of forums in one room at overlapping
 * times, room by room; a is the one that started first.  Rooms marked
 * parallel are left out.  Returns how many pairs there were.
 */
static size_t
sweep_overlaps(const struct programme *p,
    void (*f)(const struct forum *, const struct forum *, void *), void *arg)
{
	const struct forum **v = xcalloc(p->nforums, sizeof(*v));
	const struct forum *open = NULL;
	size_t i, n = 0, pairs = 0;

	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].room != NULL && p->forums[i].slot != NULL &&
		    !p->forums[i].room->parallel)
			v[n++] = &p->forums[i];
	qsort(v, n, sizeof(*v), cmp_room_time);
	/*
	 * A sweep per room: each forum is compared with the one running
	 * longest before it, so a long session that overlaps several later
	 * ones is reported with each of them.
	 */
	for (i = 0; i < n; i++) {
		const struct forum *b = v[i];

		if (open == NULL || open->room != b->room) {
			open = b;
			continue;
		}
		if (slot_abs(b->slot, b->slot->start) <
		    slot_abs(open->slot, open->slot->end)) {
			f(open, b, arg);
			pairs++;
		}
		if (slot_abs(b->slot, b->slot->end) >
		    slot_abs(open->slot, open->slot->end))
			open = b;
	}
	free(v);
	return pairs;
}

struct overlap_report {
	struct diag	*d;
	int		 as_error;
};

static void
report_overlap(const struct forum *a, const struct forum *b, void *arg)
{
	const struct overlap_report *r = arg;
	char *na = forum_ref(a), *nb = forum_ref(b), *msg;

	msg = xasprintf("%s and %s are both in room '%s' at the same time",
	    na, nb, b->room->name);
	if (r->as_error)
		diag_error(r->d, &b->pos, "%s", msg);
	else
		diag_warning(r->d, &b->pos, "%s", msg);
	diag_note(r->d, &a->pos, "%s is here", na);
	free(msg);
	free(na);
	free(nb);
}

static void
check_overlaps(const struct programme *p, int as_error, struct diag *d)
{
	struct overlap_report r = { d, as_error };

	sweep_overlaps(p, report_overlap, &r);
}

/* The first overlap in each room: first[2 * room], first[2 * room + 1]. */
struct first_overlaps {
	const struct programme *p;
	const struct forum **first;
};

static void
note_first(const struct forum *a, const struct forum *b, void *arg)
{
	struct first_overlaps *fo = arg;
	size_t r = (size_t)(b->room - fo->p->rooms);

	if (fo->first[2 * r] == NULL) {
		fo->first[2 * r] = a;
		fo->first[2 * r + 1] = b;
	}
}

void
programme_mark_parallel(struct programme *p, struct diag *d)
{
	struct first_overlaps fo = { p, xcalloc(2 * p->nrooms + 2,
	    sizeof(*fo.first)) };
	const struct forum *a, *b;
	char *na, *nb;
	size_t i;

	sweep_overlaps(p, note_first, &fo);
	for (i = 0; i < p->nrooms; i++) {
		if ((a = fo.first[2 * i]) == NULL)
			continue;
		b = fo.first[2 * i + 1];
		na = forum_ref(a);
		nb = forum_ref(b);
		diag_warning(d, &b->pos, "%s and %s are both in room '%s' at "
		    "the same time; the room is taken as one for parallel "
		    "sessions", na, nb, p->rooms[i].name);
		diag_note(d, &a->pos, "%s is here", na);
		free(na);
		free(nb);
	}
	for (i = 0; i < p->nrooms; i++)
		if (fo.first[2 * i] != NULL)
			p->rooms[i].parallel = 1;
	free(fo.first);
}

int
programme_check(const struct programme *p, int overlap_is_error,
    struct diag *d)
{
	unsigned before = d->nerrors;
	size_t i;

	/* Forums are sorted by number, so duplicates are neighbours. */
	for (i = 1; i < p->nforums; i++)
		if (p->forums[i].number > 0 &&
		    p->forums[i].number == p->forums[i - 1].number) {
			diag_error(d, &p->forums[i].pos, "duplicate forum "
			    "number %d", p->forums[i].number);
			diag_note(d, &p->forums[i - 1].pos, "forum %d is "
			    "first defined here", p->forums[i].number);
		}
	for (i = 0; i < p->npeople; i++) {
		const struct person *s = &p->people[i];

		if (!s->placeholder && s->family == NULL)
			diag_error(d, &s->pos, "person '%s' has no name", s->id);
		if (s->placeholder && s->organisation == NULL)
			diag_error(d, &s->pos, "placeholder '%s' has no "
			    "organisation", s->id);
	}
	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].title == NULL)
			diag_error(d, &p->forums[i].pos, "forum %d has no title",
			    p->forums[i].number);
	/* Numbers are all or none: a forum without one among numbered ones
	 * was forgotten. */
	if (programme_numbered(p))
		for (i = 0; i < p->nforums; i++)
			if (p->forums[i].number == 0)
				diag_error(d, &p->forums[i].pos, "forum '%s' has "
				    "no number, but the others have one",
				    p->forums[i].id);
	check_overlaps(p, overlap_is_error, d);
	return d->nerrors > before ? -1 : 0;
}

void
programme_roles(const struct programme *p, int speakers_only,
    struct roles *r)
{
	size_t np = p->npeople, i, j, n, s;
	size_t *last = xcalloc(np + 1, sizeof(*last));
	size_t *next = xcalloc(np + 1, sizeof(*next));
	int fill;

	r->at = xcalloc(np + 1, sizeof(*r->at));
	r->forums = NULL;
	/* Counts first, then fills; last[s] is s's latest forum + 1. */
	for (fill = 0; fill < 2; fill++) {
		memset(last, 0, np * sizeof(*last));
		for (i = 0; i < p->nforums; i++) {
			const struct forum *f = &p->forums[i];

			n = f->nspeakers + (speakers_only ? 0 : f->nmoderators);
			for (j = 0; j < n; j++) {
				s = (size_t)((j < f->nspeakers ? f->speakers[j] :
				    f->moderators[j - f->nspeakers]) -
				    p->people);
				if (last[s] == i + 1)
					continue;
				last[s] = i + 1;
				if (fill)
					r->forums[next[s]++] = i;
				else
					r->at[s + 1]++;
			}
		}
		if (!fill) {
			for (s = 0; s < np; s++)
				r->at[s + 1] += r->at[s];
			memcpy(next, r->at, np * sizeof(*next));
			r->forums = xcalloc(r->at[np] + 1, sizeof(*r->forums));
		}
	}
	free(next);
	free(last);
}

void
roles_free(struct roles *r)
{
	free(r->at);
	free(r->forums);
}
