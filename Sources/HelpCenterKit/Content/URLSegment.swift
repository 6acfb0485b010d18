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

    /// A folder or file name as its URL segment, as Hugo writes it: lower-cased, with each run
    /// of spaces a `-` (`Getting Started` -> `getting-started`).
    static func urlForm(_ name: String) -> String {
        guard mayChange(name, percent: false) else { return name }
        return name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
    }

    /// A page's path with every segment in `urlForm`, as pages are published: a link written
    /// with the folder's own spelling (`/Billing/Refunds/`) finds the page.
    static func urlPath(_ path: String) -> String {
        guard mayChange(path, percent: true) else { return path }
        let decoded = path.removingPercentEncoding ?? path
        return decoded.split(separator: "/", omittingEmptySubsequences: false).map { urlForm(String($0)) }.joined(
            separator: "/")
    }

    /// Whether `text` has what the URL form changes: a capital, a space, a non-ASCII byte (which
    /// may lower-case) or, for a path, a `%` escape. Most names have none: they are kept as they are.
    private static func mayChange(_ text: String, percent: Bool) -> Bool {
        text.utf8.contains { (0x41...0x5A).contains($0) || $0 == 0x20 || $0 >= 0x80 || (percent && $0 == 0x25) }
    }

    /// A readable title for a folder without `_index.md`: `getting-started` -> `Getting started`.
    static func title(from segment: String) -> String {
        let words = segment.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
