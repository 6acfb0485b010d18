import Foundation
import ZoomAPI

/// What the webhook endpoint answers Zoom.
public struct WebhookAnswer: Sendable, Hashable {
    public var status: Int
    public var body: String
}

extension ZoomIntegrationService {
    /// Zoom's deauthorization webhook: only correctly signed, fresh, first-time deliveries are
    /// acted on; `app_deauthorized` deletes the user's tokens and ends all calls, like Disconnect.
    public func handleWebhook(headers: [String: String], body: String) async -> WebhookAnswer {
        let answer = await answerWebhook(headers: headers, body: body)
        Self.logger.debug(
            "webhook (\(body.utf8.count) bytes) answered \(answer.status) \(answer.status == 200 ? "" : answer.body)")
        return answer
    }

    private func answerWebhook(headers: [String: String], body: String) async -> WebhookAnswer {
        guard let timestamp = headers["x-zm-request-timestamp"], let signature = headers["x-zm-signature"] else {
            return WebhookAnswer(status: 401, body: #"{"error":"unsigned"}"#)
        }
        guard let seconds = TimeInterval(timestamp), abs(now().timeIntervalSince1970 - seconds) <= 300 else {
            return WebhookAnswer(status: 401, body: #"{"error":"stale timestamp"}"#)
        }
        guard
            WebhookSignature.verify(
                signature: signature, timestamp: timestamp, body: body, secret: webhookSecret.revealed)
        else {
            return WebhookAnswer(status: 401, body: #"{"error":"bad signature"}"#)
        }
        guard (try? store.firstSighting(of: signature)) == true else {
            return WebhookAnswer(status: 409, body: #"{"error":"replayed"}"#)
        }
        guard let event = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            return WebhookAnswer(status: 400, body: #"{"error":"not JSON"}"#)
        }
        let payload = event["payload"] as? [String: Any] ?? [:]
        switch event["event"] as? String {
        case "endpoint.url_validation":
            let plain = payload["plainToken"] as? String ?? ""
            let encrypted = WebhookSignature.hmacHex(plain, key: webhookSecret.revealed)
            // Encoded, never pasted: the token is the sender's text (the fuzzer broke the JSON with a quote).
            let answer = ["encryptedToken": encrypted, "plainToken": plain]
            let data = (try? JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys])) ?? Data("{}".utf8)
            return WebhookAnswer(status: 200, body: String(decoding: data, as: UTF8.self))
        case "app_deauthorized":
            let zoomUser = payload["user_id"] as? String
            for connection in store.connections() where connection.zoomUserID == zoomUser {
                forget(connection.accountID)
            }
            return WebhookAnswer(status: 200, body: "{}")
        default:
            return WebhookAnswer(status: 200, body: "{}")
        }
    }
}
