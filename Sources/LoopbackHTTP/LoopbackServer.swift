import Hummingbird
import Logging
import ServiceLifecycle

/// One running Hummingbird server, started and stopped the same way by every server we have
/// (Mock Zoom, the integration's callback and webhook endpoints, `helpcenter serve`, test
/// receivers): `start` returns once the port is bound, or throws when it cannot be.
public final class LoopbackServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let baseURL: String
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(baseURL: String, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.baseURL = baseURL
        self.port = port
        self.group = group
        self.task = task
    }

    /// Serves `responder` on `host:port` (port 0 picks a free one).
    /// - Parameter idleTimeout: a connection that sends nothing for this long while a request is
    ///   unfinished (or none started) is closed, so half-sent headers cannot hold it forever.
    public static func start<Responder: HTTPResponder>(
        _ responder: Responder, host: String = "127.0.0.1", port: Int = 0, serverName: String? = nil,
        idleTimeout: Duration = .seconds(30), logger: Logger
    ) async throws -> LoopbackServer where Responder.Context == BasicRequestContext {
        let bound = AsyncStream.makeStream(of: Int?.self)
        let milliseconds = Int64(idleTimeout / .milliseconds(1))
        let application = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .milliseconds(milliseconds))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { bound.continuation.yield($0.localAddress?.port) }, logger: logger)
        let group = ServiceGroup(services: [application], gracefulShutdownSignals: [], logger: logger)
        // The stream ends when the server does, so a failed bind cannot leave `start` waiting.
        let task = Task {
            defer { bound.continuation.finish() }
            try await group.run()
        }
        for await boundPort in bound.stream {
            guard let boundPort else { break }
            return LoopbackServer(baseURL: "http://\(host):\(boundPort)", port: boundPort, group: group, task: task)
        }
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        throw LoopbackServerError(description: "cannot listen on \(host):\(port)")
    }

    /// Stops accepting connections and waits for the server to finish.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// A logger that reports only errors: servers stay quiet unless something breaks.
    public static func quietLogger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = .error
        return logger
    }
}

/// The server could not bind its address.
public struct LoopbackServerError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
