import CFileSystem
import Foundation

/// A child process that dies with the build (the kernel kills it if helpcenter is killed) and
/// runs in its own process group, so stopping it stops everything it started. Pagefind runs
/// this way: orphaned, it would go on writing index folders next to the output.
public final class TiedProcess: Sendable {
    public let pid: pid_t
    let output: FileHandle
    let errors: FileHandle

    /// Starts `executable` (an absolute path) with `arguments`; `nil` when it cannot start.
    init?(_ executable: String, _ arguments: [String]) {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var out: Int32 = -1
        var err: Int32 = -1
        let pid = cfs_spawn_tied(executable, argv, &out, &err)
        guard pid > 0 else { return nil }
        self.pid = pid
        output = FileHandle(fileDescriptor: out, closeOnDealloc: true)
        errors = FileHandle(fileDescriptor: err, closeOnDealloc: true)
    }

    /// Waits for the child to end: its exit status, or 128 + the signal that ended it.
    func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// SIGKILL to the whole group: Pagefind's half-written index is discarded anyway.
    public func kill() {
        _ = Glibc.kill(-pid, SIGKILL)
    }
}
