/*
 * Parser for the frab / pretalx schedule.xml export (the c3voc format):
 * its conference, days, rooms, events (talks) and persons become the
 * conference, rooms, slots, tracks, forums and people of a programme.
 * Here "event" is only schedule.xml's <event>, a talk; the conference is
 * "conf".
 *
 * Real exports are messy, so this parser is lenient wherever the data is
 * still usable and warns precisely where it had to guess or drop
 * something.  Abstracts written in HTML or Markdown become paragraphs
 * (markup.c); speaker names are split into given and family name.
 *
 * Used only by load.c (through parse.h) and its tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <unicode/uchar.h>

#include "markup.h"
#include "parse.h"
#include "util.h"
#include "xmlsrc.h"

#define DAY_MINUTES	(24 * 60)
#define MAX_DATES	366	/* days taken from a conference's start/end */
#define NO_OFFSET	(-100000) /* a date-time without a UTC offset */

/* One <event> while the schedule is read, before the model is built. */
struct talk {
	xmlNode		*node;
	struct srcpos	 pos;
	size_t		 day;		/* index of its <day> */
	size_t		 order;		/* position in the document */
	long		 room;		/* index into prog->rooms, -1: none */
	char		 date[11];	/* YYYY-MM-DD; "" without a time */
	int		 start;		/* minutes after midnight of date */
	int		 end;
	char		*title;
	int		 dayless;	/* its <day> has no date of its own */
};

/* Ids given so far to one kind of entity (created on first use). */
struct idset {
	xmlHashTablePtr	 h;
};

struct sched {
	struct programme *prog;
	struct xmlsrc	*x;
	struct diag	*d;
	unsigned	 flags;		/* LOAD_* */
	struct talk	*talks;
	size_t		 ntalks;
	char		**roomkeys;	/* parallel to prog->rooms */
	/* Index + 1 into prog->people by key, by name, by id (no guid). */
	xmlHashTablePtr	 person_keys, person_names, person_ids;
	int		 offset;	/* the conference's UTC offset, minutes */
};

/* --- small helpers ---------------------------------------------------- */

static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	for (c = n ? xml_first(n) : NULL; c != NULL; c = xml_next(c))
		if (xml_is(c, NULL, name))
			return c;
	return NULL;
}

/*
 * Drops what no text should carry: control characters (a "&#13;" from a
 * Windows editor), C1 controls and byte order marks.  Line and paragraph
 * separators become line breaks.  Returns a new string.
 */
static char *
clean(const char *s)
{
	struct buf b = { NULL, 0, 0 };
	size_t len = strlen(s), n;
	uint32_t cp;

	buf_adds(&b, "");
	while (len > 0) {
		if ((n = utf8_decode(s, len, &cp)) == 0) {
			s++;
			len--;
			continue;
		}
		if (cp == 0x2028)
			buf_addc(&b, '\n');
		else if (cp == 0x2029)
			buf_adds(&b, "\n\n");
		else if (!((cp < 0x20 && cp != '\n' && cp != '\t') ||
		    (cp >= 0x7F && cp < 0xA0) || cp == 0xFEFF))
			buf_add(&b, s, n);
		s += n;
		len -= n;
	}
	return buf_take(&b);
}

/* A clean, collapsed string from raw text; NULL when nothing is left. */
static char *
tidy(const char *raw)
{
	char *s;

	if (raw == NULL)
		return NULL;
	s = clean(raw);
	collapse_space(s);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* The element's text, cleaned and collapsed; NULL when empty. */
static char *
text_of(const xmlNode *n)
{
	xmlChar *raw;
	char *s;

	if (n == NULL)
		return NULL;
	raw = xmlNodeGetContent(n);
	s = tidy((const char *)raw);
	xmlFree(raw);
	return s;
}

static char *
attr_of(const xmlNode *n, const char *name)
{
	xmlChar *raw = xmlGetProp(n, (const xmlChar *)name);
	char *s = tidy((const char *)raw);

	xmlFree(raw);
	return s;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (!is_digit(*s))
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, char out[11])
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	/* parse_date() gives four-digit years only. */
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/*
 * The day number of a text that starts with YYYY-MM-DD (a date or a
 * date-time); -1 when it does not.
 */
static long
parse_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d;

	if (s == NULL || strlen(s) < 10 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != '\0' && s[10] != 'T' && s[10] != ' ') ||
	    (y = digits(s, 4)) < 1 || (m = digits(s + 5, 2)) < 1 || m > 12 ||
	    (d = digits(s + 8, 2)) < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 &&
	    y % 400 != 0))))
		return -1;
	return days_from_civil(y, m, d);
}

/*
 * "H:MM", "HH:MM" or "HH:MM:SS" (seconds ignored) to minutes; hours up to
 * max_hours.  Returns -1 when s is not such a time.
 */
static int
parse_clock(const char *s, int max_hours)
{
	int h = 0, m, nh = 0;

	if (s == NULL)
		return -1;
	while (is_digit(s[nh]) && nh < 3)
		h = h * 10 + (s[nh++] - '0');
	if (nh == 0 || s[nh] != ':' || h > max_hours ||
	    (m = digits(s + nh + 1, 2)) < 0 || m > 59)
		return -1;
	s += nh + 3;
	if (*s == ':' && digits(s + 1, 2) >= 0)
		s += 3;
	return *s == '\0' ? h * 60 + m : -1;
}

/*
 * An id that input/programme.xsd accepts, from any text: ASCII letters and
 * digits kept (lower case), every run of anything else one '-'.  Made
 * unique in set by a suffix "-2", "-3"...  Returns a new string.
 */
