/*
 * Tests of the model, the programme parser and the diagnostics, on the
 * example programme and on small documents written here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"
#include "util.h"
#include "xmlsrc.h"

static struct programme *example;

static int
load_example(void **state)
{
	struct diag d;

	(void)state;
	diag_init(&d, stderr, 0);
	example = programme_load("input/programme.xml", INPUT_AUTO, 0, &d);
	return example == NULL || d.nwarnings != 0;
}

static int
free_example(void **state)
{
	(void)state;
	programme_free(example);
	return 0;
}

static const struct forum *
forum(int number)
{
	size_t i;

	for (i = 0; i < example->nforums; i++)
		if (example->forums[i].number == number)
			return &example->forums[i];
	fail_msg("no forum %d", number);
	return NULL;
}

/* Nonzero if s is valid UTF-8 throughout, as utf8_decode() reads it. */
static int
utf8_valid(const char *s, size_t len)
{
	uint32_t cp;
	size_t n;

	while (len > 0) {
		if ((n = utf8_decode(s, len, &cp)) == 0)
			return 0;
		s += n;
		len -= n;
	}
	return 1;
}

static void
example_forums(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(example->nforums, 12);
	for (i = 0; i < 12; i++)
		assert_int_equal(example->forums[i].number, (int)i + 1);
	assert_string_equal(forum(1)->title,
	    "OZG 2.0 und Verwaltung 4.0 – wie passt das?");
	assert_string_equal(forum(2)->title, "Cloud");
	assert_string_equal(forum(12)->title, "EfA-/OZG-Umsetzung bis in die "
	    "Fläche funktioniert in NRW über den Markplatz");
	assert_int_equal(forum(9)->nparagraphs, 2);
	assert_true(strncmp(forum(9)->paragraphs[0].text, "Digitalisierung beginnt "
	    "im Kopf – und zwar bei IT-Expert*innen", 60) == 0);
	assert_int_equal(forum(3)->nparagraphs, 0);
	assert_int_equal(forum(8)->nspeakers, 0);
	assert_string_equal(example->lang, "de");
	for (i = 0; i < 12; i++) {
		assert_non_null(example->forums[i].room);
		assert_non_null(example->forums[i].slot);
	}
}

static void
example_hosts(void **state)
{
	static const struct {
		int		 number;
		const char	*host;
	} hosts[] = {
		{ 4, "KPMG" }, { 5, "Red Hat" }, { 11, "1&1 Versatel" },
		{ 12, "govdigital" }
	};
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < sizeof(hosts) / sizeof(hosts[0]); i++)
		assert_string_equal(forum(hosts[i].number)->host,
		    hosts[i].host);
	for (i = 0; i < example->nforums; i++)
		n += example->forums[i].host != NULL;
	assert_int_equal(n, 4);
}

static void
example_people(void **state)
{
	const struct forum *f1 = forum(1), *f10 = forum(10);
	size_t i, invited = 0, placeholders = 0;
	char *name;

	(void)state;
	assert_int_equal(f1->nspeakers, 4);
	assert_false(f1->speakers_complete);
	assert_string_equal(f1->speakers[0]->given, "Tanja");
	assert_string_equal(f1->speakers[0]->family, "Krins");
	assert_string_equal(f1->speakers[0]->organisation, "Stadt Köln");
	name = person_full_name(f1->speakers[2]);
	assert_string_equal(name, "Prof. Dr. Martin Hoffmann");
	free(name);
	assert_true(f1->speakers[3]->placeholder);
	assert_string_equal(f1->speakers[3]->organisation, "Procilon");
	name = person_name(f1->speakers[3]);
	assert_string_equal(name, "N.N.");
	free(name);
	assert_int_equal(f10->nspeakers, 3);
	assert_int_equal(f10->speakers[1]->status, PERSON_INVITED);
	assert_string_equal(f10->speakers[2]->title, "Dr.");
	assert_true(forum(6)->speakers_complete);
	for (i = 0; i < example->npeople; i++) {
		invited += example->people[i].status == PERSON_INVITED;
		placeholders += example->people[i].placeholder;
	}
	assert_int_equal(invited, 3);
	assert_int_equal(placeholders, 2);
	/* Brakmann and Lucht both work for the NRW ministry: two people. */
	assert_ptr_not_equal(forum(2)->speakers[0], f10->speakers[1]);
}

/* Parses text as a programme; returns it (or NULL) and the diagnostics. */
static struct programme *
parse_text(const char *text, char **msgs)
{
	char path[] = "/tmp/pdfgen-test-XXXXXX";
	struct programme *p;
	struct diag d;
	size_t len;
	FILE *f, *out;
	int fd;

	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(f = fdopen(fd, "w"));
	fputs(text, f);
	fclose(f);
	assert_non_null(out = open_memstream(msgs, &len));
	diag_init(&d, out, 0);
	p = programme_load(path, INPUT_AUTO, 0, &d);
	fclose(out);
	unlink(path);
	return p;
}

