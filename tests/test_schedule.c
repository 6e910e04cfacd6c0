/*
 * Tests of the schedule.xml import (schedule_xml.c) and of the programme
 * writer (programme_write.c): the real pretalx sample, one hand-made
 * fixture per kind of messy data in tests/schedule/, a generated big
 * conference, and the writer's round trip through our own parser.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "parse.h"
#include "xmlsrc.h"
#include "util.h"

#define SAMPLE "tests/samples/good2025-pretalx.schedule.xml"

extern const char programme_xsd[];
extern const unsigned long programme_xsd_len;

/* A programme read from a schedule.xml, and what was reported. */
struct loaded {
	struct programme *prog;
	char		*msgs;
	size_t		 msgslen;
	struct diag	 d;
};

static void
load_with(struct loaded *l, const char *path,
    int (*parse)(struct programme *, struct xmlsrc *, unsigned,
    struct diag *))
{
	struct xmlsrc x;
	FILE *out;

	memset(l, 0, sizeof(*l));
	out = open_memstream(&l->msgs, &l->msgslen);
	diag_init(&l->d, out, 0);
	l->prog = xcalloc(1, sizeof(*l->prog));
	l->prog->file = xstrdup(path);
	assert_int_equal(xmlsrc_load(&x, l->prog->file, XMLSRC_MAX_BYTES,
	    &l->d), 0);
	assert_int_equal(parse(l->prog, &x, 0, &l->d), 0);
	xmlsrc_release(&x);
	fclose(out);
	l->d.out = NULL;
}

/* Runs programme_check on l's programme; returns what it reported. */
static char *
check(struct loaded *l)
{
	char *msgs;
	size_t len;
	FILE *out = open_memstream(&msgs, &len);

	l->d.out = out;
	assert_int_equal(programme_check(l->prog, 0, &l->d), 0);
	fclose(out);
	l->d.out = NULL;
	return msgs;
}

static void
load(struct loaded *l, const char *path)
{
	load_with(l, path, schedule_from_xml);
}

static void
unload(struct loaded *l)
{
	programme_free(l->prog);
	free(l->msgs);
}

static const struct forum *
forum_titled(const struct programme *p, const char *title)
{
	size_t i;

	for (i = 0; i < p->nforums; i++)
		if (strcmp(p->forums[i].title, title) == 0)
			return &p->forums[i];
	fail_msg("no forum '%s'", title);
	return NULL;
}

static const struct person *
person_id(const struct programme *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->npeople; i++)
		if (strcmp(p->people[i].id, id) == 0)
			return &p->people[i];
	fail_msg("no person '%s'", id);
	return NULL;
}

static void
assert_str_or_null(const char *got, const char *want)
{
	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
}

static void
assert_person(const struct person *s, const char *title, const char *given,
    const char *family, const char *org)
{
	assert_str_or_null(s->title, title);
	assert_str_or_null(s->given, given);
	assert_str_or_null(s->family, family);
	assert_str_or_null(s->organisation, org);
}

static void
assert_paragraphs(const struct forum *f, size_t n, ...)
{
	va_list ap;
	size_t i;

	assert_int_equal(f->nparagraphs, n);
	va_start(ap, n);
	for (i = 0; i < n; i++)
		assert_string_equal(f->paragraphs[i].text,
		    va_arg(ap, const char *));
	va_end(ap);
}

static int
speaks_in(const struct forum *f, const struct person *s)
{
	size_t i;

	for (i = 0; i < f->nspeakers; i++)
		if (f->speakers[i] == s)
			return 1;
	return 0;
}

/* --- the real pretalx export ----------------------------------------- */

static void
sample_counts(void **state)
{
	struct loaded l;
	const struct programme *p;
	size_t i, n = 0;
	char *msgs;

	(void)state;
	load(&l, SAMPLE);
	p = l.prog;
	/*
	 * Posters at 18:30 and later during the reception at 18:00-20:00:
	 * the concourse is a room for parallel sessions.
	 */
	assert_string_equal(l.msgs, SAMPLE ":706:13: warning: 'Idea "
	    "Marketplace and Reception (Hors D'oeuvres)' and 'Using "
	    "OpenOnDemand for Real-World, Interdisciplinary AI Projects in "
	    "Classrooms' are both in room 'CGIS Concourse' at the same time; "
	    "the room is taken as one for parallel sessions\n"
	    SAMPLE ":677:13: note: 'Idea Marketplace and Reception (Hors "
	    "D'oeuvres)' is here\n");
	assert_string_equal(p->conference.title, "GOOD 2025");
	assert_int_equal(p->conference.ndates, 4);
	assert_string_equal(p->conference.dates[0], "2025-03-17");
	assert_string_equal(p->conference.dates[3], "2025-03-20");
	assert_string_equal(p->lang, "en");
	assert_int_equal(p->nforums, 72);
	assert_int_equal(p->npeople, 63);
	assert_int_equal(p->nrooms, 5);
	assert_int_equal(p->ntracks, 13);
	for (i = 0; i < p->nforums; i++) {
		assert_int_equal(p->forums[i].number, 0);	/* none made up */
		assert_non_null(p->forums[i].room);
		assert_non_null(p->forums[i].slot);
		assert_null(p->forums[i].lang);
		n += p->forums[i].nspeakers;
	}
	assert_int_equal(n, 87);	/* <person> elements in the file */
	for (i = 0; i < p->nrooms; i++)
		assert_int_equal(p->rooms[i].parallel, strcmp(p->rooms[i].name,
		    "CGIS Concourse") == 0);
	msgs = check(&l);
	assert_string_equal(msgs, "");
	free(msgs);
	unload(&l);
}

