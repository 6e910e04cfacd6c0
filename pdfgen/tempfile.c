/*
 * The registry of tempfile.h and its signal handler.
 *
 * The handler may run between any two instructions of the code below, so
 * an entry is published by setting active last and withdrawn by clearing
 * it first; the handler reads only active entries and calls only unlink,
 * rmdir, sigaction and raise, which are async-signal-safe.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "tempfile.h"
#include "util.h"

struct entry {
	volatile sig_atomic_t active;
	volatile sig_atomic_t kind;	/* enum tempfile_kind */
	char *volatile	 path;
};

static struct entry entries[TEMPFILE_MAX];

static const int signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM };

#define NSIGNALS	(sizeof(signals) / sizeof(signals[0]))

/* Files first: a folder can only go once it is empty. */
static void
remove_all(void)
{
	size_t i;

	for (i = 0; i < TEMPFILE_MAX; i++)
		if (entries[i].active && entries[i].kind == TEMPFILE_FILE)
			(void)unlink(entries[i].path);
	for (i = TEMPFILE_MAX; i-- > 0;)
		if (entries[i].active && entries[i].kind == TEMPFILE_DIR)
			(void)rmdir(entries[i].path);
}

static void
on_signal(int sig)
{
	struct sigaction dfl;
	size_t i;

	remove_all();
	for (i = 0; i < TEMPFILE_MAX; i++)
		entries[i].active = 0;
	/* Die of the signal itself: the parent sees what happened. */
	dfl.sa_handler = SIG_DFL;
	dfl.sa_flags = 0;
	sigemptyset(&dfl.sa_mask);
	(void)sigaction(sig, &dfl, NULL);
	(void)raise(sig);
}

/* At exit: what a path that ends the program (exit from xmalloc) left. */
static void
remove_at_exit(void)
{
	size_t i;

	tempfile_block_signals(1);
	remove_all();
	for (i = 0; i < TEMPFILE_MAX; i++)
		tempfile_forget((int)i);
}

static void
install(void)
{
	static int done;
	struct sigaction sa, old;
	size_t i;

	if (done)
		return;
	done = 1;
	atexit(remove_at_exit);
	sa.sa_handler = on_signal;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NSIGNALS; i++)
		sigaddset(&sa.sa_mask, signals[i]);
	for (i = 0; i < NSIGNALS; i++)
		if (sigaction(signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			(void)sigaction(signals[i], &sa, NULL);
}

int
tempfile_register(const char *path, enum tempfile_kind kind)
{
	size_t i;

	install();
	for (i = 0; i < TEMPFILE_MAX; i++)
		if (!entries[i].active && entries[i].path == NULL)
			break;
	if (i == TEMPFILE_MAX)
		return -1;
	entries[i].path = xstrdup(path);
	entries[i].kind = kind;
	entries[i].active = 1;
	return (int)i;
}

const char *
tempfile_path(int h)
{
	return entries[h].path;
}

int
tempfile_remove(int h)
{
	int rc, e;

	rc = entries[h].kind == TEMPFILE_DIR ? rmdir(entries[h].path) :
	    unlink(entries[h].path);
	e = errno;
	tempfile_forget(h);
	errno = e;
	return rc;
}

void
tempfile_forget(int h)
{
	char *path = entries[h].path;

	entries[h].active = 0;
	entries[h].path = NULL;
	free(path);
}

void
tempfile_block_signals(int how)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NSIGNALS; i++)
		sigaddset(&set, signals[i]);
	(void)sigprocmask(how ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

int
tempfile_signal_pending(void)
{
	sigset_t set;
	size_t i;

	if (sigpending(&set) == -1)
		return 0;
	for (i = 0; i < NSIGNALS; i++)
		if (sigismember(&set, signals[i]) == 1)
			return 1;
	return 0;
}
