import Foundation
import ZoomAPI
import ZoomIntegration

/// "Connecting Zoom" and the overview's promises about authorization.
enum ConnectChecks {
    static let all: [Check] = [
        Check("connect.secure-authorization") { check in
            let url = try await check.environment.connect("acct-secure")
            let query = CheckContext.query(url)
            try check.expectEqual(query["response_type"], "code", "Zoom's OAuth authorization-code flow is used")
            try check.expectEqual(query["code_challenge_method"], "S256", "the code is bound to this app by PKCE S256")
            try check.expect(
                (query["state"]?.count ?? 0) >= 32, "a random state protects the return",
                actual: "\(query["state"]?.count ?? 0) chars")
            try check.expect(
                await check.integration.isConnected(accountID: "acct-secure"), "Zoom is connected after authorizing")
            let forged = "\(check.integration.configuration.redirectURI)?code=stolen&state=forged"
            do {
                try await check.integration.completeConnect(redirectURL: forged)
                try check.expect(false, "a return with a forged state is refused", actual: "it was accepted")
            } catch let error as IntegrationError {
                try check.expectEqual(error, .unknownAuthorizationState, "a return with a forged state is refused")
            }
            let booking = try await check.confirmedBooking("acct-secure")
            try check.expect(
                booking.zoomMeeting != nil, "meeting links are then created for bookings automatically",
                actual: "no link")
        },
        Check("connect.no-software-installed") { check in
            try await check.connected("acct-nosoftware")
            let operations = await check.operations("acct-nosoftware")
            try check.expectEqual(
                operations, ["oauth.exchange", "users.me"], "connecting only exchanges the code and reads who consented"
            )
            if let journal = await check.environment.apiCalls(since: .distantPast) {
                let calls = journal.map { "\($0.method) \($0.path)" }
                try check.expectEqual(
                    calls, ["GET /v2/users/me"], "nothing is written to the Zoom account while connecting")
            }
        },
        Check("connect.no-zoom-app-required") { check in
            let url = try await check.environment.connect("acct-noapp")
            let oauthBase = check.integration.configuration.oauthBaseURL
            try check.expect(
                url.absoluteString.hasPrefix(oauthBase + "/oauth/authorize?"),
                "connecting goes through Zoom's authorization page", actual: url.absoluteString)
            let connection = await check.integration.connection(accountID: "acct-noapp")
            let encoded = try JSONEncoder().encode(connection)
            let keys = (try JSONSerialization.jsonObject(with: encoded) as? [String: Any]).map { Set($0.keys) }
            try check.expectEqual(
                keys, ["accountID", "zoomUserID", "tokens"], "what is kept is the OAuth grant, nothing installed")
        },
        Check("connect.redirect-to-zoom") { check in
            let url = try await check.integration.startConnect(accountID: "acct-redirect")
            let configuration = check.integration.configuration
            let query = CheckContext.query(url)
            try check.expect(
                url.absoluteString.hasPrefix(configuration.oauthBaseURL + "/oauth/authorize"),
                "the user is sent to Zoom's authorize page", actual: url.absoluteString)
            try check.expectEqual(
                query["client_id"], configuration.clientID, "the authorization names valhallgames.net's app")
            try check.expectEqual(
                query["redirect_uri"], configuration.redirectURI, "Zoom is told where to send the user back")
        },
        Check("connect.returned-connected") { check in
            try check.expect(
                !(await check.integration.isConnected(accountID: "acct-return")), "not connected before authorizing")
            try await check.environment.connect("acct-return")
            try check.expect(
                await check.integration.isConnected(accountID: "acct-return"),
                "back from Zoom, Zoom shows as connected", actual: "not connected")
            let url = try await check.integration.startConnect(accountID: "acct-declined")
            let state = CheckContext.query(url)["state"] ?? ""
            let declined = "\(check.integration.configuration.redirectURI)?error=access_denied&state=\(state)"
            _ = try? await check.integration.completeConnect(redirectURL: declined)
            try check.expect(
                !(await check.integration.isConnected(accountID: "acct-declined")),
                "without authorization Zoom is not connected", actual: "connected")
        },
    ]
}