/* Every title and every speaker in the file, read with libxml2 directly. */
static void
walk_sample(const struct programme *p, xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		char *text;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xml_is(n, NULL, "title") && xml_is(n->parent, NULL,
		    "event")) {
			text = xml_text(n);
			forum_titled(p, text);
			free(text);
		} else if (xml_is(n, NULL, "person")) {
			char *id = xml_attr(n, "id"), *name, *full;
			size_t i;

			text = xml_text(n);
			for (i = 0; i < p->npeople; i++) {
				name = person_name(&p->people[i]);
				full = p->people[i].organisation ?
				    xasprintf("%s [%s]", name,
				    p->people[i].organisation) : xstrdup(name);
				free(name);
				if (strcmp(full, text) == 0) {
					free(full);
					break;
				}
				free(full);
			}
			if (i == p->npeople)
				fail_msg("speaker '%s' (%s) is missing", text,
				    id);
			free(text);
			free(id);
		}
		walk_sample(p, n->children);
	}
}

static void
sample_titles_and_speakers(void **state)
{
	struct loaded l;
	struct diag d;
	struct xmlsrc x;

	(void)state;
	load(&l, SAMPLE);
	diag_init(&d, stderr, 0);
	assert_int_equal(xmlsrc_load(&x, SAMPLE, XMLSRC_MAX_BYTES, &d), 0);
	walk_sample(l.prog, xmlDocGetRootElement(x.doc));
	xmlsrc_release(&x);
	unload(&l);
}

static void
sample_one_person_many_talks(void **state)
{
	struct loaded l;
	const struct programme *p;
	const struct person *s;
	size_t i, n = 0;

	(void)state;
	load(&l, SAMPLE);
	p = l.prog;
	s = person_id(p, "emily-moffat-sadeghi");
	assert_person(s, NULL, "Emily Moffat", "Sadeghi",
	    "Ohio Supercomputer Center");
	for (i = 0; i < p->nforums; i++)
		n += speaks_in(&p->forums[i], s);
	assert_true(n >= 3);
	/* Three talks at 13:00 on the first day share one slot. */
	assert_ptr_equal(p->forums[0].slot, p->forums[1].slot);
	assert_ptr_equal(p->forums[0].slot, p->forums[2].slot);
	assert_string_equal(p->forums[0].slot->id, "2025-03-17-1300-1700");
	assert_int_equal(p->forums[0].slot->start, 13 * 60);
	assert_int_equal(p->forums[0].slot->end, 17 * 60);
	assert_string_equal(p->forums[0].id, "2025-56-contributor-jam");
	assert_string_equal(p->forums[0].room->name,
	    "Tsai Auditorium (CGIS S010)");
	assert_string_equal(p->forums[0].track->name, "Core Team Track");
	assert_null(p->forums[0].subtitle);
	unload(&l);
}

static void
sample_markdown(void **state)
{
	struct loaded l;
	const struct forum *f;

	(void)state;
	load(&l, SAMPLE);
	f = forum_titled(l.prog, "Attendee Social at Fenway Park");
	assert_int_equal(f->nspeakers, 0);
	assert_true(f->nparagraphs >= 6);
	assert_string_equal(f->paragraphs[0].text,
	    "\xF0\x9F\x93\x8D Location: Fenway Park");
	assert_string_equal(f->paragraphs[1].text, "\xF0\x9F\x95\x95 Time: "
	    "Wednesday, 6:00 PM \xE2\x80\x93 9:30 PM");
	assert_string_equal(f->paragraphs[4].text, "6:00 PM | Bus Pickup & "
	    "Departure - Shuttle buses will pick up attendees from the "
	    "conference venue and transport them to Fenway Park.");
	unload(&l);
}

/* --- hand-made fixtures ---------------------------------------------- */

static void
text_html(void **state)
{
	struct loaded l;
	const struct forum *f;

	(void)state;
	load(&l, "tests/schedule/text.xml");
	assert_string_equal(l.msgs,
	    "tests/schedule/text.xml:11:5: warning: invalid colour 'red' of "
	    "track 'Odd'; the layout picks one\n"
	    "tests/schedule/text.xml:64:9: warning: invalid language "
	    "'English' of 'Control characters \xF0\x9F\x98\x80'; ignored\n");
	f = forum_titled(l.prog, "HTML abstract");
	assert_null(f->subtitle);
	assert_string_equal(f->id, "text2025-1-html");
	assert_string_equal(f->track->colour, "#1A2B3C");
	/* The description repeats the first paragraph: dropped. */
	assert_paragraphs(f, 6, "First bold paragraph with a link.",
	    "Second\xC2\xA0one", "after a break & more", "item one",
	    "item two",
	    "a < b");
	assert_null(forum_titled(l.prog, "Markdown description")->
	    track->colour);
	unload(&l);
}

