import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Pagefind runs only when the text it indexes changed: a build whose pages differ only
/// outside the indexed bodies (a stylesheet's name, a date kept out of the index) reuses the
/// index. Pagefind runs are counted through a wrapper command.
@Suite("Search index reuse", .serialized)
struct SearchIndexReuseTests {
    @Test("indexed text: only marked bodies count, minus their ignored parts, plus the language")
    func indexedText() {
        let page =
            #"<html lang="en"><head><title>A</title></head><body><nav>Menu</nav>"#
            + #"<article data-pagefind-body><h1>Title</h1><div><p>Text</p></div>"#
            + #"<div class="v" data-pagefind-ignore><div>Checked on 2 December</div></div><p>More</p></article>"#
            + "<footer>F</footer></body></html>"
        let text = IndexedText.of(Array(page.utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(text?.contains("<h1>Title</h1><div><p>Text</p></div><p>More</p></article>") == true, "\(text ?? "nil")")
        #expect(text?.contains("Checked on") == false)
        #expect(text?.contains("Menu") == false && text?.contains("<footer>") == false)
        #expect(text?.hasPrefix(#"<html lang="en""#) == true)
        #expect(IndexedText.of(Array("<html><body><p>No body marked</p></body></html>".utf8)) == nil)
        let otherDate = page.replacingOccurrences(of: "2 December", with: "3 December")
        #expect(IndexedText.of(Array(otherDate.utf8)) == IndexedText.of(Array(page.utf8)))
        let otherText = page.replacingOccurrences(of: "<p>Text</p>", with: "<p>Texts</p>")
        #expect(IndexedText.of(Array(otherText.utf8)) != IndexedText.of(Array(page.utf8)))
    }

    @Test("full and incremental builds run Pagefind only when indexed text changed")
    func pagefindRunsOnlyForNewText() async throws {
        try await offThePool { try Self.exerciseBuilds() }
    }

    static func exerciseBuilds() throws {
        let site = try TemporarySite(copyRealContent: true)
        let counter = site.path("pagefind-runs")
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"),
            outputPath: site.path("Public"), configPath: site.path("site.yml"))
        options.searchIndexer = SearchIndexer(command: [
            "sh", "-c", "echo run >> '\(counter)'; exec python3 -m pagefind \"$@\"", "pagefind",
        ])
        func runs() -> Int {
            ((try? String(contentsOfFile: counter, encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        func index() throws -> [String: Data] { try site.tree("Public/pagefind") }
        func fullBuild() throws {
            BuildCache.invalidate(forOutput: options.outputPath)
            let report = try SiteBuilder(options: options).build()
            #expect(report.notes.isEmpty, "\(report.notes)")
        }

        try fullBuild()
        #expect(runs() == 1)
        let first = try index()
        #expect(first.keys.contains("pagefind-entry.json") && first.keys.contains(SearchIndexSource.fileName))

        try fullBuild()
        #expect(runs() == 1, "a full build of the same text ran Pagefind again")
        #expect(try index() == first)

        try site.write("Templates/assets/style.css", try site.read("Templates/assets/style.css") + "\n/* new */\n")
        try fullBuild()
        #expect(runs() == 1, "a stylesheet change, outside the indexed text, ran Pagefind")

        let article = "Content/integrations/using-zoom.md"
        let original = try site.read(article)
        try site.write(article, original.replacingOccurrences(of: "Quick overview", with: "Quick summary"))
        try fullBuild()
        #expect(runs() == 2, "new text was not indexed")
        #expect(try index() != first)

        // Incremental builds (the cache kept): a real edit indexes; an edit that re-renders the
        // page without changing its indexed text (the weight orders lists only) does not.
        try site.write(article, original)
        _ = try SiteBuilder(options: options).build()
        #expect(runs() == 3)
        #expect(try index() == first)
        try site.write(article, original.replacingOccurrences(of: "weight: 10", with: "weight: 11"))
        let same = try SiteBuilder(options: options).build()
        #expect(same.rendered > 0, "the save re-rendered no page, so it proves nothing")
        #expect(runs() == 3, "an edit outside the indexed text ran Pagefind (\(same.rendered) pages rendered)")
    }
}
