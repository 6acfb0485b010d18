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
        let source = text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var bytes = Array(source.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 10 }.map { $0 + 1 }
        func line(_ index: Int) -> Substring {
            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
            return Substring(decoding: bytes[lineStarts[index]..<end], as: UTF8.self)
        }
        guard isFence(line(0), allowDots: false) else {
            throw HelpCenterError(
                .error(
                    "missing front matter: start the file with a '---' line, then YAML with at least "
                        + "'title: ...', then another '---' line",
                    at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let closing = (1..<lineStarts.count).first(where: { isFence(line($0), allowDots: true) }) else {
            throw HelpCenterError(
                .error(
                    "front matter is not closed: add a '---' line after the YAML block that starts here",
                    at: SourceLocation(path: path, line: 1, column: 1)))
        }
        // The YAML is lines 1..<closing; the newline before the closing fence is not part of it.
        let yaml = closing > 1 ? String(decoding: bytes[lineStarts[1]..<(lineStarts[closing] - 1)], as: UTF8.self) : ""
        let bodyStart = closing + 1 < lineStarts.count ? lineStarts[closing + 1] : bytes.count
        let body = String(decoding: bytes[bodyStart...], as: UTF8.self)
        return Parts(yaml: yaml, body: body, bodyLineOffset: closing + 1)
    }

    /// `---` (or `...` to close, as YAML allows), ignoring trailing spaces and a CR.
    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var fence = line
        while let last = fence.last, last == " " || last == "\t" || last == "\r" { fence = fence.dropLast() }
        return fence == "---" || (allowDots && fence == "...")
    }
}