static char *
make_id(struct idset *set, const char *text, const char *fallback)
{
	struct buf b = { NULL, 0, 0 };
	char *base, *id;
	size_t k = 2;

	for (; text != NULL && *text != '\0' && b.len < 60; text++) {
		if (is_alnum(*text))
			buf_addc(&b, lower(*text));
		else if (b.len > 0 && b.data[b.len - 1] != '-')
			buf_addc(&b, '-');
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (b.len == 0)
		buf_adds(&b, fallback);
	base = buf_take(&b);
	id = xstrdup(base);
	if (set->h == NULL)
		set->h = xmlHashCreate(256);
	while (xmlHashLookup(set->h, (const xmlChar *)id) != NULL) {
		free(id);
		id = xasprintf("%s-%zu", base, k++);
	}
	free(base);
	xmlHashAddEntry(set->h, (const xmlChar *)id, set->h);
	return id;
}

/* --- names ------------------------------------------------------------ */

static int
word_in(const char *const *list, const char *w, size_t len)
{
	size_t i;

	for (; *list != NULL; list++) {
		if (strlen(*list) != len)
			continue;
		for (i = 0; i < len && lower(w[i]) == (*list)[i]; i++)
			;
		if (i == len)
			return 1;
	}
	return 0;
}

/* "she/her", "they/them", "sie/ihr", "any pronouns". */
static int
is_pronouns(const char *s, size_t len)
{
	static const char *const words[] = {
		"she", "her", "hers", "he", "him", "his", "they", "them",
		"their", "theirs", "xe", "xem", "xir", "ze", "zir", "hir",
		"sie", "ihr", "ihm", "er", "ihn", "es", "it", "its", "ey",
		"em", "dey", "dem", "any", "all", NULL
	};
	size_t i, start = 0, parts = 0;

	for (i = 0; i + 7 <= len; i++)
		if (strncmp(s + i, "pronoun", 7) == 0 ||
		    strncmp(s + i, "Pronoun", 7) == 0)
			return 1;
	for (i = 0; i <= len; i++)
		if (i == len || s[i] == '/') {
			while (start < i && s[start] == ' ')
				start++;
			if (!word_in(words, s + start, i - start -
			    (i > start && s[i - 1] == ' ')))
				return 0;
			parts++;
			start = i + 1;
		}
	return parts >= 2;
}

/* Words that make a name a group's: "Team XY", "The Foo Collective". */
static int
is_group(const char *s)
{
	static const char *const words[] = {
		"team", "collective", "kollektiv", "group", "gruppe", "crew",
		"community", "committee", "initiative", "foundation",
		"association", "society", "network", "netzwerk", "alliance",
		"council", "e.v.", "gmbh", "orga", "organizers", "organisers",
		"project", "projekt", "club", "verein", "labs", "&", "and",
		"und", NULL
	};
	const char *w = s;
	size_t len;

	if (strncmp(s, "The ", 4) == 0 || strncmp(s, "Die ", 4) == 0 ||
	    strncmp(s, "Das ", 4) == 0)
		return 1;
	while (*w != '\0') {
		len = strcspn(w, " ");
		if (word_in(words, w, len))
			return 1;
		w += len;
		w += strspn(w, " ");
	}
	return 0;
}

/* Lower-case words that belong to the family name: "van der Berg". */
static const char *const particles[] = {
	"van", "von", "der", "den", "de", "del", "della", "di", "da", "du",
	"dos", "das", "le", "la", "zu", "zum", "zur", "ten", "ter", "op",
	"bin", "ibn", "al", "el", "y", NULL
};
static const char *const suffixes[] = {
	"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", NULL
};

static int
is_title_word(const char *w, size_t len)
{
	return (len >= 3 && strncmp(w, "Dr.", 3) == 0) ||
	    (len >= 5 && strncmp(w, "Prof.", 5) == 0) ||
	    (len >= 6 && strncmp(w, "Dipl.-", 6) == 0) ||
	    (len == 2 && strncmp(w, "Dr", 2) == 0) ||
	    (len == 2 && strncmp(w, "PD", 2) == 0) ||
	    (len == 4 && strncmp(w, "Prof", 4) == 0);
}

/*
 * Fills title, given, family, remark and organisation of p from a display
 * name.  Round brackets at the end hold a remark the speaker added to the
 * name, pronouns or a nickname ("Leo (he/his)", "Alexios Zavras (zvr)"):
 * it stays with the name, never on the organisation line.  Square
 * brackets hold an affiliation ("Max Muster [ACME GmbH]"), or pronouns
 * ("[she/her]"), which are a remark too.  The last
 * word is the family name, with the particles and suffixes around it
 * ("Ludwig van Beethoven", "Martin Luther King Jr."); a single word or a
 * group's name is the family name alone.
 */
/* Puts r in front of p's remark (brackets are taken from the end). */
static void
add_remark(struct person *p, const char *r)
{
	char *t = tidy(r), *both;

	if (t == NULL)
		return;
	if (p->remark != NULL) {
		both = xasprintf("%s, %s", t, p->remark);
		free(t);
		free(p->remark);
		t = both;
	}
	p->remark = t;
}

static void
split_name(struct person *p, const char *name)
{
	char *s = xstrdup(name), *open, *w[64];
	size_t len, n = 0, i, fam, tit = 0;
	struct buf b = { NULL, 0, 0 };
	char close;
	int depth;

	for (;;) {
		len = strlen(s);
		while (len > 0 && s[len - 1] == ' ')
			s[--len] = '\0';
		if (len == 0 || (s[len - 1] != ')' && s[len - 1] != ']'))
			break;
		close = s[len - 1];
		depth = 0;
		for (i = len; i-- > 0;) {
			if (s[i] == close)
				depth++;
			else if (s[i] == (close == ')' ? '(' : '[') &&
			    --depth == 0)
				break;
		}
		if (i == 0 || i == (size_t)-1)	/* the whole name, unbalanced */
			break;
		open = s + i;
		s[len - 1] = '\0';
		if (close == ']' && !is_pronouns(open + 1, strlen(open + 1)) &&
		    p->organisation == NULL)
			p->organisation = tidy(open + 1);
		else
			add_remark(p, open + 1);
		*open = '\0';
	}
	collapse_space(s);
	if (*s == '\0' || is_group(s)) {
		p->family = *s != '\0' ? xstrdup(s) : xstrdup(name);
		free(s);
		return;
	}
	for (open = strtok(s, " "); open != NULL && n < 64;
	    open = strtok(NULL, " "))
		w[n++] = open;
	while (tit + 1 < n && is_title_word(w[tit], strlen(w[tit])))
		tit++;
	fam = n - 1;
	if (fam > tit + 1 && word_in(suffixes, w[fam], strlen(w[fam])))
		fam--;
	while (fam > tit + 1 && word_in(particles, w[fam - 1],
	    strlen(w[fam - 1])) && w[fam - 1][0] >= 'a')
		fam--;
	for (i = 0; i < n; i++) {
		if (i == tit || i == fam) {
			if (b.len > 0) {
				if (i == tit)
					p->title = buf_take(&b);
				else
					p->given = buf_take(&b);
			}
		}
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, w[i]);
	}
	p->family = buf_take(&b);
	free(s);
}

