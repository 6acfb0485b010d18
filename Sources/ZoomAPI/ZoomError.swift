import CurlHTTP
import Foundation

/// Everything that can go wrong talking to Zoom, typed so callers can decide: refresh on an
/// expired token, back off on 429, reconcile after a timeout. Never carries a secret.
public struct ZoomError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// `/oauth/*` answered `{"reason": ..., "error": ...}` (e.g. `invalid_grant`).
        case oauth(error: String, reason: String)
        /// `/v2/*` answered `{"code": ..., "message": ...}` (124 bad token, 3001 no meeting, ...).
        case api(code: Int, message: String)
        /// 429 per second, with what Zoom said about when to retry.
        case rateLimited(RateLimit)
        /// 429 for the day: never retried before it resets.
        case dailyLimit(DailyLimit)
        /// No HTTP response: refused, timed out, dropped.
        case transport(CurlHTTPError)
        /// A response we could not read.
        case invalidResponse(String)
    }

    /// The HTTP status, when a response arrived.
    public let status: Int?
    public let kind: Kind

    public init(status: Int?, kind: Kind) {
        self.status = status
        self.kind = kind
    }

    /// Zoom's code 124: the access token is invalid, revoked or expired.
    public var isInvalidToken: Bool {
        if case .api(let code, _) = kind { return code == 124 }
        return false
    }

    /// Code 124 with Zoom's "expired" wording: a refresh will fix it.
    public var isExpiredToken: Bool {
        if case .api(124, let message) = kind { return message.lowercased().contains("expired") }
        return false
    }

    /// Code 3001 (or 1001 for users): the thing asked for does not exist.
    public var isNotFound: Bool {
        if case .api(let code, _) = kind { return code == 3001 || code == 1001 }
        return false
    }

    public var isRateLimited: Bool {
        if case .rateLimited = kind { return true }
        return false
    }

    /// The daily limit Zoom reported, when this is one.
    public var dailyLimit: DailyLimit? {
        if case .dailyLimit(let limit) = kind { return limit }
        return nil
    }

    /// The request may or may not have been carried out: a timeout or a dropped connection.
    public var outcomeUnknown: Bool {
        if case .transport(let error) = kind { return error.isTimeout || error.isConnectionDropped }
        return status.map { $0 >= 500 } ?? false
    }

    public var description: String {
        let prefix = status.map { "Zoom answered \($0)" } ?? "Zoom could not be reached"
        switch kind {
        case .oauth(let error, let reason): return "\(prefix): \(error): \(reason)"
        case .api(let code, let message): return "\(prefix): code \(code): \(message)"
        case .rateLimited(let limit): return "\(prefix): rate limited; \(limit)"
        case .dailyLimit(let limit): return "\(prefix): \(limit)"
        case .transport(let error): return "\(prefix): \(error)"
        case .invalidResponse(let detail): return "\(prefix): unreadable response: \(detail)"
        }
    }
}

/// A daily limit Zoom reported: what was refused and when it can be tried again.
public struct DailyLimit: Sendable, Hashable, CustomStringConvertible {
    /// From `Retry-After` (an ISO-8601 or HTTP date, or seconds); `nil` when Zoom did not say.
    public var resetsAt: Date?
    public var category: String?
    public var message: String

    public init(resetsAt: Date?, category: String?, message: String) {
        self.resetsAt = resetsAt
        self.category = category
        self.message = message
    }

    public var description: String {
        "Zoom's daily limit is reached; "
            + (resetsAt.map { "it resets at \(ZoomTime.format($0))" } ?? "Zoom did not say when it resets")
    }
}

/// What a 429 said about the limit that was hit.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// `Retry-After`: seconds, or an ISO-8601 time for daily limits.
    public var retryAfter: String?
    public var category: String?
    /// `QPS` or `Daily-limit`.
    public var type: String?
    public var limit: Int?
    public var remaining: Int?
    public var message: String

    public var description: String {
        var parts = [message]
        if let retryAfter { parts.append("retry after \(retryAfter)") }
        if let type, let category { parts.append("\(category) \(type) limit \(limit.map(String.init) ?? "?")") }
        return parts.joined(separator: "; ")
    }
}
