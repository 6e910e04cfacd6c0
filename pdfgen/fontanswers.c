/*
 * Implementation of fontanswers.h.  The text has a line each for
 *
 *	pdfgen font answers 1
 *	env NAME=VALUE			("env NAME" when unset)
 *	file STAT<tab>PATH		(STAT: "-" when there is none, else
 *					 device, inode, size, modification
 *					 and change time)
 *	font WEIGHT SLANT INDEX<tab>FAMILY<tab>PATH
 *	none WEIGHT SLANT<tab>FAMILY<tab>WHY
 *
 * The files are those fontconfig itself compares to decide whether its
 * configuration is up to date (FcConfigUptoDate: configuration files and
 * font folders), with the folders of the configuration files, where an
 * included file may appear, the files of the user's configuration it
 * reads when they exist, and the font files answered.  A replaced file
 * has another inode or change time even when its modification time was
 * set back.
 */
#include <sys/stat.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "fontanswers.h"
#include "util.h"

#define HEADER	"pdfgen font answers 1\n"

/* What fontconfig reads to find its files, and to match (the language). */
static const char *const env_vars[] = {
	"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
	"XDG_CONFIG_HOME", "XDG_DATA_HOME", "FC_LANG", "LC_ALL", "LC_CTYPE",
	"LANG"
};
#define NENV	(sizeof(env_vars) / sizeof(env_vars[0]))

struct paths {
	char	**v;
	size_t	  n;
};

static void
paths_add(struct paths *p, const char *path)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i], path) == 0)
			return;
	p->v = xreallocarray(p->v, p->n + 1, sizeof(*p->v));
	p->v[p->n++] = xstrdup(path);
}

/* Adds the strings of fontconfig's list and, with folders, their folders. */
static void
paths_add_list(struct paths *p, FcStrList *list, int folders)
{
	const char *s, *slash;
	char *dir;

	if (list == NULL)
		return;
	while ((s = (const char *)FcStrListNext(list)) != NULL) {
		paths_add(p, s);
		if (folders && (slash = strrchr(s, '/')) != NULL && slash > s) {
			dir = xstrndup(s, (size_t)(slash - s));
			paths_add(p, dir);
			free(dir);
		}
	}
	FcStrListDone(list);
}

/*
 * The user's configuration files fontconfig reads if they exist (Debian's
 * 50-user.conf): a new one is not among the files it read.
 */
static void
paths_add_user(struct paths *p)
{
	static const char *const in_home[] = { ".fonts.conf", ".fonts.conf.d" };
	static const char *const in_config[] = { "fontconfig/fonts.conf",
	    "fontconfig/conf.d" };
	const char *home = getenv("HOME"), *xdg = getenv("XDG_CONFIG_HOME");
	char *config = NULL, *s;
	size_t i;

	if (xdg != NULL && *xdg != '\0')
		config = xstrdup(xdg);
	else if (home != NULL && *home != '\0')
		config = xasprintf("%s/.config", home);
	for (i = 0; i < 2; i++) {
		if (home != NULL && *home != '\0') {
			s = xasprintf("%s/%s", home, in_home[i]);
			paths_add(p, s);
			free(s);
		}
		if (config != NULL) {
			s = xasprintf("%s/%s", config, in_config[i]);
			paths_add(p, s);
			free(s);
		}
	}
	free(config);
}

/* path's identity and times as text, "-" when it cannot be read. */
static void
stat_text(const char *path, char *out, size_t size)
{
	struct stat st;

	if (stat(path, &st) == -1) {
		snprintf(out, size, "-");
		return;
	}
	snprintf(out, size, "%ju %ju %jd %jd %ld %jd %ld",
	    (uintmax_t)st.st_dev, (uintmax_t)st.st_ino, (intmax_t)st.st_size,
	    (intmax_t)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
	    (intmax_t)st.st_ctim.tv_sec, (long)st.st_ctim.tv_nsec);
}

/* Nonzero if s fits in a field of the text (NULL fits). */
static int
fits(const char *s)
{
	return s == NULL || strpbrk(s, "\t\n") == NULL;
}

