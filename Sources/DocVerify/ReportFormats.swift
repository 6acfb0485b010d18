import Foundation
import HelpCenterKit

/// The ways a report is written out: canonical JSON, JUnit XML, console lines.
extension VerifyReport {
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    public static func decode(_ data: Data) throws -> VerifyReport {
        try JSONDecoder().decode(VerifyReport.self, from: data)
    }

    /// JUnit XML: one test case per claim, with file and line; each case's `<system-out>` holds
    /// the sentence and what was observed, so a CI test view shows what was checked. Manual
    /// cases are skipped, saying why; red ones fail with "expected …, observed …".
    public func junit() -> String {
        let failures = claims.filter(\.isRed).count + orphans.count
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml +=
            #"<testsuite name="verify (\#(backend))" tests="\#(claims.count + orphans.count)" failures="\#(failures)" "#
        xml += #"errors="\#(count(.blocked))" skipped="\#(count(.manual))" "#
        xml += #"time="\#(String(format: "%.3f", durationSeconds))">"# + "\n"
        for claim in claims {
            xml += #"  <testcase classname="\#(escape(claim.file))" name="\#(escape(claim.id))" "#
            xml += #"file="\#(escape(claim.file))" line="\#(claim.line)">"# + "\n"
            if claim.verdict == .manual && !claim.drift {
                xml += #"    <skipped message="\#(escape(ClaimResult.manualReason))"/>"# + "\n"
            } else if claim.verdict == .blocked && !claim.drift {
                // Could not run: an error, not a failure of the product.
                xml += #"    <error type="blocked" message="\#(escape("blocked: " + (claim.detail ?? "")))"/>"# + "\n"
            } else if claim.isRed {
                xml += #"    <failure message="\#(escape(claim.failureMessage))">"#
                xml += escape(claim.detail ?? claim.failureMessage) + "</failure>\n"
            }
            xml += "    <system-out>" + escape(systemOut(claim)) + "</system-out>\n"
            xml += "  </testcase>\n"
        }
        for orphan in orphans {
            xml += #"  <testcase classname="verify" name="\#(escape(orphan))">"# + "\n"
            xml +=
                #"    <failure message="expected a claim in an article for this check, observed none">"#
                + "a check exists but no article claims it; claim it or remove the check</failure>\n  </testcase>\n"
        }
        if !warnings.isEmpty {
            xml +=
                "  <system-err>" + escape(warnings.map { "warning: \($0)" }.joined(separator: "\n")) + "</system-err>\n"
        }
        return xml + "</testsuite>\n"
    }

    /// The sentence, where it is and against what, then every observation in order.
    private func systemOut(_ claim: ClaimResult) -> String {
        var lines = ["“\(claim.text)”", "\(claim.file):\(claim.line) · \(claim.verdict.rawValue) · backend \(backend)"]
        lines += claim.evidence.map(\.line)
        return lines.joined(separator: "\n")
    }

    private func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    /// One line per claim: verdict, id, location, the full text; then why, when red, and with
    /// `evidence`, what was observed.
    public static func consoleLines(_ claim: ClaimResult, evidence: Bool = false) -> [String] {
        let mark: String
        switch claim.verdict {
        case .verified, .bound:
            mark =
                claim.drift
                ? "✘ drift   " : "✔ \(claim.verdict.rawValue)".padding(toLength: 10, withPad: " ", startingAt: 0)
        case .manual: mark = claim.drift ? "✘ drift   " : "◇ manual  "
        case .blocked: mark = claim.drift ? "✘ drift   " : "⊘ blocked "
        default: mark = "✘ \(claim.verdict.rawValue)".padding(toLength: 10, withPad: " ", startingAt: 0)
        }
        var lines = ["\(mark) \(claim.id)  \(claim.file):\(claim.line)  “\(claim.text)”"]
        if let detail = claim.detail, claim.isRedIgnoringDrift || claim.verdict == .blocked {
            lines.append("           \(detail)")
        }
        if claim.drift {
            lines.append(
                "           drift: the text differs from verify.lock; review it, then run 'verify accept \(claim.id)'")
        }
        if evidence { lines += claim.evidence.map { "             \($0.line)" } }
        return lines
    }
}

extension ClaimResult {
    /// Red for a reason other than drift.
    var isRedIgnoringDrift: Bool { [.failed, .noAssertion, .unbound, .duplicate].contains(verdict) }

    static let manualReason = "manual: a step in the product's screens, checked by a person, not by verify"

    /// Why a red claim is red, as "expected …, observed …".
    var failureMessage: String {
        if verdict == .failed, let failed = evidence.last(where: { $0.held == false }) {
            return "expected \(failed.expected ?? failed.expectation ?? "it to hold"), observed \(failed.observed)"
        }
        switch verdict {
        case .failed: return "expected the check to run to its end, observed: \(detail ?? "it stopped")"
        case .noAssertion: return "expected at least one assertion, observed none: the check proves nothing"
        case .unbound: return "expected a check registered for this claim, observed none"
        case .duplicate: return "expected one claim per id, observed '\(id)' on more than one claim"
        default:
            return "expected the text accepted in verify.lock, observed other words; "
                + "review them, then run 'verify accept \(id)'"
        }
    }
}
