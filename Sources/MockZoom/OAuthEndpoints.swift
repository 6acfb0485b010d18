import Foundation

/// `/oauth/authorize`, `/oauth/token`, `/oauth/revoke`, with Zoom's checks and error bodies.
extension MockZoomEngine {
    func authorize(_ request: MockRequest) async -> MockResponse {
        let query = request.query
        guard query["client_id"] == configuration.app.clientID else {
            return Self.authorizeErrorPage(4702, "Invalid client_id: \(query["client_id"] ?? "")")
        }
        guard let redirect = query["redirect_uri"], configuration.app.redirectURIs.contains(redirect) else {
            return Self.authorizeErrorPage(4700, "Invalid redirect: \(query["redirect_uri"] ?? "")")
        }
        guard query["response_type"] == "code" else {
            return Self.authorizeErrorPage(4700, "Unsupported response_type: \(query["response_type"] ?? "")")
        }
        // Zoom takes `plain` (the default) and `S256`.
        if let method = query["code_challenge_method"], !["plain", "S256"].contains(method) {
            return Self.authorizeErrorPage(4700, "Invalid code_challenge_method: \(method)")
        }
        let wantsPage = configuration.consent == .page || request.headers["x-mock-consent"] == "page"
        guard !wantsPage else {
            let consentID = MockRandom.token(byteCount: 16)
            await store.setPendingConsent(consentID, query)
            return ConsentPage.render(consentID: consentID, appName: configuration.app.clientID)
        }
        return await approve(query)
    }

    /// The consent page's Allow or Decline.
    func consentDecision(_ request: MockRequest) async -> MockResponse {
        let fields = request.formFields
        guard let id = fields["consent_id"], let query = await store.takePendingConsent(id),
            let redirect = query["redirect_uri"]
        else { return Self.authorizeErrorPage(4700, "This consent request has expired.") }
        guard fields["decision"] == "allow" else {
            // Zoom's Decline behaviour is undocumented; the mock uses OAuth's standard answer.
            return .redirect(to: Self.appending(["error": "access_denied", "state": query["state"]], to: redirect))
        }
        return await approve(query)
    }

    private func approve(_ query: [String: String]) async -> MockResponse {
        let redirect = query["redirect_uri"] ?? ""
        let code = await store.issueCode(
            IssuedCode(
                clientID: configuration.app.clientID, redirectURI: redirect, challenge: query["code_challenge"],
                challengeMethod: query["code_challenge_method"] ?? "plain", userID: configuration.user.id,
                issuedAt: clock.now()))
        return .redirect(to: Self.appending(["code": code, "state": query["state"]], to: redirect))
    }

    func token(_ request: MockRequest) async -> MockResponse {
        guard let credentials = request.basicCredentials, credentials.id == configuration.app.clientID,
            credentials.secret == configuration.app.clientSecret
        else { return .oauthError("invalid_client", "Invalid client_id or client_secret") }
        let fields = request.formFields
        switch fields["grant_type"] {
        case "authorization_code": return await exchangeCode(fields)
        case "refresh_token": return await refresh(fields)
        default: return .oauthError("unsupported_grant_type", "unsupported grant type")
        }
    }

    private func exchangeCode(_ fields: [String: String]) async -> MockResponse {
        let value = fields["code"] ?? ""
        guard let code = await store.redeemCode(value) else {
            return .oauthError("invalid_request", "Invalid authorization code \(value)")
        }
        guard clock.now().timeIntervalSince(code.issuedAt) <= TimeInterval(configuration.codeLifetime) else {
            return .oauthError("invalid_request", "Code is expired")
        }
        guard fields["redirect_uri"] == code.redirectURI else {
            return .oauthError("invalid_request", "Redirect URI mismatch.")
        }
        if let verifier = fields["code_verifier"] { await store.sawCredential(verifier) }
        guard
            PKCEVerifier.matches(
                verifier: fields["code_verifier"], challenge: code.challenge, method: code.challengeMethod)
        else { return .oauthError("invalid_grant", "Invalid code_verifier") }
        let refreshExpiry = clock.now().addingTimeInterval(TimeInterval(configuration.refreshTokenLifetime))
        let grantID = await store.newGrant(
            userID: code.userID, clientID: code.clientID, refreshExpiresAt: refreshExpiry)
        return await tokenResponse(grantID: grantID)
    }

    private func refresh(_ fields: [String: String]) async -> MockResponse {
        guard let token = fields["refresh_token"],
            let grant = await store.grant(forRefreshToken: token, at: clock.now())
        else { return .oauthError("invalid_grant", "Invalid Token!") }
        return await tokenResponse(grantID: grant.id)
    }

    private func tokenResponse(grantID: Int) async -> MockResponse {
        let now = clock.now()
        let tokens = await store.issueTokens(
            grantID: grantID, accessExpiresAt: now.addingTimeInterval(TimeInterval(configuration.accessTokenLifetime)),
            refreshExpiresAt: now.addingTimeInterval(TimeInterval(configuration.refreshTokenLifetime)))
        return .json(
            200,
            [
                "access_token": tokens.access, "token_type": "bearer", "refresh_token": tokens.refresh,
                "expires_in": configuration.accessTokenLifetime - 1, "scope": configuration.app.scope,
                "api_url": base.value,
            ])
    }

    func revoke(_ request: MockRequest) async -> MockResponse {
        guard let credentials = request.basicCredentials, credentials.id == configuration.app.clientID,
            credentials.secret == configuration.app.clientSecret
        else { return .oauthError("invalid_client", "Invalid client_id or client_secret") }
        guard let token = request.formFields["token"], let grantID = await store.grantID(forAnyToken: token) else {
            return .oauthError("invalid_request", "Invalid Token!")
        }
        if await limits.revokeCall(token) <= configuration.revokeFailuresPerToken {
            return .apiError(503, code: 503, "Service Unavailable")
        }
        if !configuration.misbehaviours.contains(.revokeDoesNotRevoke) { await deauthorize(grantIDs: [grantID]) }
        return .json(200, ["status": "success"])
    }

    /// Kills the grants' tokens and tells the app, as both revoke and a Marketplace uninstall do.
    func deauthorize(grantIDs: [Int]) async {
        for id in grantIDs { await store.revokeGrant(id) }
        guard !grantIDs.isEmpty else { return }
        let user = configuration.user
        if let delivery = await webhooks.sendDeauthorization(userID: user.id, accountID: user.accountID) {
            await store.record(delivery)
        }
    }

    static func authorizeErrorPage(_ code: Int, _ message: String) -> MockResponse {
        .json(400, ["status": false, "errorCode": code, "errorMessage": message, "result": NSNull()])
    }

    static func appending(_ items: [String: String?], to url: String) -> String {
        var components = URLComponents(string: url)
        var query = components?.queryItems ?? []
        for (name, value) in items.sorted(by: { $0.key < $1.key }) {
            if let value { query.append(URLQueryItem(name: name, value: value)) }
        }
        components?.queryItems = query
        return components?.string ?? url
    }
}
