import Foundation
import HelpCenterKit

/// The preview's latest build: its number (pages reload when it changes) and, when it failed,
/// the diagnostics to show in the browser instead of the page.
actor BuildState {
    private(set) var generation = 0
    private(set) var failure: [Diagnostic]?

    func record(_ result: Result<BuildReport, HelpCenterError>) {
        generation += 1
        switch result {
        case .success: failure = nil
        case .failure(let error): failure = error.diagnostics
        }
    }

    /// Waits until a build newer than `since` finished, or `timeout` passed.
    func waitForChange(since: Int, timeout: Duration) async -> Int {
        let deadline = ContinuousClock.now + timeout
        while generation == since, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        return generation
    }
}
