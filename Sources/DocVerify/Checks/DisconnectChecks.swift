import Foundation
import ZoomAPI
import ZoomIntegration

/// "Disconnecting Zoom" and "Data Handling After Disconnection".
enum DisconnectChecks {
    static let all: [Check] = [
        Check("disconnect.any-time") { check in
            try await check.connected("acct-anytime")
            await check.integration.disconnect(accountID: "acct-anytime")
            try check.expect(
                !(await check.integration.isConnected(accountID: "acct-anytime")),
                "disconnecting right after connecting works", actual: "still connected")
            try await check.connected("acct-anytime")
            _ = try await check.confirmedBooking("acct-anytime")
            await check.integration.disconnect(accountID: "acct-anytime")
            try check.expect(
                !(await check.integration.isConnected(accountID: "acct-anytime")),
                "disconnecting with meetings booked works", actual: "still connected")
            await check.integration.disconnect(accountID: "acct-anytime")
            try check.expect(
                !(await check.integration.isConnected(accountID: "acct-anytime")), "disconnecting twice is harmless",
                actual: "connected")
        },
        Check("disconnect.tokens-invalidated") { check in
            let connection = try await check.connected("acct-invalidate")
            await check.integration.disconnect(accountID: "acct-invalidate")
            let probe = await check.environment.probe(connection)
            do {
                _ = try await probe.currentUser(accessToken: connection.tokens.accessToken)
                try check.expect(
                    false, "Zoom refuses the old access token", expected: "401 code 124", actual: "it still works")
            } catch let error as ZoomError {
                try check.expect(
                    error.isInvalidToken, "Zoom refuses the old access token", expected: "401 code 124",
                    actual: "\(error)")
            }
            try check.expect(
                await check.integration.connection(accountID: "acct-invalidate") == nil, "no token is kept here",
                actual: "tokens still stored")
            try await assertNoCallsAfterDisconnect("acct-invalidate", check)
        },
        Check("disconnect.revoke-from-zoom-marketplace") { check in
            let connection = try await check.connected("acct-marketplace")
            try await check.environment.uninstallFromMarketplace(connection)
            try check.expect(
                !(await check.integration.isConnected(accountID: "acct-marketplace")),
                "removing the app at Zoom disconnects it here", actual: "still connected")
            try await assertNoCallsAfterDisconnect("acct-marketplace", check)
        },
        Check("data.no-calls-or-meetings-after-disconnect") { check in
            try await check.connected("acct-quiet")
            await check.integration.disconnect(accountID: "acct-quiet")
            try await assertNoCallsAfterDisconnect("acct-quiet", check)
        },
        Check("data.history-without-zoom-access") { check in
            let connection = try await check.connected("acct-history")
            let before = try requireLink(try await check.confirmedBooking("acct-history"), check)
            await check.integration.disconnect(accountID: "acct-history")
            let bookings = check.integration.store.bookings()
            try check.expectEqual(
                bookings.first?.zoomMeeting, before, "the booking keeps its meeting id and links for records")
            let files =
                FileManager.default.enumerator(atPath: check.integration.store.directory.path)?.allObjects as? [String]
                ?? []
            for file in files {
                let url = check.integration.store.directory.appendingPathComponent(file)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for (name, secret) in [
                    ("access token", connection.tokens.accessToken.revealed),
                    ("refresh token", connection.tokens.refreshToken.revealed), ("Zoom user id", connection.zoomUserID),
                ] {
                    try check.expect(!text.contains(secret), "no \(name) remains (\(file))", actual: "found")
                }
            }
        },
    ]

    /// After a disconnect: a confirmed future booking makes no Zoom call and gets no meeting.
    static func assertNoCallsAfterDisconnect(_ account: String, _ check: CheckContext) async throws {
        let callsBefore = await check.operations(account).count
        let since = await check.environment.now()
        let booking = try await check.integration.createBooking(
            accountID: account, topic: "After disconnect", scheduledAt: await check.tomorrow())
        let confirmed = try? await check.integration.confirmBooking(booking.id)
        try check.expect(
            confirmed?.zoomMeeting == nil, "no new Zoom meeting is created", actual: "a meeting was created")
        let calls = Array(await check.operations(account).dropFirst(callsBefore))
        try check.expectEqual(calls, [], "no Zoom API call is made for the account")
        if let journal = await check.environment.apiCalls(since: since) {
            try check.expectEqual(journal.map { "\($0.method) \($0.path)" }, [], "Zoom saw no API call")
        }
    }
}
