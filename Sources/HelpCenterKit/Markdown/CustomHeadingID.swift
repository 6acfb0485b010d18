import Foundation

/// A writer-chosen heading id at the end of a heading: `## Connecting Zoom {#connect}`.
struct CustomHeadingID {
    var id: String
    /// The heading text before the `{#id}`, trailing spaces removed.
    var keptText: String
    var keptByteCount: Int { keptText.utf8.count }

    init?(_ text: String) {
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let id = text[open.upperBound..<text.index(before: text.endIndex)]
        let allowed = id.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:".unicodeScalars.contains($0)
        }
        guard !id.isEmpty, allowed else { return nil }
        self.id = String(id)
        var kept = text[..<open.lowerBound]
        while let last = kept.last, last == " " || last == "\t" { kept = kept.dropLast() }
        self.keptText = String(kept)
    }
}
