import Foundation

/// Hugo's shortcodes in a body moved over from a Hugo site: `ref` and `relref` become the `.md`
/// path they name, so the link is resolved and checked like any file link; the escaped form
/// (`{{</* x */>}}`) shows as Hugo shows it (`{{< x >}}`); every other shortcode stays text, with
/// a warning at its line and column naming it, so nothing is lost without a word.
struct HugoShortcodes {
    /// The body to render, and a warning per unsupported shortcode.
    var markdown: String
    var warnings: [Diagnostic]
    /// Where a `ref` was replaced by a shorter path, by file line: the column (in the new
    /// text) after which columns moved left, and by how many bytes.
    private var shifts: [Int: [(column: Int, bytes: Int)]] = [:]

    /// `{{< name args >}}` or `{{% name args %}}`, a closing `/name` too.
    private nonisolated(unsafe) static let shortcode =
        /\{\{(?<open>[<%])[ \t]*(?<closing>\/?)[ \t]*(?<name>[A-Za-z0-9_][A-Za-z0-9_.\/-]*)(?<arguments>[^\n]*?)[ \t]*[>%]\}\}/

    /// - Parameters:
    ///   - resolveReference: the `.md` link for a `ref`'s argument (its path, `#anchor` kept).
    init(
        _ body: String, path: String, lineOffset: Int, resolveReference: (String) -> String
    ) {
        guard ByteSearch.contains(body, UInt8(ascii: "{"), UInt8(ascii: "{")) else {
            self.markdown = body
            self.warnings = []
            return
        }
        var warnings: [Diagnostic] = []
        var result = ""
        var copied = body.startIndex
        var line = 1
        var lineStart = body.startIndex
        var counted = body.startIndex
        for match in body.matches(of: Self.shortcode) {
            // Positions are reported in the body as written, before any replacement.
            for index in body[counted..<match.range.lowerBound].indices where body[index] == "\n" {
                line += 1
                lineStart = body.index(after: index)
            }
            counted = match.range.lowerBound
            let name = String(match.name)
            let isReference = name == "ref" || name == "relref"
            if isReference, match.closing.isEmpty, let argument = Self.firstArgument(match.arguments) {
                result += Self.unescaped(body[copied..<match.range.lowerBound])
                let link = resolveReference(argument)
                let resultLineStart = result.utf8.lastIndex(of: UInt8(ascii: "\n")).map { result.utf8.index(after: $0) }
                let column = result.utf8.distance(
                    from: resultLineStart ?? result.utf8.startIndex, to: result.utf8.endIndex)
                result += link
                shifts[line + lineOffset, default: []].append(
                    (column + link.utf8.count, body[match.range].utf8.count - link.utf8.count))
                copied = match.range.upperBound
            } else if match.closing.isEmpty, !isReference {
                let column = body.utf8.distance(from: lineStart, to: match.range.lowerBound) + 1
                let shown = match.open == "<" ? "{{< \(name) >}}" : "{{% \(name) %}}"
                warnings.append(
                    .warning(
                        "shortcode \(shown) is not supported: it is shown as text",
                        at: SourceLocation(path: path, line: line + lineOffset, column: column)))
            }
        }
        result += Self.unescaped(body[copied...])
        self.markdown = result
        self.warnings = warnings
    }

    /// `location` in the rendered text moved back to where it is in the file as written.
    func original(_ location: SourceLocation) -> SourceLocation {
        guard let line = location.line, let column = location.column, let moved = shifts[line] else { return location }
        let bytes = moved.filter { $0.column < column }.reduce(0) { $0 + $1.bytes }
        return SourceLocation(path: location.path, line: line, column: column + bytes)
    }

    /// The first argument, quoted (`"a b.md"`) or bare, or `path="…"` by name.
    private static func firstArgument(_ arguments: Substring) -> String? {
        let trimmed = arguments.drop { $0 == " " || $0 == "\t" }
        let value = trimmed.hasPrefix("path=") ? trimmed.dropFirst(5) : trimmed
        if let quote = value.first, quote == "\"" || quote == "`" {
            let inside = value.dropFirst()
            guard let end = inside.firstIndex(of: quote) else { return nil }
            return String(inside[..<end])
        }
        let bare = value.prefix { $0 != " " && $0 != "\t" }
        return bare.isEmpty ? nil : String(bare)
    }

    private static func unescaped(_ text: Substring) -> String {
        guard text.contains("/*") || text.contains("*/") else { return String(text) }
        var result = String(text)
        for (escaped, shown) in [("{{</*", "{{<"), ("*/>}}", ">}}"), ("{{%/*", "{{%"), ("*/%}}", "%}}")] {
            result = result.replacingOccurrences(of: escaped, with: shown)
        }
        return result
    }
}
