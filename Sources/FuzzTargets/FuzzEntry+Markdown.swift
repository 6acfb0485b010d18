import HelpCenterKit

extension FuzzEntry {
    /// The Markdown pipeline: cmark's parse, the AST walk that writes HTML, heading ids and
    /// `{#id}`, callouts, links and claim markers (`<!-- claim: flow.name -->`).
    ///
    /// The first byte picks safe or unsafe HTML and a line offset; the rest is the body.
    public static func markdown(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let mode = input.byte()
        let options = MarkdownOptions(
            unsafeHTML: mode & 1 == 1, path: "Content/fuzz/page.md", lineOffset: Int(mode >> 1))
        let markdown = String(decoding: input.rest(), as: UTF8.self)
        let rendered = MarkdownRenderer(options: options).render(markdown)

        var ids: Set<String> = []
        for heading in rendered.headings {
            invariant(!heading.id.isEmpty, "empty heading id for '\(heading.text)'")
            invariant(ids.insert(heading.id).inserted, "heading id '\(heading.id)' used twice")
            invariant((1...6).contains(heading.level), "heading level \(heading.level)")
            invariant(heading.line >= options.lineOffset, "heading line \(heading.line) before the body")
        }
        let htmlSize = rendered.html.utf8.count
        for (id, offset) in rendered.claimOffsets {
            invariant((0...htmlSize).contains(offset), "claim '\(id)' offset \(offset) outside the HTML (\(htmlSize))")
        }
        for claim in rendered.claims {
            invariant(claim.id.contains("."), "claim id '\(claim.id)' without a flow")
            invariant(claim.location.path == options.path, "claim location names '\(claim.location.path)'")
        }
        guard !options.unsafeHTML else { return }
        // Browsers match tag names and URL schemes ASCII case-insensitively.
        let lowered = String(
            decoding: rendered.html.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        invariant(!lowered.contains("<script"), "raw <script> in safe mode")
        for attribute in ["href=\"", "src=\""] {
            for scheme in ["javascript:", "vbscript:", "file:"] {
                invariant(
                    !lowered.contains(attribute + scheme), "dangerous URL kept in safe mode: \(attribute)\(scheme)")
            }
        }
    }
}
