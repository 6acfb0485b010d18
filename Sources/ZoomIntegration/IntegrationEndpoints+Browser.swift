import CurlHTTP
import Foundation

extension IntegrationEndpoints {
    /// What a signed-in user's browser does on "Set Up" when Zoom consents at once (a mock, or
    /// a user who already allowed the app): start here, keep the cookie, follow Zoom's
    /// redirect back to the callback with it. Returns the Zoom authorize URL it went through.
    public func connectAsBrowser(account: String) async throws -> URL {
        let client = CurlHTTPClient()
        let encoded = account.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
        let start = try await client.send(HTTPRequest(.get, baseURL + Self.startPath + "?account=\(encoded)"))
        guard start.status == 302, let authorize = start.header("Location"), let url = URL(string: authorize),
            let cookie = start.header("Set-Cookie")?.prefix(while: { $0 != ";" })
        else { throw IntegrationError.storage("starting to connect answered \(start.status): \(start.bodyText)") }
        let consent = try await client.send(HTTPRequest(.get, authorize))
        guard let callback = consent.header("Location") else {
            throw IntegrationError.authorizationDenied("Zoom answered \(consent.status) without sending the user back")
        }
        let back = try await client.send(HTTPRequest(.get, callback, headers: [("Cookie", String(cookie))]))
        guard back.status == 200 else {
            throw IntegrationError.authorizationDenied("the callback answered \(back.status): \(back.bodyText)")
        }
        return url
    }
}
