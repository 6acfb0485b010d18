import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A stand-in for the app's webhook endpoint: records every POST it receives.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var headers: [String: String]
        var body: String
    }

    actor Log {
        var items: [Received] = []
        func add(_ item: Received) { items.append(item) }
    }

    let url: String
    private let log: Log
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(url: String, log: Log, group: ServiceGroup, task: Task<Void, any Error>) {
        self.url = url
        self.log = log
        self.group = group
        self.task = task
    }

    static func start() async throws -> WebhookReceiver {
        let log = Log()
        let router = Router()
        router.post("/zoom/webhook") { request, _ -> HTTPResponse.Status in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            await log.add(Received(headers: headers, body: String(buffer: body)))
            return .noContent
        }
        var logger = Logger(label: "receiver")
        logger.logLevel = .error
        let bound = AsyncStream.makeStream(of: Int?.self)
        let app = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { bound.continuation.yield($0.localAddress?.port) }, logger: logger)
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        let task = Task { try await group.run() }
        var port = 0
        for await value in bound.stream {
            port = value ?? 0
            break
        }
        return WebhookReceiver(url: "http://127.0.0.1:\(port)/zoom/webhook", log: log, group: group, task: task)
    }

    var received: [Received] { get async { await log.items } }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
