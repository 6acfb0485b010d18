/// Bytes of HTML being written, with the escapes cmark's own HTML renderer uses.
///
/// The output stays in a byte array until the end: going through `String` per node was
/// measured to cost about a third of rendering time.
struct HTMLBuffer {
    fileprivate(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// A newline unless the output is empty or already ends with one (cmark's `cr`).
    mutating func newlineIfNeeded() {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    /// Removes `suffix` from the end when the buffer ends with it.
    mutating func removeSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let matches = suffix.withUTF8Buffer { bytes[(bytes.count - count)...].elementsEqual($0) }
        if matches { bytes.removeLast(count) }
        return matches
    }

    mutating func trimTrailingSpaces() {
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() }
    }

    /// Escapes `& < > "` as text or attribute content.
    mutating func writeEscaped<Bytes: Sequence<UInt8>>(_ text: Bytes) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): write("&amp;")
            case UInt8(ascii: "<"): write("&lt;")
            case UInt8(ascii: ">"): write("&gt;")
            case UInt8(ascii: "\""): write("&quot;")
            default: bytes.append(byte)
            }
        }
    }

    /// Escapes a URL for an `href`/`src`: bytes outside cmark's safe set become `%XX`,
    /// `&` and `'` become entities.
    mutating func writeEscapedURL<Bytes: Sequence<UInt8>>(_ url: Bytes) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url {
            if Self.isURLSafe(byte) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                write("&amp;")
            } else if byte == UInt8(ascii: "'") {
                write("&#x27;")
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
    }

    /// cmark's HREF_SAFE table: alphanumerics and `-_.+!*(),%#@?=;:/$`.
    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-_.+!*(),%#@?=;:/$".utf8.contains(byte)
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension HTMLBuffer {
    /// Raw bytes, unescaped: for HTML the site allows through.
    mutating func write(bytes raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw)
    }
}

extension HTMLBuffer {
    /// A URL escaped exactly as the renderer writes it into `href`.
    static func escapedURL(_ url: String) -> String {
        var buffer = HTMLBuffer()
        buffer.writeEscapedURL(Array(url.utf8))
        return buffer.string
    }
}
