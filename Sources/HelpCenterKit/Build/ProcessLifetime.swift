import Synchronization

/// Lets a command that exits as soon as its build is done leave the build's structures to the
/// kernel: freeing 10,000 articles' strings, dictionaries and cache records one by one was a
/// seventh of a one-article rebuild, for memory the process gives back at exit anyway.
///
/// Off unless a command turns it on; `serve` and tests never do, so their builds free as
/// they go.
public enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]?>(nil)

    /// Called by one-shot commands (`helpcenter build`) before they build.
    public static func leaveStateToExit() {
        kept.withLock { $0 = $0 ?? [] }
    }

    /// Keeps `value` alive until the process exits, when turned on; otherwise does nothing.
    static func keep(_ value: any Sendable) {
        kept.withLock { $0?.append(value) }
    }
}
