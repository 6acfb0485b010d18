import CurlHTTP
import Foundation
import MockZoom
import ZoomAPI
import ZoomIntegration

/// Mock Zoom in-process on 127.0.0.1:0, one per check, with the integration's callback and
/// webhook endpoints registered as the app's redirect and webhook URLs.
public struct MockBackend: VerifyBackend {
    public let name = "mock"
    /// Broken Zoom behaviour, to prove checks catch it.
    public var misbehaviours: Set<MockZoomConfiguration.Misbehaviour>
    /// Broken integration behaviour, likewise.
    public var defects: ZoomIntegrationService.Defects
    /// Broken screens, likewise.
    public var screenDefects: ScreenDefects
    /// Faults injected into every environment (the fault matrix).
    public var faults: [FaultRule]
    /// Keeps each check's state in a folder below this one; `nil` uses temp folders, removed after.
    public var stateRoot: URL?
    /// The plan the embedded mock enforces and the client paces for; unlimited by default, so
    /// the everyday run stays fast.
    public var plan: ZoomPlan
    public let housekeeping = RunHousekeeping()

    public init(
        misbehaviours: Set<MockZoomConfiguration.Misbehaviour> = [], defects: ZoomIntegrationService.Defects = [],
        screenDefects: ScreenDefects = [], faults: [FaultRule] = [], stateRoot: URL? = nil, plan: ZoomPlan = .unlimited
    ) {
        self.misbehaviours = misbehaviours
        self.defects = defects
        self.screenDefects = screenDefects
        self.faults = faults
        self.stateRoot = stateRoot
        self.plan = plan
    }

    public func makeEnvironment() async throws -> CheckEnvironment {
        try await environment(consent: .automatic)
    }

    /// Mock Zoom shows its Allow/Decline page, as Zoom does to a person.
    public func makeScreenEnvironment() async throws -> CheckEnvironment {
        try await environment(consent: .page)
    }

    private func environment(consent: MockZoomConfiguration.ConsentMode) async throws -> CheckEnvironment {
        let endpoints = IntegrationEndpoints(screenDefects: screenDefects)
        try await endpoints.start()
        let webhookSecret = "verify-webhook-\(UUID().uuidString)"
        let app = RegisteredApp(
            clientID: "verify-client", clientSecret: "verify-secret-\(UUID().uuidString)",
            redirectURIs: [endpoints.baseURL + IntegrationEndpoints.callbackPath],
            webhookURL: endpoints.baseURL + IntegrationEndpoints.webhookPath, webhookSecret: webhookSecret)
        let server = MockZoomServer(
            configuration: MockZoomConfiguration(
                app: app, consent: consent, faults: faults, misbehaviours: misbehaviours, plan: plan))
        try await server.start()
        let clock = server.clock
        let store = IntegrationStateStore.forCheck(under: stateRoot)
        let keepState = stateRoot != nil
        let integration = ZoomIntegrationService(
            configuration: ZoomConfiguration(
                clientID: app.clientID, clientSecret: Secret(app.clientSecret), redirectURI: app.redirectURIs[0],
                oauthBaseURL: server.baseURL, apiBaseURL: server.baseURL, callPolicy: ZoomCallPolicy(plan: plan)),
            webhookSecret: Secret(webhookSecret), store: store, now: { clock.now() },
            pause: { _ in try? await Task.sleep(for: .milliseconds(5)) }, defects: defects)
        endpoints.attach(integration)
        let user = ProductUser(
            username: "verify", password: Secret(UUID().uuidString), accountID: "acct-screens")
        endpoints.allowSignIn([user])
        return CheckEnvironment(
            integration: integration, backendName: name,
            consent: { account in
                // A signed-in user who clicks Set Up, then Allow: the browser's own flow.
                try await endpoints.connectAsBrowser(account: account)
            },
            journal: { await server.journal() },
            uninstall: { _ in await server.uninstall() },
            cleanup: {
                await server.stop()
                await endpoints.stop()
                if !keepState { try? FileManager.default.removeItem(at: store.directory) }
            },
            screens: ProductScreens(
                appURL: endpoints.baseURL, username: user.username, password: user.password, zoomURL: server.baseURL))
    }
}
