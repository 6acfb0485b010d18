import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// The build cache's promise: after any edit, a build into the previous output gives exactly the
/// bytes of a clean build, and it takes the short path (only the edited pages rendered) when
/// nothing but article bodies changed.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A site with what makes pages depend on each other: categories with intros, tags (related
    /// articles), weights (pager order), cross-links with anchors, an alias, a draft and dates.
    static func makeSite() throws -> TemporarySite {
        let site = try TemporarySite()
        for (index, category) in ["billing", "guides", "setup"].enumerated() {
            try site.write(
                "Content/\(category)/_index.md",
                "---\ntitle: \(category.capitalized)\nweight: \(index)\n---\nAll about \(category).\n")
            for number in 1...4 {
                let tags = ["shared", "tag-\(number % 2)", "\(category)-tag"].prefix(number % 3 + 1)
                try site.writeArticle(
                    "Content/\(category)/article-\(number).md", title: "\(category.capitalized) \(number)",
                    extra:
                        "weight: \(number % 3)\ntags: [\(tags.joined(separator: ", "))]\ndescription: About \(number)\n",
                    body: "## Overview\n\nText \(number).\n\n## Steps\n\n1. Do it.\n")
            }
        }
        try site.writeArticle(
            "Content/guides/linking.md", title: "Linking",
            extra: "aliases: [/old/linking/]\nlastmod: 2026-01-02\n",
            body: "See [billing](../billing/article-1.md#steps) and [setup](/setup/article-2.md).\n")
        try site.writeArticle("Content/setup/draft.md", title: "Draft", extra: "draft: true\n")
        return site
    }

    func options(_ site: TemporarySite, output: String = "Public", cache: Bool = true) -> BuildOptions {
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path(output),
            configPath: site.path("site.yml"))
        options.searchIndexer = nil
        options.useCache = cache
        return options
    }

    /// Builds incrementally into `Public/` and from scratch into `Clean/`, and checks that both
    /// hold the same files with the same bytes.
    @discardableResult
    func buildAndCompare(_ site: TemporarySite, _ step: String) throws -> BuildReport {
        let report = try SiteBuilder(options: options(site)).build()
        try? FileManager.default.removeItem(at: site.url("Clean"))
        try? FileManager.default.removeItem(at: site.url(".Clean.build-cache"))
        _ = try SiteBuilder(options: options(site, output: "Clean", cache: false)).build()
        let incremental = try site.tree("Public")
        let clean = try site.tree("Clean")
        #expect(incremental.keys.sorted() == clean.keys.sorted(), "files differ after: \(step)")
        for (path, bytes) in clean where incremental[path] != bytes {
            Issue.record("\(path) differs from a clean build after: \(step)")
        }
        return report
    }

    func append(_ site: TemporarySite, _ relative: String, _ text: String) throws {
        try site.write(relative, try site.read(relative) + text)
    }

    func replace(_ site: TemporarySite, _ relative: String, _ old: String, _ new: String) throws {
        let text = try site.read(relative)
        #expect(text.contains(old), "test setup: \(old) not in \(relative)")
        try site.write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// Identity and modification time of a built file: unchanged means not rewritten.
    func stamp(_ site: TemporarySite, _ relative: String) -> FileStamp? {
        FileStamp(path: site.path(relative))
    }

    @Test("a body edit re-renders only that page, leaves every other file untouched and matches a clean build")
    func bodyEdit() throws {
        let site = try Self.makeSite()
        let first = try buildAndCompare(site, "first build")
        #expect(first.fullBuildReason == "no build cache yet")
        #expect(first.rendered == first.pages)
        let untouched = ["Public/index.html", "Public/guides/article-2/index.html", "Public/billing/index.html"]
        let before = untouched.map { stamp(site, $0) }

        let unchanged = try buildAndCompare(site, "nothing changed")
        #expect(unchanged.fullBuildReason == nil)
        #expect(unchanged.rendered == 0)

        try append(site, "Content/guides/article-1.md", "\nA new paragraph about refunds.\n")
        let edited = try buildAndCompare(site, "body edit")
        #expect(edited.fullBuildReason == nil)
        #expect(edited.rendered == 1)
        #expect(try site.read("Public/guides/article-1/index.html").contains("A new paragraph about refunds."))
        #expect(untouched.map { stamp(site, $0) } == before, "pages of other articles were rewritten")

        try append(site, "Content/billing/article-2.md", "\nMore.\n")
        try append(site, "Content/setup/article-3.md", "\nEven more.\n")
        let two = try buildAndCompare(site, "two body edits")
        #expect(two.rendered == 2)
    }

    @Test(
        "anything other pages show rebuilds everything, byte-identical to a clean build",
        arguments: [
            "title", "title, canonically equal", "description", "tags", "weight", "slug", "new heading", "draft",
            "alias", "lastmod", "add article",
            "remove article", "rename article", "template", "asset", "site.yml", "category intro", "new category",
        ])
    func fullRebuilds(change: String) throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        let article = "Content/guides/article-2.md"
        switch change {
        case "title": try replace(site, article, "title: Guides 2", "title: Renamed guide")
        case "title, canonically equal":
            // The same text to Swift's ==, other bytes on the page.
            try replace(site, article, "title: Guides 2", "title: Caf\u{E9}")
            try buildAndCompare(site, "precomposed")
            try replace(site, article, "title: Caf\u{E9}", "title: Cafe\u{301}")
        case "description": try replace(site, article, "description: About 2", "description: Changed")
        case "tags": try replace(site, article, "tags: [", "tags: [extra, ")
        case "weight": try replace(site, article, "weight: 2", "weight: 9")
        case "slug": try replace(site, article, "weight: 2", "weight: 2\nslug: moved")
        case "new heading": try append(site, article, "\n## Troubleshooting\n\nMore.\n")
        case "draft": try replace(site, article, "weight: 2", "weight: 2\ndraft: true")
        case "alias": try replace(site, article, "weight: 2", "weight: 2\naliases: [/older/]")
        case "lastmod": try replace(site, "Content/guides/linking.md", "2026-01-02", "2026-03-04")
        case "add article": try site.writeArticle("Content/guides/new.md", title: "New", extra: "tags: [shared]\n")
        case "remove article": try FileManager.default.removeItem(at: site.url(article))
        case "rename article":
            // As many files as before, one of them new to the cache.
            try FileManager.default.moveItem(at: site.url(article), to: site.url("Content/guides/renamed.md"))
        case "template": try append(site, "Templates/article.mustache", "<!-- changed -->\n")
        case "asset": try append(site, "Templates/assets/style.css", "\n/* changed */\n")
        case "site.yml": try replace(site, "site.yml", "title:", "title: Changed -")
        case "category intro": try append(site, "Content/billing/_index.md", "\nNew intro line.\n")
        case "new category": try site.writeArticle("Content/zeta/a.md", title: "Zeta")
        default: Issue.record("unknown change \(change)")
        }
        let report = try buildAndCompare(site, change)
        #expect(report.fullBuildReason != nil, "\(change) must rebuild every page")
        #expect(report.rendered == report.pages)
        // And the cache written by that full build serves the next body edit.
        try append(site, "Content/setup/article-1.md", "\nAfter \(change).\n")
        let next = try buildAndCompare(site, "body edit after \(change)")
        #expect(next.fullBuildReason == nil)
        #expect(next.rendered == 1)
    }

    @Test("a body edit that breaks a link fails, leaves the site as it was, and the fix builds incrementally")
    func brokenLinkInEdit() throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        let before = try site.tree("Public")
        try append(site, "Content/guides/article-3.md", "\nSee [gone](missing.md) and [anchor](linking.md#nowhere).\n")
        #expect(throws: HelpCenterError.self) { try SiteBuilder(options: options(site)).build() }
        do {
            _ = try SiteBuilder(options: options(site)).build()
        } catch {
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(text.contains("article-3.md:") && text.contains("broken link: missing.md"))
            #expect(text.contains("broken anchor: no heading with id 'nowhere'"))
        }
        #expect(try site.tree("Public") == before)
        try replace(site, "Content/guides/article-3.md", "[gone](missing.md) and [anchor](linking.md#nowhere)", "fixed")
        let fixed = try buildAndCompare(site, "link fixed")
        #expect(fixed.fullBuildReason == nil)
        #expect(fixed.rendered == 1)
    }

    @Test("removing a heading that another article links to is caught, even though only a body changed")
    func removedAnchorTarget() throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        try replace(site, "Content/billing/article-1.md", "## Steps", "## Procedure")
        do {
            _ = try SiteBuilder(options: options(site)).build()
            Issue.record("the link to #steps in linking.md must fail")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("broken anchor: no heading with id 'steps'") })
            #expect(error.diagnostics.contains { $0.location.path.hasSuffix("guides/linking.md") })
        }
    }

    @Test("saving a file unchanged, or with the same bytes, renders nothing")
    func touchedFiles() throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        let text = try site.read("Content/setup/article-4.md")
        try site.write("Content/setup/article-4.md", text)
        let report = try buildAndCompare(site, "same bytes written again")
        #expect(report.fullBuildReason == nil)
        #expect(report.rendered == 0)
    }

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

    @Test(
        "verification results: a new run with the same outcomes on the same day changes nothing; a new outcome rebuilds"
    )
    func verificationResults() throws {
        let site = try Self.makeSite()
        try append(site, "Content/guides/article-1.md", "\nIt connects. <!-- claim: connect.works -->\n")
        let claim = try #require(MarkdownRenderer().render("It connects. <!-- claim: connect.works -->\n").claims.first)
        func report(_ startedAt: String, verdict: String) throws {
            let hash = claim.textHash
            let json = """
                {"backend": "mock", "startedAt": "\(startedAt)", "claims": [
                  {"id": "connect.works", "verdict": "\(verdict)", "textHash": "\(hash)", "drift": false}]}
                """
            try site.write("report.json", json)
        }
        var options = options(site)
        options.verificationPath = site.path("report.json")
        try report("2026-11-25T08:00:00Z", verdict: "verified")
        _ = try SiteBuilder(options: options).build()
        #expect(try site.read("Public/guides/article-1/index.html").contains("claim-mark"))
        try report("2026-11-25T09:30:00Z", verdict: "verified")
        let sameDay = try SiteBuilder(options: options).build()
        #expect(sameDay.fullBuildReason == nil)
        #expect(sameDay.rendered == 0)
        try report("2026-11-25T10:00:00Z", verdict: "failed")
        let changed = try SiteBuilder(options: options).build()
        #expect(changed.fullBuildReason != nil)
        #expect(!(try site.read("Public/guides/article-1/index.html").contains("claim-mark")))
    }

    @Test("random edit sequences always match a clean build", arguments: [1, 2, 3])
    func randomEdits(seed: UInt64) throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        var random = SeededGenerator(seed: seed)
        let articles = (try site.tree("Content").keys).filter { !$0.hasSuffix("_index.md") }.sorted()
        var incremental = 0
        for step in 0..<12 {
            let article = "Content/" + articles[Int(random.next() % UInt64(articles.count))]
            guard site.exists(article) else { continue }
            let what: String
            switch random.next() % 6 {
            case 0, 1, 2:
                what = "body of \(article)"
                try append(site, article, "\nStep \(step) text \(random.next() % 1000).\n")
            case 3:
                what = "title of \(article)"
                let text = try site.read(article)
                try site.write(article, text.replacingOccurrences(of: "title: ", with: "title: X"))
            case 4:
                what = "heading in \(article)"
                try append(site, article, "\n## Extra \(step)\n")
            default:
                what = "nothing"
            }
            let report = try buildAndCompare(site, "seed \(seed) step \(step): \(what)")
            if report.fullBuildReason == nil { incremental += 1 }
        }
        #expect(incremental > 0, "no step took the incremental path")
    }

    @Test("in a git repository, dates come from commits, and a new commit rebuilds with the new date")
    func gitCommits() throws {
        let site = try Self.makeSite()
        func git(_ arguments: String..., date: String = "2026-02-03T10:00:00Z") throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["git", "-C", site.root.path, "-c", "user.name=T", "-c", "user.email=t@example.com"]
                + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            var environment = ProcessInfo.processInfo.environment
            environment["GIT_COMMITTER_DATE"] = date
            environment["GIT_AUTHOR_DATE"] = date
            process.environment = environment
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "first")
        #expect(try buildAndCompare(site, "first commit").fullBuildReason != nil)
        #expect(try site.read("Public/guides/article-1/index.html").contains("3 February 2026"))
        try append(site, "Content/guides/article-1.md", "\nUncommitted edit.\n")
        let edited = try buildAndCompare(site, "uncommitted edit")
        #expect(edited.fullBuildReason == nil)
        #expect(edited.rendered == 1)
        try git("add", "-A")
        try git("commit", "-q", "-m", "second", date: "2026-05-06T10:00:00Z")
        let committed = try buildAndCompare(site, "second commit")
        #expect(committed.fullBuildReason == "the content's git commit, or what git answered, changed")
        #expect(try site.read("Public/guides/article-1/index.html").contains("6 May 2026"))
        #expect(try site.read("Public/guides/article-2/index.html").contains("3 February 2026"))

        // A shared article linked into another category takes its target's date.
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Content/setup/shared.md"), withDestinationPath: "../guides/article-1.md")
        try git("add", "-A")
        try git("commit", "-q", "-m", "link", date: "2026-07-08T10:00:00Z")
        try buildAndCompare(site, "symbolic link committed")
        #expect(try site.read("Public/setup/shared/index.html").contains("6 May 2026"))

        // A build while git fails (its objects gone) has no dates; once git works again at the
        // same commit, the next build reads them and rebuilds every page, without --full.
        try FileManager.default.moveItem(at: site.url(".git/objects"), to: site.url("objects-aside"))
        let failing = try SiteBuilder(options: options(site, cache: false)).build()
        #expect(failing.fullBuildReason != nil)
        #expect(!(try site.read("Public/guides/article-1/index.html").contains("6 May 2026")))
        try FileManager.default.moveItem(at: site.url("objects-aside"), to: site.url(".git/objects"))
        let repaired = try buildAndCompare(site, "git working again")
        #expect(repaired.fullBuildReason == "the content's git commit, or what git answered, changed")
        #expect(try site.read("Public/guides/article-1/index.html").contains("6 May 2026"))
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

    @Test("Pagefind installed after a build: the next build indexes, though no page changed")
    func searchInstalledLater() throws {
        let site = try Self.makeSite()
        let missing = site.path("missing")
        try site.write("missing", "")
        var options = searchOptions(site)
        options.searchIndexer = SearchIndexer(command: [
            "sh", "-c", "if [ -e '\(missing)' ]; then exit 127; fi; exec python3 -m pagefind \"$@\"", "--",
        ])
        #expect(try SiteBuilder(options: options).build().notes == [SearchIndexer.notInstalled])
        #expect(!site.exists("Public/pagefind"))
        try FileManager.default.removeItem(atPath: missing)
        let next = try SiteBuilder(options: options).build()
        #expect(next.fullBuildReason == nil)
        #expect(next.rendered == 0)
        #expect(next.notes == [])
        #expect(site.exists("Public/pagefind/pagefind-entry.json"))
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
        #expect(try BuildCache(from: &reader) == cache)
        #expect(reader.isAtEnd)
        for length in stride(from: 0, to: writer.bytes.count, by: 7) {
            var truncated = ByteReader(Array(writer.bytes.prefix(length)))
            #expect(throws: ByteReader.Damaged.self) { try BuildCache(from: &truncated) }
        }
    }
}

