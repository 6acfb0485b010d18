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
        var bytes = Array(text.utf8)
        // Swift reads "\r\n" as one Character, so Windows line endings are normalised first.
        if bytes.contains(13) { bytes = ByteReplacement.replace([13, 10], with: [10], in: bytes) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Lines are found one at a time up to the closing fence: the body is not scanned.
        func lineEnd(from start: Int) -> Int { bytes[start...].firstIndex(of: 10) ?? bytes.count }
        var end = lineEnd(from: 0)
        guard isFence(bytes[0..<end], allowDots: false) else {
            throw HelpCenterError(
                .error(
                    "missing front matter: start the file with a '---' line, then YAML with at least "
                        + "'title: ...', then another '---' line",
                    at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let yamlStart = end + 1
        var line = 0
        while end < bytes.count {
            let start = end + 1
            end = lineEnd(from: start)
            line += 1
            guard isFence(bytes[start..<end], allowDots: true) else { continue }
            // The YAML is the lines before this one; the newline before the fence is not part of it.
            let yaml = line > 1 ? String(decoding: bytes[yamlStart..<(start - 1)], as: UTF8.self) : ""
            let body = String(decoding: bytes[min(end + 1, bytes.count)...], as: UTF8.self)
            return Parts(yaml: yaml, body: body, bodyLineOffset: line + 1)
        }
        throw HelpCenterError(
            .error(
                "front matter is not closed: add a '---' line after the YAML block that starts here",
                at: SourceLocation(path: path, line: 1, column: 1)))
    }

    /// `---` (or `...` to close, as YAML allows), ignoring trailing spaces and a CR.
    private static func isFence(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var fence = line
        while let last = fence.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == 13 {
            fence = fence.dropLast()
        }
        return fence.elementsEqual("---".utf8) || (allowDots && fence.elementsEqual("...".utf8))
    }
}
