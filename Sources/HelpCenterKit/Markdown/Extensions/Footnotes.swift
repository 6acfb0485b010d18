internal import CCmark

/// GitHub Flavored Markdown's footnotes on top of cmark, which has none: definitions
/// (`[^label]: text`, with indented blocks after it) are read from the body's lines and taken
/// out of it, each parsed on its own later; references (`[^label]`) stay text for cmark and are
/// written as links by the walk (`HTMLRenderWalk+Footnotes`).
struct Footnotes {
    /// One definition: its Markdown, indentation taken off, and the body line it starts on.
    struct Definition {
        var markdown: String
        var line: Int
    }

    /// The definitions, by label (case-folded, as GFM matches labels).
    var definitions: [String: Definition]
    /// The body with each definition's lines emptied (its first line an unused link reference
    /// definition, so the blocks around it stay apart), to be parsed again.
    var remainingMarkdown: String

    /// The footnote definitions of `markdown`, parsed as `document`; `nil` when it has none.
    /// A definition starts a top-level block (a paragraph, or a line cmark took as a link
    /// reference definition); it runs over its paragraph's lines, then over blank lines and
    /// lines indented 4 or more, and ends at the next definition.
    init?(_ markdown: String, document: CmarkNode) {
        // Line endings as cmark's: `\r\n` is one Character to Swift, so it is named.
        var lines = markdown.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        var paragraphs: [Int: Int] = [:]
        var covered = Set<Int>()
        var child = document.firstChild
        while let block = child {
            let last = Int(cmark_node_get_end_line(block.pointer))
            if block.type == CMARK_NODE_PARAGRAPH { paragraphs[block.line] = last }
            if block.line >= 1, last >= block.line { covered.formUnion(block.line...last) }
            child = block.next
        }
        var definitions: [String: Definition] = [:]
        var number = 1
        var startsHere = false
        while number <= lines.count {
            let isStart = startsHere || paragraphs[number] != nil || !covered.contains(number)
            startsHere = false
            guard isStart, let (label, first) = Self.start(lines[number - 1]) else {
                number += 1
                continue
            }
            var end = max(paragraphs[number] ?? number, number)
            if let next = ((number + 1)...max(end, number + 1)).first(where: {
                $0 <= end && $0 <= lines.count && Self.start(lines[$0 - 1]) != nil
            }) {
                end = next - 1
                startsHere = true
            } else {
                while end < lines.count, Self.isBlank(lines[end]) || Self.indent(lines[end]) >= 4 { end += 1 }
                while end > number, Self.isBlank(lines[end - 1]) { end -= 1 }
            }
            let body = [Substring(first)] + lines[number..<end].map { Self.dropIndent($0) }
            if definitions[label] == nil {
                definitions[label] = Definition(markdown: body.joined(separator: "\n") + "\n", line: number)
            }
            lines[number - 1] = "[^ footnote-definition \(number)]: <>"
            for index in number..<end { lines[index] = "" }
            number = end + 1
        }
        guard !definitions.isEmpty else { return nil }
        self.definitions = definitions
        remainingMarkdown = lines.joined(separator: "\n")
    }

    /// Compiled once (a regex literal in a function is parsed at every call).
    private nonisolated(unsafe) static let definition = /[ ]{0,3}\[\^([^\]\s]+)\]:[ \t]*/

    /// `[^label]:` with up to 3 spaces before it: the label, case-folded, and the text after.
    static func start(_ line: Substring) -> (label: String, rest: Substring)? {
        // Most lines are not definitions: a look at their first bytes before the regex.
        guard line.utf8.drop(while: { $0 == UInt8(ascii: " ") }).starts(with: "[^".utf8),
            let match = line.prefixMatch(of: definition)
        else { return nil }
        return (String(match.1).lowercased(), line[match.range.upperBound...])
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Leading columns of white space, a tab counting to the next multiple of 4.
    private static func indent(_ line: Substring) -> Int {
        var columns = 0
        for character in line {
            if character == " " {
                columns += 1
            } else if character == "\t" {
                columns += 4 - columns % 4
            } else {
                break
            }
        }
        return columns
    }

    /// The line with up to 4 columns of indentation taken off.
    private static func dropIndent(_ line: Substring) -> Substring {
        var columns = 0
        var index = line.startIndex
        while index < line.endIndex, columns < 4 {
            if line[index] == " " {
                columns += 1
            } else if line[index] == "\t" {
                columns += 4 - columns % 4
            } else {
                break
            }
            index = line.index(after: index)
        }
        return line[index...]
    }
}
