import Foundation
import TestSupport
import Testing

/// Pagefind never outlives the build that started it, and what killed builds left beside the
/// output is removed by the next build of any kind.
@Suite("Pagefind's lifetime")
struct PagefindLifetimeTests {
    /// A `python3` first on PATH that stands in for `python3 -m pagefind`: it notes its pid,
    /// then runs far longer than any test.
    static func slowPagefind(in site: TemporarySite) throws -> [String: String] {
        try site.write("fake-bin/python3", "#!/bin/sh\necho $$ > '\(site.path("pagefind.pid"))'\nexec sleep 60\n")
        chmod(site.path("fake-bin/python3"), 0o755)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = site.path("fake-bin") + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }

    @Test("helpcenter build killed with SIGKILL while Pagefind runs: Pagefind dies with it")
    func diesWithTheBuild() async throws {
        let site = try TemporarySite(copyRealContent: true)
        let build = Process()
        build.executableURL = HelpCenterBinaryTests.binary
        build.arguments = ["build", "--full"]
        build.currentDirectoryURL = site.root
        build.environment = try Self.slowPagefind(in: site)
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        for _ in 0..<400 where !site.exists("pagefind.pid") { try await Task.sleep(for: .milliseconds(25)) }
        let pid = try #require(Int32(try site.read("pagefind.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(build.processIdentifier, SIGKILL)
        try await offThePool { build.waitUntilExit() }
        var alive = true
        for _ in 0..<100 where alive {
            alive = kill(pid, 0) == 0
            if alive { try await Task.sleep(for: .milliseconds(20)) }
        }
        if alive { kill(pid, SIGKILL) }
        #expect(!alive, "Pagefind (pid \(pid)) outlived the build")
    }

    @Test("an incremental build removes staging and index folders whose process is gone")
    func leftoversRemoved() async throws {
        let site = try TemporarySite(copyRealContent: true)
        let first = try await offThePool {
            try ProcessRunner.run(HelpCenterBinaryTests.binary, ["build", "--no-search"], in: site.root)
        }
        #expect(first.status == 0, "\(first.stderr)")
        // A pid that surely belongs to no process: one that has just exited.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        for name in [".Public.staging-\(gone.processIdentifier)", ".Public.pagefind-\(gone.processIdentifier)"] {
            try site.write("\(name)/index.html", "left by a killed build")
        }
        try site.write("Content/integrations/using-zoom.md", try site.read("Content/integrations/using-zoom.md") + "\n")
        let second = try await offThePool {
            try ProcessRunner.run(HelpCenterBinaryTests.binary, ["build", "--no-search"], in: site.root)
        }
        #expect(second.status == 0, "\(second.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".Public.staging-") || $0.hasPrefix(".Public.pagefind-")
        }
        #expect(left == [])
    }
}