/* --- the schedule ----------------------------------------------------- */

static long
find_key(char **keys, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return (long)i;
	return -1;
}

/*
 * The room of the given name (or guid), added when new; -1 if unnamed.
 * Takes name and guid.
 */
static long
room_of(struct sched *s, xmlNode *n, char *name, char *guid,
    struct idset *ids)
{
	struct programme *p = s->prog;
	struct room *r;
	char *key;
	long i;

	if (name == NULL) {
		free(guid);
		return -1;
	}
	key = guid ? xasprintf("g:%s", guid) : xasprintf("n:%s", name);
	free(guid);
	if ((i = find_key(s->roomkeys, p->nrooms, key)) >= 0) {
		free(key);
		free(name);
		return i;
	}
	p->rooms = xreallocarray(p->rooms, p->nrooms + 1, sizeof(*p->rooms));
	s->roomkeys = xreallocarray(s->roomkeys, p->nrooms + 1,
	    sizeof(*s->roomkeys));
	s->roomkeys[p->nrooms] = key;
	r = &p->rooms[p->nrooms];
	memset(r, 0, sizeof(*r));
	xmlsrc_pos(s->x, n, &r->pos);
	r->name = name;
	r->id = make_id(ids, name, "room");
	return (long)p->nrooms++;
}

/*
 * The UTC offset in minutes at the end of a date-time
 * ("2022-12-27T10:30:00-05:00", "...Z", "...+0100"); NO_OFFSET when it has
 * none.
 */
static int
parse_offset(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	const char *o;
	int h, m;

	if (len < 17 || parse_date(s) < 0 || (s[10] != 'T' && s[10] != ' '))
		return NO_OFFSET;
	if (s[len - 1] == 'Z')
		return 0;
	if (len >= 22 && (s[len - 6] == '+' || s[len - 6] == '-') &&
	    s[len - 3] == ':')
		o = s + len - 6;
	else if (len >= 21 && (s[len - 5] == '+' || s[len - 5] == '-'))
		o = s + len - 5;
	else
		return NO_OFFSET;
	if ((h = digits(o + 1, 2)) < 0 || h > 14 ||
	    (m = digits(o + (o[3] == ':' ? 4 : 3), 2)) < 0 || m > 59)
		return NO_OFFSET;
	return (*o == '-' ? -1 : 1) * (h * 60 + m);
}

/* "+01:00", "-05:00" for messages. */
static void
offset_text(int off, char out[8])
{
	int a = off < 0 ? -off : off;

	snprintf(out, 8, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60 % 100,
	    a % 60);
}

/*
 * The conference's UTC offset: the one its days start in, else the one
 * most of its events are dated in; NO_OFFSET when nothing says.
 */
static int
conference_offset(xmlNode *root)
{
	int offs[64], counts[64], off, best = NO_OFFSET, most = 0;
	size_t n = 0, i;
	xmlNode *day, *rn, *ev;
	char *v;

	for (day = xml_first(root); day != NULL; day = xml_next(day)) {
		if (!xml_is(day, NULL, "day"))
			continue;
		off = parse_offset(v = attr_of(day, "start"));
		free(v);
		if (off != NO_OFFSET)
			return off;
		for (rn = xml_first(day); rn != NULL; rn = xml_next(rn))
			for (ev = xml_is(rn, NULL, "room") ? xml_first(rn) :
			    NULL; ev != NULL; ev = xml_next(ev)) {
				if (!xml_is(ev, NULL, "event"))
					continue;
				off = parse_offset(v = text_of(child(ev,
				    "date")));
				free(v);
				if (off == NO_OFFSET)
					continue;
				for (i = 0; i < n && offs[i] != off; i++)
					;
				if (i == n && n < 64) {
					offs[n] = off;
					counts[n++] = 0;
				}
				if (i < n && ++counts[i] > most) {
					most = counts[i];
					best = off;
				}
			}
	}
	return best;
}

