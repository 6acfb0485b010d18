/// `CompiledTemplate` in the cache's byte encoding (`TemplateCache`), so a build whose
/// templates did not change skips swift-mustache's parse and `TokenReflection`: a third of a
/// 1,000-article rebuild's CPU.
extension CompiledTemplate {
    /// Writes the template, or gives `false` when it has an escaping neither ours nor one of the
    /// library's own (`TokenReflection.libraryEscapings`), which a file cannot name.
    func encoded(to writer: inout ByteWriter) -> Bool {
        writer.unsigned(UInt64(nodes.count))
        for node in nodes {
            guard node.encoded(to: &writer) else { return false }
        }
        return true
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(nodes: try reader.array { reader throws(ByteReader.Damaged) in try Node(from: &reader) })
    }
}

extension CompiledTemplate.Node {
    private enum Kind: UInt64 {
        case text, variable, section, invertedSection, block, partial, fastHTML, library
    }

    fileprivate func encoded(to writer: inout ByteWriter) -> Bool {
        switch self {
        case .text(let bytes):
            writer.unsigned(Kind.text.rawValue)
            writer.raw(bytes)
        case .variable(let path, let escaped):
            writer.unsigned(Kind.variable.rawValue)
            path.write(to: &writer)
            writer.bool(escaped)
        case .section(let path, let body), .invertedSection(let path, let body):
            let kind: Kind = if case .section = self { .section } else { .invertedSection }
            writer.unsigned(kind.rawValue)
            path.write(to: &writer)
            return body.encoded(to: &writer)
        case .block(let name, let fallback, let indentation):
            writer.unsigned(Kind.block.rawValue)
            writer.string(name)
            writer.optional(indentation) { $0.string($1) }
            return fallback.encoded(to: &writer)
        case .partial(let name, let indentation, let overrides):
            writer.unsigned(Kind.partial.rawValue)
            writer.string(name)
            writer.optional(indentation) { $0.string($1) }
            writer.bool(overrides != nil)
            guard let overrides else { return true }
            writer.unsigned(UInt64(overrides.count))
            // Sorted: the same templates give the same bytes.
            for (block, template) in overrides.sorted(by: { $0.key < $1.key }) {
                writer.string(block)
                guard template.encoded(to: &writer) else { return false }
            }
        case .escaping(.fastHTML):
            writer.unsigned(Kind.fastHTML.rawValue)
        case .escaping(.library(let contentType)):
            guard let name = TokenReflection.libraryName(of: contentType) else { return false }
            writer.unsigned(Kind.library.rawValue)
            writer.string(name)
        case .escaping(.libraryHTML):
            writer.unsigned(Kind.library.rawValue)
            writer.string("HTML")
        }
        return true
    }

    fileprivate init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        guard let kind = Kind(rawValue: try reader.unsigned()) else { throw ByteReader.Damaged() }
        switch kind {
        case .text:
            self = .text(Array(try reader.raw()))
        case .variable:
            self = .variable(try ValuePath(from: &reader), escaped: try reader.bool())
        case .section:
            self = .section(try ValuePath(from: &reader), try CompiledTemplate(from: &reader))
        case .invertedSection:
            self = .invertedSection(try ValuePath(from: &reader), try CompiledTemplate(from: &reader))
        case .block:
            let name = try reader.string()
            let indentation = try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() }
            self = .block(name: name, fallback: try CompiledTemplate(from: &reader), indentation: indentation)
        case .partial:
            let name = try reader.string()
            let indentation = try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() }
            var overrides: [String: CompiledTemplate]?
            if try reader.bool() {
                var blocks: [String: CompiledTemplate] = [:]
                for _ in 0..<(try reader.count()) {
                    let block = try reader.string()
                    blocks[block] = try CompiledTemplate(from: &reader)
                }
                overrides = blocks
            }
            self = .partial(name: name, indentation: indentation, overrides: overrides)
        case .fastHTML:
            self = .escaping(.fastHTML)
        case .library:
            guard let escaping = TokenReflection.libraryEscapings[try reader.string()] else {
                throw ByteReader.Damaged()
            }
            self = .escaping(escaping)
        }
    }
}

extension ValuePath {
    fileprivate func write(to writer: inout ByteWriter) {
        writer.bool(isCurrent)
        writer.bool(isAnchored)
        writer.array(names) { $0.string($1) }
    }

    fileprivate init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        isCurrent = try reader.bool()
        isAnchored = try reader.bool()
        names = try reader.array { reader throws(ByteReader.Damaged) in try reader.string() }
    }
}
