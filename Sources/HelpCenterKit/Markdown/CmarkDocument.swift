internal import CCmark

/// Owns one parsed cmark tree and frees it exactly once.
final class CmarkDocument {
    let root: OpaquePointer

    /// Parses `markdown`; positions are always recorded, so diagnostics can name lines.
    /// Adjacent text nodes are merged (cmark splits text at `_`, `!`, `[` and the like), so
    /// the extensions that read text see `www.a.com/a_b`, `[x]` and `[!NOTE]` whole.
    init(_ markdown: String) {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        cmark_consolidate_text_nodes(root)
    }

    deinit {
        cmark_node_free(root)
    }
}

@available(*, unavailable)
extension CmarkDocument: Sendable {}