/*
 * A duration in minutes: "HH:MM" (or "HH:MM:SS") as the format has it,
 * else the forms people write ("4h", "1h30m", "90min", "PT1H30M"), which
 * set *loose.  -1 when it is neither.
 */
static int
parse_duration(const char *s, int *loose)
{
	int total = 0, v, parts = 0;
	const char *p = s;

	*loose = 0;
	if (s == NULL)
		return -1;
	if ((v = parse_clock(s, 999)) >= 0)
		return v;
	if (strncmp(p, "PT", 2) == 0 || strncmp(p, "pt", 2) == 0)
		p += 2;
	while (*p != '\0') {
		if (!is_digit(*p))
			return -1;
		for (v = 0; is_digit(*p) && v < 100000; p++)
			v = v * 10 + (*p - '0');
		while (*p == ' ')
			p++;
		if (lower(*p) == 'h')
			total += 60 * v, p++;
		else if (lower(*p) == 'm') {
			total += v;
			p += strncmp(p + 1, "in", 2) == 0 ? 3 : 1;
		} else
			return -1;
		parts++;
		while (*p == ' ')
			p++;
	}
	*loose = 1;
	return parts > 0 ? total : -1;
}

/*
 * The time of one event.  <date>, a full date-time with its UTC offset,
 * is the one unambiguous field: it decides the day and the time, and a
 * talk dated in another offset than the conference's is moved to the
 * conference's clock.  Without it, <start> on the day's date (a time
 * before the day starts is the next morning).  A duration nobody can read
 * leaves the end open.  Leaves t->date empty, after a warning, when there
 * is no usable time.
 */
static void
read_time(struct sched *s, struct talk *t, xmlNode *ev, long dayno,
    int daystart)
{
	xmlNode *dn = child(ev, "date"), *sn = child(ev, "start"),
	    *un = child(ev, "duration");
	char *date = text_of(dn), *start = text_of(sn), *dur = text_of(un);
	char was[8], now[8];
	struct srcpos pos;
	long day = parse_date(date), total;
	int from = -1, at, off = parse_offset(date), len, loose;

	if (date != NULL && strlen(date) >= 16 && day >= 0)
		from = parse_clock((date[16] = '\0', date + 11), 23);
	at = parse_clock(start, 23);
	if (from >= 0 && at >= 0 && at != from) {
		xmlsrc_pos(s->x, sn, &pos);
		diag_warning(s->d, &pos, "start '%s' of '%s' disagrees with "
		    "its date (%s); placed by the date", start, t->title,
		    date + 11);
	}
	if (from >= 0 && off != NO_OFFSET && s->offset != NO_OFFSET &&
	    off != s->offset) {
		total = day * DAY_MINUTES + from - off + s->offset;
		day = total / DAY_MINUTES;
		from = (int)(total % DAY_MINUTES);
		offset_text(off, was);
		offset_text(s->offset, now);
		xmlsrc_pos(s->x, dn, &pos);
		diag_warning(s->d, &pos, "'%s' is dated %s at UTC%s, not in "
		    "the conference's UTC%s; printed at %02d:%02d conference "
		    "time", t->title, date + 11, was, now, from / 60,
		    from % 60);
	}
	if (from < 0)
		from = at;
	if (day < 0 && dayno >= 0)
		/* The day runs past midnight: 01:00 is the next morning. */
		day = dayno + (daystart > 0 && from >= 0 && from < daystart);
	len = parse_duration(dur, &loose);
	if (from < 0) {
		xmlsrc_pos(s->x, sn ? sn : ev, &pos);
		if (start != NULL)
			diag_warning(s->d, &pos, "invalid start time '%s' of "
			    "'%s'; it gets no time slot", start, t->title);
		else
			diag_warning(s->d, &pos, "event '%s' has no start "
			    "time; it gets no time slot", t->title);
		goto done;
	}
	if (day < 0) {
		xmlsrc_pos(s->x, dn ? dn : ev, &pos);
		diag_warning(s->d, &pos, "event '%s' has no date; it gets no "
		    "time slot", t->title);
		goto done;
	}
	xmlsrc_pos(s->x, un ? un : ev, &pos);
	if (len < 0) {
		if (dur == NULL)
			diag_warning(s->d, &pos, "event '%s' has no duration; "
			    "printed with its start time only", t->title);
		else
			diag_warning(s->d, &pos, "invalid duration '%s' of "
			    "'%s'; printed with its start time only", dur,
			    t->title);
		len = 0;
	} else if (len >= DAY_MINUTES) {
		diag_warning(s->d, &pos, "duration '%s' of '%s' is a day or "
		    "longer; cut to 23:59", dur, t->title);
		len = DAY_MINUTES - 1;
	} else if (loose)
		diag_warning(s->d, &pos, "duration '%s' of '%s' is not HH:MM; "
		    "read as %d:%02d", dur, t->title, len / 60, len % 60);
	civil_from_days(day, t->date);
	t->start = from;
	t->end = from + len;
done:
	free(date);
	free(start);
	free(dur);
}

/* A title without the HTML some exports put in ("<em>Rust</em>"). */
static char *
title_of(const xmlNode *n)
{
	char *raw = text_of(n), *plain;

	if (raw == NULL)
		return NULL;
	plain = markup_plain(raw);
	free(raw);
	raw = tidy(plain);
	free(plain);
	return raw;
}

