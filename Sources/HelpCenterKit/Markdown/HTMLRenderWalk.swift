internal import CCmark

/// One pass over a cmark tree writing HTML byte for byte as cmark's `html.c` does, with the
/// help center's additions: heading ids, callouts, claim markers removed, and GitHub's pipe
/// tables (`HTMLRenderWalk+Tables`).
struct HTMLRenderWalk {
    let options: MarkdownOptions
    var html: HTMLBuffer
    private(set) var headings: [Heading] = []
    private(set) var diagnostics: [Diagnostic] = []
    var claims: ClaimCollector
    private var slugger = HeadingSlugger()
    /// While inside an image, only its text is written, as its `alt`.
    private var altTextOf: CmarkNode?
    /// Text nodes that end in a `{#custom-id}`, with the byte count to keep.
    private var truncatedText: [Int: Int] = [:]
    /// Bytes of text nodes written as tags instead, by node key: strikethrough's tildes
    /// (`Strikethrough`) and task list markers (`TaskListItem`).
    var textMarks: [Int: [TextMark]] = [:]
    var calloutKeys: Set<Int> = []
    /// Nodes not written at all: an alert's marker (`Alert`).
    var hidden: Set<Int> = []
    /// Where each inline claim marker stood in the output, for the page's verified marks.
    private(set) var claimOffsets: [String: Int] = [:]
    private(set) var links: [LinkReference] = []
    /// The Markdown the tree was parsed from, for extensions that read what the writer typed
    /// (pipe tables); `nil` when it cannot hold one.
    let source: ParagraphSource?
    /// A subtree an extension has rendered in its own way: its events are passed over.
    var skipping: CmarkNode?
    /// Where the Markdown being rendered sits in the file, when it was parsed on its own (a
    /// table's cell), for the links found in it.
    var fragmentOrigin: (line: Int, column: Int)?

    /// What the Markdown can hold (`ExtensionHints`): the walk looks for nothing else.
    let hints: ExtensionHints
    /// The body's footnote definitions, taken out before parsing (`Footnotes`).
    var footnotes: Footnotes?
    /// Each referenced footnote's number, in the order first referenced.
    var footnoteNumbers: [String: Int] = [:]
    var footnoteOrder: [String] = []
    var footnoteReferenceCounts: [String: Int] = [:]
    /// Lines before the Markdown being walked, when it was parsed on its own (a footnote).
    var lineShift = 0

    init(options: MarkdownOptions, capacity: Int, source: ParagraphSource? = nil, hints: ExtensionHints = .all) {
        self.options = options
        self.html = HTMLBuffer(capacity: capacity)
        self.claims = ClaimCollector(options: options)
        self.source = source
        self.hints = hints
    }

    mutating func render(_ root: CmarkNode) {
        for (node, entering) in CmarkEvents(root) { handle(node, entering: entering) }
    }

    /// One event of a walk over the main tree or over a fragment parsed on its own.
    mutating func handle(_ node: CmarkNode, entering: Bool) {
        if let skipped = skipping {
            if skipped.key == node.key && !entering { skipping = nil }
            return
        }
        if !hidden.isEmpty, hidden.contains(node.key) { return }
        if let image = altTextOf {
            if image.key == node.key {
                altTextOf = nil
            } else {
                writeAltText(node, entering: entering)
                return
            }
        }
        if node.isBlock {
            renderBlock(node, entering: entering)
        } else {
            renderInline(node, entering: entering)
        }
    }

    private mutating func renderBlock(_ node: CmarkNode, entering: Bool) {
        if hints.hasTildes, entering, node.type == CMARK_NODE_PARAGRAPH || node.type == CMARK_NODE_HEADING {
            textMarks.merge(Strikethrough.marks(in: node)) { old, new in old + new }
        }
        switch node.type {
        case CMARK_NODE_BLOCK_QUOTE: renderBlockQuote(node, entering: entering)
        case CMARK_NODE_LIST: renderList(node, entering: entering)
        case CMARK_NODE_ITEM:
            if entering {
                if hints.isOn, let task = TaskListItem.mark(for: node) {
                    textMarks[task.text.key, default: []].append(task.mark)
                }
                html.newlineIfNeeded()
                html.write("<li>")
            } else {
                html.write("</li>\n")
            }
        case CMARK_NODE_HEADING: renderHeading(node, entering: entering)
        case CMARK_NODE_CODE_BLOCK: renderCodeBlock(node)
        case CMARK_NODE_HTML_BLOCK:
            guard !claims.consume(node) else { return }
            html.newlineIfNeeded()
            writeRawHTML(node)
            html.newlineIfNeeded()
        case CMARK_NODE_CUSTOM_BLOCK:
            html.newlineIfNeeded()
            writeCustom(node, entering: entering)
            html.newlineIfNeeded()
        case CMARK_NODE_PARAGRAPH:
            if entering, renderPipeTable(node) {
                skipping = node
                return
            }
            renderParagraph(node, entering: entering)
        case CMARK_NODE_THEMATIC_BREAK:
            html.newlineIfNeeded()
            html.write("<hr />\n")
        default: break
        }
    }

