import CurlHTTP
import Foundation
import MockZoom
import Testing
import ZoomAPI

@Suite("Zoom OAuth over libcurl against Mock Zoom")
struct ZoomOAuthTests {
    @Test("the authorize URL carries response_type, client_id, redirect_uri, state and an S256 challenge")
    func authorizeURL() throws {
        let configuration = ZoomConfiguration(
            clientID: "abc", clientSecret: Secret("s"), redirectURI: "https://app.example/cb?x=1")
        let request = ZoomOAuthClient(configuration: configuration).authorizationRequest()
        let items = try #require(URLComponents(string: request.url)?.queryItems)
        let query = Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.value ?? "") })
        #expect(request.url.hasPrefix("https://zoom.us/oauth/authorize?"))
        #expect(query["response_type"] == "code")
        #expect(query["client_id"] == "abc")
        #expect(query["redirect_uri"] == "https://app.example/cb?x=1")
        #expect(query["state"] == request.state)
        #expect(query["code_challenge_method"] == "S256")
        #expect(query["code_challenge"] == PKCE.challenge(for: request.codeVerifier))
        #expect(query["scope"] == nil)
        #expect(request.codeVerifier.revealed.count == 86)
        #expect(ZoomOAuthClient(configuration: configuration).authorizationRequest().state != request.state)
    }

    @Test("PKCE S256 matches RFC 7636's known answer")
    func pkceKnownAnswer() {
        #expect(
            PKCE.challenge(for: Secret("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test("the full code flow: consent, state echoed, code exchanged with PKCE, tokens as Zoom shapes them")
    func codeFlow() async throws {
        try await Test.withZoom { zoom in
            let start = zoom.server.clock.now()
            let tokens = try await zoom.connect()
            let end = zoom.server.clock.now()
            #expect(
                tokens.expiresAt >= start.addingTimeInterval(3599) && tokens.expiresAt <= end.addingTimeInterval(3599))
            #expect(tokens.scope.split(separator: " ").contains("meeting:write:meeting"))
            #expect(tokens.apiURL == zoom.server.baseURL)
            let user = try await zoom.meetings(tokens).currentUser(accessToken: tokens.accessToken)
            #expect(user.id == MockUser().id)
            #expect(user.email == "host@example.com")
        }
    }

    @Test("a code is single-use, expires after 5 minutes, and needs the right verifier and redirect")
    func codeChecks() async throws {
        try await Test.withZoom { zoom in
            let request = zoom.oauth.authorizationRequest()
            let callback = try #require(AuthorizationCallback(redirectURL: try await zoom.consent(request)))
            let wrongVerifier = try await #require(throws: ZoomError.self) {
                try await zoom.oauth.exchange(code: callback.code, codeVerifier: PKCE.makeVerifier())
            }
            #expect(wrongVerifier.kind == .oauth(error: "invalid_grant", reason: "Invalid code_verifier"))
            // The failed attempt used the code up, as Zoom does.
            let reused = try await #require(throws: ZoomError.self) {
                try await zoom.oauth.exchange(code: callback.code, codeVerifier: request.codeVerifier)
            }
            #expect(reused.status == 400)
            #expect(reused.kind == .oauth(error: "invalid_request", reason: "Invalid authorization code ‹redacted›"))
            #expect(!reused.description.contains(callback.code.revealed))

            let late = zoom.oauth.authorizationRequest()
            let lateCallback = try #require(AuthorizationCallback(redirectURL: try await zoom.consent(late)))
            zoom.server.clock.advance(by: 301)
            let expired = try await #require(throws: ZoomError.self) {
                try await zoom.oauth.exchange(code: lateCallback.code, codeVerifier: late.codeVerifier)
            }
            #expect(expired.kind == .oauth(error: "invalid_request", reason: "Code is expired"))
        }
    }

    @Test("wrong client secret is invalid_client; an unknown redirect is refused before any consent")
    func clientChecks() async throws {
        try await Test.withZoom { zoom in
            var configuration = zoom.configuration
            configuration.clientSecret = Secret("not-the-secret")
            let bad = ZoomOAuthClient(configuration: configuration)
            let error = try await #require(throws: ZoomError.self) {
                try await bad.exchange(code: Secret("x"), codeVerifier: Secret("y"))
            }
            #expect(error.kind == .oauth(error: "invalid_client", reason: "Invalid client_id or client_secret"))
            #expect(!error.description.contains("not-the-secret"))

            configuration = zoom.configuration
            configuration.redirectURI = "https://evil.example/cb"
            let request = ZoomOAuthClient(configuration: configuration).authorizationRequest()
            let response = try await CurlHTTPClient().send(HTTPRequest(.get, request.url))
            #expect(response.status == 400)
            #expect(response.header("Location") == nil)
            #expect(response.bodyText.contains(#""errorCode":4700"#))
        }
    }

    @Test("refresh rotates: the new refresh token works, the old one is refused with invalid_grant")
    func refreshRotation() async throws {
        try await Test.withZoom { zoom in
            let first = try await zoom.connect()
            let second = try await zoom.oauth.refresh(first.refreshToken)
            #expect(second.refreshToken != first.refreshToken)
            #expect(second.accessToken != first.accessToken)
            let stale = try await #require(throws: ZoomError.self) { try await zoom.oauth.refresh(first.refreshToken) }
            #expect(stale.kind == .oauth(error: "invalid_grant", reason: "Invalid Token!"))
            let third = try await zoom.oauth.refresh(second.refreshToken)
            _ = try await zoom.meetings(third).currentUser(accessToken: third.accessToken)
        }
    }

    @Test("a session refreshes an expired token once, keeps the newest tokens, and shares concurrent refreshes")
    func sessionRotation() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            let rotations = RotationLog()
            let session = ZoomSession(tokens: tokens, oauth: zoom.oauth) { await rotations.add($0) }
            zoom.server.clock.advance(by: 3600)
            let whoAmI: @Sendable (ZoomMeetingsClient, Secret) async throws(ZoomError) -> ZoomUser = {
                (client, token) async throws(ZoomError) -> ZoomUser in
                try await client.currentUser(accessToken: token)
            }
            async let one = session.withMeetingsClient(whoAmI)
            async let two = session.withMeetingsClient(whoAmI)
            _ = try await (one, two)
            let newest = await session.tokens
            #expect(await rotations.count == 1)
            #expect(newest.refreshToken != tokens.refreshToken)
            #expect(await rotations.last == newest)
            let tokenCalls = await zoom.server.journal().filter { $0.path == "/oauth/token" }
            #expect(tokenCalls.count == 2)
        }
    }

    @Test("revoke kills access and refresh tokens: the API answers 401 code 124, refresh is refused")
    func revoke() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            try await zoom.oauth.revoke(tokens.accessToken)
            let api = try await #require(throws: ZoomError.self) {
                try await zoom.meetings(tokens).currentUser(accessToken: tokens.accessToken)
            }
            #expect(api.status == 401)
            #expect(api.kind == .api(code: 124, message: "Invalid access token."))
            #expect(api.isInvalidToken && !api.isExpiredToken)
            let refresh = try await #require(throws: ZoomError.self) {
                try await zoom.oauth.refresh(tokens.refreshToken)
            }
            #expect(refresh.kind == .oauth(error: "invalid_grant", reason: "Invalid Token!"))
        }
    }

    @Test("authorizing again invalidates the earlier tokens")
    func reauthorization() async throws {
        try await Test.withZoom { zoom in
            let first = try await zoom.connect()
            _ = try await zoom.connect()
            let error = try await #require(throws: ZoomError.self) {
                try await zoom.meetings(first).currentUser(accessToken: first.accessToken)
            }
            #expect(error.isInvalidToken)
        }
    }

    @Test("no secret appears in descriptions of tokens, requests, callbacks or configuration")
    func secretsStayHidden() async throws {
        try await Test.withZoom { zoom in
            let request = zoom.oauth.authorizationRequest()
            let callback = try #require(AuthorizationCallback(redirectURL: try await zoom.consent(request)))
            let tokens = try await zoom.oauth.exchange(code: callback.code, codeVerifier: request.codeVerifier)
            let texts = [
                "\(tokens)", String(reflecting: tokens.accessToken), "\(request)", "\(callback)",
                "\(zoom.configuration)",
                String(reflecting: zoom.configuration),
            ]
            let secrets = [
                tokens.accessToken.revealed, tokens.refreshToken.revealed, callback.code.revealed,
                request.codeVerifier.revealed, "mock-client-secret",
            ]
            for text in texts {
                for secret in secrets { #expect(!text.contains(secret), "leaked in: \(text)") }
            }
        }
    }
}

/// Token sets a session reported, in order.
actor RotationLog {
    private var sets: [TokenSet] = []
    func add(_ tokens: TokenSet) { sets.append(tokens) }
    var count: Int { sets.count }
    var last: TokenSet? { sets.last }
}