#define HEAD "<programme xmlns=\"urn:pdfgen:programme:1\" version=\"1\">" \
	"<event><title>K</title><date>2025-06-12</date></event>"

static void
slot_past_midnight(void **state)
{
	struct programme *p;
	char *msgs;

	(void)state;
	p = parse_text(HEAD "<slots><slot id=\"n\" date=\"2025-06-12\" "
	    "start=\"23:00\" end=\"01:30\"/></slots><forums/></programme>",
	    &msgs);
	assert_non_null(p);
	assert_string_equal(msgs, "");
	assert_int_equal(p->slots[0].start, 23 * 60);
	assert_int_equal(p->slots[0].end, 25 * 60 + 30);
	programme_free(p);
	free(msgs);
}

static void
every_problem_reported(void **state)
{
	struct programme *p;
	char *msgs, *line;
	int n = 0;

	(void)state;
	p = parse_text(HEAD "<people><person id=\"a\"><family>A</family>"
	    "</person></people><forums>\n"
	    "<forum id=\"f\" number=\"1\" room=\"r\"><title>T</title>"
	    "<speakers><speaker ref=\"b\"/><speaker ref=\"a\"/>"
	    "<speaker ref=\"a\"/></speakers></forum>\n"
	    "<forum id=\"a\" number=\"1\"><title>U</title></forum>\n"
	    "</forums></programme>", &msgs);
	assert_null(p);
	for (line = msgs; (line = strstr(line, ": error: ")) != NULL; line++)
		n++;
	assert_int_equal(n, 4);
	assert_non_null(strstr(msgs, ":2:26: error: unknown room 'r'\n"));
	assert_non_null(strstr(msgs, "error: unknown person 'b'\n"));
	assert_non_null(strstr(msgs, "warning: 'a' is listed twice; "
	    "printed once\n"));
	assert_non_null(strstr(msgs, ":3:1: error: duplicate id 'a'\n"));
	assert_non_null(strstr(msgs, ":3:1: error: duplicate forum number 1\n"));
	free(msgs);
}

static void
diag_format(void **state)
{
	struct srcpos pos = { "x.xml", 3, 7 };
	struct diag d;
	char *msgs;
	size_t len;
	FILE *out;

	(void)state;
	assert_non_null(out = open_memstream(&msgs, &len));
	diag_init(&d, out, 1);
	diag_error(&d, &pos, "unknown room '%s'", "R7");
	pos.col = 0;
	diag_warning(&d, &pos, "strict makes this an error");
	diag_error(&d, NULL, "no place");
	fclose(out);
	assert_string_equal(msgs, "x.xml:3:7: error: unknown room 'R7'\n"
	    "x.xml:3: error: strict makes this an error\n"
	    "pdfgen: error: no place\n");
	assert_int_equal(d.nerrors, 3);
	assert_int_equal(diag_exit_code(&d), EXIT_INPUT);
	free(msgs);
}

static void
text_helpers(void **state)
{
	char s[] = "  a \t b\n\nc  ";
	uint32_t cp;

	(void)state;
	collapse_space(s);
	assert_string_equal(s, "a b c");
	assert_int_equal(utf8_decode("ß", 2, &cp), 2);
	assert_int_equal(cp, 0xDF);
	assert_int_equal(utf8_decode("\xC3", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 0);	/* overlong */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 0); /* surrogate */
	assert_true(utf8_valid("Köln – „Fachforen“", strlen("Köln – „Fachforen“")));
	assert_false(utf8_valid("K\xF6ln", 4));
}

static void
abbreviation(void **state)
{
	struct buf b = { NULL, 0, 0 };
	char *q;
	int i;

	(void)state;
	q = utf8_abbrev("Köln");
	assert_string_equal(q, "Köln");
	free(q);
	for (i = 0; i < 300; i++)
		buf_adds(&b, i < 200 ? "ä" : "z");
	q = utf8_abbrev(b.data);
	/* 120 + " … " + 60 code points; the cut never splits a letter. */
	assert_true(utf8_valid(q, strlen(q)));
	assert_int_equal(strlen(q), 120 * 2 + strlen(" … ") + 60);
	assert_non_null(strstr(q, "ää … zz"));
	free(q);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest example_tests[] = {
		cmocka_unit_test(example_forums),
		cmocka_unit_test(example_hosts),
		cmocka_unit_test(example_people),
	};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slot_past_midnight),
		cmocka_unit_test(every_problem_reported),
		cmocka_unit_test(diag_format),
		cmocka_unit_test(text_helpers),
		cmocka_unit_test(abbreviation),
	};

	return cmocka_run_group_tests_name("programme (example)",
	    example_tests, load_example, free_example) +
	    cmocka_run_group_tests_name("programme", tests, NULL, NULL);
}
