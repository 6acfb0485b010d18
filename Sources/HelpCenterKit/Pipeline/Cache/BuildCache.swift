import Foundation

/// What the last successful build knew, kept beside the output (`.Public.build-cache`) so the
/// next build re-renders only what changed. Everything in it is checked before it is trusted:
/// a cache from another generator binary, other inputs, another output folder or a damaged
/// file is ignored and the build is a full one.
struct BuildCache: Sendable, Hashable {
    /// Bumped whenever the encoding or the meaning of a field changes.
    static let formatVersion = 2

    /// The helpcenter binary that wrote it (size and time of the executable): new code may
    /// render differently, so its pages are never reused.
    var generator: String
    /// `BuildInputs`: site.yml, templates, assets, verification results, build options.
    var inputs: [UInt8]
    /// The output folder the cache describes (device and inode of `Public/` after the build):
    /// a folder replaced, deleted or rebuilt by anyone else does not match.
    var output: FileStamp
    /// When the build started (ns since 1970): files modified since then may have changed again
    /// within one tick of the file system's clock, so their bytes are compared, not their stamps.
    var startedAt: Int64
    /// `GitHead.key` of the content's repository, and the commit dates read for it.
    var git: String?
    var gitDates: [String: Date]
    /// Category folders, and a digest of each `_index.md` (their text is on many pages).
    var categories: [String]
    var indexDigests: [String: [UInt8]]
    /// Every article (drafts included) by source path.
    var articles: [String: CachedArticle]
    /// For a new cache: the records of articles taken unchanged from the one before, by source
    /// path, copied instead of encoded again. Not part of what the cache says.
    var encodedArticles: [String: ArraySlice<UInt8>] = [:]
    /// A read cache's records exactly as encoded, in the order of `orderedArticles` (see
    /// `records(of:)`).
    var orderedRecords: [ArraySlice<UInt8>] = []
    /// The articles' paths in the order they loaded (`LoadedContent.Tracking.order`), which is
    /// the order their records are written in. Not part of what the cache says.
    var articleOrder: [String] = []
    /// A read cache's articles in the order of its records.
    var orderedArticles: [CachedArticle] = []
    /// A read cache's bytes of every article record together, and of `gitDates`.
    var encodedSections: EncodedSections?
    /// A new cache of the same articles as the one it was built from: which records to encode
    /// afresh, every other one being copied from the old cache's bytes as it is.
    var patch: Patch?

    struct EncodedSections: Sendable, Hashable {
        var articles: ArraySlice<UInt8>
        var gitDates: ArraySlice<UInt8>
    }

    struct Patch: Sendable, Hashable {
        var base: EncodedSections
        /// Where in `base.articles` each changed article's old record is, in file order.
        var changed: [ChangedRecord]
        /// The same commit dates: their bytes are copied too.
        var gitDatesUnchanged: Bool
    }

    struct ChangedRecord: Sendable, Hashable {
        var range: Range<Int>
        var path: String
    }
}

/// One article as the cache keeps it: enough to list, link and check it without its body.
struct CachedArticle: Sendable, Hashable {
    var stamp: FileStamp
    /// SHA-256 of the file's text.
    var digest: [UInt8]
    /// The article without its body's HTML, links and claims, with its heading ids (for anchors)
    /// and its warnings (reported again on every build); front matter as written, before any
    /// git date is filled in.
    var article: Article
}

extension Article {
    /// What the cache keeps of an article (see `CachedArticle.article`).
    var skeleton: Article {
        var copy = self
        copy.body.html = ""
        copy.body.links = []
        copy.body.claims = []
        copy.body.claimOffsets = [:]
        copy.body.headings = body.headings.map { Heading(level: 0, id: $0.id, text: "", line: 0) }
        return copy
    }
}

