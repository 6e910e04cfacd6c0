/*
 * Parser for our own programme format (urn:pdfgen:programme:1, described by
 * input/programme.xsd and README.md).  The schema checks the structure;
 * this file builds the model and checks what the schema cannot see: that
 * every reference names something defined, that ids are unique, and that
 * times and numbers make sense.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "parse.h"
#include "util.h"
#include "xmlsrc.h"

/* Compiled in from input/programme.xsd by the Makefile. */
extern const char programme_xsd[];
extern const unsigned long programme_xsd_len;

/* The kinds of thing a forum refers to by id. */
enum kind {
	KIND_ROOM,
	KIND_SLOT,
	KIND_TRACK,
	KIND_PERSON,
	KIND_FORUM,
	KIND__MAX
};

static const char *const kind_names[KIND__MAX] = {
	"room",		/* KIND_ROOM */
	"slot",		/* KIND_SLOT */
	"track",	/* KIND_TRACK */
	"person",	/* KIND_PERSON */
	"forum",	/* KIND_FORUM */
};

struct parser {
	struct programme *prog;
	struct xmlsrc	*x;
	struct diag	*d;
	unsigned	 flags;	/* LOAD_* */
	xmlHashTablePtr	 ids;	/* id -> the xmlNode that defines it */
	xmlHashTablePtr	 kinds[KIND__MAX]; /* id -> the entity in the model */
};

static int
is(const xmlNode *n, const char *name)
{
	return xml_is(n, PROGRAMME_NS, name);
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	return xml_child(n, PROGRAMME_NS, name);
}

static char *
child_text(const xmlNode *n, const char *name)
{
	return xml_text(child(n, name));
}

/*
 * Records the id of entity obj of the given kind; reports a duplicate (ids
 * are unique across the file).
 */
static char *
take_id(struct parser *ps, xmlNode *n, enum kind kind, void *obj,
    struct srcpos *pos)
{
	char *id = xml_attr(n, "id");
	xmlNode *first;
	struct srcpos fpos;

	xmlsrc_pos(ps->x, n, pos);
	if (id == NULL)
		id = xstrdup("");
	if ((first = xmlHashLookup(ps->ids, (xmlChar *)id)) != NULL) {
		diag_error(ps->d, pos, "duplicate id '%s'", id);
		xmlsrc_pos(ps->x, first, &fpos);
		diag_note(ps->d, &fpos, "'%s' is first defined here", id);
	} else {
		xmlHashAddEntry(ps->ids, (xmlChar *)id, n);
		xmlHashAddEntry(ps->kinds[kind], (xmlChar *)id, obj);
	}
	return id;
}

/* "HH:MM" (the schema has checked the form) to minutes after midnight. */
static int
minutes(const char *s)
{
	return s ? ((s[0] - '0') * 10 + (s[1] - '0')) * 60 +
	    (s[3] - '0') * 10 + (s[4] - '0') : 0;
}

/* A path from the file relative to the programme, usable from here. */
static char *
relative_path(const struct programme *prog, char *path)
{
	char *full;

	if (path == NULL)
		return NULL;
	full = path_beside(prog->file, path);
	free(path);
	return full;
}

static void
parse_event(struct parser *ps, xmlNode *ev)
{
	struct conference *e = &ps->prog->conference;
	xmlNode *c;

	e->title = child_text(ev, "title");
	e->subtitle = child_text(ev, "subtitle");
	e->venue = child_text(ev, "venue");
	e->organiser = child_text(ev, "organiser");
	e->url = child_text(ev, "url");
	e->dates = xcalloc(xml_count(ev), sizeof(char *));
	for (c = xml_first(ev); c != NULL; c = xml_next(c))
		if (is(c, "date"))
			e->dates[e->ndates++] = xml_text(c);
}

static void
parse_rooms(struct parser *ps, xmlNode *list)
{
	struct programme *p = ps->prog;
	xmlNode *c;
	char *v;

	p->rooms = xcalloc(xml_count(list), sizeof(*p->rooms));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		struct room *r = &p->rooms[p->nrooms++];

		r->id = take_id(ps, c, KIND_ROOM, r, &r->pos);
		r->name = child_text(c, "name");
		r->directions = child_text(c, "directions");
		v = xml_attr(c, "parallel");
		r->parallel = v != NULL && (strcmp(v, "true") == 0 ||
		    strcmp(v, "1") == 0);
		free(v);
	}
}

static void
parse_slots(struct parser *ps, xmlNode *list)
{
	struct programme *p = ps->prog;
	xmlNode *c;

	p->slots = xcalloc(xml_count(list), sizeof(*p->slots));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		struct slot *s = &p->slots[p->nslots++];
		char *start = xml_attr(c, "start"), *end = xml_attr(c, "end");

		s->id = take_id(ps, c, KIND_SLOT, s, &s->pos);
		s->date = xml_attr(c, "date");
		s->label = child_text(c, "label");
		s->start = minutes(start);
		/* Without an end, the end is not known: end == start. */
		s->end = end != NULL ? minutes(end) : s->start;
		/* An end before the start means the slot runs past midnight. */
		if (s->end < s->start)
			s->end += 24 * 60;
		if (end != NULL && s->end == s->start)
			diag_error(ps->d, &s->pos, "slot '%s' ends when it "
			    "starts (%s)", s->id, start ? start : "?");
		free(start);
		free(end);
	}
}

