/*
 * The atomic writer of output.h: temporary files beside their targets,
 * and the run that renames them all or none.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "tempfile.h"
#include "util.h"

/* A file of the run, written and waiting to be renamed into place. */
struct pending {
	char		*path;
	int		 tmp;		/* tempfile handle of the new file */
	int		 backup;	/* of a link to the old file, or -1 */
	int		 existed;	/* path was there before */
};

static struct run {
	int		 active;
	char		*dir;
	int		 lock;		/* tempfile handle */
	int		 made;		/* tempfile handle of dir, or -1 */
	struct pending	*v;
	size_t		 n;
} run;

/* "DIR/.NAME.SUFFIXXXXXXX" for path "DIR/NAME"; NULL if NAME is empty. */
static char *
beside(const char *path, const char *suffix)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;

	if (*base == '\0')
		return NULL;
	return xasprintf("%.*s.%s.%sXXXXXX", slash != NULL ?
	    (int)(slash - path + 1) : 0, path, base, suffix);
}

/*
 * A new empty file made from template (mkstemp), registered as a
 * temporary; returns its descriptor and handle, or -1 (errno).  Signals
 * wait meanwhile, so a file made is always registered.
 */
static int
make_temporary(char *template, int *handle)
{
	int fd, e = 0;

	tempfile_block_signals(1);
	if ((fd = mkstemp(template)) != -1 &&
	    (*handle = tempfile_register(template, TEMPFILE_FILE)) == -1) {
		(void)unlink(template);
		(void)close(fd);
		fd = -1;
		e = EMFILE;
	}
	if (fd == -1 && e == 0)
		e = errno;
	tempfile_block_signals(0);
	errno = e;
	return fd;
}

static int
cannot_write(struct diag *d, const char *path, int e)
{
	return diag_system_error(d, NULL, "cannot write '%s': %s", path,
	    strerror(e));
}

struct outfile *
outfile_open(const char *path, struct diag *d)
{
	struct outfile *f;
	char *tmp;
	mode_t mask;
	int fd, h, e;

	if ((tmp = beside(path, "")) == NULL) {
		cannot_write(d, path, EISDIR);
		return NULL;
	}
	fd = make_temporary(tmp, &h);
	e = errno;
	free(tmp);
	if (fd == -1) {
		cannot_write(d, path, e);
		return NULL;
	}
	/* mkstemp makes the file 0600; give it the usual permissions. */
	mask = umask(0);
	umask(mask);
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->tmp = h;
	if (fchmod(fd, 0666 & ~mask) == -1 ||
	    (f->fp = fdopen(fd, "wb")) == NULL) {
		e = errno;
		(void)close(fd);
		outfile_discard(f);
		cannot_write(d, path, e);
		return NULL;
	}
	return f;
}

void
outfile_discard(struct outfile *f)
{
	if (f->fp != NULL)
		(void)fclose(f->fp);
	(void)tempfile_remove(f->tmp);
	free(f->path);
	free(f);
}

/* Makes the renames in folder dir durable; errors do not matter here. */
static void
sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash != NULL ? xstrndup(path, (size_t)(slash - path + 1)) :
	    xstrdup(".");
	int fd;

	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);
		(void)close(fd);
	}
	free(dir);
}

/* Renames one file into place at once (outside a run). */
static int
put_in_place(struct outfile *f, struct diag *d)
{
	int rc = 0;

	tempfile_block_signals(1);
	if (rename(tempfile_path(f->tmp), f->path) == -1)
		rc = cannot_write(d, f->path, errno);
	if (rc == 0) {
		tempfile_forget(f->tmp);
		sync_folder(f->path);
	} else
		(void)tempfile_remove(f->tmp);
	tempfile_block_signals(0);
	return rc;
}

int
outfile_close(struct outfile *f, int err, struct diag *d)
{
	struct pending *p;
	int rc;

	if (err == 0 && (fflush(f->fp) != 0 || fsync(fileno(f->fp)) != 0))
		err = errno;
	if (fclose(f->fp) != 0 && err == 0)
		err = errno;
	f->fp = NULL;
	if (err != 0) {
		cannot_write(d, f->path, err);
		outfile_discard(f);
		return -1;
	}
	if (!run.active) {
		rc = put_in_place(f, d);
		free(f->path);
		free(f);
		return rc;
	}
	run.v = xreallocarray(run.v, run.n + 1, sizeof(*run.v));
	p = &run.v[run.n++];
	p->path = f->path;
	p->tmp = f->tmp;
	p->backup = -1;
	p->existed = 0;
	free(f);
	return 0;
}

