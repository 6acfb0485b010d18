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
                #"<form class="header-search" action="/search/" method="get" role="search" aria-label="Site search">"#))
    }

    @Test("without Pagefind the build says so once and still succeeds")
    func notInstalled() throws {
        let site = try TemporarySite(copyRealContent: true)
        let report = try build(site, indexer: SearchIndexer(command: ["helpcenter-no-such-command"]))
        #expect(report.notes == [SearchIndexer.notInstalled])
        #expect(site.exists("Public/search/index.html"))
        #expect(!site.exists("Public/pagefind"))
    }

    /// Stands in for Pagefind on a full disk: it exits 0 after writing `files` (relative paths
    /// and contents) under the index folder it was given (`--site SITE [--output-path OUT]`).
    static func brokenPagefind(_ files: [(String, String)]) -> SearchIndexer {
        let writes = files.map { path, text in
            "mkdir -p \"$out/$(dirname '\(path)')\" && printf '%s' '\(text)' > \"$out/\(path)\""
        }.joined(separator: " && ")
        let script = """
            out="$2/pagefind"; if [ "$3" = "--output-path" ]; then out="$4"; fi
            \(writes); echo 'Indexed 1 page'; exit 0
            """
        return SearchIndexer(command: ["sh", "-c", script, "sh"])
    }

    @Test(
        "an index Pagefind wrote incompletely but reported as done fails the build and keeps the previous site",
        arguments: [
            [("pagefind.js", ""), ("pagefind-entry.json", "")],
            [
                ("pagefind.js", "const pagefind_version=\"1.5.2\";let wasm_bindgen=(function(exports){let"),
                (
                    "pagefind-entry.json",
                    #"{"version":"1.5.2","languages":{"en":{"hash":"en_1","wasm":"en","page_count":1}}}"#
                ),
                ("pagefind.en_1.pf_meta", "meta"), ("wasm.en.pagefind", "wasm"), ("fragment/en_1.pf_fragment", "f"),
            ],
            [
                ("pagefind.js", "export const a = 1;"),
                (
                    "pagefind-entry.json",
                    #"{"version":"1.5.2","languages":{"en":{"hash":"en_1","wasm":"en","page_count":1}}}"#
                ),
                ("pagefind.en_1.pf_meta", ""), ("wasm.en.pagefind", "wasm"), ("fragment/en_1.pf_fragment", "f"),
            ],
        ])
    func brokenIndex(_ files: [(String, String)]) async throws {
        let site = try TemporarySite(copyRealContent: true)
        _ = try await offThePool { try self.build(site, indexer: nil) }
        try site.write("Public/marker.txt", "the previous site")
        let failed = try await offThePool {
            do {
                _ = try self.build(site, indexer: Self.brokenPagefind(files))
                return false
            } catch {
                return true
            }
        }
        #expect(failed)
        #expect(try site.read("Public/marker.txt") == "the previous site")
        #expect(!site.exists("Public/pagefind"))
    }
}
