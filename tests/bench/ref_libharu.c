/*
 * The floor for the badge benchmark: the badges of pdfgen badges with
 * tests/bench/badges-one-sided.xml, drawn by a bare libharu loop with no
 * layout logic at all.
 *
 *   ref_libharu [-n] TSV OUT.pdf REGULAR BOLD ITALIC [CJK [KOREAN]]
 *
 * TSV is written by gen.py or gen_schedule.py --tsv: per badge id,
 * category, academic title, name, organisation, role, forum prefix
 * ("Forum 3: ") and forum title.  Each badge is 90 x 55 mm, ten to an A4
 * sheet (2 x 5) with cut marks, and shows what the layout's boxes show:
 * a coloured band with the category in white, the title, the name in
 * bold, organisation, role in italic and the forum line (its prefix in
 * bold), each line centred at a fixed size and place: measured to centre
 * it, never fitted, wrapped or shortened.  A placeholder ("N.N.") gets a
 * line to write the name on.  Fonts are TrueType files embedded with UTF-8
 * encoding and full compression, as pdfgen does; a name with CJK
 * characters is set in the CJK face (a TrueType collection), Hangul in
 * the Korean one, each loaded when a name first needs it, as pdfgen's
 * fallback faces are.  ref_reportlab.py draws exactly the same.  -n leaves
 * the page contents uncompressed (fonts and metadata stay compressed):
 * deflate at zlib's default level is a large part of the time here, so
 * the table shows that floor too.
 * A stand-alone program, built by tests/bench/run.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#define MM		(72.0 / 25.4)
#define BADGE_W		(90 * MM)
#define BADGE_H		(55 * MM)
#define COLS		2
#define ROWS		5
#define SHEET_W		(210 * MM)
#define SHEET_H		(297 * MM)
#define MARGIN_X	((SHEET_W - COLS * BADGE_W) / 2)
#define MARGIN_Y	((SHEET_H - ROWS * BADGE_H) / 2)
#define PAD		(4 * MM)
#define BOX_W		(82 * MM)
#define MARK_OFF	(2 * MM)	/* cut marks start this far out */
#define MARK_LEN	(5 * MM)

enum field { F_ID, F_CAT, F_TITLE, F_NAME, F_ORG, F_ROLE, F_PREFIX, F_FORUM,
	NFIELDS };
enum face { REGULAR, BOLD, ITALIC, CJK, KOREAN, NFACES };

static HPDF_Doc pdf;
static const char *files[NFACES];
static HPDF_Font fonts[NFACES];

/* Any libharu error ends the run: a benchmark has nothing to recover. */
static void
on_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	(void)user;
	fprintf(stderr, "ref_libharu: error: libharu 0x%04x (detail %u)\n",
	    (unsigned)err, (unsigned)detail);
	exit(1);
}

/* Splits line at tabs into n fields in place; returns -1 if too few. */
static int
split(char *line, char **f, int n)
{
	int i;

	line[strcspn(line, "\n")] = '\0';
	for (i = 0; i < n; i++) {
		f[i] = line;
		line = strchr(line, '\t');
		if (line == NULL)
			return i == n - 1 ? 0 : -1;
		*line++ = '\0';
	}
	return 0;
}

/* The face, loaded on first use; a .ttc is read at index 0. */
static HPDF_Font
font(enum face k)
{
	const char *name, *path = files[k];
	size_t n;

	if (fonts[k] != NULL)
		return fonts[k];
	if (path == NULL) {
		fprintf(stderr, "ref_libharu: error: no font file for face %d\n",
		    (int)k);
		exit(1);
	}
	n = strlen(path);
	if (n > 4 && strcmp(path + n - 4, ".ttc") == 0)
		name = HPDF_LoadTTFontFromFile2(pdf, path, 0, HPDF_TRUE);
	else
		name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	return fonts[k] = HPDF_GetFont(pdf, name, "UTF-8");
}

/* The face for s in variant k: CJK or Korean when s has such letters. */
static HPDF_Font
face_for(const char *s, enum face k)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;
	int cjk = 0;

	for (; *p != '\0'; p++) {
		if ((*p & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 ||
		    (p[2] & 0xC0) != 0x80)
			continue;
		cp = (unsigned)(*p & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) <<
		    6 | (p[2] & 0x3F);
		if ((cp >= 0xAC00 && cp <= 0xD7AF) ||
		    (cp >= 0x3130 && cp <= 0x318F))
			return font(KOREAN);
		if (cp >= 0x2E80)
			cjk = 1;
	}
	return font(cjk ? CJK : k);
}

/* s at size, centred in the box from x, baseline y; grey or ink. */
static void
centred(HPDF_Page page, const char *s, enum face k, double size, double x,
    double y)
{
	HPDF_Font f;

	if (*s == '\0')
		return;
	f = face_for(s, k);
	HPDF_Page_SetFontAndSize(page, f, size);
	HPDF_Page_TextOut(page, x + (BOX_W - HPDF_Page_TextWidth(page, s)) /
	    2, y, s);
}

