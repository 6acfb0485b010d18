import CurlHTTP
import Foundation
import LoopbackHTTP
import MockZoom
import TestSupport
import Testing
import ZoomAPI

@Suite("Mock Zoom: authorize, consent page, controls and journal")
struct AuthorizeAndControlsTests {
    @Test("authorize refuses an unknown client or redirect with Zoom's error page, never a redirect")
    func authorizeErrors() async throws {
        try await MockZoomHarness.with { mock in
            let base = mock.server.baseURL + "/oauth/authorize?response_type=code"
            let redirect = mock.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let badClient = try await mock.client.send(
                HTTPRequest(.get, base + "&client_id=nope&redirect_uri=\(redirect)"))
            #expect(badClient.status == 400)
            #expect(badClient.header("Location") == nil)
            #expect(try mock.json(badClient)["errorCode"] as? Int == 4702)
            let badRedirect = try await mock.client.send(
                HTTPRequest(.get, base + "&client_id=mock-client-id&redirect_uri=https%3A%2F%2Fevil.example%2F"))
            #expect(try mock.json(badRedirect)["errorMessage"] as? String == "Invalid redirect: https://evil.example/")
        }
    }

    @Test("without code_challenge_method Zoom assumes plain")
    func plainPKCE() async throws {
        try await MockZoomHarness.with { mock in
            let url =
                mock.server.baseURL + "/oauth/authorize?response_type=code&client_id=mock-client-id&code_challenge=abc"
                + "&redirect_uri=" + mock.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let redirect = try await mock.client.send(HTTPRequest(.get, url))
            let callback = try #require(
                AuthorizationCallback(redirectURL: (redirect.header("Location") ?? "") + "&state=s"))
            let tokens = try await mock.oauth.exchange(code: callback.code, codeVerifier: Secret("abc"))
            #expect(!tokens.accessToken.revealed.isEmpty)
        }
    }

    @Test("by default the mock listens on 127.0.0.1 only, per the kernel's socket table")
    func loopbackOnly() async throws {
        try await MockZoomHarness.with { mock in
            let port = try #require(Int(mock.server.baseURL.split(separator: ":").last ?? ""))
            #expect(ListeningSockets.addresses(port: port) == ["127.0.0.1"])
        }
    }

    @Test("a port already taken is an error from start, not a hang")
    func portTaken() async throws {
        try await MockZoomHarness.with { mock in
            let port = try #require(Int(mock.server.baseURL.split(separator: ":").last ?? ""))
            let second = MockZoomServer()
            await #expect(throws: LoopbackServerError.self) { try await second.start(port: port) }
        }
    }

    @Test("a code exchanged without its code_verifier is refused, and the code is used up")
    func missingVerifier() async throws {
        try await MockZoomHarness.with { mock in
            let request = mock.oauth.authorizationRequest()
            let redirect = try await mock.client.send(HTTPRequest(.get, request.url))
            let callback = try #require(AuthorizationCallback(redirectURL: redirect.header("Location") ?? ""))
            let form =
                "grant_type=authorization_code&code=\(callback.code.revealed)&redirect_uri="
                + mock.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let basic = Data("mock-client-id:\(RegisteredApp().clientSecret)".utf8).base64EncodedString()
            let answer = await mock.server.respond(
                method: "POST", path: "/oauth/token",
                headers: ["Authorization": "Basic \(basic)", "Content-Type": "application/x-www-form-urlencoded"],
                body: Array(form.utf8))
            #expect(answer.status == 400)
            let body = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: String]
            #expect(body == ["error": "invalid_grant", "reason": "Invalid code_verifier"])
            await #expect(throws: ZoomError.self) {
                try await mock.oauth.exchange(code: callback.code, codeVerifier: request.codeVerifier)
            }
        }
    }

    @Test("the consent page: Allow redirects with code and state, Decline with access_denied, a decision counts once")
    func consentPage() async throws {
        try await MockZoomHarness.with(MockZoomConfiguration(consent: .page)) { mock in
            for decision in ["allow", "decline"] {
                let request = mock.oauth.authorizationRequest()
                let page = try await mock.client.send(HTTPRequest(.get, request.url))
                #expect(page.status == 200)
                #expect(page.bodyText.contains(#"<button type="submit" name="decision" value="allow">Allow</button>"#))
                let consentID = try #require(
                    page.bodyText.firstMatch(of: /name="consent_id" value="([^"]+)"/).map { String($0.1) })
                let form = Array("consent_id=\(consentID)&decision=\(decision)".utf8)
                let headers = [("Content-Type", "application/x-www-form-urlencoded")]
                let answer = try await mock.client.send(
                    HTTPRequest(.post, mock.server.baseURL + "/oauth/authorize/consent", headers: headers, body: form))
                let location = try #require(answer.header("Location"))
                let query = Dictionary(
                    uniqueKeysWithValues: (URLComponents(string: location)?.queryItems ?? []).map {
                        ($0.name, $0.value)
                    })
                #expect(query["state"] == request.state)
                if decision == "allow" {
                    #expect(query["code"] != nil)
                } else {
                    #expect(query["error"] == "access_denied")
                    #expect(query["code"] == nil)
                }
                let replay = try await mock.client.send(
                    HTTPRequest(.post, mock.server.baseURL + "/oauth/authorize/consent", headers: headers, body: form))
                #expect(replay.status == 400)
            }
        }
    }

    @Test("faults over HTTP hit the matching requests the given number of times; the clock moves")
    func controls() async throws {
        try await MockZoomHarness.with { mock in
            let tokens = try await mock.connect()
            let add = try await mock.client.send(
                HTTPRequest(.post, mock.server.baseURL + "/_mock/faults?fault=503&method=GET&path=/v2/users&times=2"))
            #expect(add.status == 204)
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await mock.send(.get, "/v2/users/me", token: tokens.accessToken).status)
            }
            #expect(statuses == [503, 503, 200])
            let unknown = try await mock.client.send(
                HTTPRequest(.post, mock.server.baseURL + "/_mock/faults?fault=boom"))
            #expect(unknown.status == 400)
            let header = try await mock.send(
                .get, "/v2/users/me", token: tokens.accessToken, headers: [("X-Mock-Fault", "rate-limit=3")])
            #expect(header.status == 429)
            #expect(header.header("Retry-After") == "3")
            let before = mock.server.clock.now()
            _ = try await mock.client.send(
                HTTPRequest(.post, mock.server.baseURL + "/_mock/clock/advance?seconds=3600"))
            #expect(mock.server.clock.now().timeIntervalSince(before) >= 3600)
            let expired = try await mock.send(.get, "/v2/users/me", token: tokens.accessToken)
            #expect(try mock.json(expired)["message"] as? String == "Access token is expired.")
        }
    }

    @Test("the journal lists method, path, time and token label, and never a token or secret")
    func journal() async throws {
        try await MockZoomHarness.with { mock in
            let tokens = try await mock.connect()
            _ = try await mock.send(.get, "/v2/users/me", token: tokens.accessToken)
            _ = try await mock.send(.get, "/v2/meetings/1", token: Secret("forged"))
            let entries = await mock.server.journal()
            #expect(entries.map(\.path) == ["/oauth/authorize", "/oauth/token", "/v2/users/me", "/v2/meetings/1"])
            #expect(entries.map(\.token) == [nil, nil, "access-1", "unknown"])
            #expect(entries.map(\.status) == [302, 200, 200, 401])
            let text = try await mock.client.send(HTTPRequest(.get, mock.server.baseURL + "/_mock/journal")).bodyText
            for secret in [tokens.accessToken.revealed, tokens.refreshToken.revealed, "mock-client-secret"] {
                #expect(!text.contains(secret))
            }
            await mock.server.clearJournal()
            #expect(await mock.server.journal().isEmpty)
        }
    }
}
