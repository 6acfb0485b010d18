// Linux file-system calls that Swift's Glibc module does not expose.
#pragma once

/// Atomically swaps two existing paths (renameat2 with RENAME_EXCHANGE): a reader sees the
/// old site or the new one, never no site. Returns 0, or -1 with errno set.
int cfs_exchange(const char *first, const char *second);

// inotify (inotify_init1, inotify_add_watch, IN_*): `serve` learns of a saved file from the
// kernel at once, instead of stat-ing every source file several times a second.
#include <sys/inotify.h>
