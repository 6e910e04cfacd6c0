/*
 * The command line: pdfgen COMMAND [OPTIONS] [FILE].  Only this file reads
 * argv and calls exit; everything else returns codes through diag.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "coverage.h"
#include "diag.h"
#include "image.h"
#include "layout.h"
#include "output.h"
#include "parallel.h"
#include "parse.h"
#include "render.h"
#include "util.h"

#define DEFAULT_INPUT	"input/programme.xml"
#define DEFAULT_OUTDIR	"output"

static const char usage_head[] =
"usage: pdfgen COMMAND [OPTIONS] [FILE]\n"
"\n"
"Reads a conference programme (FILE, default " DEFAULT_INPUT ") and\n"
"prints it.  Commands:\n"
"  check      validate FILE and print a pre-print report\n";

static const char usage_options[] =
"  convert    write FILE in pdfgen's own format (to -o FILE or stdout)\n"
"\n"
"Options:\n"
"  -o DIR            output folder (default " DEFAULT_OUTDIR "/)\n"
"  --layout FILE     layout file for the product (see layouts/README.md)\n"
"  --from FORMAT     input format: programme or schedule-xml\n"
"                    (default: decided by the root element)\n"
"  --strict          treat warnings (text shortened to fit) as errors\n";

static const char usage_tail[] =
"  -h, --help        show this help\n"
"  --version         show the version\n"
"\n"
"Exit status: 0 ok, 1 problems in the input, 2 usage, 3 output or system\n"
"failure.  Messages read FILE:LINE:COL: error: ...\n";

/* Options of every command; the products' own ones follow (OPT_PRODUCT). */
enum {
	OPT_LAYOUT = 256,
	OPT_FROM,
	OPT_STRICT,
	OPT_VERSION,
	OPT_PRODUCT
};

static const struct option common_opts[] = {
	{ "layout",		required_argument, NULL, OPT_LAYOUT },
	{ "from",		required_argument, NULL, OPT_FROM },
	{ "strict",		no_argument,	   NULL, OPT_STRICT },
	{ "help",		no_argument,	   NULL, 'h' },
	{ "version",		no_argument,	   NULL, OPT_VERSION },
};

#define NCOMMON	(sizeof(common_opts) / sizeof(common_opts[0]))

/* Every option of the products, each name once, in table order. */
struct product_opts {
	const struct render_option *v[RENDER_OPTS_MAX];
	size_t		 n;
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

static void
product_opts_init(struct product_opts *po)
{
	const struct product *p;
	const struct render_option *o;
	size_t i;

	po->n = 0;
	for (p = products; p->name != NULL; p++)
		for (o = p->options; o != NULL && o->name != NULL; o++) {
			for (i = 0; i < po->n; i++)
				if (strcmp(po->v[i]->name, o->name) == 0)
					break;
			if (i == po->n && po->n < RENDER_OPTS_MAX)
				po->v[po->n++] = o;
		}
}

/* "badges" or "badges, signs": the products that take option name. */
static char *
takers(const char *name)
{
	const struct product *p;
	struct buf b = { NULL, 0, 0 };

	for (p = products; p->name != NULL; p++)
		if (product_option(p, name) != NULL) {
			if (b.len > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, p->name);
		}
	return buf_take(&b);
}

static void
usage(void)
{
	struct product_opts po;
	const struct product *p;
	const char *h;
	char *left, *who;
	size_t i;

	fputs(usage_head, stdout);
	for (p = products; p->name != NULL; p++)
		printf("  %-10s write DIR/%s.pdf, %s\n", p->name, p->name,
		    p->help);
	puts("  all        write every product above");
	fputs(usage_options, stdout);
	product_opts_init(&po);
	for (i = 0; i < po.n; i++) {
		left = xasprintf("--%s%s%s", po.v[i]->name, po.v[i]->arg ?
		    " " : "", po.v[i]->arg ? po.v[i]->arg : "");
		who = takers(po.v[i]->name);
		/* A long option and its value get a line of their own. */
		if (strlen(left) > 17)
			printf("  %s\n                    %s: ", left, who);
		else
			printf("  %-17s %s: ", left, who);
		free(left);
		free(who);
		/* Continuation lines under the first line's text. */
		for (h = po.v[i]->help; *h != '\0'; h++)
			if (*h == '\n')
				fputs("\n                    ", stdout);
			else
				putchar(*h);
		putchar('\n');
	}
	fputs(usage_tail, stdout);
}

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("pdfgen: error: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'pdfgen --help'.\n", stderr);
	return EXIT_USAGE;
}

