import CurlHTTP
import Foundation
import MockZoom
import Testing

/// The libcurl client over real loopback HTTP, against an in-process Mock Zoom.
@Suite("CurlHTTP client")
struct CurlHTTPClientTests {
    let client = CurlHTTPClient()

    func withMock<Result>(
        _ configuration: MockZoomConfiguration = MockZoomConfiguration(),
        _ body: (MockZoomServer) async throws -> Result
    ) async throws -> Result {
        let server = MockZoomServer(configuration: configuration)
        try await server.start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test("GET returns status, headers in order and the body")
    func get() async throws {
        try await withMock { server in
            let response = try await client.send(HTTPRequest(.get, server.baseURL + "/j/123"))
            #expect(response.status == 200)
            #expect(response.header("content-type") == "text/html; charset=utf-8")
            #expect(response.header("Content-Length") == String(response.body.count))
            #expect(response.bodyText.contains("<h1>Join meeting 123</h1>"))
        }
    }

    @Test("POST sends headers and a form body; a bodiless POST is still a POST")
    func post() async throws {
        try await withMock { server in
            let basic = "Basic " + Data("mock-client-id:mock-client-secret".utf8).base64EncodedString()
            let response = try client.perform(
                HTTPRequest(
                    .post, server.baseURL + "/oauth/token",
                    headers: [("Authorization", basic), ("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array("grant_type=password".utf8)))
            #expect(response.status == 400)
            #expect(response.bodyText == #"{"error":"unsupported_grant_type","reason":"unsupported grant type"}"#)
            let bodiless = try client.perform(HTTPRequest(.post, server.baseURL + "/oauth/token"))
            #expect(bodiless.bodyText.contains("invalid_client"))
            #expect(await server.journal().map(\.method) == ["POST", "POST"])
        }
    }

    @Test("DELETE and a JSON body reach the server with their method")
    func deleteMethod() async throws {
        try await withMock { server in
            let response = try await client.send(HTTPRequest(.delete, server.baseURL + "/v2/meetings/1"))
            #expect(response.status == 401)
            #expect(await server.journal().first?.method == "DELETE")
        }
    }

    @Test("redirects are not followed unless asked")
    func redirects() async throws {
        try await withMock { target in
            let app = RegisteredApp(redirectURIs: [target.baseURL + "/j/7"])
            try await withMock(MockZoomConfiguration(app: app)) { server in
                let authorize =
                    server.baseURL + "/oauth/authorize?response_type=code&client_id=mock-client-id&redirect_uri="
                    + (target.baseURL + "/j/7").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let unfollowed = try await client.send(HTTPRequest(.get, authorize))
                #expect(unfollowed.status == 302)
                #expect(unfollowed.header("Location")?.hasPrefix(target.baseURL + "/j/7?code=") == true)
                let followed = try await client.send(HTTPRequest(.get, authorize, followRedirects: true))
                #expect(followed.status == 200)
                #expect(followed.bodyText.contains("Join meeting 7"))
            }
        }
    }

    @Test("a response slower than the total timeout is a timeout error")
    func timeout() async throws {
        try await withMock { server in
            let request = HTTPRequest(
                .get, server.baseURL + "/v2/users/me?access_token=SECRET-IN-QUERY",
                headers: [("X-Mock-Fault", "delay=2000")],
                timeouts: Timeouts(connect: .seconds(2), total: .milliseconds(300)))
            let error = try #require(throws: CurlHTTPError.self) { try client.perform(request) }
            #expect(error.isTimeout)
            #expect(error.code == 28)
            #expect(error.url == server.baseURL + "/v2/users/me")
            #expect(!error.description.contains("SECRET"))
        }
    }

    @Test("a dropped connection is reported as dropped, not as a response")
    func dropped() async throws {
        try await withMock { server in
            let request = HTTPRequest(.get, server.baseURL + "/v2/users/me", headers: [("X-Mock-Fault", "drop")])
            let error = try await #require(throws: CurlHTTPError.self) { try await client.send(request) }
            #expect(error.isConnectionDropped, "\(error)")
        }
    }

    @Test("a refused connection names the URL without credentials, never the headers")
    func refused() throws {
        let request = HTTPRequest(
            .get, "http://user:pa55word@127.0.0.1:1/v2/users/me?code=abc#frag",
            headers: [("Authorization", "Bearer TOKEN-123")])
        let error = try #require(throws: CurlHTTPError.self) { try client.perform(request) }
        #expect(error.isConnectionRefused)
        #expect(error.url == "http://127.0.0.1:1/v2/users/me")
        for secret in ["pa55word", "TOKEN-123", "code=abc", "frag"] { #expect(!error.description.contains(secret)) }
        #expect(error.description.hasPrefix("GET http://127.0.0.1:1/v2/users/me: curl error 7: "))
    }

    @Test("only http and https are allowed")
    func protocols() {
        #expect(throws: CurlHTTPError.self) { try client.perform(HTTPRequest(.get, "file:///etc/passwd")) }
    }

    @Test("many concurrent async requests complete while the in-process server answers them")
    func concurrency() async throws {
        try await withMock { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<32 {
                    group.addTask { try await client.send(HTTPRequest(.get, server.baseURL + "/j/\(index)")).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 32))
        }
    }
}
