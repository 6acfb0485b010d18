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
        try expectSameAsClean(site, step)
        return report
    }

    /// Builds from scratch into `Clean/` and checks that `Public/` holds the same files with the
    /// same bytes.
    func expectSameAsClean(_ site: TemporarySite, _ step: String) throws {
        try? FileManager.default.removeItem(at: site.url("Clean"))
        try? FileManager.default.removeItem(at: site.url(".Clean.build-cache"))
        _ = try SiteBuilder(options: options(site, output: "Clean", cache: false)).build()
        let incremental = try site.tree("Public")
        let clean = try site.tree("Clean")
        #expect(incremental.keys.sorted() == clean.keys.sorted(), "files differ after: \(step)")
        for (path, bytes) in clean where incremental[path] != bytes {
            Issue.record("\(path) differs from a clean build after: \(step)")
        }
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

    @Test(
        "a slug taken by an article the cache holds is refused, whether the new owner is added or edited",
        arguments: [false, true])
    func slugCollisionWithCachedArticle(edited: Bool) throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        let before = try site.tree("Public")
        if edited {
            try replace(site, "Content/guides/article-3.md", "weight:", "slug: article-1\nweight:")
        } else {
            try site.writeArticle("Content/guides/new.md", title: "New", extra: "slug: article-2\n")
        }
        do {
            _ = try SiteBuilder(options: options(site)).build()
            Issue.record("must fail")
        } catch {
            let taken = edited ? "article-1" : "article-2"
            #expect(
                error.diagnostics.map(\.message) == [
                    "URL /guides/\(taken)/ is also the URL of \(site.path("Content/guides/\(taken).md")): "
                        + "change 'slug' in one of them"
                ])
        }
        #expect(try site.tree("Public") == before)
    }

    @Test("a site-wide partial reached through an indented partial renders the same in a one-page rebuild")
    func siteWidePartialThroughIndentedPartial() throws {
        let site = try Self.makeSite()
        // swift-mustache indents only the first line of a section rendered through an indented
        // partial; the partial rendered once for the whole site is indented on every line.
        try replace(
            site, "Templates/article.mustache", "{{> partials/support}}",
            "{{> partials/support}}\n  {{> partials/chrome}}")
        try site.write("Templates/partials/chrome.mustache", "{{> partials/menu}}\n")
        try site.write("Templates/partials/menu.mustache", "<ul>\n{{#nav}}\n<li>{{title}}</li>\n{{/nav}}\n</ul>\n")
        try buildAndCompare(site, "first build")
        try append(site, "Content/guides/article-1.md", "\nEdited.\n")
        #expect(try buildAndCompare(site, "one page").rendered == 1)
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
}
