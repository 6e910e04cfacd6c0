/*
 * Tests of fontanswers.h: the answers the build wrote down are
 * fontconfig's, and written-down answers hold exactly while nothing they
 * depend on has changed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>

#include "font.h"
#include "fontanswers.h"
#include "internal.h"
#include "util.h"

#define LIBERATION \
	"/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"

static void
assert_same_answer(const struct font_answer *x, const char *path, int index,
    const char *why)
{
	if (path == NULL)
		assert_null(x->path);
	else {
		assert_non_null(x->path);
		assert_string_equal(x->path, path);
		assert_int_equal(x->index, index);
	}
	if (why == NULL)
		assert_null(x->why);
	else {
		assert_non_null(x->why);
		assert_string_equal(x->why, why);
	}
}

/*
 * The build wrote down every fallback family in every weight and slant,
 * as fontconfig answers them here (make writes them again when fonts,
 * configuration or environment change, so they hold for the tests).
 */
static void
built_in_answers_are_fontconfigs(void **state)
{
	const struct font_answers_blob *b = &font_answers_built_in;
	struct font_answer *a;
	size_t n, i;
	char *path, *why;
	int index;

	(void)state;
	assert_true(font_built_in_held());
	a = font_answers_read(b->start, (size_t)(b->end - b->start), &n);
	assert_non_null(a);
	assert_int_equal(n, FONT_NFALLBACKS * WEIGHT__MAX * SLANT__MAX);
	for (i = 0; i < n; i++) {
		index = -1;
		path = font_ask_fontconfig(a[i].family, a[i].weight,
		    a[i].slant, &index, &why);
		assert_same_answer(&a[i], path, index, why);
		free(path);
		free(why);
	}
	font_answers_free(a, n);
}

/* A folder of its own with a font and a configuration that reads it. */
struct world {
	char	*dir, *conf, *fonts, *font, *home;
	char	*old_home;
};

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void
copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	assert_int_equal(fclose(in), 0);
	assert_int_equal(fclose(out), 0);
}

static int
world_setup(void **state)
{
	struct world *w = xcalloc(1, sizeof(*w));
	char tmpl[] = "/tmp/pdfgen-fontanswers-XXXXXX";
	char *text;

	if (mkdtemp(tmpl) == NULL)
		return -1;
	w->dir = xstrdup(tmpl);
	w->conf = xasprintf("%s/fonts.conf", w->dir);
	w->fonts = xasprintf("%s/fonts", w->dir);
	w->font = xasprintf("%s/LiberationSans-Regular.ttf", w->fonts);
	w->home = xasprintf("%s/home", w->dir);
	if (mkdir(w->fonts, 0755) == -1 || mkdir(w->home, 0755) == -1)
		return -1;
	copy_file(LIBERATION, w->font);
	text = xasprintf("<?xml version=\"1.0\"?>\n<fontconfig><dir>%s</dir>"
	    "<cachedir>%s/cache</cachedir></fontconfig>\n", w->fonts, w->dir);
	write_file(w->conf, text);
	free(text);
	w->old_home = getenv("HOME") != NULL ? xstrdup(getenv("HOME")) : NULL;
	if (setenv("FONTCONFIG_FILE", w->conf, 1) == -1 ||
	    setenv("HOME", w->home, 1) == -1)
		return -1;
	FcFini();	/* read the configuration above from now on */
	*state = w;
	return 0;
}

static int
world_teardown(void **state)
{
	struct world *w = *state;
	char *cmd = xasprintf("rm -rf '%s'", w->dir);
	int rc = system(cmd);

	free(cmd);
	(void)unsetenv("FONTCONFIG_FILE");
	if (w->old_home != NULL)
		(void)setenv("HOME", w->old_home, 1);
	FcFini();
	free(w->dir);
	free(w->conf);
	free(w->fonts);
	free(w->font);
	free(w->home);
	free(w->old_home);
	free(w);
	return rc == 0 ? 0 : -1;
}

/* The answer of fontconfig for family, written down; the caller frees. */
static char *
written(const char *family, struct font_answer *x)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	x->family = (char *)family;
	x->weight = WEIGHT_REGULAR;
	x->slant = SLANT_ROMAN;
	x->index = -1;
	x->path = font_ask_fontconfig(family, x->weight, x->slant, &x->index,
	    &x->why);
	assert_non_null(f);
	assert_int_equal(font_answers_write(f, x, 1), 0);
	assert_int_equal(fclose(f), 0);
	return text;
}

/* Writes x's family's answer down again, for the files as they are now. */
static void
rewrite(char **text, struct font_answer *x)
{
	free(*text);
	free(x->path);
	*text = written(x->family, x);
}

/* Nonzero if text holds, and then its one answer is x. */
static int
holds(const char *text, const struct font_answer *x)
{
	struct font_answer *a;
	size_t n;

	if ((a = font_answers_read(text, strlen(text), &n)) == NULL) {
		assert_int_equal(n, 0);
		return 0;
	}
	assert_int_equal(n, 1);
	assert_string_equal(a[0].family, x->family);
	assert_int_equal(a[0].weight, x->weight);
	assert_int_equal(a[0].slant, x->slant);
	assert_same_answer(&a[0], x->path, x->index, x->why);
	font_answers_free(a, n);
	return 1;
}

