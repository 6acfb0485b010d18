import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// A build replaces its output whole, so it must never replace what helpcenter did not build.
@Suite("Output safety")
struct OutputSafetyTests {
    /// Builds off the cooperative pool, so a build never starves other tests' servers.
    func message(_ site: TemporarySite, output: String, force: Bool = false) async throws -> String {
        try await offThePool {
            Self.message { () throws(HelpCenterError) in _ = try Self.build(site, output: output, force: force) }
        }
    }

    static func build(_ site: TemporarySite, output: String, force: Bool = false) throws(HelpCenterError) -> BuildReport
    {
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: output,
            configPath: site.path("site.yml"))
        options.searchIndexer = nil
        options.force = force
        return try SiteBuilder(options: options).build()
    }

    static func message(_ body: () throws(HelpCenterError) -> Void) -> String {
        do {
            try body()
            return ""
        } catch {
            return error.description
        }
    }

    @Test("a non-empty folder helpcenter did not build is refused, naming --force; with --force it is replaced")
    func foreignFolder() async throws {
        let site = try TemporarySite(copyRealContent: true)
        try site.write("Documents/thesis.txt", "years of work")
        let refused = try await message(site, output: site.path("Documents"))
        #expect(refused.contains("was not built by helpcenter") && refused.contains("--force"), "\(refused)")
        #expect(try site.read("Documents/thesis.txt") == "years of work")
        #expect(try await message(site, output: site.path("Documents"), force: true) == "")
        #expect(site.exists("Documents/index.html") && !site.exists("Documents/thesis.txt"))
    }

    @Test("a folder helpcenter built, or an empty one, is (re)built without --force")
    func ownFolder() async throws {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.createDirectory(at: site.url("Empty"), withIntermediateDirectories: true)
        #expect(try await message(site, output: site.path("Empty")) == "")
        try site.write("Empty/stale.html", "from an older build")
        #expect(try await message(site, output: site.path("Empty")) == "")
        #expect(site.exists("Empty/index.html") && !site.exists("Empty/stale.html"))
    }

    @Test("a file is never replaced by the site, not even with --force")
    func fileOutput() async throws {
        let site = try TemporarySite(copyRealContent: true)
        try site.write("notes.txt", "my notes")
        for force in [false, true] {
            let refused = try await message(site, output: site.path("notes.txt"), force: force)
            #expect(refused.contains("is a file"), "\(refused)")
        }
        #expect(try site.read("notes.txt") == "my notes")
    }

    @Test("an output inside Content/ or Templates/ is refused", arguments: ["Content/Public", "Templates/Public"])
    func outputInsideSources(_ relative: String) async throws {
        let site = try TemporarySite(copyRealContent: true)
        let refused = try await message(site, output: site.path(relative))
        #expect(refused.contains("inside"), "\(refused)")
        #expect(!site.exists(relative))
    }
}
