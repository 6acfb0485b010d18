/// What an article page says about its verification, in the site's chosen display: the line
/// under the title, the label of each ✓ mark, and (for readers) the list of statements.
struct VerificationNotice: Sendable {
    let results: VerificationResults
    let display: VerificationDisplay

    /// Nothing to show when the display is off or no statement of the article was checkable.
    func value(for claims: [Claim]) -> TemplateValue? {
        let checked = claims.filter { !$0.isManual }
        guard display != .off, !checked.isEmpty else { return nil }
        let verified = checked.filter { results.status(of: $0) == .verified }.count
        var value: [String: TemplateValue] = ["complete": .bool(verified == checked.count)]
        if display == .qa {
            value["line"] = .string(
                qaLine(verified: verified, checked: checked.count, manual: claims.count - checked.count))
        } else {
            let statements = Self.statements(claims, results)
            value["line"] = .string(readersLine(statements.map(\.status)))
            value["readers"] = .bool(true)
            value["method"] = .string(method)
            value["statements"] = .array(
                statements.map { statement in
                    .dictionary([
                        "text": .string(statement.text), "status": .string(statement.status.rawValue),
                        "verdict": .string(statement.status.readerWords),
                    ])
                })
        }
        return .dictionary(value)
    }

    /// The accessible name and tooltip of the ✓ after a verified sentence.
    var markLabel: String {
        switch display {
        case .qa: "Verified against Zoom (\(results.backend)) on \(results.displayDate)"
        case .readers, .off: "Held when tested against \(target) on \(results.displayDate)"
        }
    }

    // MARK: QA

    /// "Verified against Zoom (mock) on 2 December 2026: 17 of 17 claims; 7 steps in the
    /// product's screens are checked by hand."
    private func qaLine(verified: Int, checked: Int, manual: Int) -> String {
        "Verified against Zoom (\(results.backend)) on \(results.displayDate): \(verified) of \(checked) claims"
            + (manual > 0 ? "; \(manual) steps in the product's screens are checked by hand" : "") + "."
    }

    // MARK: Readers

    /// What was tested against, in words a customer reads: a test against a simulation must
    /// never read as one against the live product.
    private var target: String {
        switch results.backend {
        case "live": "the live Zoom service"
        case "mock": "a simulation of Zoom (not the live Zoom service)"
        case "url": "a Zoom test server (not the live Zoom service)"
        default: "Zoom (\(results.backend))"
        }
    }

    /// Counted by sentence, as a reader sees them: two claims on one sentence are one statement.
    private func readersLine(_ statuses: [ClaimStatus]) -> String {
        let count = { (status: ClaimStatus) in statuses.filter { $0 == status }.count }
        let tested = statuses.count - count(.manual)
        let outcome =
            count(.verified) == tested
            ? (tested == 1 ? "it held" : "all \(tested) held")
            : [
                (count(.verified), "held"), (count(.failed), "did not hold"),
                (count(.blocked), "could not be tested at the time"),
                (count(.untested), "not yet tested in their current wording"),
            ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        var line =
            "On \(results.displayDate) we tested \(tested == 1 ? "1 statement" : "\(tested) statements") "
            + "of this article against \(target): \(outcome)."
        switch count(.manual) {
        case 0: break
        case 1: line += " The 1 step in the product's screens is not tested automatically."
        case let manual: line += " The \(manual) steps in the product's screens are not tested automatically."
        }
        return line
    }

    private var method: String {
        "We test each statement by doing what it describes against \(target) and checking that the product "
            + "behaves as the sentence says. A ✓ after a sentence in the article means it held as written."
    }

    /// Each distinct sentence once, in article order, with the worst outcome of its claims.
    private static func statements(_ claims: [Claim], _ results: VerificationResults) -> [(
        text: String, status: ClaimStatus
    )] {
        var order: [String] = []
        var worst: [String: ClaimStatus] = [:]
        for claim in claims {
            let status = results.status(of: claim)
            if worst[claim.text] == nil { order.append(claim.text) }
            worst[claim.text] = max(worst[claim.text] ?? status, status)
        }
        return order.map { ($0, worst[$0] ?? .untested) }
    }
}
