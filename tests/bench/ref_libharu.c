/*
 * The floor for the badge benchmark: the same badges as pdfgen badges,
 * drawn by a bare libharu loop with no layout logic at all.
 *
 *   ref_libharu [-n] TSV FONT.ttf OUT.pdf
 *
 * TSV is written by gen.py: id, name, organisation, forum line per badge.
 * Each badge is 90 x 55 mm, ten to an A4 sheet (2 x 5), with its outline
 * and three lines at fixed sizes and positions (TextOut only: nothing is
 * measured, fitted or wrapped), in the embedded TrueType font with UTF-8
 * encoding and full compression, as pdfgen does.  ref_reportlab.py draws
 * exactly the same.  -n leaves the page contents uncompressed (fonts and
 * metadata stay compressed): deflate at zlib's default level is about half
 * of the time here, so the table shows that floor too.
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
#define PAD		(6 * MM)

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

int
main(int argc, char **argv)
{
	HPDF_Doc pdf;
	HPDF_Page page = NULL;
	HPDF_Font font;
	const char *name;
	char line[4096], *f[4];
	double x, y;
	FILE *in;
	long n = 0;
	int slot, mode = HPDF_COMP_ALL;

	if (argc == 5 && strcmp(argv[1], "-n") == 0) {
		mode = HPDF_COMP_METADATA;
		argv++;
		argc--;
	}
	if (argc != 4) {
		fputs("usage: ref_libharu [-n] TSV FONT.ttf OUT.pdf\n",
		    stderr);
		return 2;
	}
	if ((in = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	pdf = HPDF_New(on_error, NULL);
	if (pdf == NULL)
		return 1;
	HPDF_SetCompressionMode(pdf, mode);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	name = HPDF_LoadTTFontFromFile(pdf, argv[2], HPDF_TRUE);
	font = HPDF_GetFont(pdf, name, "UTF-8");

	while (fgets(line, sizeof(line), in) != NULL) {
		if (split(line, f, 4) == -1) {
			fprintf(stderr, "ref_libharu: error: line %ld: need 4 "
			    "fields\n", n + 1);
			return 1;
		}
		slot = (int)(n % (COLS * ROWS));
		if (slot == 0) {
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetWidth(page, SHEET_W);
			HPDF_Page_SetHeight(page, SHEET_H);
			HPDF_Page_SetLineWidth(page, 0.25);
		}
		x = MARGIN_X + (slot % COLS) * BADGE_W;
		y = SHEET_H - MARGIN_Y - (slot / COLS + 1) * BADGE_H;
		HPDF_Page_Rectangle(page, x, y, BADGE_W, BADGE_H);
		HPDF_Page_Stroke(page);
		HPDF_Page_BeginText(page);
		HPDF_Page_SetFontAndSize(page, font, 20);
		HPDF_Page_TextOut(page, x + PAD, y + BADGE_H - 22 * MM, f[1]);
		HPDF_Page_SetFontAndSize(page, font, 9);
		HPDF_Page_TextOut(page, x + PAD, y + BADGE_H - 30 * MM, f[2]);
		HPDF_Page_SetFontAndSize(page, font, 8);
		HPDF_Page_TextOut(page, x + PAD, y + PAD, f[3]);
		HPDF_Page_EndText(page);
		n++;
	}
	fclose(in);
	HPDF_SaveToFile(pdf, argv[3]);
	HPDF_Free(pdf);
	return 0;
}
