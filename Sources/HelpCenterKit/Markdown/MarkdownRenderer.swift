internal import CCmark

/// CommonMark to HTML through cmark's AST: parsed once, walked once.
///
/// The output is cmark's own HTML (same escaping, same whitespace) plus what a help center
/// needs: heading ids, callouts, claim markers read out and removed, and GitHub's pipe tables,
/// strikethrough, autolinks, task lists, footnotes and alerts.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    public func render(_ markdown: String) -> RenderedMarkdown {
        let hints = options.gfm ? ExtensionHints(markdown) : .none
        var document = CmarkDocument(markdown)
        var parsed = markdown
        // Footnote definitions are taken out and the rest parsed again, only when there are any.
        let footnotes =
            hints.hasFootnoteHints
            ? withExtendedLifetime(document) { Footnotes(markdown, document: CmarkNode(document.root)) } : nil
        if let footnotes {
            parsed = footnotes.remainingMarkdown
            document = CmarkDocument(parsed)
        }
        // Only a body with a pipe can hold a table: the others skip indexing their lines.
        let source = hints.hasPipes ? ParagraphSource(parsed) : nil
        var walk = HTMLRenderWalk(
            options: options, capacity: markdown.utf8.count + markdown.utf8.count / 4, source: source, hints: hints)
        walk.footnotes = footnotes
        withExtendedLifetime(document) { walk.render(CmarkNode(document.root)) }
        walk.renderFootnotes()
        return RenderedMarkdown(
            html: walk.html.string,
            headings: walk.headings,
            claims: walk.claims.collected,
            diagnostics: walk.claims.diagnostics + walk.diagnostics, claimOffsets: walk.claimOffsets,
            links: walk.links)
    }
}
