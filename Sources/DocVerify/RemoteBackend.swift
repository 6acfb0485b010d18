import CurlHTTP
import Foundation
import MockZoom
import ZoomAPI
import ZoomIntegration

/// A Zoom reached over the network: a standalone Mock Zoom (`--backend url`) or the real Zoom
/// (`--backend live`). Same code, other base URLs and credentials.
public struct RemoteBackend: VerifyBackend {
    public enum Consent: String, Sendable, CaseIterable {
        /// Request the authorize URL ourselves and take the redirect, as a signed-in user who
        /// clicks Allow (works against mocks).
        case auto
        /// Print the authorize URL and wait for the browser to come back to our loopback listener.
        case browser
    }

    public let name: String
    public var configuration: ZoomConfiguration
    public var webhookSecret: Secret
    public var consentMode: Consent
    /// Whether the server has Mock Zoom's `/_mock/*` controls.
    public var hasMockControls: Bool
    public var stateRoot: URL?
    public let housekeeping = RunHousekeeping()

    public init(
        name: String, configuration: ZoomConfiguration, webhookSecret: Secret, consent: Consent, hasMockControls: Bool,
        stateRoot: URL? = nil
    ) {
        self.stateRoot = stateRoot
        self.name = name
        self.configuration = configuration
        self.webhookSecret = webhookSecret
        self.consentMode = consent
        self.hasMockControls = hasMockControls
    }

    public func makeEnvironment() async throws -> CheckEnvironment {
        let store = IntegrationStateStore.forCheck(under: stateRoot)
        let keepState = stateRoot != nil
        let integration = ZoomIntegrationService(
            configuration: configuration, webhookSecret: webhookSecret, store: store)
        let endpoints = IntegrationEndpoints()
        if consentMode == .browser {
            try await endpoints.start(port: URLComponents(string: configuration.redirectURI)?.port ?? 8090)
            endpoints.attach(integration)
        }
        let base = configuration.oauthBaseURL
        if hasMockControls {
            // Each check judges only its own calls on the shared server.
            _ = try? await CurlHTTPClient().send(HTTPRequest(.delete, base + "/_mock/journal"))
        }
        let (consentMode, hasMockControls, clientID, secret) = (
            self.consentMode, self.hasMockControls, configuration.clientID, webhookSecret.revealed
        )
        return CheckEnvironment(
            integration: integration, backendName: name,
            consent: { account in
                try await Self.consent(account, mode: consentMode, integration: integration, endpoints: endpoints)
            },
            journal: { hasMockControls ? await Self.journal(base: base) : nil },
            uninstall: { connection in
                if hasMockControls {
                    _ = try? await CurlHTTPClient().send(HTTPRequest(.post, base + "/_mock/marketplace/uninstall"))
                }
                let event = SelfSignedWebhook.deauthorization(
                    for: connection, clientID: clientID, secret: secret, at: await integration.currentTime())
                _ = await integration.handleWebhook(headers: event.headers, body: event.body)
            },
            cleanup: { [housekeeping] in
                let (deleted, left) = await Self.removeCreatedMeetings(integration) { account in
                    _ = try await Self.consent(
                        account, mode: consentMode, integration: integration, endpoints: endpoints)
                }
                housekeeping.cleanedUp(deleted: deleted, left: left)
                await endpoints.stop()
                if !keepState { try? FileManager.default.removeItem(at: store.directory) }
            })
    }

    private static func consent(
        _ account: String, mode: Consent, integration: ZoomIntegrationService, endpoints: IntegrationEndpoints
    ) async throws -> URL {
        switch mode {
        case .auto:
            let url = try await integration.startConnect(accountID: account)
            let response = try await CurlHTTPClient().send(HTTPRequest(.get, url.absoluteString))
            guard let location = response.header("Location") else {
                throw VerifyError.backend("authorize answered \(response.status) without a redirect")
            }
            try await integration.completeConnect(redirectURL: location)
            return url
        case .browser:
            let encoded = account.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
            let start = endpoints.baseURL + IntegrationEndpoints.startPath + "?account=\(encoded)"
            try? FileHandle.standardError.write(
                contentsOf: Data("Open this URL, sign in to Zoom and click Allow:\n\(start)\n".utf8))
            for _ in 0..<600 {
                if await integration.isConnected(accountID: account), let url = endpoints.authorizeURL(for: account) {
                    return url
                }
                try await Task.sleep(for: .milliseconds(500))
            }
            throw VerifyError.backend("no consent within 5 minutes")
        }
    }

    private static func journal(base: String) async -> [JournalEntry]? {
        guard let response = try? await CurlHTTPClient().send(HTTPRequest(.get, base + "/_mock/journal")),
            response.status == 200
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            return JournalTime.parse(text) ?? .distantPast
        }
        return try? decoder.decode([JournalEntry].self, from: Data(response.body))
    }

    /// Live runs leave nothing behind: every meeting the check created is deleted (through a
    /// fresh connection when the check ended disconnected), then every connection is revoked.
    private static func removeCreatedMeetings(
        _ integration: ZoomIntegrationService, consent: @Sendable (String) async throws -> Void
    ) async -> (deleted: Int, left: Int) {
        let meetings = integration.store.bookings().compactMap(\.zoomMeeting?.meetingID)
        if !meetings.isEmpty, integration.store.connections().isEmpty {
            try? await consent("verify-cleanup")
        }
        return await integration.removeEverythingCreated(extraMeetingIDs: meetings)
    }

    /// Meetings created and Zoom's daily budget, then what the clean-ups deleted.
    public func usageSummary() -> [String] {
        let policy = configuration.callPolicy
        let budget = policy.meetingCreateBudget.map { "; Zoom's daily meeting budget left: \($0)" } ?? ""
        return [
            "meetings created at Zoom: \(policy.meetingsCreated)\(budget)",
            "cleaned up: \(housekeeping.deleted) meetings deleted, \(housekeeping.left) left",
        ]
    }
}
