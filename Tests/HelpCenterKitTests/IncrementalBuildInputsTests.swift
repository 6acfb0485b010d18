import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Inputs beside the articles: verification results, git commit dates, the search index.
extension IncrementalBuildTests {
    @Test(
        "verification results: a new run with the same outcomes on the same day changes nothing; a new outcome rebuilds"
    )
    func verificationResults() throws {
        let site = try Self.makeSite()
        try append(site, "Content/guides/article-1.md", "\nIt connects. <!-- claim: connect.works -->\n")
        let claim = try #require(MarkdownRenderer().render("It connects. <!-- claim: connect.works -->\n").claims.first)
        func report(_ startedAt: String, verdict: String) throws {
            let hash = claim.textHash
            let json = """
                {"backend": "mock", "startedAt": "\(startedAt)", "claims": [
                  {"id": "connect.works", "verdict": "\(verdict)", "textHash": "\(hash)", "drift": false}]}
                """
            try site.write("report.json", json)
        }
        var options = options(site)
        options.verificationPath = site.path("report.json")
        try report("2026-11-25T08:00:00Z", verdict: "verified")
        _ = try SiteBuilder(options: options).build()
        #expect(try site.read("Public/guides/article-1/index.html").contains("claim-mark"))
        try report("2026-11-25T09:30:00Z", verdict: "verified")
        let sameDay = try SiteBuilder(options: options).build()
        #expect(sameDay.fullBuildReason == nil)
        #expect(sameDay.rendered == 0)
        try report("2026-11-25T10:00:00Z", verdict: "failed")
        let changed = try SiteBuilder(options: options).build()
        #expect(changed.fullBuildReason != nil)
        #expect(!(try site.read("Public/guides/article-1/index.html").contains("claim-mark")))
    }

    @Test("in a git repository, dates come from commits, and a new commit rebuilds with the new date")
    func gitCommits() throws {
        let site = try Self.makeSite()
        func git(_ arguments: String..., date: String = "2026-02-03T10:00:00Z") throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["git", "-C", site.root.path, "-c", "user.name=T", "-c", "user.email=t@example.com"]
                + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            var environment = ProcessInfo.processInfo.environment
            environment["GIT_COMMITTER_DATE"] = date
            environment["GIT_AUTHOR_DATE"] = date
            process.environment = environment
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "first")
        #expect(try buildAndCompare(site, "first commit").fullBuildReason != nil)
        #expect(try site.read("Public/guides/article-1/index.html").contains("3 February 2026"))
        // A `lastmod` in the front matter wins over the commit.
        #expect(try site.read("Public/guides/linking/index.html").contains("2 January 2026"))
        try append(site, "Content/guides/article-1.md", "\nUncommitted edit.\n")
        let edited = try buildAndCompare(site, "uncommitted edit")
        #expect(edited.fullBuildReason == nil)
        #expect(edited.rendered == 1)
        try git("add", "-A")
        try git("commit", "-q", "-m", "second", date: "2026-05-06T10:00:00Z")
        let committed = try buildAndCompare(site, "second commit")
        #expect(committed.fullBuildReason == "the content's git commit, or what git answered, changed")
        #expect(try site.read("Public/guides/article-1/index.html").contains("6 May 2026"))
        #expect(try site.read("Public/guides/article-2/index.html").contains("3 February 2026"))

        // A shared article linked into another category takes its target's date.
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Content/setup/shared.md"), withDestinationPath: "../guides/article-1.md")
        try git("add", "-A")
        try git("commit", "-q", "-m", "link", date: "2026-07-08T10:00:00Z")
        try buildAndCompare(site, "symbolic link committed")
        #expect(try site.read("Public/setup/shared/index.html").contains("6 May 2026"))