/* One <event> of a room (-1: unnamed) as a talk, unless it has no title. */
static void
collect_talk(struct sched *s, xmlNode *ev, size_t nday, long dayno,
    int daystart, long room, struct idset *roomids)
{
	struct talk *t;
	char *id;

	s->talks = xreallocarray(s->talks, s->ntalks + 1, sizeof(*s->talks));
	t = &s->talks[s->ntalks];
	memset(t, 0, sizeof(*t));
	t->node = ev;
	xmlsrc_pos(s->x, ev, &t->pos);
	t->day = nday;
	t->order = s->ntalks;
	t->dayless = dayno < 0;
	if ((t->title = title_of(child(ev, "title"))) == NULL) {
		id = attr_of(ev, "id");
		diag_warning(s->d, &t->pos, "event '%s' has no title; skipped",
		    id ? id : "?");
		free(id);
		return;
	}
	t->room = room >= 0 ? room : room_of(s, ev, text_of(child(ev,
	    "room")), NULL, roomids);
	if (t->room < 0)
		diag_warning(s->d, &t->pos, "event '%s' has no room",
		    t->title);
	read_time(s, t, ev, dayno, daystart);
	s->ntalks++;
}

/* Pass one: every <event> as a talk, every room, every day's date. */
static void
read_days(struct sched *s, xmlNode *root, struct idset *roomids)
{
	struct conference *conf = &s->prog->conference;
	xmlNode *day, *rn, *ev;
	struct srcpos pos;
	size_t nday = 0;
	long dayno, room;
	int daystart;
	char *v, *date_attr, date[11];

	for (day = xml_first(root); day != NULL; day = xml_next(day)) {
		if (!xml_is(day, NULL, "day"))
			continue;
		/* date='YYYY-MM-DD' start='YYYY-MM-DDTHH:MM:SS+01:00' */
		v = attr_of(day, "start");
		if ((dayno = parse_date(date_attr = attr_of(day, "date"))) < 0)
			dayno = parse_date(v);
		daystart = -1;
		if (v != NULL && strlen(v) >= 16 && parse_date(v) >= 0) {
			v[16] = '\0';
			daystart = parse_clock(v + 11, 23);
		}
		free(v);
		free(date_attr);
		if (dayno < 0) {
			xmlsrc_pos(s->x, day, &pos);
			diag_warning(s->d, &pos, "day has no valid date; its "
			    "events need their own");
		} else {
			civil_from_days(dayno, date);
			if (find_key(conf->dates, conf->ndates, date) < 0) {
				conf->dates = xreallocarray(conf->dates,
				    conf->ndates + 1, sizeof(*conf->dates));
				conf->dates[conf->ndates++] = xstrdup(date);
			}
		}
		for (rn = xml_first(day); rn != NULL; rn = xml_next(rn)) {
			if (!xml_is(rn, NULL, "room"))
				continue;
			room = room_of(s, rn, attr_of(rn, "name"),
			    attr_of(rn, "guid"), roomids);
			for (ev = xml_first(rn); ev; ev = xml_next(ev))
				if (xml_is(ev, NULL, "event"))
					collect_talk(s, ev, nday, dayno,
					    daystart, room, roomids);
		}
		nday++;
	}
}

static int
cmp_talk(const void *a, const void *b)
{
	const struct talk *x = a, *y = b;
	int c;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if ((x->date[0] == '\0') != (y->date[0] == '\0'))
		return x->date[0] == '\0' ? 1 : -1;	/* untimed last */
	if ((c = strcmp(x->date, y->date)) != 0)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->room != y->room)
		return x->room < 0 ? 1 : y->room < 0 ? -1 :
		    x->room < y->room ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The slot of a talk's time, shared by every talk at the same time. */
static long
slot_of(struct sched *s, const struct talk *t, struct idset *ids)
{
	struct programme *p = s->prog;
	struct slot *sl;
	char *id;
	size_t i;

	for (i = 0; i < p->nslots; i++)
		if (p->slots[i].start == t->start &&
		    p->slots[i].end == t->end &&
		    strcmp(p->slots[i].date, t->date) == 0)
			return (long)i;
	p->slots = xreallocarray(p->slots, p->nslots + 1, sizeof(*p->slots));
	sl = &p->slots[p->nslots];
	memset(sl, 0, sizeof(*sl));
	sl->pos = t->pos;
	sl->date = xstrdup(t->date);
	sl->start = t->start;
	sl->end = t->end;
	id = t->end == t->start ? xasprintf("%s-%02d%02d", t->date,
	    t->start / 60, t->start % 60) : xasprintf("%s-%02d%02d-%02d%02d",
	    t->date, t->start / 60, t->start % 60, t->end % DAY_MINUTES / 60,
	    t->end % 60);
	sl->id = make_id(ids, id, "slot");
	free(id);
	return (long)p->nslots++;
}

/*
 * The track of the given name, added when new (takes name).  A colour is
 * kept when it is "#RRGGBB"; n gives the position for warnings.
 */
static long
track_of(struct sched *s, xmlNode *n, char *name, char *colour,
    struct idset *ids)
{
	struct programme *p = s->prog;
	struct track *tr;
	struct srcpos pos;
	size_t i;