static void
parse_tracks(struct parser *ps, xmlNode *list)
{
	struct programme *p = ps->prog;
	xmlNode *c;

	p->tracks = xcalloc(xml_count(list), sizeof(*p->tracks));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		struct track *t = &p->tracks[p->ntracks++];

		t->id = take_id(ps, c, KIND_TRACK, t, &t->pos);
		t->name = xml_text(c);
		t->colour = xml_attr(c, "colour");
	}
}

static void
parse_people(struct parser *ps, xmlNode *list)
{
	struct programme *p = ps->prog;
	xmlNode *c;
	char *status;

	p->people = xcalloc(xml_count(list),
	    sizeof(*p->people));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		struct person *s = &p->people[p->npeople++];

		s->id = take_id(ps, c, KIND_PERSON, s, &s->pos);
		s->placeholder = is(c, "placeholder");
		s->title = child_text(c, "title");
		s->given = child_text(c, "given");
		s->family = child_text(c, "family");
		s->remark = child_text(c, "remark");
		s->role = child_text(c, "role");
		s->organisation = child_text(c, "organisation");
		s->email = child_text(c, "email");
		s->url = child_text(c, "url");
		s->photo = relative_path(p, child_text(c, "photo"));
		status = xml_attr(c, "status");
		s->status = status && strcmp(status, "invited") == 0 ?
		    PERSON_INVITED : PERSON_CONFIRMED;
		free(status);
	}
}

/*
 * The entity of the given kind that attribute attr of n names, or NULL;
 * reports a reference to nothing, or to the wrong kind of thing.
 */
static void *
resolve(struct parser *ps, xmlNode *n, const char *attr, enum kind kind)
{
	char *ref = xml_attr(n, attr);
	void *obj = NULL;
	struct srcpos pos;
	enum kind k;

	if (ref == NULL)
		return NULL;
	if ((obj = xmlHashLookup(ps->kinds[kind], (xmlChar *)ref)) == NULL) {
		xmlsrc_attr_pos(ps->x, n, attr, &pos);
		for (k = 0; k < KIND__MAX; k++)
			if (xmlHashLookup(ps->kinds[k], (xmlChar *)ref))
				break;
		if (k < KIND__MAX)
			diag_error(ps->d, &pos, "'%s' is a %s, not a %s", ref,
			    kind_names[k], kind_names[kind]);
		else
			diag_error(ps->d, &pos, "unknown %s '%s'",
			    kind_names[kind], ref);
	}
	free(ref);
	return obj;
}

/* The people that the ref children of list name, in order. */
static struct person **
resolve_people(struct parser *ps, xmlNode *list, size_t *n)
{
	struct person **v, *s;
	xmlNode *c;
	size_t i;
	struct srcpos pos;

	*n = 0;
	v = xcalloc(xml_count(list), sizeof(*v));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c)) {
		if ((s = resolve(ps, c, "ref", KIND_PERSON)) == NULL)
			continue;
		for (i = 0; i < *n && v[i] != s; i++)
			continue;
		if (i < *n) {
			xmlsrc_pos(ps->x, c, &pos);
			diag_warning(ps->d, &pos, "'%s' is listed twice; "
			    "printed once", s->id);
			continue;
		}
		v[(*n)++] = s;
	}
	return v;
}

/* The text of n with PARA_BOLD_ON/OFF around its <b> children. */
static void
marked_text(struct buf *b, const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			buf_adds(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE) {
			buf_addc(b, PARA_BOLD_ON);
			marked_text(b, c);
			buf_addc(b, PARA_BOLD_OFF);
		}
}

/* <p>, <item marker="•"> and <heading>, bold in <b>. */
static void
parse_description(struct forum *f, xmlNode *desc)
{
	struct buf b = { NULL, 0, 0 };
	enum para_kind kind;
	xmlNode *c;
	char *marker;

	for (c = desc ? xml_first(desc) : NULL; c != NULL; c = xml_next(c)) {
		kind = is(c, "item") ? PARA_ITEM : is(c, "heading") ?
		    PARA_HEADING : PARA_PLAIN;
		marker = kind == PARA_ITEM ? xml_attr(c, "marker") : NULL;
		buf_adds(&b, "");
		marked_text(&b, c);
		/* An empty one was reported by empty_paragraphs(). */
		(void)forum_add_paragraph(f, kind, kind != PARA_ITEM ? NULL :
		    marker ? marker : "\xE2\x80\xA2", b.data, 0);
		b.len = 0;
		free(marker);
	}
	buf_release(&b);
}

