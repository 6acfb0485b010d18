import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// An output that is a mount point (a Docker or Kubernetes volume, a tmpfs, an NFS export)
/// cannot be swapped by rename: the site is published inside it, entry by entry.
@Suite("Output on a mount point")
struct MountedOutputTests {
    func options(_ site: TemporarySite, output: String) -> BuildOptions {
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: output,
            configPath: site.path("site.yml"))
        options.searchIndexer = nil
        return options
    }

    @Test("a tmpfs mounted at Public/ is built into twice, stays mounted, and equals a clean build")
    func tmpfsOutput() async throws {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.createDirectory(at: site.url("Public"), withIntermediateDirectories: true)
        let mounted = try await offThePool {
            try Self.status("/bin/mount", ["-t", "tmpfs", "-o", "size=32m", "tmpfs", site.path("Public")])
        }
        guard mounted == 0 else {
            print("skipped: mounting a tmpfs needs root (CI runs as root)")
            return
        }
        defer { _ = try? Self.status("/bin/umount", ["-l", site.path("Public")]) }
        let first = try await offThePool {
            try SiteBuilder(options: options(site, output: site.path("Public"))).build()
        }
        #expect(first.notes.contains { $0.contains("mount point") && $0.contains("entry by entry") }, "\(first.notes)")
        try site.write("Public/stale.html", "left from a build that had this page")
        try site.write(
            "Content/integrations/using-zoom.md", try site.read("Content/integrations/using-zoom.md") + "\nMore.\n")
        var fullOptions = options(site, output: site.path("Public"))
        fullOptions.useCache = false
        let full = fullOptions
        _ = try await offThePool { try SiteBuilder(options: full).build() }
        #expect(try Self.status("/bin/mountpoint", ["-q", site.path("Public")]) == 0)
        _ = try await offThePool { try SiteBuilder(options: options(site, output: site.path("Clean"))).build() }
        let built = try site.tree("Public")
        let clean = try site.tree("Clean")
        #expect(Set(built.keys) == Set(clean.keys), "\(Set(built.keys).symmetricDifference(clean.keys))")
        #expect(built.keys.allSatisfy { built[$0] == clean[$0] })
    }

    /// Runs a system tool and returns its exit status.
    static func status(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
