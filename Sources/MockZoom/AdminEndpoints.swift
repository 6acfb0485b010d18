import Foundation
import ZoomAPI

/// `/_mock/*`: what tests and `verify` use to drive and inspect the mock over HTTP, and the
/// meeting pages behind `start_url` / `join_url`.
extension MockZoomEngine {
    func admin(_ request: MockRequest) async -> MockResponse? {
        switch (request.method, request.path) {
        case ("GET", "/_mock/journal"):
            return Self.encoded(await store.journal)
        case ("GET", "/_mock/rate-limits"):
            return Self.encoded(await limits.report())
        case ("DELETE", "/_mock/journal"):
            await store.clearJournal()
            return MockResponse(status: 204)
        case ("POST", "/_mock/faults"):
            let fields = request.formFields
            guard let fault = fields["fault"].flatMap(Fault.init) else {
                return .json(
                    400,
                    [
                        "error": "unknown fault; use rate-limit, 500, 503, delay=MS, drop, "
                            + "created-response-lost, expired-token or revoked-token"
                    ])
            }
            await store.addFault(
                FaultRule(
                    fault, method: fields["method"], pathPrefix: fields["path"],
                    times: fields["times"].flatMap { Int($0) }))
            return MockResponse(status: 204)
        case ("DELETE", "/_mock/faults"):
            await store.clearFaults()
            return MockResponse(status: 204)
        case ("POST", "/_mock/clock/advance"):
            guard let seconds = request.formFields["seconds"].flatMap(TimeInterval.init), seconds.isFinite else {
                return .json(400, ["error": "pass seconds=N, a finite number"])
            }
            clock.advance(by: seconds)
            return .json(200, ["now": ZoomTime.format(clock.now())])
        case ("POST", "/_mock/marketplace/uninstall"):
            let removed = await uninstall()
            return .json(200, ["uninstalled": removed])
        case ("GET", "/_mock/credentials"):
            // Only a mock may list what it handed out: leak tests search every output for these.
            return .json(200, ["credentials": await store.credentialsSeen])
        case ("GET", "/_mock/webhooks"):
            return Self.encoded(await store.deliveries)
        case ("GET", "/_mock/meetings"):
            return .json(
                200, ["meetings": await store.allMeetings().map { MeetingJSON.object($0, user: configuration.user) }])
        default:
            return meetingPage(request)
        }
    }

    /// What a user does under App Marketplace → Manage → Installed Apps → Uninstall: every
    /// authorization of the app for the user ends and the app gets `app_deauthorized`.
    /// - Returns: Whether the app was installed.
    @discardableResult
    func uninstall() async -> Bool {
        let grants = await store.liveGrants(userID: configuration.user.id, clientID: configuration.app.clientID)
        await deauthorize(grantIDs: grants.map(\.id))
        return !grants.isEmpty
    }

    private func meetingPage(_ request: MockRequest) -> MockResponse? {
        let segments = request.path.split(separator: "/")
        guard request.method == "GET", segments.count == 2, segments[0] == "j" || segments[0] == "s" else { return nil }
        let role = segments[0] == "s" ? "Start meeting (host)" : "Join meeting"
        return .html(200, "<!DOCTYPE html><title>\(role)</title><h1>\(role) \(segments[1])</h1>")
    }

    private static func encoded<Value: Encodable>(_ value: Value) -> MockResponse {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(JournalTime.format(date))
        }
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data()
        return MockResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(data))
    }
}

/// Journal times with milliseconds, so "since" filters over HTTP lose nothing.
public enum JournalTime {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
