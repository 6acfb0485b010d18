import CurlHTTP
import Foundation
import Testing
import ZoomAPI

@testable import ZoomIntegration

/// The product's screens as the article walks through them, over HTTP as a browser without
/// JavaScript would use them: sign in, Workspace, Business Tools, Integrations, Set Up through
/// Zoom's consent, back with Zoom connected, Delete.
@Suite("Product screens")
struct ProductScreensTests {
    /// A browser's cookies, kept as `Set-Cookie` gives them.
    final class Browser: @unchecked Sendable {
        var cookies: [String: String] = [:]
        let base: String
        init(base: String) { self.base = base }

        func send(_ method: HTTPRequest.Method, _ url: String, form: [String: String]? = nil) async throws
            -> HTTPResponse
        {
            var headers: [(name: String, value: String)] = []
            if !cookies.isEmpty {
                headers.append(
                    ("Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: "; ")))
            }
            var body: [UInt8]?
            if let form {
                headers.append(("Content-Type", "application/x-www-form-urlencoded"))
                body = Array(
                    form.sorted { $0.key < $1.key }.map {
                        "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    }.joined(separator: "&").utf8)
            }
            let target = url.hasPrefix("http") ? url : base + url
            let response = try await CurlHTTPClient().send(HTTPRequest(method, target, headers: headers, body: body))
            for header in response.headers where header.name.lowercased() == "set-cookie" {
                let pair = header.value.prefix { $0 != ";" }.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
            }
            return response
        }

        func csrf(on page: HTTPResponse) throws -> String {
            let match = try #require(page.bodyText.firstMatch(of: /name="csrf" value="([^"]+)"/))
            return String(match.1)
        }
    }

    static let user = ProductUser(username: "ada", password: Secret("correct horse"), accountID: "acct-ada")

    @Test("sign in, find Integrations, Set Up through Zoom's consent, come back connected, Delete")
    func walkThrough() async throws {
        try await IntegrationFixture.with { fixture in
            fixture.endpoints.allowSignIn([Self.user])
            let browser = Browser(base: fixture.endpoints.baseURL)
            let away = try await browser.send(.get, ScreenPaths.workspace)
            #expect(away.status == 303 && away.header("Location") == ScreenPaths.signIn)
            let wrong = try await browser.send(.post, ScreenPaths.signIn, form: ["username": "ada", "password": "no"])
            #expect(wrong.status == 401 && wrong.bodyText.contains("not right"))
            #expect(browser.cookies.isEmpty)
            let signedIn = try await browser.send(
                .post, ScreenPaths.signIn, form: ["username": "ada", "password": "correct horse"])
            #expect(signedIn.status == 303 && signedIn.header("Location") == ScreenPaths.workspace)
            let setCookie = try #require(signedIn.header("Set-Cookie"))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))

            let workspace = try await browser.send(.get, ScreenPaths.workspace)
            #expect(workspace.bodyText.contains(#"aria-label="Business Tools""#))
            let tools = try await browser.send(.get, ScreenPaths.businessTools)
            #expect(tools.bodyText.contains(#"<a href="\#(ScreenPaths.integrations)">Integrations</a>"#))
            let integrations = try await browser.send(.get, ScreenPaths.integrations)
            #expect(
                integrations.bodyText.contains("Not connected") && integrations.bodyText.contains(">Set Up</button>"))

            let forged = try await browser.send(.post, ScreenPaths.setUpZoom, form: ["csrf": "guess"])
            #expect(forged.status == 403)
            let setUp = try await browser.send(
                .post, ScreenPaths.setUpZoom, form: ["csrf": try browser.csrf(on: integrations)])
            #expect(setUp.status == 303)
            let authorize = try #require(setUp.header("Location"))
            #expect(authorize.hasPrefix(fixture.server.baseURL) && authorize.contains("code_challenge="))
            let consent = try await browser.send(.get, authorize)
            let back = try await browser.send(.get, try #require(consent.header("Location")))
            #expect(back.status == 303 && back.header("Location") == ScreenPaths.integrations, "\(back.bodyText)")
            #expect(await fixture.integration.isConnected(accountID: "acct-ada"))
            let connected = try await browser.send(.get, ScreenPaths.integrations)
            let zoomUser = try #require(await fixture.integration.connection(accountID: "acct-ada")?.zoomUserID)
            #expect(connected.bodyText.contains("Connected") && connected.bodyText.contains(zoomUser))
            #expect(connected.bodyText.contains(#"aria-label="Delete""#))

            let deleted = try await browser.send(
                .post, ScreenPaths.deleteZoom, form: ["csrf": try browser.csrf(on: connected)])
            #expect(deleted.status == 303)
            #expect(!(await fixture.integration.isConnected(accountID: "acct-ada")))
        }
    }

    @Test("a post without the session's CSRF token changes nothing")
    func forgedDelete() async throws {
        try await IntegrationFixture.with { fixture in
            fixture.endpoints.allowSignIn([Self.user])
            try await fixture.connect("acct-ada")
            let browser = Browser(base: fixture.endpoints.baseURL)
            _ = try await browser.send(
                .post, ScreenPaths.signIn, form: ["username": "ada", "password": "correct horse"])
            for form in [[:], ["csrf": ""], ["csrf": String(repeating: "A", count: 43)]] {
                let forged = try await browser.send(.post, ScreenPaths.deleteZoom, form: form)
                #expect(forged.status == 403)
            }
            #expect(await fixture.integration.isConnected(accountID: "acct-ada"))
        }
    }

    @Test("names and messages from Zoom or the user are escaped on every screen")
    func hostileValuesEscaped() throws {
        let script = "<script>alert(1)</script>"
        let session = ScreenSessions.Session(accountID: "a", csrfToken: "\"><script>")
        let connection = ZoomConnection(
            accountID: "a", zoomUserID: script,
            tokens: TokenSet(
                accessToken: Secret("x"), refreshToken: Secret("y"), expiresAt: Date(), scope: "", apiURL: nil))
        for page in [
            ScreenPages.signIn(error: script), ScreenPages.workspace(session), ScreenPages.businessTools(session),
            ScreenPages.integrations(session, connection: connection, notice: script),
            ScreenPages.problem(script, script),
        ] {
            #expect(!page.contains("<script"), "\(page)")
        }
    }
}
