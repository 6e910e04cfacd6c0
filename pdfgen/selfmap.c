/*
 * Implementation of selfmap.h: where addr lies in the program's file, from
 * its program headers, and a mapping of /proc/self/exe there.
 */
#define _GNU_SOURCE		/* dl_iterate_phdr, MAP_FIXED_NOREPLACE */
#include <sys/mman.h>

#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <unistd.h>

#include "selfmap.h"

struct where {
	uintptr_t	addr;
	off_t		off;		/* -1 until found */
};

/* The file offset of w->addr, if it lies in the main program's file. */
static int
find(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct where *w = arg;
	const ElfW(Phdr) *ph;
	uintptr_t start;
	int i;

	(void)size;
	for (i = 0; i < info->dlpi_phnum; i++) {
		ph = &info->dlpi_phdr[i];
		start = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && w->addr >= start &&
		    w->addr - start < ph->p_filesz) {
			w->off = (off_t)(ph->p_offset + (w->addr - start));
			break;
		}
	}
	return 1;	/* the first object is the program itself */
}

void *
selfmap(const void *addr, size_t len, uintptr_t place)
{
	struct where w = { (uintptr_t)addr, -1 };
	long page = sysconf(_SC_PAGESIZE);
	void *p;
	int fd;

	if (page <= 0 || len == 0 || w.addr % (uintptr_t)page != 0 ||
	    place % (uintptr_t)page != 0)
		return NULL;
	(void)dl_iterate_phdr(find, &w);
	if (w.off < 0 || w.off % page != 0)
		return NULL;
	if ((fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	p = mmap((void *)place, len, PROT_READ,
	    MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, w.off);
	(void)close(fd);
	if (p == MAP_FAILED)
		return NULL;
	/* An older system takes the address as a hint; the file must match. */
	if ((uintptr_t)p != place || memcmp(p, addr, len < (size_t)page ?
	    len : (size_t)page) != 0) {
		(void)munmap(p, len);
		return NULL;
	}
	return p;
}
