import Foundation
import Hummingbird
import LoopbackHTTP

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
    private let server: LoopbackServer

    private init(url: String, log: Log, server: LoopbackServer) {
        self.url = url
        self.log = log
        self.server = server
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
        let server = try await LoopbackServer.start(
            router.buildResponder(), logger: LoopbackServer.quietLogger("receiver"))
        return WebhookReceiver(url: server.baseURL + "/zoom/webhook", log: log, server: server)
    }

    var received: [Received] { get async { await log.items } }

    func stop() async {
        await server.stop()
    }
}
