import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

@Suite("Search")
struct SearchIndexTests {
    func build(_ site: TemporarySite, indexer: SearchIndexer?) throws(HelpCenterError) -> BuildReport {
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"))
        options.searchIndexer = indexer
        return try SiteBuilder(options: options).build()
    }

    @Test("Pagefind indexes the article bodies inside the atomic build (make installs it)")
    func indexed() throws {
        let site = try TemporarySite(copyRealContent: true)
        let report = try build(site, indexer: SearchIndexer())
        #expect(report.notes == [], "is Pagefind installed? run make")
        let entry = try site.read("Public/pagefind/pagefind-entry.json")
        #expect(entry.contains(#""page_count":1"#))
        #expect(site.exists("Public/pagefind/pagefind-ui.js"))
        let search = try site.read("Public/search/index.html")
        #expect(search.contains(#"pagefind = await import("/pagefind/pagefind.js");"#))
        #expect(search.contains("await pagefind.options({ noWorker: true });"))
        #expect(search.contains("new URLSearchParams(location.search).get(\"q\")"))
        #expect(
            try site.read("Public/integrations/using-zoom/index.html").contains(
                #"<article class="article" data-pagefind-body>"#))
        #expect(
            try site.read("Public/index.html").contains(
                #"<form class="header-search" action="/search/" method="get" role="search">"#))
    }

    @Test("without Pagefind the build says so once and still succeeds")
    func notInstalled() throws {
        let site = try TemporarySite(copyRealContent: true)
        let report = try build(site, indexer: SearchIndexer(command: ["helpcenter-no-such-command"]))
        #expect(report.notes == [SearchIndexer.notInstalled])
        #expect(site.exists("Public/search/index.html"))
        #expect(!site.exists("Public/pagefind"))
    }
}
