internal import CCmark

/// Writing a text node with what GitHub Flavored Markdown finds in it after cmark has parsed:
/// strikethrough's tildes (`Strikethrough`), a task list item's marker (`TaskListItem`),
/// extended autolinks (`Autolinks`) and footnote references (`Footnotes`).
extension HTMLRenderWalk {
    /// Writes the text node's bytes (the first `kept` of them), escaped, with its marks.
    mutating func writeText(_ node: CmarkNode, kept: Int) {
        let text = UnsafeRawBufferPointer(rebasing: node.literal.prefix(kept))
        let struck = textMarks[node.key] ?? []
        let linked = hints.hasAutolinkHints ? autolinkMarks(node, text, struck: struck) : []
        let noted = footnotes != nil ? footnoteMarks(node, text) : []
        if struck.isEmpty && linked.isEmpty && noted.isEmpty {
            html.writeEscaped(text)
        } else {
            writeMarked(text, struck + linked + noted)
        }
    }

    /// `text` escaped, each mark's bytes replaced by its tag (an empty range inserts it).
    private mutating func writeMarked(_ text: UnsafeRawBufferPointer, _ marks: [TextMark]) {
        var position = 0
        let ordered = marks.sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        for mark in ordered {
            guard mark.range.lowerBound >= position, mark.range.upperBound <= text.count else { continue }
            html.writeEscaped(UnsafeRawBufferPointer(rebasing: text[position..<mark.range.lowerBound]))
            html.write(mark.tag)
            position = mark.range.upperBound
        }
        html.writeEscaped(UnsafeRawBufferPointer(rebasing: text[position...]))
    }

    /// An `<a>` before and a `</a>` after each autolink of a text node that is not already in a
    /// link; a candidate that would cut through a strikethrough's tildes is left as text, so the
    /// tags stay nested.
    private mutating func autolinkMarks(
        _ node: CmarkNode, _ text: UnsafeRawBufferPointer, struck: [TextMark]
    ) -> [TextMark] {
        let matches = Autolinks.matches(in: text)
        guard !matches.isEmpty, !Self.isInsideLink(node) else { return [] }
        var marks: [TextMark] = []
        for match in matches where !struck.contains(where: { $0.range.overlaps(match.range) }) {
            var opening = HTMLBuffer(capacity: match.href.count + 16)
            opening.write("<a href=\"")
            opening.writeEscapedURL(match.href)
            opening.write("\">")
            marks.append(
                TextMark(range: match.range.lowerBound..<match.range.lowerBound, tag: opening.string))
            marks.append(TextMark(range: match.range.upperBound..<match.range.upperBound, tag: "</a>"))
            recordAutolink(node, href: String(decoding: match.href, as: UTF8.self))
        }
        return marks
    }

}
