import Foundation
import Glibc
import HelpCenterKit
import Synchronization

/// Keeps the preview's search index current without making a save wait for it. Pagefind reads
/// the whole site again (7 s at 10,000 articles), so it runs on a thread of its own after a
/// build; the next build first stops it and waits for it, so the two never write the output at
/// once. A stopped run leaves the previous index in place.
final class SearchRefresher: Sendable {
    private let indexer: SearchIndexer
    private let site: URL
    private let log: @Sendable (String) -> Void
    private let current = Mutex<(process: TiedProcess?, stopping: Bool, done: DispatchSemaphore?)>((nil, false, nil))

    init(indexer: SearchIndexer, site: String, log: @escaping @Sendable (String) -> Void) {
        self.indexer = indexer
        self.site = URL(fileURLWithPath: site)
        self.log = log
    }

    /// Indexes the site in the background (after stopping a run still going).
    func start() {
        stop()
        let done = DispatchSemaphore(value: 0)
        current.withLock { $0 = (nil, false, done) }
        Thread { [self] in
            // As a build: one at a time per output, so a `helpcenter build` into the same folder
            // does not get this older index swapped into its site.
            let lock = OutputLock(outputPath: site.path)
            let note = indexer.reindex(
                site,
                started: { process in
                    current.withLock { state in
                        if state.stopping { process.kill() } else { state.process = process }
                    }
                },
                exited: { current.withLock { $0.process = nil } })
            withExtendedLifetime(lock) {}
            let stopped = current.withLock { state in
                defer { state = (nil, false, nil) }
                return state.stopping
            }
            if let note, !stopped { log(note) }
            done.signal()
        }.start()
    }

    /// Stops a run that is still going and waits until it has cleaned up after itself.
    func stop() {
        let done = current.withLock { state -> DispatchSemaphore? in
            guard let done = state.done else { return nil }
            state.stopping = true
            state.process?.kill()
            return done
        }
        done?.wait()
    }

}