/* The long options: the common ones, then po's; the caller frees them. */
static struct option *
long_options(const struct product_opts *po)
{
	struct option *v = xcalloc(NCOMMON + po->n + 1, sizeof(*v));
	size_t i;

	memcpy(v, common_opts, sizeof(common_opts));
	for (i = 0; i < po->n; i++)
		v[NCOMMON + i] = (struct option){ po->v[i]->name,
		    po->v[i]->type == RENDER_FLAG ? no_argument :
		    required_argument, NULL, OPT_PRODUCT + (int)i };
	return v;
}

/* Whether arg is one of the words of choices ("full|abstract|titles"). */
static int
is_choice(const char *choices, const char *arg)
{
	size_t n = strlen(arg), k;
	const char *c = choices;

	for (;;) {
		k = strcspn(c, "|");
		if (k == n && n > 0 && strncmp(c, arg, n) == 0)
			return 1;
		if (c[k] == '\0')
			return 0;
		c += k + 1;
	}
}

/* Records product option o given with arg; -1 when done, else exit code. */
static int
product_arg(const struct render_option *o, const char *arg,
    struct render_opts *opts)
{
	char *end, *msg;
	long n;
	int rc;

	if (o->type == RENDER_NUMBER) {
		errno = 0;
		n = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || n < 0 || n > o->max ||
		    errno != 0) {
			msg = xasprintf("--%s needs a number from 0 to %ld, "
			    "not '%%s'", o->name, o->max);
			rc = usage_error(msg, arg);
			free(msg);
			return rc;
		}
	}
	if (o->type == RENDER_CHOICE && !is_choice(o->arg, arg)) {
		msg = xasprintf("--%s takes %s, not '%%s'", o->name, o->arg);
		rc = usage_error(msg, arg);
		free(msg);
		return rc;
	}
	if (render_opts_set(opts, o->name, o->type == RENDER_FLAG ? "" :
	    arg) == -1)
		return usage_error("%s", "too many options");
	return -1;
}

/* Parses argv into a; returns -1 when done, else the exit code. */
static int
parse_args(int argc, char **argv, struct args *a)
{
	struct product_opts po;
	struct option *longopts;
	int c, rc = -1;

	memset(a, 0, sizeof(*a));
	product_opts_init(&po);
	longopts = long_options(&po);
	opterr = 0;
	while (rc == -1 &&
	    (c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
			rc = EXIT_OK;
			break;
		case OPT_VERSION:
			puts("pdfgen " PDFGEN_VERSION);
			rc = EXIT_OK;
			break;
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
				rc = usage_error("unknown input format '%s' "
				    "(programme, schedule-xml)", optarg);
			break;
		case OPT_STRICT:
			a->strict = 1;
			break;
		case ':':
			rc = usage_error("option '%s' needs a value",
			    argv[optind - 1]);
			break;
		default:
			if (c >= OPT_PRODUCT && (size_t)(c - OPT_PRODUCT) <
			    po.n)
				rc = product_arg(po.v[c - OPT_PRODUCT], optarg,
				    &a->opts);
			else
				rc = usage_error("unknown option '%s'",
				    argv[optind - 1]);
			break;
		}
	}
	free(longopts);
	if (rc != -1)
		return rc;
	if (optind >= argc)
		return usage_error("%s", "no command given");
	a->command = argv[optind++];
	a->input = optind < argc ? argv[optind++] : DEFAULT_INPUT;
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return -1;
}

