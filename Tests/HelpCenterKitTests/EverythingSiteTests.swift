import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// One site that uses every feature, built with the repository's templates and compared file
/// by file with its golden output. After an intended change: `RECORD_GOLDEN=1 swift test`.
@Suite("The everything site")
struct EverythingSiteTests {
    static let fixture = TemporarySite.repository.appendingPathComponent("Tests/HelpCenterKitTests/Fixtures/everything")
    static let golden = TemporarySite.repository.appendingPathComponent(
        "Tests/HelpCenterKitTests/Fixtures/everything-golden")

    @Test("the built tree matches the golden tree byte for byte")
    func matchesGolden() throws {
        let site = try TemporarySite()
        try FileManager.default.removeItem(at: site.url("Content"))
        try FileManager.default.removeItem(at: site.url("site.yml"))
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("Content"), to: site.url("Content"))
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("site.yml"), to: site.url("site.yml"))
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"))
        options.searchIndexer = nil
        #expect(SiteChecker(options: options).check() == [])
        _ = try SiteBuilder(options: options).build()
        let built = try site.tree("Public")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            try FileManager.default.copyItem(at: site.url("Public"), to: Self.golden)
        }
        let expected = try TemporarySite.tree(at: Self.golden)
        #expect(Set(built.keys) == Set(expected.keys))
        for (path, data) in built.sorted(by: { $0.key < $1.key }) where expected[path] != data {
            Issue.record("\(path) differs from the golden copy; review and re-record with RECORD_GOLDEN=1")
        }
        #expect(!built.keys.contains { $0.contains("unfinished") })
        #expect(built["refund-policy/index.html"] != nil)
    }
}
