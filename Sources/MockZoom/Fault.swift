import Foundation

/// A way the mock misbehaves on purpose, as Zoom or the network sometimes do.
public enum Fault: Sendable, Hashable, CustomStringConvertible {
    /// 429 with `Retry-After` (seconds) and `X-RateLimit-*` headers.
    case rateLimited(retryAfterSeconds: Int)
    /// 500, 503, ...: Zoom failed.
    case serverError(status: Int)
    /// Waits before answering, e.g. past the client's timeout.
    case delay(milliseconds: Int)
    /// Closes the connection without a complete response.
    case dropConnection
    /// Meeting creation: the meeting is created, then the connection drops before the answer.
    case createdButResponseLost
    /// 401 code 124 "Access token is expired.", whatever the token.
    case expiredToken
    /// 401 code 124 "Invalid access token.", whatever the token.
    case revokedToken

    /// Reads the `X-Mock-Fault` header / `--fault` syntax: `rate-limit[=seconds]`, `500`, `503`,
    /// `delay=ms`, `drop`, `created-response-lost`, `expired-token`, `revoked-token`.
    public init?(_ text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let argument = parts.count > 1 ? Int(parts[1]) : nil
        switch parts.first ?? "" {
        case "rate-limit": self = .rateLimited(retryAfterSeconds: argument ?? 1)
        case "delay": self = .delay(milliseconds: argument ?? 1000)
        case "drop": self = .dropConnection
        case "created-response-lost": self = .createdButResponseLost
        case "expired-token": self = .expiredToken
        case "revoked-token": self = .revokedToken
        case let status where Int(status).map({ (500...599).contains($0) }) == true:
            self = .serverError(status: Int(status) ?? 500)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .rateLimited(let seconds): "rate-limit=\(seconds)"
        case .serverError(let status): "\(status)"
        case .delay(let milliseconds): "delay=\(milliseconds)"
        case .dropConnection: "drop"
        case .createdButResponseLost: "created-response-lost"
        case .expiredToken: "expired-token"
        case .revokedToken: "revoked-token"
        }
    }
}

/// Which requests a fault hits, and how many times.
public struct FaultRule: Sendable, Hashable {
    public var fault: Fault
    /// `GET`, `POST`, ...; `nil` matches any.
    public var method: String?
    /// Matches paths starting with this (`/v2/users/me/meetings`); `nil` matches any.
    public var pathPrefix: String?
    /// How many requests it hits before it is used up; `nil` means every one.
    public var times: Int?

    public init(_ fault: Fault, method: String? = nil, pathPrefix: String? = nil, times: Int? = nil) {
        self.fault = fault
        self.method = method
        self.pathPrefix = pathPrefix
        self.times = times
    }

    func matches(method: String, path: String) -> Bool {
        (self.method.map { $0.uppercased() == method } ?? true) && (pathPrefix.map { path.hasPrefix($0) } ?? true)
    }
}
