import CurlHTTP
import Foundation
import ZoomAPI

/// Posts signed events to the app's webhook URL the way Zoom does, over our own libcurl client.
struct WebhookSender: Sendable {
    let app: RegisteredApp
    let clock: MockClock

    /// Sends `app_deauthorized` for `userID` and returns what happened; `nil` without a subscription.
    func sendDeauthorization(userID: String, accountID: String) async -> WebhookDelivery? {
        guard let url = app.webhookURL else { return nil }
        let now = clock.now()
        let milliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let payload: [String: Any] = [
            "account_id": accountID,
            "user_id": userID,
            "client_id": app.clientID,
            "deauthorization_time": Self.timestamp(now),
            // Zoom's legacy in-payload signature; the mock derives it from the same secret.
            "signature": WebhookSignature.hmacHex("\(accountID):\(userID):\(app.clientID)", key: app.webhookSecret),
        ]
        let event: [String: Any] = ["event": "app_deauthorized", "event_ts": milliseconds, "payload": payload]
        let data =
            (try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return await post(event: "app_deauthorized", body: String(decoding: data, as: UTF8.self), to: url, at: now)
    }

    private func post(event: String, body: String, to url: String, at now: Date) async -> WebhookDelivery {
        let timestamp = String(Int64(now.timeIntervalSince1970))
        let signature = WebhookSignature.sign(timestamp: timestamp, body: body, secret: app.webhookSecret)
        let request = HTTPRequest(
            .post, url,
            headers: [
                ("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "Zoom Marketplace/1.0a"),
                ("x-zm-request-timestamp", timestamp), ("x-zm-signature", signature),
                ("x-zm-request-id", UUID().uuidString.lowercased()),
            ],
            body: Array(body.utf8), timeouts: Timeouts(connect: .seconds(3), total: .seconds(3)))
        var delivery = WebhookDelivery(
            event: event, url: url, body: body, timestamp: timestamp, signature: signature, status: nil, error: nil)
        do {
            delivery.status = try await CurlHTTPClient().send(request).status
        } catch {
            delivery.error = error.description
        }
        return delivery
    }

    /// `2019-06-17T13:52:28.632Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
