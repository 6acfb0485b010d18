import Foundation

/// The cache's binary layout: a magic word and version, then the fields in declaration order.
extension BuildCache {
    private static let magic = Array("helpcenter-build-cache".utf8)

    func write(to writer: inout ByteWriter) {
        writeAllButOutput(to: &writer)
        output.write(to: &writer)
    }

    /// Every field but `output`, which comes last so the rest can be encoded while the build
    /// runs, before the output exists.
    func writeAllButOutput(to writer: inout ByteWriter) {
        writer.raw(Self.magic)
        writer.unsigned(UInt64(Self.formatVersion))
        writer.string(generator)
        writer.raw(inputs)
        writer.int(Int(startedAt))
        writer.optional(git) { $0.string($1) }
        writer.reserve((patch?.base.articles.count ?? 0) + (patch?.base.gitDates.count ?? 0))
        if let patch, patch.gitDatesUnchanged {
            writer.verbatim(patch.base.gitDates)
        } else {
            // Dictionaries go in their own order: sorting 10,000 entries would cost more than
            // the cache saves on a small site, and nothing compares the files' bytes.
            writer.array(Array(gitDates)) { writer, entry in
                writer.string(entry.key)
                writer.double(entry.value.timeIntervalSinceReferenceDate)
            }
        }
        writer.array(categories) { $0.string($1) }
        writer.array(indexDigests.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.raw(entry.value)
        }
        writer.unsigned(UInt64(articles.count))
        if let patch { return writePatchedArticles(patch, to: &writer) }
        let reused = encodedArticles.values.reduce(0) { $0 + $1.count }
        writer.reserve(reused + 2048 * (articles.count - encodedArticles.count))
        // In load order, so the next build finds each entry where it looks first (`ReuseMatcher`).
        // Each article once: two canonically equal paths (`é` composed or not) are one key.
        let ordered =
            articleOrder.count == articles.count && Set(articleOrder).count == articles.count
            && articleOrder.allSatisfy { articles[$0] != nil }
        for path in ordered ? articleOrder : Array(articles.keys) {
            guard let entry = articles[path] else { preconditionFailure("every path is an article") }
            if let record = encodedArticles[path] {
                writer.verbatim(record)
                continue
            }
            Self.write(entry, to: &writer)
        }
    }

    /// The previous cache's records, each changed one encoded afresh in its place.
    private func writePatchedArticles(_ patch: Patch, to writer: inout ByteWriter) {
        let records = patch.base.articles
        var copiedUpTo = records.startIndex
        for change in patch.changed {
            writer.verbatim(records[copiedUpTo..<change.range.lowerBound])
            guard let entry = articles[change.path] else { preconditionFailure("a patch changes only its articles") }
            Self.write(entry, to: &writer)
            copiedUpTo = change.range.upperBound
        }
        writer.verbatim(records[copiedUpTo...])
    }

    private static func write(_ entry: CachedArticle, to writer: inout ByteWriter) {
        entry.stamp.write(to: &writer)
        writer.raw(entry.digest)
        entry.article.write(to: &writer)
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        guard Array(try reader.raw()) == Self.magic, try reader.unsigned() == UInt64(Self.formatVersion) else {
            throw ByteReader.Damaged()
        }
        generator = try reader.string()
        inputs = Array(try reader.raw())
        startedAt = Int64(try reader.int())
        git = try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() }
        let datesStart = reader.offset
        let dates = try reader.array { reader throws(ByteReader.Damaged) in
            (try reader.string(), Date(timeIntervalSinceReferenceDate: try reader.double()))
        }
        gitDates = Dictionary(dates) { first, _ in first }
        let encodedGitDates = reader.bytes(since: datesStart)
        categories = try reader.array { reader throws(ByteReader.Damaged) in try reader.string() }
        let digests = try reader.array { reader throws(ByteReader.Damaged) in
            (try reader.string(), Array(try reader.raw()))
        }
        indexDigests = Dictionary(digests) { first, _ in first }
        var records: [ArraySlice<UInt8>] = []
        let entryCount = try reader.count()
        let recordsStart = reader.offset
        let entries = try reader.elements(entryCount) { reader throws(ByteReader.Damaged) in
            let start = reader.offset
            let entry = CachedArticle(
                stamp: try FileStamp(from: &reader), digest: Array(try reader.raw()),
                article: try Article(from: &reader))
            records.append(reader.bytes(since: start))
            return entry
        }
        var articles: [String: CachedArticle] = [:]
        articles.reserveCapacity(entries.count)
        for entry in entries { articles[entry.article.sourcePath] = entry }
        // One record per path, or the sections could not be copied as they are.
        guard articles.count == entries.count else { throw ByteReader.Damaged() }
        self.articles = articles
        orderedArticles = entries
        orderedRecords = records
        encodedSections = EncodedSections(articles: reader.bytes(since: recordsStart), gitDates: encodedGitDates)
        output = try FileStamp(from: &reader)
    }
}