	for (i = 0; i < p->ntracks; i++)
		if (strcmp(p->tracks[i].name, name) == 0) {
			free(name);
			free(colour);
			return (long)i;
		}
	p->tracks = xreallocarray(p->tracks, p->ntracks + 1,
	    sizeof(*p->tracks));
	tr = &p->tracks[p->ntracks];
	memset(tr, 0, sizeof(*tr));
	xmlsrc_pos(s->x, n, &tr->pos);
	tr->name = name;
	tr->id = make_id(ids, name, "track");
	if (colour != NULL) {
		for (i = 1; i < 7 && (is_digit(colour[i]) ||
		    (lower(colour[i]) >= 'a' && lower(colour[i]) <= 'f')); i++)
			;
		if (colour[0] == '#' && i == 7 && colour[7] == '\0')
			tr->colour = colour;
		else {
			xmlsrc_pos(s->x, n, &pos);
			diag_warning(s->d, &pos, "invalid colour '%s' of track "
			    "'%s'; the layout picks one", colour, name);
			free(colour);
		}
	}
	return (long)p->ntracks++;
}

/* Nonzero if s has a letter of any script: "-", "?" and "…" have none. */
static int
has_letter(const char *s)
{
	size_t len = strlen(s), n;
	uint32_t cp;

	for (; len > 0; s += n, len -= n) {
		if ((n = utf8_decode(s, len, &cp)) == 0)
			return 0;
		if (u_isalpha((UChar32)cp))
			return 1;
	}
	return 0;
}

static long
hash_get(xmlHashTablePtr h, const char *key)
{
	return (long)(intptr_t)xmlHashLookup(h, (const xmlChar *)key) - 1;
}

static void
hash_put(xmlHashTablePtr h, const char *key, long i)
{
	xmlHashAddEntry(h, (const xmlChar *)key, (void *)(intptr_t)(i + 1));
}

/* The name without title and remark, in lower case: what "same name" means. */
static char *
name_key(const struct person *p)
{
	char *k = p->given ? xasprintf("%s %s", p->given, p->family) :
	    xstrdup(p->family), *c;

	for (c = k; *c != '\0'; c++)
		*c = lower(*c);
	return k;
}

static void
free_name_parts(struct person *p)
{
	free(p->title);
	free(p->given);
	free(p->family);
	free(p->remark);
	free(p->organisation);
}

/*
 * The person a <person> element names, added when new.  A person is who
 * the guid says; without a guid, an id together with the name (merged
 * exports reuse numeric ids for different people); without either, the
 * name.  The same name under another guid or id is taken as the same
 * person registered twice (one badge), with a warning; one id with two
 * names stays two people, with a warning.  A name without a letter is no
 * person: -1 after a warning.
 */
static long
person_of(struct sched *s, xmlNode *n, const char *talk, struct idset *ids)
{
	struct programme *p = s->prog;
	struct person *ps, tmp;
	char *name = text_of(n), *guid, *id, *key, *norm, *other;
	struct srcpos pos;
	long i;

	xmlsrc_pos(s->x, n, &pos);
	if (name == NULL || !has_letter(name)) {
		if (name == NULL)
			diag_warning(s->d, &pos, "speaker without a name in "
			    "'%s'; skipped", talk);
		else
			diag_warning(s->d, &pos, "speaker '%s' in '%s' has no "
			    "letter in the name; skipped, no badge", name,
			    talk);
		free(name);
		return -1;
	}
	memset(&tmp, 0, sizeof(tmp));
	split_name(&tmp, name);
	guid = attr_of(n, "guid");
	id = attr_of(n, "id");
	norm = name_key(&tmp);
	key = guid ? xasprintf("g:%s", guid) : id ? xasprintf("i:%s\n%s",
	    id, norm) : xasprintf("n:%s", norm);
	if ((i = hash_get(s->person_keys, key)) < 0 &&
	    (i = hash_get(s->person_names, norm)) >= 0 &&
	    (guid != NULL || id != NULL)) {
		diag_warning(s->d, &pos, "speaker '%s' in '%s' has another "
		    "%s than before; taken as the same person, one badge",
		    name, talk, guid ? "guid" : "id");
		diag_note(s->d, &p->people[i].pos, "'%s' is first listed "
		    "here", name);
	}
	if (i >= 0) {
		hash_put(s->person_keys, key, i);
		free_name_parts(&tmp);
		goto done;
	}
	if (guid == NULL && id != NULL &&
	    (i = hash_get(s->person_ids, id)) >= 0) {
		other = person_name(&p->people[i]);
		diag_warning(s->d, &pos, "speaker id '%s' is '%s' here but "
		    "'%s' before; taken as two people", id, name, other);
		diag_note(s->d, &p->people[i].pos, "'%s' is here", other);
		free(other);
	}
	i = (long)p->npeople++;
	p->people = xreallocarray(p->people, p->npeople, sizeof(*p->people));
	ps = &p->people[i];
	*ps = tmp;
	ps->pos = pos;
	ps->status = PERSON_CONFIRMED;
	other = ps->given ? xasprintf("%s %s", ps->given, ps->family) :
	    xstrdup(ps->family);
	ps->id = make_id(ids, other, "person");
	free(other);
	hash_put(s->person_keys, key, i);
	hash_put(s->person_names, norm, i);
	if (guid == NULL && id != NULL)
		hash_put(s->person_ids, id, i);
done:
	free(key);
	free(norm);
	free(guid);
	free(id);
	free(name);
	return i;
}

/*
 * "en", "de-DE", "de_DE" → a language tag; NULL after a warning if not.
 * A list ("de, en", "en/de"), as exports write a bilingual talk, names
 * the language it is held in first: that one is taken.
 */
