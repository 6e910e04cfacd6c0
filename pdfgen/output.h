/*
 * The one atomic writer: every file pdfgen writes (the PDFs, convert's
 * XML) goes to a new temporary file beside it, made by mkstemp (O_EXCL:
 * never through a link someone planted), is flushed to the disk and then
 * renamed over the old file: a reader sees the old file or the new one,
 * never a part, and a failed write leaves the old one as it was.
 *
 * A run (output_begin ... output_end) writes into one folder.  It creates
 * the folder if it is missing, holds the folder's lock DIR/.pdfgen.lock
 * (like git's index.lock: a second run into the same folder is refused
 * with a message), and renames its files into place only at output_end,
 * and only if every one of them was written: all or nothing.  A failed or
 * interrupted run (tempfile.h) leaves nothing behind, not even the folder
 * it created.  Outside a run each file is renamed into place when it is
 * closed.
 *
 * For pdf.c, main.c and anything else that writes a file.
 */
#ifndef PDFGEN_OUTPUT_H
#define PDFGEN_OUTPUT_H

#include <stdio.h>

#include "diag.h"

/* The name of the lock in an output folder. */
#define OUTPUT_LOCK	".pdfgen.lock"

struct outfile {
	FILE		*fp;		/* write the contents here */
	char		*path;		/* where they go */
	int		 tmp;		/* tempfile.h handle of the temporary */
};

/*
 * Starts writing path: returns the file to write to, or NULL after
 * reporting why not ("cannot write 'PATH': REASON").
 */
struct outfile *outfile_open(const char *path, struct diag *);

/*
 * Finishes the file: flushes it to the disk and renames it into place,
 * or, within a run, keeps it for output_end.  err is the errno of a
 * failed write to fp, or 0.  Returns 0, or -1 after reporting the
 * failure; then the temporary file is gone and path as it was.  Frees f.
 */
int	outfile_close(struct outfile *f, int err, struct diag *);

/* Drops the file unwritten (its producer reported why).  Frees f. */
void	outfile_discard(struct outfile *f);

/*
 * Starts a run writing into folder dir (made if missing, one level) and
 * takes its lock.  Returns 0, or -1 after reporting the failure: then
 * nothing was changed.
 */
int	output_begin(const char *dir, struct diag *);

/*
 * Ends the run: with commit nonzero renames every file kept into place
 * (all or, if one cannot be, none: the files already renamed are put
 * back), else drops them; releases the lock; removes the folder if the
 * run made it and wrote nothing.  When written files were dropped, says
 * "pdfgen: nothing written to 'DIR'".  Returns 0 when the files were
 * written, else -1.
 */
int	output_end(int commit, struct diag *);

/*
 * A run's files written by child processes (parallel.h).  In a child made
 * by fork() within a run, output_child() forgets what the parent holds
 * (the lock, the folder, its files), so that the child never removes
 * them; the child's own files stay pending.  output_handover() writes the
 * child's pending files to fp, their number on a line and then each
 * temporary's path and the file's path NUL-terminated, and forgets them:
 * from then on the parent owns them, through output_adopt(), which makes
 * the temporary file tmp a pending file of the parent's run that goes to
 * path.  output_adopt() returns 0, or -1 (the temporary removed) when no
 * more temporary files can be registered.
 */
void	output_child(void);
void	output_handover(FILE *fp);
int	output_adopt(const char *tmp, const char *path);

#endif