extension Article {
    /// The skeleton's fields: body HTML, links and claims are never cached.
    func write(to writer: inout ByteWriter) {
        writer.string(sourcePath)
        frontMatter.write(to: &writer)
        writer.string(slug)
        writer.string(categoryKey)
        // Only the ids: other pages check anchors against them; levels, texts and lines are
        // for the article's own table of contents, rendered only after a fresh parse.
        writer.array(body.headings) { $0.string($1.id) }
        writer.array(body.diagnostics) { writer, diagnostic in
            writer.bool(diagnostic.severity == .error)
            writer.string(diagnostic.location.path)
            writer.optional(diagnostic.location.line) { $0.int($1) }
            writer.optional(diagnostic.location.column) { $0.int($1) }
            writer.string(diagnostic.message)
        }
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        let sourcePath = try reader.string()
        let frontMatter = try FrontMatter(from: &reader)
        let slug = try reader.string()
        let categoryKey = try reader.string()
        let headings = try reader.array { reader throws(ByteReader.Damaged) in
            Heading(level: 0, id: try reader.string(), text: "", line: 0)
        }
        let diagnostics = try reader.array { reader throws(ByteReader.Damaged) in
            let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
            let location = SourceLocation(
                path: try reader.string(),
                line: try reader.optional { reader throws(ByteReader.Damaged) in try reader.int() },
                column: try reader.optional { reader throws(ByteReader.Damaged) in try reader.int() })
            return Diagnostic(severity, at: location, try reader.string())
        }
        self.init(
            sourcePath: sourcePath, frontMatter: frontMatter, slug: slug, categoryKey: categoryKey,
            body: RenderedMarkdown(html: "", headings: headings, claims: [], diagnostics: diagnostics))
    }
}

extension FrontMatter {
    func write(to writer: inout ByteWriter) {
        writer.string(title)
        writer.optional(description) { $0.string($1) }
        writer.int(weight)
        writer.optional(slug) { $0.string($1) }
        writer.bool(draft)
        writer.array(aliases) { $0.string($1) }
        writer.array(tags) { $0.string($1) }
        writer.optional(lastmod) { $0.double($1.timeIntervalSinceReferenceDate) }
        TemplateValue.dictionary(params).write(to: &writer)
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        let title = try reader.string()
        let description = try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() }
        let weight = try reader.int()
        let slug = try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() }
        let draft = try reader.bool()
        let aliases = try reader.array { reader throws(ByteReader.Damaged) in try reader.string() }
        let tags = try reader.array { reader throws(ByteReader.Damaged) in try reader.string() }
        let lastmod = try reader.optional { reader throws(ByteReader.Damaged) in
            Date(timeIntervalSinceReferenceDate: try reader.double())
        }
        guard case .dictionary(let params) = try TemplateValue(from: &reader) else { throw ByteReader.Damaged() }
        self.init(
            title: title, description: description, weight: weight, slug: slug, draft: draft, aliases: aliases,
            tags: tags, lastmod: lastmod, params: params)
    }
}

extension TemplateValue {
    func write(to writer: inout ByteWriter) {
        switch self {
        case .string(let value):
            writer.unsigned(0)
            writer.string(value)
        case .int(let value):
            writer.unsigned(1)
            writer.int(value)
        case .double(let value):
            writer.unsigned(2)
            writer.double(value)
        case .bool(let value):
            writer.unsigned(3)
            writer.bool(value)
        case .array(let values):
            writer.unsigned(4)
            writer.array(values) { $1.write(to: &$0) }
        case .dictionary(let values):
            writer.unsigned(5)
            writer.array(values.sorted { $0.key < $1.key }) { writer, entry in
                writer.string(entry.key)
                entry.value.write(to: &writer)
            }
        case .null:
            writer.unsigned(6)
        }
    }

    /// Nesting deeper than YAML front matter would ever hold means the file is damaged (and
    /// would otherwise recurse until the stack overflows).
    private static let maximumDepth = 256

    init(from reader: inout ByteReader, depth: Int = 0) throws(ByteReader.Damaged) {
        guard depth < Self.maximumDepth else { throw ByteReader.Damaged() }
        switch try reader.unsigned() {
        case 0: self = .string(try reader.string())
        case 1: self = .int(try reader.int())
        case 2: self = .double(try reader.double())
        case 3: self = .bool(try reader.bool())
        case 4:
            self = .array(
                try reader.array { reader throws(ByteReader.Damaged) in
                    try TemplateValue(from: &reader, depth: depth + 1)
                })
        case 5:
            let entries = try reader.array { reader throws(ByteReader.Damaged) in
                (try reader.string(), try TemplateValue(from: &reader, depth: depth + 1))
            }
            self = .dictionary(Dictionary(entries) { first, _ in first })
        case 6: self = .null
        default: throw ByteReader.Damaged()
        }
    }
}
