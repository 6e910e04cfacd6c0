/*
 * Tests of the layout loader: units and colours, the shipped layouts, the
 * labels and their fallbacks, the default layout lookup, and every bad
 * layout in tests/layouts/ against its exact diagnostics (NAME.err).
 * Run from the top of the source tree, as make does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout.h"
#include "render.h"
#include "util.h"

#define MM(v)	((v) * 72.0 / 25.4)

static char *
slurp(const char *path)
{
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;
	FILE *f;

	assert_non_null(f = fopen(path, "r"));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_take(&b);
}

/*
 * Loads path for the product its file names (as the command of that name
 * would); returns the layout (or NULL) and the diagnostics in *msgs.
 */
static struct layout *
load(const char *path, char **msgs)
{
	const struct product *p = NULL;
	struct layout_spec spec;
	struct layout *l;
	struct diag d;
	size_t len;
	FILE *out;

	for (p = products; p->name != NULL; p++) {
		char *attr = xasprintf("product=\"%s\"", p->name);
		char *text = slurp(path);
		int hit = strstr(text, attr) != NULL;

		free(attr);
		free(text);
		if (hit)
			break;
	}
	spec = product_layout_spec(p);
	assert_non_null(out = open_memstream(msgs, &len));
	diag_init(&d, out, 0);
	l = layout_load(path, p->name != NULL ? &spec : NULL, &d);
	fclose(out);
	return l;
}


static void
lengths(void **state)
{
	double pt;

	(void)state;
	assert_int_equal(layout_length("25.4mm", 0, &pt), 0);
	assert_true(pt == 72.0);
	assert_int_equal(layout_length("210mm", 0, &pt), 0);
	assert_true(pt == 210 * 72.0 / 25.4);
	assert_int_equal(layout_length("2.54cm", 0, &pt), 0);
	assert_true(pt == 72.0);
	assert_int_equal(layout_length("1in", 0, &pt), 0);
	assert_true(pt == 72.0);
	assert_int_equal(layout_length("10.5pt", 0, &pt), 0);
	assert_true(pt == 10.5);
	assert_int_equal(layout_length(".5in", 0, &pt), 0);
	assert_true(pt == 36.0);
	assert_int_equal(layout_length("-3mm", 1, &pt), 0);
	assert_true(pt == -MM(3));
	assert_int_equal(layout_length("-3mm", 0, &pt), -1);
	assert_int_equal(layout_length("12px", 0, &pt), -1);
	assert_int_equal(layout_length("12", 0, &pt), -1);
	assert_int_equal(layout_length("12 mm", 0, &pt), -1);
	assert_int_equal(layout_length("1e2mm", 0, &pt), -1);
	assert_int_equal(layout_length("1,5cm", 0, &pt), -1);
	assert_int_equal(layout_length("mm", 0, &pt), -1);
	assert_int_equal(layout_length("201in", 0, &pt), -1);
}

static void
colours(void **state)
{
	struct colour c;

	(void)state;
	assert_int_equal(layout_parse_colour("#FF8000", &c), 0);
	assert_int_equal(c.space, COLOUR_RGB);
	assert_true(c.v[0] == 1.0 && c.v[1] == 128 / 255.0 && c.v[2] == 0);
	assert_int_equal(layout_parse_colour("cmyk(0,100, 50%,10)", &c), 0);
	assert_int_equal(c.space, COLOUR_CMYK);
	assert_true(c.v[0] == 0 && c.v[1] == 1 && c.v[2] == 0.5 &&
	    c.v[3] == 0.1);
	assert_int_equal(layout_parse_colour("#12345", &c), -1);
	assert_int_equal(layout_parse_colour("#1234567", &c), -1);
	assert_int_equal(layout_parse_colour("#GG0000", &c), -1);
	assert_int_equal(layout_parse_colour("cmyk(1,2,3)", &c), -1);
	assert_int_equal(layout_parse_colour("cmyk(0,0,0,101)", &c), -1);
	assert_int_equal(layout_parse_colour("red", &c), -1);
}

static const char *const shipped[] = {
	"layouts/booklet-a5.xml", "layouts/booklet-a4.xml",
	"layouts/signs-a4-landscape.xml", "layouts/signs-a3-landscape.xml",
	"layouts/signs-a4-portrait.xml", "layouts/badges-90x55.xml",
	"layouts/badges-a6.xml", "layouts/badges-zweckform-32015.xml",
};

/* The keys every shipped layout labels in German and English. */
static const char *const label_keys[] = {
	"forum", "speakers", "among-others", "invited", "hosted-by",
	"moderation", "index", "overview", "contents", "room", "time",
	"page", "notes", "category.speaker", "category.moderator",
};