/* Sets path's modification time a minute on. */
static void
touch_later(const char *path)
{
	struct stat st;
	struct timespec t[2];

	assert_int_equal(stat(path, &st), 0);
	t[0] = st.st_atim;
	t[1] = st.st_mtim;
	t[1].tv_sec += 60;
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void
answers_hold_while_nothing_changes(void **state)
{
	struct world *w = *state;
	struct font_answer x;
	char *text, *path, *cut;

	text = written("Liberation Sans", &x);
	assert_string_equal(x.path, w->font);
	assert_true(holds(text, &x));
	assert_true(holds(text, &x));

	/* The configuration file changes. */
	touch_later(w->conf);
	assert_false(holds(text, &x));
	rewrite(&text, &x);
	assert_true(holds(text, &x));

	/* A file appears in the font folder. */
	path = xasprintf("%s/new.ttf", w->fonts);
	write_file(path, "");
	assert_false(holds(text, &x));
	free(path);
	rewrite(&text, &x);

	/* The font file answered changes. */
	touch_later(w->font);
	assert_false(holds(text, &x));
	rewrite(&text, &x);

	/* A user configuration fontconfig would read appears, then goes. */
	path = xasprintf("%s/.fonts.conf", w->home);
	write_file(path, "");
	assert_false(holds(text, &x));
	assert_int_equal(unlink(path), 0);
	assert_true(holds(text, &x));
	free(path);
	path = xasprintf("%s/.config", w->home);
	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
	path = xasprintf("%s/.config/fontconfig", w->home);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_true(holds(text, &x));	/* no file fontconfig reads yet */
	free(path);
	path = xasprintf("%s/.config/fontconfig/fonts.conf", w->home);
	write_file(path, "");
	assert_false(holds(text, &x));
	assert_int_equal(unlink(path), 0);
	assert_true(holds(text, &x));
	free(path);

	/* An environment variable fontconfig reads changes. */
	assert_int_equal(setenv("FC_LANG", "de", 1), 0);
	assert_false(holds(text, &x));
	assert_int_equal(unsetenv("FC_LANG"), 0);
	assert_true(holds(text, &x));
	assert_int_equal(setenv("HOME", w->dir, 1), 0);
	assert_false(holds(text, &x));
	assert_int_equal(setenv("HOME", w->home, 1), 0);
	assert_true(holds(text, &x));

	/* Text that is not a whole list of answers holds nothing. */
	cut = xstrndup(text, strlen(text) - 1);
	assert_false(holds(cut, &x));
	free(cut);
	cut = xasprintf("%sfont 2 0 0\tLiberation Sans\t%s\n", text, w->font);
	assert_false(holds(cut, &x));
	free(cut);
	cut = xasprintf("%sfont 0 0 0 1\tLiberation Sans\t%s\n", text,
	    w->font);
	assert_false(holds(cut, &x));
	free(cut);
	cut = xasprintf("%sfile -\n", text);
	assert_false(holds(cut, &x));
	free(cut);
	cut = xasprintf("%sbogus\n", text);
	assert_false(holds(cut, &x));
	free(cut);
	cut = xasprintf("pdfgen font answers 2%s", strchr(text, '\n'));
	assert_false(holds(cut, &x));
	free(cut);
	assert_false(holds("", &x));
	free(x.path);
	free(text);
}

/* An answer without a file (a typo) is written down with its reason. */
static void
answers_without_a_file_keep_their_reason(void **state)
{
	struct font_answer x;
	char *text;

	(void)state;
	text = written("Libration Sans", &x);
	assert_null(x.path);
	assert_string_equal(x.why, "no font family 'Libration Sans' "
	    "(fontconfig suggests 'Liberation Sans')");
	assert_true(holds(text, &x));
	free(x.why);
	free(text);
}

/* A name the format cannot hold is not written down. */
static void
tabs_and_line_breaks_are_refused(void **state)
{
	struct font_answer x = { (char *)"Liberation\tSans", WEIGHT_REGULAR,
	    SLANT_ROMAN, NULL, 0, (char *)"none" };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(font_answers_write(f, &x, 1), -1);
	assert_int_equal(fclose(f), 0);
	free(text);
	x.family = (char *)"Liberation Sans";
	x.why = (char *)"two\nlines";
	f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(font_answers_write(f, &x, 1), -1);
	assert_int_equal(fclose(f), 0);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(built_in_answers_are_fontconfigs),
		cmocka_unit_test_setup_teardown(
		    answers_hold_while_nothing_changes, world_setup,
		    world_teardown),
		cmocka_unit_test_setup_teardown(
		    answers_without_a_file_keep_their_reason, world_setup,
		    world_teardown),
		cmocka_unit_test(tabs_and_line_breaks_are_refused),
	};

	return cmocka_run_group_tests_name("fontanswers", tests, NULL, NULL);
}
