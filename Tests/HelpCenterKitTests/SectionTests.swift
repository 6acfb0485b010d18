import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Sections of any depth, page bundles and the files beside articles, as Hugo and real help
/// centers lay them out.
@Suite("Sections and page bundles")
struct SectionTests {
    /// guides/ > Advanced Topics/ (with _index.md) > deeper/ (without), a page bundle with its
    /// screenshot, and an image folder two articles share.
    static func nestedSite() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\n---\n")
        try site.writeArticle(
            "Content/guides/a.md", title: "Alpha",
            body:
                "![Shared chart](img/chart.png)\n\nSee [the refund screen](refunds/index.md) and [deep](<Advanced Topics/deep.md>)."
        )
        try site.write(
            "Content/guides/Advanced Topics/_index.md", "---\ntitle: Advanced topics\ndescription: For experts.\n---\n")
        try site.writeArticle(
            "Content/guides/Advanced Topics/deep.md", title: "Deep dive", body: "![Same chart](../img/chart.png)")
        try site.writeArticle("Content/guides/Advanced Topics/deeper/c.md", title: "Gamma")
        try site.writeArticle(
            "Content/guides/refunds/index.md", title: "Refunds", body: "![The refund screen](screen.png)")
        try site.write("Content/guides/refunds/screen.png", "screen-bytes")
        try site.write("Content/guides/img/chart.png", "chart-bytes")
        return site
    }

    @Test("a nested folder is a section at its lower-cased, hyphenated URL, listed in its parent, with the trail")
    func nested() throws {
        let site = try Self.nestedSite()
        #expect(SiteChecker(options: site.buildOptions).check() == [])
        let report = try SiteBuilder(options: site.buildOptions).build()
        #expect(report.warnings.isEmpty)
        #expect(report.categories == 3 && report.articles == 4)
        let section = try site.read("Public/guides/advanced-topics/index.html")
        #expect(section.contains("<h1>Advanced topics</h1>"))
        #expect(section.contains(#"<a href="/guides/advanced-topics/deep/">Deep dive</a>"#))
        #expect(section.contains(#"<li><a href="/guides/advanced-topics/deeper/">Deeper</a>"#))
        #expect(section.contains(#"<li><a href="/guides/">Guides</a></li>"#))
        let parent = try site.read("Public/guides/index.html")
        #expect(parent.contains(#"<a href="/guides/advanced-topics/">Advanced topics</a><p>For experts.</p>"#))
        #expect(!parent.contains("/guides/advanced-topics/deep/"))
        // The trail: Home > Guides > Advanced topics > Deeper.
        let article = try site.read("Public/guides/advanced-topics/deeper/c/index.html")
        let trail = ["/", "/guides/", "/guides/advanced-topics/", "/guides/advanced-topics/deeper/"]
        let crumbs = try #require(article.range(of: #"<nav class="breadcrumbs""#))
        let positions = trail.map { article[crumbs.lowerBound...].range(of: #"<a href="\#($0)""#)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted())
        // Navigation lists categories only; the home page lists the section in its category.
        let home = try site.read("Public/index.html")
        #expect(home.contains(#"<li class="section-link"><a href="/guides/advanced-topics/">Advanced topics</a></li>"#))
        #expect(try site.read("Public/sitemap.xml").contains("/guides/advanced-topics/deeper/c/"))
        // The .md links, to a bundle and into a folder with a space, point at the pages.
        let alpha = try site.read("Public/guides/a/index.html")
        #expect(alpha.contains(#"href="/guides/refunds/""#) && alpha.contains(#"href="/guides/advanced-topics/deep/""#))
    }

    @Test("a link written with the folders' own spelling finds the page and points at its published path")
    func linkWithFolderSpelling() throws {
        let site = try Self.nestedSite()
        try site.writeArticle(
            "Content/guides/Advanced Topics/deeper/c.md", title: "Gamma",
            body: "[Deep](/Guides/Advanced%20Topics/Deep/) and [nowhere](/Guides/Nope/)")
        let found = SiteChecker(options: site.buildOptions).check().map(\.message)
        #expect(found == ["broken link: no page at /guides/nope/"])
        try site.writeArticle(
            "Content/guides/Advanced Topics/deeper/c.md", title: "Gamma",
            body: "[Deep](/Guides/Advanced%20Topics/Deep/)")
        _ = try SiteBuilder(options: site.buildOptions).build()
        let page = try site.read("Public/guides/advanced-topics/deeper/c/index.html")
        #expect(page.contains(#"<a href="/guides/advanced-topics/deep/">Deep</a>"#))
    }

    @Test("slugs are lower-cased like every path; %20 works in page and file links; url stays off the site's pages")
    func reviewedEdges() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/billing/a.md", title: "A", extra: "slug: Refund-Policy\n")
        try site.writeArticle("Content/my refunds/Refund Policy.md", title: "R")
        try site.writeArticle(
            "Content/billing/b.md", title: "B",
            body:
                "[a](/billing/Refund-Policy/) [r](/my%20refunds/refund-policy/) [file](<../my refunds/Refund%20Policy.md>)"
        )
        #expect(SiteChecker(options: site.buildOptions).check() == [])
        _ = try SiteBuilder(options: site.buildOptions).build()
        let page = try site.read("Public/billing/b/index.html")
        #expect(
            page.contains(#"href="/billing/refund-policy/""#) && page.contains(#"href="/my-refunds/refund-policy/""#))
        // A url on the site's own pages would overwrite them.
        try site.writeArticle("Content/billing/c.md", title: "C", extra: "url: /search/\n")
        #expect(
            SiteChecker(options: site.buildOptions).check().map(\.message) == [
                "'url' /search/ is inside the site's own /search/: choose another path"
            ])
    }

    @Test("a page bundle is one article; its image and a shared one are published once, fingerprinted")
    func bundlesAndImages() throws {
        let site = try Self.nestedSite()
        _ = try SiteBuilder(options: site.buildOptions).build()
        let screen = "guides/refunds/screen." + Self.hash("screen-bytes") + ".png"
        let chart = "guides/img/chart." + Self.hash("chart-bytes") + ".png"
        #expect(try site.read("Public/" + screen) == "screen-bytes")
        #expect(try site.read("Public/" + chart) == "chart-bytes")
        #expect(
            try site.read("Public/guides/refunds/index.html").contains(
                #"<img src="/\#(screen)" alt="The refund screen""#))
        #expect(try site.read("Public/guides/a/index.html").contains(#"<img src="/\#(chart)" alt="Shared chart""#))
        #expect(
            try site.read("Public/guides/advanced-topics/deep/index.html").contains(
                #"<img src="/\#(chart)" alt="Same chart""#))
        let written = try site.tree("Public").keys.filter { $0.hasSuffix(".png") }.sorted()
        #expect(written == [chart, screen])
        #expect(!site.exists("Public/guides/refunds/index/index.html"))
    }

    @Test("a missing image beside an article is an error at its line and column, saying where it was looked for")
    func missingImage() throws {
        let site = try TemporarySite()
        try site.writeArticle(
            "Content/guides/a.md", title: "Alpha", body: "Intro.\n\nSee ![The screen](shots/screen.png).")
        try site.write("Content/guides/other.png", "x")
        let found = SiteChecker(options: site.buildOptions).check().map(\.description)
        #expect(
            found == [
                "\(site.path("Content/guides/a.md")):6:5: error: broken image: no file shots/screen.png beside "
                    + "\(site.path("Content/guides/a.md")) (nor /guides/a/shots/screen.png in the site); put it in "
                    + "\(site.path("Content/guides"))/ next to the article"
            ])
        #expect(throws: HelpCenterError.self) { try SiteBuilder(options: site.buildOptions).build() }
    }

    @Test("a link out of Content/ inside a page bundle is an error, not a published file")
    func linkOutOfBundle() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/refunds/index.md", title: "Refunds")
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Content/guides/refunds/secret.txt"), withDestinationPath: "/etc/hostname")
        let found = SiteChecker(options: site.buildOptions).check().map(\.message)
        #expect(found.count == 1 && found[0].hasPrefix("symbolic link to /etc/hostname, outside the content folder"))
        #expect(throws: HelpCenterError.self) { try SiteBuilder(options: site.buildOptions).build() }
        #expect(!site.exists("Public"))
    }

    @Test("a folder link back to a folder above it is an error, not an endless walk; one to a sibling is read")
    func folderLinkLoops() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/billing/a.md", title: "A")
        try site.writeArticle("Content/shared/s.md", title: "Shared")
        try FileManager.default.createDirectory(
            atPath: site.path("Content/billing/img"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Content/billing/img/up"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: site.path("Content/billing/self"), withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Content/billing/more"), withDestinationPath: "../shared")
        let found = SiteChecker(options: site.buildOptions).check().map(\.description)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.contains("error: a symbolic link loop: this folder link leads back to") })
        try FileManager.default.removeItem(atPath: site.path("Content/billing/img/up"))
        try FileManager.default.removeItem(atPath: site.path("Content/billing/self"))
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(site.exists("Public/billing/more/s/index.html"))
    }

    @Test("an article and a folder with one URL, or two folders that differ only in case, are errors")
    func clashes() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/deeper.md", title: "Deeper")
        try site.writeArticle("Content/guides/deeper/c.md", title: "Gamma")
        try site.writeArticle("Content/Billing/a.md", title: "A")
        try site.writeArticle("Content/billing/b.md", title: "B")
        let found = SiteChecker(options: site.buildOptions).check().map(\.message)
        #expect(found.contains { $0.hasPrefix("URL /guides/deeper/ is also the URL of section folder") })
        #expect(found.contains { $0.hasPrefix("URL /billing/ is also the URL of folder") })
    }

    @Test("cascade flows from the home page and every _index.md down to the sections and articles below")
    func cascadeDown() throws {
        let site = try TemporarySite()
        try site.write("Content/_index.md", "---\ntitle: Home\ncascade:\n  product: Zoom\n---\n")
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\ncascade:\n  tier: pro\n---\n")
        try site.writeArticle("Content/guides/inner/a.md", title: "Alpha")
        try site.writeArticle("Content/guides/inner/b.md", title: "Beta", extra: "tier: free\n")
        let content = try ContentLoader(contentPath: site.path("Content")).load().content
        let inner = try #require(content.categories.first { $0.key == "guides/inner" })
        #expect(inner.parentKey == "guides")
        #expect(inner.articles.map { $0.frontMatter.params["product"] } == [.string("Zoom"), .string("Zoom")])
        #expect(inner.articles.map { $0.frontMatter.params["tier"] } == [.string("pro"), .string("free")])
    }

    @Test("an edit to a nested article or a bundle re-renders its page alone, as a full build would")
    func incremental() throws {
        let site = try Self.nestedSite()
        _ = try SiteBuilder(options: site.buildOptions).build()
        try site.writeArticle("Content/guides/Advanced Topics/deeper/c.md", title: "Gamma", body: "Changed text.")
        try site.writeArticle(
            "Content/guides/refunds/index.md", title: "Refunds", body: "![The refund screen](screen.png)\n\nMore.")
        let report = try SiteBuilder(options: site.buildOptions).build()
        #expect(report.rendered == 2)
        let incremental = try site.tree("Public")
        var full = site.buildOptions
        full.useCache = false
        _ = try SiteBuilder(options: full).build()
        #expect(try site.tree("Public") == incremental)
        #expect(try site.read("Public/guides/advanced-topics/deeper/c/index.html").contains("Changed text."))
        // A new image is a resource change: the whole site is built again, and it is published.
        try site.write("Content/guides/refunds/new.png", "new")
        let again = try SiteBuilder(options: site.buildOptions).build()
        #expect(again.fullBuildReason != nil)
        #expect(site.exists("Public/guides/refunds/new." + Self.hash("new") + ".png"))
    }

    @Test("serve's memory takes an edit in a nested folder or a bundle as the edit it is")
    func watcherChanges() throws {
        let site = try Self.nestedSite()
        let memory = BuildMemory(trustsReportedChanges: true)
        var builder = SiteBuilder(options: site.buildOptions)
        builder.memory = memory
        _ = try builder.build()
        try site.writeArticle("Content/guides/Advanced Topics/deeper/c.md", title: "Gamma", body: "Edited.")
        memory.noteChange(at: site.path("Content/guides/Advanced Topics/deeper/c.md"))
        #expect(try builder.build().rendered == 1)
        try site.writeArticle("Content/guides/refunds/index.md", title: "Refunds", body: "Edited bundle.")
        memory.noteChange(at: site.path("Content/guides/refunds/index.md"))
        #expect(try builder.build().rendered == 1)
        #expect(try site.read("Public/guides/refunds/index.html").contains("Edited bundle."))
        // A new article in a nested folder is seen (the folder is surveyed again).
        try site.writeArticle("Content/guides/Advanced Topics/deeper/d.md", title: "Delta")
        memory.noteChange(at: site.path("Content/guides/Advanced Topics/deeper/d.md"))
        _ = try builder.build()
        #expect(site.exists("Public/guides/advanced-topics/deeper/d/index.html"))
    }

    static func hash(_ text: String) -> String {
        String(AssetFingerprints.fingerprinted("x", Data(text.utf8)).dropFirst(2))
    }
}
