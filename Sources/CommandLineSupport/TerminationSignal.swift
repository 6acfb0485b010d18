import Foundation
import Synchronization

/// Long-running commands (`serve`, `mock-zoom`) wait here for Ctrl-C or SIGTERM, so they can
/// shut their servers down cleanly instead of being killed mid-request.
public enum TerminationSignal {
    public static func wait() async {
        let queue = DispatchQueue(label: "termination-signals")
        let once = Once()
        var sources: [any DispatchSourceSignal] = []
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            sources = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { if once.claim() { continuation.resume() } }
                source.resume()
                return source
            }
        }
        withExtendedLifetime(sources) {}
    }
}

/// True exactly once, from whichever thread asks first.
final class Once: Sendable {
    private let claimed = Mutex(false)

    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