extension IncrementalBuildTests {
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

extension IncrementalBuildTests {
    /// Builds with the search index (Pagefind, which `make` installs).
    func searchOptions(_ site: TemporarySite, output: String = "Public", cache: Bool = true) -> BuildOptions {
        var options = options(site, output: output, cache: cache)
        options.searchIndexer = SearchIndexer()
        return options
    }

    @Test("with search on, a body edit re-indexes: the site and its index equal a clean build's")
    func searchIndex() throws {
        let site = try Self.makeSite()
        let first = try SiteBuilder(options: searchOptions(site)).build()
        #expect(first.notes == [], "is Pagefind installed? run make")
        let before = try site.tree("Public").filter { $0.key.hasPrefix("pagefind/") }
        try append(site, "Content/guides/article-1.md", "\nZanzibar is the word to search for.\n")
        let edited = try SiteBuilder(options: searchOptions(site)).build()
        #expect(edited.fullBuildReason == nil)
        #expect(edited.notes == [])
        _ = try SiteBuilder(options: searchOptions(site, output: "Clean", cache: false)).build()
        let incremental = try site.tree("Public")
        let clean = try site.tree("Clean")
        #expect(incremental.keys.sorted() == clean.keys.sorted())
        #expect(incremental.filter { clean[$0.key] != $0.value }.keys.sorted() == [])
        #expect(incremental.filter { $0.key.hasPrefix("pagefind/") } != before, "the index did not change")
    }

    @Test("a search index that fails to rebuild leaves no cache, so the next build is full and indexes again")
    func failedReindex() throws {
        let site = try Self.makeSite()
        // Pagefind, failing while the file `broken` exists: the command, and so the build's
        // inputs, stay the same.
        let flag = site.path("broken")
        var options = searchOptions(site)
        options.searchIndexer = SearchIndexer(command: [
            "sh", "-c", "if [ -e '\(flag)' ]; then echo broken index >&2; exit 3; fi; exec python3 -m pagefind \"$@\"",
            "--",
        ])
        #expect(try SiteBuilder(options: options).build().notes == [])
        try append(site, "Content/guides/article-1.md", "\nEdited.\n")
        try site.write("broken", "")
        let report = try SiteBuilder(options: options).build()
        #expect(report.fullBuildReason == nil)
        #expect(report.notes == ["search index not built: Pagefind failed: broken index"])
        #expect(!FileManager.default.fileExists(atPath: site.path(".Public.build-cache")))
        try FileManager.default.removeItem(atPath: flag)
        let next = try SiteBuilder(options: options).build()
        #expect(next.fullBuildReason == "no build cache yet")
        #expect(next.notes == [])
    }
}
