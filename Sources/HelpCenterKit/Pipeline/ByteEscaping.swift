/// Escaping on UTF-8 bytes, copying the runs between special bytes whole: the loop behind both
/// the templates' HTML escaping (`FastHTMLEscaping`) and `MarkupEscaping`, which differ only in
/// which bytes become which entities.
enum ByteEscaping {
    /// `text` with each byte `entity` names replaced; `text` itself when there is none.
    static func escape(_ text: String, entity: (UInt8) -> StaticString?) -> String {
        guard text.utf8.contains(where: { entity($0) != nil }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        append(text, to: &escaped, entity: entity)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` to `out` with each byte `entity` names replaced.
    static func append(_ text: String, to out: inout [UInt8], entity: (UInt8) -> StaticString?) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                guard let replacement = entity(bytes[index]) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
