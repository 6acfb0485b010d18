import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Content moved over from Hugo: `ref`/`relref` links resolve and are checked like `.md` links;
/// every other shortcode is shown as text with a warning at its line and column.
@Suite("Hugo shortcodes")
struct HugoShortcodeTests {
    func site() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/a.md", title: "Alpha", body: "## Set up\n\nText.")
        try site.writeArticle("Content/billing/refunds.md", title: "Refunds")
        return site
    }

    @Test("ref and relref, quoted or bare, with or without .md, beside the page or from the root, become page links")
    func references() throws {
        let site = try site()
        try site.writeArticle(
            "Content/guides/b.md", title: "Beta",
            body: """
                [A]({{< ref "a.md" >}}) [set up]({{< relref "a#set-up" >}}) [refunds]({{% ref billing/refunds %}})
                [root]({{< ref "/guides/a.md" >}}#set-up)
                """)
        #expect(SiteChecker(options: site.buildOptions).check() == [])
        _ = try SiteBuilder(options: site.buildOptions).build()
        let page = try site.read("Public/guides/b/index.html")
        #expect(page.contains("<a href=\"/guides/a/\">A</a>"))
        #expect(page.contains("<a href=\"/guides/a/#set-up\">set up</a>"))
        #expect(page.contains("<a href=\"/billing/refunds/\">refunds</a>"))
        #expect(page.contains("<a href=\"/guides/a/#set-up\">root</a>"))
        #expect(!page.contains("{{"))
    }

    @Test("a ref to nothing is a broken link where it is written; a bad anchor through ref too")
    func brokenReferences() throws {
        let site = try site()
        try site.writeArticle(
            "Content/guides/b.md", title: "Beta", body: "[gone]({{< ref \"nope.md\" >}}) [x]({{< ref \"a#nowhere\" >}})"
        )
        let path = site.path("Content/guides/b.md")
        #expect(
            SiteChecker(options: site.buildOptions).check().map(\.description) == [
                "\(path):4:1: error: broken link: nope.md is not an article in \(site.path("Content"))",
                "\(path):4:31: error: broken anchor: no heading with id 'nowhere' on /guides/a/",
            ])
    }

    @Test("other shortcodes are text with a warning naming them at line:col; closing and escaped ones are not warned")
    func unsupported() throws {
        let site = try site()
        try site.writeArticle(
            "Content/guides/b.md", title: "Beta",
            body: """
                Intro.

                {{< code-toggle file="hugo" >}}
                x = 1
                {{< /code-toggle >}}

                Say {{% note %}}this{{% /note %}} and write `{{</* tip */>}}` for a tip.
                """)
        let path = site.path("Content/guides/b.md")
        let found = SiteChecker(options: site.buildOptions).check().map(\.description)
        #expect(
            found == [
                "\(path):6:1: warning: shortcode {{< code-toggle >}} is not supported: it is shown as text",
                "\(path):10:5: warning: shortcode {{% note %}} is not supported: it is shown as text",
            ])
        let report = try SiteBuilder(options: site.buildOptions).build()
        #expect(report.warnings.count == 2)
        let page = try site.read("Public/guides/b/index.html")
        #expect(page.contains("<p>{{&lt; code-toggle file=&quot;hugo&quot; &gt;}}"))
        #expect(page.contains("<code>{{&lt; tip &gt;}}</code>"))
        // Taken from the build cache, the article still warns.
        let again = try SiteBuilder(options: site.buildOptions).build()
        #expect(again.warnings.map(\.message) == report.warnings.map(\.message))
    }
}

/// Nothing under `Content/` is left out without a word.
@Suite("Skipped content")
struct SkippedContentTests {
    @Test("folders at any depth are built; Markdown at the top, a bundle at the top or inside a bundle is warned")
    func warned() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/a.md", title: "Alpha")
        try site.writeArticle("Content/guides/deeper/b.md", title: "Beta")
        try site.writeArticle("Content/guides/deeper/more/c.md", title: "Gamma")
        try site.writeArticle("Content/guides/bundle/index.md", title: "Bundle")
        try site.writeArticle("Content/guides/bundle/notes.md", title: "Notes")
        try site.writeArticle("Content/loose.md", title: "Loose")
        try site.writeArticle("Content/top-bundle/index.md", title: "Top")
        try site.write("Content/featured.png", "png")
        let options = site.buildOptions
        let expected = [
            "\(site.path("Content/guides/bundle/notes.md")): warning: ignored: Markdown inside a page bundle is not "
                + "built; only its own index.md is a page",
            "\(site.path("Content/loose.md")): warning: ignored: articles live in a category folder; move it to "
                + "\(site.path("Content"))/<category>/loose.md",
            "\(site.path("Content/top-bundle/index.md")): warning: ignored: a page bundle (a folder with index.md) "
                + "belongs in a category; move it to \(site.path("Content"))/<category>/top-bundle/",
        ]
        #expect(SiteChecker(options: options).check().map(\.description).sorted() == expected)
        #expect(try SiteBuilder(options: options).build().warnings.map(\.description).sorted() == expected)
        #expect(site.exists("Public/guides/deeper/more/c/index.html") && site.exists("Public/guides/bundle/index.html"))
        #expect(site.exists("Public/featured." + SectionTests.hash("png") + ".png"))
    }
}

