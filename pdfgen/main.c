/*
 * The command line: pdfgen COMMAND [OPTIONS] [FILE].  Only this file reads
 * argv and calls exit; everything else returns codes through diag.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "layout.h"
#include "parse.h"
#include "render.h"
#include "util.h"

#define DEFAULT_INPUT	"input/programme.xml"
#define DEFAULT_OUTDIR	"output"

static const char usage_text[] =
"usage: pdfgen COMMAND [OPTIONS] [FILE]\n"
"\n"
"Reads a conference programme (FILE, default " DEFAULT_INPUT ") and\n"
"prints it.  Commands:\n"
"  check      validate FILE and print a pre-print report\n"
"  booklet    write DIR/booklet.pdf, the programme booklet\n"
"  signs      write DIR/signs.pdf, a door sign for each forum\n"
"  badges     write DIR/badges.pdf, the speaker badges\n"
"  all        write all three\n"
"  convert    write FILE in pdfgen's own format (to -o FILE or stdout)\n"
"\n"
"Options:\n"
"  -o DIR            output folder (default " DEFAULT_OUTDIR "/)\n"
"  --layout FILE     layout file for the product (see layouts/README.md)\n"
"  --from FORMAT     input format: programme or schedule-xml\n"
"                    (default: decided by the root element)\n"
"  --strict          treat warnings (text shortened to fit) as errors\n"
"  --impose          booklet: also write booklet-imposed.pdf, two-up\n"
"                    for saddle stitching\n"
"  --confirmed-only  badges: leave out speakers not yet confirmed\n"
"  --no-placeholders badges: leave out N.N. placeholders\n"
"  --skip N          badges: the first N labels of sheet 1 are used\n"
"  --only LIST       badges: only these people (ids or names, by comma)\n"
"  -h, --help        show this help\n"
"  --version         show the version\n"
"\n"
"Exit status: 0 ok, 1 problems in the input, 2 usage, 3 output or system\n"
"failure.  Messages read FILE:LINE:COL: error: ...\n";

enum {
	OPT_LAYOUT = 256,
	OPT_FROM,
	OPT_STRICT,
	OPT_IMPOSE,
	OPT_CONFIRMED,
	OPT_NO_PLACEHOLDERS,
	OPT_SKIP,
	OPT_ONLY,
	OPT_VERSION
};

static const struct option longopts[] = {
	{ "layout",		required_argument, NULL, OPT_LAYOUT },
	{ "from",		required_argument, NULL, OPT_FROM },
	{ "strict",		no_argument,	   NULL, OPT_STRICT },
	{ "impose",		no_argument,	   NULL, OPT_IMPOSE },
	{ "confirmed-only",	no_argument,	   NULL, OPT_CONFIRMED },
	{ "no-placeholders",	no_argument,	   NULL, OPT_NO_PLACEHOLDERS },
	{ "skip",		required_argument, NULL, OPT_SKIP },
	{ "only",		required_argument, NULL, OPT_ONLY },
	{ "help",		no_argument,	   NULL, 'h' },
	{ "version",		no_argument,	   NULL, OPT_VERSION },
	{ NULL,			0,		   NULL, 0 }
};

struct args {
	const char	*command;
	const char	*input;
	const char	*out;		/* -o: folder, or file for convert */
	const char	*layout;
	enum input_format from;
	int		 strict;
	struct render_opts opts;
};

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("pdfgen: error: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'pdfgen --help'.\n", stderr);
	return EXIT_USAGE;
}

