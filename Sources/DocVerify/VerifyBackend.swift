import CurlHTTP
import Foundation
import MockZoom
import ZoomAPI
import ZoomIntegration

/// Where the checks' Zoom lives. Each check gets its own environment, so no check can pass
/// on another's leftovers.
public protocol VerifyBackend: Sendable {
    /// `mock`, `url` or `live`, as reports name it.
    var name: String { get }
    func makeEnvironment() async throws -> CheckEnvironment
    /// An environment for an article's steps in the product's screens, where a person's browser
    /// meets Zoom's consent page rather than a consent given in advance.
    func makeScreenEnvironment() async throws -> CheckEnvironment
    /// Clean-ups in flight and what the run left at Zoom.
    var housekeeping: RunHousekeeping { get }
    /// Lines for the end of a run about what it did at Zoom (meetings created and deleted).
    func usageSummary() -> [String]
}

extension VerifyBackend {
    public func usageSummary() -> [String] { [] }
    public func makeScreenEnvironment() async throws -> CheckEnvironment { try await makeEnvironment() }
}

/// A Zoom `app_deauthorized` event signed with the app's secret, as Zoom would send it; used
/// where the backend cannot deliver one to us itself.
enum SelfSignedWebhook {
    static func deauthorization(
        for connection: ZoomConnection, clientID: String, secret: String, at now: Date
    ) -> (headers: [String: String], body: String) {
        let milliseconds = Int64(now.timeIntervalSince1970 * 1000)
        let event: [String: Any] = [
            "event": "app_deauthorized", "event_ts": milliseconds,
            "payload": [
                "user_id": connection.zoomUserID, "client_id": clientID, "account_id": "",
                "deauthorization_time": ISO8601DateFormatter().string(from: now),
            ] as [String: Any],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])) ?? Data()
        let body = String(decoding: data, as: UTF8.self)
        let timestamp = String(Int64(now.timeIntervalSince1970))
        let signature = WebhookSignature.sign(timestamp: timestamp, body: body, secret: secret)
        return (["x-zm-request-timestamp": timestamp, "x-zm-signature": signature], body)
    }
}

extension IntegrationStateStore {
    /// A fresh folder for one check: below `root` when given, else a temporary one.
    static func forCheck(under root: URL?) -> IntegrationStateStore {
        guard let root else { return .temporary() }
        return IntegrationStateStore(directory: root.appendingPathComponent("check-\(UUID().uuidString.lowercased())"))
    }
}
