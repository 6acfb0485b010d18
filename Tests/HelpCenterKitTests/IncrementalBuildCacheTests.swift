import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// When the cache must not be trusted, and what it holds: damaged or foreign caches, tampered
/// output folders, `--full`, concurrent builds, the file format.
extension IncrementalBuildTests {
    @Test("a missing, replaced or damaged output or cache means a full build", arguments: 0..<5)
    func untrustedCache(damage: Int) throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        let cache = site.path(".Public.build-cache")
        #expect(FileManager.default.fileExists(atPath: cache))
        switch damage {
        case 0: try FileManager.default.removeItem(at: site.url("Public"))
        case 1:
            try FileManager.default.moveItem(at: site.url("Public"), to: site.url("Elsewhere"))
            try FileManager.default.copyItem(at: site.url("Elsewhere"), to: site.url("Public"))
        case 2: try Data("not a cache".utf8).write(to: URL(fileURLWithPath: cache))
        case 3:
            let bytes = try Data(contentsOf: URL(fileURLWithPath: cache))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cache))
        default:
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache)))
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<20 { bytes[Int.random(in: 40..<bytes.count, using: &generator)] ^= 0x5A }
            try Data(bytes).write(to: URL(fileURLWithPath: cache))
        }
        try append(site, "Content/guides/article-1.md", "\nEdited.\n")
        let report = try buildAndCompare(site, "damage \(damage)")
        #expect(report.fullBuildReason != nil)
        #expect(try site.read("Public/guides/article-1/index.html").contains("Edited."))
    }

    @Test("--full ignores the cache, and the cache it writes serves the next build")
    func fullFlag() throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        let report = try SiteBuilder(options: options(site, cache: false)).build()
        #expect(report.fullBuildReason == "asked for with --full")
        try append(site, "Content/guides/article-1.md", "\nEdited.\n")
        #expect(try buildAndCompare(site, "after --full").rendered == 1)
    }

    @Test("an output folder emptied or put back from a copy is rebuilt whole", arguments: [false, true])
    func outputTamperedWith(restoredCopy: Bool) throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        if restoredCopy {
            try FileManager.default.copyItem(at: site.url("Public"), to: site.url("Copy"))
            try replace(site, "Content/guides/article-2.md", "title: Guides 2", "title: Renamed")
            try buildAndCompare(site, "title changed")
            try FileManager.default.removeItem(at: site.url("Public"))
            try FileManager.default.moveItem(at: site.url("Copy"), to: site.url("Public"))
        } else {
            for name in try FileManager.default.contentsOfDirectory(atPath: site.path("Public")) {
                try FileManager.default.removeItem(at: site.url("Public/" + name))
            }
        }
        let report = try buildAndCompare(site, restoredCopy ? "old copy put back" : "emptied")
        #expect(report.fullBuildReason == "the output folder is not the one the cache describes")
    }

    @Test("the cache file round-trips every field, and rejects any truncation")
    func cacheCoding() throws {
        let article = Article(
            sourcePath: "Content/a/b.md",
            frontMatter: FrontMatter(
                title: "T ✓", description: "D", weight: -3, slug: "s", draft: true, aliases: ["/x/"], tags: ["a", "b"],
                lastmod: Date(timeIntervalSince1970: 1_764_000_000.5),
                params: [
                    "n": .int(-7), "f": .double(1.5), "l": .array([.bool(true), .null]),
                    "d": .dictionary(["k": .string("v")]),
                ]),
            slug: "s", categoryKey: "a",
            body: RenderedMarkdown(
                html: "", headings: [Heading(level: 0, id: "x", text: "", line: 0)], claims: [],
                diagnostics: [.warning("w", at: SourceLocation(path: "p", line: 3, column: nil))]))
        let cache = BuildCache(
            generator: "g", inputs: [1, 2, 3], output: FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5),
            startedAt: 1_764_000_000_000_000_000, git: "commit abc", gitDates: ["/a": Date(timeIntervalSince1970: 5)],
            categories: ["a"], indexDigests: ["Content/a/_index.md": [9, 9]],
            articles: [
                article.sourcePath: CachedArticle(
                    stamp: FileStamp(device: .max, inode: 7, size: 8, modified: -9, changed: 10), digest: [4, 5],
                    article: article)
            ])
        #expect(article.skeleton == article, "a skeleton keeps heading ids only")
        var writer = ByteWriter()
        cache.write(to: &writer)
        var reader = ByteReader(writer.bytes)
        var decoded = try BuildCache(from: &reader)
        #expect(reader.isAtEnd)
        #expect(decoded.orderedRecords.count == 1, "each article's record is kept for the next cache")
        #expect(decoded.encodedSections?.articles == decoded.records(of: [article.sourcePath])[article.sourcePath])
        #expect(decoded.orderedArticles == Array(cache.articles.values))
        decoded.orderedRecords = []
        decoded.encodedSections = nil
        decoded.orderedArticles = []
        #expect(decoded == cache)
        for length in stride(from: 0, to: writer.bytes.count, by: 7) {
            var truncated = ByteReader(Array(writer.bytes.prefix(length)))
            #expect(throws: ByteReader.Damaged.self) { try BuildCache(from: &truncated) }
        }
    }

    private static func cachedArticle(_ name: String, title: String, modified: Int64) -> CachedArticle {
        CachedArticle(
            stamp: FileStamp(device: 1, inode: UInt64(modified), size: 10, modified: modified, changed: modified),
            digest: [1],
            article: Article(
                sourcePath: "Content/a/\(name).md", frontMatter: FrontMatter(title: title), slug: name,
                categoryKey: "a",
                body: RenderedMarkdown(html: "", headings: [], claims: [], diagnostics: [])))
    }

    /// A cache of `names` as the next build reads it.
    private static func readCache(of tracking: LoadedContent.Tracking, git: String? = "c") throws -> BuildCache {
        var writer = ByteWriter()
        BuildCache(generator: "g", inputs: [], startedAt: 0, git: git, tracking: tracking, previous: nil)
            .write(to: &writer)
        var reader = ByteReader(writer.bytes)
        return try BuildCache(from: &reader)
    }

    private static func reread(_ cache: BuildCache) throws -> BuildCache {
        var writer = ByteWriter()
        cache.write(to: &writer)
        var reader = ByteReader(writer.bytes)
        return try BuildCache(from: &reader)
    }

    @Test("the same articles: the new cache is the old one's records with only the parsed and restamped ones replaced")
    func recordsPatched() throws {
        let names = (0..<40).map { "article-\($0)" }
        var tracking = LoadedContent.Tracking()
        tracking.commitDates = ["/site/Content/a/article-1.md": Date(timeIntervalSince1970: 9)]
        for (index, name) in names.enumerated() {
            tracking.articles["Content/a/\(name).md"] = Self.cachedArticle(name, title: "Old", modified: Int64(index))
        }
        let previous = try Self.readCache(of: tracking)
        // One edited and parsed again; one with a new stamp but the same bytes (taken by digest).
        let edited = "Content/a/article-7.md"
        let touched = "Content/a/article-30.md"
        tracking.articles[edited]?.article = Self.cachedArticle("article-7", title: "New", modified: 7).article
        tracking.articles[edited]?.digest = [2]
        tracking.parsed = [edited]
        tracking.articles[touched]?.stamp.modified = 99
        tracking.restamped = [touched]
        let next = BuildCache(
            generator: "g", inputs: [], startedAt: 5, git: "c", tracking: tracking, previous: previous)
        #expect(next.patch?.changed.map(\.path).sorted() == [touched, edited])
        #expect(next.patch?.gitDatesUnchanged == true)
        let reread = try Self.reread(next)
        #expect(reread.articles == tracking.articles)
        #expect(reread.gitDates == tracking.commitDates)
        #expect(reread.startedAt == 5)
        // The untouched records are the old bytes.
        for name in names.map({ "Content/a/\($0).md" }) where name != edited && name != touched {
            #expect(
                reread.records(of: [name])[name].map(Array.init) == previous.records(of: [name])[name].map(Array.init))
        }
        // A chain of patched caches stays equal to one written from scratch.
        var chained = reread
        for round in 0..<5 {
            let name = "article-\(round * 3)"
            let path = "Content/a/\(name).md"
            tracking.articles[path]?.article = Self.cachedArticle(name, title: "Round \(round)", modified: 0).article
            tracking.parsed = [path]
            tracking.restamped = []
            chained = try Self.reread(
                BuildCache(generator: "g", inputs: [], startedAt: 0, git: "c", tracking: tracking, previous: chained))
            #expect(chained.articles == tracking.articles, "round \(round)")
        }
    }

    @Test("records are written in load order, and each loaded file finds the entry its path would")
    func loadOrder() throws {
        var random = SeededGenerator(seed: 11)
        var tracking = LoadedContent.Tracking()
        let names = (0..<60).map { "article-\($0)" }.shuffled(using: &random)
        for (index, name) in names.enumerated() {
            tracking.articles["Content/a/\(name).md"] = Self.cachedArticle(name, title: "T", modified: Int64(index))
            tracking.order.append("Content/a/\(name).md")
        }
        let cache = try Self.readCache(of: tracking)
        #expect(cache.orderedArticles.map(\.article.sourcePath) == tracking.order)
        // Records found one by one (few paths) and through a table (many) are the same.
        let many = cache.records(of: tracking.order + ["Content/a/missing.md"])
        #expect(many.count == tracking.order.count)
        for path in tracking.order {
            let few = cache.records(of: [path, "Content/a/missing.md"])
            #expect(few.count == 1 && few[path].map(Array.init) == many[path].map(Array.init))
        }
        let reuse = ArticleReuse(cache)
        for _ in 0..<50 {
            // Files loaded in the same order, with some gone and some new in between.
            var loaded = tracking.order.filter { _ in random.next() % 8 != 0 }
            for _ in 0..<Int(random.next() % 4) {
                loaded.insert(
                    "Content/a/new-\(random.next() % 100).md", at: Int(random.next() % UInt64(loaded.count + 1)))
            }
            if random.next() % 4 == 0 { loaded.shuffle(using: &random) }
            var matcher = ReuseMatcher(reuse)
            for path in loaded {
                let name = String(path.dropFirst("Content/a/".count))
                let folder = random.next() % 2 == 0 ? "Content/a" : "Content/a/"
                let found =
                    random.next() % 2 == 0
                    ? matcher.entry(for: path) : matcher.entry(in: folder, named: name) { "Content/a/" + name }
                #expect(found == reuse.entries[path], "\(path)")
            }
        }
        for (path, folder, name, joined) in [
            ("a/b.md", "a", "b.md", true), ("a/b.md", "a/", "b.md", true), ("a//b.md", "a/", "b.md", false),
            ("ab.md", "a", "b.md", false), ("a/b.md", "a", "c.md", false), ("a/b.mdx", "a", "b.md", false),
            ("/b.md", "/", "b.md", true), ("x/b.md", "a", "b.md", false), ("a/é.md", "a", "é.md", true),
            ("a/e\u{301}.md", "a", "é.md", false),
        ] {
            #expect(ReuseMatcher.isJoined(path, folder, name) == joined, "\(path) \(folder) \(name)")
        }
    }

    @Test("two canonically equal paths in the load order still give a cache that reads back whole")
    func canonicallyEqualPaths() throws {
        var tracking = LoadedContent.Tracking()
        tracking.articles["Content/a/\u{E9}.md"] = Self.cachedArticle("\u{E9}", title: "T", modified: 1)
        tracking.order = ["Content/a/\u{E9}.md", "Content/a/e\u{301}.md"]
        var writer = ByteWriter()
        BuildCache(generator: "g", inputs: [], startedAt: 0, git: nil, tracking: tracking, previous: nil)
            .write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let read = try BuildCache(from: &reader)
        #expect(reader.isAtEnd)
        #expect(read.articles == tracking.articles)
    }

    @Test("other articles or other commit dates: records of unchanged articles are copied one by one, dates encoded")
    func recordsReused() throws {
        var tracking = LoadedContent.Tracking()
        for (index, name) in ["same", "racy", "touched"].enumerated() {
            tracking.articles["Content/a/\(name).md"] = Self.cachedArticle(name, title: "Old", modified: Int64(index))
        }
        let previous = try Self.readCache(of: tracking)
        // An article added: the sections cannot be patched.
        tracking.articles["Content/a/added.md"] = Self.cachedArticle("added", title: "New", modified: 50)
        tracking.notInCache = 1
        tracking.articles["Content/a/racy.md"]?.article = Self.cachedArticle("racy", title: "New", modified: 1).article
        tracking.parsed = ["Content/a/racy.md", "Content/a/added.md"]
        tracking.articles["Content/a/touched.md"]?.stamp.modified = 99
        tracking.restamped = ["Content/a/touched.md"]
        tracking.commitDates = ["/x": Date(timeIntervalSince1970: 3)]
        let next = BuildCache(
            generator: "g", inputs: [], startedAt: 0, git: "other", tracking: tracking, previous: previous)
        #expect(next.patch == nil)
        #expect(next.encodedArticles.keys.sorted() == ["Content/a/same.md"])
        let reread = try Self.reread(next)
        #expect(reread.articles == tracking.articles)
        #expect(reread.gitDates == tracking.commitDates)
    }

    @Test("builds into the same output run one at a time: eight at once all succeed and end equal to a clean build")
    func concurrentBuilds() async throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        try append(site, "Content/guides/article-1.md", "\nConcurrent edit.\n")
        // Half of them full builds, which stage the whole site in a folder named after the
        // process: the same folder for all of them here.
        let variants = [options(site), options(site, cache: false)]
        let failures = await withTaskGroup(of: String?.self) { group in
            for index in 0..<8 {
                let options = variants[index % 2]
                group.addTask {
                    let failure = try? await offThePool { () -> String? in
                        do {
                            _ = try SiteBuilder(options: options).build()
                            return nil
                        } catch {
                            return "\(error)"
                        }
                    }
                    return failure ?? nil
                }
            }
            var failures: [String] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
        #expect(failures == [])
        let last = try buildAndCompare(site, "after eight concurrent builds")
        #expect(last.rendered == 0, "the cache and the pages agree")
    }
}
