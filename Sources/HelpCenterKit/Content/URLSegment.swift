import Foundation

/// Folder names and slugs become URL path segments; these rules keep them portable.
enum URLSegment {
    /// Letters, digits, `-`, `_`, `.`; never `.` or `..`.
    static func isValid(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return segment.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    /// A readable title for a folder without `_index.md`: `getting-started` -> `Getting started`.
    static func title(from segment: String) -> String {
        let words = segment.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
