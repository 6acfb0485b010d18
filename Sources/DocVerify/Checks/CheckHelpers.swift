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
        try expect(connection != nil, "Zoom is connected for \(account)", actual: "not connected")
        return connection!
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
