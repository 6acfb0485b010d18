internal import CCmark

/// GitHub Flavored Markdown pipe tables, on top of cmark: a paragraph whose raw lines hold a
/// header row and a delimiter row is written as a table, as cmark-gfm writes one, each cell's
/// Markdown parsed on its own as inline content. Alignment is a class (`align-center`), not
/// HTML's obsolete `align` attribute.
extension HTMLRenderWalk {
    /// Writes `paragraph` as a table when it is one; `false` leaves it to be a paragraph.
    mutating func renderPipeTable(_ paragraph: CmarkNode) -> Bool {
        guard let source, Int(cmark_node_get_end_line(paragraph.pointer)) > paragraph.line else { return false }
        let lines = source.lines(of: paragraph)
        guard let table = PipeTable.parse(lines.map(\.text)) else { return false }
        let tight = paragraph.parent?.parent.map { $0.type == CMARK_NODE_LIST && $0.isTightList } ?? false
        if table.leadingLines > 0 {
            html.newlineIfNeeded()
            if !tight { html.write("<p>") }
            let text = lines[..<table.leadingLines].map { String($0.text) }.joined(separator: "\n")
            renderFragment(text, line: paragraph.line, column: paragraph.column)
            if !tight { html.write("</p>\n") }
        }
        let headerLine = paragraph.line + table.leadingLines
        html.newlineIfNeeded()
        html.write("<table>\n<thead>\n<tr>\n")
        for (index, cell) in table.header.enumerated() {
            writeCell(
                "th", cell, table.alignments[index], line: headerLine, lineColumn: lines[table.leadingLines].column)
        }
        html.write("</tr>\n</thead>\n")
        if !table.rows.isEmpty {
            html.write("<tbody>\n")
            for (offset, row) in table.rows.enumerated() {
                let number = table.leadingLines + 2 + offset
                html.write("<tr>\n")
                for (index, cell) in row.enumerated() {
                    writeCell(
                        "td", cell, table.alignments[index], line: paragraph.line + number,
                        lineColumn: lines[number].column)
                }
                html.write("</tr>\n")
            }
            html.write("</tbody>\n")
        }
        html.write("</table>\n")
        return true
    }

    private mutating func writeCell(
        _ tag: String, _ cell: PipeTable.Cell, _ alignment: PipeTable.Alignment, line: Int, lineColumn: Int
    ) {
        html.write(alignment == .none ? "<\(tag)>" : "<\(tag) class=\"align-\(alignment.rawValue)\">")
        renderFragment(InlineOnly.protect(cell.text), line: line, column: lineColumn + cell.column + 1)
        html.write("</\(tag)>\n")
    }

    /// Renders `markdown`'s first paragraph's inline content, parsed on its own; links found in
    /// it are placed at `line`:`column` of the file.
    private mutating func renderFragment(_ markdown: String, line: Int, column: Int) {
        guard !markdown.isEmpty else { return }
        let definitions = source?.referenceDefinitions ?? ""
        let document = CmarkDocument(definitions.isEmpty ? markdown : markdown + "\n\n" + definitions)
        guard let paragraph = CmarkNode(document.root).firstChild, paragraph.type == CMARK_NODE_PARAGRAPH else {
            html.writeEscaped(markdown.utf8)
            return
        }
        // Keyed by node address: taken out again before the fragment's tree is freed, so a
        // later fragment's node at the same address is not given these.
        let marks = hints.hasTildes ? Strikethrough.marks(in: paragraph) : [:]
        textMarks.merge(marks) { old, new in old + new }
        defer { for key in marks.keys { textMarks[key] = nil } }
        let outer = fragmentOrigin
        fragmentOrigin = (line, column)
        for (node, entering) in CmarkEvents(paragraph) where node.key != paragraph.key {
            handle(node, entering: entering)
        }
        fragmentOrigin = outer
        withExtendedLifetime(document) {}
    }
}

/// A table cell holds inline content only, but cmark parses a document: a cell that would
/// open a block (`# x`, `- x`, `> x`, `1. x`, a fence, a rule, a link definition) has that
/// first character escaped, which renders as itself.
enum InlineOnly {
    // Compiled once: a regex literal in a function is parsed again at every call, which was
    // half of building Hugo's documentation (a call per table cell).
    private nonisolated(unsafe) static let heading = /#{1,6}([ \t].*)?/
    private nonisolated(unsafe) static let bullet = /[-+*]([ \t].*)?/
    private nonisolated(unsafe) static let rule = /(\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,}/
    private nonisolated(unsafe) static let definition = /\[[^\]]*\]:/
    private nonisolated(unsafe) static let ordered = /([0-9]{1,9})([.)])([ \t].*)?/

    static func protect(_ text: String) -> String {
        // Only these first characters can open a block.
        guard let first = text.utf8.first, "#>`~-+*_[0123456789".utf8.contains(first) else { return text }
        if text.wholeMatch(of: heading) != nil || text.hasPrefix(">") || text.hasPrefix("```")
            || text.hasPrefix("~~~") || text.wholeMatch(of: bullet) != nil || text.wholeMatch(of: rule) != nil
            || text.prefixMatch(of: definition) != nil
        {
            return "\\" + text
        }
        if let match = text.wholeMatch(of: ordered) {
            return String(match.1) + "\\" + String(match.2) + String(match.3 ?? "")
        }
        return text
    }
}
