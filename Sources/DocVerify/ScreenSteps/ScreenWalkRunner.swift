import Foundation
import HelpCenterKit
import WebDriver

/// A run's steps in the product's screens: the first such claim of an article walks all of
/// that article's steps (`ScreenWalk`) in a fresh environment of the backend, in the run's one
/// browser; the verdicts are handed out as the run reaches each claim.
final class ScreenWalkRunner {
    private let runner: VerifyRunner
    private let backend: any VerifyBackend
    private var outcomes: [String: ScreenWalk.Outcome] = [:]
    private var ownedBrowser: ScreenBrowser?
    /// Wall time of the walks, browser start included.
    private(set) var seconds: Double?
    private(set) var wroteScreenshots = false

    init(runner: VerifyRunner, backend: any VerifyBackend) {
        self.runner = runner
        self.backend = backend
    }

    /// `entry`'s verdict (a claim the grammar reads), walking its article's steps first if they
    /// have not been walked.
    func outcome(of entry: ClaimCatalog.Entry) async -> ClaimResult {
        if outcomes[entry.claim.id] == nil {
            let started = ContinuousClock.now
            outcomes.merge(await walk(page: entry.page), uniquingKeysWith: { _, new in new })
            seconds = (seconds ?? 0) + (ContinuousClock.now - started) / .seconds(1)
        }
        guard let outcome = outcomes[entry.claim.id] else {
            return runner.result(entry, .blocked, detail: "its article's steps were not taken")
        }
        var result = runner.result(entry, outcome.verdict, detail: outcome.detail)
        result.evidence = outcome.evidence
        if let picture = outcome.screenshot, let folder = runner.screens.screenshots {
            let name = entry.claim.id + ".png"
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try picture.write(to: folder.appendingPathComponent(name), options: .atomic)
                result.screenshot = name
                wroteScreenshots = true
            } catch {
                result.evidence.append(
                    Observation(expectation: nil, observed: "its screenshot could not be written: \(error)", held: nil))
            }
        }
        return result
    }

    /// Stops the browser if this run started it.
    func finish() {
        ownedBrowser?.stop()
    }

    private func walk(page: String) async -> [String: ScreenWalk.Outcome] {
        let claims = runner.catalog.entries.filter { $0.page == page && !$0.claim.isManual }.compactMap { entry in
            runner.screenSteps(entry).map { ScreenWalk.Step(id: entry.claim.id, steps: $0) }
        }
        let walk = ScreenWalk(claims: claims)
        let blocked = walk.blocked
        let browser: ScreenBrowser
        switch runner.screens.mode {
        case .off(let reason): return blocked(reason)
        case .browser(let given?): browser = given
        case .browser(nil):
            browser = ownedBrowser ?? ScreenBrowser()
            ownedBrowser = browser
        }
        var screens = runner.screens.app
        var environment: CheckEnvironment?
        if screens == nil {
            do {
                environment = try await backend.makeScreenEnvironment()
            } catch {
                return blocked("the \(backend.name) backend could not start: \(ErrorWording.words(error))")
            }
            screens = environment?.screens
        }
        guard let screens else {
            if let environment { await environment.cleanup() }
            return blocked(
                "the \(backend.name) backend serves no product screens: give --app-url URL, with APP_USERNAME and "
                    + "APP_PASSWORD in the environment")
        }
        let cleanup = environment.map { backend.housekeeping.register($0.cleanup) }
        let takeScreenshots = runner.screens.screenshots != nil
        let outcomes = await ScreenBrowser.offThePool {
            do throws(WebDriverError) {
                return try browser.withSession { session in
                    let stepRunner = ScreenStepRunner(
                        session: session, appURL: screens.appURL, username: screens.username,
                        password: screens.password, zoomURL: screens.zoomURL)
                    return walk.perform(with: stepRunner, screenshots: takeScreenshots)
                }
            } catch {
                return walk.blocked("no browser to take the steps in: \(error.message)")
            }
        }
        if let cleanup { await backend.housekeeping.cleanUp(cleanup) }
        return outcomes
    }
}