static void
parse_forum(struct parser *ps, xmlNode *n, struct forum *f)
{
	xmlNode *host, *speakers;
	xmlChar *lang;
	char *num, *complete, *end;
	long number;

	f->id = take_id(ps, n, KIND_FORUM, f, &f->pos);
	/* Without a number the forum is named by what it has (title, time). */
	if ((num = xml_attr(n, "number")) != NULL) {
		number = strtol(num, &end, 10);
		if (number <= 0 || number > INT_MAX || *end != '\0')
			diag_error(ps->d, &f->pos, "forum number '%s' is not a "
			    "number from 1 to %d", num, INT_MAX);
		else
			f->number = (int)number;
	}
	free(num);
	f->title = child_text(n, "title");
	f->subtitle = child_text(n, "subtitle");
	if ((lang = xmlGetNsProp(n, (const xmlChar *)"lang",
	    XML_XML_NAMESPACE)) != NULL) {
		f->lang = xstrdup((const char *)lang);
		xmlFree(lang);
	}
	if ((host = child(n, "host")) != NULL) {
		f->host = xml_text(host);
		f->host_logo = relative_path(ps->prog, xml_attr(host, "logo"));
	}
	if (!(ps->flags & LOAD_NO_DESCRIPTIONS))
		parse_description(f, child(n, "description"));
	f->url = child_text(n, "url");
	f->room = resolve(ps, n, "room", KIND_ROOM);
	f->slot = resolve(ps, n, "slot", KIND_SLOT);
	f->track = resolve(ps, n, "track", KIND_TRACK);
	speakers = child(n, "speakers");
	f->speakers = resolve_people(ps, speakers, &f->nspeakers);
	complete = speakers ? xml_attr(speakers, "complete") : NULL;
	f->speakers_complete = !(complete && (strcmp(complete, "false") == 0 ||
	    strcmp(complete, "0") == 0));
	free(complete);
	f->moderators = resolve_people(ps, child(n, "moderation"),
	    &f->nmoderators);
}

static void
parse_forums(struct parser *ps, xmlNode *list)
{
	struct programme *p = ps->prog;
	xmlNode *c;

	p->forums = xcalloc(xml_count(list), sizeof(*p->forums));
	for (c = list ? xml_first(list) : NULL; c != NULL; c = xml_next(c))
		parse_forum(ps, c, &p->forums[p->nforums++]);
}

/*
 * Reports each paragraph of a description that is empty or only white
 * space, as the schema reports its texts: a paragraph is mixed content
 * (text and <b>), which no schema type can require to hold a letter.
 * Returns the number reported.
 */
static int
empty_paragraphs(struct xmlsrc *x, xmlNode *root, struct diag *d)
{
	xmlNode *fs = child(root, "forums"), *f, *desc, *c;
	xmlChar *t;
	struct srcpos pos;
	size_t len;
	int n = 0;

	for (f = fs ? xml_first(fs) : NULL; f != NULL; f = xml_next(f)) {
		if ((desc = child(f, "description")) == NULL)
			continue;
		for (c = xml_first(desc); c != NULL; c = xml_next(c)) {
			t = xmlNodeGetContent(c);
			len = t != NULL ? strlen((const char *)t) : 0;
			/* XML's white space: space, tab, CR and LF. */
			if (t == NULL ||
			    strspn((const char *)t, " \t\r\n") == len) {
				xmlsrc_pos(x, c, &pos);
				diag_error(d, &pos, "<%s> is empty or only white "
				    "space", (const char *)c->name);
				n++;
			}
			xmlFree(t);
		}
	}
	return n;
}

int
programme_from_xml(struct programme *prog, struct xmlsrc *x, unsigned flags,
    struct diag *d)
{
	struct parser ps = { prog, x, d, flags, NULL, { NULL } };
	xmlNode *root = xmlDocGetRootElement(x->doc);
	xmlChar *lang;
	struct srcpos pos;
	int k;

	xmlsrc_pos(x, root, &pos);
	if (!is(root, "programme"))
		return diag_error(d, &pos, "the root element is <%s>, expected "
		    "<programme xmlns=\"%s\">", root ? (char *)root->name : "",
		    PROGRAMME_NS);
	k = xmlsrc_validate(x, programme_xsd, programme_xsd_len, d);
	if (empty_paragraphs(x, root, d) > 0 || k == -1)
		return -1;
	lang = xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
	prog->lang = xstrdup(lang ? (const char *)lang : "de");
	xmlFree(lang);
	ps.ids = xmlHashCreate(64);
	for (k = 0; k < KIND__MAX; k++)
		ps.kinds[k] = xmlHashCreate(64);
	parse_event(&ps, child(root, "event"));
	parse_rooms(&ps, child(root, "rooms"));
	parse_slots(&ps, child(root, "slots"));
	parse_tracks(&ps, child(root, "tracks"));
	parse_people(&ps, child(root, "people"));
	parse_forums(&ps, child(root, "forums"));
	xmlHashFree(ps.ids, NULL);
	for (k = 0; k < KIND__MAX; k++)
		xmlHashFree(ps.kinds[k], NULL);
	return 0;
}
