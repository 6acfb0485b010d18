import CurlHTTP
import Foundation
import MockZoom
import TestSupport
import Testing
import ZoomAPI

/// Every Meeting API body the mock sends validates against Zoom's published OpenAPI spec, and
/// OAuth bodies have the shapes quoted in the facts file.
@Suite("Mock Zoom conformance with Zoom's OpenAPI spec")
struct ConformanceTests {
    static let specURL = ZoomSpecFile.url
    /// Live extras Zoom returns on create that its spec omits (see zoom-api-facts.md §3.1).
    static let createExtras: Set<String> = ["uuid", "host_id", "status"]

    func spec() throws -> OpenAPISpec {
        try OpenAPISpec(contentsOf: Self.specURL)
    }

    @Test("POST /users/me/meetings 201, GET /meetings/{id} 200 and GET /users/me 200 match the spec")
    func meetingBodies() async throws {
        let spec = try spec()
        try await MockZoomHarness.with { mock in
            let tokens = try await mock.connect()
            let created = try await mock.send(
                .post, "/v2/users/me/meetings", token: tokens.accessToken,
                json: #"{"topic":"Booking 1","type":2,"start_time":"2026-12-01T10:00:00Z","duration":30,"agenda":"Hi"}"#
            )
            #expect(created.status == 201)
            let createdBody = try mock.json(created)
            let createSchema = try spec.responseSchema(path: "/users/{userId}/meetings", method: "post", status: 201)
            #expect(spec.validate(createdBody, against: createSchema, allowedExtraProperties: Self.createExtras) == [])

            let id = try #require(createdBody["id"] as? Int64)
            let fetched = try await mock.send(.get, "/v2/meetings/\(id)", token: tokens.accessToken)
            #expect(fetched.status == 200)
            let getSchema = try spec.responseSchema(path: "/meetings/{meetingId}", method: "get", status: 200)
            #expect(spec.validate(try mock.json(fetched), against: getSchema) == [])

            let list = try await mock.send(.get, "/v2/users/me/meetings?type=scheduled", token: tokens.accessToken)
            let listSchema = try spec.responseSchema(path: "/users/{userId}/meetings", method: "get", status: 200)
            #expect(spec.validate(try mock.json(list), against: listSchema) == [])
            #expect((try mock.json(list)["meetings"] as? [Any])?.count == 1)

            let user = try await mock.send(.get, "/v2/users/me", token: tokens.accessToken)
            let userSchema = try spec.responseSchema(path: "/users/{userId}", method: "get", status: 200)
            #expect(spec.validate(try mock.json(user), against: userSchema) == [])

            let deleted = try await mock.send(.delete, "/v2/meetings/\(id)", token: tokens.accessToken)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
        }
    }

    @Test("API errors are {code, message} with Zoom's statuses and codes")
    func apiErrors() async throws {
        try await MockZoomHarness.with { mock in
            let tokens = try await mock.connect()
            let cases: [(HTTPResponse, Int, Int, String)] = [
                (try await mock.send(.get, "/v2/users/me"), 401, 124, "Invalid access token."),
                (
                    try await mock.send(.get, "/v2/meetings/123", token: tokens.accessToken), 404, 3001,
                    "Meeting does not exist: 123."
                ),
                (
                    try await mock.send(.get, "/v2/users/someone@else.com", token: tokens.accessToken), 404, 1001,
                    "User does not exist: someone@else.com."
                ),
                (
                    try await mock.send(.post, "/v2/users/me/meetings", token: tokens.accessToken, json: "[1]"), 400,
                    300,
                    "Request Body should be a valid JSON object."
                ),
                (
                    try await mock.send(
                        .post, "/v2/users/me/meetings", token: tokens.accessToken, json: #"{"type":5}"#), 400, 300,
                    "Validation Failed."
                ),
            ]
            for (response, status, code, message) in cases {
                #expect(response.status == status)
                let body = try mock.json(response)
                #expect(body["code"] as? Int == code)
                #expect(body["message"] as? String == message)
            }
            let validation = try mock.json(cases[4].0)["errors"] as? [[String: String]]
            #expect(validation == [["field": "type", "message": "Invalid field."]])
        }
    }

    @Test("token, refresh and revoke bodies have Zoom's shapes")
    func oauthBodies() async throws {
        try await MockZoomHarness.with { mock in
            let request = mock.oauth.authorizationRequest()
            let redirect = try await mock.client.send(HTTPRequest(.get, request.url))
            let callback = try #require(AuthorizationCallback(redirectURL: redirect.header("Location") ?? ""))
            let basic = "Basic " + Data("mock-client-id:mock-client-secret".utf8).base64EncodedString()
            let form =
                "grant_type=authorization_code&code=\(callback.code.revealed)&redirect_uri="
                + mock.redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                + "&code_verifier=\(request.codeVerifier.revealed)"
            let token = try await mock.client.send(
                HTTPRequest(
                    .post, mock.server.baseURL + "/oauth/token",
                    headers: [("Authorization", basic), ("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array(form.utf8)))
            let body = try mock.json(token)
            #expect(
                Set(body.keys) == ["access_token", "token_type", "refresh_token", "expires_in", "scope", "api_url"])
            #expect(body["token_type"] as? String == "bearer")
            #expect(body["expires_in"] as? Int == 3599)
            #expect((body["scope"] as? String)?.contains(" ") == true)
            // Query-string parameters work too, as Zoom documents.
            let refreshToken = try #require(body["refresh_token"] as? String)
            let refreshed = try await mock.client.send(
                HTTPRequest(
                    .post, mock.server.baseURL + "/oauth/token?grant_type=refresh_token&refresh_token=\(refreshToken)",
                    headers: [("Authorization", basic)]))
            #expect(refreshed.status == 200)
            let access = try #require(try mock.json(refreshed)["access_token"] as? String)
            let revoked = try await mock.client.send(
                HTTPRequest(
                    .post, mock.server.baseURL + "/oauth/revoke",
                    headers: [("Authorization", basic), ("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array("token=\(access)".utf8)))
            #expect(revoked.bodyText == #"{"status":"success"}"#)
            let grant = try await mock.client.send(
                HTTPRequest(
                    .post, mock.server.baseURL + "/oauth/token?grant_type=client_credentials",
                    headers: [("Authorization", basic)]))
            #expect(grant.bodyText == #"{"error":"unsupported_grant_type","reason":"unsupported grant type"}"#)
        }
    }
}
