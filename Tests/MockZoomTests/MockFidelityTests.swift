import CurlHTTP
import Foundation
import MockZoom
import Testing
import ZoomAPI

/// The mock answers hostile and odd requests as Zoom would: a clear error, never a crash, a
/// double decoding or a broken clock; and logs never carry a code inside Zoom's error texts.
@Suite("Mock Zoom: hostile requests and fidelity")
struct MockFidelityTests {
    @Test("a 10 MB token request gets 413 with a JSON body")
    func oversizedBody() async throws {
        try await MockZoomHarness.with { mock in
            let body = Array(repeating: UInt8(ascii: "a"), count: 10 << 20)
            let response = try await mock.client.send(
                HTTPRequest(
                    .post, mock.server.baseURL + "/oauth/token",
                    headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body))
            #expect(response.status == 413)
            #expect(try mock.json(response)["error"] as? String == "request_too_large")
        }
    }

    @Test("query values are decoded once: a state of a%41b comes back as a%41b")
    func decodedOnce() async throws {
        try await MockZoomHarness.with { mock in
            let redirect = mock.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = try await mock.client.send(
                HTTPRequest(
                    .get,
                    mock.server.baseURL + "/oauth/authorize?response_type=code&client_id=mock-client-id"
                        + "&redirect_uri=\(redirect)&state=a%2541b"))
            let location = try #require(response.header("Location"))
            let state = URLComponents(string: location)?.queryItems?.first { $0.name == "state" }?.value
            #expect(state == "a%41b")
            let doubled = redirect.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let twice = try await mock.client.send(
                HTTPRequest(
                    .get,
                    mock.server.baseURL + "/oauth/authorize?response_type=code&client_id=mock-client-id"
                        + "&redirect_uri=\(doubled)"))
            #expect(twice.status == 400, "a double-encoded redirect_uri is not on the allow list")
        }
    }

    @Test("authorize refuses a code_challenge_method other than plain or S256")
    func challengeMethods() async throws {
        try await MockZoomHarness.with { mock in
            let redirect = mock.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = try await mock.client.send(
                HTTPRequest(
                    .get,
                    mock.server.baseURL + "/oauth/authorize?response_type=code&client_id=mock-client-id"
                        + "&redirect_uri=\(redirect)&code_challenge=abc&code_challenge_method=S512"))
            #expect(response.status == 400)
            #expect(response.header("Location") == nil)
            #expect(try mock.json(response)["errorMessage"] as? String == "Invalid code_challenge_method: S512")
        }
    }

    @Test("the consent page escapes the app's name")
    func consentPageEscapes() async throws {
        let hostile = "<script>alert(1)</script>"
        try await MockZoomHarness.with(MockZoomConfiguration(app: RegisteredApp(clientID: hostile), consent: .page)) {
            mock in
            let redirect = mock.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let client = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let page = try await mock.client.send(
                HTTPRequest(
                    .get,
                    mock.server.baseURL
                        + "/oauth/authorize?response_type=code&client_id=\(client)&redirect_uri=\(redirect)"))
            #expect(page.status == 200)
            #expect(!page.bodyText.contains(hostile))
            #expect(page.bodyText.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("the clock refuses a step that is not a finite number and keeps working")
    func clockSteps() async throws {
        try await MockZoomHarness.with { mock in
            for step in ["nan", "inf", "-inf", "1e400"] {
                let response = try await mock.send(.post, "/_mock/clock/advance?seconds=\(step)")
                #expect(response.status == 400, "\(step)")
            }
            let fine = try await mock.send(.post, "/_mock/clock/advance?seconds=60")
            #expect(fine.status == 200)
            _ = try await mock.connect()
        }
    }

    @Test("codes and tokens inside Zoom's reason and message texts are redacted in logged bodies")
    func redactedErrorTexts() {
        let code = "dOd-l0pXq9Zr7Tk2Wm4Yv8Bn"
        let body = #"{"reason":"Invalid authorization code \#(code)","error":"invalid_request"}"#
        #expect(!Redaction.body(Array(body.utf8)).contains(code))
        let message = #"{"code":124,"message":"Invalid access token: eyJhbGciOiJIUzUxMiJ9.eyJ2ZXIiOjl9.abc"}"#
        #expect(!Redaction.body(Array(message.utf8)).contains("eyJhbGciOiJIUzUxMiJ9"))
        let plain = #"{"code":3001,"message":"Meeting does not exist: 85746392011."}"#
        #expect(Redaction.body(Array(plain.utf8)).contains("Meeting does not exist: 85746392011."))
    }
}
