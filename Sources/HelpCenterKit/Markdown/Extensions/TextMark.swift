/// Bytes of a text node written as a tag instead, or (an empty range) a tag inserted there:
/// what the GFM extensions find in cmark's text (strikethrough's tildes, a task marker, an
/// autolink's ends, a footnote reference).
struct TextMark {
    var range: Range<Int>
    var tag: String
}
