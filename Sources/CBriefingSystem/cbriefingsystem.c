#define _GNU_SOURCE
#include "cbriefingsystem.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

int briefing_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2) && defined(RENAME_EXCHANGE)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#if defined(__linux__)
// jemalloc's options, read at the process's first allocation when the command links it (see Package.swift);
// otherwise an unused string. A build touches each page of its heap once, as it fills it: served in 2 MB huge
// pages (Linux's transparent huge pages, which jemalloc asks for with madvise), the heap takes about a fifth of
// the page faults, which took a quarter of the CPU of a rebuild after one article changes. Settings in MALLOC_CONF still
// win ("thp:default" turns this off). `briefing_allow_huge_pages` turns them off for a build from scratch.
const char *malloc_conf = "thp:always";
#endif

void briefing_allow_huge_pages(int allow) {
#if defined(__linux__) && defined(PR_SET_THP_DISABLE)
    prctl(PR_SET_THP_DISABLE, allow ? 0 : 1, 0, 0, 0);
#else
    (void)allow;
#endif
}

#if defined(__GLIBC__)
static _Atomic int briefing_large_steps;
static __thread int briefing_thread_heap_reserved;
// jemalloc's control call, present when the command links jemalloc (see Package.swift); glibc's own heap is
// tuned only when it is the one in use.
extern int mallctl(const char *name, void *old, size_t *oldLength, void *new, size_t newLength) __attribute__((weak));
#endif

void briefing_grow_heap_in_large_steps(void) {
#if defined(__GLIBC__)
    // jemalloc needs none of this: it serves each thread from arenas that grow in large extents.
    if (mallctl != NULL) return;
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    briefing_large_steps = 1;
#endif
}

void briefing_reserve_thread_heap(void) {
#if defined(__GLIBC__)
    if (!briefing_large_steps || briefing_thread_heap_reserved) return;
    briefing_thread_heap_reserved = 1;
    // A thread's arena grows by what each request lacks, one mprotect call per page or so. Two blocks just under
    // the 32 MB a thread's arena serves itself fill its 64 MB heap in two steps; freed, their room stays at the
    // top of the arena (kept by the 64 MB top pad) for the small requests, and once it is used up the arena
    // takes a whole new heap at once. (Volatile, or the compiler may drop blocks nothing reads.)
    void *volatile blocks[2];
    for (int i = 0; i < 2; i++) blocks[i] = malloc(30 << 20);
    free(blocks[1]);
    free(blocks[0]);
#endif
}