/* " 3", or " 'Title'" for a forum without a number. */
static void
print_forum(const struct forum *f)
{
	if (f->number > 0)
		printf(" %d", f->number);
	else
		printf(" '%s'", f->title);
}

static void
list_people(const char *what, const struct programme *p,
    int (*pick)(const struct person *))
{
	struct roles r;
	size_t i, k, n = 0;

	for (i = 0; i < p->npeople; i++)
		n += pick(&p->people[i]) != 0;
	printf("  %s: %zu\n", what, n);
	if (n == 0)
		return;
	programme_roles(p, 1, &r);
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
		for (k = r.at[i]; k < r.at[i + 1]; k++)
			print_forum(&p->forums[r.forums[k]]);
		puts(")");
	}
	roles_free(&r);
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
			print_forum(&p->forums[i]);
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

/*
 * The photos and logos in RGB: the PDFs keep images as they are, and the
 * print shop converts these to CMYK (their colours may shift).
 */
static void
list_rgb_images(const struct programme *p)
{
	struct buf b = { NULL, 0, 0 };
	size_t i, n = 0;
	char *name, *line;

	for (i = 0; i < p->npeople; i++) {
		const struct person *s = &p->people[i];

		if (s->photo == NULL || image_colour(s->photo) != IMAGE_RGB)
			continue;
		name = person_full_name(s);
		line = xasprintf("    %s (photo of %s)\n", s->photo, name);
		buf_adds(&b, line);
		free(line);
		free(name);
		n++;
	}
	for (i = 0; i < p->nforums; i++) {
		const struct forum *f = &p->forums[i];

		if (f->host_logo == NULL ||
		    image_colour(f->host_logo) != IMAGE_RGB)
			continue;
		line = xasprintf("    %s (logo of forum %d)\n", f->host_logo,
		    f->number);
		buf_adds(&b, line);
		free(line);
		n++;
	}
	printf("  images in RGB, which the print shop converts to CMYK: "
	    "%zu\n%s", n, b.data != NULL ? b.data : "");
	buf_release(&b);
}

/*
 * Every photo and logo read and decoded as the products will read them: a
 * damaged, oversized or missing one is an error now, at its reference.
 */
static void
check_images(const struct programme *p, struct diag *d)
{
	struct image im;
	size_t i;

	for (i = 0; i < p->npeople; i++)
		if (p->people[i].photo != NULL && image_load(d,
		    &p->people[i].pos, p->people[i].photo, &im) == 0)
			image_release(&im);
	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].host_logo != NULL && image_load(d,
		    &p->forums[i].pos, p->forums[i].host_logo, &im) == 0)
			image_release(&im);
}

static void
report(const struct programme *p, const struct diag *d)
{
	if (d->nerrors > 0)
		printf("%s: not printable (%u error%s)", p->file, d->nerrors,
		    plural(d->nerrors));
	else
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
	list_rgb_images(p);
}

static int
convert(const struct programme *p, const char *out, struct diag *d)
{
	struct outfile *f;
	int rc;

	if (out == NULL) {
		if (programme_write_xml(p, stdout) != 0 || fflush(stdout) != 0)
			return diag_system_error(d, NULL, "cannot write the "
			    "output");
		return 0;
	}
	if ((f = outfile_open(out, d)) == NULL)
		return -1;
	rc = programme_write_xml(p, f->fp);
	return outfile_close(f, rc == 0 ? 0 : errno != 0 ? errno : EIO, d);
}