/* Parses argv into a; returns -1 when done, else the exit code. */
static int
parse_args(int argc, char **argv, struct args *a)
{
	char *end;
	long n;
	int c;

	memset(a, 0, sizeof(*a));
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		case OPT_VERSION:
			puts("pdfgen " PDFGEN_VERSION);
			return EXIT_OK;
		case 'o':
			a->out = optarg;
			break;
		case OPT_LAYOUT:
			a->layout = optarg;
			break;
		case OPT_FROM:
			if (strcmp(optarg, "programme") == 0)
				a->from = INPUT_PROGRAMME;
			else if (strcmp(optarg, "schedule-xml") == 0)
				a->from = INPUT_SCHEDULE_XML;
			else
				return usage_error("unknown input format '%s' "
				    "(programme, schedule-xml)", optarg);
			break;
		case OPT_STRICT:
			a->strict = 1;
			break;
		case OPT_IMPOSE:
			a->opts.impose = 1;
			break;
		case OPT_CONFIRMED:
			a->opts.confirmed_only = 1;
			break;
		case OPT_NO_PLACEHOLDERS:
			a->opts.no_placeholders = 1;
			break;
		case OPT_SKIP:
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 0 ||
			    n > 10000 || errno != 0)
				return usage_error("--skip needs a number from "
				    "0 to 10000, not '%s'", optarg);
			a->opts.skip = (int)n;
			break;
		case OPT_ONLY:
			a->opts.only = optarg;
			break;
		case ':':
			return usage_error("option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage_error("%s", "no command given");
	a->command = argv[optind++];
	a->input = optind < argc ? argv[optind++] : DEFAULT_INPUT;
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return -1;
}

static void
list_people(const char *what, const struct programme *p,
    int (*pick)(const struct person *))
{
	size_t i, j, k, n = 0;

	for (i = 0; i < p->npeople; i++)
		n += pick(&p->people[i]) != 0;
	printf("  %s: %zu\n", what, n);
	for (i = 0; i < p->npeople; i++) {
		const struct person *s = &p->people[i];
		char *name;

		if (!pick(s))
			continue;
		name = person_full_name(s);
		printf("    %s", name);
		if (s->organisation != NULL)
			printf(", %s", s->organisation);
		free(name);
		fputs(" (forum", stdout);
		for (j = 0; j < p->nforums; j++)
			for (k = 0; k < p->forums[j].nspeakers; k++)
				if (p->forums[j].speakers[k] == s)
					printf(" %d", p->forums[j].number);
		puts(")");
	}
}

static int
is_invited(const struct person *s)
{
	return s->status == PERSON_INVITED;
}

static int
is_placeholder(const struct person *s)
{
	return s->placeholder;
}

/* Prints the numbers of forums lacking something, or "none". */
static void
list_forums(const char *what, const struct programme *p,
    int (*lacks)(const struct forum *))
{
	size_t i;
	int any = 0;

	printf("  forums without %s:", what);
	for (i = 0; i < p->nforums; i++)
		if (lacks(&p->forums[i])) {
			printf(" %d", p->forums[i].number);
			any = 1;
		}
	puts(any ? "" : " none");
}

static int
lacks_room(const struct forum *f)
{
	return f->room == NULL;
}

static int
lacks_slot(const struct forum *f)
{
	return f->slot == NULL;
}

static int
lacks_speakers(const struct forum *f)
{
	return f->nspeakers == 0;
}

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static void
report(const struct programme *p, const struct diag *d)
{
	printf("%s: printable", p->file);
	if (d->nwarnings > 0)
		printf(" (%u warning%s)", d->nwarnings, plural(d->nwarnings));
	printf("\n  %zu forum%s, %zu room%s, %zu time slot%s, %zu %s\n",
	    p->nforums, plural(p->nforums), p->nrooms, plural(p->nrooms),
	    p->nslots, plural(p->nslots), p->npeople,
	    p->npeople == 1 ? "person" : "people");
	list_people("speakers invited, not yet confirmed", p, is_invited);
	list_people("placeholders (N.N.)", p, is_placeholder);
	list_forums("a room", p, lacks_room);
	list_forums("a time", p, lacks_slot);
	list_forums("speakers", p, lacks_speakers);
}

