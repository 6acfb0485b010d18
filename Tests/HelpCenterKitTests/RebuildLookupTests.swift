import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// A one-article rebuild finds related articles, link targets and linked articles without the
/// site-wide tables a full build makes; each shortcut must answer as its table does.
@Suite("Rebuild lookups")
struct RebuildLookupTests {
    static let tags = ["zoom", "billing", "calendar", "Café", "Cafe\u{301}", "x", "long-tag-name-over-15"]

    /// Articles in `categories` folders with random titles, slugs, tags (repeated ones too),
    /// drafts and headings.
    static func randomSite(_ random: inout SeededGenerator, contentPath: String = "Content") -> SiteContent {
        var categories: [Category] = []
        for index in 0..<4 {
            let key = "topic-\(index)"
            var articles: [Article] = []
            for number in 0..<Int(random.next() % 30) {
                var tags: [String] = []
                for _ in 0..<Int(random.next() % 5) {
                    tags.append(Self.tags[Int(random.next() % UInt64(Self.tags.count))])
                }
                let slug = random.next() % 4 == 0 ? "custom-\(number)" : "article-\(number)"
                let matter = FrontMatter(
                    title: "Title \(random.next() % 6)", slug: slug, draft: random.next() % 7 == 0, tags: tags)
                let heading = Heading(level: 2, id: "h-\(number)", text: "H", line: 3)
                let body = RenderedMarkdown(html: "", headings: [heading], claims: [], diagnostics: [])
                articles.append(
                    Article(
                        sourcePath: "\(contentPath)/\(key)/article-\(number).md", frontMatter: matter, slug: slug,
                        categoryKey: key, body: body))
            }
            let intro = RenderedMarkdown(
                html: "", headings: [Heading(level: 2, id: "intro", text: "I", line: 1)], claims: [], diagnostics: [])
            categories.append(
                Category(
                    key: key, sourcePath: nil, frontMatter: FrontMatter(title: key), body: intro, articles: articles,
                    folder: "\(contentPath)/\(key)"))
        }
        let home = Category(
            key: "", sourcePath: "\(contentPath)/_index.md", frontMatter: FrontMatter(title: "Home"),
            body: RenderedMarkdown(
                html: "", headings: [Heading(level: 2, id: "welcome", text: "W", line: 1)], claims: [], diagnostics: []),
            articles: [])
        return SiteContent(home: home, categories: categories)
    }

