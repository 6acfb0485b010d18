import CurlHTTP
import Foundation
import MockZoom
import Testing
import ZoomAPI
import ZoomIntegration

/// The OAuth callback page under attack: what it shows is escaped, and a `state` works only in
/// the browser that started the flow (its cookie).
@Suite("OAuth callback page")
struct CallbackPageTests {
    static let script = "<script>alert(document.domain)</script>"

    /// A browser starts connecting `account`: the cookie it is given and the Zoom URL it is sent to.
    static func startInBrowser(_ fixture: IntegrationFixture, account: String) async throws -> (
        cookie: String, authorize: String
    ) {
        let start = try await CurlHTTPClient().send(
            HTTPRequest(.get, fixture.endpoints.baseURL + IntegrationEndpoints.startPath + "?account=\(account)"))
        #expect(start.status == 302)
        let setCookie = try #require(start.header("Set-Cookie"))
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
        return (String(setCookie.prefix { $0 != ";" }), try #require(start.header("Location")))
    }

    static func callback(_ fixture: IntegrationFixture, state: String, error: String, cookie: String?) async throws
        -> HTTPResponse
    {
        let query = "state=\(state)&error=\(error.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try await CurlHTTPClient().send(
            HTTPRequest(
                .get, fixture.endpoints.baseURL + IntegrationEndpoints.callbackPath + "?" + query,
                headers: cookie.map { [("Cookie", $0)] } ?? []))
    }

    @Test("a state started in the attacker's browser is refused in the victim's; nothing shown is unescaped")
    func hostileCallback() async throws {
        try await IntegrationFixture.with { fixture in
            let attacker = try await Self.startInBrowser(fixture, account: "acct")
            let state = try #require(
                URLComponents(string: attacker.authorize)?.queryItems?.first { $0.name == "state" }?.value)
            let victim = try await Self.callback(fixture, state: state, error: Self.script, cookie: nil)
            #expect(victim.status == 400)
            #expect(!victim.bodyText.contains("<script"), "\(victim.bodyText)")
            #expect(victim.bodyText.contains("started in another browser"))
            let own = try await Self.callback(fixture, state: state, error: Self.script, cookie: attacker.cookie)
            #expect(own.status == 400)
            #expect(!own.bodyText.contains("<script"), "\(own.bodyText)")
            #expect(own.bodyText.contains("&lt;script&gt;alert(document.domain)&lt;/script&gt;"))
            #expect(!(await fixture.integration.isConnected(accountID: "acct")))
        }
    }

    @Test("the browser that started the flow is connected through Zoom's consent")
    func ownBrowserConnects() async throws {
        try await IntegrationFixture.with { fixture in
            try await fixture.connect("acct")
            #expect(await fixture.integration.isConnected(accountID: "acct"))
        }
    }
}