extension BuildCache {
    /// The cache a build will write once its output exists (`output` is set then). Articles
    /// taken from `previous` with the same stamp are the same record, so its bytes are reused.
    init(
        generator: String, inputs: [UInt8], startedAt: Int64, git: String?, tracking: LoadedContent.Tracking,
        previous: BuildCache?
    ) {
        self.init(
            generator: generator, inputs: inputs,
            output: FileStamp(device: 0, inode: 0, size: 0, modified: 0, changed: 0),
            startedAt: startedAt, git: git, gitDates: tracking.commitDates, categories: tracking.categories,
            indexDigests: tracking.indexDigests, articles: tracking.articles)
        articleOrder = tracking.order
        guard let previous else { return }
        // The same articles (as the incremental plan checks): the previous records in their
        // order, with the few changed ones replaced, instead of 10,000 looked up and copied.
        if let sections = previous.encodedSections, tracking.notInCache == 0,
            tracking.articles.count == previous.articles.count
        {
            let paths = tracking.parsed.union(tracking.restamped)
            let oldRecords = previous.records(of: paths)
            let changed = paths.compactMap { path -> ChangedRecord? in
                guard tracking.articles[path] != nil, let old = oldRecords[path] else { return nil }
                return ChangedRecord(range: old.startIndex..<old.endIndex, path: path)
            }
            if changed.count == paths.count {
                patch = Patch(
                    base: sections, changed: changed.sorted { $0.range.lowerBound < $1.range.lowerBound },
                    gitDatesUnchanged: git != nil && git == previous.git)
                return
            }
        }
        let oldRecords = previous.records(of: tracking.articles.keys)
        for (path, entry) in tracking.articles where !tracking.parsed.contains(path) {
            guard let record = oldRecords[path], previous.articles[path]?.stamp == entry.stamp else {
                continue
            }
            encodedArticles[path] = record
        }
    }

    /// A read cache's records of `paths` (those it has), by path. A few are looked for one by
    /// one; a table of 10,000 built while the cache is read cost a sixth of a rebuild's wait
    /// for the cache.
    func records(of paths: some Collection<String>) -> [String: ArraySlice<UInt8>] {
        var found: [String: ArraySlice<UInt8>] = [:]
        if paths.count <= 32 {
            for path in paths {
                guard let index = orderedArticles.firstIndex(where: { $0.article.sourcePath == path }) else { continue }
                found[path] = orderedRecords[index]
            }
            return found
        }
        let wanted = Set(paths)
        for (entry, record) in zip(orderedArticles, orderedRecords) where wanted.contains(entry.article.sourcePath) {
            found[entry.article.sourcePath] = record
        }
        return found
    }

    /// The cache beside the output at `outputPath` (`.Public.build-cache` next to `Public/`), or
    /// `nil` when there is none, it is damaged or another binary wrote it.
    static func load(forOutput outputPath: String, generator: String) -> BuildCache? {
        let path = path(forOutput: outputPath)
        guard let payload = CacheFile.read(path) else { return nil }
        var reader = ByteReader(payload)
        guard let cache = try? BuildCache(from: &reader), reader.isAtEnd, cache.generator == generator else {
            return nil
        }
        return cache
    }

    /// Whether there is a cache beside the output at `outputPath` at all (trusted or not).
    static func exists(forOutput outputPath: String) -> Bool {
        access(path(forOutput: outputPath), F_OK) == 0
    }

    /// Everything but `output` (written last), encoded: the slow part of saving, done while the
    /// pages render.
    func encodedWithoutOutput() -> ByteWriter {
        var writer = ByteWriter()
        writeAllButOutput(to: &writer)
        return writer
    }

    /// Saves what `encodedWithoutOutput` gave, with `output` (the folder's stamp) appended,
    /// replacing the cache beside `outputPath` atomically (a temporary file renamed over it).
    static func save(_ encoded: ByteWriter, output: FileStamp, forOutput outputPath: String) throws {
        // The encoded bulk is written as it is: appending to it would copy 4 MB.
        var tail = ByteWriter()
        output.write(to: &tail)
        try CacheFile.write(
            [encoded.bytes, tail.bytes], to: path(forOutput: outputPath),
            through: OutputSibling.cacheTemporary.url(next: URL(fileURLWithPath: outputPath)).path)
    }

    /// Deletes the cache before the output changes in place, so a build killed half-way is
    /// followed by a full one.
    static func invalidate(forOutput outputPath: String) {
        unlink(path(forOutput: outputPath))
    }

    /// The cache file beside the output at `outputPath`.
    static func path(forOutput outputPath: String) -> String {
        OutputSibling.cache.url(next: URL(fileURLWithPath: outputPath)).path
    }

    /// Identifies the running binary: a rebuilt helpcenter never trusts an older one's cache.
    static var currentGenerator: String {
        guard let stamp = FileStamp(path: "/proc/self/exe") else { return "unknown-\(UUID().uuidString)" }
        return "\(formatVersion)-\(stamp.device)-\(stamp.inode)-\(stamp.size)-\(stamp.modified)"
    }
}