    @Test("related articles by a scan equal those of the tag index, ties and repeated tags included")
    func relatedArticles() {
        var random = SeededGenerator(seed: 21)
        for _ in 0..<30 {
            let articles = Self.randomSite(&random).articles
            let indexed = RelatedArticles(articles, indexed: true)
            let scanned = RelatedArticles(articles, indexed: false)
            for article in articles {
                #expect(
                    scanned.related(to: article).map(\.sourcePath) == indexed.related(to: article).map(\.sourcePath),
                    "\(article.sourcePath) \(article.frontMatter.tags)")
            }
        }
    }

    @Test("link targets found in their category equal the table of every page, for pages and non-pages")
    func linkTargets() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<20 {
            let content = Self.randomSite(&random)
            let table = LinkTargets(content, indexed: true)
            let scan = LinkTargets(content, indexed: false)
            let urls =
                table.urls.sorted() + [
                    "topic-9/", "topic-1", "topic-1/article-0", "topic-1/missing/", "/topic-1/", "topic-1/article-0/x/",
                    "topic-1//", "search", "search/x/", "assets/", "topic-1/custom-0/",
                ]
            for url in urls {
                #expect(scan[url]?.headings == table[url]?.headings, "\(url)")
                #expect(scan[url]?.draft == table[url]?.draft, "\(url)")
            }
            #expect(table.urls.count == 2 + content.categories.count + content.articleCount)
        }
    }

    @Test("a category named search, and names that start with a combining mark, are found as the tables find them")
    func unusualNames() {
        func article(_ key: String, _ name: String) -> Article {
            Article(
                sourcePath: "Content/\(key)/\(name).md", frontMatter: FrontMatter(title: name), slug: name,
                categoryKey: key,
                body: RenderedMarkdown(
                    html: "", headings: [Heading(level: 2, id: "h", text: "H", line: 1)], claims: [], diagnostics: []))
        }
        let intro = RenderedMarkdown(
            html: "", headings: [Heading(level: 2, id: "overview", text: "O", line: 1)], claims: [], diagnostics: [])
        let content = SiteContent(
            home: nil,
            categories: ["search", "cat", "cat\u{301}"].map { key in
                Category(
                    key: key, sourcePath: "Content/\(key)/_index.md", frontMatter: FrontMatter(title: key), body: intro,
                    articles: [article(key, "a"), article(key, "\u{301}x"), article(key, "\u{200D}z")],
                    folder: "Content/\(key)")
            })
        let table = LinkTargets(content, indexed: true)
        let scan = LinkTargets(content, indexed: false)
        for url in table.urls.sorted() + ["search/x/", "cat/\u{301}/"] {
            #expect(scan[url]?.headings == table[url]?.headings, "\(url.unicodeScalars.map(\.value))")
            #expect(scan[url]?.draft == table[url]?.draft)
        }
        #expect(scan["search/"]?.headings.map(\.id) == ["overview"])
        let all = Set(content.articles.map(\.sourcePath))
        #expect(content.articles(at: all).map(\.article.sourcePath) == content.articles.map(\.sourcePath))
        for path in all {
            #expect(
                content.articles(at: [path]).map(\.article.sourcePath) == [path], "\(path.unicodeScalars.map(\.value))")
        }
    }

    @Test("a .md link finds its article by folder and file as a table of absolute source paths did")
    func markdownLinks() {
        var random = SeededGenerator(seed: 9)
        let config = SiteConfig(title: "T", baseURL: "https://example.com/docs/")
        for contentPath in ["Content", "./Content", "site/../Content", "/tmp/help/Content", "/"] {
            let content = Self.randomSite(&random, contentPath: contentPath == "/" ? "" : contentPath)
            let table = LinkResolver(content: content, config: config, contentPath: contentPath)
            let scan = LinkResolver(content: content, config: config, contentPath: contentPath, indexed: false)
            var byAbsolutePath: [String: String] = [:]
            for article in content.articles {
                byAbsolutePath[LexicalPath.absolute(article.sourcePath)] = article.relativeURL
            }
            for article in content.articles {
                let source = content.articles[Int(random.next() % UInt64(content.articleCount))]
                let file = (article.sourcePath as NSString).lastPathComponent
                let links = [
                    "../\(article.categoryKey)/\(file)", "../\(article.categoryKey)/\(file)#h-1", "./\(file)",
                    "/\(article.categoryKey)/\(file)", "../../\(article.categoryKey)/\(file)", "../\(file)",
                    "../\(article.categoryKey)/nested/\(file)", "../\(article.categoryKey)/missing.md",
                ]
                for link in links {
                    let expected = Self.naiveTarget(
                        link, from: source, contentPath: contentPath, byAbsolutePath: byAbsolutePath)
                    for resolver in [table, scan] {
                        let target = resolver.resolve(link, fromPage: source.relativeURL, sourcePath: source.sourcePath)
                        #expect(target == expected, "\(contentPath): \(link) from \(source.sourcePath)")
                    }
                }
            }
        }
    }

    @Test("a rebuild's changed articles are found by folder, in site order, as filtering every article did")
    func changedArticles() {
        var random = SeededGenerator(seed: 17)
        for contentPath in ["Content", "./Content", "/srv/help"] {
            let content = Self.randomSite(&random, contentPath: contentPath)
            let all = content.articles.map(\.sourcePath)
            for _ in 0..<20 {
                var paths = Set(all.filter { _ in random.next() % 5 == 0 })
                paths.insert("\(contentPath)/topic-1/not-there.md")
                paths.insert("\(contentPath)/missing/article-0.md")
                let expected = content.categories.flatMap { category in
                    category.articles.filter { paths.contains($0.sourcePath) }.map {
                        "\(category.key) \($0.sourcePath)"
                    }
                }
                #expect(content.articles(at: paths).map { "\($0.category.key) \($0.article.sourcePath)" } == expected)
            }
        }
    }

    /// How `LinkResolver` found a `.md` link's article before: a table of absolute source paths.
    static func naiveTarget(
        _ link: String, from source: Article, contentPath: String, byAbsolutePath: [String: String]
    ) -> LinkResolver.Target {
        let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
        let path = parts[0]
        let file =
            path.hasPrefix("/")
            ? LexicalPath.absolute(contentPath) + path : LexicalPath.folder(of: source.sourcePath) + "/" + path
        guard let page = byAbsolutePath[LexicalPath.normalize(file)] else { return .unknownMarkdown(path) }
        return .page(page, anchor: parts.count > 1 ? parts[1] : nil)
    }

    @Test("the cache checksum is the same for any split of the bytes, and changes with any byte or the length")
    func checksum() {
        var random = SeededGenerator(seed: 29)
        let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let whole = CacheFile.checksum(bytes)
        for _ in 0..<200 {
            let first = Int(random.next() % 301)
            let second = first + Int(random.next() % UInt64(301 - first))
            #expect(
                CacheFile.checksum(Array(bytes[..<first]), Array(bytes[first..<second]), Array(bytes[second...]))
                    == whole)
        }
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= UInt8(truncatingIfNeeded: 1 + random.next() % 255)
            #expect(CacheFile.checksum(changed) != whole, "byte \(index)")
        }
        for length in 0..<bytes.count { #expect(CacheFile.checksum(Array(bytes[..<length])) != whole) }
        #expect(CacheFile.checksum([0]) != CacheFile.checksum([0, 0]))
        #expect(CacheFile.checksum([]) != CacheFile.checksum([0]))
    }

    @Test("cache strings are decoded exactly when they are valid UTF-8, as String(validating:) says")
    func exactStrings() {
        var random = SeededGenerator(seed: 3)
        let pieces: [[UInt8]] = [
            [0x61], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x99, 0x82], [0x80], [0xC3], [0xFF],
            [0xED, 0xA0, 0x80],
            [0xEF, 0xBF, 0xBD], [0x00], [0xC0, 0xAF],
        ]
        for _ in 0..<3000 {
            let bytes = (0..<Int(random.next() % 8)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            let exact = bytes.withUnsafeBufferPointer(String.exactly)
            #expect(exact == String(validating: bytes, as: UTF8.self), "\(bytes)")
            if let exact { #expect(Array(exact.utf8) == bytes) }
        }
    }

    @Test("a file read with read(2) alone gives FileManager's bytes; a missing file gives nil")
    func fileBytes() throws {
        let folder = try TemporarySite()
        for size in [0, 1, 4095, 4096, 4097, 1_000_003] {
            let path = folder.path("file-\(size)")
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(FileBytes.read(path) == bytes, "\(size) bytes")
        }
        #expect(FileBytes.read(folder.path("missing")) == nil)
        // A file longer than `stat` said (a pipe says 0): read to its end.
        let pipe = folder.path("pipe")
        #expect(mkfifo(pipe, 0o600) == 0)
        let streamed = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: pipe)
            handle?.write(Data(streamed))
            try? handle?.close()
        }
        writer.start()
        #expect(FileBytes.read(pipe) == streamed)
        #expect(FileBytes.read(folder.path("")) == nil, "a folder is not a file")
    }
}
