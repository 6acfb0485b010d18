import Foundation
import Synchronization
import TestSupport
import Testing

@testable import HelpCenterKit

/// `serve`'s memory between builds: the survey taken again only where changes were reported,
/// the cache taken from memory only while the file is the one saved. Either way the output must
/// be a clean build's, byte for byte.
@Suite("Build memory (serve)")
struct BuildMemoryTests {
    let compare = IncrementalBuildTests()

    /// Builds with `memory` into `Public/` and from scratch into `Clean/`; compares them.
    @discardableResult
    func buildAndCompare(_ site: TemporarySite, _ memory: BuildMemory, _ step: String) throws -> BuildReport {
        var builder = SiteBuilder(options: compare.options(site))
        builder.memory = memory
        let report = try builder.build()
        try compare.expectSameAsClean(site, step)
        return report
    }

    @Test("each kind of reported edit gives a clean build's output, and body edits stay one page")
    func reportedEdits() async throws {
        let site = try IncrementalBuildTests.makeSite()
        try await Task.sleep(for: .seconds(3.2))  // no file is read for being recent (see `reuseIsReal`)
        let memory = BuildMemory(trustsReportedChanges: true)
        try buildAndCompare(site, memory, "first build")
        func edit(_ relative: String, _ step: String, _ change: () throws -> Void) throws -> BuildReport {
            try change()
            memory.noteChange(at: site.path(relative))
            return try buildAndCompare(site, memory, step)
        }
        var report = try edit("Content/guides/article-2.md", "body edit") {
            try compare.append(site, "Content/guides/article-2.md", "\nMore text.\n")
        }
        #expect(report.rendered == 1 && report.fullBuildReason == nil)
        report = try edit("Content/billing/article-3.md", "a second body edit in another folder") {
            try compare.append(site, "Content/billing/article-3.md", "\nAgain.\n")
        }
        #expect(report.rendered == 1 && report.fullBuildReason == nil)
        _ = try edit("Content/setup/new.md", "new article") {
            try site.writeArticle("Content/setup/new.md", title: "New one", extra: "tags: [shared]\n")
        }
        _ = try edit("Content/billing/_index.md", "category page") {
            try compare.replace(site, "Content/billing/_index.md", "All about billing.", "Billing, all of it.")
        }
        _ = try edit("Content/setup/new.md", "article deleted") {
            try FileManager.default.removeItem(at: site.url("Content/setup/new.md"))
        }
        _ = try edit("Content/fresh", "new category folder") {
            try site.writeArticle("Content/fresh/first.md", title: "Fresh first")
        }
        _ = try edit("Content/_index.md", "home page") {
            try site.write("Content/_index.md", "---\ntitle: Help\n---\nWelcome.\n")
        }
        _ = try edit("site.yml", "site configuration") {
            try site.write("site.yml", try site.read("site.yml") + "\n# edited\n")
        }
        _ = try edit("Content/fresh", "category folder deleted") {
            try FileManager.default.removeItem(at: site.url("Content/fresh"))
        }
    }

    @Test("the survey is reused where no change was reported, and only with trusted reports")
    func reuseIsReal() async throws {
        let sites = [true: try IncrementalBuildTests.makeSite(), false: try IncrementalBuildTests.makeSite()]
        // Files changed in the 3 s before a build are read again whatever their stamp (`ArticleReuse`).
        try await Task.sleep(for: .seconds(3.2))
        for (trusted, site) in sites {
            let memory = BuildMemory(trustsReportedChanges: trusted)
            var builder = SiteBuilder(options: compare.options(site))
            builder.memory = memory
            _ = try builder.build()
            // A size change the memory is not told of.
            try compare.append(site, "Content/guides/article-1.md", "\nUnreported line.\n")
            let report = try builder.build()
            let page = try site.read("Public/guides/article-1/index.html")
            if trusted {
                // Proof that the remembered survey was used: the unreported edit was not seen.
                #expect(report.rendered == 0 && !page.contains("Unreported line."))
                memory.noteChange(at: site.path("Content/guides/article-1.md"))
                #expect(try builder.build().rendered == 1)
                #expect(try site.read("Public/guides/article-1/index.html").contains("Unreported line."))
                // A reported edit stamps that article again, not its neighbours (article-1, just
                // changed, is read again anyway: see `ArticleReuse`).
                try compare.append(site, "Content/guides/article-3.md", "\nUnreported again.\n")
                try compare.append(site, "Content/guides/article-2.md", "\nReported.\n")
                memory.noteChange(at: site.path("Content/guides/article-2.md"))
                #expect(try builder.build().rendered == 1)
                #expect(try site.read("Public/guides/article-2/index.html").contains("Reported."))
                #expect(!(try site.read("Public/guides/article-3/index.html").contains("Unreported again.")))
            } else {
                #expect(report.rendered == 1 && page.contains("Unreported line."))
            }
        }
    }

    /// The test site with a symbolic link at `path`, old enough that no file is read for being
    /// recent (see `reuseIsReal`), and a memory that trusts reports.
    func siteWithLink(_ path: String, to target: String) async throws -> (TemporarySite, BuildMemory) {
        let site = try IncrementalBuildTests.makeSite()
        try FileManager.default.createSymbolicLink(atPath: site.path(path), withDestinationPath: target)
        try await Task.sleep(for: .seconds(3.2))
        return (site, BuildMemory(trustsReportedChanges: true))
    }

