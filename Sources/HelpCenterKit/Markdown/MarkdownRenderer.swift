internal import CCmark

/// CommonMark to HTML through cmark's AST: parsed once, walked once.
///
/// The output is cmark's own HTML (same escaping, same whitespace) plus what a help center
/// needs: heading ids, callouts, claim markers read out and removed, and GitHub's pipe tables,
/// strikethrough, autolinks, task lists and alerts.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    public func render(_ markdown: String) -> RenderedMarkdown {
        let hints = options.gfm ? ExtensionHints(markdown) : .none
        let document = CmarkDocument(markdown)
        // Only a body with a pipe can hold a table: the others skip indexing their lines.
        let source = options.gfm && markdown.utf8.contains(UInt8(ascii: "|")) ? ParagraphSource(markdown) : nil
        var walk = HTMLRenderWalk(
            options: options, capacity: markdown.utf8.count + markdown.utf8.count / 4, source: source, hints: hints)
        walk.render(CmarkNode(document.root))
        return RenderedMarkdown(
            html: walk.html.string,
            headings: walk.headings,
            claims: walk.claims.collected,
            diagnostics: walk.claims.diagnostics + walk.diagnostics, claimOffsets: walk.claimOffsets,
            links: walk.links)
    }
}
