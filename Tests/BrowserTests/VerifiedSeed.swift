import DocVerify
import Foundation
import MockZoom
import TestSupport

/// verify's run of the seed article against the embedded mock, with its screenshots, made once
/// per test process for every site the browser tests build, and removed when the process exits.
actor VerifiedSeed {
    static let shared = VerifiedSeed()
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "verified-seed-\(ProcessInfo.processInfo.processIdentifier)")
    private static let removeAtExit: Void = {
        atexit { try? FileManager.default.removeItem(at: VerifiedSeed.folder) }
    }()
    private var run: Task<String, any Error>?

    /// The report's path; its screenshots are in `report-screenshots` beside it.
    func reportPath() async throws -> String {
        if run == nil { run = Task { try await Self.verify() } }
        return try await run!.value
    }

    private static func verify() async throws -> String {
        removeAtExit
        let repository = TemporarySite.repository
        var runner = VerifyRunner(
            catalog: try ClaimCatalog.load(contentPath: repository.appendingPathComponent("Content").path),
            lock: try VerifyLock.load(path: repository.appendingPathComponent("verify.lock").path))
        runner.screens = ScreenOptions(screenshots: folder.appendingPathComponent("report-screenshots"))
        var report = await runner.run(backend: MockBackend())
        guard report.exitStatus == 0 else { throw SeedNotVerified(summary: report.summary) }
        report.screenshotFolder = "report-screenshots"
        let path = folder.appendingPathComponent("report.json")
        try report.json().write(to: path)
        return path.path
    }

    struct SeedNotVerified: Error, CustomStringConvertible {
        let summary: String
        var description: String { "the seed article did not verify: \(summary)" }
    }
}
