import Foundation
import ZoomAPI
import ZoomIntegration

extension FuzzEntry {
    /// The integration under the webhook fuzzer: fixed clock, state in a temporary folder.
    private struct WebhookFixture: Sendable {
        static let secret = "fuzz-webhook-secret"
        static let now = Date(timeIntervalSince1970: 1_750_000_000)

        let service: ZoomIntegrationService
        let seenFile: URL

        static let shared: WebhookFixture = {
            let store = IntegrationStateStore(
                directory: FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-webhook-\(getpid())"))
            try? FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
            let configuration = ZoomConfiguration(
                clientID: "fuzz-client", clientSecret: Secret("fuzz-client-secret"),
                redirectURI: "http://127.0.0.1:9/integrations/zoom/callback", oauthBaseURL: "http://127.0.0.1:9",
                apiBaseURL: "http://127.0.0.1:9")
            let service = ZoomIntegrationService(
                configuration: configuration, webhookSecret: Secret(secret), store: store, now: { now })
            return WebhookFixture(
                service: service, seenFile: store.directory.appendingPathComponent("webhooks-seen.json"))
        }()
    }

    /// Zoom's deauthorization webhook: header checks, timestamp freshness, the HMAC signature,
    /// replay protection and the JSON event after it.
    ///
    /// The first byte picks how the delivery is signed: not at all (headers from the input),
    /// correctly with a fresh timestamp (so the JSON handling is reached), correctly with the
    /// input's timestamp, or with the input's signature. The rest is the body.
    public static func webhook(_ bytes: [UInt8]) {
        let fixture = WebhookFixture.shared
        var input = FuzzInput(bytes)
        let mode = input.byte() % 4
        let fresh = String(Int(WebhookFixture.now.timeIntervalSince1970))
        var headers: [String: String] = [:]
        let body: String
        switch mode {
        case 0:
            for line in input.text(until: 0).split(separator: "\n") {
                let colon = line.firstIndex(of: ":") ?? line.endIndex
                let value = colon < line.endIndex ? line[line.index(after: colon)...] : ""
                headers[String(line[..<colon])] = value.trimmingCharacters(in: .whitespaces)
            }
            body = String(decoding: input.rest(), as: UTF8.self)
        case 1:
            body = String(decoding: input.rest(), as: UTF8.self)
            headers = signedHeaders(timestamp: fresh, body: body)
        case 2:
            let timestamp = input.text(until: 0)
            body = String(decoding: input.rest(), as: UTF8.self)
            headers = signedHeaders(timestamp: timestamp, body: body)
        default:
            headers = ["x-zm-request-timestamp": fresh, "x-zm-signature": input.text(until: 0)]
            body = String(decoding: input.rest(), as: UTF8.self)
        }
        // Each input is a first delivery; replays are the regression tests' business.
        try? FileManager.default.removeItem(at: fixture.seenFile)
        let delivery = headers
        BlockingWait.run {
            let answer = await fixture.service.handleWebhook(headers: delivery, body: body)
            invariant([200, 400, 401, 409].contains(answer.status), "webhook answered \(answer.status)")
            // Fuzz/Regressions/webhook/plain-token-*: a quote in plainToken once broke this JSON.
            invariant(
                (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8))) is [String: Any],
                "webhook answer is not a JSON object: \(String(reflecting: answer.body))")
            if mode == 1 {
                invariant(answer.status != 401, "a correctly signed, fresh delivery was refused: \(answer.body)")
            }
        }
    }

    private static func signedHeaders(timestamp: String, body: String) -> [String: String] {
        [
            "x-zm-request-timestamp": timestamp,
            "x-zm-signature": WebhookSignature.sign(timestamp: timestamp, body: body, secret: WebhookFixture.secret),
        ]
    }
}
