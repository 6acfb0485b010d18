import Foundation

/// The first step of connecting: where to send the user, and what to check when they return.
public struct AuthorizationRequest: Sendable, Hashable, CustomStringConvertible {
    /// The Zoom consent URL (`/oauth/authorize?response_type=code&...`).
    public let url: String
    /// Echoed back on the redirect; a mismatch means the callback is forged.
    public let state: String
    /// Kept by us, sent only with the code exchange (PKCE).
    public let codeVerifier: Secret

    init(configuration: ZoomConfiguration, state: String, codeVerifier: Secret) {
        var components = URLComponents(string: configuration.oauthBaseURL + "/oauth/authorize")
        components?.queryItems = [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: configuration.clientID),
            URLQueryItem(name: "redirect_uri", value: configuration.redirectURI),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "code_challenge", value: PKCE.challenge(for: codeVerifier)),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        self.url = components?.string ?? configuration.oauthBaseURL + "/oauth/authorize"
        self.state = state
        self.codeVerifier = codeVerifier
    }

    public var description: String { "AuthorizationRequest(url: \(url), state: \(state))" }
}

/// What the redirect back from Zoom carried.
public struct AuthorizationCallback: Sendable, Hashable {
    public var code: Secret
    public var state: String

    /// Reads `code` and `state` from the redirect URL.
    public init?(redirectURL: String) {
        guard let items = URLComponents(string: redirectURL)?.queryItems,
            let code = items.first(where: { $0.name == "code" })?.value,
            let state = items.first(where: { $0.name == "state" })?.value
        else { return nil }
        self.code = Secret(code)
        self.state = state
    }

    public init(code: Secret, state: String) {
        self.code = code
        self.state = state
    }
}
