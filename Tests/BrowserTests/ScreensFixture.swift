import DocVerify
import Foundation
import MockZoom
import TestSupport
import WebDriver
import ZoomAPI
import ZoomIntegration

/// The product's screens on a loopback port, wired to an in-process Mock Zoom, one user who
/// may sign in, and a Chromium session with a runner for screen steps.
struct ScreensFixture: Sendable {
    static let account = "acct-screens"
    let integration: ZoomIntegrationService
    let endpoints: IntegrationEndpoints

    /// Whether the account is connected, asked from a blocking thread.
    func connected() -> Bool {
        let answer = BlockingAnswer()
        Task { [integration] in answer.set(await integration.isConnected(accountID: Self.account)) }
        return answer.wait()
    }

    static func with(_ body: @escaping @Sendable (ScreensFixture, ScreenStepRunner) throws -> Void) async throws {
        let endpoints = IntegrationEndpoints()
        try await endpoints.start()
        let app = RegisteredApp(
            redirectURIs: [endpoints.baseURL + IntegrationEndpoints.callbackPath],
            webhookURL: endpoints.baseURL + IntegrationEndpoints.webhookPath, webhookSecret: "whsec-screens")
        let server = MockZoomServer(configuration: MockZoomConfiguration(app: app))
        try await server.start()
        let store = IntegrationStateStore.temporary()
        let integration = ZoomIntegrationService(
            configuration: ZoomConfiguration(
                clientID: app.clientID, clientSecret: Secret(app.clientSecret), redirectURI: app.redirectURIs[0],
                oauthBaseURL: server.baseURL, apiBaseURL: server.baseURL),
            webhookSecret: Secret(app.webhookSecret), store: store)
        endpoints.attach(integration)
        endpoints.allowSignIn([ProductUser(username: "ada", password: Secret("correct horse"), accountID: account)])
        let fixture = ScreensFixture(integration: integration, endpoints: endpoints)
        let base = endpoints.baseURL
        let outcome: Result<Void, any Error>
        do {
            try await offThePool {
                let driver = try ChromeDriver()
                let session = try driver.newSession(width: 1280, height: 800)
                defer {
                    session.quit()
                    driver.stop()
                }
                try body(
                    fixture,
                    ScreenStepRunner(session: session, appURL: base, username: "ada", password: Secret("correct horse"))
                )
            }
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await server.stop()
        await endpoints.stop()
        try? FileManager.default.removeItem(at: store.directory)
        try outcome.get()
    }
}

/// One value handed from a task to a waiting thread.
final class BlockingAnswer: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value = false
    func set(_ answer: Bool) {
        value = answer
        done.signal()
    }
    func wait() -> Bool {
        done.wait()
        return value
    }
}