static void
shipped_layouts_load_cleanly(void **state)
{
	struct layout *l;
	char *msgs;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
		l = load(shipped[i], &msgs);
		if (l == NULL || *msgs != '\0')
			fail_msg("%s:\n%s", shipped[i], msgs);
		free(msgs);
		assert_non_null(strstr(shipped[i], l->product));
		for (k = 0; k < sizeof(label_keys) / sizeof(label_keys[0]);
		    k++) {
			const char *de = layout_label(l, label_keys[k], "de");
			const char *en = layout_label(l, label_keys[k], "en");

			if (de == label_keys[k] || en == de)
				fail_msg("%s: label '%s' not in de and en",
				    shipped[i], label_keys[k]);
		}
		if (strcmp(l->product, "signs") == 0)
			assert_true(l->item.safe >= MM(10));
		layout_free(l);
	}
}

static void
badges_90x55(void **state)
{
	const struct layout_box *b;
	struct layout *l;
	char *msgs;

	(void)state;
	assert_non_null(l = load("tests/layouts/good-badges-90x55.xml", &msgs));
	free(msgs);
	assert_string_equal(l->product, "badges");
	assert_int_equal(l->kind, LAYOUT_ITEMS);
	assert_string_equal(l->page.paper, "A4");
	assert_true(l->page.width == MM(210) && l->page.height == MM(297));
	assert_true(l->page.margin_left == MM(5));
	assert_true(l->item.width == MM(90) && l->item.height == MM(55));
	assert_int_equal(l->grid.columns, 2);
	assert_int_equal(l->grid.rows, 5);
	assert_true(l->grid.centred && l->grid.cut_marks);
	assert_int_equal(l->grid.duplex, DUPLEX_LONG_EDGE);
	/* 190 x 277 mm inside the margins, 180 x 275 mm of badges. */
	assert_true(l->grid.x > MM(15) - 1e-9 && l->grid.x < MM(15) + 1e-9);
	assert_true(l->grid.y > MM(11) - 1e-9 && l->grid.y < MM(11) + 1e-9);
	assert_int_equal(l->item.front.nboxes, 7);
	b = &l->item.front.boxes[0];
	assert_int_equal(b->field, FIELD_BAND);
	assert_int_equal(b->paint, PAINT_CATEGORY);
	assert_null(b->style);
	b = &l->item.front.boxes[3];
	assert_int_equal(b->field, FIELD_PERSON_NAME);
	assert_true(b->x == MM(4) && b->y == MM(15.5) && b->w == MM(82) &&
	    b->h == MM(13));
	assert_int_equal(b->valign, VALIGN_MIDDLE);
	assert_ptr_equal(b->style, layout_style(l, "name"));
	assert_true(b->style->size == 28 && b->style->min_size == 14);
	assert_int_equal(b->style->weight, WEIGHT_BOLD);
	assert_int_equal(b->style->align, ALIGN_CENTRE);
	assert_int_equal(b->style->max_lines, 2);
	assert_true(b->style->leading == 1.05);
	assert_string_equal(b->style->family, "Liberation Sans");
	/* No colour given: black on the K plate alone. */
	assert_int_equal(b->style->colour.space, COLOUR_CMYK);
	assert_true(b->style->colour.v[0] == 0 && b->style->colour.v[1] == 0 &&
	    b->style->colour.v[2] == 0 && b->style->colour.v[3] == 1);
	b = &l->item.front.boxes[4];
	assert_int_equal(b->style->max_lines, 2);
	assert_true(b->style->size == 10 && b->style->min_size == 7);
	assert_int_equal(l->item.back_mode, BACK_SAME);
	assert_ptr_equal(layout_back(l), &l->item.front);
	assert_true(layout_colour(l, "paper")->v[0] == 1.0);
	layout_free(l);
}

