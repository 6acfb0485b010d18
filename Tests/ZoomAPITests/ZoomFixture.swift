import CurlHTTP
import Foundation
import MockZoom
import Testing
import ZoomAPI

/// An in-process Mock Zoom and a ZoomAPI client configured for it, sharing one clock.
struct ZoomFixture {
    let server: MockZoomServer
    let configuration: ZoomConfiguration
    let oauth: ZoomOAuthClient

    static let redirectURI = "http://127.0.0.1:8090/integrations/zoom/callback"

    static func start(
        _ mock: MockZoomConfiguration = MockZoomConfiguration(),
        timeouts: TimeoutsConfiguration = TimeoutsConfiguration()
    ) async throws -> ZoomFixture {
        let server = MockZoomServer(configuration: mock)
        try await server.start()
        let configuration = ZoomConfiguration(
            clientID: mock.app.clientID, clientSecret: Secret(mock.app.clientSecret), redirectURI: redirectURI,
            oauthBaseURL: server.baseURL, apiBaseURL: "http://127.0.0.1:1", timeouts: timeouts)
        let clock = server.clock
        return ZoomFixture(
            server: server, configuration: configuration,
            oauth: ZoomOAuthClient(configuration: configuration) { clock.now() })
    }

    /// Follows the authorize URL as a browser would (the mock consents at once) and returns
    /// the redirect it sends the user to.
    func consent(_ request: AuthorizationRequest, extraHeaders: [(name: String, value: String)] = []) async throws
        -> String
    {
        let response = try await CurlHTTPClient().send(HTTPRequest(.get, request.url, headers: extraHeaders))
        #expect(response.status == 302)
        return try #require(response.header("Location"))
    }

    /// The whole connect flow: authorize, consent, callback checked, code exchanged.
    func connect() async throws -> TokenSet {
        let request = oauth.authorizationRequest()
        let callback = try #require(AuthorizationCallback(redirectURL: try await consent(request)))
        #expect(callback.state == request.state)
        return try await oauth.exchange(code: callback.code, codeVerifier: request.codeVerifier)
    }

    func meetings(_ tokens: TokenSet) -> ZoomMeetingsClient {
        ZoomMeetingsClient(configuration: configuration, tokens: tokens)
    }

    func stop() async { await server.stop() }
}

extension Test {
    /// Runs `body` with a started fixture and always stops it.
    static func withZoom(
        _ mock: MockZoomConfiguration = MockZoomConfiguration(),
        timeouts: TimeoutsConfiguration = TimeoutsConfiguration(),
        _ body: (ZoomFixture) async throws -> Void
    ) async throws {
        let fixture = try await ZoomFixture.start(mock, timeouts: timeouts)
        do {
            try await body(fixture)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }
}
