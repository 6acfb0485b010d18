internal import CCmark

/// Reads claim markers out of the tree while it is rendered, and ties each to the block it
/// claims: an inline marker claims its paragraph (or list item), a marker on its own line
/// claims the next block.
struct ClaimCollector {
    let options: MarkdownOptions
    private(set) var collected: [Claim] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var firstSeen: [String: SourceLocation] = [:]

    init(options: MarkdownOptions) {
        self.options = options
    }

    /// Records `node` if it is a claim marker; `true` means it must not be rendered.
    mutating func consume(_ node: CmarkNode) -> Bool {
        let location = location(of: node)
        switch ClaimMarker.parse(node.literalString) {
        case .notAClaim:
            return false
        case .malformed(let message):
            diagnostics.append(.error(message, at: location))
            return true
        case .claim(let marker):
            guard let block = claimedBlock(for: node) else {
                diagnostics.append(
                    .error(
                        "claim '\(marker.id)' has no block after it to claim: put the marker at the end of "
                            + "the sentence it claims, or on the line just before its paragraph",
                        at: location))
                return true
            }
            if let earlier = firstSeen[marker.id] {
                diagnostics.append(
                    .error(
                        "duplicate claim id '\(marker.id)' (first used at \(earlier)): give each claim its own id",
                        at: location))
                return true
            }
            firstSeen[marker.id] = location
            collected.append(Claim(id: marker.id, isManual: marker.isManual, text: block.plainText, location: location))
            return true
        }
    }

    private func claimedBlock(for marker: CmarkNode) -> CmarkNode? {
        if marker.type == CMARK_NODE_HTML_BLOCK {
            var candidate = marker.next
            while let node = candidate, node.type == CMARK_NODE_HTML_BLOCK,
                case .claim = ClaimMarker.parse(node.literalString)
            {
                candidate = node.next
            }
            return candidate
        }
        var block = marker.parent
        while let node = block, !node.isBlock { block = node.parent }
        if let paragraph = block, paragraph.type == CMARK_NODE_PARAGRAPH, let item = paragraph.parent,
            item.type == CMARK_NODE_ITEM
        {
            return item
        }
        return block
    }

    /// The marker's position in the file; inline nodes without one fall back to their block.
    private func location(of node: CmarkNode) -> SourceLocation {
        var positioned: CmarkNode? = node
        while let current = positioned, current.line == 0 { positioned = current.parent }
        let line = (positioned?.line ?? 1) + options.lineOffset
        return SourceLocation(path: options.path, line: line, column: max(positioned?.column ?? 1, 1))
    }
}
