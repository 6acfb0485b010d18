import Foundation
import ZoomAPI
import ZoomIntegration

/// A check that could not be carried out now: the claim is neither true nor false, only
/// unchecked (a Zoom limit, Zoom unreachable, no credentials, no browser).
public struct CheckBlocked: Error, Sendable, CustomStringConvertible {
    public var reason: String
    /// When trying again can succeed, when known (a daily limit's reset).
    public var retryAt: Date?

    public init(reason: String, retryAt: Date? = nil) {
        self.reason = reason
        self.retryAt = retryAt
    }

    public var description: String {
        reason + (retryAt.map { "; try again after \(ZoomTime.format($0))" } ?? "; try again later")
    }

    /// An error that means Zoom could not be asked, not that it answered wrongly: its daily
    /// limit, per-second limits that outlasted the retries, 5xx, timeouts, lost connections.
    static func from(_ error: any Error) -> CheckBlocked? {
        switch error {
        case let blocked as CheckBlocked: return blocked
        case let error as ZoomError: return from(zoom: error)
        case IntegrationError.zoom(let error): return from(zoom: error)
        case IntegrationError.gaveUp(let attempts, let last):
            return CheckBlocked(reason: "Zoom kept failing (\(attempts) attempts; last: \(last))")
        default: return nil
        }
    }

    private static func from(zoom error: ZoomError) -> CheckBlocked? {
        if let daily = error.dailyLimit {
            return CheckBlocked(reason: "Zoom's daily limit is reached", retryAt: daily.resetsAt)
        }
        if error.isRateLimited || error.outcomeUnknown || error.status == nil {
            return CheckBlocked(reason: "Zoom could not be reached or kept refusing: \(error)")
        }
        return nil
    }
}