int
font_answers_write(FILE *fp, const struct font_answer *a, size_t n)
{
	struct paths p = { NULL, 0 };
	char st[160];
	const char *v;
	size_t i;
	int ok = 1;

	fputs(HEADER, fp);
	for (i = 0; i < NENV; i++) {
		if ((v = getenv(env_vars[i])) == NULL)
			fprintf(fp, "env %s\n", env_vars[i]);
		else
			fprintf(fp, "env %s=%s\n", env_vars[i], v);
		ok &= fits(v);
	}
	paths_add_list(&p, FcConfigGetConfigFiles(NULL), 1);
	paths_add_list(&p, FcConfigGetConfigDirs(NULL), 0);
	paths_add_list(&p, FcConfigGetFontDirs(NULL), 0);
	paths_add_user(&p);
	for (i = 0; i < n; i++)
		if (a[i].path != NULL)
			paths_add(&p, a[i].path);
	for (i = 0; i < p.n; i++) {
		stat_text(p.v[i], st, sizeof(st));
		fprintf(fp, "file %s\t%s\n", st, p.v[i]);
		ok &= fits(p.v[i]);
		free(p.v[i]);
	}
	free(p.v);
	for (i = 0; i < n; i++) {
		if (a[i].path != NULL)
			fprintf(fp, "font %d %d %d\t%s\t%s\n", (int)a[i].weight,
			    (int)a[i].slant, a[i].index, a[i].family,
			    a[i].path);
		else
			fprintf(fp, "none %d %d\t%s\t%s\n", (int)a[i].weight,
			    (int)a[i].slant, a[i].family,
			    a[i].why != NULL ? a[i].why : "");
		ok &= fits(a[i].family) & fits(a[i].path) & fits(a[i].why);
	}
	return ok && !ferror(fp) ? 0 : -1;
}

/* Nonzero if the variable is as "NAME=VALUE" or "NAME" (unset) says. */
static int
env_holds(char *s)
{
	char *eq = strchr(s, '=');
	const char *v;

	if (eq == NULL)
		return getenv(s) == NULL;
	*eq = '\0';
	v = getenv(s);
	return v != NULL && strcmp(v, eq + 1) == 0;
}

/* Nonzero if "STAT<tab>PATH" is what path is now. */
static int
file_holds(char *s)
{
	char *tab = strchr(s, '\t'), st[160];

	if (tab == NULL)
		return 0;
	*tab = '\0';
	stat_text(tab + 1, st, sizeof(st));
	return strcmp(st, s) == 0;
}

/*
 * Adds the answer of "font W S I<tab>FAMILY<tab>PATH" (font nonzero) or
 * "none W S<tab>FAMILY<tab>WHY" (s without its keyword); 0 if malformed.
 */
static int
answer_take(char *s, int font, struct font_answer **a, size_t *n)
{
	char *f1 = strchr(s, '\t'), *f2, end;
	struct font_answer *x;
	int w, sl, idx = 0;

	if (f1 == NULL || (f2 = strchr(f1 + 1, '\t')) == NULL)
		return 0;
	*f1++ = '\0';
	*f2++ = '\0';
	if ((font ? sscanf(s, "%d %d %d%c", &w, &sl, &idx, &end) != 3 :
	    sscanf(s, "%d %d%c", &w, &sl, &end) != 2) || w < 0 ||
	    w >= WEIGHT__MAX || sl < 0 || sl >= SLANT__MAX || idx < 0 ||
	    *f1 == '\0' || (font && *f2 == '\0'))
		return 0;
	*a = xreallocarray(*a, *n + 1, sizeof(**a));
	x = &(*a)[(*n)++];
	x->family = xstrdup(f1);
	x->weight = (enum font_weight)w;
	x->slant = (enum font_slant)sl;
	x->index = idx;
	x->path = font ? xstrdup(f2) : NULL;
	x->why = font ? NULL : xstrdup(f2);
	return 1;
}

/* Takes one line; 0 if it is malformed or what it says no longer holds. */
static int
line_take(char *s, struct font_answer **a, size_t *n)
{
	if (strncmp(s, "env ", 4) == 0)
		return env_holds(s + 4);
	if (strncmp(s, "file ", 5) == 0)
		return file_holds(s + 5);
	if (strncmp(s, "font ", 5) == 0)
		return answer_take(s + 5, 1, a, n);
	if (strncmp(s, "none ", 5) == 0)
		return answer_take(s + 5, 0, a, n);
	return 0;
}

struct font_answer *
font_answers_read(const char *text, size_t len, size_t *n)
{
	struct font_answer *a = NULL;
	const char *p, *end = text + len, *nl;
	size_t hl = strlen(HEADER);
	char *line;
	int ok = 1;

	*n = 0;
	if (len < hl || memcmp(text, HEADER, hl) != 0)
		return NULL;
	for (p = text + hl; ok && p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		line = xstrndup(p, (size_t)(nl - p));
		ok = line_take(line, &a, n);
		free(line);
	}
	if (ok && p == end)
		return a;
	font_answers_free(a, *n);
	*n = 0;
	return NULL;
}

void
font_answers_free(struct font_answer *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(a[i].family);
		free(a[i].path);
		free(a[i].why);
	}
	free(a);
}
