import CurlHTTP
import Foundation
import MockZoom
import Synchronization
import Testing
import ZoomAPI
import ZoomIntegration

/// An integration wired to an in-process Mock Zoom, connected through the real redirect flow.
struct IntegrationFixture {
    let server: MockZoomServer
    let integration: ZoomIntegrationService
    let endpoints: IntegrationEndpoints
    let webhookSecret = "whsec-fixture"
    /// Every wait the integration asked for, in order (the test sleeps at most a second of each).
    let pauses: PauseLog

    /// - Parameters:
    ///   - mock: changes to the mock's configuration (limits, revoke failures).
    ///   - store: the integration's state folder (another start over the same state).
    static func start(
        faults: [FaultRule] = [], timeouts: TimeoutsConfiguration = TimeoutsConfiguration(),
        retry: RetryPolicy = RetryPolicy(), mock: (inout MockZoomConfiguration) -> Void = { _ in },
        store: IntegrationStateStore = .temporary()
    ) async throws -> IntegrationFixture {
        let endpoints = IntegrationEndpoints()
        try await endpoints.start()
        let app = RegisteredApp(
            redirectURIs: [endpoints.baseURL + IntegrationEndpoints.callbackPath],
            webhookURL: endpoints.baseURL + IntegrationEndpoints.webhookPath, webhookSecret: "whsec-fixture")
        var configuration = MockZoomConfiguration(app: app, faults: faults)
        mock(&configuration)
        let server = MockZoomServer(configuration: configuration)
        try await server.start()
        let clock = server.clock
        let pauses = PauseLog()
        let integration = ZoomIntegrationService(
            configuration: ZoomConfiguration(
                clientID: app.clientID, clientSecret: Secret(app.clientSecret), redirectURI: app.redirectURIs[0],
                oauthBaseURL: server.baseURL, apiBaseURL: server.baseURL, timeouts: timeouts),
            webhookSecret: Secret(app.webhookSecret), store: store, now: { clock.now() },
            pause: { duration in
                pauses.append(duration)
                try? await Task.sleep(for: min(duration, .seconds(1)))
            }, retry: retry)
        endpoints.attach(integration)
        return IntegrationFixture(server: server, integration: integration, endpoints: endpoints, pauses: pauses)
    }

    /// A browser starts at the endpoint, authorizes at the mock and comes back with its cookie.
    func connect(_ account: String) async throws {
        _ = try await endpoints.connectAsBrowser(account: account)
    }

    func stop() async {
        await server.stop()
        await endpoints.stop()
        try? FileManager.default.removeItem(at: integration.store.directory)
    }

    static func with(
        faults: [FaultRule] = [], timeouts: TimeoutsConfiguration = TimeoutsConfiguration(),
        retry: RetryPolicy = RetryPolicy(), mock: (inout MockZoomConfiguration) -> Void = { _ in },
        _ body: (IntegrationFixture) async throws -> Void
    ) async throws {
        let fixture = try await start(faults: faults, timeouts: timeouts, retry: retry, mock: mock)
        do {
            try await body(fixture)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }
}

/// The waits an integration asked for.
final class PauseLog: Sendable {
    private let log = Mutex<[Duration]>([])

    func append(_ pause: Duration) { log.withLock { $0.append(pause) } }

    var all: [Duration] { log.withLock { $0 } }

    func clear() { log.withLock { $0 = [] } }
}
