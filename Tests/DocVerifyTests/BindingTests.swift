import DocVerify
import Foundation
import HelpCenterKit
import TestSupport
import Testing

/// Drift, accept, unbound, orphan, duplicate and empty checks, on a temp copy of Content/.
@Suite("verify: binding and drift")
struct BindingTests {
    func catalog(_ site: TemporarySite) throws -> ClaimCatalog {
        try ClaimCatalog.load(contentPath: site.path("Content"))
    }

    func lock() throws -> VerifyLock {
        try VerifyLock.load(path: TemporarySite.repository.appendingPathComponent("verify.lock").path)
    }

    @Test("edited claim text drifts at its file:line until accepted")
    func drift() throws {
        let site = try TemporarySite(copyRealContent: true)
        let article = "Content/integrations/using-zoom.md"
        let original = try site.read(article)
        try site.write(article, original.replacingOccurrences(of: "at any time.", with: "at most times."))
        var lock = try lock()
        let report = VerifyRunner(catalog: try catalog(site), lock: lock).lint()
        let drifted = report.claims.filter(\.drift)
        #expect(drifted.map(\.id) == ["disconnect.any-time"])
        #expect(drifted.first?.file == site.path(article))
        #expect(drifted.first?.line == 45)
        #expect(!report.passed)
        lock.accept(try catalog(site).entries.map(\.claim).filter { $0.id == "disconnect.any-time" })
        #expect(VerifyRunner(catalog: try catalog(site), lock: lock).lint().passed)
    }

    @Test("a claim without a check is unbound; a check without a claim is an orphan")
    func unboundAndOrphan() throws {
        let site = try TemporarySite(copyRealContent: true)
        let article = "Content/integrations/using-zoom.md"
        var text = try site.read(article)
        text = text.replacingOccurrences(of: " <!-- claim: disconnect.any-time -->", with: "")
        text += "\nMeetings are recorded automatically. <!-- claim: confirm.records-meetings -->\n"
        try site.write(article, text)
        let report = VerifyRunner(catalog: try catalog(site), lock: try lock()).lint()
        #expect(report.orphans == ["disconnect.any-time"])
        #expect(report.claims.filter { $0.verdict == .unbound }.map(\.id) == ["confirm.records-meetings"])
        #expect(!report.passed)
    }

    @Test("the same id on two claims is a duplicate")
    func duplicate() throws {
        let site = try TemporarySite(copyRealContent: true)
        try site.write(
            "Content/integrations/other.md", "---\ntitle: Other\n---\nAgain. <!-- claim: disconnect.any-time -->\n")
        let report = VerifyRunner(catalog: try catalog(site), lock: try lock()).lint()
        #expect(report.claims.filter { $0.verdict == .duplicate }.count == 2)
        #expect(!report.passed)
    }

    @Test("a check that asserts nothing fails; a throwing check fails with its reason")
    func emptyChecks() async throws {
        let site = try TemporarySite()
        try site.write(
            "Content/g/a.md", "---\ntitle: A\n---\nOne. <!-- claim: data.one -->\n\nTwo. <!-- claim: data.two -->\n")
        let checks = [
            "data.one": Check("data.one") { _ in },
            "data.two": Check("data.two") { check in try check.expectEqual(1 + 1, 3, "arithmetic", subject: "1 + 1") },
        ]
        var lock = VerifyLock()
        lock.accept(try catalog(site).entries.map(\.claim))
        let report = await VerifyRunner(catalog: try catalog(site), lock: lock, checks: checks).run(
            backend: MockBackend())
        #expect(report.claims.map(\.verdict) == [.noAssertion, .failed])
        #expect(report.claims.last?.detail == "arithmetic: expected 1 + 1: 3, observed 1 + 1: 2")
    }

    @Test("lint is static: every seed claim is bound, to a check or to the screen-step grammar, with no backend")
    func lintBindsSeed() throws {
        let report = VerifyRunner(
            catalog: try ClaimCatalog.load(
                contentPath: TemporarySite.repository.appendingPathComponent("Content").path),
            lock: try lock()
        ).lint()
        #expect(report.passed)
        #expect(report.count(.bound) == 24)
    }
}
