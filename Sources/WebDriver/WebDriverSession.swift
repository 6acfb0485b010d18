import CurlHTTP
import Foundation

/// One browser session: the W3C WebDriver commands that the tests and verify's screen steps
/// use, each a JSON request to the driver through `CurlHTTPClient`.
public struct WebDriverSession: Sendable {
    public let driverURL: String
    public let id: String

    var sessionURL: String { "\(driverURL)/session/\(id)" }

    /// Opens `url` and waits for its load event (the W3C page-load strategy `normal`).
    public func navigate(to url: String) throws(WebDriverError) {
        _ = try Self.command(.post, sessionURL + "/url", ["url": .string(url)], timeout: .seconds(60))
    }

    /// Runs `script` as a function body in the page; `arguments` are its `arguments`.
    @discardableResult
    public func execute(_ script: String, arguments: [JSONValue] = []) throws(WebDriverError) -> JSONValue {
        try Self.command(
            .post, sessionURL + "/execute/sync", ["script": .string(script), "args": .array(arguments)])
    }

    /// Runs `script`, which calls its last argument with the result when done (`axe.run` and
    /// anything else that answers later).
    public func executeAsync(
        _ script: String, arguments: [JSONValue] = [], timeout: Duration = .seconds(60)
    ) throws(WebDriverError) -> JSONValue {
        _ = try Self.command(
            .post, sessionURL + "/timeouts", ["script": .number(Double(timeout.components.seconds * 1000))])
        return try Self.command(
            .post, sessionURL + "/execute/async", ["script": .string(script), "args": .array(arguments)],
            timeout: timeout + .seconds(10))
    }

    /// Resizes the window; in headless Chromium its inner width is the layout viewport's.
    public func setWindowSize(width: Int, height: Int) throws(WebDriverError) {
        _ = try Self.command(
            .post, sessionURL + "/window/rect", ["width": .number(Double(width)), "height": .number(Double(height))])
    }

    /// Emulates the reader's colour-scheme preference (`prefers-color-scheme`), through
    /// chromedriver's DevTools passthrough, the one way to switch it within a session.
    public func emulateColorScheme(dark: Bool) throws(WebDriverError) {
        let feature: JSONValue = ["name": "prefers-color-scheme", "value": .string(dark ? "dark" : "light")]
        _ = try Self.command(
            .post, sessionURL + "/goog/cdp/execute",
            ["cmd": "Emulation.setEmulatedMedia", "params": ["features": [feature]]])
    }

    /// The visible page as PNG bytes.
    public func screenshot() throws(WebDriverError) -> Data {
        let encoded = try Self.command(.get, sessionURL + "/screenshot", nil).string ?? ""
        guard let data = Data(base64Encoded: encoded) else {
            throw WebDriverError(code: "unknown error", message: "the screenshot was not base64 PNG")
        }
        return data
    }

    /// Ends the session and closes its browser.
    public func quit() {
        _ = try? Self.command(.delete, sessionURL, nil)
    }

    /// Sends one command; the answer's `value`, or the driver's error as `WebDriverError`.
    static func command(
        _ method: HTTPRequest.Method, _ url: String, _ body: JSONValue?, timeout: Duration = .seconds(30)
    ) throws(WebDriverError) -> JSONValue {
        var request = HTTPRequest(
            method, url, headers: [("Content-Type", "application/json; charset=utf-8")],
            timeouts: Timeouts(connect: .seconds(5), total: timeout))
        if let body { request.body = Array((try? JSONEncoder().encode(body)) ?? Data()) }
        let response: HTTPResponse
        do {
            response = try CurlHTTPClient().perform(request)
        } catch {
            throw .unavailable("the browser driver did not answer \(method.rawValue) \(url): \(error.message)")
        }
        guard let answer = try? JSONDecoder().decode(JSONValue.self, from: Data(response.body)) else {
            throw WebDriverError(code: "unknown error", message: "HTTP \(response.status) without JSON from the driver")
        }
        let value = answer["value"] ?? .null
        if response.status >= 400 || value["error"] != nil {
            throw WebDriverError(
                code: value["error"]?.string ?? "HTTP \(response.status)",
                message: value["message"]?.string?.split(separator: "\n").first.map(String.init) ?? "\(value)")
        }
        return value
    }
}
