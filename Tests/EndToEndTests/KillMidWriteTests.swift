import Foundation
import TestSupport
import Testing

/// `verify` killed with SIGKILL at arbitrary moments while the integration writes its state:
/// every state file is a whole old or new version (never torn) and token files stay 0600.
@Suite("Kill mid-write")
struct KillMidWriteTests {
    /// Folders whose files hold tokens or PKCE verifiers.
    static let secretFolders: Set<String> = ["connections", "pending"]

    @Test("20 runs of verify --state killed between 20 ms and 780 ms: no torn JSON, tokens 0600")
    func killedRuns() async throws {
        try await offThePool {
            let site = try TemporarySite(copyRealContent: true)
            try FileManager.default.copyItem(
                at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
            let state = site.url("state")
            var killed = 0
            var filesSeen = 0
            var secretFilesSeen = 0
            for run in 0..<20 {
                let process = Process()
                process.executableURL = VerifyBinaryTests.binary
                process.arguments = ["--state", state.path]
                process.currentDirectoryURL = site.root
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                // Spread over a run's length: 20 ms, 60 ms, ... 780 ms.
                usleep(useconds_t(20_000 + run * 40_000))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    killed += 1
                }
                process.waitUntilExit()
                for file in Self.files(under: state) {
                    filesSeen += 1
                    let folder = file.deletingLastPathComponent().lastPathComponent
                    if Self.secretFolders.contains(folder) {
                        secretFilesSeen += 1
                        #expect(try Self.mode(of: file) == 0o600, "\(file.path) is readable by others")
                    }
                    guard file.pathExtension == "json", !file.lastPathComponent.hasPrefix(".") else { continue }
                    let data = try Data(contentsOf: file)
                    #expect(
                        (try? JSONSerialization.jsonObject(with: data)) != nil,
                        "torn state file after kill \(run): \(file.path)")
                }
            }
            #expect(killed >= 10, "only \(killed) of 20 runs were killed before they finished")
            #expect(filesSeen > 0 && secretFilesSeen > 0, "the kills never caught any state on disk")
        }
    }

    static func files(under folder: URL) -> [URL] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).map { folder.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    static func mode(of file: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}
