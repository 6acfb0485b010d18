import CurlHTTP
import Foundation

/// Zoom's OAuth for a user-level app: consent URL, code exchange, refresh and revoke.
public struct ZoomOAuthClient: Sendable {
    public let configuration: ZoomConfiguration
    let transport: ZoomTransport
    /// The clock tokens' expiry is computed on; tests share the mock's.
    let now: @Sendable () -> Date

    public init(configuration: ZoomConfiguration, now: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        // A refresh whose answer is lost may still rotate the token at Zoom, and the old refresh
        // token then dies on first use: the connection is lost. Token requests wait longer.
        let timeouts = configuration.timeouts
        self.transport = ZoomTransport(
            timeouts: TimeoutsConfiguration(
                connect: timeouts.connect, total: max(timeouts.total, Self.tokenTimeoutFloor)),
            policy: configuration.callPolicy)
        self.now = now
    }

    /// The least time a token request is given, whatever the API calls' budget.
    static let tokenTimeoutFloor: Duration = .seconds(10)

    /// A fresh consent URL with its own `state` and PKCE verifier.
    public func authorizationRequest() -> AuthorizationRequest {
        AuthorizationRequest(
            configuration: configuration, state: PKCE.randomURLSafe(byteCount: 24), codeVerifier: PKCE.makeVerifier())
    }

    /// Trades the code from the redirect for tokens.
    public func exchange(code: Secret, codeVerifier: Secret) async throws(ZoomError) -> TokenSet {
        try await token(
            [
                ("grant_type", "authorization_code"), ("code", code.revealed),
                ("redirect_uri", configuration.redirectURI), ("code_verifier", codeVerifier.revealed),
            ], secrets: [code.revealed, codeVerifier.revealed])
    }

    /// A new token set; the refresh token passed in is dead afterwards.
    public func refresh(_ refreshToken: Secret) async throws(ZoomError) -> TokenSet {
        try await token(
            [("grant_type", "refresh_token"), ("refresh_token", refreshToken.revealed)],
            secrets: [refreshToken.revealed])
    }

    /// Revokes the token (and with it the app's authorization for that user).
    public func revoke(_ token: Secret) async throws(ZoomError) {
        let response = try await transport.send(
            .post, configuration.oauthBaseURL + "/oauth/revoke", headers: formHeaders(),
            body: FormEncoding.encode([("token", token.revealed)]), category: nil, idempotent: true)
        guard response.status == 200 else {
            throw ZoomTransport.oauthError(response, secrets: [token.revealed, configuration.clientSecret.revealed])
        }
    }

    private func token(_ fields: [(String, String)], secrets: [String]) async throws(ZoomError) -> TokenSet {
        let response = try await transport.send(
            .post, configuration.oauthBaseURL + "/oauth/token", headers: formHeaders(),
            body: FormEncoding.encode(fields), category: nil, idempotent: false)
        guard response.status == 200 else {
            throw ZoomTransport.oauthError(response, secrets: secrets + [configuration.clientSecret.revealed])
        }
        let decoded: TokenResponse = try ZoomTransport.decode(response)
        return decoded.tokenSet(receivedAt: now())
    }

    private func formHeaders() -> [(name: String, value: String)] {
        let credentials = Data("\(configuration.clientID):\(configuration.clientSecret.revealed)".utf8)
        return [
            ("Authorization", "Basic " + credentials.base64EncodedString()),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "application/json"),
        ]
    }
}