static void
text_markdown(void **state)
{
	struct loaded l;
	const struct forum *f;

	(void)state;
	load(&l, "tests/schedule/text.xml");
	f = forum_titled(l.prog, "Markdown description");
	assert_null(f->subtitle);
	assert_string_equal(f->lang, "de-DE");
	assert_string_equal(f->id, "event-2");
	assert_paragraphs(f, 11, "Plain abstract.", "Heading",
	    "Some bold and italic text with a link and snake_case_name, "
	    "2 * 3 and code.", "Next line starts a paragraph.",
	    "wrapped line goes on", "first item", "second item",
	    "numbered item", "quoted text", "Hard break",
	    "after it *not bold*");
	assert_string_equal(f->paragraphs[7].marker, "1)");
	assert_int_equal(f->paragraphs[1].kind, PARA_HEADING);
	assert_int_equal(f->paragraphs[5].kind, PARA_ITEM);
	unload(&l);
}

/* The bold parts of paragraph p, as "start-end start-end". */
static void
assert_bold(const struct paragraph *p, const char *want)
{
	char got[256] = "";
	size_t k, n = 0;

	for (k = 0; k < p->nbold; k++)
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%.*s",
		    k > 0 ? "|" : "", (int)(p->bold[k].end - p->bold[k].start),
		    p->text + p->bold[k].start);
	assert_string_equal(got, want);
}

/*
 * HTML by libxml2's HTML parser and Markdown by cmark: lists keep their
 * markers, headings are headings, strong text is bold, table rows are
 * plain lines, every HTML entity is known, a title loses its tags.
 */
static void
text_structure(void **state)
{
	struct loaded l;
	const struct forum *f;

	(void)state;
	load(&l, "tests/schedule/markup.xml");
	assert_string_equal(l.msgs, "");
	f = forum_titled(l.prog, "Rust and C & more");
	assert_paragraphs(f, 8, "Goals", "We look at memory safety "
	    "\xE2\x99\xA5 and Fran\xC3\xA7ois\xE2\x80\x99 work\xE2\x80\xAF"
	    "\xE2\x80\x94 in practice.", "Ownership", "Borrowing rules",
	    "Install", "Run", "Tool \xC2\xB7 Use", "cargo \xC2\xB7 build");
	assert_int_equal(f->paragraphs[0].kind, PARA_HEADING);
	assert_int_equal(f->paragraphs[1].kind, PARA_PLAIN);
	assert_bold(&f->paragraphs[1], "memory safety");
	assert_int_equal(f->paragraphs[2].kind, PARA_ITEM);
	assert_string_equal(f->paragraphs[2].marker, "\xE2\x80\xA2");
	assert_bold(&f->paragraphs[3], "Borrowing");
	assert_string_equal(f->paragraphs[4].marker, "1.");
	assert_string_equal(f->paragraphs[5].marker, "2.");
	assert_int_equal(f->paragraphs[6].kind, PARA_PLAIN);

	f = forum_titled(l.prog, "Markdown in pretalx");
	assert_paragraphs(f, 9, "Agenda", "We cover three things "
	    "\xE2\x80\x94 and more:", "Parsing", "Walking the tree",
	    "nested item", "Step \xC2\xB7 Time", "Intro \xC2\xB7 5 min",
	    "Demo \xC2\xB7 20 min", "A line with inline HTML \xC2\xA9 2025.");
	assert_int_equal(f->paragraphs[0].kind, PARA_HEADING);
	assert_bold(&f->paragraphs[1], "three");
	assert_string_equal(f->paragraphs[2].marker, "1.");
	assert_bold(&f->paragraphs[3], "tree");
	assert_string_equal(f->paragraphs[4].marker, "\xE2\x80\xA2");
	assert_bold(&f->paragraphs[8], "inline HTML");
	unload(&l);
}

static void
text_control_characters(void **state)
{
	struct loaded l;
	const struct forum *f;

	(void)state;
	load(&l, "tests/schedule/text.xml");
	f = &l.prog->forums[2];
	assert_string_equal(f->title, "Control characters \xF0\x9F\x98\x80");
	assert_string_equal(f->subtitle, "Subtitle");
	assert_null(f->lang);
	assert_null(f->track);
	assert_paragraphs(f, 2, "Line one line two",
	    "Line three \xF0\x9F\x8E\x89");
	unload(&l);
}

