import Foundation
import Synchronization
import ZoomAPI

/// The mock's behaviour, independent of the HTTP server: a request in, Zoom's answer out,
/// with faults applied and every OAuth and API call journaled.
struct MockZoomEngine: Sendable {
    let configuration: MockZoomConfiguration
    let store: MockZoomStore
    let clock: MockClock
    let webhooks: WebhookSender
    let base: BaseURL
    let limits: MockLimits
    /// When the server started, for the journal's real-time stamps (rate limits are real time).
    let started = ContinuousClock.now

    init(configuration: MockZoomConfiguration, clock: MockClock) {
        self.configuration = configuration
        self.store = MockZoomStore(faults: configuration.faults)
        self.limits = MockLimits(plan: configuration.plan)
        self.clock = clock
        self.webhooks = WebhookSender(app: configuration.app, clock: clock)
        self.base = BaseURL()
    }

    func handle(_ request: MockRequest) async -> MockResponse {
        if request.path.hasPrefix("/_mock/") || request.path.hasPrefix("/j/") || request.path.hasPrefix("/s/") {
            return await admin(request) ?? .json(404, ["error": "no such mock endpoint: \(request.path)"])
        }
        let fault =
            await store.takeFault(method: request.method, path: request.path)
            ?? request.headers["x-mock-fault"].flatMap(Fault.init)
        let elapsed = (ContinuousClock.now - started) / .seconds(1)
        let response = await respond(to: request, fault: fault)
        await store.record(
            JournalEntry(
                method: request.method, path: request.path, time: clock.now(),
                token: await store.label(ofAccessToken: request.bearerToken), status: response.status,
                fault: fault?.description, elapsed: elapsed,
                category: request.path.hasPrefix("/v2/")
                    ? RateLimitCategory.of(method: request.method, path: request.path).rawValue : nil))
        return response
    }

    private func respond(to request: MockRequest, fault: Fault?) async -> MockResponse {
        switch fault {
        case .rateLimited(let seconds):
            return .apiError(
                429, code: 429, "You have reached the maximum per-second rate limit for this API. Try again later.",
                headers: [
                    ("Retry-After", String(seconds)), ("X-RateLimit-Category", "Medium"), ("X-RateLimit-Type", "QPS"),
                    ("X-RateLimit-Limit", "2"), ("X-RateLimit-Remaining", "0"),
                ])
        case .serverError(let status):
            return .apiError(status, code: status, "Internal Server Error")
        case .dropConnection:
            return .drop
        case .delay(let milliseconds):
            try? await Task.sleep(for: .milliseconds(milliseconds))
        default:
            break
        }
        let response = await route(request, fault: fault)
        if fault == .createdButResponseLost, response.status == 201 { return .drop }
        return response
    }

    private func route(_ request: MockRequest, fault: Fault?) async -> MockResponse {
        switch (request.method, request.path) {
        case ("GET", "/oauth/authorize"): return await authorize(request)
        case ("POST", "/oauth/authorize/consent"): return await consentDecision(request)
        case ("POST", "/oauth/token"): return await token(request)
        case ("POST", "/oauth/revoke"): return await revoke(request)
        case (_, let path) where path.hasPrefix("/v2/"): return await api(request, fault: fault)
        default: return .apiError(404, code: 404, "Not found: \(request.method) \(request.path)")
        }
    }
}

/// The address the server bound, known only once it runs; meeting links are built from it.
final class BaseURL: Sendable {
    private let stored = Mutex<String>("http://127.0.0.1")

    var value: String { stored.withLock { $0 } }

    func set(_ value: String) { stored.withLock { $0 = value } }
}
