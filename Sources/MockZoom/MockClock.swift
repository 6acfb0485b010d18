import Foundation
import Synchronization

/// The mock's notion of now, which tests move forward to expire codes and tokens without
/// waiting an hour.
public final class MockClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)
    private let base: @Sendable () -> Date

    public init(base: @escaping @Sendable () -> Date = Date.init) {
        self.base = base
    }

    public func now() -> Date {
        base().addingTimeInterval(offset.withLock { $0 })
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }
}
