import Foundation
import ZoomAPI
import ZoomIntegration

/// "Connecting Zoom" and the overview's promises about authorization.
enum ConnectChecks {
    static let all: [Check] = [
        Check("connect.secure-authorization") { check in
            let url = try await check.environment.connect("acct-secure")
            let query = CheckContext.query(url)
            try check.expectEqual(
                query["response_type"], "code", "Zoom's OAuth authorization-code flow is used",
                subject: "response_type")
            try check.expectEqual(
                query["code_challenge_method"], "S256", "the code is bound to this app by PKCE S256",
                subject: "code_challenge_method")
            let stateLength = query["state"]?.count ?? 0
            try check.expect(
                stateLength >= 32, "a random state protects the return",
                observed: "state: \(stateLength) characters", expected: "state: at least 32 characters")
            try await check.expectConnected("acct-secure", true, "Zoom is connected after authorizing")
            let forged = "\(check.integration.configuration.redirectURI)?code=stolen&state=forged"
            do {
                try await check.integration.completeConnect(redirectURL: forged)
                try check.fail(
                    "a return with a forged state is refused", observed: "the forged return was accepted",
                    expected: "refused: \(IntegrationError.unknownAuthorizationState)")
            } catch let error as IntegrationError {
                try check.expectEqual(
                    error, .unknownAuthorizationState, "a return with a forged state is refused", subject: "refused")
            }
            let booking = try await check.confirmedBooking("acct-secure")
            try await check.expectMeeting(booking, true, "meeting links are then created for bookings automatically")
        },
        Check("connect.no-software-installed") { check in
            try await check.connected("acct-nosoftware")
            try check.expectEqual(
                await check.operations("acct-nosoftware"), ["oauth.exchange", "users.me"],
                "connecting only exchanges the code and reads who consented", subject: "the integration's Zoom calls")
            if let journal = await check.environment.apiCalls(since: .distantPast) {
                try check.expectEqual(
                    journal.map { "\($0.method) \($0.path)" }, ["GET /v2/users/me"],
                    "nothing is written to the Zoom account while connecting", subject: "API requests Zoom received")
            }
        },
        Check("connect.no-zoom-app-required") { check in
            let url = try await check.environment.connect("acct-noapp")
            let oauthBase = check.integration.configuration.oauthBaseURL
            try check.expect(
                url.absoluteString.hasPrefix(oauthBase + "/oauth/authorize?"),
                "connecting goes through Zoom's authorization page",
                observed: "the user is sent to \(url.absoluteString)",
                expected: "the user is sent to \(oauthBase)/oauth/authorize")
            let connection = await check.integration.connection(accountID: "acct-noapp")
            let encoded = try JSONEncoder().encode(connection)
            let keys = (try JSONSerialization.jsonObject(with: encoded) as? [String: Any]).map { Set($0.keys) }
            try check.expectEqual(
                keys, ["accountID", "zoomUserID", "tokens"], "what is kept is the OAuth grant, nothing installed",
                subject: "what is stored for the connection")
        },
        Check("connect.redirect-to-zoom") { check in
            let url = try await check.integration.startConnect(accountID: "acct-redirect")
            let configuration = check.integration.configuration
            let query = CheckContext.query(url)
            try check.expect(
                url.absoluteString.hasPrefix(configuration.oauthBaseURL + "/oauth/authorize"),
                "the user is sent to Zoom's authorize page", observed: "the user is sent to \(url.absoluteString)",
                expected: "the user is sent to \(configuration.oauthBaseURL)/oauth/authorize")
            try check.expectEqual(
                query["client_id"], configuration.clientID, "the authorization names valhallgames.net's app",
                subject: "client_id")
            try check.expectEqual(
                query["redirect_uri"], configuration.redirectURI, "Zoom is told where to send the user back",
                subject: "redirect_uri")
        },
        Check("connect.returned-connected") { check in
            try await check.expectConnected("acct-return", false, "not connected before authorizing")
            try await check.environment.connect("acct-return")
            try await check.expectConnected("acct-return", true, "back from Zoom, Zoom shows as connected")
            let url = try await check.integration.startConnect(accountID: "acct-declined")
            let state = CheckContext.query(url)["state"] ?? ""
            let declined = "\(check.integration.configuration.redirectURI)?error=access_denied&state=\(state)"
            _ = try? await check.integration.completeConnect(redirectURL: declined)
            try await check.expectConnected("acct-declined", false, "without authorization Zoom is not connected")
        },
    ]
}
