/*
 * Fuzz target: the layout loader (layouts/layout.xsd and the checks
 * behind it), then the lookups renderers make on what it accepted.
 */
#include "fuzz.h"
#include "layout.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout *l;
	struct diag d;
	size_t i;

	fuzz_diag(&d);
	if ((l = layout_load(fuzz_path(data, size), NULL, &d)) == NULL)
		return 0;
	if (d.nerrors != 0)
		abort();
	for (i = 0; i < l->nstyles; i++)
		if (layout_style(l, l->styles[i].name) == NULL ||
		    l->styles[i].style.min_size > l->styles[i].style.size)
			abort();
	for (i = 0; i < l->nlabels; i++)
		(void)layout_label(l, l->labels[i].key, l->labels[i].lang);
	(void)layout_back(l);
	layout_free(l);
	return 0;
}