static char *
lang_of(struct sched *s, xmlNode *n, const char *talk)
{
	char *v = text_of(n), *c, *orig;
	struct srcpos pos;
	size_t i, sub;

	if (v == NULL)
		return NULL;
	orig = xstrdup(v);
	v[strcspn(v, ",;/ ")] = '\0';
	for (c = v; *c != '\0'; c++)
		if (*c == '_')
			*c = '-';
	for (i = 0; is_alnum(v[i]) && !is_digit(v[i]); i++)
		v[i] = lower(v[i]);
	sub = 0;
	if (i >= 2 && i <= 3)
		for (c = v + i; *c == '-'; c += sub + 1) {
			for (sub = 0; is_alnum(c[sub + 1]); sub++)
				;
			if (sub == 0 || sub > 8)
				break;
		}
	if (i < 2 || i > 3 || *c != '\0') {
		xmlsrc_pos(s->x, n, &pos);
		diag_warning(s->d, &pos, "invalid language '%s' of '%s'; "
		    "ignored", orig, talk);
		free(orig);
		free(v);
		return NULL;
	}
	free(orig);
	return v;
}

/*
 * The paragraphs of an abstract or description in HTML or Markdown
 * (markup.h); a paragraph the forum has already (a description that
 * repeats the abstract) is not added again.
 */
static void
add_text(struct forum *f, xmlNode *n)
{
	xmlChar *raw = n != NULL ? xmlNodeGetContent(n) : NULL;
	char *text;

	if (raw == NULL)
		return;
	text = clean((const char *)raw);
	xmlFree(raw);
	markup_paragraphs(f, text);
	free(text);
}

/* Indices a forum refers to until the arrays are final. */
struct refs {
	long		 room, slot, track;
	size_t		*speakers;
	size_t		 nspeakers;
};

static void
read_talk(struct sched *s, struct talk *t, struct forum *f, struct refs *r,
    struct idset ids[])
{
	xmlNode *ev = t->node, *pn;
	char *v;
	long k;
	size_t i;
	struct srcpos pos;

	f->pos = t->pos;
	f->title = t->title;
	t->title = NULL;
	f->subtitle = text_of(child(ev, "subtitle"));
	if ((v = text_of(child(ev, "slug"))) == NULL && (v = attr_of(ev,
	    "id")) != NULL) {
		f->id = xasprintf("event-%s", v);
		free(v);
		v = f->id;
	}
	f->id = make_id(&ids[3], v, "event");
	free(v);
	f->lang = lang_of(s, child(ev, "language"), f->title);
	if (!(s->flags & LOAD_NO_DESCRIPTIONS)) {
		add_text(f, child(ev, "abstract"));
		add_text(f, child(ev, "description"));
	}
	f->url = text_of(child(ev, "url"));
	r->room = t->room;
	r->slot = t->date[0] != '\0' ? slot_of(s, t, &ids[1]) : -1;
	r->track = (v = text_of(child(ev, "track"))) != NULL ?
	    track_of(s, child(ev, "track"), v, NULL, &ids[2]) : -1;
	f->speakers_complete = 1;
	for (pn = xml_first(ev); pn != NULL; pn = xml_next(pn))
		if (xml_is(pn, NULL, "persons"))
			break;
	for (pn = pn ? xml_first(pn) : NULL; pn != NULL; pn = xml_next(pn)) {
		if (!xml_is(pn, NULL, "person") ||
		    (k = person_of(s, pn, f->title, &ids[4])) < 0)
			continue;
		for (i = 0; i < r->nspeakers && r->speakers[i] != (size_t)k;
		    i++)
			;
		if (i < r->nspeakers) {
			xmlsrc_pos(s->x, pn, &pos);
			v = person_name(&s->prog->people[k]);
			diag_warning(s->d, &pos, "speaker '%s' is listed twice "
			    "in '%s'", v, f->title);
			free(v);
			continue;
		}
		r->speakers = xreallocarray(r->speakers, r->nspeakers + 1,
		    sizeof(*r->speakers));
		r->speakers[r->nspeakers++] = (size_t)k;
	}
}

/* The conference: title, url, venue and the tracks it declares. */
static void
read_conference(struct sched *s, xmlNode *root, struct idset *trackids)
{
	struct conference *conf = &s->prog->conference;
	xmlNode *cn = child(root, "conference"), *n;
	struct srcpos pos;
	char *acronym;

	xmlsrc_pos(s->x, cn ? cn : root, &pos);
	if (cn == NULL) {
		diag_error(s->d, &pos, "<schedule> lacks a required element: "
		    "conference");
		return;
	}
	conf->title = text_of(child(cn, "title"));
	acronym = text_of(child(cn, "acronym"));
	if (conf->title == NULL && acronym != NULL) {
		diag_warning(s->d, &pos, "conference has no title; using its "
		    "acronym '%s'", acronym);
		conf->title = acronym;
		acronym = NULL;
	} else if (conf->title == NULL)
		diag_error(s->d, &pos, "conference has no title");
	free(acronym);
	conf->subtitle = text_of(child(cn, "subtitle"));
	conf->venue = text_of(child(cn, "venue"));
	if ((conf->url = text_of(child(cn, "url"))) == NULL)
		conf->url = text_of(child(cn, "base_url"));
	for (n = xml_first(cn); n != NULL; n = xml_next(n)) {
		char *name;

		if (!xml_is(n, NULL, "track"))
			continue;
		if ((name = attr_of(n, "name")) == NULL &&
		    (name = text_of(n)) == NULL)
			continue;
		track_of(s, n, name, attr_of(n, "color"), trackids);
	}
}

