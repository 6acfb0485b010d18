import Foundation
import Logging
import LoopbackHTTP
import Synchronization

/// Mock Zoom served over real HTTP on 127.0.0.1: OAuth at `/oauth/*`, the API at `/v2/*`,
/// controls at `/_mock/*`. Start it in-process (port 0 for tests) or from `verify mock-zoom`.
public final class MockZoomServer: Sendable {
    public let configuration: MockZoomConfiguration
    public let clock: MockClock
    let engine: MockZoomEngine
    private let server = Mutex<LoopbackServer?>(nil)

    public init(configuration: MockZoomConfiguration = MockZoomConfiguration(), clock: MockClock = MockClock()) {
        self.configuration = configuration
        self.clock = clock
        self.engine = MockZoomEngine(configuration: configuration, clock: clock)
    }

    /// `http://127.0.0.1:PORT` once started.
    public var baseURL: String { engine.base.value }

    /// Binds `host:port` (port 0 picks a free one) and returns once the server accepts connections.
    public func start(host: String = "127.0.0.1", port: Int = 0, logger: Logger? = nil) async throws {
        let running = try await LoopbackServer.start(
            MockZoomResponder(engine: engine), host: host, port: port, serverName: "MockZoom",
            logger: logger ?? Self.quietLogger)
        engine.base.set(running.baseURL)
        server.withLock { $0 = running }
    }

    /// Stops accepting connections and waits for the server to finish.
    public func stop() async {
        await server.withLock { running in
            defer { running = nil }
            return running
        }?.stop()
    }

    // MARK: In-process controls (the same as `/_mock/*`)

    public func journal() async -> [JournalEntry] { await engine.store.journal }
    public func clearJournal() async { await engine.store.clearJournal() }
    public func addFault(_ rule: FaultRule) async { await engine.store.addFault(rule) }
    public func clearFaults() async { await engine.store.clearFaults() }
    public func webhookDeliveries() async -> [WebhookDelivery] { await engine.store.deliveries }
    /// Ids of meetings that exist now.
    public func meetingIDs() async -> [Int64] { await engine.store.allMeetings().map(\.id) }
    /// Per category: the plan's limit, the busiest second, the requests refused.
    public func rateLimits() async -> RateLimitReport { await engine.limits.report() }
    /// The Marketplace uninstall; `true` when the app was installed for the user.
    @discardableResult public func uninstall() async -> Bool { await engine.uninstall() }

    static let quietLogger = LoopbackServer.quietLogger("MockZoom")
}

/// An error starting the mock.
public struct MockZoomError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
