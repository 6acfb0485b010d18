import Foundation
import HelpCenterKit

/// The preview's latest build: its number (pages reload when it changes) and, when it failed,
/// the diagnostics to show in the browser instead of the page.
actor BuildState {
    private(set) var generation = 0
    private(set) var failure: [Diagnostic]?
    /// Reload polls waiting for the next build, answered the moment it is recorded.
    private var waiting: [Int: CheckedContinuation<Int, Never>] = [:]
    private var nextWaiter = 0

    func record(_ result: Result<BuildReport, HelpCenterError>) {
        generation += 1
        switch result {
        case .success: failure = nil
        case .failure(let error): failure = error.diagnostics
        }
        let answered = waiting
        waiting = [:]
        for continuation in answered.values { continuation.resume(returning: generation) }
    }

    /// Waits until a build newer than `since` finished, or `timeout` passed.
    func waitForChange(since: Int, timeout: Duration) async -> Int {
        guard generation == since else { return generation }
        let waiter = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.answer(waiter)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { waiting[waiter] = $0 }
    }

    private func answer(_ waiter: Int) {
        waiting.removeValue(forKey: waiter)?.resume(returning: generation)
    }
}
