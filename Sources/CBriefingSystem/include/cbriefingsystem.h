#ifndef BRIEFING_CBRIEFINGSYSTEM_H
#define BRIEFING_CBRIEFINGSYSTEM_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the system or file system cannot.
int briefing_exchange_paths(const char *first, const char *second);

/// For a process that ends after one build, when glibc allocates: makes the heap grow in steps of 64 MB rather
/// than 128 KB, and serve buffers up to 32 MB itself rather than from mappings of their own (mallopt). With
/// jemalloc, or elsewhere, nothing.
void briefing_grow_heap_in_large_steps(void);

/// After `briefing_grow_heap_in_large_steps`, gives the calling thread's heap about 60 MB of room in two steps,
/// once per thread; otherwise does nothing.
void briefing_reserve_thread_heap(void);

/// Whether the process may be given transparent huge pages from now on (Linux's PR_SET_THP_DISABLE, which
/// covers all its memory and is inherited by its children); elsewhere nothing.
void briefing_allow_huge_pages(int allow);

#endif
