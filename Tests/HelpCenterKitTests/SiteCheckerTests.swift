import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

@Suite("helpcenter check")
struct SiteCheckerTests {
    func options(_ site: TemporarySite) -> BuildOptions {
        BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"))
    }

    /// A small site whose links all resolve, in every form writers use.
    func cleanSite() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write("Content/_index.md", "---\ntitle: Home\n---\nSee [guides](/guides/).\n")
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\n---\n")
        try site.write("Templates/assets/logo.png", "png")
        try site.writeArticle(
            "Content/guides/a.md", title: "Alpha",
            body: """
                ## Set up {#setup}

                [Beta](../b/), [Beta again](/guides/b/#details), [as a file](b.md#details), [here](#setup),
                [home](/), [web](https://example.com/x), <care@example.com>, ![Logo](/assets/logo.png)
                """)
        try site.writeArticle("Content/guides/b.md", title: "Beta", body: "## Details\n\nText.")
        return site
    }

    @Test("a site whose links, anchors and images all resolve has no problems")
    func clean() throws {
        let site = try cleanSite()
        #expect(SiteChecker(options: options(site)).check() == [])
    }

    @Test("each problem is reported with its exact location and message")
    func problems() throws {
        let site = try cleanSite()
        try site.writeArticle(
            "Content/guides/c.md", title: "Gamma", extra: "aliases: [/guides/a/]\n",
            body: """
                [gone](/guides/nope/) and [bad anchor](b.md#nowhere) and [no file](missing.md)
                ![](/assets/logo.png) ![Chart](/assets/chart.png) [draft](/guides/d/)
                """)
        try site.writeArticle("Content/guides/d.md", title: "Delta", extra: "draft: true\n")
        try site.write("Templates/partials/footer.mustache", "<p>{{site.title}} {{sitee.title}}</p>\n")
        let path = site.path("Content/guides/c.md")
        let found = SiteChecker(options: options(site)).check().map(\.description)
        #expect(
            found == [
                "\(site.path("Templates/partials/footer.mustache")):1:19: error: unknown template variable 'sitee.title': no page provides it, so it would render as nothing",
                "\(path):5:1: error: broken link: no page at /guides/nope/",
                "\(path):5:27: error: broken anchor: no heading with id 'nowhere' on /guides/b/",
                "\(path):5:58: error: broken link: missing.md is not an article in \(site.path("Content"))",
                "\(path):6:1: error: image has no alt text: describe it between the brackets of ![...](/assets/logo.png)",
                "\(path):6:23: error: broken image: no file /assets/chart.png in the site; add it to Templates/assets/",
                "\(path):6:51: error: link to a draft (/guides/d/): publish it or remove the link",
                "\(path):3:11: warning: alias '/guides/a/' is the URL of another page, which keeps it, so the alias is ignored: remove it",
            ])
    }

    @Test("an alias equal to the article's own URL is accepted, as Hugo does, and the page stays the article")
    func aliasOfItsOwnURL() throws {
        let site = try cleanSite()
        try site.writeArticle("Content/guides/e.md", title: "Epsilon", extra: "aliases: [/guides/e/, /old/e/]\n")
        let warning =
            "\(site.path("Content/guides/e.md")):3:11: warning: alias '/guides/e/' is this article's own URL, so it is ignored: remove it"
        #expect(SiteChecker(options: options(site)).check().map(\.description) == [warning])
        #expect(try SiteBuilder(options: options(site)).build().warnings.map(\.description) == [warning])
        #expect(try site.read("Public/guides/e/index.html").contains("<h1>Epsilon</h1>"))
        #expect(try site.read("Public/old/e/index.html").contains("/guides/e/"))
    }

    @Test("build refuses to publish what check finds, and leaves the previous site alone")
    func buildRunsCheck() throws {
        let site = try cleanSite()
        _ = try SiteBuilder(options: options(site)).build()
        let before = try site.tree("Public")
        try site.writeArticle("Content/guides/e.md", title: "Epsilon", body: "[gone](/nowhere/)")
        #expect(throws: HelpCenterError.self) { try SiteBuilder(options: options(site)).build() }
        #expect(try site.tree("Public") == before)
    }

    @Test("links between drafts are fine when both are drafts")
    func draftsLinkingDrafts() throws {
        let site = try cleanSite()
        try site.writeArticle("Content/guides/d.md", title: "Delta", extra: "draft: true\n")
        try site.writeArticle("Content/guides/e.md", title: "Epsilon", extra: "draft: true\n", body: "[d](../d/)")
        #expect(SiteChecker(options: options(site)).check() == [])
    }

    @Test("broken_links: warning lists broken links, images and anchors as warnings and lets the build publish")
    func brokenLinksAsWarnings() throws {
        let site = try cleanSite()
        try site.writeArticle(
            "Content/guides/c.md", title: "Gamma",
            body: "[gone](/guides/nope/) [bad anchor](b.md#nowhere) ![Chart](/assets/chart.png) ![](/assets/logo.png)")
        let path = site.path("Content/guides/c.md")
        let asErrors = SiteChecker(options: options(site)).check()
        #expect(asErrors.count == 4 && asErrors.allSatisfy { $0.severity == .error })
        #expect(throws: HelpCenterError.self) { try SiteBuilder(options: options(site)).build() }

        try site.write("site.yml", try site.read("site.yml") + "broken_links: warning\n")
        let found = SiteChecker(options: options(site)).check().map(\.description)
        #expect(
            found == [
                "\(path):4:1: warning: broken link: no page at /guides/nope/",
                "\(path):4:23: warning: broken anchor: no heading with id 'nowhere' on /guides/b/",
                "\(path):4:50: warning: broken image: no file /assets/chart.png in the site; add it to Templates/assets/",
                // Missing alt text is not a broken link: it stays an error.
                "\(path):4:78: error: image has no alt text: describe it between the brackets of ![...](/assets/logo.png)",
            ])
        try site.writeArticle(
            "Content/guides/c.md", title: "Gamma", body: "[gone](/guides/nope/) [bad anchor](b.md#nowhere)")
        let report = try SiteBuilder(options: options(site)).build()
        #expect(report.warnings.map(\.message).contains("broken link: no page at /guides/nope/"))
        #expect(try site.read("Public/guides/c/index.html").contains("<h1>Gamma</h1>"))
    }

    @Test("broken_links accepts only error or warning, and says so at its line")
    func brokenLinksValue() throws {
        let site = try cleanSite()
        try site.write("site.yml", "title: Help\nbroken_links: ignore\n")
        #expect(
            SiteChecker(options: options(site)).check().map(\.description) == [
                "\(site.path("site.yml")):2:15: error: 'broken_links' must be error or warning, found 'ignore'"
            ])
    }

    @Test(
        "an alias among the assets is a redirect page there, as in Hugo, unless an asset has its path; two owners are named"
    )
    func aliasesAmongAssets() throws {
        let site = try cleanSite()
        try site.write("Templates/assets/old/index.html", "<p>old</p>")
        try site.writeArticle("Content/guides/e.md", title: "Epsilon", extra: "aliases: [/assets/, /assets/old/]\n")
        try site.writeArticle("Content/guides/f.md", title: "Phi", extra: "aliases: [/assets/]\n")
        #expect(
            SiteChecker(options: options(site)).check().map(\.description) == [
                "\(site.path("Content/guides/e.md")):3:21: error: alias '/assets/old/' is inside the site's own /assets/: choose another path",
                "\(site.path("Content/guides/f.md")):3:11: error: alias '/assets/' is also an alias of \(site.path("Content/guides/e.md")): keep it in one article",
            ])
        try site.writeArticle("Content/guides/e.md", title: "Epsilon", extra: "aliases: [/assets/]\n")
        try site.writeArticle("Content/guides/f.md", title: "Phi")
        #expect(SiteChecker(options: options(site)).check() == [])
        _ = try SiteBuilder(options: options(site)).build()
        #expect(try site.read("Public/assets/index.html").contains("/guides/e/"))
    }
}
