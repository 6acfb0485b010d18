import CurlHTTP
import Foundation
import HelpCenterKit
import TestSupport
import Testing

@testable import HelpCenterServe

@Suite("helpcenter serve")
struct PreviewServerTests {
    @Test(
        "paths outside the served folder are refused in every spelling",
        arguments: [
            "/../site.yml", "/%2e%2e/site.yml", "/%2E%2E/site.yml", "/..%2fsite.yml", "/..%5csite.yml", "//etc/passwd",
            "/a/../../site.yml", "/%00", "/./index.html", "/..\\site.yml",
        ])
    func traversal(path: String) throws {
        let site = try TemporarySite()
        try site.write("Public/index.html", "home")
        let files = StaticFiles(root: site.url("Public"))
        #expect(files.lookup(path) == .notFound)
    }

    @Test("a symlink out of the served folder is refused; folders serve their index.html")
    func symlinksAndIndexes() throws {
        let site = try TemporarySite()
        try site.write("Public/guides/index.html", "guides")
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Public/leak"), withDestinationPath: site.path("site.yml"))
        let files = StaticFiles(root: site.url("Public"))
        #expect(files.lookup("/leak") == .notFound)
        #expect(
            files.lookup("/guides/")
                == .file(URL(fileURLWithPath: site.path("Public/guides/index.html")).resolvingSymlinksInPath()))
    }

    func withServer(polls: Bool = false, _ body: (TemporarySite, PreviewServer) async throws -> Void) async throws {
        let site = try TemporarySite(copyRealContent: true)
        let server = PreviewServer(
            options: BuildOptions(
                contentPath: site.path("Content"), templatesPath: site.path("Templates"),
                outputPath: site.path("Public"), configPath: site.path("site.yml")),
            polls: polls)
        try await server.start(port: 0)
        do {
            try await body(site, server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// A page answers in milliseconds; the generous limit is for a 2-core machine running the
    /// whole suite, Chromium included, beside it.
    func get(_ url: String, timeout: Duration = .seconds(30)) async throws -> HTTPResponse {
        try await CurlHTTPClient().send(
            HTTPRequest(.get, url, timeouts: Timeouts(connect: .seconds(10), total: timeout)))
    }

    @Test("listens on 127.0.0.1 only, per the kernel's socket table")
    func loopbackOnly() async throws {
        try await withServer { _, server in
            let port = try #require(Int(server.baseURL.split(separator: ":").last ?? ""))
            #expect(ListeningSockets.addresses(port: port) == ["127.0.0.1"])
        }
    }

    @Test("serves pages with the reload script, 404s for traversal over HTTP, assets as they are")
    func serves() async throws {
        try await withServer { _, server in
            let page = try await get(server.baseURL + "/integrations/using-zoom/")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.bodyText.contains("<h1>How does using Zoom with valhallgames.net work?</h1>"))
            #expect(page.bodyText.contains("fetch('/__livereload?since='+g)"))
            for path in ["/%2e%2e/site.yml", "/..%2fsite.yml", "/integrations/%2e%2e/%2e%2e/site.yml"] {
                let refused = try await get(server.baseURL + path)
                #expect(refused.status == 404, "\(path)")
                #expect(!refused.bodyText.contains("base_url"))
            }
            let missing = try await get(server.baseURL + "/nowhere/")
            #expect(missing.status == 404 && missing.bodyText.contains("Page not found"))
        }
    }

    @Test(
        "a change rebuilds and the reload poll answers; a broken file shows the error page and the server lives on",
        arguments: [false, true])
    func reloadAndErrors(polls: Bool) async throws {
        try await withServer(polls: polls) { site, server in
            let first = try await get(server.baseURL + "/__livereload?since=-1")
            let generation = try #require(Int(first.bodyText.filter(\.isNumber)))
            async let poll = get(server.baseURL + "/__livereload?since=\(generation)", timeout: .seconds(40))
            try await Task.sleep(for: .milliseconds(300))
            try site.writeArticle("Content/integrations/new.md", title: "Brand new")
            let changed = try await poll
            #expect(Int(changed.bodyText.filter(\.isNumber)) == generation + 1)
            #expect(try await get(server.baseURL + "/integrations/new/").status == 200)

            try site.write("Content/integrations/bad.md", "---\ntitle: [\n---\n")
            var page = try await get(server.baseURL + "/")
            for _ in 0..<40 where page.status == 200 {
                try await Task.sleep(for: .milliseconds(100))
                page = try await get(server.baseURL + "/")
            }
            #expect(page.status == 500)
            #expect(page.bodyText.contains("bad.md:3:1: error: invalid YAML"))
            try FileManager.default.removeItem(at: site.url("Content/integrations/bad.md"))
            for _ in 0..<40 where page.status == 500 {
                try await Task.sleep(for: .milliseconds(100))
                page = try await get(server.baseURL + "/")
            }
            #expect(page.status == 200)
        }
    }

    @Test("a reload poll is answered when a build is recorded, at its timeout when none is, and at once when behind")
    func reloadPoll() async throws {
        let state = BuildState()
        async let answered = state.waitForChange(since: 0, timeout: .seconds(60))
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        await state.record(.failure(HelpCenterError(.error("broken", at: SourceLocation(path: "a.md")))))
        #expect(await answered == 1)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(await state.failure?.first?.message == "broken")
        #expect(await state.waitForChange(since: 1, timeout: .milliseconds(200)) == 1)
        #expect(await state.waitForChange(since: 0, timeout: .seconds(60)) == 1)
    }

    @Test("pages are served before the search index is done; a rebuild stops a slow index and indexes again")
    func searchInBackground() async throws {
        let site = try TemporarySite(copyRealContent: true)
        let runs = site.path("index-runs")
        let slow = site.path("slow")
        try site.write("slow", "")
        // Stands in for Pagefind (called with --site SITE --output-path STAGING): notes each run,
        // takes 600 s while `slow` exists, else writes a small but whole index where it was asked.
        let entry = #"{"languages":{"en":{"hash":"en_1","wasm":"en","page_count":1}}}"#
        let script = """
            echo start >> '\(runs)'; if [ -e '\(slow)' ]; then exec sleep 600; fi
            mkdir -p "$4/fragment" && echo index > "$4/index.txt" && echo '\(entry)' > "$4/pagefind-entry.json" \
            && echo m > "$4/pagefind.en_1.pf_meta" && echo w > "$4/wasm.en.pagefind" && echo f > "$4/fragment/1" \
            && echo 'export const a = 1;' > "$4/pagefind.js" && echo 'Indexed 1 page' && echo done >> '\(runs)'
            """
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"),
            outputPath: site.path("Public"), configPath: site.path("site.yml"))
        options.searchIndexer = SearchIndexer(command: ["sh", "-c", script, "sh"])
        let server = PreviewServer(options: options)
        let started = ContinuousClock.now
        try await server.start(port: 0)
        // The stand-in index takes 600 s: anything under half of that proves the page did not wait
        // for it, with room for a loaded 2-core machine (which has taken 59 s to get this far).
        #expect(ContinuousClock.now - started < .seconds(300))
        #expect(try await get(server.baseURL + "/integrations/using-zoom/").status == 200)
        // The shell creates the file before it writes the line: wait for the line.
        for _ in 0..<100 where (try? site.read("index-runs"))?.isEmpty != false {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try site.read("index-runs") == "start\n")

        try FileManager.default.removeItem(atPath: slow)
        let generation = await server.state.generation
        try site.writeArticle("Content/integrations/new.md", title: "Brand new")
        _ = await server.state.waitForChange(since: generation, timeout: .seconds(40))
        for _ in 0..<200 where !site.exists("Public/pagefind/index.txt") {
            try await Task.sleep(for: .milliseconds(50))
        }
        await server.stop()
        #expect(try site.read("Public/pagefind/index.txt") == "index\n")
        // The slow run was stopped, not waited for: it never wrote its index.
        #expect(try site.read("index-runs") == "start\nstart\ndone\n")
        #expect(ContinuousClock.now - started < .seconds(300))
    }
}
