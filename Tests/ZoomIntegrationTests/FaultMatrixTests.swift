import Foundation
import MockZoom
import Testing
import ZoomAPI
import ZoomIntegration

/// Confirm many bookings while Zoom misbehaves: every confirmed future booking ends with
/// exactly one meeting at Zoom, the one stored with it; none duplicated, none lost.
@Suite("Fault matrix")
struct FaultMatrixTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let faults: [Fault] = [
        .rateLimited(retryAfterSeconds: 0), .serverError(status: 500), .serverError(status: 503),
        .delay(milliseconds: 700), .dropConnection, .createdButResponseLost,
    ]

    @Test("40 bookings, a fault before about half of the create calls, seed 20261125")
    func exactlyOneMeetingEach() async throws {
        let timeouts = TimeoutsConfiguration(connect: .seconds(2), total: .milliseconds(400))
        try await IntegrationFixture.with(timeouts: timeouts) { fixture in
            try await fixture.connect("acct")
            var generator = SeededGenerator(state: 20_261_125)
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
            let meetings = await fixture.server.meetingIDs()
            #expect(meetings.count == 40, "Zoom holds \(meetings.count) meetings for 40 bookings")
            var stored: Set<Int64> = []
            for id in ids {
                let booking = try #require(await fixture.integration.booking(id))
                stored.insert(try #require(booking.zoomMeeting).meetingID)
            }
            #expect(stored == Set(meetings))
        }
    }
}
