internal import CCmark

/// GitHub Flavored Markdown's strikethrough on cmark's tree: runs of one or two `~` in text,
/// paired as GFM pairs them (an opener left-flanking, a closer right-flanking, both of the same
/// length, the nearest opener first), among the text of one inline container. cmark leaves `~`
/// as text, so the pairs are found after parsing; the walk writes `<del>` and `</del>` in place
/// of each pair's tildes.
enum Strikethrough {
    /// The marks of every text node below `container`, by node key; empty when there is no `~`.
    static func marks(in container: CmarkNode) -> [Int: [TextMark]] {
        var marks: [Int: [TextMark]] = [:]
        collect(container, into: &marks)
        return marks
    }

    private struct Run {
        var node: CmarkNode
        var range: Range<Int>
        var canOpen: Bool
        var canClose: Bool
    }

    private static func collect(_ container: CmarkNode, into marks: inout [Int: [TextMark]]) {
        var runs: [Run] = []
        var child = container.firstChild
        while let node = child {
            if node.type == CMARK_NODE_TEXT {
                runs += tildeRuns(node)
            } else if node.firstChild != nil {
                collect(node, into: &marks)
            }
            child = node.next
        }
        var openers: [Run] = []
        for run in runs {
            if run.canClose, let index = openers.lastIndex(where: { $0.range.count == run.range.count }) {
                let opener = openers[index]
                openers.removeSubrange(index...)
                marks[opener.node.key, default: []].append(TextMark(range: opener.range, tag: "<del>"))
                marks[run.node.key, default: []].append(TextMark(range: run.range, tag: "</del>"))
            } else if run.canOpen {
                openers.append(run)
            }
        }
    }

    /// The runs of one or two tildes in `node`, with whether each may open or close.
    private static func tildeRuns(_ node: CmarkNode) -> [Run] {
        let bytes = node.literal
        guard bytes.contains(UInt8(ascii: "~")) else { return [] }
        var runs: [Run] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "~") else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] == UInt8(ascii: "~") { end += 1 }
            if end - index <= 2 {
                let before =
                    index > 0 ? Neighbour(byte: bytes[index - 1]) : Neighbour(beside: node.previous, last: true)
                let after = end < bytes.count ? Neighbour(byte: bytes[end]) : Neighbour(beside: node.next, last: false)
                let leftFlanking = after != .space && (after != .punctuation || before != .other)
                let rightFlanking = before != .space && (before != .punctuation || after != .other)
                runs.append(Run(node: node, range: index..<end, canOpen: leftFlanking, canClose: rightFlanking))
            }
            index = end
        }
        return runs
    }

    /// What stands next to a run, as CommonMark's flanking rules see it.
    private enum Neighbour {
        case space, punctuation, other

        init(byte: UInt8) {
            if byte.isMarkdownSpace {
                self = .space
            } else if byte < 0x80, byte > 0x20, !(byte.isASCIILetterOrDigit) {
                self = .punctuation
            } else {
                self = .other
            }
        }

        /// The node beside the text, at its `last` byte or its first: none (the block's edge)
        /// or a break is a space; text is its byte; emphasis, code, links and raw HTML start or
        /// end with punctuation (`*`, `` ` ``, `[`, `<`).
        init(beside node: CmarkNode?, last: Bool) {
            guard let node else {
                self = .space
                return
            }
            switch node.type {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: self = .space
            case CMARK_NODE_TEXT:
                let bytes = node.literal
                guard let byte = last ? bytes.last : bytes.first else {
                    self = .space
                    return
                }
                self.init(byte: byte)
            default: self = .punctuation
            }
        }
    }
}
