internal import CCmark

/// Writing GFM's footnotes (`Footnotes`): a reference to a defined label becomes a numbered
/// link, numbered in the order they are first referenced; the definitions that are referenced
/// are written after the body, as cmark-gfm writes them, each with a link back. A screen reader
/// hears the section's name and where each back link goes.
extension HTMLRenderWalk {
    /// A `<sup>` link in place of each `[^label]` in the text whose label is defined.
    mutating func footnoteMarks(_ node: CmarkNode, _ text: UnsafeRawBufferPointer) -> [TextMark] {
        guard let footnotes, text.count >= 4 else { return [] }
        var marks: [TextMark] = []
        var index = 0
        while index + 3 < text.count {
            guard text[index] == UInt8(ascii: "["), text[index + 1] == UInt8(ascii: "^") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < text.count, text[end] != UInt8(ascii: "]"), text[end] > 0x20 { end += 1 }
            guard end < text.count, end > index + 2, text[end] == UInt8(ascii: "]") else {
                index += 1
                continue
            }
            let label = String(decoding: text[(index + 2)..<end], as: UTF8.self).lowercased()
            guard footnotes.definitions[label] != nil, !Self.isInsideLink(node) else {
                index = end + 1
                continue
            }
            if footnoteNumbers[label] == nil {
                footnoteOrder.append(label)
                footnoteNumbers[label] = footnoteOrder.count
            }
            let number = footnoteNumbers[label] ?? 0
            let seen = (footnoteReferenceCounts[label] ?? 0) + 1
            footnoteReferenceCounts[label] = seen
            let id = seen == 1 ? "fnref\(number)" : "fnref\(number)-\(seen)"
            marks.append(
                TextMark(
                    range: index..<(end + 1),
                    tag: "<sup class=\"footnote-ref\"><a href=\"#fn\(number)\" id=\"\(id)\">\(number)</a></sup>"))
            index = end + 1
        }
        return marks
    }

    /// The referenced definitions, in the order of their numbers, after the body.
    mutating func renderFootnotes() {
        guard let footnotes, !footnoteOrder.isEmpty else { return }
        // The body's tree may be freed already: nothing keyed by its nodes may reach these.
        forgetNodes()
        html.newlineIfNeeded()
        html.write("<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n")
        var index = 0
        // A definition may reference another, which then gets the next number.
        while index < footnoteOrder.count {
            let label = footnoteOrder[index]
            index += 1
            guard let definition = footnotes.definitions[label] else { continue }
            html.write("<li id=\"fn\(index)\">\n")
            let document = CmarkDocument(definition.markdown)
            let root = CmarkNode(document.root)
            lineShift = definition.line - 1
            for (node, entering) in CmarkEvents(root) where node.key != root.key {
                handle(node, entering: entering)
            }
            let back =
                "<a href=\"#fnref\(index)\" class=\"footnote-backref\" aria-label=\"Back to reference \(index)\">↩</a>"
            if root.lastChild?.type == CMARK_NODE_PARAGRAPH, html.removeSuffix("</p>\n") {
                html.write(" " + back + "</p>\n")
            } else {
                html.newlineIfNeeded()
                html.write(back + "\n")
            }
            html.write("</li>\n")
            // The tree is freed next: its node addresses may come back in the next one's.
            forgetNodes()
            withExtendedLifetime(document) {}
        }
        lineShift = 0
        html.write("</ol>\n</section>\n")
    }

    static func isInsideLink(_ node: CmarkNode) -> Bool {
        var ancestor = node.parent
        while let current = ancestor, !current.isBlock {
            if current.type == CMARK_NODE_LINK || current.type == CMARK_NODE_IMAGE { return true }
            ancestor = current.parent
        }
        return false
    }
}
