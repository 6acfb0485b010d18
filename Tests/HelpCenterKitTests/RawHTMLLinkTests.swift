import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Raw HTML that `unsafe_html: true` lets through links and shows images like Markdown does.
@Suite("Raw HTML links")
struct RawHTMLLinkTests {
    @Test("<img src> and <a href> are found with their line, column and alt text")
    func scanned() {
        let found = RawHTMLLinks.scan(
            #"<p><IMG class="x" SRC="a.png" alt='A chart'>"# + "\n" + #"<a href='/b/'>b</a> <img src="c.png"></p>"#)
        #expect(
            found == [
                .init(url: "a.png", isImage: true, altText: "A chart", lineOffset: 0, column: 24),
                .init(url: "/b/", isImage: false, altText: "", lineOffset: 1, column: 10),
                .init(url: "c.png", isImage: true, altText: nil, lineOffset: 1, column: 31),
            ])
        #expect(RawHTMLLinks.scan(#"<img data-src="a.png" src="b.png" alt="x">"#).map(\.url) == ["b.png"])
    }

    @Test(
        "with unsafe_html, a raw image beside the article is published and rewritten; a missing one or no alt is an error"
    )
    func checkedAndRewritten() throws {
        let site = try TemporarySite()
        try site.write(
            "site.yml",
            try site.read("site.yml").replacingOccurrences(of: "unsafe_html: false", with: "unsafe_html: true"))
        try site.writeArticle(
            "Content/guides/a.md", title: "Alpha",
            body: "<figure><img src=\"shot.png\" alt=\"The screen\"></figure>\n\nText <a href='b.md'>b</a>.")
        try site.writeArticle("Content/guides/b.md", title: "Beta")
        try site.write("Content/guides/shot.png", "shot")
        #expect(SiteChecker(options: site.buildOptions).check() == [])
        _ = try SiteBuilder(options: site.buildOptions).build()
        let page = try site.read("Public/guides/a/index.html")
        #expect(page.contains(#"<img src="/guides/shot.\#(SectionTests.hash("shot")).png" alt="The screen">"#))
        #expect(page.contains("<a href='/guides/b/'>b</a>"))
        try site.writeArticle(
            "Content/guides/a.md", title: "Alpha", body: "Intro.\n\n<img src=\"gone.png\">")
        let found = SiteChecker(options: site.buildOptions).check().map(\.description)
        let path = site.path("Content/guides/a.md")
        #expect(
            found == [
                "\(path):6:11: error: image has no alt text: add alt=\"...\" describing it to the <img> tag",
                "\(path):6:11: error: broken image: no file gone.png beside \(path) (nor /guides/a/gone.png in the site); "
                    + "put it in \(site.path("Content/guides"))/ next to the article",
            ])
    }
}
