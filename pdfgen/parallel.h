/*
 * Jobs of one output run (output.h) in child processes: "pdfgen all"
 * renders its products side by side, as serial runs would.
 *
 * Each job runs in a process of its own made by fork() (libharu documents
 * share nothing), at most max at once.  A child reports to a buffer, not
 * to the terminal, and hands the files it wrote, still temporary, to the
 * parent (output_handover); the parent prints each job's messages and
 * adds its counts to d in the order of the jobs, whatever order they end
 * in, so that the output is that of a serial run: the same files, the
 * same messages in the same order, and the run's rule of all or nothing,
 * which output_end() applies to the files of every job.
 *
 * Signals wait in the parent while jobs run: on SIGINT, SIGTERM... it
 * stops the children (which remove their own temporary files), takes
 * over the files of those that had finished and only then lets the
 * signal in, whose handler (tempfile.h) removes everything.
 *
 * For main.c.
 */
#ifndef PDFGEN_PARALLEL_H
#define PDFGEN_PARALLEL_H

#include <stddef.h>

#include "diag.h"

/* Job i of a run, reporting to d: 0, or -1 after reporting the problem. */
typedef int (*parallel_job)(size_t i, void *arg, struct diag *d);

/*
 * Runs jobs 0 .. n-1 within a run of output.h; name[i] names job i in a
 * message should its process fail.  Returns 0 when every job returned 0,
 * else -1.
 */
int	parallel_run(size_t n, int max, const char *const *name,
	    parallel_job job, void *arg, struct diag *d);

#endif