/* Renders one product into dir with its layout (a's, or the default). */
static int
render_one(const struct product *r, const struct programme *p,
    const struct args *a, const char *argv0, struct diag *d)
{
	struct layout_spec spec = product_layout_spec(r);
	const char *def = r->layout_unnumbered != NULL &&
	    !programme_numbered(p) ? r->layout_unnumbered : r->layout;
	struct layout *l;
	char *lpath, *out;
	int rc = -1;

	lpath = a->layout ? xstrdup(a->layout) :
	    layout_default_path(def, argv0);
	if (lpath == NULL)
		return diag_system_error(d, NULL, "cannot find the default "
		    "layout '%s'", def);
	if ((l = layout_load(lpath, &spec, d)) != NULL) {
		out = xasprintf("%s/%s.pdf", a->out ? a->out : DEFAULT_OUTDIR,
		    r->name);
		rc = r->render(p, l, &a->opts, d, out);
		free(out);
	}
	layout_free(l);
	free(lpath);
	return rc;
}

/* What "all" renders each product with (parallel_job). */
struct all_job {
	const struct programme	*p;
	const struct args	*a;
	const char		*argv0;
};

static int
all_job(size_t i, void *arg, struct diag *d)
{
	const struct all_job *j = arg;

	return render_one(&products[i], j->p, j->a, j->argv0, d);
}

/*
 * Below this many sessions and people, "all" renders its products one
 * after the other unless told otherwise: a process of its own costs a
 * product the page faults of copying what it writes of the parent's
 * memory and of loading its fonts afresh, more than a small programme's
 * products take.  The example programme (13 sessions): 105 ms of CPU one
 * after the other, 230 ms side by side, whose longest path (the parent,
 * the booklet and the poster) took 145 ms; FOSDEM 2024 (674 talks, 2.2 s
 * of CPU) gains 7 % side by side.
 */
#define SIDE_BY_SIDE_MIN	500

/*
 * Above this many, one after the other again, to stay within 512 MiB:
 * the booklet and the signs take about 6 KB and 9 KB a session or person
 * each.  25,000 forums and 25,000 people: 557 MiB for all processes side
 * by side, 296 MiB one after the other; 20,000 and 20,000: 456 MiB side
 * by side (the proportional set sizes summed, tests/bench/measure.c).
 */
#define SIDE_BY_SIDE_MAX	40000

/*
 * How many products "all" renders at once: $PDFGEN_JOBS (1 renders one
 * after the other in this process), else one per processor for a
 * programme of SIDE_BY_SIDE_MIN to SIDE_BY_SIDE_MAX sessions and people,
 * one after the other for a smaller or larger one.
 */
static long
all_jobs(const struct programme *p, struct diag *d)
{
	const char *s = getenv("PDFGEN_JOBS");
	char *end;
	long n;

	if ((s == NULL || *s == '\0') &&
	    (p->nforums + p->npeople < SIDE_BY_SIDE_MIN ||
	    p->nforums + p->npeople > SIDE_BY_SIDE_MAX))
		return 1;
	if (s == NULL || *s == '\0')
		return (n = sysconf(_SC_NPROCESSORS_ONLN)) > 1 ? n : 1;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 1 || n > 64)
		return diag_error(d, NULL, "PDFGEN_JOBS is '%s', not a number "
		    "of processes from 1 to 64", s);
	return n;
}

/* Renders the product asked for, or all, into one folder: all or none. */
static int
render(const struct programme *p, const struct args *a, const char *argv0,
    struct diag *d)
{
	const char *dir = a->out ? a->out : DEFAULT_OUTDIR;
	const char *names[64];
	struct all_job job = { p, a, argv0 };
	size_t i, n;
	long jobs = 1;
	int rc = 0;

	if (strcmp(a->command, "all") == 0 && (jobs = all_jobs(p, d)) == -1)
		return -1;
#ifdef __GLIBC__
	/*
	 * The XML tree of the input is freed, but glibc keeps its pages: they
	 * go back to the system before the products fork, or every process
	 * starts with them (20,000 forums: 80 MiB each).  One process keeps
	 * them: it reuses them without a page fault each.
	 */
	if (jobs > 1)
		malloc_trim(0);
#endif
	if (output_begin(dir, d) == -1)
		return -1;
	for (n = 0; products[n].name != NULL; n++)
		names[n] = products[n].name;
	if (strcmp(a->command, "all") != 0)
		rc = render_one(product_find(a->command), p, a, argv0, d);
	else if (jobs > 1)
		rc = parallel_run(n, (int)jobs, names, all_job, &job, d);
	else
		for (i = 0; i < n; i++)
			if (all_job(i, &job, d) == -1)
				rc = -1;
	return output_end(rc == 0 && !diag_failed(d), d);
}

