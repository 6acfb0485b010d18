/// Writing a text node whose tildes pair up as strikethrough (`Strikethrough`).
extension HTMLRenderWalk {
    /// `text` escaped, each marked run of tildes replaced by its `<del>` or `</del>`.
    mutating func writeStruck(_ text: UnsafeRawBufferPointer, _ marks: [Strikethrough.Mark]) {
        var position = 0
        for mark in marks.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard mark.range.lowerBound >= position, mark.range.upperBound <= text.count else { continue }
            html.writeEscaped(UnsafeRawBufferPointer(rebasing: text[position..<mark.range.lowerBound]))
            html.write(mark.tag)
            position = mark.range.upperBound
        }
        html.writeEscaped(UnsafeRawBufferPointer(rebasing: text[position...]))
    }
}
