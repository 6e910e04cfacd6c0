/*
 * The document model: one conference programme in memory.
 *
 * Parsers (programme_xml.c, schedule_xml.c) fill it; renderers read it
 * through a const pointer and never change it.  The struct programme owns
 * every string and array below it; programme_free() releases all of it.
 * References between entities are pointers into the programme's own arrays,
 * so a person who speaks in two forums is one object.  All text is valid
 * UTF-8 with white space collapsed (single spaces, no leading or trailing
 * space); optional text is NULL when absent, never "".
 *
 * May be included by every file.
 */
#ifndef PDFGEN_PROGRAMME_H
#define PDFGEN_PROGRAMME_H

#include <stddef.h>

#include "diag.h"

enum person_status {
	PERSON_CONFIRMED,	/* has said yes */
	PERSON_INVITED,		/* asked, not yet confirmed ("angefragt") */
	PERSON_STATUS__MAX
};

struct person {
	struct srcpos	 pos;
	char		*id;
	int		 placeholder;	/* "N.N." from an organisation */
	char		*title;		/* academic title: "Dr.", "Prof. Dr." */
	char		*given;		/* given name(s); NULL for placeholders */
	char		*family;	/* family name; NULL for placeholders */
	char		*remark;	/* pronouns or a nickname, printed in
					   round brackets after the name */
	char		*role;		/* job or function */
	char		*organisation;
	char		*email;
	char		*url;
	char		*photo;		/* PNG/JPEG path, usable from the working directory */
	enum person_status status;
};

struct room {
	struct srcpos	 pos;
	char		*id;
	char		*name;
	char		*directions;	/* floor, way to the room */
	int		 parallel;	/* sessions may run here at the same
					   time: a concourse, a poster hall */
};

struct slot {
	struct srcpos	 pos;
	char		*id;
	char		*date;		/* YYYY-MM-DD */
	int		 start;		/* minutes after midnight of date */
	int		 end;		/* minutes after midnight; > start, may pass
					   1440; == start: not known, the
					   start time is printed alone */
	char		*label;		/* "Nachmittag", optional */
};

struct track {
	struct srcpos	 pos;
	char		*id;
	char		*name;
	char		*colour;	/* "#RRGGBB" or NULL: the layout decides */
};

/* What a paragraph of a description is. */
enum para_kind {
	PARA_PLAIN,
	PARA_ITEM,		/* a list item after its marker ("•", "2.") */
	PARA_HEADING		/* run into the paragraph after it, in bold */
};

/* Bytes start..end of a paragraph's text set in bold. */
struct span {
	size_t		 start, end;
};

/*
 * One paragraph of a description: its text (collapsed, never empty) and
 * the parts of it in bold, in order and not overlapping.
 */
struct paragraph {
	enum para_kind	 kind;
	char		 marker[24];	/* PARA_ITEM: "•", "2.", "b)" */
	char		*text;
	struct span	*bold;
	size_t		 nbold;
};

/*
 * Parsers build a paragraph from text in which PARA_BOLD_ON and
 * PARA_BOLD_OFF mark the bold parts (characters no text carries).
 */
#define PARA_BOLD_ON	'\x01'
#define PARA_BOLD_OFF	'\x02'

struct forum {
	struct srcpos	 pos;
	char		*id;
	int		 number;	/* 1, 2, ...; unique; 0: none (imports
					   have none: never made up) */
	char		*title;
	char		*subtitle;
	char		*lang;		/* "de", "en"; NULL = the programme's */
	char		*host;		/* forum "ausgestaltet von" this organisation */
	char		*host_logo;	/* PNG/JPEG path, usable from the working directory */
	struct paragraph *paragraphs;	/* the description */
	size_t		 nparagraphs;
	char		*url;		/* its page on the web; NULL: none */
	struct room	*room;		/* NULL: not yet assigned */
	struct slot	*slot;		/* NULL: not yet assigned */
	struct track	*track;		/* NULL: none */
	struct person	**speakers;
	size_t		 nspeakers;
	int		 speakers_complete; /* 0: "u. a. mit", the list is not exhaustive */
	struct person	**moderators;
	size_t		 nmoderators;
};

