import Synchronization

/// Lets a command that exits as soon as its build is done leave the build's structures to the
/// kernel: freeing 10,000 articles' strings, dictionaries and cache records one by one was a
/// seventh of a one-article rebuild, for memory the process gives back at exit anyway.
///
/// `serve` keeps them too, but only until its build is reported: it frees them on another
/// thread then (`freeKept`), so freeing is no part of the time from a save to the new page.
///
/// Off unless a command turns it on; tests do not, so their builds free as they go.
public enum ProcessLifetime {
    static let kept = Mutex<[any Sendable]?>(nil)

    /// Turns keeping on: called by one-shot commands (`helpcenter build`) and `serve` before
    /// they build. What is kept goes at exit, or at `freeKept`.
    public static func keepBuildState() {
        kept.withLock { $0 = $0 ?? [] }
    }

    /// Frees what was kept so far, on the calling thread.
    public static func freeKept() {
        let values = kept.withLock { kept in
            defer { if kept != nil { kept = [] } }
            return kept ?? []
        }
        withExtendedLifetime(values) {}
    }

    /// Keeps `value` alive until the process exits, when turned on; otherwise does nothing.
    static func keep(_ value: any Sendable) {
        kept.withLock { $0?.append(value) }
    }
}
