/// One claim's outcome as a page shows it: the report's verdict for exactly the text on the
/// page (a report for other words proves nothing about these).
enum ClaimStatus: String, Sendable, Hashable, Comparable {
    case verified
    /// A step in the product's screens, marked `manual`: no machine checked it.
    case manual
    /// The report has no outcome for this wording: new, changed, unbound or not run.
    case untested
    /// Could not be checked at the time (a Zoom limit, an outage, no credentials).
    case blocked
    /// The product contradicted the sentence.
    case failed

    /// The worst first when several claims share one sentence.
    static func < (lhs: ClaimStatus, rhs: ClaimStatus) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .verified: 0
        case .manual: 1
        case .untested: 2
        case .blocked: 3
        case .failed: 4
        }
    }

    /// What a reader is told for a sentence in this state.
    var readerWords: String {
        switch self {
        case .verified: "Held when tested"
        case .manual: "A step in the product's screens, not tested automatically"
        case .untested: "Not yet tested in this wording"
        case .blocked: "Could not be tested at the time"
        case .failed: "Did not hold when tested"
        }
    }
}

extension VerificationResults {
    /// What the report says of `claim`, as written on the page.
    func status(of claim: Claim) -> ClaimStatus {
        if claim.isManual { return .manual }
        guard let outcome = claims.first(where: { $0.id == claim.id && $0.textHash == claim.textHash }),
            !outcome.drift
        else { return .untested }
        switch outcome.verdict {
        case "verified": return .verified
        case "blocked": return .blocked
        case "failed", "no-assertion": return .failed
        default: return .untested
        }
    }
}
