import Foundation

/// The canonical result of a `verify` run; JUnit XML, the console lines and the site's badges
/// are all derived from it.
public struct VerifyReport: Sendable, Hashable, Codable {
    /// 2: evidence is a list of observations (expectation, observed, held), not of strings.
    public var version = 2
    /// `mock`, `url`, `live`, or `lint` for the static pass.
    public var backend: String
    /// ISO-8601, UTC.
    public var startedAt: String
    public var durationSeconds: Double
    public var claims: [ClaimResult]
    /// Checks with no claim in the articles.
    public var orphans: [String]
    /// Worth a writer's look, never red: causes the integration diagnoses that the
    /// Troubleshooting section does not list.
    public var warnings: [String] = []
    /// Wall time of the steps in the product's screens, browser start included; `nil` when none ran.
    public var screenStepsSeconds: Double?
    /// The folder of the screenshots named by `ClaimResult.screenshot`, relative to the report's
    /// own folder once written (`verify --screenshots`).
    public var screenshotFolder: String?

    /// Nothing red: every claim verified, blocked or manual (or bound, for lint), no drift, no orphan.
    public var passed: Bool { orphans.isEmpty && claims.allSatisfy { !$0.isRed } }

    /// verify's exit status: 0 all verified, 1 anything red, 3 nothing red but some blocked.
    public var exitStatus: Int32 {
        if !passed { return 1 }
        return count(.blocked) > 0 ? 3 : 0
    }

    public func count(_ verdict: ClaimResult.Verdict) -> Int { claims.filter { $0.verdict == verdict }.count }
    public var driftCount: Int { claims.filter(\.drift).count }

    public var summary: String {
        var parts = [
            "\(count(.verified)) verified", "\(count(.failed) + count(.noAssertion)) failed",
            "\(count(.manual)) manual",
        ]
        if count(.blocked) > 0 { parts.insert("\(count(.blocked)) blocked", at: 2) }
        if backend == "lint" { parts[0] = "\(count(.bound)) bound" }
        parts += ["\(driftCount) drift", "\(count(.unbound)) unbound", "\(orphans.count) orphan"]
        if count(.duplicate) > 0 { parts.append("\(count(.duplicate)) duplicate") }
        return parts.joined(separator: ", ") + " · backend \(backend) · \(String(format: "%.2f", durationSeconds)) s"
    }
}

/// One claim's verdict, where it is, and the evidence.
public struct ClaimResult: Sendable, Hashable, Codable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        case verified, failed, manual, unbound, duplicate
        /// Could not be checked now (a Zoom limit, Zoom unreachable): neither true nor false.
        case blocked
        /// The check ran but asserted nothing: it proves nothing.
        case noAssertion = "no-assertion"
        /// `verify lint` only: a check exists for it.
        case bound
    }

    public var id: String
    public var verdict: Verdict
    /// The text differs from `verify.lock`.
    public var drift: Bool
    public var text: String
    public var textHash: String
    public var file: String
    public var line: Int
    /// The article's URL path.
    public var page: String
    /// Why it failed (what was expected and what happened), or why it is blocked.
    public var detail: String?
    /// For a blocked claim: when trying again can succeed (ISO 8601), when known.
    public var retryAt: String?
    /// What the check observed, in order, whether each expectation held or not.
    public var evidence: [Observation]
    /// A step in the product's screens: its screenshot's file name in the report's screenshot folder.
    public var screenshot: String? = nil

    public var isRed: Bool {
        drift || [.failed, .noAssertion, .unbound, .duplicate].contains(verdict)
    }
}
