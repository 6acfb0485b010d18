import Foundation

/// A `<!-- claim: flow.name -->` comment: how a writer binds a sentence to a `verify` check.
struct ClaimMarker: Equatable {
    var id: String
    var isManual: Bool

    enum Parsed: Equatable {
        /// Not a claim comment at all (other raw HTML).
        case notAClaim
        case claim(ClaimMarker)
        /// Looks like a claim but cannot be read; the message says how to write it.
        case malformed(String)
    }

    /// Reads one raw HTML node's text.
    static func parse(_ html: String) -> Parsed {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return .notAClaim }
        let inner = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard inner.lowercased().hasPrefix("claim") else { return .notAClaim }
        let usage = "write <!-- claim: flow.name --> or <!-- claim: flow.name manual -->"
        guard inner.hasPrefix("claim:") else { return .malformed("malformed claim marker: \(usage)") }
        let words = inner.dropFirst("claim:".count).split(whereSeparator: \.isWhitespace).map(String.init)
        guard let id = words.first else { return .malformed("claim marker without an id: \(usage)") }
        guard isValidID(id) else {
            return .malformed(
                "claim id '\(id)' is not valid: use lower-case words joined by '-', "
                    + "with the flow first and a dot after it, like 'connect.redirect-to-zoom'")
        }
        switch words.dropFirst().first {
        case nil where words.count == 1: return .claim(ClaimMarker(id: id, isManual: false))
        case "manual" where words.count == 2: return .claim(ClaimMarker(id: id, isManual: true))
        default: return .malformed("unexpected text after claim id '\(id)': \(usage)")
        }
    }

    /// `flow.name` or deeper: dot-separated segments of `[a-z0-9]` words joined by `-`.
    private static func isValidID(_ id: String) -> Bool {
        let segments = id.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count >= 2 else { return false }
        return segments.allSatisfy { segment in
            let words = segment.split(separator: "-", omittingEmptySubsequences: false)
            return words.allSatisfy { word in
                !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
        }
    }
}
