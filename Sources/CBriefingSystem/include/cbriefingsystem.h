#ifndef BRIEFING_CBRIEFINGSYSTEM_H
#define BRIEFING_CBRIEFINGSYSTEM_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the system or file system cannot.
int briefing_exchange_paths(const char *first, const char *second);

#endif