    @Test("an edit reported under a link's target is seen through the link")
    func linkTargets() async throws {
        let (site, memory) = try await siteWithLink("Content/guides/linked.md", to: "../billing/article-1.md")
        try buildAndCompare(site, memory, "first build")
        try compare.append(site, "Content/billing/article-1.md", "\nThrough the link too.\n")
        memory.noteChange(at: site.path("Content/billing/article-1.md"))
        try buildAndCompare(site, memory, "a link's target edited")
        #expect(try site.read("Public/guides/linked/index.html").contains("Through the link too."))
    }

    @Test("a dangling link that a new file resolves, reported under the new file's path, stops failing")
    func danglingLinks() async throws {
        let (site, memory) = try await siteWithLink("Content/guides/later.md", to: "../billing/later.md")
        var builder = SiteBuilder(options: compare.options(site))
        builder.memory = memory
        #expect(throws: HelpCenterError.self) { try builder.build() }
        try site.writeArticle("Content/billing/later.md", title: "Later")
        memory.noteChange(at: site.path("Content/billing/later.md"))
        try buildAndCompare(site, memory, "the link's target made")
    }

    @Test("a survey is not reused under a different site.yml, reported or not")
    func renderingChanged() async throws {
        let site = try IncrementalBuildTests.makeSite()
        try site.write("Content/billing/_index.md", "---\ntitle: Billing\n---\nAll <em>about</em> billing.\n")
        try await Task.sleep(for: .seconds(3.2))  // no file is read for being recent (see `reuseIsReal`)
        let memory = BuildMemory(trustsReportedChanges: true)
        try buildAndCompare(site, memory, "first build")
        // As when site.yml changes while a build runs: its report comes after that build's survey.
        try compare.replace(site, "site.yml", "unsafe_html: false", "unsafe_html: true")
        try buildAndCompare(site, memory, "unsafe_html turned on, not reported")
        #expect(try site.read("Public/billing/index.html").contains("All <em>about</em> billing."))
    }

    @Test("the remembered cache is dropped when the file beside the output is not the one saved")
    func cacheFromMemory() throws {
        let site = try IncrementalBuildTests.makeSite()
        let memory = BuildMemory(trustsReportedChanges: true)
        try buildAndCompare(site, memory, "first build")
        #expect(memory.savedCache(forOutput: site.path("Public")) != nil)

        // A command-line build in between writes its own cache: the next build reads that one.
        try compare.append(site, "Content/guides/article-2.md", "\nFrom the command line.\n")
        memory.noteChange(at: site.path("Content/guides/article-2.md"))
        _ = try SiteBuilder(options: compare.options(site)).build()
        #expect(memory.savedCache(forOutput: site.path("Public")) == nil)
        try compare.append(site, "Content/setup/article-1.md", "\nFrom serve.\n")
        memory.noteChange(at: site.path("Content/setup/article-1.md"))
        var report = try buildAndCompare(site, memory, "serve after a command-line build")
        #expect(report.rendered == 1)

        // A deleted cache: the next build is a full one.
        unlink(OutputSibling.cache.url(next: site.url("Public")).path)
        #expect(memory.savedCache(forOutput: site.path("Public")) == nil)
        report = try buildAndCompare(site, memory, "cache deleted")
        #expect(report.fullBuildReason != nil)
        #expect(memory.savedCache(forOutput: site.path("Public")) != nil)
    }

    @Test("reported paths outside a category folder make the next survey a whole one")
    func wholeSurveys() async throws {
        let site = try IncrementalBuildTests.makeSite()
        try await Task.sleep(for: .seconds(3.2))  // no file is read for being recent (see `reuseIsReal`)
        let memory = BuildMemory(trustsReportedChanges: true)
        var builder = SiteBuilder(options: compare.options(site))
        builder.memory = memory
        _ = try builder.build()
        for reported in [site.path("Content/guides"), site.path("site.yml"), nil] {
            try compare.append(site, "Content/billing/article-1.md", "\nSeen.\n")
            memory.noteChange(at: reported)
            #expect(try builder.build().rendered == 1, "after \(reported ?? "an unknown change")")
        }
    }

    /// Notes when it is freed.
    final class Tracked: Sendable {
        let freed: @Sendable () -> Void
        init(_ freed: @escaping @Sendable () -> Void) { self.freed = freed }
        deinit { freed() }
    }

    final class Flag: Sendable {
        let value = Mutex(false)
    }

    @Test("what a build keeps for serve lives until serve frees it")
    func keptUntilFreed() {
        let flag = Flag()
        ProcessLifetime.keepBuildState()
        defer { ProcessLifetime.kept.withLock { $0 = nil } }
        ProcessLifetime.keep(Tracked { flag.value.withLock { $0 = true } })
        #expect(!flag.value.withLock { $0 })
        ProcessLifetime.freeKept()
        #expect(flag.value.withLock { $0 })
    }
}