static void
names(void **state)
{
	struct loaded l;
	const struct programme *p;
	const struct forum *f;

	(void)state;
	load(&l, "tests/schedule/names.xml");
	p = l.prog;
	assert_string_equal(l.msgs,
	    "tests/schedule/names.xml:4:3: warning: conference has no "
	    "title; using its acronym 'names2025'\n"
	    "tests/schedule/names.xml:34:11: warning: speaker without a "
	    "name in 'Same people again'; skipped\n"
	    "tests/schedule/names.xml:36:11: warning: speaker 'Max Muster "
	    "(ACME GmbH)' is listed twice in 'Same people again'\n");
	assert_string_equal(p->conference.title, "names2025");
	assert_int_equal(p->npeople, 12);
	assert_person(person_id(p, "jane-doe"), NULL, "Jane", "Doe", NULL);
	/* Round brackets are a remark, square ones an organisation. */
	assert_person(person_id(p, "max-muster"), NULL, "Max", "Muster",
	    NULL);
	assert_string_equal(person_id(p, "max-muster")->remark, "ACME GmbH");
	assert_string_equal(person_id(p, "jane-doe")->remark, "she/her");
	assert_string_equal(person_id(p, "team-xy")->remark, "they/them");
	assert_person(person_id(p, "ludwig-van-beethoven"), NULL, "Ludwig",
	    "van Beethoven", NULL);
	assert_person(person_id(p, "ursula-von-der-leyen"), NULL, "Ursula",
	    "von der Leyen", "EU Commission");
	assert_person(person_id(p, "martin-hoffmann"), "Prof. Dr.",
	    "Martin", "Hoffmann", NULL);
	assert_person(person_id(p, "cher"), NULL, NULL, "Cher", NULL);
	assert_person(person_id(p, "the-foo-collective"), NULL, NULL,
	    "The Foo Collective", NULL);
	assert_person(person_id(p, "team-xy"), NULL, NULL, "Team XY", NULL);
	assert_person(person_id(p, "maria-del-carmen-heras-sanchez"), NULL,
	    "Maria del Carmen Heras", "Sanchez", NULL);
	assert_person(person_id(p, "martin-luther-king-jr"), NULL,
	    "Martin Luther", "King Jr.", NULL);
	assert_int_equal(person_id(p, "jane-doe")->pos.line, 16);
	assert_int_equal(person_id(p, "jane-doe")->pos.col, 11);

	f = forum_titled(p, "Eight speakers");
	assert_int_equal(f->nspeakers, 8);
	assert_true(f->speakers_complete);
	f = forum_titled(p, "Same people again");
	assert_int_equal(f->nspeakers, 4);
	assert_ptr_equal(f->speakers[0], person_id(p, "jane-doe"));
	assert_ptr_equal(f->speakers[3], person_id(p, "max-muster"));
	assert_int_equal(forum_titled(p, "Nobody speaks")->nspeakers, 0);
	/* Matched by guid (the name differs) and by name (case differs). */
	f = forum_titled(p, "Matched by guid and name");
	assert_ptr_equal(f->speakers[0], person_id(p, "anna-schmidt"));
	assert_ptr_equal(f->speakers[1], person_id(p, "bob-jones"));
	unload(&l);
}

/*
 * A merged export reuses numeric ids: a person is who the guid says, else
 * id and name together; the same name twice is one badge; nothing is
 * dropped or merged without a message.
 */
