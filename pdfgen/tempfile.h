/*
 * Files and folders that must not outlive a failed or interrupted run:
 * temporary files, the output folder's lock, a folder the run created.
 * Each is registered while it exists; tempfile_remove() removes one, and
 * on SIGINT, SIGTERM, SIGHUP, SIGQUIT or SIGPIPE a handler removes every
 * one still registered (files first, then folders, with async-signal-safe
 * unlink and rmdir only) and the process dies of the signal, so its exit
 * status is 128 + the signal's number.  A signal the process was started
 * with ignored (nohup, "cmd &" in a script) stays ignored.  Modelled on
 * git's tempfile.c.
 *
 * For output.c; nothing else needs it.
 */
#ifndef PDFGEN_TEMPFILE_H
#define PDFGEN_TEMPFILE_H

/* The most entries registered at once. */
#define TEMPFILE_MAX	64

enum tempfile_kind {
	TEMPFILE_FILE,		/* removed with unlink */
	TEMPFILE_DIR		/* removed with rmdir (only when empty) */
};

/*
 * Registers path (copied) and installs the signal handler on first use.
 * Returns a handle for tempfile_remove/forget, or -1 when TEMPFILE_MAX
 * entries are registered already.
 */
int	tempfile_register(const char *path, enum tempfile_kind);

/* The path registered as h. */
const char *tempfile_path(int h);

/* Removes h's file or (empty) folder and forgets it; 0 or -1 (errno). */
int	tempfile_remove(int h);

/* Forgets h without removing it: it was renamed into place, or stays. */
void	tempfile_forget(int h);

/*
 * Blocks (how 1) or unblocks (0) the signals above, so that a series of
 * renames is not cut in half; a signal that came meanwhile is handled at
 * unblocking.
 */
void	tempfile_block_signals(int how);

/* Nonzero when one of the signals above came while they were blocked. */
int	tempfile_signal_pending(void);

#endif