/* The number in a lock file (the process holding it), or 0. */
static long
lock_holder(const char *lock)
{
	char buf[32];
	ssize_t n;
	long pid = 0;
	int fd, i;

	if ((fd = open(lock, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	for (i = 0; i < n && buf[i] >= '0' && buf[i] <= '9' &&
	    pid < 100000000; i++)
		pid = pid * 10 + (buf[i] - '0');
	return i > 0 && i < n && buf[i] == '\n' ? pid : 0;
}

/* Creates dir/.pdfgen.lock holding our process number. */
static int
take_lock(struct diag *d)
{
	char *lock = xasprintf("%s/%s", run.dir, OUTPUT_LOCK);
	char *pid;
	long holder;
	int fd, e = 0, rc = 0;

	tempfile_block_signals(1);
	fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0666);
	if (fd != -1 && (run.lock = tempfile_register(lock,
	    TEMPFILE_FILE)) == -1) {
		(void)unlink(lock);
		(void)close(fd);
		fd = -1;
		errno = EMFILE;
	}
	e = errno;
	tempfile_block_signals(0);
	if (fd == -1 && e == EEXIST) {
		holder = lock_holder(lock);
		pid = holder > 0 ? xasprintf(" (process %ld)", holder) :
		    xstrdup("");
		rc = diag_system_error(d, NULL, "another pdfgen run is "
		    "writing to '%s'%s; if none is, remove '%s'", run.dir, pid,
		    lock);
		free(pid);
	} else if (fd == -1)
		rc = diag_system_error(d, NULL, "cannot write to the output "
		    "folder '%s': %s", run.dir, strerror(e));
	else {
		/* For the message above; a full disk leaves the lock empty. */
		pid = xasprintf("%ld\n", (long)getpid());
		(void)!write(fd, pid, strlen(pid));
		(void)close(fd);
		free(pid);
	}
	free(lock);
	return rc;
}

/* Removes the folder if this run made it (and it is empty again). */
static void
unmake_folder(void)
{
	if (run.made != -1)
		(void)tempfile_remove(run.made);
	run.made = -1;
}

int
output_begin(const char *dir, struct diag *d)
{
	int e;

	memset(&run, 0, sizeof(run));
	run.made = -1;
	tempfile_block_signals(1);
	if (mkdir(dir, 0777) == 0)
		run.made = tempfile_register(dir, TEMPFILE_DIR);
	else if ((e = errno) != EEXIST) {
		tempfile_block_signals(0);
		return diag_system_error(d, NULL, "cannot create the output "
		    "folder '%s': %s", dir, strerror(e));
	}
	tempfile_block_signals(0);
	run.dir = xstrdup(dir);
	if (take_lock(d) == -1) {
		unmake_folder();
		free(run.dir);
		run.dir = NULL;
		return -1;
	}
	run.active = 1;
	return 0;
}

/*
 * Keeps a second name (a hard link) of each file about to be replaced, so
 * that a failed rename of a later file can put the old one back.  (Where
 * the file system has no links, it cannot.)
 */
static void
keep_old(struct pending *p)
{
	struct stat st;
	char *name;
	int fd, h;

	if (lstat(p->path, &st) == -1)
		return;
	p->existed = 1;
	if ((name = beside(p->path, "old.")) == NULL)
		return;
	if ((fd = make_temporary(name, &h)) != -1) {
		(void)close(fd);
		if (unlink(name) == 0 && link(p->path, name) == 0)
			p->backup = h;
		else
			tempfile_forget(h);
	}
	free(name);
}

/* Undoes the renames of files 0 .. n-1. */
static void
put_back(size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct pending *p = &run.v[i];

		if (p->backup != -1 && rename(tempfile_path(p->backup),
		    p->path) == 0) {
			tempfile_forget(p->backup);
			p->backup = -1;
		} else if (!p->existed)
			(void)unlink(p->path);
	}
}

/*
 * Renames every pending file into place, or none; returns the index of
 * the file that failed, or -1.
 */
static long
commit(struct diag *d)
{
	size_t i;

	for (i = 0; i < run.n; i++)
		keep_old(&run.v[i]);
	for (i = 0; i < run.n; i++) {
		if (rename(tempfile_path(run.v[i].tmp), run.v[i].path) == -1) {
			cannot_write(d, run.v[i].path, errno);
			put_back(i);
			return (long)i;
		}
		tempfile_forget(run.v[i].tmp);
		run.v[i].tmp = -1;
	}
	if (run.n > 0)
		sync_folder(run.v[0].path);
	return -1;
}

int
output_end(int ok, struct diag *d)
{
	long failed = -1;
	size_t i, dropped;

	if (!run.active)
		return -1;
	tempfile_block_signals(1);
	failed = ok ? commit(d) : (long)run.n;
	/* Every file is dropped when one fails; its own error was said. */
	dropped = failed == -1 ? 0 : run.n - ((size_t)failed < run.n);
	for (i = 0; i < run.n; i++) {
		if (run.v[i].tmp != -1)
			(void)tempfile_remove(run.v[i].tmp);
		if (run.v[i].backup != -1)
			(void)tempfile_remove(run.v[i].backup);
		free(run.v[i].path);
	}
	free(run.v);
	(void)tempfile_remove(run.lock);
	if (failed != -1) {
		unmake_folder();
		if (dropped > 0 && d->out != NULL)
			fprintf(d->out, "pdfgen: nothing written to '%s'\n",
			    run.dir);
	} else if (run.made != -1)
		tempfile_forget(run.made);
	tempfile_block_signals(0);
	free(run.dir);
	memset(&run, 0, sizeof(run));
	return failed == -1 ? 0 : -1;
}

void
output_child(void)
{
	size_t i;

	if (!run.active)
		return;
	tempfile_forget(run.lock);
	if (run.made != -1)
		tempfile_forget(run.made);
	run.made = -1;
	for (i = 0; i < run.n; i++) {
		tempfile_forget(run.v[i].tmp);
		free(run.v[i].path);
	}
	run.n = 0;
}

void
output_handover(FILE *fp)
{
	size_t i;

	fprintf(fp, "%zu\n", run.n);
	for (i = 0; i < run.n; i++) {
		fprintf(fp, "%s%c%s%c", tempfile_path(run.v[i].tmp), '\0',
		    run.v[i].path, '\0');
		tempfile_forget(run.v[i].tmp);
		free(run.v[i].path);
	}
	run.n = 0;
}

int
output_adopt(const char *tmp, const char *path)
{
	struct pending *p;
	int h;

	if ((h = tempfile_register(tmp, TEMPFILE_FILE)) == -1) {
		(void)unlink(tmp);
		return -1;
	}
	run.v = xreallocarray(run.v, run.n + 1, sizeof(*run.v));
	p = &run.v[run.n++];
	p->path = xstrdup(path);
	p->tmp = h;
	p->backup = -1;
	p->existed = 0;
	return 0;
}
