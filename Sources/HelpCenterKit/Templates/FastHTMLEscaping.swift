import Mustache

/// swift-mustache's HTML escaping, byte by byte: the library's own walks `Character`s and
/// looks each up in a dictionary, which was 15% of a 10,000-page build. The same five
/// characters become the same entities; text with none of them is returned as it is.
///
/// `TemplateSet` switches every template to it with a `CONTENT_TYPE` pragma (partials start in
/// the library's default again, so each template gets its own).
struct FastHTMLEscaping: MustacheContentType {
    static let name = "HELPCENTER-HTML"

    /// The line `TemplateSet` puts before each template: standalone, so it renders nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers it with swift-mustache before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.isSpecial) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        Self.append(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` escaped, copying the runs between special bytes whole.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
