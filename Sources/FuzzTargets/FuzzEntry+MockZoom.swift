import Foundation
import MockZoom

extension FuzzEntry {
    private enum Route: CaseIterable {
        case authorize, consent, token, revoke, user, listMeetings, createMeeting, getMeeting, deleteMeeting
        case anyAPI, meetingPage

        /// Zoom's OAuth and API endpoints answer JSON; authorize, consent and `/j/` answer HTML.
        var answersJSON: Bool { ![.authorize, .consent, .meetingPage].contains(self) }
    }

    /// The mock's request handling without a socket: query strings, form and JSON bodies,
    /// Basic and Bearer credentials, `X-Mock-Fault`, and the meeting API's validation.
    ///
    /// Layout: route, auth, content type, fault (one byte each), then NUL-separated path
    /// argument and query string, then the body.
    public static func mockZoomRequest(_ bytes: [UInt8]) {
        let fixture = MockZoomFixture.shared
        var input = FuzzInput(bytes)
        let route = input.pick(Route.allCases)
        let auth = input.byte()
        let contentType = input.pick([
            nil, "application/x-www-form-urlencoded", "application/json", "application/json; charset=utf-8",
            "application/x-www-form-urlencoded; charset=UTF-8", "text/plain",
        ])
        // No `delay`: it sleeps on purpose, which is not a hang worth reporting.
        let fault = input.pick([
            nil, nil, nil, nil, "rate-limit", "rate-limit=7", "500", "503", "599", "drop", "created-response-lost",
            "expired-token", "revoked-token", "418", "rate-limit=x",
        ])
        let argument = input.text(until: 0)
        let query = parseQuery(input.text(until: 0), completedFor: route == .authorize ? fixture.app : nil)
        let body = input.rest()

        let (method, path) = target(route, argument)
        var headers: [String: String] = [:]
        if let authorization = authorization(auth, argument: argument, fixture: fixture) {
            headers["Authorization"] = authorization
        }
        if let contentType { headers["Content-Type"] = contentType }
        if let fault { headers["X-Mock-Fault"] = fault }
        if auth & 0x80 != 0 { headers["X-Mock-Consent"] = "page" }

        let server = fixture.server
        let request = headers
        BlockingWait.run {
            let answer = await server.respond(method: method, path: path, query: query, headers: request, body: body)
            invariant((100...599).contains(answer.status), "status \(answer.status) for \(method) \(path)")
            if route.answersJSON, !answer.body.isEmpty {
                invariant(
                    (try? JSONSerialization.jsonObject(with: Data(answer.body))) != nil,
                    "\(method) \(path) answered \(answer.status) with a body that is not JSON")
            }
            await server.clearJournal()
            let meetings = await server.meetingIDs()
            if meetings.count > 64, let token = fixture.accessToken {
                for id in meetings {
                    _ = await server.respond(
                        method: "DELETE", path: "/v2/meetings/\(id)", headers: ["Authorization": "Bearer \(token)"],
                        body: [])
                }
            }
        }
    }

    private static func target(_ route: Route, _ argument: String) -> (method: String, path: String) {
        switch route {
        case .authorize: ("GET", "/oauth/authorize")
        case .consent: ("POST", "/oauth/authorize/consent")
        case .token: ("POST", "/oauth/token")
        case .revoke: ("POST", "/oauth/revoke")
        case .user: ("GET", "/v2/users/me")
        case .listMeetings: ("GET", "/v2/users/me/meetings")
        case .createMeeting: ("POST", "/v2/users/me/meetings")
        case .getMeeting: ("GET", "/v2/meetings/\(argument)")
        case .deleteMeeting: ("DELETE", "/v2/meetings/\(argument)")
        case .anyAPI: (argument.hasPrefix("P") ? "POST" : argument.hasPrefix("D") ? "DELETE" : "GET", "/v2/\(argument)")
        case .meetingPage: ("GET", "/j/\(argument)")
        }
    }

    /// Bit 0x80 of `selector` is the consent flag; the rest picks a credential.
    private static func authorization(_ selector: UInt8, argument: String, fixture: MockZoomFixture) -> String? {
        let app = fixture.app
        switch Int(selector & 0x7F) % 8 {
        case 1: return "Basic " + Data("\(app.clientID):\(app.clientSecret)".utf8).base64EncodedString()
        case 2: return "Basic " + Data(argument.utf8).base64EncodedString()
        case 3: return "Basic \(argument)"
        case 4, 5: return fixture.accessToken.map { "Bearer \($0)" } ?? "Bearer missing"
        case 6: return "bEaReR \(argument)"
        case 7: return argument
        default: return nil
        }
    }

    /// `a=1&b=2` as the HTTP server hands it over: split, then percent-decoded. For authorize,
    /// the app's real client id, redirect and response type are filled in unless given, so
    /// inputs get past the first checks.
    private static func parseQuery(_ text: String, completedFor app: RegisteredApp?) -> [String: String] {
        var query: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            if let name = parts.first { query[name] = parts.count > 1 ? parts[1] : "" }
        }
        if let app {
            query["client_id"] = query["client_id"] ?? app.clientID
            query["redirect_uri"] = query["redirect_uri"] ?? app.redirectURIs[0]
            query["response_type"] = query["response_type"] ?? "code"
        }
        return query
    }
}
