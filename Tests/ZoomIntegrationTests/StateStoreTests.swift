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

    @Test("every state folder is 0700 and every file 0600, bookings too; pending file names are not the state")
    func closedAtRest() async throws {
        try await IntegrationFixture.with { fixture in
            try await fixture.connect("acct")
            let url = try await fixture.integration.startConnect(accountID: "acct-2")
            let state = try #require(
                URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "state" }?.value
            )
            _ = try await fixture.integration.confirmBooking(
                try await fixture.integration.createBooking(
                    accountID: "acct", topic: "T", scheduledAt: fixture.server.clock.now().addingTimeInterval(3600)
                ).id)
            let directory = fixture.integration.store.directory
            var modes: [String: Int] = [:]
            for path in [""] + (FileManager.default.subpaths(atPath: directory.path) ?? []) {
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: directory.appendingPathComponent(path).path)
                modes[path] = (attributes[.posixPermissions] as? Int ?? 0) & 0o777
            }
            #expect(modes.keys.contains { $0.hasPrefix("bookings/") })
            #expect(modes.filter { $0.value != 0o700 && $0.value != 0o600 } == [:])
            for (path, mode) in modes {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(
                    atPath: directory.appendingPathComponent(path).path, isDirectory: &isFolder)
                #expect(mode == (isFolder.boolValue ? 0o700 : 0o600), "\(path)")
            }
            #expect(!modes.keys.contains { $0.contains(state) }, "a pending file is named by its state")
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
