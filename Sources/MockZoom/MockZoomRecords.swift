import Foundation

/// One request the mock answered: what the checks query to prove what was (not) called.
public struct JournalEntry: Sendable, Hashable, Codable {
    public var method: String
    public var path: String
    /// On the mock's clock.
    public var time: Date
    /// Which token authorized it, by label (`access-3`), never the token itself.
    public var token: String?
    public var status: Int
    /// The fault applied, if any.
    public var fault: String?
    /// Seconds since the server started, in real time (rate limits count real seconds).
    public var elapsed: Double?
    /// Zoom's rate-limit category of a `/v2/` request (`Light`, `Medium`).
    public var category: String?
}

/// One webhook the mock sent (or tried to).
public struct WebhookDelivery: Sendable, Hashable, Codable {
    public var event: String
    public var url: String
    /// The exact bytes sent, as text: what the signature covers.
    public var body: String
    public var timestamp: String
    public var signature: String
    /// The receiver's HTTP status, or `nil` when it could not be reached.
    public var status: Int?
    public var error: String?
}

/// A meeting as the mock stores it.
struct MeetingRecord: Sendable {
    var id: Int64
    var uuid: String
    var grantID: Int
    var topic: String
    var type: Int
    var startTime: String?
    var duration: Int
    var timezone: String
    var agenda: String?
    var createdAt: String
    var startURL: String
    var joinURL: String
    var password: String
}

/// One user's authorization of the app: its tokens live and die together.
struct Grant: Sendable {
    var id: Int
    var userID: String
    var clientID: String
    var revoked = false
    /// Only the newest refresh token works.
    var refreshToken: String
    var refreshExpiresAt: Date
}

struct AccessTokenRecord: Sendable {
    var grantID: Int
    var label: String
    var expiresAt: Date
}

struct IssuedCode: Sendable {
    var clientID: String
    var redirectURI: String
    var challenge: String?
    /// `S256` or `plain` (Zoom's default when none is given).
    var challengeMethod: String
    var userID: String
    var issuedAt: Date
    var used = false
}
