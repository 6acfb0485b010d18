import Foundation
import MockZoom
import TestSupport
import Testing
import ZoomAPI
import ZoomIntegration

/// Confirm many bookings while Zoom misbehaves: every confirmed future booking ends with
/// exactly one meeting at Zoom, the one stored with it; none duplicated, none lost.
@Suite("Fault matrix")
struct FaultMatrixTests {
    static let faults: [Fault] = [
        .rateLimited(retryAfterSeconds: 0), .serverError(status: 500), .serverError(status: 503),
        .delay(milliseconds: 1_500), .dropConnection, .createdButResponseLost,
    ]

    /// A request's budget for the matrices. The 1.5 s delay fault outlasts it, so the create
    /// times out while Mock Zoom still makes the meeting, 1.5 s after it got the request; the
    /// integration waits one budget before looking for it, 2 s after sending, which leaves the
    /// request 500 ms to reach the mock. With 400 ms and a 700 ms delay that margin was 100 ms,
    /// which a loaded machine used up (a second meeting: 61 for 60 bookings); with 600 ms, the
    /// connection's own token request ran out of time under a full suite. One second is both.
    static let matrixTimeouts = TimeoutsConfiguration(connect: .seconds(2), total: .seconds(1))

    @Test("40 bookings, a fault before about half of the create calls, seed 20261125")
    func exactlyOneMeetingEach() async throws {
        let timeouts = Self.matrixTimeouts
        try await IntegrationFixture.with(timeouts: timeouts) { fixture in
            try await fixture.connect("acct")
            var generator = SeededGenerator(seed: 20_261_125)
            var injected = 0
            var ids: [String] = []
            for index in 0..<40 {
                if Bool.random(using: &generator) {
                    let fault = Self.faults.randomElement(using: &generator)!
                    await fixture.server.addFault(
                        FaultRule(fault, method: "POST", pathPrefix: "/v2/users/me/meetings", times: 1))
                    injected += 1
                }
                let start = fixture.server.clock.now().addingTimeInterval(86_400 + Double(index) * 3600)
                let booking = try await fixture.integration.createBooking(
                    accountID: "acct", topic: "Booking \(index)", scheduledAt: start)
                let confirmed = try await fixture.integration.confirmBooking(booking.id)
                #expect(confirmed.zoomMeeting != nil, "booking \(index) has no meeting")
                ids.append(booking.id)
            }
            #expect(injected >= 10)
            try await Self.expectOneMeetingEach(ids, fixture)
        }
    }

