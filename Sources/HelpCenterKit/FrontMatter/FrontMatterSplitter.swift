import Foundation

/// Finds the `---` fenced YAML block at the top of a Markdown file.
///
/// Kept apart from YAML parsing so the error for a missing or unclosed fence can name the
/// exact line, before any YAML is read.
enum FrontMatterSplitter {
    struct Parts {
        /// The YAML between the fences.
        var yaml: String
        /// The Markdown after the closing fence.
        var body: String
        /// File lines before the body (the fences and the YAML).
        var bodyLineOffset: Int
    }

    static func split(_ text: String, path: String) throws(HelpCenterError) -> Parts {
        // Swift reads "\r\n" as one Character, so Windows line endings are normalised first.
        let normalized = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = first.dropFirst()
        }
        guard let first = lines.first, isFence(first, allowDots: false) else {
            throw HelpCenterError(
                .error(
                    "missing front matter: start the file with a '---' line, then YAML with at least "
                        + "'title: ...', then another '---' line",
                    at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0], allowDots: true) }) else {
            throw HelpCenterError(
                .error(
                    "front matter is not closed: add a '---' line after the YAML block that starts here",
                    at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return Parts(yaml: yaml, body: body, bodyLineOffset: closing + 1)
    }

    /// `---` (or `...` to close, as YAML allows), ignoring trailing spaces and a CR.
    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var fence = line
        while let last = fence.last, last == " " || last == "\t" || last == "\r" { fence = fence.dropLast() }
        return fence == "---" || (allowDots && fence == "...")
    }
}
