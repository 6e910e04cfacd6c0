/*
 * Writes a programme in our own format (input/programme.xsd), so that
 * "pdfgen convert" can turn an import into a file people edit.  Reading
 * the output back with programme_from_xml() gives the same model.
 *
 * Used by main.c through parse.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "parse.h"
#include "util.h"

#define MAX_ID	200	/* the schema's maxLength for ids */

/* The ids written for one kind of entity. */
struct ids {
	char	**v;
	size_t	  n;
};

/* The kinds of entity with ids, indexing an array of struct ids. */
enum id_kind {
	ID_ROOM,
	ID_SLOT,
	ID_TRACK,
	ID_PERSON,
	ID_FORUM,
	ID__MAX
};

static int
id_char(char c, int first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' ||
	    (!first && (c == '.' || c == ':' || c == '-'));
}

/*
 * An id the schema accepts for the entity's id (or, without one, the
 * fallback and its index): characters outside [A-Za-z0-9_.:-] become '-',
 * and a suffix keeps it unique among all ids written (our format's ids
 * are unique across kinds: a room and a track may not share one).
 */
static void
add_id(struct ids *ids, xmlHashTablePtr taken, const char *id,
    const char *fallback, size_t index)
{
	struct buf b = { NULL, 0, 0 };
	char *base, *s;
	size_t k = 2;

	for (; id != NULL && *id != '\0' && b.len < MAX_ID - 8; id++) {
		if (id_char(*id, b.len == 0))
			buf_addc(&b, *id);
		else if (b.len > 0 && b.data[b.len - 1] != '-')
			buf_addc(&b, '-');
	}
	if (b.len == 0)
		base = xasprintf("%s%zu", fallback, index + 1);
	else
		base = buf_take(&b);
	s = xstrdup(base);
	while (xmlHashLookup(taken, (const xmlChar *)s) != NULL) {
		free(s);
		s = xasprintf("%s-%zu", base, k++);
	}
	xmlHashAddEntry(taken, (const xmlChar *)s, ids);
	free(base);
	ids->v = xreallocarray(ids->v, ids->n + 1, sizeof(*ids->v));
	ids->v[ids->n++] = s;
}

static void
free_ids(struct ids *ids)
{
	size_t i;

	for (i = 0; i < ids->n; i++)
		free(ids->v[i]);
	free(ids->v);
}

/*
 * Writes s escaped for text or an attribute value.  Characters XML 1.0
 * cannot carry are left out; the model should have none.
 */
static void
put_escaped(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\n':
			fputs("&#10;", out);
			break;
		case '\t':
			fputs("&#9;", out);
			break;
		case '\r':
			fputs("&#13;", out);
			break;
		default:
			if ((unsigned char)*s >= 0x20)
				fputc(*s, out);
		}
	}
}

/* <name>text</name> on its own line, when text is not NULL. */
static void
put_element(FILE *out, int indent, const char *name, const char *text)
{
	if (text == NULL)
		return;
	fprintf(out, "%*s<%s>", indent, "", name);
	put_escaped(out, text);
	fprintf(out, "</%s>\n", name);
}

static void put_attr(FILE *, const char *, const char *);

/* <p>, <item marker="•"> or <heading>, with <b> around the bold spans. */
static void
put_paragraph(FILE *out, const struct paragraph *p)
{
	static const char *const tags[] = { "p", "item", "heading" };
	const char *tag = tags[p->kind];
	size_t at = 0, k;
	char *piece;

	fprintf(out, "%8s<%s", "", tag);
	if (p->kind == PARA_ITEM)
		put_attr(out, "marker", p->marker);
	fputc('>', out);
	for (k = 0; k < p->nbold; k++) {
		piece = xstrndup(p->text + at, p->bold[k].start - at);
		put_escaped(out, piece);
		free(piece);
		piece = xstrndup(p->text + p->bold[k].start, p->bold[k].end -
		    p->bold[k].start);
		fputs("<b>", out);
		put_escaped(out, piece);
		fputs("</b>", out);
		free(piece);
		at = p->bold[k].end;
	}
	put_escaped(out, p->text + at);
	fprintf(out, "</%s>\n", tag);
}

