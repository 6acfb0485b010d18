import CurlHTTP
import Foundation
import MockZoom

/// One mock per fuzzing process, with a real access token so `/v2/*` inputs get past the
/// token check and reach the JSON handling.
struct MockZoomFixture: Sendable {
    let server: MockZoomServer
    /// `nil` when the OAuth flow at start-up failed (then only unauthenticated paths are fuzzed).
    let accessToken: String?

    var app: RegisteredApp { server.configuration.app }

    /// Built on first use. The clock stands still so the token never expires during a run.
    static let shared: MockZoomFixture = {
        let server = MockZoomServer(
            configuration: MockZoomConfiguration(),
            clock: MockClock(base: { Date(timeIntervalSince1970: 1_750_000_000) }))
        let token = LockedValue<String?>(nil)
        BlockingWait.run {
            token.set(await connect(server))
        }
        return MockZoomFixture(server: server, accessToken: token.value)
    }()

    /// The redirect's code only travels in a `Location` header, which `respond` does not return,
    /// so authorization goes over loopback once; the token exchange is then done directly.
    private static func connect(_ server: MockZoomServer) async -> String? {
        let app = server.configuration.app
        let location: String?
        do {
            try await server.start()
            let query = "client_id=\(app.clientID)&response_type=code&redirect_uri=\(app.redirectURIs[0])"
            let response = try await CurlHTTPClient().send(
                HTTPRequest(.get, server.baseURL + "/oauth/authorize?" + query))
            location = response.header("Location")
        } catch {
            FileHandle.standardError.write(Data("fuzz: mock Zoom authorization failed: \(error)\n".utf8))
            location = nil
        }
        await server.stop()
        guard let location,
            let code = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "code" })?.value
        else { return nil }
        let credentials = Data("\(app.clientID):\(app.clientSecret)".utf8).base64EncodedString()
        let answer = await server.respond(
            method: "POST", path: "/oauth/token",
            headers: ["Authorization": "Basic \(credentials)", "Content-Type": "application/x-www-form-urlencoded"],
            body: Array("grant_type=authorization_code&code=\(code)&redirect_uri=\(app.redirectURIs[0])".utf8))
        let object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any]
        return object?["access_token"] as? String
    }
}

/// A value set from a task and read after it finished.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value { lock.withLock { stored } }

    func set(_ value: Value) { lock.withLock { stored = value } }
}
