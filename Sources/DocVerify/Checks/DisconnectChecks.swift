import Foundation
import ZoomAPI
import ZoomIntegration

/// "Disconnecting Zoom" and "Data Handling After Disconnection".
enum DisconnectChecks {
    static let all: [Check] = [
        Check("disconnect.any-time") { check in
            try await check.connected("acct-anytime")
            await check.integration.disconnect(accountID: "acct-anytime")
            try await check.expectConnected("acct-anytime", false, "disconnecting right after connecting works")
            try await check.connected("acct-anytime")
            _ = try await requireLink(await check.confirmedBooking("acct-anytime"), check)
            await check.integration.disconnect(accountID: "acct-anytime")
            try await check.expectConnected("acct-anytime", false, "disconnecting with meetings booked works")
            await check.integration.disconnect(accountID: "acct-anytime")
            try await check.expectConnected("acct-anytime", false, "disconnecting twice is harmless")
        },
        Check("disconnect.tokens-invalidated") { check in
            let connection = try await check.connected("acct-invalidate")
            await check.integration.disconnect(accountID: "acct-invalidate")
            if await check.integration.pendingRevocations().contains("acct-invalidate") {
                check.note(
                    "the revocation is still pending: Zoom did not confirm it; it is retried before any other Zoom work"
                )
            }
            let probe = await check.environment.probe(connection)
            let expectation = "Zoom refuses the old access token"
            do {
                _ = try await probe.currentUser(accessToken: connection.tokens.accessToken)
                try check.fail(
                    expectation, observed: "Zoom accepted the old access token", expected: "Zoom answers 401 code 124")
            } catch let error as ZoomError {
                try check.expect(
                    error.isInvalidToken, expectation, observed: "the old access token was refused: \(error)",
                    expected: "Zoom answers 401 code 124")
            }
            let stored = await check.integration.connection(accountID: "acct-invalidate")
            try check.expect(
                stored == nil, "no token is kept here", observed: "tokens stored here: \((stored != nil).evidenceText)")
            try await assertNoCallsAfterDisconnect("acct-invalidate", check)
        },
        Check("disconnect.revoke-from-zoom-marketplace") { check in
            let connection = try await check.connected("acct-marketplace")
            try await check.environment.uninstallFromMarketplace(connection)
            try await check.expectConnected("acct-marketplace", false, "removing the app at Zoom disconnects it here")
            try await assertNoCallsAfterDisconnect("acct-marketplace", check)
        },
        Check("data.no-calls-or-meetings-after-disconnect") { check in
            try await check.connected("acct-quiet")
            await check.integration.disconnect(accountID: "acct-quiet")
            try await assertNoCallsAfterDisconnect("acct-quiet", check)
        },
        Check("data.history-without-zoom-access") { check in
            let connection = try await check.connected("acct-history")
            let before = try await requireLink(await check.confirmedBooking("acct-history"), check)
            await check.integration.disconnect(accountID: "acct-history")
            try check.expectEqual(
                check.integration.store.bookings().first?.zoomMeeting, before,
                "the booking keeps its meeting id and links for records", subject: "after disconnecting, the booking")
            let directory = check.integration.store.directory
            let allFiles = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
            // A token Zoom has not yet confirmed revoked is kept only to revoke it: not access.
            let pendingFolder = IntegrationStateStore.revocationsFolder + "/"
            let files = allFiles.filter { !$0.hasPrefix(pendingFolder) }.sorted()
            let pending =
                allFiles.count - files.count - (allFiles.contains(IntegrationStateStore.revocationsFolder) ? 1 : 0)
            if pending > 0 {
                check.note("\(pending) revocation(s) still pending at Zoom, kept only to revoke, never used for calls")
            }
            let texts = files.compactMap { file in
                (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)).map { (file, $0) }
            }
            for (name, secret) in [
                ("access token", connection.tokens.accessToken.revealed),
                ("refresh token", connection.tokens.refreshToken.revealed), ("Zoom user id", connection.zoomUserID),
            ] {
                let holding = texts.filter { $0.1.contains(secret) }.map(\.0)
                try check.expect(
                    holding.isEmpty, "no \(name) remains",
                    observed: "stored files holding the \(name): \(holding.evidenceText) (\(texts.count) files read)")
            }
        },
    ]

    /// After a disconnect: a confirmed future booking makes no Zoom call and gets no meeting.
    static func assertNoCallsAfterDisconnect(_ account: String, _ check: CheckContext) async throws {
        let callsBefore = await check.operations(account).count
        let since = await check.environment.now()
        let booking = try await check.integration.createBooking(
            accountID: account, topic: "After disconnect", scheduledAt: await check.tomorrow())
        let confirmed = (try? await check.integration.confirmBooking(booking.id)) ?? booking
        try await check.expectMeeting(
            confirmed, false, "no new Zoom meeting is created")
        // Revoking is how access ends, not a use of it: a pending revocation retried is no API call.
        let calls = Array(await check.operations(account).dropFirst(callsBefore)).filter { $0 != "oauth.revoke" }
        try check.expectEqual(
            calls, [], "no Zoom API call is made for the account", subject: "the integration's Zoom calls since")
        if let journal = await check.environment.apiCalls(since: since) {
            try check.expectEqual(
                journal.map { "\($0.method) \($0.path)" }, [], "Zoom saw no API call",
                subject: "API requests Zoom received since")
        }
    }
}
