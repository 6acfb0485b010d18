import Foundation
import Testing
import ZoomIntegration

@Suite("Integration state on disk")
struct StateStoreTests {
    @Test("token files are 0600, bookings are readable, no temp files remain, stray temp files are ignored")
    func files() async throws {
        try await IntegrationFixture.with { fixture in
            try await fixture.connect("acct")
            _ = try await fixture.integration.confirmBooking(
                try await fixture.integration.createBooking(
                    accountID: "acct", topic: "T", scheduledAt: fixture.server.clock.now().addingTimeInterval(3600)
                ).id)
            let directory = fixture.integration.store.directory
            let connection = directory.appendingPathComponent("connections/acct.json")
            let attributes = try FileManager.default.attributesOfItem(atPath: connection.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let files = FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []
            #expect(!files.contains { $0.hasSuffix(".tmp") })
            // A crash between writing a temp file and renaming it leaves only a stray dotfile.
            try Data("{".utf8).write(to: directory.appendingPathComponent("bookings/.half-written.json.tmp"))
            #expect(fixture.integration.store.bookings().count == 1)
        }
    }

    @Test("a forged or replayed callback is refused and connects nothing")
    func forgedCallback() async throws {
        try await IntegrationFixture.with { fixture in
            let redirect = fixture.integration.configuration.redirectURI
            await #expect(throws: IntegrationError.unknownAuthorizationState) {
                try await fixture.integration.completeConnect(redirectURL: "\(redirect)?code=x&state=made-up")
            }
            let url = try await fixture.integration.startConnect(accountID: "acct")
            let state =
                URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "state" }?.value
                ?? ""
            await #expect(throws: IntegrationError.authorizationDenied("access_denied")) {
                try await fixture.integration.completeConnect(
                    redirectURL: "\(redirect)?error=access_denied&state=\(state)")
            }
            await #expect(throws: IntegrationError.unknownAuthorizationState) {
                try await fixture.integration.completeConnect(redirectURL: "\(redirect)?code=x&state=\(state)")
            }
            #expect(!(await fixture.integration.isConnected(accountID: "acct")))
        }
    }
}
