internal import CCmark

/// The blocks cmark's `html.c` writes, as it writes them, with the help center's heading ids
/// and callouts.
extension HTMLRenderWalk {
    mutating func renderBlockQuote(_ node: CmarkNode, entering: Bool) {
        html.newlineIfNeeded()
        if entering {
            if hints.isOn, let alert = Alert(node) {
                calloutKeys.insert(node.key)
                hidden.formUnion(alert.hiddenKeys + (alert.emptyParagraphKey.map { [$0] } ?? []))
                html.write(alert.opening)
            } else if let label = Self.calloutLabel(node) {
                calloutKeys.insert(node.key)
                html.write("<aside class=\"callout callout-\(HeadingSlugger.slug(label))\" role=\"note\">\n")
            } else {
                html.write("<blockquote>\n")
            }
        } else {
            html.write(calloutKeys.contains(node.key) ? "</aside>\n" : "</blockquote>\n")
        }
    }

    mutating func renderList(_ node: CmarkNode, entering: Bool) {
        if entering {
            html.newlineIfNeeded()
            if node.isBulletList {
                html.write("<ul>\n")
            } else if node.listStart == 1 {
                html.write("<ol>\n")
            } else {
                html.write("<ol start=\"\(node.listStart)\">\n")
            }
        } else {
            html.write(node.isBulletList ? "</ul>\n" : "</ol>\n")
        }
    }

    mutating func renderHeading(_ node: CmarkNode, entering: Bool) {
        let level = node.headingLevel
        guard entering else {
            html.write("</h\(level)>\n")
            return
        }
        html.newlineIfNeeded()
        let id = headingID(node)
        html.write("<h\(level) id=\"")
        html.writeEscaped(id.utf8)
        html.write("\">")
    }

    mutating func renderCodeBlock(_ node: CmarkNode) {
        html.newlineIfNeeded()
        let info = node.fenceInfo
        let language = info.prefix { !$0.isMarkdownSpace }
        if language.isEmpty {
            html.write("<pre><code>")
        } else {
            html.write("<pre><code class=\"language-")
            html.writeEscaped(language)
            html.write("\">")
        }
        html.writeEscaped(node.literal)
        html.write("</code></pre>\n")
    }

    mutating func renderParagraph(_ node: CmarkNode, entering: Bool) {
        if let list = node.parent?.parent, list.type == CMARK_NODE_LIST, list.isTightList { return }
        if entering {
            html.newlineIfNeeded()
            html.write("<p>")
        } else {
            html.write("</p>\n")
        }
    }

    /// `Quick overview` for a block quote whose first paragraph starts with `**Quick overview:**`.
    static func calloutLabel(_ node: CmarkNode) -> String? {
        guard let paragraph = node.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
            let strong = paragraph.firstChild, strong.type == CMARK_NODE_STRONG
        else { return nil }
        let label = strong.plainText
        guard label.count > 1, label.hasSuffix(":") else { return nil }
        return String(label.dropLast())
    }
}