    private mutating func renderInline(_ node: CmarkNode, entering: Bool) {
        switch node.type {
        case CMARK_NODE_TEXT: writeText(node, kept: truncatedText[node.key] ?? node.literal.count)
        case CMARK_NODE_LINEBREAK: html.write("<br />\n")
        case CMARK_NODE_SOFTBREAK: html.write("\n")
        case CMARK_NODE_CODE:
            html.write("<code>")
            html.writeEscaped(node.literal)
            html.write("</code>")
        case CMARK_NODE_HTML_INLINE:
            let recorded = claims.collected.count
            if claims.consume(node) {
                html.trimTrailingSpaces()
                if claims.collected.count > recorded, let id = claims.collected.last?.id {
                    claimOffsets[id] = html.bytes.count
                }
            } else {
                writeRawHTML(node)
            }
        case CMARK_NODE_CUSTOM_INLINE: writeCustom(node, entering: entering)
        case CMARK_NODE_STRONG: html.write(entering ? "<strong>" : "</strong>")
        case CMARK_NODE_EMPH: html.write(entering ? "<em>" : "</em>")
        case CMARK_NODE_LINK:
            if entering {
                recordLink(node, isImage: false)
                html.write("<a href=\"")
                writeURL(node)
                writeTitle(node)
                html.write("\">")
            } else {
                html.write("</a>")
            }
        case CMARK_NODE_IMAGE:
            if entering {
                recordLink(node, isImage: true)
                html.write("<img src=\"")
                writeURL(node)
                html.write("\" alt=\"")
                altTextOf = node
            } else {
                writeTitle(node)
                html.write("\" />")
            }
        default: break
        }
    }

    // MARK: Pieces

    private mutating func recordLink(_ node: CmarkNode, isImage: Bool) {
        links.append(
            LinkReference(
                url: String(decoding: node.url, as: UTF8.self), isImage: isImage,
                altText: isImage ? node.plainText : "", location: location(of: node)))
    }

    /// The links and images in raw HTML (`RawHTMLLinks`), at their place in the file.
    private mutating func recordRawLinks(_ node: CmarkNode) {
        let start = location(of: node)
        for found in RawHTMLLinks.scan(String(decoding: node.literal, as: UTF8.self)) {
            let column = found.lineOffset == 0 ? (start.column ?? 1) + found.column - 1 : found.column
            links.append(
                LinkReference(
                    url: found.url, isImage: found.isImage, altText: found.altText ?? "",
                    location: SourceLocation(
                        path: start.path, line: (start.line ?? 1) + found.lineOffset, column: column),
                    isRawHTML: true))
        }
    }

    /// A bare URL or address GFM links (`Autolinks`), so `check` sees it like any link.
    mutating func recordAutolink(_ node: CmarkNode, href: String) {
        links.append(LinkReference(url: href, isImage: false, altText: "", location: location(of: node)))
    }

    /// Where the node, or its nearest ancestor with a position, is in the file.
    private func location(of node: CmarkNode) -> SourceLocation {
        var positioned: CmarkNode? = node
        while let current = positioned, current.line == 0 { positioned = current.parent }
        let column = max(positioned?.column ?? 1, 1)
        let offset = options.lineOffset + lineShift
        if let origin = fragmentOrigin {
            return SourceLocation(path: options.path, line: origin.line + offset, column: origin.column + column - 1)
        }
        return SourceLocation(path: options.path, line: (positioned?.line ?? 1) + offset, column: column)
    }

    /// Drops what is kept by node address, before the tree those nodes are in is freed.
    mutating func forgetNodes() {
        textMarks = [:]
        truncatedText = [:]
        hidden = []
        calloutKeys = []
    }

    /// Assigns the heading's id (a writer's `{#id}` or a slug of its text) and records it.
    mutating func headingID(_ node: CmarkNode) -> String {
        var text = node.plainText
        var id: String?
        if let last = node.lastChild, last.type == CMARK_NODE_TEXT, let custom = CustomHeadingID(last.literalString) {
            truncatedText[last.key] = custom.keptByteCount
            text = CustomHeadingID(text)?.keptText ?? text
            if slugger.reserve(custom.id) {
                id = custom.id
            } else {
                let location = SourceLocation(
                    path: options.path, line: node.line + options.lineOffset, column: node.column)
                diagnostics.append(
                    .error("heading id '\(custom.id)' is already used on this page: choose another {#id}", at: location)
                )
            }
        }
        let resolved = id ?? slugger.uniqueID(for: text)
        headings.append(
            Heading(level: node.headingLevel, id: resolved, text: text, line: node.line + options.lineOffset))
        return resolved
    }

    private mutating func writeAltText(_ node: CmarkNode, entering: Bool) {
        guard entering else { return }
        switch node.type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: html.writeEscaped(node.literal)
        case CMARK_NODE_LINEBREAK, CMARK_NODE_SOFTBREAK: html.write(" ")
        default: break
        }
    }

    private mutating func writeRawHTML(_ node: CmarkNode) {
        if options.unsafeHTML {
            html.write(bytes: node.literal)
            recordRawLinks(node)
        } else {
            html.write("<!-- raw HTML omitted -->")
        }
    }

    private mutating func writeCustom(_ node: CmarkNode, entering: Bool) {
        html.write(bytes: entering ? node.onEnter : node.onExit)
    }

    private mutating func writeURL(_ node: CmarkNode) {
        let url = node.url
        if options.unsafeHTML || !DangerousURL.matches(url) { html.writeEscapedURL(url) }
    }

    private mutating func writeTitle(_ node: CmarkNode) {
        let title = node.title
        guard !title.isEmpty else { return }
        html.write("\" title=\"")
        html.writeEscaped(title)
    }

}