static void
put_attr(FILE *out, const char *name, const char *value)
{
	if (value == NULL)
		return;
	fprintf(out, " %s=\"", name);
	put_escaped(out, value);
	fputc('"', out);
}

static void
put_time(FILE *out, const char *name, int minutes)
{
	minutes %= 24 * 60;
	fprintf(out, " %s=\"%02d:%02d\"", name, minutes / 60, minutes % 60);
}

static void
write_event(FILE *out, const struct conference *e)
{
	size_t i;

	fputs("  <event>\n", out);
	put_element(out, 4, "title", e->title);
	put_element(out, 4, "subtitle", e->subtitle);
	for (i = 0; i < e->ndates; i++)
		put_element(out, 4, "date", e->dates[i]);
	put_element(out, 4, "venue", e->venue);
	put_element(out, 4, "organiser", e->organiser);
	put_element(out, 4, "url", e->url);
	fputs("  </event>\n", out);
}

static void
write_person(FILE *out, const struct person *s, const char *id)
{
	const char *tag = s->placeholder ? "placeholder" : "person";

	fprintf(out, "    <%s", tag);
	put_attr(out, "id", id);
	if (s->status == PERSON_INVITED)
		put_attr(out, "status", "invited");
	fputs(">\n", out);
	if (s->placeholder) {
		put_element(out, 6, "role", s->role);
		put_element(out, 6, "organisation", s->organisation);
	} else {
		put_element(out, 6, "title", s->title);
		put_element(out, 6, "given", s->given);
		put_element(out, 6, "family", s->family);
		put_element(out, 6, "remark", s->remark);
		put_element(out, 6, "role", s->role);
		put_element(out, 6, "organisation", s->organisation);
		put_element(out, 6, "email", s->email);
		put_element(out, 6, "url", s->url);
		put_element(out, 6, "photo", s->photo);
	}
	fprintf(out, "    </%s>\n", tag);
}

static void
write_refs(FILE *out, const struct programme *p, struct person *const *v,
    size_t n, const char *tag, const struct ids *people)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(out, "        <%s", tag);
		put_attr(out, "ref", people->v[v[i] - p->people]);
		fputs("/>\n", out);
	}
}

static void
write_forum(FILE *out, const struct programme *p, const struct forum *f,
    const char *id, const struct ids ids[])
{
	size_t i;

	fputs("    <forum", out);
	put_attr(out, "id", id);
	if (f->number > 0)
		fprintf(out, " number=\"%d\"", f->number);
	if (f->room != NULL)
		put_attr(out, "room", ids[ID_ROOM].v[f->room - p->rooms]);
	if (f->slot != NULL)
		put_attr(out, "slot", ids[ID_SLOT].v[f->slot - p->slots]);
	if (f->track != NULL)
		put_attr(out, "track",
		    ids[ID_TRACK].v[f->track - p->tracks]);
	put_attr(out, "xml:lang", f->lang);
	fputs(">\n", out);
	put_element(out, 6, "title", f->title);
	put_element(out, 6, "subtitle", f->subtitle);
	if (f->host != NULL) {
		fputs("      <host", out);
		put_attr(out, "logo", f->host_logo);
		fputc('>', out);
		put_escaped(out, f->host);
		fputs("</host>\n", out);
	}
	if (f->nparagraphs > 0) {
		fputs("      <description>\n", out);
		for (i = 0; i < f->nparagraphs; i++)
			put_paragraph(out, &f->paragraphs[i]);
		fputs("      </description>\n", out);
	}
	put_element(out, 6, "url", f->url);
	if (f->nmoderators > 0) {
		fputs("      <moderation>\n", out);
		write_refs(out, p, f->moderators, f->nmoderators, "moderator",
		    &ids[ID_PERSON]);
		fputs("      </moderation>\n", out);
	}
	if (f->nspeakers > 0) {
		fprintf(out, "      <speakers%s>\n", f->speakers_complete ? "" :
		    " complete=\"false\"");
		write_refs(out, p, f->speakers, f->nspeakers, "speaker",
		    &ids[ID_PERSON]);
		fputs("      </speakers>\n", out);
	}
	fputs("    </forum>\n", out);
}