/// Hugo's `linkTitle`: the short title links use, the full one on the page itself.
@Suite("linkTitle")
struct LinkTitleTests {
    @Test("navigation, breadcrumbs, lists and the pager say the linkTitle; the page's heading keeps its title")
    func used() throws {
        let site = try TemporarySite()
        try site.write("Content/billing/_index.md", "---\ntitle: Billing and payments\nlinkTitle: Billing\n---\n")
        try site.writeArticle("Content/billing/a.md", title: "How do refunds work?", extra: "linkTitle: Refunds\n")
        try site.writeArticle("Content/billing/b.md", title: "Invoices")
        let options = site.buildOptions
        _ = try SiteBuilder(options: options).build()
        let article = try site.read("Public/billing/a/index.html")
        #expect(article.contains("<h1>How do refunds work?</h1>"))
        #expect(article.contains("<li><a href=\"/billing/\">Billing</a></li>"))
        let category = try site.read("Public/billing/index.html")
        #expect(category.contains("<h1>Billing and payments</h1>"))
        #expect(category.contains("<a href=\"/billing/a/\">Refunds</a>"))
        #expect(!category.contains(">How do refunds work?<"))
        // Ordered as Hugo orders (weight, then linkTitle): Invoices before Refunds.
        let other = try site.read("Public/billing/b/index.html")
        #expect(other.contains("<span>Next</span> Refunds</a>"))
        #expect(category.range(of: ">Invoices<")!.lowerBound < category.range(of: ">Refunds<")!.lowerBound)
    }
}

/// Hugo's headless content and `cascade`: pages that are never written need no title, and what
/// an `_index.md` cascades reaches its folder's pages, also after an edit, through the cache.
@Suite("headless and cascade")
struct HeadlessAndCascadeTests {
    @Test("a folder cascading build: {render: never} (Hugo's _common) and its untitled snippets: no page, no error")
    func headlessFolder() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/a.md", title: "Alpha")
        try site.write(
            "Content/_common/_index.md", "---\ncascade:\n  build:\n    list: never\n    render: never\n---\n")
        try site.write("Content/_common/snippet.md", "---\n_comment: Do not remove front matter.\n---\n\nText.\n")
        #expect(SiteChecker(options: site.buildOptions).check() == [])
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(!site.exists("Public/_common"))
        #expect(!(try site.read("Public/index.html")).contains("_common"))
        #expect(!(try site.read("Public/sitemap.xml")).contains("_common"))
    }

    @Test("headless: true or build: {render: never} on one article: no page, not listed, no title needed")
    func headlessArticles() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/a.md", title: "Alpha")
        try site.write("Content/guides/b.md", "---\nheadless: true\n---\nSnippet.\n")
        try site.writeArticle("Content/guides/c.md", title: "Gamma", extra: "build:\n  render: never\n")
        #expect(SiteChecker(options: site.buildOptions).check() == [])
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(site.exists("Public/guides/a/index.html"))
        #expect(!site.exists("Public/guides/b") && !site.exists("Public/guides/c"))
        #expect(!(try site.read("Public/guides/index.html")).contains("Gamma"))
        // A page that is written still needs its title.
        try site.write("Content/guides/d.md", "---\nweight: 1\n---\nText.\n")
        #expect(
            SiteChecker(options: site.buildOptions).check().map(\.message).first?.hasPrefix("missing 'title'") == true)
    }

    @Test("cascade reaches the folder's articles, their own values win, and an edit to it is seen by the next build")
    func cascadeThroughCache() throws {
        let site = try TemporarySite()
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\ncascade:\n  product: Zoom\n---\n")
        try site.writeArticle("Content/guides/a.md", title: "Alpha")
        try site.writeArticle("Content/guides/b.md", title: "Beta", extra: "product: Teams\n")
        let loaded = try ContentLoader(contentPath: site.path("Content")).load().content
        let params = loaded.categories.first?.articles.map { $0.frontMatter.params["product"] }
        #expect(params == [.string("Zoom"), .string("Teams")])
        try site.write(
            "Templates/article.mustache",
            try site.read("Templates/article.mustache") + "<p class=\"product\">{{page.params.product}}</p>\n")
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(try site.read("Public/guides/a/index.html").contains("<p class=\"product\">Zoom</p>"))
        // The article's file is unchanged, but what it takes from the folder is not.
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\ncascade:\n  product: Meet\n---\n")
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(try site.read("Public/guides/a/index.html").contains("<p class=\"product\">Meet</p>"))
        #expect(try site.read("Public/guides/b/index.html").contains("<p class=\"product\">Teams</p>"))
    }
}

