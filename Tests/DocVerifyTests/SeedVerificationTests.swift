import DocVerify
import Foundation
import HelpCenterKit
import MockZoom
import TestSupport
import Testing
import ZoomIntegration

/// The real article against the embedded mock, and the same run with one promise broken at a
/// time: exactly the claims that state the broken promise must turn red.
@Suite("verify: the seed article's claims")
struct SeedVerificationTests {
    static let contentPath = TemporarySite.repository.appendingPathComponent("Content").path
    static let lockPath = TemporarySite.repository.appendingPathComponent("verify.lock").path

    func run(_ backend: MockBackend = MockBackend(), screens: ScreenOptions = SharedBrowser.screens) async throws
        -> VerifyReport
    {
        let catalog = try ClaimCatalog.load(contentPath: Self.contentPath)
        var runner = VerifyRunner(catalog: catalog, lock: try VerifyLock.load(path: Self.lockPath))
        runner.screens = screens
        return await runner.run(backend: backend)
    }

    @Test("every seed claim is verified against the embedded mock and its screens, and nothing drifted")
    func seedVerified() async throws {
        let report = try await run()
        #expect(report.passed, "\(report.claims.filter(\.isRed).map { "\($0.id): \($0.detail ?? "drift")" })")
        #expect(report.count(.verified) == 24)
        #expect(report.count(.manual) == 0)
        #expect(report.screenStepsSeconds != nil)
        #expect(report.orphans.isEmpty)
        #expect(report.claims.allSatisfy { $0.verdict != .verified || !$0.evidence.isEmpty })
    }

    struct Mutation: Sendable, CustomTestStringConvertible {
        var name: String
        var backend: MockBackend
        var red: Set<String>
        /// For a broken screen: what the failed step must say it found instead.
        var screenFinding: String? = nil
        var testDescription: String { name }
    }

    static let mutations: [Mutation] = [
        Mutation(
            name: "revoke that does not revoke", backend: MockBackend(misbehaviours: [.revokeDoesNotRevoke]),
            red: ["disconnect.tokens-invalidated"]),
        Mutation(
            name: "meeting without join_url", backend: MockBackend(misbehaviours: [.meetingWithoutJoinURL]),
            red: ["confirm.unique-meeting-per-booking"]),
        Mutation(
            name: "duplicate meeting ids", backend: MockBackend(misbehaviours: [.duplicateMeetingIDs]),
            red: ["confirm.unique-meeting-per-booking"]),
        Mutation(
            name: "meeting created for an unconfirmed booking",
            backend: MockBackend(defects: .meetingBeforeConfirmation),
            red: ["confirm.only-after-user-action", "troubleshoot.booking-not-confirmed"]),
        Mutation(
            name: "API calls after disconnect", backend: MockBackend(defects: .callsAfterDisconnect),
            red: [
                "disconnect.tokens-invalidated", "disconnect.revoke-from-zoom-marketplace",
                "data.no-calls-or-meetings-after-disconnect",
            ]),
        Mutation(
            name: "more than the meeting id and links stored", backend: MockBackend(defects: .storesExtraMeetingData),
            red: ["data.stores-only-meeting-id-and-links"]),
        Mutation(
            name: "the Business Tools icon renamed", backend: MockBackend(screenDefects: .businessToolsRenamed),
            red: ["connect.open-business-tools"],
            screenFinding: "no icon named 'Business Tools' on /workspace; there are: Workspace, Sign out, Tools (icon)"),
        Mutation(
            name: "no Delete icon next to Zoom", backend: MockBackend(screenDefects: .noDeleteIcon),
            red: ["disconnect.click-delete"],
            screenFinding: "no icon named 'Delete' on /workspace/business-tools/integrations; there are:"),
    ]

    @Test("each broken promise turns exactly its claims red", arguments: mutations)
    func mutation(_ mutation: Mutation) async throws {
        let screens = mutation.screenFinding == nil ? SharedBrowser.withoutScreens : SharedBrowser.screens
        let report = try await run(mutation.backend, screens: screens)
        let red = Set(report.claims.filter(\.isRed).map(\.id))
        #expect(red == mutation.red)
        for claim in report.claims where mutation.red.contains(claim.id) {
            #expect(claim.verdict == .failed)
            let finding = mutation.screenFinding ?? "expected"
            #expect(claim.detail?.contains(finding) == true, "\(claim.detail ?? "")")
        }
    }

    @Test("the JSON report, JUnit XML and console lines carry file:line and never a secret")
    func reports() async throws {
        let report = try await run()
        let json = String(decoding: report.json(), as: UTF8.self)
        #expect(try VerifyReport.decode(report.json()) == report)
        let junit = report.junit()
        #expect(junit.contains(#"<testsuite name="verify (mock)" tests="24" failures="0" errors="0" skipped="0""#))
        #expect(
            junit.contains(
                #"name="connect.redirect-to-zoom" file="\#(Self.contentPath)/integrations/using-zoom.md" line="20""#))
        let lines = report.claims.flatMap { VerifyReport.consoleLines($0, evidence: true) }.joined(separator: "\n")
        #expect(
            lines.contains(
                "“Historical booking metadata is retained only for reporting and record-keeping and does not include access to Zoom account data or meeting content.”"
            ))
        for text in [json, junit, lines] {
            #expect(!text.contains("verify-secret-"))
            #expect(!text.contains("verify-webhook-"))
            let tokenShaped = text.matches(of: /[A-Za-z0-9_-]{32,}/).map { String($0.output) }
                .filter {
                    !$0.allSatisfy { $0.isHexDigit || $0 == "-" } && !$0.contains("-meeting") && !$0.contains("-after-")
                }
            #expect(tokenShaped == [], "token-shaped strings in a report")
        }
    }
}