        // A build while git fails (its objects gone) has no dates; once git works again at the
        // same commit, the next build reads them and rebuilds every page, without --full.
        try FileManager.default.moveItem(at: site.url(".git/objects"), to: site.url("objects-aside"))
        let failing = try SiteBuilder(options: options(site, cache: false)).build()
        #expect(failing.fullBuildReason != nil)
        #expect(!(try site.read("Public/guides/article-1/index.html").contains("6 May 2026")))
        try FileManager.default.moveItem(at: site.url("objects-aside"), to: site.url(".git/objects"))
        let repaired = try buildAndCompare(site, "git working again")
        #expect(repaired.fullBuildReason == "the content's git commit, or what git answered, changed")
        #expect(try site.read("Public/guides/article-1/index.html").contains("6 May 2026"))
    }

    @Test("Pagefind installed after a build: the next build indexes, though no page changed")
    func searchInstalledLater() throws {
        let site = try Self.makeSite()
        let missing = site.path("missing")
        try site.write("missing", "")
        var options = searchOptions(site)
        options.searchIndexer = SearchIndexer(command: [
            "sh", "-c", "if [ -e '\(missing)' ]; then exit 127; fi; exec python3 -m pagefind \"$@\"", "--",
        ])
        #expect(try SiteBuilder(options: options).build().notes == [SearchIndexer.notInstalled])
        #expect(!site.exists("Public/pagefind"))
        try FileManager.default.removeItem(atPath: missing)
        let next = try SiteBuilder(options: options).build()
        #expect(next.fullBuildReason == nil)
        #expect(next.rendered == 0)
        #expect(next.notes == [])
        #expect(site.exists("Public/pagefind/pagefind-entry.json"))
    }

    /// Builds with the search index (Pagefind, which `make` installs).
    func searchOptions(_ site: TemporarySite, output: String = "Public", cache: Bool = true) -> BuildOptions {
        var options = options(site, output: output, cache: cache)
        options.searchIndexer = SearchIndexer()
        return options
    }

    @Test("with search on, a body edit re-indexes: the site and its index equal a clean build's")
    func searchIndex() throws {
        let site = try Self.makeSite()
        let first = try SiteBuilder(options: searchOptions(site)).build()
        #expect(first.notes == [], "is Pagefind installed? run make")
        let before = try site.tree("Public").filter { $0.key.hasPrefix("pagefind/") }
        try append(site, "Content/guides/article-1.md", "\nZanzibar is the word to search for.\n")
        let edited = try SiteBuilder(options: searchOptions(site)).build()
        #expect(edited.fullBuildReason == nil)
        #expect(edited.notes == [])
        _ = try SiteBuilder(options: searchOptions(site, output: "Clean", cache: false)).build()
        let incremental = try site.tree("Public")
        let clean = try site.tree("Clean")
        #expect(incremental.keys.sorted() == clean.keys.sorted())
        #expect(incremental.filter { clean[$0.key] != $0.value }.keys.sorted() == [])
        #expect(incremental.filter { $0.key.hasPrefix("pagefind/") } != before, "the index did not change")
    }

    @Test("a search index that fails to rebuild leaves no cache, so the next build is full and indexes again")
    func failedReindex() throws {
        let site = try Self.makeSite()
        // Pagefind, failing while the file `broken` exists: the command, and so the build's
        // inputs, stay the same.
        let flag = site.path("broken")
        var options = searchOptions(site)
        options.searchIndexer = SearchIndexer(command: [
            "sh", "-c", "if [ -e '\(flag)' ]; then echo broken index >&2; exit 3; fi; exec python3 -m pagefind \"$@\"",
            "--",
        ])
        #expect(try SiteBuilder(options: options).build().notes == [])
        try append(site, "Content/guides/article-1.md", "\nEdited.\n")
        try site.write("broken", "")
        let report = try SiteBuilder(options: options).build()
        #expect(report.fullBuildReason == nil)
        #expect(report.notes == ["search index not built: Pagefind failed: broken index"])
        #expect(!FileManager.default.fileExists(atPath: site.path(".Public.build-cache")))
        try FileManager.default.removeItem(atPath: flag)
        let next = try SiteBuilder(options: options).build()
        #expect(next.fullBuildReason == "no build cache yet")
        #expect(next.notes == [])
    }
}
