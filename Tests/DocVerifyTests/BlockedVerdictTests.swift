import DocVerify
import Foundation
import FoundationXML
import HelpCenterKit
import TestSupport
import Testing
import ZoomAPI
import ZoomIntegration

/// Three verdicts, not two: a claim that could not be checked now is `blocked`, with why and
/// when to try again, never `failed` and never `verified`.
@Suite("verify: blocked claims")
struct BlockedVerdictTests {
    static let reset = ISO8601DateFormatter().date(from: "2026-12-03T00:00:00Z")!

    /// Three claims whose checks pass, hit Zoom's daily limit, and find Zoom unreachable.
    func report(third: Check? = nil) async throws -> VerifyReport {
        let site = try TemporarySite()
        try site.write(
            "Content/g/a.md",
            "---\ntitle: A\n---\nOne. <!-- claim: data.one -->\n\nTwo. <!-- claim: data.two -->\n\n"
                + "Three. <!-- claim: data.three -->\n")
        let daily = ZoomError(
            status: 429, kind: .dailyLimit(DailyLimit(resetsAt: Self.reset, category: "Medium", message: "")))
        let checks = [
            "data.one": Check("data.one") { check in try check.expect(true, "it works", observed: "it worked") },
            "data.two": Check("data.two") { _ in throw IntegrationError.zoom(daily) },
            "data.three": third
                ?? Check("data.three") { _ in
                    throw ZoomError(status: 503, kind: .api(code: 503, message: "Service Unavailable"))
                },
        ]
        let catalog = try ClaimCatalog.load(contentPath: site.path("Content"))
        var lock = VerifyLock()
        lock.accept(catalog.entries.map(\.claim))
        return await VerifyRunner(catalog: catalog, lock: lock, checks: checks).run(backend: MockBackend())
    }

    @Test("a daily limit and an unreachable Zoom block their claims, with the reason and reset; exit 3")
    func blocked() async throws {
        let report = try await report()
        #expect(report.claims.map(\.verdict) == [.verified, .blocked, .blocked])
        #expect(report.claims[1].detail == "Zoom's daily limit is reached; try again after 2026-12-03T00:00:00Z")
        #expect(report.claims[1].retryAt == "2026-12-03T00:00:00Z")
        #expect(
            report.claims[2].detail?.hasPrefix("Zoom could not be reached or kept refusing: Zoom answered 503") == true)
        #expect(report.passed)
        #expect(report.exitStatus == 3)
        #expect(report.summary.hasPrefix("1 verified, 0 failed, 2 blocked, 0 manual"))
        let lines = VerifyReport.consoleLines(report.claims[1])
        #expect(lines[0].hasPrefix("⊘ blocked  data.two  "))
        #expect(lines[1] == "           Zoom's daily limit is reached; try again after 2026-12-03T00:00:00Z")
        let xml = try XMLDocument(xmlString: report.junit())
        let suite = try #require(xml.rootElement())
        #expect(suite.attribute(forName: "errors")?.stringValue == "2")
        #expect(suite.attribute(forName: "failures")?.stringValue == "0")
        let errors = try xml.nodes(forXPath: "//testcase[@name='data.two']/error").compactMap { $0 as? XMLElement }
        #expect(
            errors.first?.attribute(forName: "message")?.stringValue
                == "blocked: Zoom's daily limit is reached; try again after 2026-12-03T00:00:00Z")
    }

    @Test("a failure beside blocked claims still exits 1; a product contradiction is never blocked")
    func failureWins() async throws {
        let report = try await report(
            third: Check("data.three") { check in try check.expect(false, "it works", observed: "it did not") })
        #expect(report.claims.map(\.verdict) == [.verified, .blocked, .failed])
        #expect(report.exitStatus == 1)
    }
}
