import Foundation

/// Runs blocking work (a big build, a child process) on a thread of its own. Swift Testing runs
/// tests on the cooperative pool, which has one thread per core: two tests blocking it would
/// starve every async test's servers on a 2-core machine.
public func offThePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
