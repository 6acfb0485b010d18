internal import CCmark

/// GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` (any case) is written as the site's callout of that kind, with
/// its name as the accessible label and as a visible title. cmark reads the marker as text; the
/// walk leaves it, and the line break after it, out.
struct Alert {
    /// `Note`, `Tip`, `Important`, `Warning` or `Caution`.
    var title: String
    /// The marker's text node and the break after it, which are not written.
    var hiddenKeys: [Int]
    /// The first paragraph, when it holds nothing but the marker.
    var emptyParagraphKey: Int?

    static let kinds = [
        "NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution",
    ]

    init?(_ quote: CmarkNode) {
        guard quote.parent?.type == CMARK_NODE_DOCUMENT, let paragraph = quote.firstChild,
            paragraph.type == CMARK_NODE_PARAGRAPH, let marker = paragraph.firstChild, marker.type == CMARK_NODE_TEXT
        else { return nil }
        let literal = marker.literalString
        guard literal.hasPrefix("[!"), literal.hasSuffix("]"),
            let title = Self.kinds[String(literal.dropFirst(2).dropLast()).uppercased()]
        else { return nil }
        let after = marker.next
        guard after == nil || after?.type == CMARK_NODE_SOFTBREAK || after?.type == CMARK_NODE_LINEBREAK else {
            return nil
        }
        self.title = title
        hiddenKeys = [marker.key] + (after.map { [$0.key] } ?? [])
        emptyParagraphKey = after?.next == nil ? paragraph.key : nil
    }

    /// The opening tag and title, in the markup of the site's callouts.
    var opening: String {
        let kind = title.lowercased()
        return "<aside class=\"callout callout-\(kind)\" role=\"note\" aria-label=\"\(title)\">\n"
            + "<p class=\"callout-title\" aria-hidden=\"true\">\(title)</p>\n"
    }
}
