import Foundation
import ZoomAPI

/// A request as the mock's logic sees it, free of the HTTP server's types.
struct MockRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    /// Lower-cased names.
    var headers: [String: String]
    var body: [UInt8]

    /// Form fields from the query string and an `x-www-form-urlencoded` body (Zoom takes both).
    var formFields: [String: String] {
        var fields = query
        if headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
            fields.merge(FormEncoding.decode(String(decoding: body, as: UTF8.self))) { $1 }
        }
        return fields
    }

    var bearerToken: String? {
        guard let value = headers["authorization"], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst("bearer ".count))
    }

    /// `client_id:client_secret` from HTTP Basic auth.
    var basicCredentials: (id: String, secret: String)? {
        guard let value = headers["authorization"], value.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(value.dropFirst("basic ".count))),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

/// What the mock answers, or that it hangs up.
struct MockResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// Close the connection instead of completing the response.
    var dropConnection = false

    static func json(_ status: Int, _ object: [String: Any], headers: [(String, String)] = []) -> MockResponse {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return MockResponse(
            status: status, headers: [("Content-Type", "application/json;charset=UTF-8")] + headers, body: Array(data))
    }

    /// Zoom's API error shape: `{"code": ..., "message": ...}`.
    static func apiError(_ status: Int, code: Int, _ message: String, headers: [(String, String)] = []) -> MockResponse
    {
        json(status, ["code": code, "message": message], headers: headers)
    }

    /// Zoom's OAuth error shape: `{"reason": ..., "error": ...}`, always 400.
    static func oauthError(_ error: String, _ reason: String) -> MockResponse {
        json(400, ["reason": reason, "error": error])
    }

    static func html(_ status: Int, _ html: String) -> MockResponse {
        MockResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
    }

    static func redirect(to location: String) -> MockResponse {
        MockResponse(status: 302, headers: [("Location", location)])
    }

    static let drop = MockResponse(status: 200, dropConnection: true)
}
