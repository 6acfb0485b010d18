import Foundation
import TestSupport
import Testing

/// `verify` and `helpcenter build` killed with SIGKILL at arbitrary moments: state files are a
/// whole old or new version (never torn), token files stay 0600, and `Public/` is the previous
/// site or the new one, never a mix or nothing.
///
/// The processes run on a thread of their own; each test gathers what it saw and asserts on its
/// own task, where Swift Testing attributes the expectations.
@Suite("Kill mid-write")
struct KillMidWriteTests {
    /// Folders whose files hold tokens or PKCE verifiers.
    static let secretFolders: Set<String> = ["connections", "pending"]

    struct Observations: Sendable {
        var killed = 0
        var filesSeen = 0
        var secretFilesSeen = 0
        var problems: [String] = []
    }

    @Test("verify --state killed across a run's length (20 kills in at most 40 runs): no torn JSON, tokens 0600")
    func killedRuns() async throws {
        let seen = try await offThePool { () throws -> Observations in
            let site = try TemporarySite(copyRealContent: true)
            try FileManager.default.copyItem(
                at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
            var seen = Observations()
            // The shortest of three runs: a first, cold run took long enough on a loaded machine
            // that later kills came after the runs had finished.
            var length =
                try (0..<3).map { probe in
                    try Self.runLength(
                        VerifyBinaryTests.binary, ["--no-browser", "--state", site.url("state-probe-\(probe)").path],
                        site)
                }.min() ?? 0
            // Up to 40 runs until 20 were killed mid-run; a run that finished before its kill
            // shortens the length (a loaded machine makes the probes slower than later runs).
            var run = 0
            while seen.killed < 20 && run < 40 {
                defer { run += 1 }
                // A folder per run, so each kill's files are judged once.
                let state = site.url("state-\(run)")
                // Spread over a run's length, as this machine runs it now: the middle of each twentieth.
                let after = length * (2 * (run % 20) + 1) / 40
                let started = ContinuousClock.now
                // The state files are the subject: the steps in the screens (Chromium) are left out.
                let arguments = ["--no-browser", "--state", state.path]
                if try Self.runAndKill(VerifyBinaryTests.binary, arguments, in: site.root, after: after) {
                    seen.killed += 1
                } else {
                    length = min(length, Int((ContinuousClock.now - started) / .microseconds(1)))
                }
                for file in Self.files(under: state) {
                    seen.filesSeen += 1
                    if Self.secretFolders.contains(file.deletingLastPathComponent().lastPathComponent) {
                        seen.secretFilesSeen += 1
                        if try Self.mode(of: file) != 0o600 { seen.problems.append("\(file.path) is not 0600") }
                    }
                    guard file.pathExtension == "json", !file.lastPathComponent.hasPrefix(".") else { continue }
                    if (try? JSONSerialization.jsonObject(with: Data(contentsOf: file))) == nil {
                        seen.problems.append("torn state file after kill \(run): \(file.path)")
                    }
                }
            }
            return seen
        }
        #expect(seen.problems == [])
        #expect(seen.killed >= 10, "only \(seen.killed) runs were killed before they finished")
        #expect(seen.filesSeen > 0 && seen.secretFilesSeen > 0, "the kills never caught any state on disk")
    }

    @Test("helpcenter build killed at 8 moments: Public/ stays the previous site; the next build cleans up")
    func killedBuilds() async throws {
        let (seen, newPage, leftovers) = try await offThePool { () throws -> (Observations, Bool, [String]) in
            let site = try TemporarySite(copyRealContent: true)
            for index in 0..<400 {
                try site.writeArticle(
                    "Content/bulk/a\(index).md", title: "Article \(index)",
                    body: "## Steps\n\n1. One\n2. Two\n\nSee [Zoom](../integrations/using-zoom.md).")
            }
            let arguments = ["build", "--no-search"]
            var seen = Observations()
            let length = try Self.runLength(HelpCenterBinaryTests.binary, arguments, site)
            if !site.exists("Public/bulk/a0/index.html") { seen.problems.append("the first build failed") }
            let before = try site.tree("Public")
            try site.writeArticle("Content/bulk/new.md", title: "New")
            var observed: [(attempt: Int, tree: [String: Data])] = []
            for attempt in 0..<8 {
                // Each a full build (an article was added), killed in the middle of each eighth
                // of the first build's length.
                let killed = try Self.runAndKill(
                    HelpCenterBinaryTests.binary, arguments, in: site.root, after: length * (2 * attempt + 1) / 16)
                guard killed else { break }
                seen.killed += 1
                observed.append((attempt, try site.tree("Public")))
            }
            if try ProcessRunner.run(HelpCenterBinaryTests.binary, arguments, in: site.root).status != 0 {
                seen.problems.append("the build after the kills failed")
            }
            // A kill after the swap (while the old site is being deleted) leaves the new site.
            let after = try site.tree("Public")
            for (attempt, tree) in observed where tree != before && tree != after {
                seen.problems.append("kill \(attempt) left Public/ neither the old site nor the new")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
                $0.hasPrefix(".Public") && ![".Public.build-cache", ".Public.template-cache"].contains($0)
            }
            return (seen, site.exists("Public/bulk/new/index.html"), leftovers)
        }
        #expect(seen.problems == [])
        #expect(seen.killed >= 3, "only \(seen.killed) builds were still running when killed")
        #expect(newPage)
        #expect(leftovers == [], "abandoned staging folders")
    }

    @Test(
        "helpcenter build killed while it updates pages in place: every page is whole, the next build equals a clean one"
    )
    func killedIncrementalBuilds() async throws {
        let (seen, differences, temporaries) = try await offThePool {
            () throws -> (Observations, [String], [String]) in
            let site = try TemporarySite(copyRealContent: true)
            for index in 0..<400 {
                try site.writeArticle(
                    "Content/bulk/a\(index).md", title: "Article \(index)", body: "## Steps\n\n1. One\n2. Two\n")
            }
            var seen = Observations()
            let build = ["build", "--no-search"]
            if try ProcessRunner.run(HelpCenterBinaryTests.binary, build, in: site.root).status != 0 {
                seen.problems.append("the first build failed")
            }
            // Several bodies change, so the update writes for a while; the kills are spread over
            // the length of such an update, from loading to the last rename.
            func edit(_ attempt: Int) throws {
                for index in stride(from: attempt, to: 400, by: 12) {
                    let path = "Content/bulk/a\(index).md"
                    try site.write(path, try site.read(path) + "\nEdit \(attempt).\n")
                }
            }
            try edit(12)
            let length = try Self.runLength(HelpCenterBinaryTests.binary, build, site)
            for attempt in 0..<12 {
                try edit(attempt)
                if try Self.runAndKill(
                    HelpCenterBinaryTests.binary, build, in: site.root, after: length * (2 * attempt + 1) / 24)
                {
                    seen.killed += 1
                }
                for file in Self.files(under: site.url("Public")) where file.pathExtension == "html" {
                    let text = try String(contentsOf: file, encoding: .utf8)
                    if !file.lastPathComponent.hasPrefix("."), !text.hasSuffix("</html>\n") {
                        seen.problems.append("torn page after kill \(attempt): \(file.path)")
                    }
                }
            }
            if try ProcessRunner.run(HelpCenterBinaryTests.binary, build, in: site.root).status != 0 {
                seen.problems.append("the build after the kills failed")
            }
            _ = try ProcessRunner.run(
                HelpCenterBinaryTests.binary, build + ["--full", "--output", "Clean"], in: site.root)
            let built = try site.tree("Public")
            let clean = try site.tree("Clean")
            let differences = Set(built.keys).union(clean.keys).filter { built[$0] != clean[$0] }.sorted()
            let temporaries = built.keys.filter {
                ($0 as NSString).lastPathComponent.hasPrefix(".") && $0 != ".helpcenter-site"
            }.sorted()
            return (seen, differences, temporaries)
        }
        #expect(seen.problems == [])
        #expect(seen.killed >= 4, "only \(seen.killed) builds were still running when killed")
        #expect(differences == [], "the build after the kills differs from a clean build")
        #expect(temporaries == [], "temporary files left in the site")
    }

    /// Starts `executable`, sends SIGKILL after `microseconds` if it still runs, and waits.
    /// - Returns: whether it was killed (rather than finished first).
    /// How long one uninterrupted run takes here, in microseconds: kills are spread over it,
    /// so they land mid-run on a fast machine and a loaded one alike.
    static func runLength(_ executable: URL, _ arguments: [String], _ site: TemporarySite) throws -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        _ = try ProcessRunner.run(executable, arguments, in: site.root)
        let elapsed = clock.now - start
        return Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000)
    }

    static func runAndKill(
        _ executable: URL, _ arguments: [String], in folder: URL, after microseconds: Int
    ) throws -> Bool {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(microseconds))
        let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
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
