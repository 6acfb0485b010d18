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
}
