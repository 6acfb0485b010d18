import Foundation
import ZoomIntegration

/// Shared steps of the checks, so each check reads like the article's sentence it proves.
extension CheckContext {
    /// A future time for bookings (a day ahead on the integration's clock).
    func tomorrow() async -> Date { await environment.now().addingTimeInterval(86_400) }

    func yesterday() async -> Date { await environment.now().addingTimeInterval(-86_400) }

    /// Connects `account` and asserts it worked.
    @discardableResult
    func connected(_ account: String) async throws -> ZoomConnection {
        try await environment.connect(account)
        let connection = await integration.connection(accountID: account)
        try expect(
            connection != nil, "Zoom is connected for \(account)",
            observed: "connected: \((connection != nil).evidenceText)")
        return connection!
    }

    /// Asserts whether `account` is connected, observed as `connected: yes|no`.
    func expectConnected(_ account: String, _ wanted: Bool, _ expectation: String) async throws {
        let connected = await integration.isConnected(accountID: account)
        try expect(
            connected == wanted, expectation, observed: "connected: \(connected.evidenceText)",
            expected: "connected: \(wanted.evidenceText)")
    }

    /// Asserts whether `booking` has a meeting, observed as the meeting, or as no meeting and
    /// why: the integration's own diagnosis (`no meeting yet: the booking is not confirmed`).
    func expectMeeting(_ booking: Booking, _ wanted: Bool, _ expectation: String) async throws {
        var observed = meetingWords(booking.zoomMeeting)
        if booking.zoomMeeting == nil {
            let causes = (try? await integration.diagnose(booking.id)) ?? []
            observed =
                causes.isEmpty
                ? "no meeting, and no troubleshooting condition explains why"
                : "no meeting yet: " + causes.map(\.evidenceText).joined(separator: "; ")
            if causes.contains(.zoomDailyLimitReached) {
                // Zoom refused the meeting for today: the sentence can be neither proved nor disproved.
                note(observed)
                throw CheckBlocked(
                    reason: "Zoom's daily meeting limit is reached", retryAt: booking.meetingUnavailable?.retryAt)
            }
        }
        try expect(
            (booking.zoomMeeting != nil) == wanted, expectation, observed: observed,
            expected: wanted ? "the booking has a meeting" : "the booking has no meeting")
    }

    /// A confirmed booking one day ahead.
    func confirmedBooking(_ account: String, topic: String = "Strategy session") async throws -> Booking {
        let booking = try await integration.createBooking(
            accountID: account, topic: topic, scheduledAt: await tomorrow())
        return try await integration.confirmBooking(booking.id)
    }

    /// Operations the integration sent to Zoom for `account`, in order.
    func operations(_ account: String) async -> [String] {
        await integration.calls(accountID: account, since: .distantPast).map(\.operation)
    }

    /// POSTs to Zoom's create-meeting endpoint since `time`, when Zoom keeps a journal.
    func meetingCreations(since time: Date) async -> Int? {
        await environment.apiCalls(since: time)?.filter { $0.method == "POST" && $0.path.hasSuffix("/meetings") }.count
    }

    static func query(_ url: URL) -> [String: String] {
        Dictionary(
            (URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map {
                ($0.name, $0.value ?? "")
            },
            uniquingKeysWith: { first, _ in first })
    }
}
