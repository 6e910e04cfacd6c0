/*
 * Fuzz target: the text layer on arbitrary bytes: hyphenation of every
 * word, line breaking (text_set, total fit) and fit-to-box (text_fit),
 * then the measurements and drawing renderers rely on.
 *
 * The first four bytes choose the setting: byte 0 the alignment,
 * hyphenation, language, variant and family; byte 1 the width; byte 2
 * the size; byte 3 the smallest size and the line limit.  The rest is the
 * text, cut into runs at each 0xFF byte (never part of UTF-8).
 */
#include "fuzz.h"

#include <string.h>

#include "hyphenate.h"
#include "internal.h"
#include "pdf.h"
#include "text.h"

#define MAX_RUNS	16
#define DOC_RUNS	200	/* inputs per document before a fresh one */

static const char *const families[] = {
	"Liberation Sans", "Liberation Serif", "DejaVu Sans", "Liberation Mono"
};

static struct diag doc_diag;
static struct pdf *doc;
static unsigned doc_uses;

static struct pdf *
document(void)
{
	if (doc != NULL && ++doc_uses < DOC_RUNS)
		return doc;
	pdf_free(doc);
	fuzz_diag(&doc_diag);
	if ((doc = pdf_new(&doc_diag, NULL)) == NULL ||
	    pdf_page_add(doc, 595, 842) == -1)
		abort();
	doc_uses = 0;
	return doc;
}

static void
hyphenate_words(const char *lang, const char *s, size_t len, int patterns)
{
	unsigned char *brk = malloc(len + 1);
	size_t i = 0, j, k, n;

	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		for (j = i; j < len && s[j] != ' '; j++)
			continue;
		if (j > i) {
			n = hyph_word(lang, s + i, j - i, patterns, brk);
			/* No break inside a UTF-8 sequence, none at the end. */
			if (brk[j - i - 1] != HYPH_NONE)
				abort();
			for (k = 0; k + 1 < j - i; k++)
				if (brk[k] != HYPH_NONE &&
				    ((unsigned char)s[i + k + 1] & 0xC0) == 0x80)
					abort();
			(void)n;
		}
		i = j;
	}
	free(brk);
}

static void
use_block(struct pdf *pdf, struct text_block *b)
{
	size_t i, n = text_lines(b);

	for (i = 0; i < n; i++) {
		free(text_line_text(b, i));
		(void)text_line_width(b, i);
		(void)text_line_baseline(b, i);
	}
	(void)text_height(b);
	if (n > 0) {
		(void)text_range_height(b, 0, n);
		text_draw(pdf, b, 20, 800, 0, n);
		text_draw(pdf, b, 20, 800, n - 1, 1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_run runs[MAX_RUNS];
	struct text_style st;
	struct text_block *b;
	struct srcpos pos = { "fuzz", 1, 1 };
	struct text_src src = { &pos, "fuzz.text" };
	struct pdf *pdf;
	const char *lang;
	char *text, *p, *q;
	size_t nruns = 0;
	double width, h;
	int max_lines;

	if (size < 4)
		return 0;
	memset(&st, 0, sizeof(st));
	snprintf(st.family, sizeof(st.family), "%s", families[data[0] >> 6]);
	st.align = data[0] & 3;
	st.hyphenate = (data[0] >> 2) & 1;
	lang = (data[0] >> 3) & 1 ? "en" : "de";
	st.weight = (data[0] >> 4) & 1;
	st.slant = (data[0] >> 5) & 1;
	st.size = 4 + data[2] % 60;
	st.min_size = st.size / (1 + (data[3] & 7));
	st.leading = 1.2;
	st.max_lines = (data[3] >> 3) & 7;
	width = 2 + data[1] * 2;
	h = 2 + data[2] * 3;
	max_lines = data[3] >> 6;

	text = malloc(size - 4 + 1);
	memcpy(text, data + 4, size - 4);
	text[size - 4] = '\0';
	for (p = text; nruns < MAX_RUNS; p = q + 1) {
		runs[nruns].text = p;
		runs[nruns].variant = (enum text_variant)((nruns + data[0]) %
		    TEXT_VARIANT__MAX);
		runs[nruns].nohyphen = nruns & 1;
		nruns++;
		if ((q = strchr(p, '\xff')) == NULL)
			break;
		*q = '\0';
	}
	hyphenate_words(lang, runs[0].text, strlen(runs[0].text), 1);
	hyphenate_words(lang, runs[0].text, strlen(runs[0].text), 0);

	pdf = document();
	if ((b = text_set(pdf, &st, lang, runs, nruns, width, &src)) != NULL) {
		use_block(pdf, b);
		text_block_free(b);
	}
	if ((b = text_fit(pdf, &st, lang, runs, nruns, width, h, max_lines,
	    &src)) != NULL) {
		int limit = max_lines ? max_lines : st.max_lines;

		if (limit > 0 && text_lines(b) > (size_t)limit)
			abort();
		if (text_size(b) > st.size + 1e-9 ||
		    text_size(b) < st.min_size - 1e-9)
			abort();
		use_block(pdf, b);
		text_block_free(b);
	}
	free(text);
	return 0;
}
