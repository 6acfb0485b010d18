import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// The Zoom article is the product's truth: its page must carry every line of the seed text,
/// word for word and in order, with the structure the seed implies.
@Suite("Seed article page")
struct SeedArticleTests {
    static let goldenFile = TemporarySite.repository
        .appendingPathComponent("Tests/HelpCenterKitTests/Fixtures/golden/using-zoom.html")

    /// The real site built from the repository's Content/, Templates/ and site.yml.
    func buildPage() throws -> String {
        let site = try TemporarySite(copyRealContent: true)
        _ = try SiteBuilder(
            options: BuildOptions(
                contentPath: site.path("Content"), templatesPath: site.path("Templates"),
                outputPath: site.path("Public"), configPath: site.path("site.yml"))
        ).build()
        return try site.read("Public/integrations/using-zoom/index.html")
    }

    @Test("the page matches the golden file (RECORD_GOLDEN=1 re-records it)")
    func golden() throws {
        let page = try buildPage()
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(page.utf8).write(to: Self.goldenFile)
        }
        let golden = try String(contentsOf: Self.goldenFile, encoding: .utf8)
        #expect(page == golden, "the seed article page changed; review it and re-record with RECORD_GOLDEN=1")
    }

    @Test("every seed line appears in the article, word for word and in order")
    func seedSentencesInOrder() throws {
        let page = try buildPage()
        let seedURL = try #require(
            Bundle.module.url(forResource: "zoom-help-article", withExtension: "txt", subdirectory: "Fixtures"))
        var lines = try String(contentsOf: seedURL, encoding: .utf8).split(separator: "\n").map(Self.normalize)
            .filter { !$0.isEmpty }
        // Line 1 is the page title, line 2 the breadcrumb ("/ <title>"), line 3 the heading.
        #expect(lines.removeFirst() == Self.normalize(Substring(Self.text(between: "<title>", and: " · ", in: page))))
        let breadcrumb = Self.text(between: "<li aria-current=\"page\">", and: "</li>", in: page)
        #expect(lines.removeFirst() == "/ " + breadcrumb)
        #expect(lines.removeFirst() == Self.text(between: "<h1>", and: "</h1>", in: page))
        let body = Self.visibleText(Self.text(between: "<div class=\"article-body\">", and: "</div>", in: page))
        var searchFrom = body.startIndex
        for line in lines {
            let found = body.range(of: line, range: searchFrom..<body.endIndex)
            #expect(found != nil, "missing or out of order: \(line)")
            if let found { searchFrom = found.upperBound }
        }
    }

    @Test("structure: callout, two ordered procedures, a bullet list, the mailto link, no visible claim markers")
    func structure() throws {
        let page = try buildPage()
        let body = Self.text(between: "<div class=\"article-body\">", and: "</div>", in: page)
        #expect(
            body.contains(
                "<aside class=\"callout callout-quick-overview\" role=\"note\">\n<p><strong>Quick overview:</strong>"))
        let orderedLists = body.components(separatedBy: "<ol>").dropFirst().map {
            $0.components(separatedBy: "</ol>")[0]
        }
        #expect(orderedLists.map { $0.components(separatedBy: "<li>").count - 1 } == [6, 3])
        let bulletLists = body.components(separatedBy: "<ul>").dropFirst().map {
            $0.components(separatedBy: "</ul>")[0]
        }
        #expect(bulletLists.map { $0.components(separatedBy: "<li>").count - 1 } == [3])
        #expect(body.contains("<a href=\"mailto:care@valhallgames.net\">care@valhallgames.net</a>"))
        #expect(!page.contains("claim"))
        #expect(!page.contains("<!--"))
    }

    @Test("every statement of product behaviour carries a claim of a known flow")
    func claims() throws {
        let path = TemporarySite.repository.appendingPathComponent("Content/integrations/using-zoom.md").path
        let document = try FrontMatterParser.parse(try MarkdownFile.read(path), path: path)
        let rendered = MarkdownRenderer(options: MarkdownOptions(path: path, lineOffset: document.bodyLineOffset))
            .render(document.body)
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.claims.count == 24)
        #expect(Set(rendered.claims.map(\.flow)) == ["connect", "confirm", "troubleshoot", "disconnect", "data"])
        // Every step in the product's screens is taken by verify in a browser: none is manual.
        #expect(rendered.claims.filter(\.isManual).isEmpty)
        let tokens = try #require(rendered.claims.first { $0.id == "disconnect.tokens-invalidated" })
        #expect(
            tokens.text
                == "When Zoom is disconnected, all access tokens are immediately invalidated and valhallgames.net "
                + "stops all Zoom API calls.")
    }

    // MARK: Text helpers

    static func normalize(_ line: Substring) -> String {
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("• ") { text.removeFirst(2) }
        if let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy(\.isNumber), !text[..<dot].isEmpty {
            text = String(text[text.index(after: dot)...]).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    static func text(between start: String, and end: String, in html: String) -> String {
        guard let open = html.range(of: start), let close = html.range(of: end, range: open.upperBound..<html.endIndex)
        else { return "" }
        return String(html[open.upperBound..<close.lowerBound])
    }

    /// Tags removed, entities decoded, whitespace collapsed: what a reader sees.
    static func visibleText(_ html: String) -> String {
        let withoutInline = html.replacingOccurrences(
            of: "</?(a|strong|em|code)( [^>]*)?>", with: "", options: .regularExpression)
        let withoutTags = withoutInline.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        let decoded = withoutTags.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
            of: "&lt;", with: "<"
        )
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
