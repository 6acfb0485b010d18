import Foundation
import TestSupport
import Testing

/// `verify` as QA and CI run it.
@Suite("verify binary")
struct VerifyBinaryTests {
    static let binary = VerifyMockZoomBinaryTests.binary

    /// Runs verify on a thread of its own: a verify run with Chromium takes seconds, and the
    /// concurrency pool's few threads must stay free for the servers other tests run meanwhile.
    func run(
        _ arguments: [String], in folder: URL, environment: [String: String]? = nil
    ) async throws -> ProcessRunner.Result {
        try await offThePool { try ProcessRunner.run(Self.binary, arguments, in: folder, environment: environment) }
    }

    func siteWithLock() throws -> TemporarySite {
        let site = try TemporarySite(copyRealContent: true)
        try FileManager.default.copyItem(
            at: TemporarySite.repository.appendingPathComponent("verify.lock"), to: site.url("verify.lock"))
        return site
    }

    @Test("verify against the embedded mock prints every claim, a summary, the JSON and JUnit reports; exit 0")
    func embedded() async throws {
        let site = try siteWithLock()
        let result = try await run(["--report", "report.json", "--junit", "junit.xml"], in: site.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("✔ verified ") }.count == 24)
        #expect(lines.contains { $0.hasPrefix("screen steps: 9 in Chromium, ") })
        #expect(
            lines.last?.hasPrefix("24 verified, 0 failed, 0 manual, 0 drift, 0 unbound, 0 orphan · backend mock")
                == true)
        #expect(site.exists("report.json") && site.exists("junit.xml"))
        // The screenshots go beside the report, which names each claim's picture.
        let report = try JSONSerialization.jsonObject(with: Data(try site.read("report.json").utf8)) as? [String: Any]
        #expect(report?["screenshotFolder"] as? String == "report-screenshots")
        let pictures = try FileManager.default.contentsOfDirectory(atPath: site.path("report-screenshots")).sorted()
        #expect(
            pictures == [
                "connect.click-set-up.png", "connect.log-in.png", "connect.open-business-tools.png",
                "connect.open-integrations.png", "connect.redirect-to-zoom.png", "connect.returned-connected.png",
                "disconnect.click-delete.png", "disconnect.find-zoom-account.png", "disconnect.open-integrations.png",
            ])
        for picture in pictures {
            let data = try Data(contentsOf: site.url("report-screenshots/" + picture))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 2_000, "\(picture)")
        }
    }

    @Test(
        "no debug description in the console at any log level, nor in the JSON or JUnit",
        arguments: ["trace", "debug", "info", "warning"])
    func wordsAtEveryLevel(_ level: String) async throws {
        let site = try siteWithLock()
        let result = try await offThePool {
            try ProcessRunner.run(
                Self.binary,
                ["--log-level", level, "--evidence", "--report", "report.json", "--junit", "junit.xml"]
                    // Chromium once, at the most verbose level, is enough to read its steps' words.
                    + (level == "trace" ? [] : ["--no-browser"]),
                in: site.root)
        }
        // Without the browser the steps in the screens are blocked (exit 3), never passed.
        #expect(result.status == (level == "trace" ? 0 : 3), "\(result.stdout)\(result.stderr)")
        if level != "trace" { #expect(result.stdout.contains("not taken: verify ran with --no-browser")) }
        #expect(result.stdout.contains("✓ Zoom's OAuth authorization-code flow is used: response_type: \"code\""))
        #expect(DebugDescriptions.find(in: result.stdout) == [])
        #expect(DebugDescriptions.find(in: result.stderr, literals: false) == [], "log at \(level)")
        #expect(DebugDescriptions.find(in: try site.read("report.json")) == [])
        #expect(DebugDescriptions.find(in: try site.read("junit.xml")) == [])
    }

    @Test("drift exits 1 naming file:line; accept records it; then verify passes")
    func driftAndAccept() async throws {
        let site = try siteWithLock()
        let article = "Content/integrations/using-zoom.md"
        try site.write(
            article, try site.read(article).replacingOccurrences(of: "at any time.", with: "whenever you like."))
        let lint = try await run(["lint"], in: site.root)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("✘ drift    disconnect.any-time  Content/integrations/using-zoom.md:45"))
        let accept = try await run(["accept", "disconnect.any-time"], in: site.root)
        #expect(accept.status == 0)
        #expect(
            accept.stdout.contains(
                "accepted disconnect.any-time: “You can disconnect Zoom from valhallgames.net whenever you like.”"))
        #expect(try await run(["lint"], in: site.root).status == 0)
        #expect(try await run(["accept", "no.such-claim"], in: site.root).status == 64)
    }

    @Test("--backend url against verify mock-zoom started as a separate process")
    func urlBackend() async throws {
        let site = try siteWithLock()
        let mock = Process()
        mock.executableURL = Self.binary
        mock.arguments = ["mock-zoom", "--port", "0"]
        let output = Pipe()
        mock.standardOutput = output
        mock.standardError = Pipe()
        try mock.run()
        defer { mock.terminate() }
        let line = try #require(VerifyMockZoomBinaryTests.readLine(output.fileHandleForReading))
        let url = String(line.dropFirst("listening on ".count))
        let result = try await run(["--backend", "url", "--zoom-url", url, "--report", "report.json"], in: site.root)
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains("15 verified, 0 failed, 9 blocked, 0 manual")
                && result.stdout.contains("backend url"))
        #expect(
            result.stdout.contains(
                "the url backend serves no product screens: give --app-url URL, with APP_USERNAME and APP_PASSWORD"))
    }

    /// `verify mock-zoom --port 0` in the background; returns its URL and the process.
    func startMock(_ arguments: [String] = []) throws -> (url: String, process: Process) {
        let mock = Process()
        mock.executableURL = Self.binary
        mock.arguments = ["mock-zoom", "--port", "0"] + arguments
        let output = Pipe()
        mock.standardOutput = output
        mock.standardError = Pipe()
        try mock.run()
        let line = try #require(VerifyMockZoomBinaryTests.readLine(output.fileHandleForReading))
        return (String(line.dropFirst("listening on ".count)), mock)
    }

    @Test("the live code path (credentials from the environment, self-signed webhook, clean-up) against a mock")
    func liveCodePath() async throws {
        let site = try siteWithLock()
        let (url, mock) = try startMock(["--client-id", "live-id", "--client-secret", "live-secret"])
        defer { mock.terminate() }
        var environment = ProcessInfo.processInfo.environment
        environment["ZOOM_CLIENT_ID"] = "live-id"
        environment["ZOOM_CLIENT_SECRET"] = "live-secret"
        environment["ZOOM_WEBHOOK_SECRET"] = "live-webhook-secret"
        environment["ZOOM_OAUTH_URL"] = url
        environment["ZOOM_API_URL"] = url
        let result = try await run(["--backend", "live", "--consent", "auto"], in: site.root, environment: environment)
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains("15 verified, 0 failed, 9 blocked, 0 manual")
                && result.stdout.contains("backend live"))
        #expect(!result.stdout.contains("live-secret") && !result.stderr.contains("live-secret"))
        let meetings = try CurlJSON.get(url + "/_mock/meetings")["meetings"] as? [Any]
        #expect(meetings?.isEmpty == true, "a live run leaves no meeting behind")
    }

    @Test("bad usage exits 64; live without credentials exits 1 saying what is missing")
    func usage() async throws {
        let site = try siteWithLock()
        #expect(try await run(["--backend", "url"], in: site.root).status == 64)
        #expect(try await run(["--backend", "cloud"], in: site.root).status == 64)
        let live = try await run(["--backend", "live"], in: site.root)
        #expect(live.status == 1)
        #expect(live.stderr.contains("needs ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and ZOOM_WEBHOOK_SECRET"))
        let noUser = try await run(
            ["--app-url", "https://valhallgames.net"], in: site.root, environment: ["PATH": "/usr/bin:/bin"])
        #expect(noUser.status == 64)
        #expect(noUser.stderr.contains("--app-url needs APP_USERNAME and APP_PASSWORD in the environment"))
        let relative = try await run(["--app-url", "valhallgames.net"], in: site.root)
        #expect(relative.status == 64 && relative.stderr.contains("--app-url needs an absolute address"))
    }

    @Test("without a browser the steps in the product's screens are blocked saying why, never passed; exit 3")
    func noBrowser() async throws {
        let site = try siteWithLock()
        let empty = site.url("empty-path")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try await run(["--report", "report.json"], in: site.root, environment: ["PATH": empty.path])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("15 verified, 0 failed, 9 blocked, 0 manual"))
        #expect(
            result.stdout.contains(
                "no browser to take the steps in: chromedriver is not installed (Debian package chromium-driver)"))
        #expect(!site.exists("report-screenshots"))
    }

    @Test("helpcenter build --verification shows the notice and a mark per verified sentence")
    func badgeOnThePage() async throws {
        let site = try siteWithLock()
        #expect(try await run(["--report", "report.json"], in: site.root).status == 0)
        let helpcenter = HelpCenterBinaryTests.binary
        let build = Process()
        build.executableURL = helpcenter
        build.arguments = ["build", "--verification", "report.json"]
        build.currentDirectoryURL = site.root
        build.standardOutput = Pipe()
        try build.run()
        try await offThePool { build.waitUntilExit() }
        #expect(build.terminationStatus == 0)
        let page = try site.read("Public/integrations/using-zoom/index.html")
        #expect(page.contains("we tested 23 statements of this article against a simulation of Zoom"))
        #expect(page.contains("<summary>How this article is checked</summary>"))
        #expect(page.components(separatedBy: #"class="claim-mark""#).count - 1 == 24)
        // Each of the 9 steps in the product's screens shows the screen verify saw, published with the site.
        let screens = page.matches(of: /<a class="step-screen" href="\/assets\/(screens\/[a-z.-]+\.[0-9a-f]{8}\.png)"/)
        #expect(screens.count == 9)
        for screen in screens { #expect(site.exists("Public/assets/" + screen.output.1), "\(screen.output.1)") }
        #expect(
            page.contains(
                #"<li>You will be redirected to Zoom to authorize access <span class="claim-mark" data-claim="connect.redirect-to-zoom""#
            ))
    }
}
