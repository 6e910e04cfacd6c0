/*
 * The reporter behind diag.h.
 */
#include <stdarg.h>

#include "diag.h"

void
diag_init(struct diag *d, FILE *out, int strict)
{
	d->out = out;
	d->strict = strict;
	d->nerrors = 0;
	d->nwarnings = 0;
	d->system = 0;
}

static void
report(struct diag *d, const struct srcpos *pos, const char *level,
    const char *fmt, va_list ap)
{
	if (d->out == NULL)
		return;
	if (pos != NULL && pos->file != NULL) {
		fputs(pos->file, d->out);
		if (pos->line > 0) {
			fprintf(d->out, ":%u", pos->line);
			if (pos->col > 0)
				fprintf(d->out, ":%u", pos->col);
		}
	} else
		fputs("pdfgen", d->out);
	fprintf(d->out, ": %s: ", level);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
}

int
diag_error(struct diag *d, const struct srcpos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(d, pos, "error", fmt, ap);
	va_end(ap);
	d->nerrors++;
	return -1;
}

int
diag_system_error(struct diag *d, const struct srcpos *pos, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(d, pos, "error", fmt, ap);
	va_end(ap);
	d->nerrors++;
	d->system = 1;
	return -1;
}

void
diag_warning(struct diag *d, const struct srcpos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(d, pos, d->strict ? "error" : "warning", fmt, ap);
	va_end(ap);
	if (d->strict)
		d->nerrors++;
	else
		d->nwarnings++;
}

void
diag_note(struct diag *d, const struct srcpos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(d, pos, "note", fmt, ap);
	va_end(ap);
}

int
diag_failed(const struct diag *d)
{
	return d->nerrors > 0;
}

int
diag_exit_code(const struct diag *d)
{
	if (d->system)
		return EXIT_SYSTEM;
	return d->nerrors > 0 ? EXIT_INPUT : EXIT_OK;
}