/*
 * The products' names, ", " between them and last before the last one
 * ("booklet, signs or badges"); the caller frees it.
 */
static char *
product_names(const char *last)
{
	const struct product *p;
	struct buf names = { NULL, 0, 0 };

	for (p = products; p->name != NULL; p++) {
		if (p != products)
			buf_adds(&names, p[1].name != NULL ? ", " : last);
		buf_adds(&names, p->name);
	}
	return buf_take(&names);
}

/*
 * A message when a product option was given to a command that does not
 * take it ("all" takes them all); NULL when none was.  The caller frees it.
 */
static char *
foreign_option(const struct args *a)
{
	const struct product *p = product_find(a->command);
	char *msg, *who;
	size_t i;

	if (strcmp(a->command, "all") == 0)
		return NULL;
	for (i = 0; i < a->opts.n; i++)
		if (p == NULL || product_option(p, a->opts.name[i]) == NULL)
			break;
	if (i == a->opts.n)
		return NULL;
	who = takers(a->opts.name[i]);
	msg = xasprintf("option '--%s' is not for %s (it goes with %s)",
	    a->opts.name[i], a->command, who);
	free(who);
	return msg;
}

/* Checks the command and the options that go with it. */
static int
check_command(const struct args *a)
{
	char *names = product_names(", "), *msg = NULL;
	int rc = -1, is_render;

	is_render = strcmp(a->command, "all") == 0 ||
	    product_find(a->command) != NULL;
	if (!is_render && strcmp(a->command, "check") != 0 &&
	    strcmp(a->command, "convert") != 0)
		msg = xasprintf("unknown command '%s' (check, %s, all, "
		    "convert)", a->command, names);
	else if (a->layout != NULL && !(is_render && strcmp(a->command,
	    "all"))) {
		free(names);
		names = product_names(" or ");
		msg = xasprintf("--layout goes with one product: %s", names);
	} else
		msg = foreign_option(a);
	if (msg != NULL)
		rc = usage_error("%s", msg);
	free(msg);
	free(names);
	return rc;
}

/* util.h's allocators found no memory: nothing can be done but end. */
static void
out_of_memory(void)
{
	fputs("pdfgen: error: out of memory\n", stderr);
	exit(EXIT_SYSTEM);
}

int
main(int argc, char **argv)
{
	const struct product *one;
	struct programme *p;
	struct args a;
	struct diag d;
	unsigned flags = 0;
	int rc;

	util_on_oom(out_of_memory);
	if ((rc = parse_args(argc, argv, &a)) != -1)
		return rc;
	if ((rc = check_command(&a)) != -1)
		return rc;
	diag_init(&d, stderr, a.strict);
	/* A product that prints no description needs none parsed. */
	if ((one = product_find(a.command)) != NULL && !one->descriptions)
		flags |= LOAD_NO_DESCRIPTIONS;
	if ((p = programme_load(a.input, a.from, flags, &d)) == NULL) {
		fprintf(stderr, "pdfgen: %u error%s in '%s'; nothing written\n",
		    d.nerrors, plural(d.nerrors), a.input);
		return EXIT_INPUT;
	}
	/* Characters no font has: said once, before anything is drawn. */
	if (strcmp(a.command, "convert") != 0)
		coverage_check(p, &d);
	if (strcmp(a.command, "check") == 0) {
		check_images(p, &d);
		report(p, &d);
	}
	else if (strcmp(a.command, "convert") == 0)
		convert(p, a.out, &d);
	else
		render(p, &a, argv[0], &d);
	programme_free(p);
	return diag_exit_code(&d);
}
