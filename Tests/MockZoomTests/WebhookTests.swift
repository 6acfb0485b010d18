import Foundation
import MockZoom
import Testing
import ZoomAPI

@Suite("Webhooks: Zoom's signature and app_deauthorized delivery")
struct WebhookTests {
    @Test("known answer: v0=hex(HMAC-SHA256(secret, \"v0:{ts}:{body}\")), computed independently with Python's hmac")
    func knownAnswer() {
        let body =
            #"{"event":"session.started","payload":{"account_id":"{ACCOUNT_ID}","object":{"start_time":"2022-07-27T16:56:34Z","id":"{SESSION_ID}"}},"event_ts":1658940994914}"#
        #expect(WebhookSignature.message(timestamp: "1658940994", body: body) == "v0:1658940994:" + body)
        #expect(
            WebhookSignature.sign(timestamp: "1658940994", body: body, secret: "ZOOM_WEBHOOK_SECRET_TOKEN")
                == "v0=6a2b446e885e101bc30d92da7f466fba7a3e9bfbb23544c17d8546074ce30a0c")
        #expect(
            WebhookSignature.hmacHex("qgg8vlvZRS6UYooatFL8Aw", key: "secret-token")
                == "5b72bd117f184f54093c1c3c11499c1d13e6d56dc0d96e6b78fbfecedc953b75")
    }

    @Test("verification rejects a changed body, timestamp or secret")
    func verification() {
        let signature = WebhookSignature.sign(timestamp: "100", body: "{}", secret: "s")
        #expect(WebhookSignature.verify(signature: signature, timestamp: "100", body: "{}", secret: "s"))
        #expect(!WebhookSignature.verify(signature: signature, timestamp: "100", body: "{ }", secret: "s"))
        #expect(!WebhookSignature.verify(signature: signature, timestamp: "101", body: "{}", secret: "s"))
        #expect(!WebhookSignature.verify(signature: signature, timestamp: "100", body: "{}", secret: "t"))
        #expect(!WebhookSignature.verify(signature: "v0=00", timestamp: "100", body: "{}", secret: "s"))
    }

    @Test("revoke sends a signed app_deauthorized to the app's webhook URL")
    func revokeSendsWebhook() async throws {
        let receiver = try await WebhookReceiver.start()
        let app = RegisteredApp(webhookURL: receiver.url, webhookSecret: "whsec-123")
        try await MockZoomHarness.with(MockZoomConfiguration(app: app)) { mock in
            let tokens = try await mock.connect()
            try await mock.oauth.revoke(tokens.accessToken)
            let received = await receiver.received
            try #require(received.count == 1)
            let delivery = received[0]
            let timestamp = try #require(delivery.headers["x-zm-request-timestamp"])
            let signature = try #require(delivery.headers["x-zm-signature"])
            #expect(
                WebhookSignature.verify(
                    signature: signature, timestamp: timestamp, body: delivery.body, secret: "whsec-123"))
            let seconds = try #require(Double(timestamp))
            #expect(abs(seconds - mock.server.clock.now().timeIntervalSince1970) < 3)
            #expect(delivery.headers["content-type"] == "application/json; charset=utf-8")
            #expect(delivery.headers["user-agent"] == "Zoom Marketplace/1.0a")
            #expect(delivery.headers["x-zm-request-id"]?.isEmpty == false)
            let event = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body.utf8)) as? [String: Any])
            #expect(event["event"] as? String == "app_deauthorized")
            let milliseconds = try #require(event["event_ts"] as? Int64)
            #expect(abs(Double(milliseconds) / 1000 - mock.server.clock.now().timeIntervalSince1970) < 5)
            let payload = try #require(event["payload"] as? [String: Any])
            #expect(payload["user_id"] as? String == MockUser().id)
            #expect(payload["account_id"] as? String == MockUser().accountID)
            #expect(payload["client_id"] as? String == app.clientID)
            let time = try #require(payload["deauthorization_time"] as? String)
            #expect(time.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil)
            #expect(await mock.server.webhookDeliveries().map(\.status) == [204])
            #expect(!delivery.body.contains(tokens.accessToken.revealed))
        }
        await receiver.stop()
    }

    @Test("a Marketplace uninstall over HTTP revokes every token and sends the same webhook; a second does nothing")
    func marketplaceUninstall() async throws {
        let receiver = try await WebhookReceiver.start()
        let app = RegisteredApp(webhookURL: receiver.url)
        try await MockZoomHarness.with(MockZoomConfiguration(app: app)) { mock in
            let tokens = try await mock.connect()
            let uninstall = try await mock.send(.post, "/_mock/marketplace/uninstall")
            #expect(try mock.json(uninstall)["uninstalled"] as? Bool == true)
            let api = try await mock.send(.get, "/v2/users/me", token: tokens.accessToken)
            #expect(api.status == 401)
            #expect(try mock.json(api)["code"] as? Int == 124)
            let refresh = try await #require(throws: ZoomError.self) {
                try await mock.oauth.refresh(tokens.refreshToken)
            }
            #expect(refresh.status == 400)
            let again = try await mock.send(.post, "/_mock/marketplace/uninstall")
            #expect(try mock.json(again)["uninstalled"] as? Bool == false)
            #expect(await receiver.received.count == 1)
            let events = try JSONSerialization.jsonObject(with: Data(try await mock.send(.get, "/_mock/webhooks").body))
            #expect((events as? [[String: Any]])?.count == 1)
        }
        await receiver.stop()
    }

    @Test("an unreachable webhook URL is recorded as failed, and revoke still succeeds")
    func unreachableWebhook() async throws {
        let app = RegisteredApp(webhookURL: "http://127.0.0.1:1/hook")
        try await MockZoomHarness.with(MockZoomConfiguration(app: app)) { mock in
            let tokens = try await mock.connect()
            try await mock.oauth.revoke(tokens.refreshToken)
            let delivery = try #require(await mock.server.webhookDeliveries().first)
            #expect(delivery.status == nil)
            #expect(delivery.error?.contains("curl error 7") == true)
        }
    }
}