    @Test("expired tokens and refresh races: 30 pairs of concurrent confirmations, tokens expiring every 3 pairs")
    func expiredTokensAndRefreshRaces() async throws {
        let timeouts = Self.matrixTimeouts
        try await IntegrationFixture.with(timeouts: timeouts) { fixture in
            try await fixture.connect("acct")
            var generator = SeededGenerator(seed: 20_261_125)
            let faults = Self.faults + [.expiredToken, .expiredToken]
            var injected = 0
            var expiredTokenFaults = 0
            var expiries = 0
            var ids: [String] = []
            for pair in 0..<30 {
                if pair % 3 == 2 {
                    fixture.server.clock.advance(by: 3_600)  // both confirmations find the token expired
                    expiries += 1
                }
                if Bool.random(using: &generator) {
                    let fault = faults.randomElement(using: &generator)!
                    await fixture.server.addFault(
                        FaultRule(fault, method: "POST", pathPrefix: "/v2/users/me/meetings", times: 1))
                    injected += 1
                    if fault == .expiredToken { expiredTokenFaults += 1 }
                }
                let start = fixture.server.clock.now().addingTimeInterval(30 * 86_400 + Double(pair) * 3600)
                let first = try await fixture.integration.createBooking(
                    accountID: "acct", topic: "Pair \(pair) a", scheduledAt: start)
                let second = try await fixture.integration.createBooking(
                    accountID: "acct", topic: "Pair \(pair) b", scheduledAt: start)
                async let confirmedFirst = fixture.integration.confirmBooking(first.id)
                async let confirmedSecond = fixture.integration.confirmBooking(second.id)
                let (a, b) = try await (confirmedFirst, confirmedSecond)
                #expect(a.zoomMeeting != nil && b.zoomMeeting != nil, "pair \(pair) lacks a meeting")
                ids += [first.id, second.id]
            }
            #expect(injected >= 10)
            try await Self.expectOneMeetingEach(ids, fixture)
            // Every refresh used the newest refresh token: a race would have spent a rotated one
            // and Zoom would have answered 400 invalid_grant.
            let refreshes = await fixture.server.journal().filter { $0.path == "/oauth/token" }
            #expect(refreshes.allSatisfy { $0.status == 200 }, "\(refreshes.map(\.status))")
            #expect(refreshes.count - 1 >= expiries, "one refresh per expiry at least, beyond the first code exchange")
            #expect(
                refreshes.count - 1 <= expiries + expiredTokenFaults,
                "\(refreshes.count - 1) refreshes for \(expiries) expiries and \(expiredTokenFaults) expired-token answers"
            )
        }
    }

    @Test("a Zoom that keeps failing: bounded attempts, doubling waits, an error within the deadline")
    func givesUp() async throws {
        // A budget of 1 s: with 400 ms, a loaded machine answered a 503 late enough to turn it
        // into a timeout, and the last error had no status.
        let timeouts = TimeoutsConfiguration(connect: .seconds(2), total: .seconds(1))
        let policy = RetryPolicy(attempts: 6, firstDelay: .milliseconds(250), maxDelay: .seconds(3))
        let failing = FaultRule(.serverError(status: 503), method: "POST", pathPrefix: "/v2/users/me/meetings")
        try await IntegrationFixture.with(faults: [failing], timeouts: timeouts, retry: policy) { fixture in
            try await fixture.connect("acct")
            let start = fixture.server.clock.now().addingTimeInterval(86_400)
            let booking = try await fixture.integration.createBooking(
                accountID: "acct", topic: "Doomed", scheduledAt: start)
            let began = ContinuousClock.now
            await #expect {
                _ = try await fixture.integration.confirmBooking(booking.id)
            } throws: { error in
                guard case .gaveUp(let attempts, let last) = error as? IntegrationError else { return false }
                return attempts == 6 && last.status == 503
            }
            #expect(ContinuousClock.now - began < .seconds(30))
            let creates = await fixture.server.journal().filter {
                $0.method == "POST" && $0.path == "/v2/users/me/meetings"
            }
            #expect(creates.count == 6)
            // 250 ms doubling, but never below the request's own 1 s budget, capped at 3 s.
            #expect(fixture.pauses.all == [.seconds(1), .seconds(1), .seconds(1), .seconds(2), .seconds(3)])
            #expect(await fixture.integration.booking(booking.id)?.zoomMeeting == nil)
        }
    }

    @Test("the deadline cuts retries short; Retry-After is honoured even above the backoff cap")
    func deadlineAndRetryAfter() async throws {
        // A budget of 1.5 s, not 400 ms: on a loaded machine the mock's first answer took longer
        // than 400 ms, and the timeout added a wait this test does not expect.
        let timeouts = TimeoutsConfiguration(connect: .seconds(2), total: .milliseconds(1_500))
        let policy = RetryPolicy(
            attempts: 10, firstDelay: .milliseconds(100), maxDelay: .seconds(4), deadline: .seconds(9))
        let limited = FaultRule(.rateLimited(retryAfterSeconds: 3), method: "POST", pathPrefix: "/v2/users/me/meetings")
        try await IntegrationFixture.with(faults: [limited], timeouts: timeouts, retry: policy) { fixture in
            try await fixture.connect("acct")
            let start = fixture.server.clock.now().addingTimeInterval(86_400)
            let booking = try await fixture.integration.createBooking(
                accountID: "acct", topic: "Limited", scheduledAt: start)
            await #expect {
                _ = try await fixture.integration.confirmBooking(booking.id)
            } throws: { error in
                guard case .gaveUp(let attempts, _) = error as? IntegrationError else { return false }
                return attempts == 3
            }
            // Waits of 3 s (Retry-After beats 100 ms and 200 ms), then 3 s: a third wait and attempt
            // would end past 9 s.
            #expect(fixture.pauses.all == [.seconds(3), .seconds(3)])
        }
    }

    /// Zoom holds exactly one meeting per booking, and it is the one each booking stored.
    static func expectOneMeetingEach(_ ids: [String], _ fixture: IntegrationFixture) async throws {
        let meetings = await fixture.server.meetingIDs()
        #expect(meetings.count == ids.count, "Zoom holds \(meetings.count) meetings for \(ids.count) bookings")
        var stored: Set<Int64> = []
        for id in ids {
            let booking = try #require(await fixture.integration.booking(id))
            stored.insert(try #require(booking.zoomMeeting).meetingID)
        }
        #expect(stored == Set(meetings))
    }

    @Test("a create's lost answer outlasts the backoff cap: the wait before looking is the request's whole budget")
    func floorsBeatTheCap() {
        let policy = RetryPolicy(firstDelay: .milliseconds(250), maxDelay: .seconds(1))
        #expect(policy.delay(afterFailure: 0, atLeast: .seconds(15)) == .seconds(15))
        #expect(policy.delay(afterFailure: 1) == .milliseconds(500))
        #expect(policy.delay(afterFailure: 9) == .seconds(1))
    }

    @Test("a lookup refused with 429 after a lost create is redone, never replaced by a blind second create")
    func rateLimitedLookup() async throws {
        let timeouts = TimeoutsConfiguration(connect: .seconds(2), total: .milliseconds(400))
        let faults = [
            FaultRule(.createdButResponseLost, method: "POST", pathPrefix: "/v2/users/me/meetings", times: 1),
            FaultRule(.rateLimited(retryAfterSeconds: 0), method: "GET", pathPrefix: "/v2/users/me/meetings", times: 1),
        ]
        try await IntegrationFixture.with(faults: faults, timeouts: timeouts) { fixture in
            try await fixture.connect("acct")
            let start = fixture.server.clock.now().addingTimeInterval(86_400)
            let booking = try await fixture.integration.createBooking(
                accountID: "acct", topic: "Once", scheduledAt: start)
            let confirmed = try await fixture.integration.confirmBooking(booking.id)
            let creates = await fixture.server.journal().filter {
                $0.method == "POST" && $0.path == "/v2/users/me/meetings"
            }
            #expect(creates.count == 1, "\(creates.count) creates")
            #expect(await fixture.server.meetingIDs() == [try #require(confirmed.zoomMeeting).meetingID])
        }
    }
}
