import CurlHTTP
import Foundation
import MockZoom
import Synchronization
import Testing

@testable import ZoomAPI

/// The one Zoom call policy: paced under the plan, per-second 429s retried, daily 429s
/// never, idempotent calls retried over 5xx, against a mock that enforces Zoom's limits.
@Suite("Zoom call policy")
struct CallPolicyTests {
    static let start = Date().addingTimeInterval(86_400)

    func client(_ zoom: ZoomFixture, _ tokens: TokenSet, _ policy: ZoomCallPolicy) -> ZoomMeetingsClient {
        ZoomMeetingsClient(apiBaseURL: tokens.apiURL ?? "", timeouts: zoom.configuration.timeouts, policy: policy)
    }

    /// `count` reads of the user at once, each answered or failed.
    func burst(_ client: ZoomMeetingsClient, _ tokens: TokenSet, count: Int) async -> [Bool] {
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask { (try? await client.currentUser(accessToken: tokens.accessToken)) != nil }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("paced for the Free plan, a burst of 10 reads stays under Light's 4/s; unpaced, Zoom refuses some")
    func pacing() async throws {
        try await Test.withZoom(MockZoomConfiguration(plan: .free)) { zoom in
            let tokens = try await zoom.connect()
            let unpaced = client(zoom, tokens, ZoomCallPolicy(plan: .unlimited, perSecondAttempts: 1))
            #expect(await burst(unpaced, tokens, count: 10).contains(false))
            let refusedBefore = await zoom.server.rateLimits().categories["Light"]?.refused ?? 0
            #expect(refusedBefore > 0)
            try await Task.sleep(for: .milliseconds(1_100))
            let paced = client(zoom, tokens, ZoomCallPolicy(plan: .free, perSecondAttempts: 1))
            #expect(await burst(paced, tokens, count: 10).allSatisfy { $0 })
            #expect(await zoom.server.rateLimits().categories["Light"]?.refused == refusedBefore)
        }
    }

    @Test("Zoom's per-second 429 (no Retry-After) is backed off and retried")
    func perSecondRetried() async throws {
        try await Test.withZoom(MockZoomConfiguration(plan: .free)) { zoom in
            let tokens = try await zoom.connect()
            let pauses = PauseLog()
            let retrying = client(
                zoom, tokens,
                ZoomCallPolicy(plan: .unlimited) { duration in
                    pauses.append(duration)
                    try? await Task.sleep(for: duration)
                })
            #expect(await burst(retrying, tokens, count: 8).allSatisfy { $0 })
            #expect((await zoom.server.rateLimits().categories["Light"]?.refused ?? 0) > 0)
            #expect(pauses.all.contains(.seconds(1)))
        }
    }

    @Test("a daily 429 is never retried: a typed error with its reset time, and later creates stop here")
    func dailyLimit() async throws {
        try await Test.withZoom(MockZoomConfiguration(dailyCreateLimit: 1)) { zoom in
            let tokens = try await zoom.connect()
            let policy = ZoomCallPolicy()
            let meetings = client(zoom, tokens, policy)
            let request = MeetingRequest(topic: "t", startTime: Self.start, duration: 30)
            _ = try await meetings.createMeeting(request, accessToken: tokens.accessToken)
            #expect(policy.meetingCreateBudget == 0)
            #expect(policy.meetingsCreated == 1)
            for _ in 0..<2 {
                let error = try await #require(throws: ZoomError.self) {
                    try await meetings.createMeeting(request, accessToken: tokens.accessToken)
                }
                let limit = try #require(error.dailyLimit)
                var utc = Calendar(identifier: .gregorian)
                utc.timeZone = TimeZone(identifier: "UTC")!
                let midnight = try #require(
                    utc.nextDate(
                        after: zoom.server.clock.now(), matching: DateComponents(hour: 0), matchingPolicy: .nextTime))
                #expect(limit.resetsAt == midnight)
            }
            let creates = await zoom.server.journal().filter { $0.method == "POST" && $0.path.hasSuffix("/meetings") }
            #expect(creates.count == 2, "the third create must not reach Zoom")
            _ = try await meetings.currentUser(accessToken: tokens.accessToken)
        }
    }

    @Test(
        "Retry-After in both forms gives the reset time",
        arguments: [
            ("2026-12-03T00:00:00Z", "2026-12-03T00:00:00Z"), ("Thu, 03 Dec 2026 00:00:00 GMT", "2026-12-03T00:00:00Z"),
            ("3600", "2026-12-02T13:00:00Z"),
        ])
    func retryAfterForms(_ header: String, _ expected: String) throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-02T12:00:00Z"))
        let limit = RateLimit(
            retryAfter: header, category: "Medium", type: "Daily-limit", limit: 100, remaining: 0, message: "")
        #expect(limit.daily(at: now)?.resetsAt == ISO8601DateFormatter().date(from: expected))
        let perSecond = RateLimit(
            retryAfter: nil, category: "Light", type: "QPS", limit: 4, remaining: 0,
            message: "You have reached the maximum per-second rate limit for this API. Try again later.")
        #expect(perSecond.daily(at: now) == nil)
    }

    @Test("idempotent calls are retried over 5xx and dropped answers; a create is not")
    func idempotentRetries() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            let meetings = client(zoom, tokens, ZoomCallPolicy(pause: { _ in }))
            await zoom.server.addFault(FaultRule(.serverError(status: 503), method: "GET", times: 1))
            await zoom.server.addFault(FaultRule(.dropConnection, method: "GET", times: 1))
            _ = try await meetings.currentUser(accessToken: tokens.accessToken)
            await zoom.server.addFault(FaultRule(.serverError(status: 503), method: "POST", times: 1))
            let error = try await #require(throws: ZoomError.self) {
                try await meetings.createMeeting(
                    MeetingRequest(topic: "t", startTime: Self.start, duration: 30), accessToken: tokens.accessToken)
            }
            #expect(error.status == 503)
            #expect(await zoom.server.meetingIDs().isEmpty)
        }
    }

    @Test("an expired access token is refreshed once and the newest refresh token kept; an invalid one is not retried")
    func expiredAndInvalidTokens() async throws {
        try await Test.withZoom(MockZoomConfiguration(accessTokenCallLimit: 1)) { zoom in
            let rotations = RotationLog()
            let session = ZoomSession(tokens: try await zoom.connect(), oauth: zoom.oauth) { await rotations.add($0) }
            for _ in 0..<3 {
                _ = try await session.withMeetingsClient { (client, token) async throws(ZoomError) in
                    try await client.currentUser(accessToken: token)
                }
            }
            #expect(await rotations.count == 2)
            #expect(await session.tokens.refreshToken == rotations.last?.refreshToken)
            await zoom.server.addFault(FaultRule(.revokedToken, method: "GET"))
            await zoom.server.clearJournal()
            let error = try await #require(throws: ZoomError.self) {
                try await session.withMeetingsClient { (client, token) async throws(ZoomError) in
                    try await client.currentUser(accessToken: token)
                }
            }
            #expect(error.isInvalidToken && !error.isExpiredToken)
            #expect(await zoom.server.journal().count == 1)
        }
    }
}

/// Waits a policy asked for.
final class PauseLog: Sendable {
    private let waits = Mutex<[Duration]>([])
    func append(_ duration: Duration) { waits.withLock { $0.append(duration) } }
    var all: [Duration] { waits.withLock { $0 } }
}
