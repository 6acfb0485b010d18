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
        ByteEscaping.escape(text, entity: Self.entity)
    }

    /// Appends `text` escaped to a page being rendered.
    static func append(_ text: String, to out: inout [UInt8]) {
        ByteEscaping.append(text, to: &out, entity: entity)
    }

    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
