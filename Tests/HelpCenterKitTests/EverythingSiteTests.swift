import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Sites that use every feature, built with the repository's templates and compared file by
/// file with their golden output: `everything` (claims, verification, drafts, aliases) and
/// `sections` (nested sections, a page bundle, shared images, GFM, cascade, url, list: never).
/// After an intended change: `RECORD_GOLDEN=1 swift test`.
@Suite("The everything site")
struct EverythingSiteTests {
    static let fixtures = TemporarySite.repository.appendingPathComponent("Tests/HelpCenterKitTests/Fixtures")

    @Test("the built tree matches the golden tree byte for byte", arguments: ["everything", "sections"])
    func matchesGolden(_ name: String) throws {
        let fixture = Self.fixtures.appendingPathComponent(name)
        let golden = Self.fixtures.appendingPathComponent(name + "-golden")
        let site = try TemporarySite()
        try FileManager.default.removeItem(at: site.url("Content"))
        try FileManager.default.removeItem(at: site.url("site.yml"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("Content"), to: site.url("Content"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("site.yml"), to: site.url("site.yml"))
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"))
        options.searchIndexer = nil
        #expect(SiteChecker(options: options).check() == [])
        _ = try SiteBuilder(options: options).build()
        let built = try site.tree("Public")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: site.url("Public"), to: golden)
        }
        let expected = try TemporarySite.tree(at: golden)
        #expect(Set(built.keys) == Set(expected.keys))
        for (path, data) in built.sorted(by: { $0.key < $1.key }) where expected[path] != data {
            Issue.record("\(path) differs from the golden copy; review and re-record with RECORD_GOLDEN=1")
        }
        if name == "everything" {
            #expect(!built.keys.contains { $0.contains("unfinished") })
            #expect(built["refund-policy/index.html"] != nil)
        } else {
            #expect(built["guides/advanced-topics/deeper/limits/index.html"] != nil)
            #expect(built.keys.filter { $0.hasSuffix(".png") }.count == 2)
        }
    }
}