/// Hugo's `url` and `build: {list: never}`, and `render: never` cascaded into folders below.
@Suite("url and list: never")
struct CustomURLAndListingTests {
    @Test("url places the page at its own path; links, check and incremental builds find it there")
    func customURL() throws {
        let site = try TemporarySite()
        try site.writeArticle(
            "Content/commands/toJSON.md", title: "hugo convert toJSON",
            extra: "slug: hugo_convert_toJSON\nurl: /commands/hugo_convert_tojson/\n")
        try site.writeArticle(
            "Content/commands/a.md", title: "Alpha", body: "[to JSON](/commands/hugo_convert_tojson/)")
        #expect(SiteChecker(options: site.buildOptions).check() == [])
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(site.exists("Public/commands/hugo_convert_tojson/index.html"))
        #expect(!site.exists("Public/commands/hugo_convert_toJSON"))
        // An incremental build checks the link through its section-by-section lookup.
        try site.writeArticle(
            "Content/commands/a.md", title: "Alpha", body: "[to JSON](/commands/hugo_convert_tojson/) again")
        let report = try SiteBuilder(options: site.buildOptions).build()
        #expect(report.rendered == 1 && report.warnings.isEmpty)
        // A url outside the site, or another page's URL, is an error.
        try site.writeArticle("Content/commands/b.md", title: "Beta", extra: "url: /commands/a/\n")
        try site.writeArticle("Content/commands/c.md", title: "Gamma", extra: "url: ../../etc\n")
        let found = SiteChecker(options: site.buildOptions).check().map(\.message)
        #expect(found.contains { $0.hasPrefix("url /commands/a/ is also the URL of") })
        #expect(found.contains { $0.hasPrefix("'url' must be a path inside the site") })
    }

    @Test("list: never writes the page but leaves it out of lists, pagers, navigation and the sitemap")
    func unlisted() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/a.md", title: "Alpha", extra: "weight: 1\n")
        try site.writeArticle("Content/guides/b.md", title: "Beta", extra: "weight: 2\nbuild:\n  list: never\n")
        try site.writeArticle("Content/guides/c.md", title: "Gamma", extra: "weight: 3\n")
        try site.write("Content/hidden/_index.md", "---\ntitle: Hidden\nbuild:\n  list: never\n---\n")
        try site.writeArticle("Content/hidden/d.md", title: "Delta")
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(site.exists("Public/guides/b/index.html") && site.exists("Public/hidden/index.html"))
        #expect(!(try site.read("Public/guides/index.html")).contains(">Beta<"))
        #expect(try site.read("Public/guides/a/index.html").contains("<span>Next</span> Gamma</a>"))
        let home = try site.read("Public/index.html")
        #expect(!home.contains(">Hidden<") && !home.contains(">Beta<"))
        let sitemap = try site.read("Public/sitemap.xml")
        #expect(
            !sitemap.contains("/guides/b/") && !sitemap.contains("<loc>https://help.valhallgames.net/hidden/</loc>"))
        // `list: never` is the section's own: its listed articles stay in the sitemap, as in Hugo.
        #expect(sitemap.contains("/hidden/d/"))
    }

    @Test("a folder below one that cascades render: never has no page either, with or without an _index.md")
    func headlessBelow() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/guides/a.md", title: "Alpha")
        try site.write("Content/_common/_index.md", "---\ncascade:\n  build:\n    render: never\n---\n")
        try site.write("Content/_common/methods/page/snippet.md", "---\n---\nText.\n")
        try site.write("Content/_common/other/_index.md", "---\n---\n")
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(!site.exists("Public/_common"))
        #expect(!(try site.read("Public/sitemap.xml")).contains("_common"))
    }
}