static void
persons(void **state)
{
	struct loaded l;
	const struct programme *p;
	const struct forum *f;
	size_t i;

	(void)state;
	load(&l, "tests/schedule/persons.xml");
	p = l.prog;
	assert_string_equal(l.msgs,
	    "tests/schedule/persons.xml:28:11: warning: speaker '-' in "
	    "'Instance one, talk one' has no letter in the name; skipped, "
	    "no badge\n"
	    "tests/schedule/persons.xml:50:11: warning: speaker id '12' is "
	    "'hanser' here but 'Sean' before; taken as two people\n"
	    "tests/schedule/persons.xml:23:11: note: 'Sean' is here\n"
	    "tests/schedule/persons.xml:52:11: warning: speaker 'Kim Lee' in "
	    "'Instance two, talk one' has another guid than before; taken "
	    "as the same person, one badge\n"
	    "tests/schedule/persons.xml:24:11: note: 'Kim Lee' is first "
	    "listed here\n"
	    "tests/schedule/persons.xml:53:11: warning: speaker '?' in "
	    "'Instance two, talk one' has no letter in the name; skipped, "
	    "no badge\n"
	    "tests/schedule/persons.xml:63:11: warning: speaker 'Sean' in "
	    "'Instance two, talk two' has another id than before; taken as "
	    "the same person, one badge\n"
	    "tests/schedule/persons.xml:23:11: note: 'Sean' is first listed "
	    "here\n"
	    "tests/schedule/persons.xml:64:11: warning: speaker '\xE2\x80\xA6' "
	    "in 'Instance two, talk two' has no letter in the name; skipped, "
	    "no badge\n");
	/* 14 distinct by guid, else id and name: 9 people, 5 warnings. */
	assert_int_equal(p->npeople, 9);
	/* A remark in round brackets is never an organisation. */
	for (i = 0; i < p->npeople; i++)
		if (strcmp(p->people[i].id, "jo-doe") != 0)
			assert_null(p->people[i].organisation);
	assert_person(person_id(p, "sean"), NULL, NULL, "Sean", NULL);
	assert_person(person_id(p, "hanser"), NULL, NULL, "hanser", NULL);
	assert_person(person_id(p, "qbit"), NULL, NULL, "qbit", NULL);
	assert_person(person_id(p, "neokay"), NULL, NULL, "neokay", NULL);
	assert_person(person_id(p, "kim-lee"), NULL, "Kim", "Lee", NULL);
	assert_person(person_id(p, "jendrik"), NULL, NULL, "jendrik", NULL);
	assert_string_equal(person_id(p, "jendrik")->remark, "any");
	assert_string_equal(person_id(p, "cisz")->remark, "er, he");
	assert_string_equal(person_id(p, "leo")->remark, "he/his");
	assert_person(person_id(p, "jo-doe"), NULL, "Jo", "Doe",
	    "Example e.V.");
	assert_string_equal(person_id(p, "jo-doe")->remark, "she/her");
	assert_null(person_id(p, "sean")->remark);

	f = forum_titled(p, "Instance one, talk one");
	assert_int_equal(f->nspeakers, 5);
	f = forum_titled(p, "Instance two, talk one");
	assert_int_equal(f->nspeakers, 3);
	assert_ptr_equal(f->speakers[0], person_id(p, "hanser"));
	assert_ptr_equal(f->speakers[1], person_id(p, "neokay"));
	assert_ptr_equal(f->speakers[2], person_id(p, "kim-lee"));
	f = forum_titled(p, "Instance two, talk two");
	assert_int_equal(f->nspeakers, 3);
	assert_ptr_equal(f->speakers[1], person_id(p, "sean"));
	unload(&l);
}

static void
times(void **state)
{
	struct loaded l;
	const struct programme *p;
	const struct forum *f;
	char *checked;

	(void)state;
	load(&l, "tests/schedule/times.xml");
	p = l.prog;
	assert_string_equal(l.msgs,
	    "tests/schedule/times.xml:24:9: warning: duration '26:00' of "
	    "'Hackathon' is a day or longer; cut to 23:59\n"
	    "tests/schedule/times.xml:34:7: warning: event 'Nowhere' has no "
	    "room\n"
	    "tests/schedule/times.xml:50:9: warning: invalid duration 'soon' "
	    "of 'Bad duration'; printed with its start time only\n"
	    "tests/schedule/times.xml:53:7: warning: event 'No start' has no "
	    "start time; it gets no time slot\n"
	    "tests/schedule/times.xml:62:7: warning: event '30' has no "
	    "title; skipped\n"
	    "tests/schedule/times.xml:69:3: warning: day has no valid date; "
	    "its events need their own\n"
	    "tests/schedule/times.xml:77:7: warning: event 'Undated' has no "
	    "date; it gets no time slot\n"
	    "tests/schedule/times.xml:27:7: warning: 'Hackathon' and "
	    "'Overlapping' are both in room 'Club' at the same time; the room "
	    "is taken as one for parallel sessions\n"
	    "tests/schedule/times.xml:22:7: note: 'Hackathon' is here\n");
	assert_int_equal(p->nforums, 11);
	assert_int_equal(p->conference.ndates, 2);
	assert_string_equal(p->conference.dates[1], "2025-07-11");

	f = forum_titled(p, "Past midnight");
	assert_string_equal(f->slot->date, "2025-07-10");
	assert_int_equal(f->slot->start, 23 * 60);
	assert_int_equal(f->slot->end, 26 * 60);
	/* No <date>: 02:30 is before the day starts (10:00), so next day. */
	f = forum_titled(p, "Next morning");
	assert_string_equal(f->slot->date, "2025-07-11");
	assert_int_equal(f->slot->start, 150);
	assert_int_equal(f->number, 0);
	f = forum_titled(p, "Hackathon");
	assert_int_equal(f->slot->end - f->slot->start, 24 * 60 - 1);
	assert_ptr_equal(f, &p->forums[0]);	/* in time order */
	assert_null(forum_titled(p, "Nowhere")->room);
	assert_string_equal(forum_titled(p, "Room from the event")->room->name,
	    "Garden");
	/* A duration nobody can read leaves the end open, not the slot. */
	f = forum_titled(p, "Bad duration");
	assert_int_equal(f->slot->start, 12 * 60);
	assert_int_equal(f->slot->end, 12 * 60);
	assert_string_equal(f->slot->id, "2025-07-10-1200");
	assert_int_equal(forum_titled(p, "No time at all")->slot->end,
	    14 * 60);
	assert_null(forum_titled(p, "No start")->slot);
	assert_string_equal(forum_titled(p, "Dated by itself")->slot->date,
	    "2025-07-11");
	/* Talks of one length at one time share a slot. */
	assert_ptr_equal(forum_titled(p, "Nowhere")->slot,
	    forum_titled(p, "Room from the event")->slot);

	/* The overlaps in room Club: it is taken as a parallel room. */
	assert_true(forum_titled(p, "Hackathon")->room->parallel);
	checked = check(&l);
	assert_string_equal(checked, "");
	free(checked);
	unload(&l);
}

