import CurlHTTP
import Foundation
import MockZoom
import Testing
import ZoomAPI

/// A started mock plus helpers to drive it over HTTP as a client would.
struct MockZoomHarness {
    let server: MockZoomServer
    let client = CurlHTTPClient()
    let redirectURI = RegisteredApp().redirectURIs[0]

    static func with(
        _ configuration: MockZoomConfiguration = MockZoomConfiguration(), _ body: (MockZoomHarness) async throws -> Void
    ) async throws {
        let server = MockZoomServer(configuration: configuration)
        try await server.start()
        do {
            try await body(MockZoomHarness(server: server))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    var oauth: ZoomOAuthClient {
        let app = server.configuration.app
        let configuration = ZoomConfiguration(
            clientID: app.clientID, clientSecret: Secret(app.clientSecret), redirectURI: redirectURI,
            oauthBaseURL: server.baseURL, apiBaseURL: server.baseURL)
        let clock = server.clock
        return ZoomOAuthClient(configuration: configuration) { clock.now() }
    }

    /// Authorize (auto-consent), exchange: the tokens of a connected user.
    func connect() async throws -> TokenSet {
        let request = oauth.authorizationRequest()
        let redirect = try await client.send(HTTPRequest(.get, request.url))
        let callback = try #require(AuthorizationCallback(redirectURL: redirect.header("Location") ?? ""))
        return try await oauth.exchange(code: callback.code, codeVerifier: request.codeVerifier)
    }

    func send(
        _ method: HTTPRequest.Method, _ path: String, token: Secret? = nil, json: String? = nil,
        headers: [(name: String, value: String)] = []
    ) async throws -> HTTPResponse {
        var all = headers
        if let token { all.append(("Authorization", "Bearer " + token.revealed)) }
        if json != nil { all.append(("Content-Type", "application/json")) }
        return try await client.send(
            HTTPRequest(method, server.baseURL + path, headers: all, body: json.map { Array($0.utf8) }))
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }
}