static void
signs_and_booklet(void **state)
{
	const struct text_style *st;
	struct layout *l;
	char *msgs;

	(void)state;
	assert_non_null(l = load("tests/layouts/good-signs-a4-landscape.xml", &msgs));
	free(msgs);
	assert_true(l->page.width == MM(297) && l->page.height == MM(210));
	assert_true(l->page.landscape);
	/* The sign is the whole sheet, one per page. */
	assert_true(l->item.width == MM(297) && l->item.height == MM(210));
	assert_true(l->grid.columns == 1 && l->grid.rows == 1);
	assert_true(l->grid.x == 0 && l->grid.y == 0);
	assert_int_equal(l->item.back_mode, BACK_NONE);
	assert_null(layout_back(l));
	assert_int_equal(l->item.front.boxes[0].paint, PAINT_TRACK);
	st = l->item.front.boxes[2].style;
	assert_int_equal(l->item.front.boxes[2].field, FIELD_FORUM_TITLE);
	assert_true(st->min_size >= 28);
	assert_int_equal(st->hyphenate, 1);
	layout_free(l);

	assert_non_null(l = load("tests/layouts/good-signs-a4-portrait.xml", &msgs));
	free(msgs);
	assert_true(l->item.room_schedule);
	assert_true(l->page.width == MM(210) && !l->page.landscape);
	assert_string_equal(l->item.front.boxes[1].label, "room");
	assert_null(l->item.front.boxes[1].text);
	layout_free(l);

	/* The proportions as the file gives them. */
	assert_non_null(l = load("layouts/booklet-a5.xml", &msgs));
	free(msgs);
	assert_true(l->booklet.cover.band == 0.3);
	assert_true(l->booklet.cover.venue == 2);
	assert_true(l->booklet.margins.head == 0.45);
	assert_true(l->booklet.rules.notes_min == MM(7));
	assert_true(l->booklet.overview.room == 0.22);
	assert_true(l->booklet.spacing.list_item == 0.15);
	assert_true(l->booklet.spacing.group == 2);
	assert_true(l->booklet.overview.slot_space == 2);
	assert_true(l->daygrid.tint == 0.2 && l->daygrid.v_padding == 1);
	layout_free(l);
	/* The day grid's in a poster layout. */
	assert_non_null(l = load("layouts/poster-a1.xml", &msgs));
	free(msgs);
	assert_true(l->daygrid.lane == 9 && l->daygrid.half_tint == 0.5);
	layout_free(l);

	assert_non_null(l = load("tests/layouts/good-booklet-a4.xml", &msgs));
	free(msgs);
	assert_string_equal(l->product, "booklet");
	assert_int_equal(l->kind, LAYOUT_TYPE_AREA);
	assert_int_equal(l->booklet.columns, 2);
	assert_true(l->booklet.column_gap == MM(7));
	assert_true(l->booklet.inner == MM(22) && l->booklet.outer == MM(18));
	assert_int_equal(l->booklet.pad_multiple, 4);
	assert_int_equal(l->booklet.pad_with, PAD_NOTES);
	/* No proportions in the file: the defaults. */
	assert_true(l->booklet.cover.band == 0.3);
	assert_true(l->booklet.rules.notes_min == MM(7));
	assert_true(l->booklet.spacing.session == 2.2);
	assert_true(l->daygrid.hour == 0.5 && l->daygrid.legend_lead == 1.25);
	st = layout_style(l, "body");
	assert_int_equal(st->align, ALIGN_JUSTIFY);
	assert_true(st->size == 10 && st->min_size == 10);
	assert_true(layout_style(l, "speakers")->slant == SLANT_ITALIC);
	assert_null(layout_style(l, "no-such-style"));
	layout_free(l);
}

static void
labels_fall_back(void **state)
{
	struct layout *l;
	char *msgs;

	(void)state;
	assert_non_null(l = load("tests/layouts/good-badges-90x55.xml", &msgs));
	free(msgs);
	assert_string_equal(layout_label(l, "speakers", "de"),
	    "Referent*innen");
	assert_string_equal(layout_label(l, "speakers", "en"), "Speakers");
	assert_string_equal(layout_label(l, "among-others", "en"),
	    "among others");
	assert_string_equal(layout_label(l, "category.speaker", "de"),
	    "Referent*in");
	/* No French: German.  No language: German.  No label: the key. */
	assert_string_equal(layout_label(l, "hosted-by", "fr"),
	    "ausgestaltet von");
	assert_string_equal(layout_label(l, "invited", NULL), "angefragt");
	assert_string_equal(layout_label(l, "no-such-key", "en"),
	    "no-such-key");
	layout_free(l);
}

static void
default_path(void **state)
{
	char cwd[PATH_MAX], *argv0, *p;

	(void)state;
	p = layout_default_path("badges-90x55.xml", "pdfgen");
	assert_string_equal(p, "layouts/badges-90x55.xml");
	free(p);
	assert_null(layout_default_path("no-such-layout.xml", "pdfgen"));
	/* Elsewhere, found next to the binary. */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	argv0 = xasprintf("%s/build/pdfgen", cwd);
	assert_int_equal(chdir("/"), 0);
	p = layout_default_path("signs-a4-landscape.xml", argv0);
	assert_int_equal(chdir(cwd), 0);
	assert_non_null(p);
	assert_int_equal(access(p, R_OK), 0);
	assert_true(strncmp(p, cwd, strlen(cwd)) == 0);
	assert_non_null(strstr(p, "/build/../layouts/signs-a4-landscape.xml"));
	free(p);
	free(argv0);
}

/* Each bad layout fails with exactly the diagnostics of its .err file. */
static void
bad_layouts(void **state)
{
	static const char *const cases[] = {
		"box-outside", "grid-too-big", "size-range", "unknown-field",
		"unknown-font", "unknown-paper", "bad-syntax",
		"every-problem", "schema-violation", "booklet-missing",
	};
	char *path, *want, *msgs;
	struct layout *l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		path = xasprintf("tests/layouts/%s.err", cases[i]);
		want = slurp(path);
		free(path);
		path = xasprintf("tests/layouts/%s.xml", cases[i]);
		l = load(path, &msgs);
		assert_null(l);
		if (strcmp(msgs, want) != 0)
			fail_msg("%s: expected\n%sgot\n%s", path, want, msgs);
		free(path);
		free(want);
		free(msgs);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lengths),
		cmocka_unit_test(colours),
		cmocka_unit_test(shipped_layouts_load_cleanly),
		cmocka_unit_test(badges_90x55),
		cmocka_unit_test(signs_and_booklet),
		cmocka_unit_test(labels_fall_back),
		cmocka_unit_test(default_path),
		cmocka_unit_test(bad_layouts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