/*
 * <date> with its UTC offset decides: a talk dated in another offset is
 * printed at the conference's time, a <start> that disagrees is
 * overruled, loose durations are read, an unreadable one leaves the end
 * open; each with a warning at its line.
 */
static void
times_clock(void **state)
{
	struct loaded l;
	const struct programme *p;
	const struct slot *sl;

	(void)state;
	load(&l, "tests/schedule/clock.xml");
	p = l.prog;
	assert_string_equal(l.msgs,
	    "tests/schedule/clock.xml:25:9: warning: 'From New York' is dated "
	    "10:30 at UTC-05:00, not in the conference's UTC+01:00; printed "
	    "at 16:30 conference time\n"
	    "tests/schedule/clock.xml:32:9: warning: start '15:00' of 'Start "
	    "disagrees' disagrees with its date (14:00); placed by the date\n"
	    "tests/schedule/clock.xml:41:9: warning: duration '4h' of 'Four "
	    "hours' is not HH:MM; read as 4:00\n"
	    "tests/schedule/clock.xml:47:9: warning: duration '1h30m' of "
	    "'Ninety minutes' is not HH:MM; read as 1:30\n"
	    "tests/schedule/clock.xml:53:9: warning: invalid duration 'soon' "
	    "of 'Open end'; printed with its start time only\n"
	    "tests/schedule/clock.xml:63:9: warning: duration '25:00' of 'All "
	    "day and more' is a day or longer; cut to 23:59\n"
	    "tests/schedule/clock.xml:69:9: warning: 'Written in UTC' is dated "
	    "18:00 at UTC+00:00, not in the conference's UTC+01:00; printed "
	    "at 19:00 conference time\n");
	sl = forum_titled(p, "From New York")->slot;
	assert_string_equal(sl->date, "2022-12-27");
	assert_int_equal(sl->start, 16 * 60 + 30);
	assert_int_equal(sl->end, 17 * 60 + 30);
	sl = forum_titled(p, "Start disagrees")->slot;
	assert_int_equal(sl->start, 14 * 60);
	assert_int_equal(sl->end, 14 * 60 + 45);
	sl = forum_titled(p, "Four hours")->slot;
	assert_int_equal(sl->end - sl->start, 4 * 60);
	sl = forum_titled(p, "Ninety minutes")->slot;
	assert_int_equal(sl->end - sl->start, 90);
	sl = forum_titled(p, "Open end")->slot;
	assert_int_equal(sl->start, 19 * 60);
	assert_int_equal(sl->end, sl->start);
	sl = forum_titled(p, "All day and more")->slot;
	assert_int_equal(sl->end - sl->start, 24 * 60 - 1);
	sl = forum_titled(p, "Written in UTC")->slot;
	assert_string_equal(sl->date, "2022-12-28");
	assert_int_equal(sl->start, 19 * 60);
	unload(&l);
}

/* "de, en" is German, "en, de" English: the first decides, no warning. */
static void
languages(void **state)
{
	struct loaded l;
	const struct programme *p;

	(void)state;
	load(&l, "tests/schedule/languages.xml");
	p = l.prog;
	assert_string_equal(l.msgs, "");
	assert_string_equal(p->lang, "de");
	assert_null(forum_titled(p, "Verwaltungsdigitalisierung f\xC3\xBCr "
	    "Fortgeschrittene")->lang);
	assert_null(forum_titled(p, "B\xC3\xBCrgerbeteiligung")->lang);
	assert_null(forum_titled(p, "Offene Daten")->lang);
	assert_string_equal(forum_titled(p, "Administrative Digitalization "
	    "for Everyone")->lang, "en");
	unload(&l);
}

static void
not_a_schedule(void **state)
{
	struct programme *p = xcalloc(1, sizeof(*p));
	struct xmlsrc x;
	struct diag d;
	char *msgs;
	size_t len;
	FILE *out = open_memstream(&msgs, &len);

	(void)state;
	diag_init(&d, out, 0);
	p->file = xstrdup("input/programme.xml");
	assert_int_equal(xmlsrc_load(&x, p->file, XMLSRC_MAX_BYTES, &d), 0);
	assert_int_equal(schedule_from_xml(p, &x, 0, &d), -1);
	xmlsrc_release(&x);
	fclose(out);
	assert_non_null(strstr(msgs, "error: root element is <programme>, "
	    "not <schedule>\n"));
	free(msgs);
	programme_free(p);
}

/* --- the big conference ---------------------------------------------- */

