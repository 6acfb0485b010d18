import CurlHTTP
import Foundation
import MockZoom
import TestSupport
import Testing

/// Every flow run with the most verbose logging, then every output searched for every
/// credential the run used: the mock's list of codes, tokens, ZAKs, join passwords and PKCE
/// verifiers, plus the client and webhook secrets (the embedded run's own mock uses the default
/// app's secrets, which are searched for too; its tokens are random and not listed).
@Suite("Secret leak sweep")
struct SecretLeakTests {
    static let clientSecret = "leak-test-client-secret-7f3a"
    static let webhookSecret = "leak-test-webhook-secret-91c2"

    @Test("verify + mock-zoom at --log-level trace, then the site: no credential in any output")
    func sweep() async throws {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
        let mock = Process()
        mock.executableURL = VerifyBinaryTests.binary
        mock.arguments = [
            "mock-zoom", "--port", "0", "--client-secret", Self.clientSecret, "--webhook-secret", Self.webhookSecret,
            "--log-level", "trace", "--log-file", site.path("mock.log"),
        ]
        let output = Pipe()
        mock.standardOutput = output
        try Data().write(to: site.url("mock.stderr"))
        mock.standardError = try FileHandle(forWritingTo: site.url("mock.stderr"))
        try mock.run()
        defer { if mock.isRunning { mock.terminate() } }
        let line = try #require(VerifyMockZoomBinaryTests.readLine(output.fileHandleForReading))
        let url = String(line.dropFirst("listening on ".count))

        var environment = ProcessInfo.processInfo.environment
        environment["ZOOM_CLIENT_SECRET"] = Self.clientSecret
        environment["ZOOM_WEBHOOK_SECRET"] = Self.webhookSecret
        let childEnvironment = environment
        let remote = try await offThePool {
            try ProcessRunner.run(
                VerifyBinaryTests.binary,
                [
                    "--backend", "url", "--zoom-url", url, "--log-level", "trace", "--log-file", "verify.log",
                    "--report",
                    "report.json", "--junit", "junit.xml",
                ], in: site.root, environment: childEnvironment)
        }
        #expect(remote.status == 0, "\(remote.stdout)\(remote.stderr)")
        let embedded = try await offThePool {
            try ProcessRunner.run(
                VerifyBinaryTests.binary, ["--log-level", "trace", "--report", "embedded.json"], in: site.root)
        }
        #expect(embedded.status == 0, "\(embedded.stdout)")
        let build = try await offThePool {
            try ProcessRunner.run(
                HelpCenterBinaryTests.binary,
                ["build", "--no-search", "--verification", "report.json", "--output", "Public"], in: site.root)
        }
        #expect(build.status == 0, "\(build.stderr)")

        let listed = try await CurlHTTPClient().send(HTTPRequest(.get, url + "/_mock/credentials"))
        let object = try JSONSerialization.jsonObject(with: Data(listed.body)) as? [String: [String]]
        let credentials = try #require(object?["credentials"])
        #expect(credentials.count >= 30, "the run used only \(credentials.count) codes, tokens and verifiers")
        mock.terminate()
        mock.waitUntilExit()

        let log = try site.read("verify.log")
        #expect(log.contains("→ POST \(url)/oauth/token"), "debug logging was not on")
        #expect(log.contains("response body: {\"access_token\":\"‹redacted›\""), "trace bodies were not logged")
        #expect(try site.read("mock.log").contains("POST /oauth/token → 200"))

        var outputs: [(String, String)] = [
            ("verify stdout", remote.stdout), ("verify stderr", remote.stderr),
            ("embedded verify stdout", embedded.stdout), ("embedded verify stderr (trace log)", embedded.stderr),
            ("helpcenter stdout", build.stdout), ("helpcenter stderr", build.stderr),
        ]
        for file in ["verify.log", "mock.log", "mock.stderr", "report.json", "junit.xml", "embedded.json"] {
            outputs.append((file, try site.read(file)))
        }
        for (path, data) in try site.tree("Public") {
            outputs.append(("Public/\(path)", String(decoding: data, as: UTF8.self)))
        }
        #expect(embedded.stderr.contains("→ POST"), "the embedded run logged nothing at trace")
        var leaks: [String] = []
        for (name, text) in outputs {
            let defaults = RegisteredApp()
            let secrets =
                credentials + [Self.clientSecret, Self.webhookSecret, defaults.clientSecret, defaults.webhookSecret]
            for secret in secrets where text.contains(secret) {
                leaks.append("\(name) contains \(secret.prefix(6))…")
            }
        }
        #expect(leaks == [], "\(leaks.count) leaks")
    }
}
