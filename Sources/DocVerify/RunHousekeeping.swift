import Foundation
import Synchronization

/// What a run did at Zoom that QA must know (meetings created, Zoom's daily budget left,
/// meetings deleted again), and the clean-ups of the environments still in use, so an
/// interrupted run (SIGINT, SIGTERM) still deletes what it created.
public final class RunHousekeeping: Sendable {
    private struct State {
        var deleted = 0
        var left = 0
        var cleanups: [UUID: @Sendable () async -> Void] = [:]
        var stopRequested = false
    }
    private let state = Mutex(State())

    public init() {}

    /// Records a finished clean-up: meetings deleted, and meetings that could not be.
    public func cleanedUp(deleted: Int, left: Int) {
        state.withLock {
            $0.deleted += deleted
            $0.left += left
        }
    }

    public var deleted: Int { state.withLock { $0.deleted } }
    public var left: Int { state.withLock { $0.left } }

    /// Asks the run to start no further check (Ctrl-C, SIGTERM): the check in flight ends and
    /// cleans up as usual.
    public func requestStop() { state.withLock { $0.stopRequested = true } }

    public var stopRequested: Bool { state.withLock { $0.stopRequested } }

    /// Keeps `cleanup` until it is run, by `cleanUp(_:)` or by `runPendingCleanups()`.
    func register(_ cleanup: @escaping @Sendable () async -> Void) -> UUID {
        let id = UUID()
        state.withLock { $0.cleanups[id] = cleanup }
        return id
    }

    /// Runs the clean-up registered as `id`, unless it already ran.
    func cleanUp(_ id: UUID) async {
        let cleanup = state.withLock { $0.cleanups.removeValue(forKey: id) }
        await cleanup?()
    }

    /// Runs every clean-up still registered: a check did not end in time after a stop.
    public func runPendingCleanups() async {
        let pending = state.withLock { state in
            defer { state.cleanups.removeAll() }
            return Array(state.cleanups.values)
        }
        for cleanup in pending { await cleanup() }
    }
}