/* The conference: our format's <event>, schedule.xml's <conference>. */
struct conference {
	char		*title;
	char		*subtitle;
	char		**dates;	/* YYYY-MM-DD, in order */
	size_t		 ndates;
	char		*venue;
	char		*organiser;
	char		*url;
};

struct programme {
	char		*file;		/* the path it was read from; srcpos.file points here */
	char		*lang;		/* "de" unless the file says otherwise */
	struct conference conference;
	struct room	*rooms;
	size_t		 nrooms;
	struct slot	*slots;
	size_t		 nslots;
	struct track	*tracks;
	size_t		 ntracks;
	struct person	*people;
	size_t		 npeople;
	struct forum	*forums;	/* in forum-number order */
	size_t		 nforums;
};

/* Frees the programme and everything it owns; NULL is fine. */
void	programme_free(struct programme *);

/*
 * Appends to f a paragraph of the kind from marked text (see
 * PARA_BOLD_ON): white space collapsed, the marks turned into spans.
 * Nothing is added when no text is left, or, with unique set, when f has
 * the same paragraph already (an abstract repeated in the description).
 * Returns the paragraph added, or NULL.
 */
struct paragraph *forum_add_paragraph(struct forum *f, enum para_kind kind,
	    const char *marker, const char *marked, int unique);


/*
 * Checks what a schema cannot: duplicate forum numbers, two forums in one
 * room at overlapping times (unless the room is parallel), people without
 * a name.  Reports every problem
 * to d; overlaps are errors when overlap_is_error is set (a programme the
 * user edits) and warnings otherwise (an imported export, printed as it is).
 * Returns 0 when nothing was an error, -1 otherwise.
 */
int	programme_check(const struct programme *, int overlap_is_error,
	    struct diag *d);

/*
 * For imports, which are printed as they are: marks each room that has
 * sessions at the same time as a room for parallel sessions, with a
 * warning naming its first overlap, so that the programme written by
 * convert passes the checks.
 */
void	programme_mark_parallel(struct programme *, struct diag *d);

/* Sorts forums by number (parsers call it once they are done). */
void	programme_sort_forums(struct programme *);

/*
 * The person's display name without title: "Tanja Krins", "Leo Beck
 * (he/him)" with a remark, or "N.N." for a placeholder.  Returns a string
 * the caller frees.
 */
char	*person_name(const struct person *);

/* The same with the academic title in front: "Prof. Dr. Martin Hoffmann". */
char	*person_full_name(const struct person *);

/* Nonzero if any forum has a number (an import has none). */
int	programme_numbered(const struct programme *);

/*
 * What heads a forum above its title: "Forum 3 · Verwaltung" (word,
 * number and track), "Forum 3", the track alone for a forum without a
 * number, or NULL when it has neither.  The caller frees it.
 */
char	*forum_kicker(const struct forum *, const char *word);

/*
 * A forum in few words where a number would stand: "Forum 3", or for a
 * forum without one its start time and room, "10:30 Saal 1" (its title
 * when it has neither).  The caller frees it.
 */
char	*forum_short(const struct forum *, const char *word);

/*
 * Who speaks or moderates where, found in one pass over the forums: the
 * forums of p->people[i] are p->forums[forums[at[i]]] ..
 * p->forums[forums[at[i + 1] - 1]], in programme order, each once.
 */
struct roles {
	size_t		*at;		/* npeople + 1 */
	size_t		*forums;
};

/* The roles of everyone; speakers_only: where they speak, not moderate. */
void	programme_roles(const struct programme *, int speakers_only,
	    struct roles *);
void	roles_free(struct roles *);

/* The programme's language for a forum: forum->lang or the programme's. */
const char *forum_lang(const struct programme *, const struct forum *);

/*
 * Nonzero if the language tag lang ("en", "en-GB", "de_DE") is of the
 * language primary ("en"), whatever its region.
 */
int	lang_is(const char *lang, const char *primary);

#endif
