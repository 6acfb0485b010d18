import CurlHTTP
import Foundation
import TestSupport
import Testing

/// A run against Zoom stopped with Ctrl-C or SIGTERM still deletes what it created.
@Suite("verify interrupted")
struct InterruptedVerifyTests {
    @Test(
        "SIGINT or SIGTERM while a meeting exists at Zoom: exit 130, it is deleted, and the run says so",
        arguments: [SIGINT, SIGTERM])
    func interrupted(_ signal: Int32) async throws {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
        let mock = Process()
        mock.executableURL = VerifyBinaryTests.binary
        mock.arguments = ["mock-zoom", "--port", "0"]
        let mockOutput = Pipe()
        mock.standardOutput = mockOutput
        mock.standardError = FileHandle.nullDevice
        try mock.run()
        defer { if mock.isRunning { mock.terminate() } }
        let handle = mockOutput.fileHandleForReading
        let line = try #require(try await offThePool { VerifyMockZoomBinaryTests.readLine(handle) })
        let url = String(line.dropFirst("listening on ".count))
        // The first look-up of a created meeting answers after 3 s: a meeting surely exists then.
        let fault = try await CurlHTTPClient().send(
            HTTPRequest(
                .post, url + "/_mock/faults", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("fault=delay%3D3000&method=GET&path=/v2/meetings/&times=1".utf8)))
        #expect(fault.status == 204)

        let run = Process()
        run.executableURL = VerifyBinaryTests.binary
        run.arguments = ["--backend", "url", "--zoom-url", url, "--zoom-plan", "pro"]
        run.currentDirectoryURL = site.root
        let output = Pipe()
        run.standardOutput = output
        run.standardError = FileHandle.nullDevice
        try run.run()
        let pid = run.processIdentifier
        let sawMeeting = try await offThePool { () -> Bool in
            for _ in 0..<1_000 {
                let meetings = try? CurlHTTPClient().perform(HTTPRequest(.get, url + "/_mock/meetings"))
                if let meetings, meetings.bodyText != #"{"meetings":[]}"# {
                    kill(pid, signal)
                    return true
                }
                usleep(10_000)
            }
            return false
        }
        #expect(sawMeeting, "no meeting was ever created")
        let printed = try await offThePool {
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            run.waitUntilExit()
            return printed
        }
        #expect(run.terminationStatus == 130, "\(printed)")
        #expect(printed.contains(" meetings deleted, 0 left"), "\(printed)")
        let left = try await CurlHTTPClient().send(HTTPRequest(.get, url + "/_mock/meetings"))
        #expect(left.bodyText == #"{"meetings":[]}"#)
    }

    @Test("an embedded run interrupted mid-run leaves no state (tokens, PKCE verifiers) in the temporary folder")
    func interruptedEmbeddedRunCleansUp() async throws {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
        let temporary = site.url("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let run = Process()
        run.executableURL = VerifyBinaryTests.binary
        run.currentDirectoryURL = site.root
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        run.environment = environment
        let output = Pipe()
        run.standardOutput = output
        run.standardError = FileHandle.nullDevice
        try run.run()
        let handle = output.fileHandleForReading
        // Once a check's state folder exists the run is under way (stdout, a pipe, is buffered
        // to the end); stop it then.
        // Polled on a thread of its own: other tests may hold the cooperative pool for longer
        // than this run lasts.
        let pid = run.processIdentifier
        let started = try await offThePool { () -> Bool in
            for _ in 0..<5_000 {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
                if entries.contains(where: { $0.hasPrefix("zoom-state-") }) {
                    kill(pid, SIGINT)
                    return true
                }
                usleep(1_000)
            }
            return false
        }
        #expect(started, "no check ever started")
        try await offThePool {
            _ = handle.readDataToEndOfFile()
            run.waitUntilExit()
        }
        #expect(run.terminationStatus == 130)
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter {
            $0.hasPrefix("zoom-state-")
        }
        #expect(left == [], "state left behind: \(left)")
    }
}
