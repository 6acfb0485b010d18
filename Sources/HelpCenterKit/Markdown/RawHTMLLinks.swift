/// The `<img src>` and `<a href>` of raw HTML that `unsafe_html` lets through, so `check` and
/// the build treat them as they treat Markdown's links and images: checked, rewritten to the
/// published file, an image's `alt` required.
enum RawHTMLLinks {
    struct Found: Equatable {
        var url: String
        var isImage: Bool
        /// `alt`'s value; `nil` when the tag has none.
        var altText: String?
        /// Lines after the literal's first, and the 1-based column of the attribute's value
        /// (on the first line, counted from the literal's start).
        var lineOffset: Int
        var column: Int
    }

    nonisolated(unsafe) private static let tag = /<(?i:(img|a))\b[^>]*>/
    /// After white space, so `data-src` is not `src`.
    nonisolated(unsafe) private static let attribute =
        /\s(?i:(src|href|alt))\s*=\s*(?:"([^"]*)"|'([^']*)')/

    /// Every link or image in `html`, in order.
    static func scan(_ html: String) -> [Found] {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return [] }
        var found: [Found] = []
        for match in html.matches(of: tag) {
            let isImage = match.output.1.lowercased() == "img"
            var url: (String, String.Index)?
            var alt: String?
            for pair in match.output.0.matches(of: attribute) {
                let value = String(pair.output.2 ?? pair.output.3 ?? "")
                let start = (pair.output.2 ?? pair.output.3)?.startIndex ?? pair.range.lowerBound
                switch pair.output.1.lowercased() {
                case "alt": alt = value
                case "src" where isImage, "href" where !isImage: url = url ?? (value, start)
                default: break
                }
            }
            guard let (value, start) = url, !value.isEmpty else { continue }
            let before = html[..<start]
            let lineStart = before.lastIndex(of: "\n").map { html.index(after: $0) } ?? html.startIndex
            found.append(
                Found(
                    url: value, isImage: isImage, altText: isImage ? alt : "",
                    lineOffset: before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) },
                    column: html[lineStart..<start].count + 1))
        }
        return found
    }
}
