/// GitHub Flavored Markdown's extended autolinks, found in a text node's bytes: `www.` links,
/// `http://`, `https://` and `ftp://` URLs, and email addresses, with the GFM spec's rules for where a
/// link may start, which domains count and which trailing characters stay outside (cmark-gfm's
/// `autolink.c` is the reference). cmark leaves them as text; the walk wraps each in `<a>`.
enum Autolinks {
    /// A link in the text: the bytes it covers and where it points.
    struct Match: Equatable {
        var range: Range<Int>
        var href: [UInt8]
    }

    /// Every autolink in `text`, in order; none overlap.
    static func matches(in text: UnsafeRawBufferPointer) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            let match: Match?
            switch byte {
            case UInt8(ascii: "w"), UInt8(ascii: "W"): match = www(text, at: index)
            case UInt8(ascii: ":"): match = url(text, colon: index, after: found.last?.range.upperBound ?? 0)
            case UInt8(ascii: "@"): match = email(text, at: index, after: found.last?.range.upperBound ?? 0)
            default: match = nil
            }
            if let match {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// `www.` after the start, a space or one of `*_~(`, then a domain with a period.
    private static func www(_ text: UnsafeRawBufferPointer, at start: Int) -> Match? {
        guard start + 4 <= text.count, text[start + 1] == text[start], text[start + 2] == text[start],
            text[start] == UInt8(ascii: "w"), text[start + 3] == UInt8(ascii: ".")
        else { return nil }
        if start > 0 {
            let before = text[start - 1]
            guard before.isMarkdownSpace || "*_~(".utf8.contains(before) else { return nil }
        }
        guard let domainEnd = domainEnd(text, from: start, allowShort: false), domainEnd > start + 4 else {
            return nil
        }
        let end = trimmedEnd(text, start: start, end: pathEnd(text, from: domainEnd))
        guard end > start + 4 else { return nil }
        return Match(range: start..<end, href: Array("http://".utf8) + Array(text[start..<end]))
    }

    /// `http://`, `https://` or `ftp://` (the scheme's letters just before the colon), then a domain.
    private static func url(_ text: UnsafeRawBufferPointer, colon: Int, after earliest: Int) -> Match? {
        guard colon + 3 < text.count, text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/")
        else { return nil }
        var start = colon
        while start > earliest, text[start - 1].isASCIILetter { start -= 1 }
        let scheme = String(decoding: text[start..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" || scheme == "ftp" else { return nil }
        guard let domainEnd = domainEnd(text, from: colon + 3, allowShort: true), domainEnd > colon + 3 else {
            return nil
        }
        let end = trimmedEnd(text, start: start, end: pathEnd(text, from: domainEnd))
        guard end > colon + 3 else { return nil }
        return Match(range: start..<end, href: Array(text[start..<end]))
    }

    /// `local@domain.tld`: the local part of letters, digits and `.+-_`, not after a `/` (a
    /// path); a domain with a period that ends in a letter (or a period, left outside).
    private static func email(_ text: UnsafeRawBufferPointer, at sign: Int, after earliest: Int) -> Match? {
        var start = sign
        while start > earliest, text[start - 1].isASCIILetterOrDigit || ".+-_".utf8.contains(text[start - 1]) {
            start -= 1
        }
        guard start < sign, start == earliest || text[start - 1] != UInt8(ascii: "/") else { return nil }
        var end = sign + 1
        var periods = 0
        while end < text.count {
            let byte = text[end]
            if byte.isASCIILetterOrDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < text.count, text[end + 1].isASCIILetterOrDigit {
                periods += 1
                end += 1
            } else {
                break
            }
        }
        guard end > sign + 1, periods > 0, text[end - 1].isASCIILetter else { return nil }
        return Match(range: start..<end, href: Array("mailto:".utf8) + Array(text[start..<end]))
    }

    /// The end of the host that starts at `start`: letters, digits (any non-ASCII byte counts as
    /// one), `-`, `_` and periods; `nil` when an underscore is in its last two segments, or when
    /// a period is required and missing.
    private static func domainEnd(_ text: UnsafeRawBufferPointer, from start: Int, allowShort: Bool) -> Int? {
        var index = start
        var periods = 0
        var underscoresBefore = 0
        var underscores = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                periods += 1
            } else if !(byte.isASCIILetterOrDigit || byte >= 0x80 || byte == UInt8(ascii: "-")) {
                break
            }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return nil }
        return allowShort || periods > 0 ? index : nil
    }

    /// A path runs to the next space or `<`.
    private static func pathEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var end = start
        while end < text.count, !text[end].isMarkdownSpace, text[end] != UInt8(ascii: "<") { end += 1 }
        return end
    }

    /// Leaves trailing punctuation, an unmatched `)` and an entity-like `&name;` outside.
    private static func trimmedEnd(_ text: UnsafeRawBufferPointer, start: Int, end initialEnd: Int) -> Int {
        var end = initialEnd
        var opening = 0
        var closing = 0
        for byte in text[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 }
            if byte == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            switch text[end - 1] {
            case UInt8(ascii: ")"):
                guard closing > opening else { return end }
                closing -= 1
                end -= 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ";"):
                var name = end - 1
                while name > start, text[name - 1].isASCIILetter { name -= 1 }
                if name < end - 1, name > start, text[name - 1] == UInt8(ascii: "&") {
                    end = name - 1
                } else {
                    end -= 1
                }
            default:
                return end
            }
        }
        return end
    }
}