/* Unique ids for every entity of p, made up where p has none. */
static void
make_ids(const struct programme *p, struct ids ids[ID__MAX])
{
	size_t i;

	xmlHashTablePtr taken = xmlHashCreate(256);

	memset(ids, 0, ID__MAX * sizeof(ids[0]));
	for (i = 0; i < p->nrooms; i++)
		add_id(&ids[ID_ROOM], taken, p->rooms[i].id, "room", i);
	for (i = 0; i < p->nslots; i++)
		add_id(&ids[ID_SLOT], taken, p->slots[i].id, "slot", i);
	for (i = 0; i < p->ntracks; i++)
		add_id(&ids[ID_TRACK], taken, p->tracks[i].id, "track", i);
	for (i = 0; i < p->npeople; i++)
		add_id(&ids[ID_PERSON], taken, p->people[i].id, "person", i);
	for (i = 0; i < p->nforums; i++)
		add_id(&ids[ID_FORUM], taken, p->forums[i].id, "forum", i);
	xmlHashFree(taken, NULL);
}

static void
write_rooms(FILE *out, const struct programme *p, const struct ids *ids)
{
	size_t i;

	if (p->nrooms == 0)
		return;
	fputs("  <rooms>\n", out);
	for (i = 0; i < p->nrooms; i++) {
		fputs("    <room", out);
		put_attr(out, "id", ids->v[i]);
		if (p->rooms[i].parallel)
			put_attr(out, "parallel", "true");
		fputs(">\n", out);
		put_element(out, 6, "name", p->rooms[i].name);
		put_element(out, 6, "directions", p->rooms[i].directions);
		fputs("    </room>\n", out);
	}
	fputs("  </rooms>\n", out);
}

static void
write_slots(FILE *out, const struct programme *p, const struct ids *ids)
{
	size_t i;

	if (p->nslots == 0)
		return;
	fputs("  <slots>\n", out);
	for (i = 0; i < p->nslots; i++) {
		const struct slot *s = &p->slots[i];

		fputs("    <slot", out);
		put_attr(out, "id", ids->v[i]);
		put_attr(out, "date", s->date);
		put_time(out, "start", s->start);
		if (s->end != s->start)		/* else not known */
			put_time(out, "end", s->end);
		if (s->label == NULL)
			fputs("/>\n", out);
		else {
			fputs(">\n", out);
			put_element(out, 6, "label", s->label);
			fputs("    </slot>\n", out);
		}
	}
	fputs("  </slots>\n", out);
}

static void
write_tracks(FILE *out, const struct programme *p, const struct ids *ids)
{
	size_t i;

	if (p->ntracks == 0)
		return;
	fputs("  <tracks>\n", out);
	for (i = 0; i < p->ntracks; i++) {
		fputs("    <track", out);
		put_attr(out, "id", ids->v[i]);
		put_attr(out, "colour", p->tracks[i].colour);
		fputc('>', out);
		put_escaped(out, p->tracks[i].name);
		fputs("</track>\n", out);
	}
	fputs("  </tracks>\n", out);
}

int
programme_write_xml(const struct programme *p, FILE *out)
{
	struct ids ids[ID__MAX];
	size_t i;

	make_ids(p, ids);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<programme xmlns=\"%s\" version=\"1\"", PROGRAMME_NS);
	put_attr(out, "xml:lang", p->lang);
	fputs(">\n", out);
	write_event(out, &p->conference);
	write_rooms(out, p, &ids[ID_ROOM]);
	write_slots(out, p, &ids[ID_SLOT]);
	write_tracks(out, p, &ids[ID_TRACK]);
	if (p->npeople > 0) {
		fputs("  <people>\n", out);
		for (i = 0; i < p->npeople; i++)
			write_person(out, &p->people[i], ids[ID_PERSON].v[i]);
		fputs("  </people>\n", out);
	}
	fputs("  <forums>\n", out);
	for (i = 0; i < p->nforums; i++)
		write_forum(out, p, &p->forums[i], ids[ID_FORUM].v[i], ids);
	fputs("  </forums>\n</programme>\n", out);
	for (i = 0; i < ID__MAX; i++)
		free_ids(&ids[i]);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
