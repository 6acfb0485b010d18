import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Mock Zoom served over real HTTP on 127.0.0.1: OAuth at `/oauth/*`, the API at `/v2/*`,
/// controls at `/_mock/*`. Start it in-process (port 0 for tests) or from `verify mock-zoom`.
public final class MockZoomServer: Sendable {
    public let configuration: MockZoomConfiguration
    public let clock: MockClock
    let engine: MockZoomEngine
    private let state = Mutex<RunState>(RunState())

    struct RunState {
        var group: ServiceGroup?
        var task: Task<Void, any Error>?
    }

    public init(configuration: MockZoomConfiguration = MockZoomConfiguration(), clock: MockClock = MockClock()) {
        self.configuration = configuration
        self.clock = clock
        self.engine = MockZoomEngine(configuration: configuration, clock: clock)
    }

    /// `http://127.0.0.1:PORT` once started.
    public var baseURL: String { engine.base.value }

    /// Binds `host:port` (port 0 picks a free one) and returns once the server accepts connections.
    public func start(host: String = "127.0.0.1", port: Int = 0, logger: Logger? = nil) async throws {
        let bound = AsyncStream.makeStream(of: Int?.self)
        let application = Application(
            responder: MockZoomResponder(engine: engine),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "MockZoom"),
            onServerRunning: { channel in bound.continuation.yield(channel.localAddress?.port) },
            logger: logger ?? Self.quietLogger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application], gracefulShutdownSignals: [], logger: logger ?? Self.quietLogger))
        let task = Task { try await group.run() }
        state.withLock { $0 = RunState(group: group, task: task) }
        for await boundPort in bound.stream {
            guard let boundPort else { break }
            engine.base.set("http://\(host):\(boundPort)")
            return
        }
        throw MockZoomError("the mock could not bind \(host):\(port)")
    }

    /// Stops accepting connections and waits for the server to finish.
    public func stop() async {
        let running = state.withLock { state -> RunState in
            defer { state = RunState() }
            return state
        }
        await running.group?.triggerGracefulShutdown()
        _ = try? await running.task?.value
    }

    // MARK: In-process controls (the same as `/_mock/*`)

    public func journal() async -> [JournalEntry] { await engine.store.journal }
    public func clearJournal() async { await engine.store.clearJournal() }
    public func addFault(_ rule: FaultRule) async { await engine.store.addFault(rule) }
    public func webhookDeliveries() async -> [WebhookDelivery] { await engine.store.deliveries }
    /// Ids of meetings that exist now.
    public func meetingIDs() async -> [Int64] { await engine.store.allMeetings().map(\.id) }
    /// The Marketplace uninstall; `true` when the app was installed for the user.
    @discardableResult public func uninstall() async -> Bool { await engine.uninstall() }

    static let quietLogger: Logger = {
        var logger = Logger(label: "MockZoom")
        logger.logLevel = .error
        return logger
    }()
}

/// An error starting the mock.
public struct MockZoomError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
