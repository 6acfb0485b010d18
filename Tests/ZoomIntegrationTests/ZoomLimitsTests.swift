import CurlHTTP
import Foundation
import MockZoom
import Testing
import ZoomAPI
import ZoomIntegration

/// The integration under Zoom's real limits: a daily limit is recorded, not retried into the
/// ground; a revoke Zoom cannot confirm is kept and retried until it is.
@Suite("Integration under Zoom's limits")
struct ZoomLimitsTests {
    @Test("a booking confirmed past the daily limit records why it has no link and when to retry; one attempt")
    func dailyLimit() async throws {
        let oneMeetingADay: (inout MockZoomConfiguration) -> Void = { $0.dailyCreateLimit = 1 }
        try await IntegrationFixture.with(mock: oneMeetingADay) { fixture in
            try await fixture.connect("acct")
            let start = fixture.server.clock.now().addingTimeInterval(86_400)
            let first = try await fixture.integration.createBooking(accountID: "acct", topic: "1", scheduledAt: start)
            #expect(try await fixture.integration.confirmBooking(first.id).zoomMeeting != nil)
            let second = try await fixture.integration.createBooking(accountID: "acct", topic: "2", scheduledAt: start)
            let confirmed = try await fixture.integration.confirmBooking(second.id)
            #expect(confirmed.zoomMeeting == nil)
            let retryAt = try #require(confirmed.meetingUnavailable?.retryAt)
            #expect(retryAt > fixture.server.clock.now() && retryAt <= start)
            #expect(try await fixture.integration.diagnose(second.id) == [.zoomDailyLimitReached])
            #expect(fixture.pauses.all.isEmpty, "a daily limit is not waited out")
            let creates = await fixture.server.journal().filter {
                $0.method == "POST" && $0.path.hasSuffix("/meetings")
            }
            #expect(creates.count == 2)
        }
    }

    @Test("a revoke that fails once is retried: the old tokens are dead at Zoom")
    func revokeRetried() async throws {
        let revokeFailsOnce: (inout MockZoomConfiguration) -> Void = { $0.revokeFailuresPerToken = 1 }
        try await IntegrationFixture.with(mock: revokeFailsOnce) { fixture in
            try await fixture.connect("acct")
            let connection = try #require(await fixture.integration.connection(accountID: "acct"))
            await fixture.integration.disconnect(accountID: "acct")
            #expect(await fixture.integration.pendingRevocations() == [])
            try await Self.expectDead(connection, fixture)
        }
    }

    @Test("a revoke Zoom never confirms is kept (0600), is no connection, and is revoked at the next start")
    func revokePending() async throws {
        let store = IntegrationStateStore.temporary()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let fixture = try await IntegrationFixture.start(
            faults: [FaultRule(.serverError(status: 503), pathPrefix: "/oauth/revoke")], store: store)
        do {
            try await fixture.connect("acct")
            let connection = try #require(await fixture.integration.connection(accountID: "acct"))
            await fixture.integration.disconnect(accountID: "acct")
            #expect(!(await fixture.integration.isConnected(accountID: "acct")))
            #expect(await fixture.integration.pendingRevocations() == ["acct"])
            let folder = store.directory.appendingPathComponent(IntegrationStateStore.revocationsFolder)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.count == 1)
            let attributes = try FileManager.default.attributesOfItem(
                atPath: folder.appendingPathComponent(files[0]).path)
            #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o777 == 0o600)
            // The same state, started again with Zoom back: the first Zoom work revokes it.
            await fixture.server.clearFaults()
            let restarted = ZoomIntegrationService(
                configuration: fixture.integration.configuration, webhookSecret: Secret("unused"), store: store,
                now: { fixture.server.clock.now() })
            await restarted.removeEverythingCreated()
            #expect(await restarted.pendingRevocations() == [])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
            try await Self.expectDead(connection, fixture)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    /// Zoom refuses the connection's access token and its refresh token.
    static func expectDead(_ connection: ZoomConnection, _ fixture: IntegrationFixture) async throws {
        let probe = ZoomMeetingsClient(configuration: fixture.integration.configuration, tokens: connection.tokens)
        let error = try await #require(throws: ZoomError.self) {
            try await probe.currentUser(accessToken: connection.tokens.accessToken)
        }
        #expect(error.isInvalidToken)
        let oauth = ZoomOAuthClient(configuration: fixture.integration.configuration)
        await #expect(throws: ZoomError.self) { try await oauth.refresh(connection.tokens.refreshToken) }
    }
}
