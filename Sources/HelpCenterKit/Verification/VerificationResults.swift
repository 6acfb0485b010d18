import Foundation

/// What `verify --report` found, as the site shows it: which claims were verified, against
/// which backend, when. Only the fields the site needs are read.
public struct VerificationResults: Sendable, Hashable, Codable {
    public struct ClaimOutcome: Sendable, Hashable, Codable {
        public var id: String
        public var verdict: String
        public var textHash: String
        public var drift: Bool
        /// A step in the product's screens: its screenshot's file name in `screenshotFolder`.
        public var screenshot: String?
    }

    public var backend: String
    public var startedAt: String
    public var claims: [ClaimOutcome]
    /// Where the screenshots are, relative to the report's folder (or absolute).
    public var screenshotFolder: String?
    /// Each screenshot's size in pixels by claim id, read with the pictures (not in the report).
    var screenshotSizes: [String: PixelSize] = [:]

    struct PixelSize: Sendable, Hashable {
        var width: Int
        var height: Int
    }

    private enum CodingKeys: String, CodingKey {
        case backend, startedAt, claims, screenshotFolder
    }

    /// Reads a report written by `verify --report`.
    public static func load(path: String) throws(HelpCenterError) -> VerificationResults {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(VerificationResults.self, from: data)
        } catch {
            throw HelpCenterError(
                .error(
                    "cannot read the verification report: \(error.localizedDescription); "
                        + "write one with 'verify --report FILE'", at: SourceLocation(path: path)))
        }
    }

    /// Whether `claim` was verified with exactly its current text.
    public func verified(_ claim: Claim) -> Bool {
        claims.contains { $0.id == claim.id && $0.verdict == "verified" && !$0.drift && $0.textHash == claim.textHash }
    }

    /// The screenshot of `claim`'s step, when the report has one for exactly this wording.
    func screenshot(of claim: Claim) -> (asset: String, size: PixelSize)? {
        guard verified(claim), let size = screenshotSizes[claim.id] else { return nil }
        return (StepScreenshots.assetPath(claim.id), size)
    }

    /// `25 November 2026`, from the run's start.
    var displayDate: String {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: startedAt).map(PageContext.displayDate) ?? startedAt
    }
}
