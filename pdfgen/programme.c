/*
 * The document model: freeing, lookups, names, and the checks that hold for
 * every input format.
 */
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
	size_t i;

	if (p == NULL)
		return;
	free(p->event.title);
	free(p->event.subtitle);
	free_strings(p->event.dates, p->event.ndates);
	free(p->event.venue);
	free(p->event.organiser);
	free(p->event.url);
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
		free(f->host_logo);
		free_strings(f->paragraphs, f->nparagraphs);
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

/* Linear lookups: parsers index ids themselves, renderers rarely look up. */
#define FIND(array, n, key) do {					\
	size_t i_;							\
	for (i_ = 0; i_ < (n); i_++)					\
		if (strcmp((array)[i_].id, (key)) == 0)			\
			return &(array)[i_];				\
	return NULL;							\
} while (0)

struct person *
programme_person(const struct programme *p, const char *id)
{
	FIND(p->people, p->npeople, id);
}

struct room *
programme_room(const struct programme *p, const char *id)
{
	FIND(p->rooms, p->nrooms, id);
}

struct slot *
programme_slot(const struct programme *p, const char *id)
{
	FIND(p->slots, p->nslots, id);
}

struct track *
programme_track(const struct programme *p, const char *id)
{
	FIND(p->tracks, p->ntracks, id);
}

static int
cmp_forum_number(const void *a, const void *b)
{
	const struct forum *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

void
programme_sort_forums(struct programme *p)
{
	qsort(p->forums, p->nforums, sizeof(*p->forums), cmp_forum_number);
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

static void
check_overlaps(const struct programme *p, int as_error, struct diag *d)
{
	const struct forum **v = xcalloc(p->nforums, sizeof(*v));
	const struct forum *open = NULL;
	size_t i, n = 0;

	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].room != NULL && p->forums[i].slot != NULL)
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
			char *msg = xasprintf("forum %d and forum %d are both "
			    "in room '%s' at the same time", open->number,
			    b->number, b->room->name);

			if (as_error)
				diag_error(d, &b->pos, "%s", msg);
			else
				diag_warning(d, &b->pos, "%s", msg);
			free(msg);
			diag_note(d, &open->pos, "forum %d is here",
			    open->number);
		}
		if (slot_abs(b->slot, b->slot->end) >
		    slot_abs(open->slot, open->slot->end))
			open = b;
	}
	free(v);
}

int
programme_check(const struct programme *p, int overlap_is_error,
    struct diag *d)
{
	unsigned before = d->nerrors;
	size_t i;

	/* Forums are sorted by number, so duplicates are neighbours. */
	for (i = 1; i < p->nforums; i++)
		if (p->forums[i].number == p->forums[i - 1].number) {
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
	check_overlaps(p, overlap_is_error, d);
	return d->nerrors > before ? -1 : 0;
}
