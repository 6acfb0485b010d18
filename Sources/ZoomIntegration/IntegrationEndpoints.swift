import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LoopbackHTTP
import Synchronization
import ZoomAPI

/// The product's two Zoom URLs, served on 127.0.0.1: the OAuth redirect target
/// (`/integrations/zoom/callback`) and the webhook endpoint (`/integrations/zoom/webhook`).
public final class IntegrationEndpoints: Sendable {
    public static let callbackPath = "/integrations/zoom/callback"
    public static let webhookPath = "/integrations/zoom/webhook"
    /// Where a browser starts connecting (`?account=ID`): it gets the flow's cookie, then Zoom.
    public static let startPath = "/integrations/zoom/start"
    /// The cookie that ties a flow's `state` to the browser that started it.
    static let bindingCookie = "zoom_connect"

    private let server = Mutex<LoopbackServer?>(nil)
    private let attached = Mutex<ZoomIntegrationService?>(nil)
    /// The Zoom authorize URL each account's browser was last sent to (verify reads it).
    private let authorizeURLs = Mutex<[String: URL]>([:])
    /// Who may sign in to the product's screens (none: the screens answer nothing but sign-in).
    let screenUsers = Mutex<[ProductUser]>([])
    let sessions = ScreenSessions()
    let screenDefects: ScreenDefects

    /// - Parameter screenDefects: breakages of the screens, for verify's tests; none by default.
    public init(screenDefects: ScreenDefects = []) {
        self.screenDefects = screenDefects
    }

    /// Lets `users` sign in to the product's screens (`/login`, `/workspace`, …).
    public func allowSignIn(_ users: [ProductUser]) {
        screenUsers.withLock { $0 = users }
    }

    var integration: ZoomIntegrationService? { attached.withLock { $0 } }

    func rememberAuthorizeURL(_ url: URL, for account: String) {
        authorizeURLs.withLock { $0[account] = url }
    }

    static func bindingSetCookie(_ binding: String) -> String {
        "\(bindingCookie)=\(binding); Path=/integrations/zoom; Max-Age=600; HttpOnly; SameSite=Lax"
    }

    /// `http://127.0.0.1:PORT` once started.
    public var baseURL: String { server.withLock { $0?.baseURL ?? "" } }

    /// Routes requests to `integration` from now on; until then they get 503.
    public func attach(_ integration: ZoomIntegrationService) {
        attached.withLock { $0 = integration }
    }

    /// Zoom's event notifications are a few hundred bytes; anything past this is refused unread.
    public static let maxWebhookBytes = 64 * 1024

    /// Binds 127.0.0.1:`port` (0 picks one) and serves until `stop()`.
    public func start(port: Int = 0) async throws {
        let router = Router()
        router.get(RouterPath(stringLiteral: Self.startPath)) { request, _ -> Response in
            guard let integration = self.attached.withLock({ $0 }) else { return Self.html(.serviceUnavailable, "") }
            guard let account = request.uri.queryParameters.get("account"), !account.isEmpty else {
                return Self.html(.badRequest, "<h1>Zoom was not connected</h1><p>No account to connect.</p>")
            }
            let binding = PKCE.randomURLSafe(byteCount: 32)
            do {
                let url = try await integration.startConnect(accountID: account, browserBinding: Secret(binding))
                self.authorizeURLs.withLock { $0[account] = url }
                return Response(
                    status: .found,
                    headers: [
                        .location: url.absoluteString,
                        .setCookie: Self.bindingSetCookie(binding),
                        .cacheControl: "no-store",
                    ])
            } catch {
                return Self.html(
                    .internalServerError, "<h1>Zoom was not connected</h1><p>\(HTMLText.escape("\(error)"))</p>")
            }
        }
        router.get(RouterPath(stringLiteral: Self.callbackPath)) { request, _ -> Response in
            guard let integration = self.attached.withLock({ $0 }) else { return Self.html(.serviceUnavailable, "") }
            let redirect = "http://127.0.0.1\(request.uri.string)"
            // A browser without the flow's cookie binds to nothing: no flow completes for it.
            let binding = Self.cookie(Self.bindingCookie, in: request.headers[values: .cookie]) ?? ""
            do {
                try await integration.completeConnect(redirectURL: redirect, browserBinding: Secret(binding))
                // A signed-in browser returns to Integrations, showing Zoom connected.
                let session = Self.cookie(ScreenSessions.cookieName, in: request.headers[values: .cookie])
                if self.sessions.session(session) != nil { return Self.redirect(ScreenPaths.integrations) }
                return Self.html(.ok, "<h1>Zoom connected</h1><p>You can close this window.</p>")
            } catch {
                return Self.html(.badRequest, "<h1>Zoom was not connected</h1><p>\(HTMLText.escape("\(error)"))</p>")
            }
        }
        router.post(RouterPath(stringLiteral: Self.webhookPath)) { request, _ -> Response in
            guard let integration = self.attached.withLock({ $0 }) else { return Self.html(.serviceUnavailable, "") }
            var request = request
            guard let buffer = try? await request.collectBody(upTo: Self.maxWebhookBytes) else {
                return Response(
                    status: .contentTooLarge, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"error":"body too large"}"#)))
            }
            let body = String(buffer: buffer)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let answer = await integration.handleWebhook(headers: headers, body: body)
            return Response(
                status: HTTPResponse.Status(code: answer.status), headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
        }
        registerScreens(on: router)
        let running = try await LoopbackServer.start(
            router.buildResponder(), port: port, logger: LoopbackServer.quietLogger("IntegrationEndpoints"))
        server.withLock { $0 = running }
    }

    public func stop() async {
        await server.withLock { running in
            defer { running = nil }
            return running
        }?.stop()
    }

    /// The Zoom authorize URL the browser connecting `account` was last sent to.
    public func authorizeURL(for account: String) -> URL? {
        authorizeURLs.withLock { $0[account] }
    }

    /// A cookie's value from `Cookie` header lines (`a=1; b=2`).
    static func cookie(_ name: String, in lines: [String]) -> String? {
        for pair in lines.flatMap({ $0.split(separator: ";") }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == name { return parts[1] }
        }
        return nil
    }

    private static func html(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "<!DOCTYPE html><title>Zoom</title>\(body)")))
    }
}
