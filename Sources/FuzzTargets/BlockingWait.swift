import Dispatch

/// Runs async work to completion from libFuzzer's synchronous callback.
///
/// The calling thread is libFuzzer's, not one of the cooperative pool's, so blocking it on a
/// semaphore cannot starve the task it waits for.
enum BlockingWait {
    static func run(_ operation: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await operation()
            done.signal()
        }
        done.wait()
    }
}