static void
cut_marks(HPDF_Page page)
{
	double left = MARGIN_X, right = SHEET_W - MARGIN_X;
	double top = SHEET_H - MARGIN_Y, bottom = MARGIN_Y, e;
	int i;

	HPDF_Page_SetCMYKStroke(page, 1, 1, 1, 1);
	HPDF_Page_SetLineWidth(page, 0.3);
	for (i = 0; i <= COLS; i++) {
		e = left + i * BADGE_W;
		HPDF_Page_MoveTo(page, e, top + MARK_OFF);
		HPDF_Page_LineTo(page, e, top + MARK_OFF + MARK_LEN);
		HPDF_Page_MoveTo(page, e, bottom - MARK_OFF);
		HPDF_Page_LineTo(page, e, bottom - MARK_OFF - MARK_LEN);
	}
	for (i = 0; i <= ROWS; i++) {
		e = top - i * BADGE_H;
		HPDF_Page_MoveTo(page, left - MARK_OFF, e);
		HPDF_Page_LineTo(page, left - MARK_OFF - MARK_LEN, e);
		HPDF_Page_MoveTo(page, right + MARK_OFF, e);
		HPDF_Page_LineTo(page, right + MARK_OFF + MARK_LEN, e);
	}
	HPDF_Page_Stroke(page);
}

static void
badge(HPDF_Page page, char **f, double x, double top)
{
	double bx = x + PAD, w1, w2;
	HPDF_Font pf, tf;

	HPDF_Page_SetCMYKFill(page, 0.777, 0.3165, 0, 0.4549);
	HPDF_Page_Rectangle(page, x, top - 11 * MM, BADGE_W, 11 * MM);
	HPDF_Page_Fill(page);
	if (f[F_NAME][0] == '\0') {
		HPDF_Page_SetCMYKStroke(page, 0, 0, 0, 1);
		HPDF_Page_SetLineWidth(page, 0.6);
		HPDF_Page_MoveTo(page, bx, top - 26 * MM);
		HPDF_Page_LineTo(page, bx + BOX_W, top - 26 * MM);
		HPDF_Page_Stroke(page);
	}
	HPDF_Page_BeginText(page);
	HPDF_Page_SetCMYKFill(page, 0, 0, 0, 0);
	centred(page, f[F_CAT], BOLD, 9, bx, top - 8 * MM);
	HPDF_Page_SetCMYKFill(page, 0, 0, 0, 0.698);
	centred(page, f[F_TITLE], REGULAR, 8.5, bx, top - 15 * MM);
	HPDF_Page_SetCMYKFill(page, 0, 0, 0, 1);
	centred(page, f[F_NAME], BOLD, 20, bx, top - 24 * MM);
	centred(page, f[F_ORG], REGULAR, 9, bx, top - 32 * MM);
	HPDF_Page_SetCMYKFill(page, 0, 0, 0, 0.698);
	centred(page, f[F_ROLE], ITALIC, 7, bx, top - 40 * MM);
	/* The forum line: its prefix in bold, the title after it. */
	pf = face_for(f[F_PREFIX], BOLD);
	tf = face_for(f[F_FORUM], REGULAR);
	HPDF_Page_SetFontAndSize(page, pf, 8);
	w1 = HPDF_Page_TextWidth(page, f[F_PREFIX]);
	HPDF_Page_SetFontAndSize(page, tf, 8);
	w2 = HPDF_Page_TextWidth(page, f[F_FORUM]);
	x = bx + (BOX_W - w1 - w2) / 2;
	HPDF_Page_SetFontAndSize(page, pf, 8);
	if (f[F_PREFIX][0] != '\0')
		HPDF_Page_TextOut(page, x, top - 49 * MM, f[F_PREFIX]);
	HPDF_Page_SetFontAndSize(page, tf, 8);
	if (f[F_FORUM][0] != '\0')
		HPDF_Page_TextOut(page, x + w1, top - 49 * MM, f[F_FORUM]);
	HPDF_Page_EndText(page);
}

static void
usage(void)
{
	fputs("usage: ref_libharu [-n] TSV OUT.pdf REGULAR BOLD ITALIC "
	    "[CJK [KOREAN]]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	HPDF_Page page = NULL;
	char line[8192], *f[NFIELDS];
	FILE *in;
	long n = 0;
	int i, slot, mode = HPDF_COMP_ALL;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		mode = HPDF_COMP_METADATA;
		argv++;
		argc--;
	}
	if (argc < 6 || argc > 8)
		usage();
	for (i = 0; i < argc - 3; i++)
		files[i] = argv[3 + i];
	if ((in = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	if ((pdf = HPDF_New(on_error, NULL)) == NULL)
		return 1;
	HPDF_SetCompressionMode(pdf, mode);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	while (fgets(line, sizeof(line), in) != NULL) {
		if (split(line, f, NFIELDS) == -1) {
			fprintf(stderr, "ref_libharu: error: line %ld: need %d "
			    "fields\n", n + 1, NFIELDS);
			return 1;
		}
		slot = (int)(n % (COLS * ROWS));
		if (slot == 0) {
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetWidth(page, SHEET_W);
			HPDF_Page_SetHeight(page, SHEET_H);
			cut_marks(page);
		}
		badge(page, f, MARGIN_X + (slot % COLS) * BADGE_W,
		    SHEET_H - MARGIN_Y - (slot / COLS) * BADGE_H);
		n++;
	}
	fclose(in);
	HPDF_SaveToFile(pdf, argv[2]);
	HPDF_Free(pdf);
	return 0;
}
