import Foundation
import Synchronization

/// One piece of work on a thread of its own, joined later: reading and writing the build cache
/// overlap with loading templates and rendering pages, on the second core.
///
/// A plain thread rather than a task or a global queue: the build is synchronous and may run
/// on the cooperative pool, which must never wait on work it is meant to run itself.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread { self.finish(work()) }.start()
    }

    private func finish(_ value: Value) {
        result.withLock { $0 = value }
        done.signal()
    }

    /// Waits for the work to finish and returns what it gave.
    var value: Value {
        done.wait()
        done.signal()
        return result.withLock { $0! }
    }
}
