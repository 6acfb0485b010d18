import CurlHTTP
import Foundation
import MockZoom
import Testing
import ZoomAPI
import ZoomIntegration

@Suite("Deauthorization webhook endpoint")
struct WebhookEndpointTests {
    func signed(_ body: String, secret: String, at time: Date) -> [String: String] {
        let timestamp = String(Int(time.timeIntervalSince1970))
        return [
            "x-zm-request-timestamp": timestamp,
            "x-zm-signature": WebhookSignature.sign(timestamp: timestamp, body: body, secret: secret),
        ]
    }

    @Test("valid app_deauthorized deletes the tokens; forged, unsigned, stale and replayed are refused")
    func deauthorization() async throws {
        try await IntegrationFixture.with { fixture in
            try await fixture.connect("acct")
            let integration = fixture.integration
            let now = fixture.server.clock.now()
            let body = #"{"event":"app_deauthorized","event_ts":1,"payload":{"user_id":"\#(MockUser().id)"}}"#
            let unsigned = await integration.handleWebhook(headers: [:], body: body)
            #expect(unsigned.status == 401)
            let forged = await integration.handleWebhook(headers: signed(body, secret: "guess", at: now), body: body)
            #expect(forged.status == 401)
            let stale = await integration.handleWebhook(
                headers: signed(body, secret: fixture.webhookSecret, at: now.addingTimeInterval(-301)), body: body)
            #expect(stale.status == 401)
            let tampered = await integration.handleWebhook(
                headers: signed(body, secret: fixture.webhookSecret, at: now),
                body: body.replacingOccurrences(of: "1", with: "2"))
            #expect(tampered.status == 401)
            #expect(await integration.isConnected(accountID: "acct"))

            let headers = signed(body, secret: fixture.webhookSecret, at: now)
            let valid = await integration.handleWebhook(headers: headers, body: body)
            #expect(valid.status == 200)
            #expect(!(await integration.isConnected(accountID: "acct")))
            let replayed = await integration.handleWebhook(headers: headers, body: body)
            #expect(replayed.status == 409)
        }
    }

    @Test("endpoint.url_validation answers Zoom's challenge with the HMAC of the plain token")
    func urlValidation() async throws {
        try await IntegrationFixture.with { fixture in
            let body =
                #"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#
            let answer = await fixture.integration.handleWebhook(
                headers: signed(body, secret: fixture.webhookSecret, at: fixture.server.clock.now()), body: body)
            #expect(answer.status == 200)
            let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: String]
            #expect(json?["plainToken"] == "qgg8vlvZRS6UYooatFL8Aw")
            #expect(
                json?["encryptedToken"]
                    == WebhookSignature.hmacHex("qgg8vlvZRS6UYooatFL8Aw", key: fixture.webhookSecret))
        }
    }

    @Test("a Marketplace uninstall reaches the endpoint over HTTP, signed by the mock, and disconnects")
    func overHTTP() async throws {
        try await IntegrationFixture.with { fixture in
            try await fixture.connect("acct")
            #expect(await fixture.server.uninstall())
            #expect(!(await fixture.integration.isConnected(accountID: "acct")))
            #expect(await fixture.server.webhookDeliveries().map(\.status) == [200])
        }
    }

    @Test("an oversized delivery, even correctly signed, is refused with 413 before it is read; nothing changes")
    func oversized() async throws {
        try await IntegrationFixture.with { fixture in
            try await fixture.connect("acct")
            let padding = String(repeating: "x", count: IntegrationEndpoints.maxWebhookBytes)
            let body =
                #"{"event":"app_deauthorized","event_ts":1,"payload":{"user_id":"\#(MockUser().id)","pad":"\#(padding)"}}"#
            var headers = signed(body, secret: fixture.webhookSecret, at: fixture.server.clock.now()).map {
                (name: $0.key, value: $0.value)
            }
            headers.append((name: "Content-Type", value: "application/json"))
            let response = try await CurlHTTPClient().send(
                HTTPRequest(
                    .post, fixture.endpoints.baseURL + IntegrationEndpoints.webhookPath, headers: headers,
                    body: Array(body.utf8)))
            #expect(response.status == 413)
            #expect(response.bodyText == #"{"error":"body too large"}"#)
            #expect(await fixture.integration.isConnected(accountID: "acct"))
            let small = #"{"event":"app_deauthorized","event_ts":1,"payload":{"user_id":"\#(MockUser().id)"}}"#
            let accepted = try await CurlHTTPClient().send(
                HTTPRequest(
                    .post, fixture.endpoints.baseURL + IntegrationEndpoints.webhookPath,
                    headers: signed(small, secret: fixture.webhookSecret, at: fixture.server.clock.now()).map {
                        (name: $0.key, value: $0.value)
                    }, body: Array(small.utf8)))
            #expect(accepted.status == 200, "the same endpoint accepts a normal delivery")
            #expect(!(await fixture.integration.isConnected(accountID: "acct")))
        }
    }
}