static void
big_conference(void **state)
{
	char dir[] = "/tmp/pdfgen-big-XXXXXX", *cmd, *path, *msgs;
	struct loaded l;
	clock_t t0;
	double secs;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/schedule.xml", dir);
	cmd = xasprintf("python3 tests/schedule/make_big.py > %s", path);
	assert_int_equal(system(cmd), 0);
	t0 = clock();
	load(&l, path);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_string_equal(l.msgs, "");
	assert_int_equal(l.prog->nforums, 900);
	assert_int_equal(l.prog->nrooms, 60);
	assert_int_equal(l.prog->npeople, 900);
	assert_int_equal(l.prog->conference.ndates, 3);
	msgs = check(&l);
	assert_string_equal(msgs, "");
	free(msgs);
	/* Under the sanitizers; a plain build is about ten times faster. */
	assert_true(secs < 5.0);
	unload(&l);
	unlink(path);
	rmdir(dir);
	free(path);
	free(cmd);
}

/* --- the writer ------------------------------------------------------ */

static void
assert_same_person(const struct person *a, const struct person *b)
{
	assert_int_equal(a->placeholder, b->placeholder);
	assert_str_or_null(a->title, b->title);
	assert_str_or_null(a->given, b->given);
	assert_str_or_null(a->family, b->family);
	assert_str_or_null(a->remark, b->remark);
	assert_str_or_null(a->role, b->role);
	assert_str_or_null(a->organisation, b->organisation);
	assert_str_or_null(a->email, b->email);
	assert_str_or_null(a->url, b->url);
	assert_int_equal(a->status, b->status);
}

/* Same model: every field, references compared by their index. */
static void
assert_same(const struct programme *a, const struct programme *b)
{
	size_t i, j;

	assert_str_or_null(a->lang, b->lang);
	assert_str_or_null(a->conference.title, b->conference.title);
	assert_str_or_null(a->conference.subtitle, b->conference.subtitle);
	assert_str_or_null(a->conference.venue, b->conference.venue);
	assert_str_or_null(a->conference.url, b->conference.url);
	assert_int_equal(a->conference.ndates, b->conference.ndates);
	for (i = 0; i < a->conference.ndates; i++)
		assert_string_equal(a->conference.dates[i],
		    b->conference.dates[i]);
	assert_int_equal(a->nrooms, b->nrooms);
	for (i = 0; i < a->nrooms; i++) {
		assert_string_equal(a->rooms[i].id, b->rooms[i].id);
		assert_string_equal(a->rooms[i].name, b->rooms[i].name);
		assert_int_equal(a->rooms[i].parallel, b->rooms[i].parallel);
	}
	assert_int_equal(a->nslots, b->nslots);
	for (i = 0; i < a->nslots; i++) {
		assert_string_equal(a->slots[i].id, b->slots[i].id);
		assert_string_equal(a->slots[i].date, b->slots[i].date);
		assert_int_equal(a->slots[i].start, b->slots[i].start);
		assert_int_equal(a->slots[i].end, b->slots[i].end);
	}
	assert_int_equal(a->ntracks, b->ntracks);
	for (i = 0; i < a->ntracks; i++) {
		assert_string_equal(a->tracks[i].name, b->tracks[i].name);
		assert_str_or_null(a->tracks[i].colour, b->tracks[i].colour);
	}
	assert_int_equal(a->npeople, b->npeople);
	for (i = 0; i < a->npeople; i++)
		assert_same_person(&a->people[i], &b->people[i]);
	assert_int_equal(a->nforums, b->nforums);
	for (i = 0; i < a->nforums; i++) {
		const struct forum *f = &a->forums[i], *g = &b->forums[i];

		assert_int_equal(f->number, g->number);
		assert_string_equal(f->id, g->id);
		assert_string_equal(f->title, g->title);
		assert_str_or_null(f->subtitle, g->subtitle);
		assert_str_or_null(f->lang, g->lang);
		assert_int_equal(f->nparagraphs, g->nparagraphs);
		for (j = 0; j < f->nparagraphs; j++) {
			const struct paragraph *x = &f->paragraphs[j],
			    *y = &g->paragraphs[j];
			size_t k;

			assert_int_equal(x->kind, y->kind);
			assert_string_equal(x->marker, y->marker);
			assert_string_equal(x->text, y->text);
			assert_int_equal(x->nbold, y->nbold);
			for (k = 0; k < x->nbold; k++) {
				assert_int_equal(x->bold[k].start,
				    y->bold[k].start);
				assert_int_equal(x->bold[k].end, y->bold[k].end);
			}
		}
		assert_int_equal(f->room ? f->room - a->rooms : -1,
		    g->room ? g->room - b->rooms : -1);
		assert_int_equal(f->slot ? f->slot - a->slots : -1,
		    g->slot ? g->slot - b->slots : -1);
		assert_int_equal(f->track ? f->track - a->tracks : -1,
		    g->track ? g->track - b->tracks : -1);
		assert_int_equal(f->speakers_complete, g->speakers_complete);
		assert_int_equal(f->nspeakers, g->nspeakers);
		for (j = 0; j < f->nspeakers; j++)
			assert_int_equal(f->speakers[j] - a->people,
			    g->speakers[j] - b->people);
	}
}

