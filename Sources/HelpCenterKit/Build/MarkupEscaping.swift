/// Text for HTML and XML, in content or in a double-quoted attribute: the one escape that
/// redirect pages, the sitemap, `serve`'s error page and `verify`'s JUnit report share.
///
/// Byte by byte: Foundation's `replacingOccurrences` four times over was 4% of a
/// 10,000-article build, all of it in the sitemap.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { entity(for: $0) != nil }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let entity = entity(for: byte) {
                escaped.append(contentsOf: entity.utf8)
            } else {
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: nil
        }
    }
}
