internal import CCmark

/// The lines of Markdown a paragraph was parsed from, with what its containers put in front
/// of them taken off (`> ` of block quotes, a list item's marker and indentation), so an
/// extension can read what the writer typed where cmark's inline parse has already consumed
/// it (the backslash of `\|`, say).
final class ParagraphSource {
    /// The body's bytes and where each line starts.
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private let markdown: String

    /// The body's link reference definitions (`[label]: url`), one per line, so a fragment
    /// parsed on its own (a table cell) can use them as the whole document does; read at the
    /// first table.
    lazy var referenceDefinitions: String = markdown.split(separator: "\n").filter {
        $0.utf8.drop(while: { $0 == UInt8(ascii: " ") }).first == UInt8(ascii: "[")
            && $0.prefixMatch(of: Self.definition) != nil
    }.joined(separator: "\n")

    /// Compiled once (a regex literal in a function is parsed at every call).
    private nonisolated(unsafe) static let definition = /[ ]{0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S/

    init(_ markdown: String) {
        self.markdown = markdown
        bytes = Array(markdown.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The raw lines of `paragraph`, container prefixes removed, and the column (0-based) each
    /// line's content starts at in the file.
    func lines(of paragraph: CmarkNode) -> [(text: Substring, column: Int)] {
        let first = paragraph.line
        let last = Int(cmark_node_get_end_line(paragraph.pointer))
        guard first >= 1, last >= first, last <= lineStarts.count else { return [] }
        var quotes = 0
        var ancestor = paragraph.parent
        while let node = ancestor {
            if node.type == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
            ancestor = node.parent
        }
        return (first...last).map { number in
            let start = lineStarts[number - 1]
            var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            var offset = start
            if number == first {
                offset = min(start + max(paragraph.column - 1, 0), end)
            } else {
                for _ in 0..<quotes { offset = Self.skipQuoteMarker(bytes, from: offset, to: end) }
                while offset < end, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
            }
            let text = String(decoding: bytes[offset..<end], as: UTF8.self)
            return (Substring(text), offset - start)
        }
    }

    /// Past up to three spaces, a `>` and one space, when the line has them (a lazy
    /// continuation line does not).
    private static func skipQuoteMarker(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var offset = start
        var spaces = 0
        while offset < end, bytes[offset] == 0x20, spaces < 3 {
            offset += 1
            spaces += 1
        }
        guard offset < end, bytes[offset] == UInt8(ascii: ">") else { return start }
        offset += 1
        if offset < end, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        return offset
    }
}
