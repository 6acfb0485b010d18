/// The tags of one Mustache template, found the way swift-mustache finds them: over the whole
/// text (a tag may span lines), `{{{...}}}` included, names trimmed of any whitespace. The
/// partial checks and the site-wide analysis read templates through this one scanner, so a tag
/// the renderer sees can never slip past them.
struct MustacheTag: Hashable {
    /// `>`, `<`, `#`, `^`, `/`, `$`, `&`, `!`, `=`, `{` (triple) or `` (a plain variable).
    var sigil: String
    var name: String
    var line: Int
    var column: Int
    /// Sections (`#`, `^`) open around the tag: a partial included at depth 0 sees the page's
    /// own context, not a section's values.
    var depth: Int

    /// Every tag of `text`, in order.
    static func scan(_ text: String) -> [MustacheTag] {
        let bytes = Array(text.utf8)
        var tags: [MustacheTag] = []
        var index = 0
        var line = 1
        var lineStart = 0
        var open: [String] = []
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                if bytes[index] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            let triple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
            let start = index + (triple ? 3 : 2)
            let closing = Array((triple ? "}}}" : "}}").utf8)
            guard let end = find(closing, in: bytes, from: start) else { break }
            var inner = String(decoding: bytes[start..<end], as: UTF8.self)
                .trimmingWhitespace()
            var sigil = triple ? "{" : ""
            if !triple, let first = inner.first, ">#^/$&!=<".contains(first) {
                sigil = String(first)
                inner = String(inner.dropFirst()).trimmingWhitespace()
            }
            if sigil == "/" { _ = open.popLast() }
            let depth = open.filter { $0 == "#" || $0 == "^" }.count
            tags.append(MustacheTag(sigil: sigil, name: inner, line: line, column: column, depth: depth))
            if "#^$<".contains(sigil), !sigil.isEmpty { open.append(sigil) }
            for byte in bytes[index..<(end + closing.count)] where byte == UInt8(ascii: "\n") {
                line += 1
            }
            if let lastNewline = bytes[index..<(end + closing.count)].lastIndex(of: UInt8(ascii: "\n")) {
                lineStart = lastNewline + 1
            }
            index = end + closing.count
        }
        return tags
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + pattern.count <= bytes.count {
            if bytes[position..<(position + pattern.count)].elementsEqual(pattern) { return position }
            position += 1
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (Mustache ignores them in names).
    fileprivate func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
