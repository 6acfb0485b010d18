internal import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Typed, read-only views of a cmark node; the tree stays owned by `CmarkDocument`.
struct CmarkNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var parent: CmarkNode? { CmarkNode(cmark_node_parent(pointer)) }
    var firstChild: CmarkNode? { CmarkNode(cmark_node_first_child(pointer)) }
    var lastChild: CmarkNode? { CmarkNode(cmark_node_last_child(pointer)) }
    var next: CmarkNode? { CmarkNode(cmark_node_next(pointer)) }
    var previous: CmarkNode? { CmarkNode(cmark_node_previous(pointer)) }
    var line: Int { Int(cmark_node_get_start_line(pointer)) }
    var column: Int { Int(cmark_node_get_start_column(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isBulletList: Bool { cmark_node_get_list_type(pointer) == CMARK_BULLET_LIST }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var isBlock: Bool { type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue }

    /// The node's literal bytes (text, code, HTML), without copying.
    var literal: UnsafeRawBufferPointer { Self.bytes(cmark_node_get_literal(pointer)) }
    var url: UnsafeRawBufferPointer { Self.bytes(cmark_node_get_url(pointer)) }
    var title: UnsafeRawBufferPointer { Self.bytes(cmark_node_get_title(pointer)) }
    var fenceInfo: UnsafeRawBufferPointer { Self.bytes(cmark_node_get_fence_info(pointer)) }
    var onEnter: UnsafeRawBufferPointer { Self.bytes(cmark_node_get_on_enter(pointer)) }
    var onExit: UnsafeRawBufferPointer { Self.bytes(cmark_node_get_on_exit(pointer)) }

    var literalString: String { String(decoding: literal, as: UTF8.self) }

    /// Identity for dictionaries keyed by node.
    var key: Int { Int(bitPattern: pointer) }

    private static func bytes(_ pointer: UnsafePointer<CChar>?) -> UnsafeRawBufferPointer {
        guard let pointer else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
    }
}

/// Depth-first enter/exit events over a subtree, as cmark's own renderers see them.
struct CmarkEvents: Sequence, IteratorProtocol {
    private let iterator: OpaquePointer

    init(_ root: CmarkNode) {
        iterator = cmark_iter_new(root.pointer)
    }

    mutating func next() -> (node: CmarkNode, entering: Bool)? {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE {
            cmark_iter_free(iterator)
            return nil
        }
        return (CmarkNode(cmark_iter_get_node(iterator)), event == CMARK_EVENT_ENTER)
    }
}

extension CmarkNode {
    /// The text a reader sees in this subtree, whitespace collapsed; claim markers and raw
    /// HTML are not text.
    var plainText: String {
        var text = ""
        for (node, entering) in CmarkEvents(self) where entering {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literalString
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK: text += " "
            default: break
            }
        }
        return Self.collapsingWhitespace(text)
    }

    /// Whitespace runs as single spaces, none at the ends. ASCII text (most headings) is done on
    /// bytes: `Character.isWhitespace` looks up Unicode properties and showed in build profiles.
    /// In ASCII the Characters that are whitespace are exactly these six bytes (and "\r\n").
    static func collapsingWhitespace(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(text.utf8.count)
        var spaceDue = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) {
                spaceDue = !collapsed.isEmpty
            } else {
                if spaceDue { collapsed.append(UInt8(ascii: " ")) }
                spaceDue = false
                collapsed.append(byte)
            }
        }
        return String(decoding: collapsed, as: UTF8.self)
    }
}
