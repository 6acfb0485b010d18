import Foundation

/// The tokens from one `/oauth/token` answer. Refresh tokens rotate: every refresh returns a
/// new one and kills the old, so the newest set is the only one worth keeping.
public struct TokenSet: Sendable, Hashable, Codable, CustomStringConvertible {
    public var accessToken: Secret
    public var refreshToken: Secret
    /// When the access token stops working (Zoom: one hour after issue).
    public var expiresAt: Date
    /// Space-separated scopes, as Zoom sends them.
    public var scope: String
    /// The API base for this token (`api_url`), e.g. `https://api-eu.zoom.us`.
    public var apiURL: String?

    public init(accessToken: Secret, refreshToken: Secret, expiresAt: Date, scope: String, apiURL: String?) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.scope = scope
        self.apiURL = apiURL
    }

    /// True when the access token expires within `margin` of `now`.
    public func isExpiring(at now: Date, margin: TimeInterval = 60) -> Bool {
        expiresAt.timeIntervalSince(now) <= margin
    }

    public var description: String {
        "TokenSet(access: ‹redacted›, refresh: ‹redacted›, expires: \(expiresAt), scope: \(scope))"
    }
}

/// Zoom's token response body.
struct TokenResponse: Decodable {
    var accessToken: String
    var tokenType: String
    var refreshToken: String
    var expiresIn: Int
    var scope: String?
    var apiUrl: String?

    func tokenSet(receivedAt now: Date) -> TokenSet {
        TokenSet(
            accessToken: Secret(accessToken), refreshToken: Secret(refreshToken),
            expiresAt: now.addingTimeInterval(TimeInterval(expiresIn)), scope: scope ?? "", apiURL: apiUrl)
    }
}
