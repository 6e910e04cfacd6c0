/*
 * parallel_run() of parallel.h: a child process per job, its report read
 * through a pipe.  A child's report, written once the job is done:
 *
 *	RC NERRORS NWARNINGS SYSTEM\n
 *	N\n  TEMP\0PATH\0 ... (N files: output_handover)
 *	the messages, as the job's struct diag printed them
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output.h"
#include "parallel.h"
#include "tempfile.h"
#include "util.h"

struct job {
	pid_t		 pid;		/* 0: not started or ended */
	int		 fd;		/* the report's pipe, or -1 */
	struct buf	 report;
	int		 started;
	int		 status;	/* of the ended process, as waitpid has it */
};

/*
 * Runs job i reporting to a buffer and writes the report to fp; the
 * job's files are handed over in it.
 */
static void
run_job(size_t i, parallel_job job, void *arg, int strict, FILE *fp)
{
	struct diag d;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	if ((mem = open_memstream(&text, &len)) == NULL) {
		fputs("pdfgen: error: out of memory\n", stderr);
		exit(EXIT_SYSTEM);
	}
	diag_init(&d, mem, strict);
	rc = job(i, arg, &d);
	fclose(mem);
	/* From here on the files are the parent's: no handler removes them. */
	tempfile_block_signals(1);
	fprintf(fp, "%d %u %u %d\n", rc, d.nerrors, d.nwarnings, d.system);
	output_handover(fp);
	fwrite(text, 1, len, fp);
	free(text);
}

/* Starts job i in a child process; -1 when none can be made. */
static int
start(struct job *j, size_t i, parallel_job job, void *arg, int strict)
{
	int fds[2];
	FILE *fp;

	if (pipe(fds) == -1)
		return -1;
	if ((j->pid = fork()) == -1) {
		(void)close(fds[0]);
		(void)close(fds[1]);
		j->pid = 0;
		return -1;
	}
	if (j->pid == 0) {
		(void)close(fds[0]);
		output_child();
		tempfile_block_signals(0);
		if ((fp = fdopen(fds[1], "wb")) == NULL)
			_exit(EXIT_SYSTEM);
		run_job(i, job, arg, strict, fp);
		exit(fclose(fp) == 0 ? EXIT_OK : EXIT_SYSTEM);
	}
	(void)close(fds[1]);
	j->fd = fds[0];
	j->started = 1;
	return 0;
}

/* Job i in this process when no child can be made: the same report. */
static void
run_here(struct job *j, size_t i, parallel_job job, void *arg, int strict)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&text, &len)) == NULL) {
		fputs("pdfgen: error: out of memory\n", stderr);
		exit(EXIT_SYSTEM);
	}
	run_job(i, job, arg, strict, fp);
	fclose(fp);
	buf_add(&j->report, text, len);
	free(text);
	j->started = 1;
}

/* Reads what job j's pipe has; at its end, collects the process. */
static void
drain(struct job *j, size_t *running)
{
	char chunk[65536];
	ssize_t n;
	int status;

	if ((n = read(j->fd, chunk, sizeof(chunk))) > 0) {
		buf_add(&j->report, chunk, (size_t)n);
		return;
	}
	if (n == -1 && errno == EINTR)
		return;
	(void)close(j->fd);
	j->fd = -1;
	while (waitpid(j->pid, &status, 0) == -1 && errno == EINTR)
		;
	j->status = status;
	j->pid = 0;
	(*running)--;
}

/*
 * Takes job j's report: its files, its messages, its counts.  Returns
 * the job's result, or -1 for a report cut short (a process that died).
 */
static int
take_report(struct job *j, const char *name, struct diag *d)
{
	const char *s = j->report.data, *end = s + j->report.len, *tmp;
	unsigned nerrors, nwarnings;
	int rc, sys, ok = 1, n;
	size_t nfiles, i;

	if (s == NULL || sscanf(s, "%d %u %u %d %zu%n", &rc, &nerrors,
	    &nwarnings, &sys, &nfiles, &n) != 5 || s[n] != '\n')
		return diag_system_error(d, NULL, "the process rendering '%s' "
		    "ended before it was done", name);
	s += n + 1;
	for (i = 0; i < nfiles; i++) {
		tmp = s;
		if ((s = memchr(s, '\0', (size_t)(end - s))) == NULL ||
		    memchr(s + 1, '\0', (size_t)(end - s - 1)) == NULL)
			return diag_system_error(d, NULL, "the report of the "
			    "process rendering '%s' is cut short", name);
		s++;
		if (output_adopt(tmp, s) == -1)
			ok = 0;
		s += strlen(s) + 1;
	}
	if (d->out != NULL)
		fwrite(s, 1, (size_t)(end - s), d->out);
	d->nerrors += nerrors;
	d->nwarnings += nwarnings;
	d->system |= sys;
	if (!ok)
		return diag_system_error(d, NULL, "too many temporary files");
	/* Its report was whole, yet the process failed (valgrind, a sanitizer). */
	if (j->status != 0)
		return diag_system_error(d, NULL, "the process rendering '%s' "
		    "ended with status %d", name, WIFEXITED(j->status) ?
		    WEXITSTATUS(j->status) : 128 + WTERMSIG(j->status));
	return rc;
}

int
parallel_run(size_t n, int max, const char *const *name, parallel_job job,
    void *arg, struct diag *d)
{
	struct job *j = xcalloc(n, sizeof(*j));
	struct pollfd *pfd = xcalloc(n, sizeof(*pfd));
	size_t *of = xcalloc(n, sizeof(*of));	/* the job of pfd[k] */
	struct diag quiet;
	size_t i, k, next = 0, running = 0, np;
	int stop = 0, rc = 0;

	fflush(NULL);		/* nothing buffered is written twice */
	tempfile_block_signals(1);
	for (i = 0; i < n; i++)
		j[i].fd = -1;
	while (running > 0 || (!stop && next < n)) {
		while (!stop && next < n && running < (size_t)max) {
			if (start(&j[next], next, job, arg, d->strict) == 0)
				running++;
			else
				run_here(&j[next], next, job, arg, d->strict);
			next++;
		}
		for (i = np = 0; i < n; i++)
			if (j[i].fd != -1) {
				of[np] = i;
				pfd[np++] = (struct pollfd){ j[i].fd, POLLIN, 0 };
			}
		if (np > 0 && poll(pfd, np, 100) > 0)
			for (k = 0; k < np; k++)
				if (pfd[k].revents != 0)
					drain(&j[of[k]], &running);
		if (!stop && tempfile_signal_pending()) {
			/* Each child removes its own files as it dies. */
			stop = 1;
			for (i = 0; i < n; i++)
				if (j[i].pid > 0)
					(void)kill(j[i].pid, SIGTERM);
		}
	}
	/* Stopped by a signal: the files of the jobs done, and no word. */
	diag_init(&quiet, NULL, d->strict);
	for (i = 0; i < n; i++) {
		if (j[i].started && take_report(&j[i], name[i], stop ? &quiet :
		    d) != 0)
			rc = -1;
		buf_release(&j[i].report);
	}
	free(of);
	free(pfd);
	free(j);
	/* A signal that came meanwhile removes the files taken over. */
	tempfile_block_signals(0);
	return rc;
}
