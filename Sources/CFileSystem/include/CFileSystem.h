// Linux file-system calls that Swift's Glibc module does not expose.
#pragma once

/// Atomically swaps two existing paths (renameat2 with RENAME_EXCHANGE): a reader sees the
/// old site or the new one, never no site. Returns 0, or -1 with errno set.
int cfs_exchange(const char *first, const char *second);

// inotify (inotify_init1, inotify_add_watch, IN_*): `serve` learns of a saved file from the
// kernel at once, instead of stat-ing every source file several times a second.
#include <sys/inotify.h>

#include <sys/types.h>

/// Starts `path` with `argv` (NULL-terminated) as a child that cannot outlive this process: in
/// its own process group (so `kill(-pid, ...)` reaches all of it), killed by the kernel (SIGKILL)
/// when the calling thread's process dies, with SIGINT/SIGTERM at their defaults. Its stdout and
/// stderr are pipes whose read ends are returned in `out_fd` and `err_fd` (close-on-exec).
/// Returns the child's pid, or -1 with errno set. Only async-signal-safe calls run in the child.
pid_t cfs_spawn_tied(const char *path, char *const argv[], int *out_fd, int *err_fd);
