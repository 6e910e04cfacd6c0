/*
 * Repairs of libharu 2.3.0 (Debian 12's libhpdf-2.3.0 2.3.0+dfsg-1+b1),
 * in one place.  Each function here replaces libharu's own function of the
 * same name: the executable's definition takes precedence, and libharu
 * calls these through its PLT, so its own calls reach them too.  Each does
 * what the original does (same results, same output bytes) without the
 * cost named at it; the originals were read in libharu's source at tag
 * RELEASE_2_3_0 and in the disassembly of the installed library.
 *
 * They depend on the layout of libharu's structures, so they are compiled
 * only against the 2.3.0 headers; with another version libharu's own
 * functions are used.
 */
#include <string.h>

#include <hpdf.h>
#include <hpdf_list.h>
#include <hpdf_mmgr.h>
#include <hpdf_utils.h>
#include <hpdf_version.h>

#if HPDF_MAJOR_VERSION == 2 && HPDF_MINOR_VERSION == 3 && \
    HPDF_BUGFIX_VERSION == 0

/*
 * The original copies byte by byte, for every string and stream libharu
 * copies, and so does HPDF_MemSet below (every path and text operator
 * clears a 512-byte buffer with it): together 9% of drawing 10,000 badges.
 * Returns out + n, as the original.  It copies forwards, so overlapping
 * ranges with out after in would repeat bytes; libharu never passes such,
 * but they take the original's way all the same, as do short copies.
 */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	HPDF_UINT i;

	/* Most calls copy two bytes: a loop is cheaper than the call then. */
	if (n <= 16 || (out > in && out < in + n)) {
		for (i = 0; i < n; i++)
			out[i] = in[i];
	} else
		memmove(out, in, n);
	return out + n;
}

/* Returns the end of the range, as the original. */
void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n > 0)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

/*
 * The original grows a full list by a fixed block (20 items unless the
 * list was made with another number) and copies it over, so a list of n
 * items costs O(n^2): HPDF_GetFont() puts the width of every code point a
 * font maps into one array, 30,000 for a CJK face, which took a quarter of
 * rendering a programme with a few Chinese names.  This one doubles the
 * room instead.  block_siz stays the room, as HPDF_List_Insert() (whose
 * growth is still the original's) expects.
 */
HPDF_STATUS
HPDF_List_Add(HPDF_List list, void *item)
{
	HPDF_UINT room;
	void **obj;

	if (list->count >= list->block_siz) {
		room = list->block_siz + list->items_per_block;
		if (room < 2 * list->block_siz)
			room = 2 * list->block_siz;
		obj = HPDF_GetMem(list->mmgr, room * sizeof(*obj));
		if (obj == NULL)
			return HPDF_Error_GetCode(list->error);
		if (list->obj != NULL) {
			memcpy(obj, list->obj, list->count * sizeof(*obj));
			HPDF_FreeMem(list->mmgr, list->obj);
		}
		list->obj = obj;
		list->block_siz = room;
	}
	list->obj[list->count++] = item;
	return HPDF_OK;
}

#endif
