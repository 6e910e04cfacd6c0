/*
 * Diagnostics: the one reporter every stage uses.
 *
 * Messages print as "FILE:LINE:COL: error: message" in the style of
 * compilers (parts that are unknown are left out).  The reporter counts
 * errors and warnings; with strict set, every warning is reported and
 * counted as an error.  Wording follows git: lower case, no full stop,
 * the problem first, the subject in quotes.
 *
 * May be included by every file.
 */
#ifndef PDFGEN_DIAG_H
#define PDFGEN_DIAG_H

#include <stdio.h>

/* A place in an input file; line and col are 1-based, 0 = unknown. */
struct srcpos {
	const char	*file;	/* not owned */
	unsigned	 line;
	unsigned	 col;
};

struct diag {
	FILE		*out;		/* where messages go (stderr) */
	int		 strict;	/* warnings count as errors */
	unsigned	 nerrors;
	unsigned	 nwarnings;
	int		 system;	/* an output or system failure was reported */
};

/* Exit codes of the program, documented in README and --help. */
enum exit_code {
	EXIT_OK = 0,
	EXIT_INPUT = 1,		/* the input has problems */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_SYSTEM = 3		/* output or system failure */
};

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

void	diag_init(struct diag *, FILE *out, int strict);

/* Reports an error at pos (may be NULL).  Returns -1 for "return diag_error(...)". */
int	diag_error(struct diag *, const struct srcpos *pos,
	    const char *fmt, ...) DIAG_PRINTF(3, 4);

/*
 * Reports an error of the system rather than of the input (a file that
 * cannot be written, a full disk): the run exits with EXIT_SYSTEM.
 */
int	diag_system_error(struct diag *, const struct srcpos *pos,
	    const char *fmt, ...) DIAG_PRINTF(3, 4);

/* Reports a warning (an error when strict). */
void	diag_warning(struct diag *, const struct srcpos *pos,
	    const char *fmt, ...) DIAG_PRINTF(3, 4);

/* Reports a note: extra information attached to the message before it. */
void	diag_note(struct diag *, const struct srcpos *pos,
	    const char *fmt, ...) DIAG_PRINTF(3, 4);

/* Nonzero once an error (or, when strict, a warning) was reported. */
int	diag_failed(const struct diag *);

/* The exit code for what was reported: EXIT_OK, EXIT_INPUT or EXIT_SYSTEM. */
int	diag_exit_code(const struct diag *);

#endif
