internal import CCmark

/// Owns one parsed cmark tree and frees it exactly once.
final class CmarkDocument {
    let root: OpaquePointer

    /// Parses `markdown`; positions are always recorded, so diagnostics can name lines.
    init(_ markdown: String) {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }
}

@available(*, unavailable)
extension CmarkDocument: Sendable {}
