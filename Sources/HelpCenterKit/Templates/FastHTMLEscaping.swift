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
        let utf8 = text.utf8
        guard utf8.contains(where: Self.isSpecial) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
