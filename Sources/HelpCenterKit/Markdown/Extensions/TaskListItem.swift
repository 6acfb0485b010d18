internal import CCmark

/// GitHub Flavored Markdown's task list items: a list item whose first paragraph starts with
/// `[ ]`, `[x]` or `[X]` and a space. cmark keeps the marker as text; the walk writes a disabled
/// checkbox in its place, as cmark-gfm does (`<input type="checkbox" disabled="" />`), named
/// "done" or "not done" so a screen reader says what the box means (axe: form elements need
/// a label).
enum TaskListItem {
    /// The marker's bytes in the item's first text node, and the checkbox to write instead.
    static func mark(for item: CmarkNode) -> (text: CmarkNode, mark: TextMark)? {
        guard let paragraph = item.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
            let text = paragraph.firstChild, text.type == CMARK_NODE_TEXT
        else { return nil }
        let bytes = text.literal
        guard bytes.count > 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
            bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "\t")
        else { return nil }
        let checkbox: String
        switch bytes[1] {
        case UInt8(ascii: " "): checkbox = "<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" />"
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            checkbox = "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" />"
        default: return nil
        }
        return (text, TextMark(range: 0..<3, tag: checkbox))
    }
}