static int
convert(const struct programme *p, const char *out, struct diag *d)
{
	FILE *f = stdout;
	char *tmp = NULL;
	int rc;

	if (out != NULL) {
		tmp = xasprintf("%s.tmp", out);
		if ((f = fopen(tmp, "w")) == NULL) {
			diag_system_error(d, NULL, "cannot write '%s': %s", tmp,
			    strerror(errno));
			free(tmp);
			return -1;
		}
	}
	rc = programme_write_xml(p, f);
	if (out != NULL) {
		if (fclose(f) != 0 || rc != 0 || rename(tmp, out) != 0) {
			diag_system_error(d, NULL, "cannot write '%s': %s", out,
			    strerror(errno));
			unlink(tmp);
			rc = -1;
		}
		free(tmp);
	} else if (fflush(stdout) != 0 || rc != 0)
		rc = diag_system_error(d, NULL, "cannot write the output");
	return rc;
}

/* Renders one product into dir with its layout (a's, or the default). */
static int
render_one(const struct renderer *r, const struct programme *p,
    const struct args *a, const char *argv0, struct diag *d)
{
	struct layout *l;
	char *lpath, *out;
	int rc = -1;

	lpath = a->layout ? xstrdup(a->layout) :
	    layout_default_path(r->layout, argv0);
	if (lpath == NULL)
		return diag_system_error(d, NULL, "cannot find the default "
		    "layout '%s'", r->layout);
	if ((l = layout_load(lpath, d)) != NULL && l->product != r->product) {
		struct srcpos pos = { l->file, 0, 0 };

		diag_error(d, &pos, "this is a layout for %s, not for %s",
		    layout_product_names[l->product], r->name);
	} else if (l != NULL) {
		out = xasprintf("%s/%s.pdf", a->out ? a->out : DEFAULT_OUTDIR,
		    r->name);
		rc = r->render(p, l, &a->opts, d, out);
		free(out);
	}
	layout_free(l);
	free(lpath);
	return rc;
}

static int
render(const struct programme *p, const struct args *a, const char *argv0,
    struct diag *d)
{
	const char *dir = a->out ? a->out : DEFAULT_OUTDIR;
	const struct renderer *r;
	struct stat st;
	int rc = 0;

	/* Create the output folder (one level) if it is not there yet. */
	if (stat(dir, &st) == -1 && mkdir(dir, 0777) == -1)
		return diag_system_error(d, NULL, "cannot create the output "
		    "folder '%s': %s", dir, strerror(errno));
	if (strcmp(a->command, "all") != 0)
		return render_one(renderer_find(a->command), p, a, argv0, d);
	for (r = renderers; r->name != NULL; r++)
		if (render_one(r, p, a, argv0, d) == -1)
			rc = -1;
	return rc;
}

int
main(int argc, char **argv)
{
	struct programme *p;
	struct args a;
	struct diag d;
	int rc, is_render;

	if ((rc = parse_args(argc, argv, &a)) != -1)
		return rc;
	is_render = strcmp(a.command, "all") == 0 ||
	    renderer_find(a.command) != NULL;
	if (!is_render && strcmp(a.command, "check") != 0 &&
	    strcmp(a.command, "convert") != 0)
		return usage_error("unknown command '%s' (check, booklet, "
		    "signs, badges, all, convert)", a.command);
	if (a.layout != NULL && !(is_render && strcmp(a.command, "all")))
		return usage_error("%s", "--layout goes with one product: "
		    "booklet, signs or badges");
	diag_init(&d, stderr, a.strict);
	if ((p = programme_load(a.input, a.from, &d)) == NULL) {
		fprintf(stderr, "pdfgen: %u error%s in '%s'; nothing written\n",
		    d.nerrors, plural(d.nerrors), a.input);
		return EXIT_INPUT;
	}
	if (strcmp(a.command, "check") == 0)
		report(p, &d);
	else if (strcmp(a.command, "convert") == 0)
		convert(p, a.out, &d);
	else
		render(p, &a, argv[0], &d);
	programme_free(p);
	return diag_exit_code(&d);
}