/*
 * Writes the programme read from path, validates the output against the
 * compiled-in schema and reads it back with our own parser.
 */
static void
round_trip(const char *path)
{
	char file[] = "/tmp/pdfgen-rt-XXXXXX";
	struct loaded l, back;
	struct xmlsrc x;
	struct diag d;
	FILE *out;
	int fd;

	load(&l, path);
	assert_non_null(out = fdopen(fd = mkstemp(file), "w"));
	assert_int_equal(programme_write_xml(l.prog, out), 0);
	assert_int_equal(fclose(out), 0);

	diag_init(&d, stderr, 0);
	assert_int_equal(xmlsrc_load(&x, file, XMLSRC_MAX_BYTES, &d), 0);
	assert_int_equal(xmlsrc_validate(&x, programme_xsd,
	    programme_xsd_len, &d), 0);
	xmlsrc_release(&x);
	assert_int_equal(d.nerrors + d.nwarnings, 0);

	load_with(&back, file, programme_from_xml);
	assert_string_equal(back.msgs, "");
	assert_same(l.prog, back.prog);
	unload(&back);
	unload(&l);
	unlink(file);
}

static void
write_round_trip_sample(void **state)
{
	(void)state;
	round_trip(SAMPLE);
}

static void
write_round_trip_fixtures(void **state)
{
	(void)state;
	round_trip("tests/schedule/text.xml");
	round_trip("tests/schedule/names.xml");
	round_trip("tests/schedule/times.xml");
	round_trip("tests/schedule/clock.xml");
	round_trip("tests/schedule/persons.xml");
	round_trip("tests/schedule/languages.xml");
	/* A room and a track of one name; a room for parallel sessions. */
	round_trip("tests/schedule/convert.xml");
	round_trip("tests/schedule/markup.xml");
}

/* Ids the schema would refuse are made valid, and unique per kind. */
static void
write_sanitizes(void **state)
{
	struct programme p;
	struct room rooms[3];
	struct forum forum;
	char *dates[] = { (char *)"2025-01-01" };
	char *text = NULL;
	size_t len;
	FILE *out = open_memstream(&text, &len);

	(void)state;
	memset(&p, 0, sizeof(p));
	memset(rooms, 0, sizeof(rooms));
	memset(&forum, 0, sizeof(forum));
	p.conference.title = (char *)"A & B <\"C\">";
	p.conference.dates = dates;
	p.conference.ndates = 1;
	rooms[0].id = (char *)"Room 1";
	rooms[0].name = (char *)"R\xC3\xA4um & co";
	rooms[1].id = (char *)"Room-1";
	rooms[1].name = (char *)"x";
	rooms[2].id = (char *)"-";
	rooms[2].name = (char *)"y";
	p.rooms = rooms;
	p.nrooms = 3;
	forum.id = (char *)"f 1";
	forum.number = 1;
	forum.title = (char *)"T";
	forum.room = &rooms[1];
	p.forums = &forum;
	p.nforums = 1;
	assert_int_equal(programme_write_xml(&p, out), 0);
	fclose(out);
	assert_string_equal(text,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<programme xmlns=\"urn:pdfgen:programme:1\" version=\"1\">\n"
	    "  <event>\n"
	    "    <title>A &amp; B &lt;&quot;C&quot;&gt;</title>\n"
	    "    <date>2025-01-01</date>\n"
	    "  </event>\n"
	    "  <rooms>\n"
	    "    <room id=\"Room-1\">\n"
	    "      <name>R\xC3\xA4um &amp; co</name>\n"
	    "    </room>\n"
	    "    <room id=\"Room-1-2\">\n"
	    "      <name>x</name>\n"
	    "    </room>\n"
	    "    <room id=\"room3\">\n"
	    "      <name>y</name>\n"
	    "    </room>\n"
	    "  </rooms>\n"
	    "  <forums>\n"
	    "    <forum id=\"f-1\" number=\"1\" room=\"Room-1-2\">\n"
	    "      <title>T</title>\n"
	    "    </forum>\n"
	    "  </forums>\n"
	    "</programme>\n");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_counts),
		cmocka_unit_test(sample_titles_and_speakers),
		cmocka_unit_test(sample_one_person_many_talks),
		cmocka_unit_test(sample_markdown),
		cmocka_unit_test(text_html),
		cmocka_unit_test(text_markdown),
		cmocka_unit_test(text_structure),
		cmocka_unit_test(text_control_characters),
		cmocka_unit_test(names),
		cmocka_unit_test(persons),
		cmocka_unit_test(times),
		cmocka_unit_test(times_clock),
		cmocka_unit_test(languages),
		cmocka_unit_test(not_a_schedule),
		cmocka_unit_test(big_conference),
		cmocka_unit_test(write_round_trip_sample),
		cmocka_unit_test(write_round_trip_fixtures),
		cmocka_unit_test(write_sanitizes),
	};

	return cmocka_run_group_tests_name("schedule", tests, NULL, NULL);
}
