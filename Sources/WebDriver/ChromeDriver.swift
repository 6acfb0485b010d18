import CurlHTTP
import Foundation

/// Debian's `chromedriver`, started on a free loopback port and stopped with its browsers. The
/// W3C WebDriver protocol is plain JSON over HTTP, spoken through the project's libcurl client.
public final class ChromeDriver: Sendable {
    /// The driver's address, e.g. `http://127.0.0.1:40123`.
    public let baseURL: String
    private let process: Process
    /// Where the browser's `setpriv` wrapper is: one per user, rewritten by each driver.
    private let wrapperFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "helpcenter-chromium-tether-\(getuid())")

    /// Starts the driver and waits until it says it is ready (up to `readyWithin`).
    /// - Throws: `WebDriverError` `unavailable` naming the missing package when chromium or
    ///   chromedriver is not installed, or what the driver said when it did not start.
    public init(readyWithin: Duration = .seconds(20)) throws(WebDriverError) {
        guard let driver = Self.executable("chromedriver") else {
            throw .unavailable("chromedriver is not installed (Debian package chromium-driver)")
        }
        guard Self.browserExecutable != nil else {
            throw .unavailable("chromium is not installed (Debian package chromium)")
        }
        let port = try FreeLoopbackPort.pick()
        let process = Process()
        let tethered = Tether.driverCommand(driver: driver, port: port)
        process.executableURL = URL(fileURLWithPath: tethered.executable)
        process.arguments = tethered.arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .unavailable("chromedriver did not start: \(error)")
        }
        self.process = process
        baseURL = "http://127.0.0.1:\(port)"
        try waitUntilReady(within: readyWithin)
    }

    deinit {
        stop()
    }

    /// Ends the driver and the browsers it started. chromedriver ignores SIGTERM, so it is asked
    /// through its `/shutdown` command; then its watchdog (`Tether`) is stopped, which kills it
    /// if it is still there.
    public func stop() {
        guard process.isRunning else { return }
        _ = try? WebDriverSession.command(.get, baseURL + "/shutdown", nil, timeout: .seconds(5))
        // The watchdog shell ends the driver, if still there, on SIGTERM.
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<50 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A new headless browser session with a window of `width`×`height` CSS pixels.
    public func newSession(width: Int = 1280, height: Int = 900) throws(WebDriverError) -> WebDriverSession {
        var options: [String: JSONValue] = [
            "args": .array(
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--hide-scrollbars", "--no-first-run", "--window-size=\(width),\(height)",
                ].map { .string($0) })
        ]
        if let browser = Self.browserExecutable {
            options["binary"] = .string(Tether.browserWrapper(browser, in: wrapperFolder))
        }
        // The performance log keeps the pages a click went through (`documentRequests()`).
        let capabilities: JSONValue = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome", "goog:chromeOptions": .object(options),
                    "goog:loggingPrefs": ["performance": "ALL"],
                ]
            ]
        ]
        let answer = try WebDriverSession.command(.post, baseURL + "/session", capabilities, timeout: .seconds(60))
        guard let id = answer["sessionId"]?.string else {
            throw WebDriverError(code: "session not created", message: "no session id in \(answer)")
        }
        return WebDriverSession(driverURL: baseURL, id: id)
    }

    private func waitUntilReady(within limit: Duration) throws(WebDriverError) {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw .unavailable("chromedriver exited at start") }
            let status = try? WebDriverSession.command(.get, baseURL + "/status", nil, timeout: .seconds(2))
            if status?["ready"]?.bool == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw .unavailable("chromedriver was not ready within \(limit)")
    }

    /// Chromium as Debian installs it (`chromium`), or another Chrome on the `PATH`.
    static let browserExecutable: String? = ["chromium", "chromium-browser", "google-chrome"].lazy
        .compactMap { executable($0) }.first

    /// The first executable file called `name` in the folders of `PATH`.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
