import Foundation

/// The compiled templates of the last build, kept beside the output
/// (`.Public.template-cache`): parsing them with swift-mustache and reading its tokens back
/// (`TokenReflection`) cost a third of a 1,000-article rebuild's CPU, the same work every time
/// the templates did not change.
///
/// Trusted only from the same generator binary (whose parse it holds) and for exactly the same
/// template files: names, paths and texts. It is written only after a set compiled without
/// problems, so a set taken from it has none either.
enum TemplateCache {
    /// Bumped whenever the encoding changes.
    static let formatVersion: UInt64 = 1
    private static let magic = Array("helpcenter-template-cache".utf8)

    /// The set compiled from `sources` by the last build into `outputPath`, or `nil` when there
    /// is none, it is damaged, another binary wrote it or any template differs.
    static func load(forOutput outputPath: String, generator: String, sources: [TemplateSource]) -> TemplateSet? {
        guard let payload = CacheFile.read(path(forOutput: outputPath)) else { return nil }
        var reader = ByteReader(payload)
        return try? decode(from: &reader, generator: generator, sources: sources)
    }

    /// Saves `templates` for the next build into `outputPath`. A set the cache cannot hold
    /// (rendered by the library, or with an escaping only the library names) is not saved.
    static func save(_ templates: TemplateSet, forOutput outputPath: String, generator: String) throws {
        guard let encoded = encoded(templates, generator: generator) else { return }
        try CacheFile.write(
            [encoded], to: path(forOutput: outputPath),
            through: OutputSibling.templateCacheTemporary.url(next: URL(fileURLWithPath: outputPath)).path)
    }

    /// The payload for `templates`, or `nil` when the cache cannot hold them.
    static func encoded(_ templates: TemplateSet, generator: String) -> [UInt8]? {
        guard let compiled = templates.compiled, TokenReflection.libraryHTML != nil else { return nil }
        var writer = ByteWriter()
        writer.raw(magic)
        writer.unsigned(formatVersion)
        writer.string(generator)
        writer.array(templates.sources) { writer, source in
            writer.string(source.name)
            writer.string(source.path)
            writer.string(source.text)
        }
        writer.array(templates.siteWidePartials.sorted()) { $0.string($1) }
        writer.unsigned(UInt64(compiled.templates.count))
        for (name, template) in compiled.templates.sorted(by: { $0.key < $1.key }) {
            writer.string(name)
            guard template.encoded(to: &writer) else { return nil }
        }
        return writer.bytes
    }

    static func decode(from reader: inout ByteReader, generator: String, sources: [TemplateSource])
        throws(ByteReader.Damaged) -> TemplateSet?
    {
        guard Array(try reader.raw()) == magic, try reader.unsigned() == formatVersion,
            try reader.string() == generator
        else { return nil }
        let cachedSources = try reader.array { reader throws(ByteReader.Damaged) in
            TemplateSource(name: try reader.string(), path: try reader.string(), text: try reader.string())
        }
        // Byte for byte: `String`'s `==` calls canonically equivalent texts (`é` composed or
        // not) equal, and the pages would keep the old bytes.
        guard cachedSources.count == sources.count,
            zip(cachedSources, sources).allSatisfy({ $0.hasSameBytes(as: $1) })
        else { return nil }
        let siteWidePartials = try reader.array { reader throws(ByteReader.Damaged) in try reader.string() }
        var templates: [String: CompiledTemplate] = [:]
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            templates[name] = try CompiledTemplate(from: &reader)
        }
        guard reader.isAtEnd else { throw ByteReader.Damaged() }
        return TemplateSet(
            restoring: CompiledRenderer(templates: templates, startEscaping: .libraryHTML), sources: sources,
            siteWidePartials: Set(siteWidePartials))
    }

    private static func path(forOutput outputPath: String) -> String {
        OutputSibling.templateCache.url(next: URL(fileURLWithPath: outputPath)).path
    }
}

extension TemplateSource {
    /// The same name, path and text, byte for byte.
    fileprivate func hasSameBytes(as other: TemplateSource) -> Bool {
        name.utf8.elementsEqual(other.name.utf8) && path.utf8.elementsEqual(other.path.utf8)
            && text.utf8.elementsEqual(other.text.utf8)
    }
}
