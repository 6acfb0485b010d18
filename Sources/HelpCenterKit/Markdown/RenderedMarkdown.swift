/// A heading of a page, for its `id` and the table of contents.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
    /// Line in the source file.
    public var line: Int
}

/// A statement of product behaviour that the writer bound to a `verify` check.
public struct Claim: Sendable, Hashable {
    /// `flow.name`; the flow (`connect`, `confirm`, ...) comes first.
    public var id: String
    /// Only a person in the product's UI can check it; reported as manual, never as passed.
    public var isManual: Bool
    /// The claimed block's visible text, whitespace collapsed: what `verify.lock` records.
    public var text: String
    /// Where the marker is, so errors point at what the writer edits.
    public var location: SourceLocation

    /// The first segment of the id.
    public var flow: String { String(id.prefix { $0 != "." }) }
}

/// A link or image in the body, where the writer wrote it.
public struct LinkReference: Sendable, Hashable {
    public var url: String
    public var isImage: Bool
    /// The image's alt text (empty for links).
    public var altText: String
    public var location: SourceLocation
    /// Written as an HTML tag (`<img src>`), not in Markdown.
    public var isRawHTML = false
}

/// What rendering one Markdown body produced.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body as HTML (no layout around it).
    public var html: String
    /// Every heading, in document order.
    public var headings: [Heading]
    /// Every claim marker, in document order.
    public var claims: [Claim]
    /// Malformed claim markers, duplicate ids and the like.
    public var diagnostics: [Diagnostic]
    /// UTF-8 offset in `html` where each inline claim marker stood (the end of its sentence).
    public var claimOffsets: [String: Int] = [:]
    /// Every link and image, for `helpcenter check`.
    public var links: [LinkReference] = []

    /// h2 and h3, the levels a reader navigates by.
    public var tableOfContents: [Heading] {
        headings.filter { (2...3).contains($0.level) }
    }
}

/// How to render a Markdown body.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML through instead of omitting it (`unsafe_html: true` in site.yml).
    public var unsafeHTML: Bool
    /// The file named in diagnostics and claim locations.
    public var path: String
    /// File lines before the body (front matter), added to every reported line.
    public var lineOffset: Int

    /// GitHub Flavored Markdown's extensions on top of CommonMark: tables, strikethrough,
    /// autolinks, task lists and GitHub's alerts. Off, the output is CommonMark's alone, which
    /// is how the conformance tests prove the core.
    public var gfm: Bool

    public init(unsafeHTML: Bool = false, path: String = "<stdin>", lineOffset: Int = 0, gfm: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.path = path
        self.lineOffset = lineOffset
        self.gfm = gfm
    }
}