/*
 * The conference's dates: its days', else its start to end; and
 * those of talks in days without a date.
 */
static void
read_dates(struct sched *s, xmlNode *root)
{
	struct conference *conf = &s->prog->conference;
	xmlNode *cn = child(root, "conference");
	char *start, *end, date[11];
	long from, to;
	size_t i;
	struct srcpos pos;

	if (conf->ndates == 0 && cn != NULL) {
		start = text_of(child(cn, "start"));
		end = text_of(child(cn, "end"));
		from = parse_date(start);
		to = end ? parse_date(end) : from;
		for (; from >= 0 && from <= to && conf->ndates < MAX_DATES;
		    from++) {
			civil_from_days(from, date);
			conf->dates = xreallocarray(conf->dates,
			    conf->ndates + 1, sizeof(*conf->dates));
			conf->dates[conf->ndates++] = xstrdup(date);
		}
		free(start);
		free(end);
	}
	for (i = 0; i < s->ntalks; i++)
		if ((conf->ndates == 0 || s->talks[i].dayless) &&
		    s->talks[i].date[0] != '\0' && find_key(conf->dates,
		    conf->ndates, s->talks[i].date) < 0) {
			conf->dates = xreallocarray(conf->dates,
			    conf->ndates + 1, sizeof(*conf->dates));
			conf->dates[conf->ndates++] =
			    xstrdup(s->talks[i].date);
		}
	if (conf->ndates == 0) {
		xmlsrc_pos(s->x, root, &pos);
		diag_error(s->d, &pos, "schedule has no dates");
	}
	qsort(conf->dates, conf->ndates, sizeof(*conf->dates), cmp_str);
}

/*
 * The programme's language is the one most talks are in; a forum names
 * its own only when it differs.
 */
static void
choose_lang(struct programme *p)
{
	size_t i, j, n, best = 0;
	const char *lang = NULL;

	for (i = 0; i < p->nforums; i++) {
		if (p->forums[i].lang == NULL)
			continue;
		for (n = 0, j = 0; j < p->nforums; j++)
			n += p->forums[j].lang != NULL &&
			    strcmp(p->forums[j].lang, p->forums[i].lang) == 0;
		if (n > best) {
			best = n;
			lang = p->forums[i].lang;
		}
	}
	p->lang = xstrdup(lang ? lang : "en");
	for (i = 0; i < p->nforums; i++)
		if (p->forums[i].lang != NULL &&
		    strcmp(p->forums[i].lang, p->lang) == 0) {
			free(p->forums[i].lang);
			p->forums[i].lang = NULL;
		}
}

int
schedule_from_xml(struct programme *prog, struct xmlsrc *x, unsigned flags,
    struct diag *d)
{
	struct sched s = { prog, x, d, flags, NULL, 0, NULL, NULL, NULL, NULL,
	    NO_OFFSET };
	/* Ids of rooms, slots, tracks, forums and people. */
	struct idset ids[5] = { { NULL } };
	xmlNode *root = xmlDocGetRootElement(x->doc);
	struct refs *refs;
	struct srcpos pos;
	size_t i, j, k;

	xmlsrc_pos(x, root, &pos);
	if (!xml_is(root, NULL, "schedule"))
		return diag_error(d, &pos, "root element is <%s>, not "
		    "<schedule>", root ? (const char *)root->name : "");
	s.person_keys = xmlHashCreate(256);
	s.person_names = xmlHashCreate(256);
	s.person_ids = xmlHashCreate(256);
	s.offset = conference_offset(root);
	read_conference(&s, root, &ids[2]);
	read_days(&s, root, &ids[0]);
	read_dates(&s, root);
	qsort(s.talks, s.ntalks, sizeof(*s.talks), cmp_talk);

	/* Slots, tracks and people grow here; pointers are taken after. */
	prog->forums = xcalloc(s.ntalks, sizeof(*prog->forums));
	refs = xcalloc(s.ntalks, sizeof(*refs));
	for (i = 0; i < s.ntalks; i++) {
		/* No number: exports have none, and none is made up. */
		read_talk(&s, &s.talks[i], &prog->forums[i], &refs[i], ids);
	}
	prog->nforums = s.ntalks;
	for (i = 0; i < prog->nforums; i++) {
		struct forum *f = &prog->forums[i];

		f->room = refs[i].room >= 0 ? &prog->rooms[refs[i].room] : NULL;
		f->slot = refs[i].slot >= 0 ? &prog->slots[refs[i].slot] : NULL;
		f->track = refs[i].track >= 0 ?
		    &prog->tracks[refs[i].track] : NULL;
		f->nspeakers = refs[i].nspeakers;
		f->speakers = xcalloc(f->nspeakers, sizeof(*f->speakers));
		for (j = 0; j < f->nspeakers; j++)
			f->speakers[j] = &prog->people[refs[i].speakers[j]];
		free(refs[i].speakers);
	}
	free(refs);
	choose_lang(prog);
	programme_mark_parallel(prog, d);

	for (i = 0; i < s.ntalks; i++)
		free(s.talks[i].title);
	free(s.talks);
	for (i = 0; i < prog->nrooms; i++)
		free(s.roomkeys[i]);
	free(s.roomkeys);
	xmlHashFree(s.person_keys, NULL);
	xmlHashFree(s.person_names, NULL);
	xmlHashFree(s.person_ids, NULL);
	for (k = 0; k < 5; k++)
		xmlHashFree(ids[k].h, NULL);
	return 0;
}
