import CurlHTTP
import Foundation

/// Zoom's user and meeting endpoints, called with one access token.
public struct ZoomMeetingsClient: Sendable {
    /// `https://api.zoom.us` or the token's `api_url`; `/v2` is appended here.
    public let apiBaseURL: String
    let transport: ZoomTransport

    public init(
        apiBaseURL: String, timeouts: TimeoutsConfiguration = TimeoutsConfiguration(),
        policy: ZoomCallPolicy = ZoomCallPolicy()
    ) {
        self.apiBaseURL = ZoomConfiguration.trimmed(apiBaseURL)
        self.transport = ZoomTransport(timeouts: timeouts, policy: policy)
    }

    /// The client for a token: its `api_url` when it has one, else the configured base.
    public init(configuration: ZoomConfiguration, tokens: TokenSet) {
        self.init(
            apiBaseURL: tokens.apiURL ?? configuration.apiBaseURL, timeouts: configuration.timeouts,
            policy: configuration.callPolicy)
    }

    public func currentUser(accessToken: Secret) async throws(ZoomError) -> ZoomUser {
        try await call(.get, "/users/me", accessToken: accessToken, expect: 200)
    }

    /// Creates a meeting owned by the token's user (`POST /v2/users/me/meetings`, 201).
    public func createMeeting(_ request: MeetingRequest, accessToken: Secret) async throws(ZoomError) -> Meeting {
        let body = (try? ZoomTransport.encoder.encode(request)).map(Array.init) ?? []
        return try await call(.post, "/users/me/meetings", accessToken: accessToken, body: body, expect: 201)
    }

    /// The user's scheduled meetings (first page of up to 300; summaries carry no host link).
    public func listMeetings(accessToken: Secret) async throws(ZoomError) -> [MeetingSummary] {
        let page: MeetingPage = try await call(
            .get, "/users/me/meetings?type=scheduled&page_size=300", accessToken: accessToken, expect: 200)
        return page.meetings
    }

    public func meeting(id: Int64, accessToken: Secret) async throws(ZoomError) -> Meeting {
        try await call(.get, "/meetings/\(id)", accessToken: accessToken, expect: 200)
    }

    /// Deletes a meeting (204).
    public func deleteMeeting(id: Int64, accessToken: Secret) async throws(ZoomError) {
        _ = try await send(.delete, "/meetings/\(id)", accessToken: accessToken, body: nil, expect: 204)
    }

    private func call<Value: Decodable>(
        _ method: HTTPRequest.Method, _ path: String, accessToken: Secret, body: [UInt8]? = nil, expect status: Int
    ) async throws(ZoomError) -> Value {
        try ZoomTransport.decode(try await send(method, path, accessToken: accessToken, body: body, expect: status))
    }

    private func send(
        _ method: HTTPRequest.Method, _ path: String, accessToken: Secret, body: [UInt8]?, expect status: Int
    ) async throws(ZoomError) -> HTTPResponse {
        var headers: [(name: String, value: String)] = [
            ("Authorization", "Bearer " + accessToken.revealed), ("Accept", "application/json"),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let response = try await transport.send(
            method, apiBaseURL + "/v2" + path, headers: headers, body: body,
            category: RateLimitCategory.of(method: method.rawValue, path: "/v2" + path),
            idempotent: method == .get || method == .delete)
        guard response.status == status else {
            throw ZoomTransport.apiError(response, secrets: [accessToken.revealed])
        }
        return response
    }
}
