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

    /// JUnit XML: one test case per claim (manual ones skipped), with file and line.
    public func junit() -> String {
        let failures = claims.filter(\.isRed).count + orphans.count
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml +=
            #"<testsuite name="verify (\#(backend))" tests="\#(claims.count + orphans.count)" failures="\#(failures)" "#
        xml += #"skipped="\#(count(.manual))" time="\#(String(format: "%.3f", durationSeconds))">"# + "\n"
        for claim in claims {
            xml +=
                #"  <testcase classname="\#(MarkupEscaping.escape(claim.file))" name="\#(MarkupEscaping.escape(claim.id))" "#
            xml += #"file="\#(MarkupEscaping.escape(claim.file))" line="\#(claim.line)">"# + "\n"
            if claim.verdict == .manual {
                xml += "    <skipped message=\"manual: checked by a person in the product's UI\"/>\n"
            } else if claim.isRed {
                let message =
                    claim.drift && !claim.isRedIgnoringDrift
                    ? "drift: text differs from verify.lock" : claim.verdict.rawValue
                xml +=
                    #"    <failure message="\#(MarkupEscaping.escape(message))">\#(MarkupEscaping.escape(claim.detail ?? claim.text))</failure>"#
                    + "\n"
            }
            xml += "  </testcase>\n"
        }
        for orphan in orphans {
            xml += #"  <testcase classname="verify" name="\#(MarkupEscaping.escape(orphan))">"# + "\n"
            xml +=
                #"    <failure message="orphan">a check exists but no article claims it</failure>"#
                + "\n  </testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

    /// One line per claim: verdict, id, location, the full text; then why, when red.
    public static func consoleLines(_ claim: ClaimResult) -> [String] {
        let mark: String
        switch claim.verdict {
        case .verified, .bound:
            mark =
                claim.drift
                ? "✘ drift   " : "✔ \(claim.verdict.rawValue)".padding(toLength: 10, withPad: " ", startingAt: 0)
        case .manual: mark = claim.drift ? "✘ drift   " : "◇ manual  "
        default: mark = "✘ \(claim.verdict.rawValue)".padding(toLength: 10, withPad: " ", startingAt: 0)
        }
        var lines = ["\(mark) \(claim.id)  \(claim.file):\(claim.line)  “\(claim.text)”"]
        if let detail = claim.detail, claim.isRedIgnoringDrift { lines.append("           \(detail)") }
        if claim.drift {
            lines.append(
                "           drift: the text differs from verify.lock; review it, then run 'verify accept \(claim.id)'")
        }
        return lines
    }
}

extension ClaimResult {
    /// Red for a reason other than drift.
    var isRedIgnoringDrift: Bool { [.failed, .noAssertion, .unbound, .duplicate].contains(verdict) }
}
