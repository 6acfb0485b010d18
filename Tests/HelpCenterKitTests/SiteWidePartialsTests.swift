import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

@Suite("Site-wide partials")
struct SiteWidePartialsTests {
    @Test("the real header, footer and support partials are rendered once per build; breadcrumbs per page")
    func realPartials() throws {
        let folder = TemporarySite.repository.appendingPathComponent("Templates/partials")
        func text(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name + ".mustache"), encoding: .utf8)
        }
        #expect(SiteWidePartials.isSiteWide(try text("header")))
        #expect(SiteWidePartials.isSiteWide(try text("footer")))
        #expect(SiteWidePartials.isSiteWide(try text("support")))
        #expect(!SiteWidePartials.isSiteWide(try text("breadcrumbs")))
    }

    @Test(
        "anything that could differ between pages keeps a partial per page",
        arguments: [
            "{{page.title}}", "{{title}}", "{{#nav}}{{description}}{{/nav}}", "{{site.params.x}}",
            "{{#site}}{{title}}{{/site}}", "{{> partials/other}}", "{{$block}}x{{/block}}", "{{=<% %>=}}",
            "{{#nav}}{{#url}}{{title}}{{/url}}{{/nav}}", "{{#root}}{{title}}{{/root}}", "{{#nav}}", "{{site.title",
        ])
    func pageDependent(_ text: String) {
        #expect(!SiteWidePartials.isSiteWide(text))
    }

    @Test(
        "site values, the nav and its items' own title and url are site-wide",
        arguments: [
            "plain text", "{{site.title}} {{{root}}}", "{{#nav}}<a href=\"{{url}}\">{{title}}</a>{{/nav}}",
            "{{^nav}}none{{/nav}}", "{{#site.supportEmail}}{{.}} {{site.supportEmail}}{{/site.supportEmail}}",
            "{{! a comment }}{{& site.productName}}",
        ])
    func siteWide(_ text: String) {
        #expect(SiteWidePartials.isSiteWide(text))
    }

    @Test("pages come out byte-identical with the site-wide partials rendered once or per page")
    func sameBytes() throws {
        let site = try TemporarySite(copyRealContent: true)
        try site.writeArticle("Content/more/a.md", title: "A <b>&</b>", extra: "tags: [zoom]\n")
        let config = try SiteConfigLoader.load(path: site.path("site.yml"))
        let templates = try TemplateSet.load(directory: site.path("Templates"))
        let (content, _) = try ContentLoader(contentPath: site.path("Content")).load()
        let context = PageContext(
            config: config, content: content,
            links: MarkdownLinkRewriter(content: content, config: config, contentPath: site.path("Content")))
        let once = templates.renderingSiteWidePartialsOnce(with: context.siteWide())
        for category in content.categories {
            for article in category.articles {
                let page = context.article(article, in: category)
                #expect(try once.render("article", page) == (try templates.render("article", page)))
            }
        }
        #expect(try once.render("home", context.home()) == (try templates.render("home", context.home())))
    }

    @Test("a partial included indented or inside a section is rendered per page, and the bytes stay the same")
    func indentedOrNested() throws {
        let header = "<ul>\n{{#nav}}\n<li>{{title}}</li>\n{{/nav}}\n</ul>\n"
        let sources = [
            TemplateSource(name: "home", path: "home", text: "<body>\n  {{> partials/header}}\n</body>\n"),
            TemplateSource(
                name: "category", path: "category", text: "{{#page.params}}{{> partials/footer}}{{/page.params}}"),
            TemplateSource(name: "article", path: "article", text: "{{> partials/plain}}"),
            TemplateSource(name: "404", path: "404", text: "x"),
            TemplateSource(name: "search", path: "search", text: "x"),
            TemplateSource(name: "partials/header", path: "h", text: header),
            TemplateSource(name: "partials/footer", path: "f", text: "{{site.title}}"),
            TemplateSource(name: "partials/plain", path: "p", text: "{{site.title}}"),
        ]
        #expect(SiteWidePartials.names(in: sources) == ["partials/plain"])
        let templates = try TemplateSet.compile(sources, directory: "T")
        var values: [String: TemplateValue] = [
            "site": ["title": "Help"], "root": "/",
            "nav": [["title": "A", "url": "/a/"], ["title": "B", "url": "/b/"]],
        ]
        let siteWide = TemplateValue.dictionary(values)
        values["page"] = ["params": ["site": ["title": "shadowed"]]]
        let page = TemplateValue.dictionary(values)
        let once = templates.renderingSiteWidePartialsOnce(with: siteWide)
        for name in ["home", "category", "article"] {
            #expect(try once.render(name, page) == (try templates.render(name, page)))
        }
        #expect(try templates.render("home", page).contains("  <li>A</li>\n<li>B</li>"))
    }
}
