import CurlHTTP
import Foundation
import MockZoom
import TestSupport
import Testing

/// Every flow run with the most verbose logging, then every output searched for every
/// credential the run used: the mock's list of codes, tokens, ZAKs, join passwords and PKCE
/// verifiers, plus the client and webhook secrets (the embedded run's own mock uses the default
/// app's secrets, which are searched for too; its tokens are random and not listed).
@Suite("Secret leak sweep", .serialized)
struct SecretLeakTests {
    static let clientSecret = "leak-test-client-secret-7f3a"
    static let webhookSecret = "leak-test-webhook-secret-91c2"

    /// A Zoom that behaves as Zoom's documentation says: limits, a failing revoke, early expiry.
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var mockArguments: [String]
        var verifyArguments: [String]
        var status: Int32
        /// Summary counts: verified, failed, blocked.
        var verdicts: (verified: Int, failed: Int, blocked: Int)
        /// Also sweep an embedded run and the site built from the report (once is enough).
        var withEmbeddedAndSite = false
        /// Lines the run must print.
        var mentions: [String] = []
        var testDescription: String { name }
    }

    /// The url backend serves no product screens, so the article's 9 steps in them are blocked
    /// (with `--app-url` they are taken in the product there).
    static let scenarios: [Scenario] = [
        Scenario(
            name: "a kind Zoom", mockArguments: [], verifyArguments: ["--zoom-plan", "pro"], status: 3,
            verdicts: (15, 0, 9), withEmbeddedAndSite: true),
        Scenario(
            name: "Free plan's per-second limits", mockArguments: ["--plan", "free"], verifyArguments: [], status: 3,
            verdicts: (15, 0, 9)),
        Scenario(
            name: "revoke answers 503 once per token", mockArguments: ["--revoke-failures", "1"],
            verifyArguments: ["--zoom-plan", "pro"], status: 3, verdicts: (15, 0, 9)),
        Scenario(
            name: "a daily limit of 4 meetings", mockArguments: ["--daily-create-limit", "4"],
            verifyArguments: ["--zoom-plan", "pro"], status: 3, verdicts: (10, 0, 14),
            mentions: [
                "⚠ undocumented cause: Zoom's daily meeting limit",
                "Zoom's daily meeting limit is reached; try again after ",
                "meetings created at Zoom: 4; Zoom's daily meeting budget left: 0",
            ]),
        Scenario(
            name: "access tokens expire after 2 calls", mockArguments: ["--expire-tokens-after-calls", "2"],
            verifyArguments: ["--zoom-plan", "pro"], status: 3, verdicts: (15, 0, 9)),
    ]

    @Test(
        "verify + mock-zoom at --log-level trace, then the site: right verdicts, no meeting left, no credential in any output",
        arguments: scenarios)
    func sweep(_ scenario: Scenario) async throws {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
        let mock = Process()
        mock.executableURL = VerifyBinaryTests.binary
        mock.arguments =
            [
                "mock-zoom", "--port", "0", "--client-secret", Self.clientSecret, "--webhook-secret",
                Self.webhookSecret,
                "--log-level", "trace", "--log-file", site.path("mock.log"),
            ] + scenario.mockArguments
        let output = Pipe()
        mock.standardOutput = output
        try Data().write(to: site.url("mock.stderr"))
        mock.standardError = try FileHandle(forWritingTo: site.url("mock.stderr"))
        try mock.run()
        defer { if mock.isRunning { mock.terminate() } }
        let handle = output.fileHandleForReading
        let line = try #require(try await offThePool { VerifyMockZoomBinaryTests.readLine(handle) })
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
                    "--report", "report.json", "--junit", "junit.xml", "--evidence",
                ] + scenario.verifyArguments, in: site.root, environment: childEnvironment)
        }
        #expect(remote.status == scenario.status, "\(remote.stdout)\(remote.stderr)")
        let (verified, failed, blocked) = scenario.verdicts
        let counts =
            "\(verified) verified, \(failed) failed" + (blocked > 0 ? ", \(blocked) blocked" : "") + ", 0 manual"
        #expect(remote.stdout.contains(counts), "\(remote.stdout)")
        for mention in scenario.mentions { #expect(remote.stdout.contains(mention), "\(mention)") }
        #expect(remote.stdout.contains("cleaned up: ") && remote.stdout.contains(" meetings deleted, 0 left"))
        // Whatever the plan, the paced client never went over it: Zoom refused nothing.
        let limits = try await CurlHTTPClient().send(HTTPRequest(.get, url + "/_mock/rate-limits"))
        let categories = try #require(
            (try JSONSerialization.jsonObject(with: Data(limits.body)) as? [String: Any])?["categories"]
                as? [String: [String: Any]])
        for (category, use) in categories {
            #expect(use["refused"] as? Int == 0, "\(category): \(use)")
            if let perSecond = use["perSecond"] as? Double, perSecond >= 1 {
                #expect((use["busiestWindow"] as? Int ?? 0) <= Int(perSecond), "\(category): \(use)")
            }
        }
        let left = try await CurlHTTPClient().send(HTTPRequest(.get, url + "/_mock/meetings"))
        #expect(left.bodyText == #"{"meetings":[]}"#, "meetings left at Zoom: \(left.bodyText)")
        var outputs: [(String, String)] = [("verify stdout", remote.stdout), ("verify stderr", remote.stderr)]
        if scenario.withEmbeddedAndSite { outputs += try await Self.embeddedRunAndSite(site) }

        let listed = try await CurlHTTPClient().send(HTTPRequest(.get, url + "/_mock/credentials"))
        let object = try JSONSerialization.jsonObject(with: Data(listed.body)) as? [String: [String]]
        let credentials = try #require(object?["credentials"])
        #expect(credentials.count >= 30, "the run used only \(credentials.count) codes, tokens and verifiers")
        mock.terminate()
        try await offThePool { mock.waitUntilExit() }

        let log = try site.read("verify.log")
        #expect(log.contains("→ POST \(url)/oauth/token"), "debug logging was not on")
        #expect(log.contains("response body: {\"access_token\":\"‹redacted›\""), "trace bodies were not logged")
        #expect(try site.read("mock.log").contains("POST /oauth/token → 200"))

        for file in ["verify.log", "mock.log", "mock.stderr", "report.json", "junit.xml"] {
            outputs.append((file, try site.read(file)))
        }
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

    /// The embedded run at trace and the site built from the url run's report: their outputs.
    static func embeddedRunAndSite(_ site: TemporarySite) async throws -> [(String, String)] {
        let embedded = try await offThePool {
            try ProcessRunner.run(
                VerifyBinaryTests.binary, ["--log-level", "trace", "--report", "embedded.json"], in: site.root)
        }
        #expect(embedded.status == 0, "\(embedded.stdout)")
        #expect(embedded.stderr.contains("→ POST"), "the embedded run logged nothing at trace")
        let build = try await offThePool {
            try ProcessRunner.run(
                HelpCenterBinaryTests.binary,
                ["build", "--no-search", "--verification", "report.json", "--output", "Public"], in: site.root)
        }
        #expect(build.status == 0, "\(build.stderr)")
        var outputs = [
            ("embedded verify stdout", embedded.stdout), ("embedded verify stderr (trace log)", embedded.stderr),
            ("helpcenter stdout", build.stdout), ("helpcenter stderr", build.stderr),
            ("embedded.json", try site.read("embedded.json")),
        ]
        for (path, data) in try site.tree("Public") {
            outputs.append(("Public/\(path)", String(decoding: data, as: UTF8.self)))
        }
        return outputs
    }
}
