import Foundation
import HTTPTypes
import Hummingbird
import ZoomAPI

/// The product's screens on the integration's loopback server: sign in, Workspace, Business
/// Tools, Integrations with Zoom's "Set Up" (the real OAuth flow, state and PKCE, through
/// Zoom's consent page) and its Delete icon (the same disconnect as everywhere else). Every
/// form post carries the session's CSRF token.
extension IntegrationEndpoints {
    /// Form bodies are a few fields; anything larger is refused unread.
    static let maxFormBytes = 16 * 1024

    func registerScreens(on router: Router<BasicRequestContext>) {
        router.get(RouterPath(stringLiteral: ScreenPaths.signIn)) { _, _ -> Response in
            Self.page(.ok, ScreenPages.signIn())
        }
        router.post(RouterPath(stringLiteral: ScreenPaths.signIn)) { request, _ -> Response in
            let form = await Self.form(request)
            guard let user = self.user(named: form["username"], password: form["password"]) else {
                return Self.page(.unauthorized, ScreenPages.signIn(error: "The username or password is not right."))
            }
            let id = self.sessions.open(accountID: user.accountID)
            return Self.redirect(ScreenPaths.workspace, cookie: ScreenSessions.setCookie(id))
        }
        router.post(RouterPath(stringLiteral: ScreenPaths.signOut)) { request, _ -> Response in
            let id = Self.cookie(ScreenSessions.cookieName, in: request.headers[values: .cookie])
            if let session = self.sessions.session(id),
                ScreenSessions.same((await Self.form(request))["csrf"], session.csrfToken)
            {
                self.sessions.close(id)
            }
            return Self.redirect(ScreenPaths.signIn, cookie: ScreenSessions.clearCookie)
        }
        screen(router, ScreenPaths.workspace) { session, _ in
            ScreenPages.workspace(session, defects: self.screenDefects)
        }
        screen(router, ScreenPaths.businessTools) { session, _ in ScreenPages.businessTools(session) }
        screen(router, ScreenPaths.integrations) { session, integration in
            ScreenPages.integrations(
                session, connection: await integration.connection(accountID: session.accountID),
                defects: self.screenDefects)
        }
        router.post(RouterPath(stringLiteral: ScreenPaths.setUpZoom)) { request, _ -> Response in
            try await self.formPost(request) { session, integration in
                let binding = PKCE.randomURLSafe(byteCount: 32)
                let url = try await integration.startConnect(
                    accountID: session.accountID, browserBinding: Secret(binding))
                self.rememberAuthorizeURL(url, for: session.accountID)
                return Self.redirect(url.absoluteString, cookie: Self.bindingSetCookie(binding))
            }
        }
        router.post(RouterPath(stringLiteral: ScreenPaths.deleteZoom)) { request, _ -> Response in
            try await self.formPost(request) { session, integration in
                await integration.disconnect(accountID: session.accountID)
                return Self.redirect(ScreenPaths.integrations)
            }
        }
    }

    /// A page for signed-in browsers; others are sent to sign in.
    private func screen(
        _ router: Router<BasicRequestContext>, _ path: String,
        _ body: @escaping @Sendable (ScreenSessions.Session, ZoomIntegrationService) async -> String
    ) {
        router.get(RouterPath(stringLiteral: path)) { request, _ -> Response in
            let id = Self.cookie(ScreenSessions.cookieName, in: request.headers[values: .cookie])
            guard let session = self.sessions.session(id) else { return Self.redirect(ScreenPaths.signIn) }
            guard let integration = self.integration else {
                return Self.page(.serviceUnavailable, ScreenPages.problem("Not ready", "Try again in a moment."))
            }
            return Self.page(.ok, await body(session, integration))
        }
    }

    /// A form post from a signed-in browser with the session's CSRF token; 403 otherwise.
    private func formPost(
        _ request: Request,
        _ action: (ScreenSessions.Session, ZoomIntegrationService) async throws -> Response
    ) async throws -> Response {
        let id = Self.cookie(ScreenSessions.cookieName, in: request.headers[values: .cookie])
        guard let session = sessions.session(id) else { return Self.redirect(ScreenPaths.signIn) }
        guard ScreenSessions.same((await Self.form(request))["csrf"], session.csrfToken) else {
            return Self.page(
                .forbidden, ScreenPages.problem("Not allowed", "This form has expired: go back, reload and try again."))
        }
        guard let integration else {
            return Self.page(.serviceUnavailable, ScreenPages.problem("Not ready", "Try again in a moment."))
        }
        do {
            return try await action(session, integration)
        } catch {
            let connection = await integration.connection(accountID: session.accountID)
            return Self.page(
                .ok,
                ScreenPages.integrations(session, connection: connection, notice: "Zoom was not connected: \(error)"))
        }
    }

    private func user(named username: String?, password: String?) -> ProductUser? {
        let users = screenUsers.withLock { $0 }
        return users.first {
            ScreenSessions.same(username, $0.username) && ScreenSessions.same(password, $0.password.revealed)
        }
    }

    /// An `application/x-www-form-urlencoded` body as fields; empty when unreadable or too large.
    static func form(_ request: Request) async -> [String: String] {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: maxFormBytes) else { return [:] }
        return FormEncoding.decode(String(buffer: buffer))
    }

    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }

    static func page(_ status: HTTPResponse.Status, _ html: String) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                HTTPField.Name("Content-Security-Policy")!:
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' *; frame-ancestors 'none'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
