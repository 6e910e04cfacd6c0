/*
 * Tests of output.h, the atomic writer: files appear whole or not at all,
 * a run renames all its files or none (putting back what it had renamed),
 * a folder the run made goes again, and the lock keeps a second run out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "util.h"

static char top[] = "/tmp/test_output.XXXXXX";

static struct diag d;

/* The names in folder dir, sorted, one space after each ("" if none). */
static char *
listing(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' 2>/dev/null | tr '\\n' ' '", dir);
	char buf[1024];
	size_t n;
	FILE *p = popen(cmd, "r");

	assert_non_null(p);
	n = fread(buf, 1, sizeof(buf) - 1, p);
	buf[n] = '\0';
	pclose(p);
	free(cmd);
	return xstrdup(buf);
}

static void
assert_listing(const char *dir, const char *want)
{
	char *got = listing(dir);

	assert_string_equal(got, want);
	free(got);
}

static char *
contents(const char *path)
{
	char buf[256];
	size_t n;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return xstrdup(buf);
}

static void
assert_contents(const char *path, const char *want)
{
	char *got = contents(path);

	assert_string_equal(got, want);
	free(got);
}

/* Writes text to path through the writer; returns outfile_close's result. */
static int
write_file(const char *path, const char *text)
{
	struct outfile *f = outfile_open(path, &d);

	assert_non_null(f);
	fputs(text, f->fp);
	return outfile_close(f, 0, &d);
}

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *
fresh(const char *name)
{
	char *dir = xasprintf("%s/%s", top, name);
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	diag_init(&d, NULL, 0);
	return dir;
}

/* Outside a run a file is in place when closed; no temporary is left. */
static void
single_file(void **state)
{
	char *dir = fresh("single"), *path = xasprintf("%s/a.txt", dir);
	struct stat st;

	(void)state;
	assert_int_equal(mkdir(dir, 0777), 0);
	put(path, "old");
	assert_int_equal(write_file(path, "new"), 0);
	assert_contents(path, "new");
	assert_listing(dir, "a.txt ");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0666 & ~(unsigned)umask(022));
	free(path);
	free(dir);
}

/* In a run the files wait for output_end, then all are in place. */
static void
run_commits_all(void **state)
{
	char *dir = fresh("commit"), *a = xasprintf("%s/a.txt", dir),
	    *b = xasprintf("%s/b.txt", dir);

	(void)state;
	assert_int_equal(output_begin(dir, &d), 0);
	assert_listing(dir, ".pdfgen.lock ");
	assert_int_equal(write_file(a, "A"), 0);
	assert_int_equal(write_file(b, "B"), 0);
	assert_int_equal(access(a, F_OK), -1);
	assert_int_equal(output_end(1, &d), 0);
	assert_listing(dir, "a.txt b.txt ");
	assert_contents(a, "A");
	assert_contents(b, "B");
	free(a);
	free(b);
	free(dir);
}

/* A run that fails drops its files and the folder it made. */
static void
run_rolls_back(void **state)
{
	char *dir = fresh("rollback"), *a = xasprintf("%s/a.txt", dir);
	struct stat st;

	(void)state;
	assert_int_equal(output_begin(dir, &d), 0);
	assert_int_equal(write_file(a, "A"), 0);
	assert_int_equal(output_end(0, &d), -1);
	assert_int_equal(stat(dir, &st), -1);
	free(a);
	free(dir);
}

/*
 * The second file cannot be renamed (a folder has its name): the first,
 * already renamed, is put back as it was, and nothing is left over.
 */
static void
failed_rename_puts_back(void **state)
{
	char *dir = fresh("putback"), *a = xasprintf("%s/a.txt", dir),
	    *b = xasprintf("%s/b.txt", dir), *c = xasprintf("%s/c.txt", dir),
	    *inside = xasprintf("%s/c.txt/x", dir);

	(void)state;
	assert_int_equal(mkdir(dir, 0777), 0);
	put(a, "old A");
	assert_int_equal(mkdir(c, 0777), 0);
	put(inside, "x");
	assert_int_equal(output_begin(dir, &d), 0);
	assert_int_equal(write_file(a, "new A"), 0);
	assert_int_equal(write_file(b, "new B"), 0);
	assert_int_equal(write_file(c, "new C"), 0);
	assert_int_equal(output_end(1, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_contents(a, "old A");
	assert_listing(dir, "a.txt c.txt ");
	free(a);
	free(b);
	free(c);
	free(inside);
	free(dir);
}

/* A second run into the folder is refused while the first holds it. */
static void
lock_keeps_second_run_out(void **state)
{
	char *dir = fresh("lock"), *lock = xasprintf("%s/.pdfgen.lock", dir);

	(void)state;
	assert_int_equal(mkdir(dir, 0777), 0);
	put(lock, "4242\n");
	assert_int_equal(output_begin(dir, &d), -1);
	assert_int_equal(d.system, 1);
	assert_contents(lock, "4242\n");
	assert_int_equal(unlink(lock), 0);
	assert_int_equal(output_begin(dir, &d), 0);
	assert_int_equal(output_end(1, &d), 0);
	assert_listing(dir, "");
	free(lock);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(single_file),
		cmocka_unit_test(run_commits_all),
		cmocka_unit_test(run_rolls_back),
		cmocka_unit_test(failed_rename_puts_back),
		cmocka_unit_test(lock_keeps_second_run_out),
	};
	char *cmd;
	int rc;

	umask(022);
	if (mkdtemp(top) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cmd = xasprintf("rm -rf '%s'", top);
	if (system(cmd) != 0)
		rc = 1;
	free(cmd);
	return rc;
}
