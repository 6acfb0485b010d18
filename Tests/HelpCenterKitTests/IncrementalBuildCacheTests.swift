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
        #expect(decoded.encodedArticles.count == 1, "each article's record is kept for the next cache")
        decoded.encodedArticles = [:]
        #expect(decoded == cache)
        for length in stride(from: 0, to: writer.bytes.count, by: 7) {
            var truncated = ByteReader(Array(writer.bytes.prefix(length)))
            #expect(throws: ByteReader.Damaged.self) { try BuildCache(from: &truncated) }
        }
    }

    @Test("a new cache copies the records of articles taken unchanged, and encodes the others afresh")
    func recordsReused() throws {
        func article(_ name: String, title: String) -> Article {
            Article(
                sourcePath: "Content/a/\(name).md", frontMatter: FrontMatter(title: title), slug: name,
                categoryKey: "a",
                body: RenderedMarkdown(html: "", headings: [], claims: [], diagnostics: []))
        }
        func stamp(_ modified: Int64) -> FileStamp {
            FileStamp(device: 1, inode: UInt64(modified), size: 10, modified: modified, changed: modified)
        }
        var tracking = LoadedContent.Tracking()
        for (index, name) in ["same", "racy", "touched"].enumerated() {
            let path = "Content/a/\(name).md"
            tracking.articles[path] = CachedArticle(
                stamp: stamp(Int64(index)), digest: [1], article: article(name, title: "Old \(name)"))
        }
        var writer = ByteWriter()
        BuildCache(generator: "g", inputs: [], startedAt: 0, git: nil, tracking: tracking, previous: nil)
            .write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let previous = try BuildCache(from: &reader)
        // "racy" was edited within the same time stamp and parsed again; "touched" has a new
        // stamp but the same bytes (taken by digest); "same" is untouched.
        tracking.articles["Content/a/racy.md"]?.article = article("racy", title: "New racy")
        tracking.articles["Content/a/racy.md"]?.digest = [2]
        tracking.parsed = ["Content/a/racy.md"]
        tracking.articles["Content/a/touched.md"]?.stamp = stamp(99)
        let next = BuildCache(
            generator: "g", inputs: [], startedAt: 0, git: nil, tracking: tracking, previous: previous)
        #expect(next.encodedArticles.keys.sorted() == ["Content/a/same.md"])
        writer = ByteWriter()
        next.write(to: &writer)
        reader = ByteReader(writer.bytes)
        #expect(try BuildCache(from: &reader).articles == tracking.articles)
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
