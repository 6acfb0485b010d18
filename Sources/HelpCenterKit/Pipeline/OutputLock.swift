import Foundation

/// One build at a time per output folder: `serve` rebuilding on a save while someone runs
/// `helpcenter build` into the same `Public/` would otherwise interleave page replacements and
/// cache writes, and leave a page the cache says is current but is not.
///
/// The lock is `flock` on the folder that holds the output (the output itself is swapped out by
/// full builds, so its inode cannot carry a lock). The kernel drops it when the process dies.
public final class OutputLock {
    private let descriptor: Int32

    /// Waits until no other build holds the lock for `outputPath`.
    public init(outputPath: String) {
        let parent = URL(fileURLWithPath: outputPath).standardizedFileURL.deletingLastPathComponent().path
        descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
