/*
 * selfmap(): bytes of the running program, mapped again at an address of
 * the caller's choosing.
 */
#ifndef PDFGEN_SELFMAP_H
#define PDFGEN_SELFMAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * Maps the len bytes that lie at addr in memory, a part of this program's
 * own file (its read-only data), read-only at the address place as well,
 * where the system reads them from the file as they are used: data built
 * with pointers for that address is then used as it lies.  Returns place,
 * or NULL when it cannot be done (place taken, addr not on a page
 * boundary of the file, no /proc/self/exe); undo with munmap(place, len).
 */
void	*selfmap(const void *addr, size_t len, uintptr_t place);

#endif
