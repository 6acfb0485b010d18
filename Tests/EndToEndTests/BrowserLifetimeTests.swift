import Foundation
import TestSupport
import Testing

/// verify's Chromium never outlives verify: not when verify ends, not when it is killed with
/// SIGKILL in the middle of the steps in the product's screens (a cancelled CI job).
@Suite("verify's browser lifetime")
struct BrowserLifetimeTests {
    @Test("verify killed with SIGKILL while Chromium runs: chromedriver and every Chromium process end with it")
    func killedMidWalk() async throws {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
        let verify = Process()
        verify.executableURL = VerifyBinaryTests.binary
        verify.currentDirectoryURL = site.root
        // Every process verify starts inherits this: found by it, whoever its parent is now.
        let mark = "BROWSER_LIFETIME_TEST=\(UUID().uuidString)"
        var environment = ProcessInfo.processInfo.environment
        environment["BROWSER_LIFETIME_TEST"] = String(mark.dropFirst("BROWSER_LIFETIME_TEST=".count))
        // The product's screens at an address that takes connections and never answers: the
        // browser waits on its first page for as long as the test needs it running.
        let silent = try SilentListener()
        defer { silent.close() }
        environment["APP_USERNAME"] = "someone"
        environment["APP_PASSWORD"] = "not used"
        verify.environment = environment
        verify.arguments = ["--app-url", "http://127.0.0.1:\(silent.port)"]
        _ = FileManager.default.createFile(atPath: site.path("verify.out"), contents: nil)
        let log = try FileHandle(forWritingTo: site.url("verify.out"))
        verify.standardOutput = log
        verify.standardError = log
        try verify.run()
        // Until Chromium runs below verify (a loaded machine may take a while to get there).
        let browser = try await offThePool { () -> Set<Int32> in
            for _ in 0..<1200 where Self.isAlive(verify.processIdentifier) {
                let started = Self.processes(marked: mark)
                if started.contains(where: { Self.command(of: $0).contains("/chromium") }) { return started }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return []
        }
        let output = (try? site.read("verify.out")) ?? ""
        #expect(Self.isAlive(verify.processIdentifier), "verify ended before its browser was seen: \(output)")
        // Named now: once verify is killed they are gone, which is the point.
        let commands = browser.map(Self.command(of:))
        #expect(commands.contains { $0.contains("/chromedriver ") }, "no chromedriver seen: \(commands)")
        kill(verify.processIdentifier, SIGKILL)
        try await offThePool { verify.waitUntilExit() }

        let alive = try await offThePool { () -> [String] in
            for _ in 0..<100 {
                if Self.processes(marked: mark).filter(Self.isAlive).isEmpty { return [] }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return Self.processes(marked: mark).filter(Self.isAlive).map { "\($0) \(Self.command(of: $0).prefix(80))" }
        }
        for pid in Self.processes(marked: mark) where Self.isAlive(pid) { kill(pid, SIGKILL) }
        #expect(alive == [], "still running 10 s after verify was killed")
    }

    /// A loopback port that accepts connections and never answers them.
    struct SilentListener {
        let socket: Int32
        let port: Int

        init() throws {
            let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    bind(descriptor, generic, length) == 0 && listen(descriptor, 16) == 0
                        && getsockname(descriptor, generic, &length) == 0
                }
            }
            guard bound else { throw POSIXError(.EADDRINUSE) }
            socket = descriptor
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        func close() { _ = Glibc.close(socket) }
    }

    /// Every process whose environment holds `mark`.
    static func processes(marked mark: String) -> Set<Int32> {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let needle = Data(mark.utf8)
        return Set(
            entries.compactMap { entry in
                guard let pid = Int32(entry),
                    let environ = FileManager.default.contents(atPath: "/proc/\(entry)/environ"),
                    environ.range(of: needle) != nil
                else { return nil }
                return pid
            })
    }

    /// Running, not a zombie waiting to be reaped.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    static func command(of pid: Int32) -> String {
        let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
        return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }
}
