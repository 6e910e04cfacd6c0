/*
 * A text style: what the layout files say about how text looks, and what
 * the typesetting core needs to set it.  Plain values, no ownership.
 *
 * May be included by every file.
 */
#ifndef PDFGEN_STYLE_H
#define PDFGEN_STYLE_H

/* Millimetres to points (1/72 in): the one conversion every mm goes through. */
#define PDF_MM(mm)	((mm) * 72.0 / 25.4)

enum text_align {
	ALIGN_LEFT,		/* ragged right */
	ALIGN_CENTRE,
	ALIGN_RIGHT,
	ALIGN_JUSTIFY,		/* last line ragged */
	ALIGN__MAX
};

enum font_weight {
	WEIGHT_REGULAR,
	WEIGHT_BOLD,
	WEIGHT__MAX
};

enum font_slant {
	SLANT_ROMAN,
	SLANT_ITALIC,
	SLANT__MAX
};

enum colour_space {
	COLOUR_RGB,		/* v[0..2] in 0..1 */
	COLOUR_CMYK,		/* v[0..3] in 0..1 */
	COLOUR_SPACE__MAX
};

struct colour {
	enum colour_space space;
	double		 v[4];
};

#define STYLE_FAMILY_MAX 64

struct text_style {
	char		 family[STYLE_FAMILY_MAX]; /* fontconfig family name */
	enum font_weight weight;
	enum font_slant	 slant;
	double		 size;		/* points; the largest size fit-to-box tries */
	double		 min_size;	/* points; fit-to-box shrinks no further; <= size */
	double		 leading;	/* baseline distance as a multiple of size */
	struct colour	 colour;
	enum text_align	 align;
	int		 max_lines;	/* 0: no limit */
	int		 hyphenate;	/* ordinary words may be hyphenated */
};

#endif
