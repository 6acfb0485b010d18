import Foundation
import HelpCenterKit
import ZoomAPI
import ZoomIntegration

/// Judges every claim: bound to a check, text as accepted, and (with a backend) the check's
/// verdict against that backend.
public struct VerifyRunner: Sendable {
    public let catalog: ClaimCatalog
    public let lock: VerifyLock
    public let checks: [String: Check]
    /// How the steps in the product's screens are taken: in Chromium by default.
    public var screens = ScreenOptions()

    public init(catalog: ClaimCatalog, lock: VerifyLock, checks: [String: Check] = CheckRegistry.byID) {
        self.catalog = catalog
        self.lock = lock
        self.checks = checks
    }

    /// The static part: binding and drift, no backend.
    public func lint() -> VerifyReport {
        let started = Date()
        let results = catalog.entries.map { entry in judgeStatically(entry) ?? result(entry, .bound) }
        return report("lint", started: started, results: results)
    }

    /// Runs each bound claim's check in a fresh environment of `backend`, in article order.
    /// Each environment's clean-up is kept in the backend's housekeeping while its check runs,
    /// so an interrupted run can still clean up.
    public func run(
        backend: any VerifyBackend, progress: @Sendable (ClaimResult) -> Void = { _ in }
    ) async -> VerifyReport {
        let started = Date()
        var results: [ClaimResult] = []
        let browser = ScreenWalkRunner(runner: self, backend: backend)
        defer { browser.finish() }
        for entry in catalog.entries {
            if backend.housekeeping.stopRequested { break }
            var outcome: ClaimResult
            if let verdict = judgeStatically(entry) {
                outcome = verdict
            } else if let check = checks[entry.claim.id] {
                outcome = await execute(check, for: entry, on: backend)
                // A step also taken in the screens holds only if it holds there too.
                if screenSteps(entry) != nil { outcome = Self.both(outcome, await browser.outcome(of: entry)) }
            } else {
                outcome = await browser.outcome(of: entry)
            }
            progress(outcome)
            results.append(outcome)
        }
        var finished = report(backend.name, started: started, results: results)
        finished.screenStepsSeconds = browser.seconds
        finished.screenshotFolder = browser.wroteScreenshots ? screens.screenshots?.path : nil
        return finished
    }

    /// Whether the claim `id` is taken as steps in the product's screens.
    public func isScreenStep(_ id: String) -> Bool {
        catalog.entries.contains { $0.claim.id == id && !$0.claim.isManual && screenSteps($0) != nil }
    }

    /// The screen steps the grammar reads in a claim's sentence, whether or not a Swift check
    /// is bound to it too.
    func screenSteps(_ entry: ClaimCatalog.Entry) -> [ScreenStep]? {
        ScreenStepGrammar.steps(of: entry.claim.text)
    }

    /// One verdict from a claim's Swift check and its steps in the screens: failed if either
    /// failed, else blocked if either was, else verified; the evidence of both.
    static func both(_ check: ClaimResult, _ screens: ClaimResult) -> ClaimResult {
        var combined = check
        let rank: (ClaimResult) -> Int = { $0.isRed ? 2 : $0.verdict == .blocked ? 1 : 0 }
        let worse = rank(screens) > rank(check) ? screens : check
        combined.verdict = worse.verdict
        combined.detail = [check, screens].filter { rank($0) == rank(worse) }.compactMap(\.detail).joined(
            separator: "; ")
        if combined.detail?.isEmpty == true { combined.detail = nil }
        combined.retryAt = check.retryAt
        combined.evidence = check.evidence + screens.evidence
        combined.screenshot = screens.screenshot
        return combined
    }

    /// Manual, duplicate and unbound claims need no backend to judge.
    private func judgeStatically(_ entry: ClaimCatalog.Entry) -> ClaimResult? {
        if catalog.duplicateIDs.contains(entry.claim.id) {
            return result(entry, .duplicate, detail: "the id '\(entry.claim.id)' marks more than one claim")
        }
        if entry.claim.isManual { return result(entry, .manual) }
        if checks[entry.claim.id] == nil && screenSteps(entry) == nil {
            return result(entry, .unbound, detail: Self.unboundDetail)
        }
        return nil
    }

    private func execute(_ check: Check, for entry: ClaimCatalog.Entry, on backend: any VerifyBackend) async
        -> ClaimResult
    {
        let environment: CheckEnvironment
        do {
            environment = try await backend.makeEnvironment()
        } catch {
            return result(
                entry, .blocked, detail: "the \(backend.name) backend could not start: \(ErrorWording.words(error))")
        }
        let cleanup = backend.housekeeping.register(environment.cleanup)
        let context = CheckContext(environment: environment)
        var outcome: ClaimResult
        do {
            try await check.run(context)
            outcome =
                context.assertions == 0
                ? result(entry, .noAssertion, detail: "the check made no assertion")
                : result(entry, .verified)
        } catch let failure as CheckFailure {
            outcome = result(entry, .failed, detail: failure.description)
        } catch {
            if let blocked = CheckBlocked.from(error) {
                outcome = result(entry, .blocked, detail: blocked.description)
                outcome.retryAt = blocked.retryAt.map(ZoomTime.format)
            } else {
                outcome = result(entry, .failed, detail: "the check stopped: \(ErrorWording.words(error))")
            }
        }
        outcome.evidence = context.evidence
        await backend.housekeeping.cleanUp(cleanup)
        return outcome
    }

    func result(_ entry: ClaimCatalog.Entry, _ verdict: ClaimResult.Verdict, detail: String? = nil)
        -> ClaimResult
    {
        let claim = entry.claim
        return ClaimResult(
            id: claim.id, verdict: verdict, drift: !lock.accepts(claim), text: claim.text, textHash: claim.textHash,
            file: claim.location.path, line: claim.location.line ?? 1, page: entry.page, detail: detail, retryAt: nil,
            evidence: [])
    }

    private func report(_ backend: String, started: Date, results: [ClaimResult]) -> VerifyReport {
        let claimed = Set(catalog.entries.map(\.claim.id))
        let formatter = ISO8601DateFormatter()
        return VerifyReport(
            backend: backend, startedAt: formatter.string(from: started),
            durationSeconds: Date().timeIntervalSince(started), claims: results,
            orphans: checks.keys.filter { !claimed.contains($0) }.sorted(), warnings: undocumentedCauses(claimed))
    }

    /// What a writer learns from an unbound claim: the two ways to bind one.
    private static let unboundDetail =
        "no check is registered for this claim, and it is not a step in the product's screens that verify "
        + "can take (see the step grammar in the README: 'Log in to your … account', 'click the X icon', "
        + "'Scroll to X and click it', 'Locate X and click Y', 'Go to A → B', 'Find the X', "
        + "'Click the X icon next to the Y'); reword it, register a check, or mark it manual"

    /// Every cause the integration can diagnose that no Troubleshooting claim documents.
    private func undocumentedCauses(_ claimed: Set<String>) -> [String] {
        TroubleshootingCondition.allCases.filter { !claimed.contains($0.documentingClaim) }.map {
            "undocumented cause: \($0.causeName): the integration diagnoses it, but no claim "
                + "'\($0.documentingClaim)' documents it in the Troubleshooting section"
        }
    }
}
