/// Text for HTML and XML, in content or in a double-quoted attribute: the one escape that
/// redirect pages, the sitemap, `serve`'s error page and `verify`'s JUnit report share.
///
/// Byte by byte: Foundation's `replacingOccurrences` four times over was 4% of a
/// 10,000-article build, all of it in the sitemap.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        ByteEscaping.escape(text, entity: entity)
    }

    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: nil
        }
    }
}
