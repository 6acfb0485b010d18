import Foundation

/// One user's Zoom connection: holds the newest tokens, refreshes them before they expire
/// and when Zoom says they have, and never lets two refreshes race (a rotated refresh token
/// dies on first use, so a second concurrent refresh would fail and lose the connection).
public actor ZoomSession {
    public private(set) var tokens: TokenSet
    let oauth: ZoomOAuthClient
    /// Called with every new token set, so the caller can persist the newest refresh token.
    let onRotate: @Sendable (TokenSet) async -> Void
    private var refreshInFlight: Task<TokenSet, any Error>?

    public init(
        tokens: TokenSet, oauth: ZoomOAuthClient, onRotate: @escaping @Sendable (TokenSet) async -> Void = { _ in }
    ) {
        self.tokens = tokens
        self.oauth = oauth
        self.onRotate = onRotate
    }

    /// A usable access token, refreshed first when it is about to expire.
    public func accessToken() async throws(ZoomError) -> Secret {
        if tokens.isExpiring(at: oauth.now()) { try await refresh() }
        return tokens.accessToken
    }

    /// Rotates the tokens now; concurrent callers share one refresh and all see its result.
    public func refresh() async throws(ZoomError) {
        if let refreshInFlight {
            tokens = try await Self.value(of: refreshInFlight)
            return
        }
        let oauth = self.oauth
        let refreshToken = tokens.refreshToken
        let task = Task { () async throws -> TokenSet in try await oauth.refresh(refreshToken) }
        refreshInFlight = task
        defer { refreshInFlight = nil }
        let newTokens = try await Self.value(of: task)
        tokens = newTokens
        await onRotate(newTokens)
    }

    /// Runs `call` with a valid token; if Zoom says the token expired, refreshes once (unless
    /// another caller already did) and retries.
    public func withMeetingsClient<Value: Sendable>(
        _ call: @Sendable (ZoomMeetingsClient, Secret) async throws(ZoomError) -> Value
    ) async throws(ZoomError) -> Value {
        let token = try await accessToken()
        do {
            return try await call(ZoomMeetingsClient(configuration: oauth.configuration, tokens: tokens), token)
        } catch  where error.isExpiredToken {
            if tokens.accessToken == token { try await refresh() }
            return try await call(
                ZoomMeetingsClient(configuration: oauth.configuration, tokens: tokens), tokens.accessToken)
        }
    }

    private static func value(of task: Task<TokenSet, any Error>) async throws(ZoomError) -> TokenSet {
        do {
            return try await task.value
        } catch let error as ZoomError {
            throw error
        } catch {
            throw ZoomError(status: nil, kind: .invalidResponse("\(error)"))
        }
    }
}
